"""`eventx demo`: the whole loop on one machine, then a clean shutdown.

Starts the embedded broker (unless KAFKA_BOOTSTRAP_SERVERS names one), a
worker process, replays the seed corpus, prints events as they arrive, waits
until every article has its articles.processed record and the clustering
stage has caught up, prints the per-type tables, and stops everything.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from models import EVENT_TYPES
from streams.broker import EmbeddedBroker, free_port
from streams.settings import Settings
from streams.worker import wait_until_ready


def fetch_json(url: str, timeout: float = 5.0) -> Any:
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return json.loads(resp.read())


def fetch_tables(base: str) -> dict[str, Any]:
    out = {}
    for t in EVENT_TYPES:
        out[t] = fetch_json(f"{base}/events/{t}/stats")
    return out


def _fmt_loc(loc: dict[str, Any] | None) -> str:
    if not loc:
        return "-"
    inner = ", ".join(x for x in (loc.get("admin1") if loc.get("admin1") != loc.get("name") else None, loc.get("country")) if x)
    return f"{loc['name']} ({inner})" if inner else loc["name"]


def _fmt_args(e: dict[str, Any]) -> str:
    parts = []
    for k, v in (e.get("arguments") or {}).items():
        if v in (None, [], {}):
            continue
        if isinstance(v, list):
            v = "+".join(str(x.get("country") or x.get("name")) for x in v)
        elif isinstance(v, dict):
            v = v.get("value", v.get("name"))
        parts.append(f"{k}={v}")
    return " ".join(parts)


def format_event(e: dict[str, Any], counts: Counter[str]) -> str:
    d = e.get("date") or {}
    ev = e["evidence"][0]["sentence"]
    ev = ev if len(ev) <= 110 else ev[:107] + "..."
    return (f"[{e['event_type']} #{counts[e['event_type']]}] {e['modality']:<10} {d.get('value') or '-':<12} "
            f"{_fmt_loc(e.get('location')):<32} {_fmt_args(e)}\n    \u201c{ev}\u201d (p={e['confidence']:.2f})")


def format_tables(data: dict[str, Any]) -> str:
    lines = ["", "Per-type summary (from the worker's tables)", "-" * 72]
    for t, s in data.items():
        lines.append(f"{t:<14} detections={s.get('mentions', 0):<4} real-world events={s.get('clusters', 0):<4}"
                     f" days={len(s.get('per_day', {}))}")
        for key, agg in list((s.get("aggregates") or {}).items())[:8]:
            shown = {k: v for k, v in agg.items() if k not in ("latest", "cluster_ids")}
            latest = agg.get("latest")
            extra = f" latest={latest['modality']}@{latest['date']}" if latest else ""
            lines.append(f"    {key:<36} {json.dumps(shown)}{extra}")
    return "\n".join(lines)


async def _demo(settings: Settings, corpus: Path, base: str, proc: subprocess.Popen[bytes], as_json: bool, timeout: float) -> bool:
    from streams.feed import publish
    from streams.seeds import load_corpus
    from streams.subscribe import consume
    from streams.topics import topics_for

    names = topics_for(settings)

    deadline = time.monotonic() + timeout
    articles = [a.to_message() for a in load_corpus(corpus)]
    say = (lambda s: print(s, file=sys.stderr)) if as_json else print
    say(f"replaying {len(articles)} articles from {corpus}")
    ready = await asyncio.to_thread(wait_until_ready, base, proc, deadline)
    say(f"worker ready: model {ready.get('model_version')}")
    processed: set[str] = set()
    counts: Counter[str] = Counter()
    stop = asyncio.Event()

    def on_record(rec: Any) -> None:
        if rec.topic == names.events_all:
            counts[rec.value["event_type"]] += 1
            print(json.dumps(rec.value, ensure_ascii=False) if as_json else format_event(rec.value, counts), flush=True)
        elif rec.topic == names.processed:
            processed.add(rec.value["article_id"])
        elif rec.topic == names.dlq:
            say(f"dead letter: {rec.value['reason']}: {rec.value['detail']}")

    reader = asyncio.create_task(consume(settings, [names.events_all, names.processed, names.dlq], on_record,
                                         from_beginning=False, stop=stop))
    await asyncio.sleep(1.0)  # let the reader seek to the end before anything is sent
    report = await publish(articles, settings, progress=not as_json, total=len(articles))
    wanted = set(report.ids)
    while time.monotonic() < deadline and not wanted <= processed:
        if reader.done():
            reader.result()
        await asyncio.sleep(0.2)
    # The clustering stage runs behind events.all; wait until it has seen every detection.
    total = sum(counts.values())
    while time.monotonic() < deadline:
        try:
            tables = fetch_json(f"{base}/tables")
            if sum(v.get("mentions", 0) for v in tables.values()) >= total:
                break
        except OSError:
            pass
        await asyncio.sleep(0.3)
    stop.set()
    await reader
    ok = wanted <= processed
    say(f"\n{len(processed & wanted)}/{len(wanted)} articles processed, {total} events "
        f"({', '.join(f'{t}={counts[t]}' for t in EVENT_TYPES)})")
    data = fetch_tables(base)
    if as_json:
        print(json.dumps({"summary": data}, ensure_ascii=False), file=sys.stderr)
    else:
        print(format_tables(data))
    return ok


def run_demo(*, corpus: Path, as_json: bool, classifier: str | None, timeout: float) -> int:
    settings = Settings.from_env()
    workdir = Path(tempfile.mkdtemp(prefix="eventx-demo-"))
    broker: EmbeddedBroker | None = None
    say = (lambda s: print(s, file=sys.stderr)) if as_json else print
    if not settings.bootstrap_servers:
        broker = EmbeddedBroker(log_file=workdir / "tansu.log")
        settings = settings.replace(bootstrap_servers=broker.start())
        say(f"embedded broker on {settings.bootstrap_servers}")
    port = free_port()
    app_id = settings.app_id if broker else f"{settings.app_id}-demo-{uuid.uuid4().hex[:6]}"
    env = dict(os.environ, KAFKA_BOOTSTRAP_SERVERS=settings.bootstrap_servers or "", EVENTX_STORE="memory://",
               EVENTX_DATA_DIR=str(workdir / "data"), EVENTX_WEB_PORT=str(port), EVENTX_APP_ID=app_id,
               EVENTX_SESSION_TIMEOUT_S="6", EVENTX_HEARTBEAT_S="1", EVENTX_REBALANCE_TIMEOUT_S="6")
    if classifier:
        env["EVENTX_CLASSIFIER"] = classifier
    settings = settings.replace(app_id=app_id)
    log_path = workdir / "worker.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "worker"], env=env, stdout=log, stderr=subprocess.STDOUT,
                                cwd=Path(__file__).resolve().parent.parent)
    ok = False
    try:
        ok = asyncio.run(_demo(settings, corpus, f"http://127.0.0.1:{port}", proc, as_json, timeout))
    except (RuntimeError, TimeoutError) as exc:
        say(f"demo failed: {exc}; worker log: {log_path}")
    except KeyboardInterrupt:
        say("interrupted")
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if broker:
            broker.stop()
    say("demo finished: worker and broker stopped" if ok else f"demo incomplete; logs in {workdir}")
    return 0 if ok else 1
