"""Shared fixtures.

Integration tests run against a real broker: the embedded Tansu started here
once per session, or the cluster named by KAFKA_BOOTSTRAP_SERVERS. Every test
gets its own topic prefix and application id, so tests never see each
other's records, on Tansu or on a shared cluster.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streams.broker import EmbeddedBroker, free_port  # noqa: E402
from streams.settings import Settings  # noqa: E402
from streams.topics import Topics  # noqa: E402


@pytest.fixture(scope="session")
def kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    external = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if external:
        yield external
        return
    broker = EmbeddedBroker(log_file=tmp_path_factory.mktemp("tansu") / "tansu.log")
    broker.start()
    yield broker.bootstrap
    broker.stop()


@dataclass
class Stack:
    """One isolated slice of the broker: topic prefix, app id, settings."""

    bootstrap: str
    prefix: str
    app_id: str
    env: dict[str, str]
    settings: Settings
    topics: Topics
    workers: list[Worker] = field(default_factory=list)

    def worker(self, **env: str) -> Worker:
        port = free_port()
        wenv = dict(self.env, EVENTX_WEB_PORT=str(port), **env)
        log = Path(wenv.get("EVENTX_DATA_DIR", "/tmp")) / f"worker-{len(self.workers)}-{port}.log"
        w = Worker(wenv, port, log)
        w.start()
        self.workers.append(w)
        return w

    def publish(self, articles: list[Any], **kw: Any) -> Any:
        from streams.feed import publish

        return asyncio.run(publish(articles, self.settings, **kw))

    def send_raw(self, messages: list[tuple[bytes | None, bytes | None]], topic: str | None = None) -> None:
        """Send raw (key, value) pairs, bypassing validation: what a careless producer does."""
        from aiokafka import AIOKafkaProducer

        from streams.broker import ensure_topics

        async def go() -> None:
            await ensure_topics(self.settings)
            p = AIOKafkaProducer(bootstrap_servers=self.bootstrap, max_request_size=16 * 1024 * 1024, acks="all")
            await p.start()
            try:
                futs = [await p.send(topic or self.topics.raw, key=k, value=v) for k, v in messages]
                await asyncio.gather(*futs)
            finally:
                await p.stop()

        asyncio.run(go())

    def collect(self, topics: list[str], until: Callable[[list[Any]], bool], timeout: float = 120.0) -> list[Any]:
        """Records on `topics` from the beginning, until `until(records)` holds (or fail after `timeout`)."""
        from streams.subscribe import consume

        records: list[Any] = []

        def on(rec: Any) -> bool:
            records.append(rec)
            return until(records)

        async def go() -> None:
            await asyncio.wait_for(consume(self.settings, topics, on, from_beginning=True), timeout)

        try:
            asyncio.run(go())
        except TimeoutError:
            logs = "\n".join(w.tail() for w in self.workers)
            pytest.fail(f"timed out after {timeout}s with {len(records)} records on {topics}\n{logs}")
        return records


class Worker:
    def __init__(self, env: dict[str, str], port: int, log: Path) -> None:
        self.env = env
        self.port = port
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.log, "ab")  # noqa: SIM115 - owned by the child process
        self.proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "worker"], env=self.env, cwd=ROOT,
                                     stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)

    def get(self, path: str, timeout: float = 5.0) -> tuple[int, Any]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as r:
                body = r.read()
                return r.status, json.loads(body) if r.headers.get_content_type() == "application/json" else body.decode()
        except urllib.error.HTTPError as e:
            body = e.read()
            try:
                return e.code, json.loads(body or b"null")
            except ValueError:
                return e.code, body.decode(errors="replace")

    def wait_ready(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                pytest.fail(f"worker exited with {self.proc.returncode}\n{self.tail()}")
            try:
                status, _ = self.get("/ready", timeout=2)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        pytest.fail(f"worker not ready after {timeout}s\n{self.tail()}")

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self, timeout: float = 30.0) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()

    def kill9(self) -> None:
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def tail(self, n: int = 60) -> str:
        try:
            lines = self.log.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return f"--- {self.log} ---\n" + "\n".join(lines[-n:])


def new_stack(kafka: str, path: Path, **env: str) -> Stack:
    tag = uuid.uuid4().hex[:8]
    prefix = f"t{tag}."
    app_id = f"eventx-t{tag}"
    full = dict(os.environ, KAFKA_BOOTSTRAP_SERVERS=kafka, EVENTX_TOPIC_PREFIX=prefix, EVENTX_APP_ID=app_id,
                EVENTX_STORE="memory://", EVENTX_DATA_DIR=str(path), EVENTX_SESSION_TIMEOUT_S="6",
                EVENTX_HEARTBEAT_S="1", EVENTX_REBALANCE_TIMEOUT_S="6", EVENTX_BROKER_DEADLINE_S="20",
                PYTHONUNBUFFERED="1")
    full.update(env)
    return Stack(kafka, prefix, app_id, full, Settings.from_env(full), Topics(prefix, app_id))


@pytest.fixture
def stack(kafka: str, tmp_path: Path) -> Iterator[Stack]:
    s = new_stack(kafka, tmp_path)
    yield s
    for w in s.workers:
        w.stop()


@pytest.fixture
def make_stack(kafka: str) -> Iterator[Callable[..., Stack]]:
    """new_stack for tests that need several; every worker they start is stopped afterwards."""
    made: list[Stack] = []

    def make(path: Path, **env: str) -> Stack:
        made.append(new_stack(kafka, path, **env))
        return made[-1]

    yield make
    for s in made:
        for w in s.workers:
            w.stop()


@pytest.fixture(scope="module")
def module_stack(kafka: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    s = new_stack(kafka, tmp_path_factory.mktemp("stack"))
    yield s
    for w in s.workers:
        w.stop()


@pytest.fixture(scope="session")
def transformer():  # type: ignore[no-untyped-def]
    from models.classifier import load_classifier

    return load_classifier("transformer")


@pytest.fixture(scope="session")
def schemas():  # type: ignore[no-untyped-def]
    from schemas.validate import validators

    return validators()
