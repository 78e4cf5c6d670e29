"""End to end on a real broker with the real transformer: seeds in, events out, tables queryable."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from models import EVENT_TYPES
from schemas.validate import errors
from streams.seeds import load_corpus

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def stack(module_stack):  # type: ignore[no-untyped-def]
    return module_stack


@pytest.fixture(scope="module")
def replayed(stack):  # type: ignore[no-untyped-def]
    """A worker that has processed the whole seed corpus; the records it wrote."""
    worker = stack.worker()
    worker.wait_ready()
    articles = [a.to_message() for a in load_corpus(ROOT / "seeds")]
    report = stack.publish(articles)
    assert report.sent == len(articles) and report.rejected == 0
    processed = stack.collect([stack.topics.processed], lambda recs: len({r.key for r in recs}) >= len(articles))
    n_events = sum(len(r.value["event_ids"]) for r in processed)
    events = stack.collect([stack.topics.events_all], lambda recs: len(recs) >= n_events)
    return worker, articles, processed, events


def test_seed_replay_yields_all_four_types_and_one_processed_record_per_article(replayed, stack, schemas):
    _worker, articles, processed, events = replayed
    keys = Counter(r.key for r in processed)
    assert set(keys) == {a["id"] for a in articles}
    assert all(n == 1 for n in keys.values()), keys
    assert {e.value["event_type"] for e in events} == set(EVENT_TYPES)
    for r in processed:
        assert not errors(schemas["processed"], r.value)
        assert r.value["model_version"].startswith("minilm-")
    for e in events:
        assert e.key == e.value["event_id"]
        assert not errors(schemas["event"], e.value), errors(schemas["event"], e.value)
    # Every event id listed in articles.processed was published, and nothing else.
    assert {i for r in processed for i in r.value["event_ids"]} == {e.value["event_id"] for e in events}


def test_per_type_topics_carry_schema_valid_cluster_revisions(replayed, stack, schemas):
    _worker, _articles, _processed, events = replayed
    by_type = Counter(e.value["event_type"] for e in events)
    topics = list(stack.topics.by_type.values())
    revisions = stack.collect(topics, lambda recs: len(recs) >= sum(by_type.values()))
    for r in revisions:
        t = r.value["event_type"]
        assert r.topic == stack.topics.by_type[t]
        assert r.key == r.value["cluster_id"]
        assert not errors(schemas[f"event.{t}"], r.value), errors(schemas[f"event.{t}"], r.value)
    # The two near-identical "Moscow hopes" items are one real-world negotiation.
    moscow = [r.value for r in revisions if len(r.value["article_ids"]) > 1]
    assert moscow, "expected at least one cluster merging reports from two articles"


def test_tables_are_served_over_http(replayed, stack):
    worker, _articles, _processed, events = replayed
    by_type = Counter(e.value["event_type"] for e in events)
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status, tables = worker.get("/tables")
        if status == 200 and all(tables[t]["mentions"] == by_type[t] for t in EVENT_TYPES):
            break
        time.sleep(0.5)
    assert all(tables[t]["mentions"] == by_type[t] for t in EVENT_TYPES), tables
    for t in EVENT_TYPES:
        status, stats = worker.get(f"/events/{t}/stats")
        assert status == 200 and stats["event_type"] == t and stats["aggregates"]
        for agg in stats["aggregates"].values():  # every total traces back to clusters that exist
            assert agg["cluster_ids"] and all(worker.get(f"/clusters/{c}")[0] == 200 for c in agg["cluster_ids"][:3])
        assert sum(stats["per_day"].values()) == by_type[t]
        status, recent = worker.get(f"/events/{t}/recent?limit=2")
        assert status == 200 and 1 <= len(recent["events"]) <= 2
        cid = recent["events"][0]["cluster_id"]
        status, cluster = worker.get(f"/clusters/{cid}")
        assert status == 200 and cluster["cluster_id"] == cid and cluster["event_type"] == t
    assert worker.get("/events/not_a_type/stats")[0] == 404
    assert worker.get("/clusters/cl-nope")[0] == 404
    status, metrics = worker.get("/metrics")
    assert status == 200 and "eventx_events_total" in metrics and "eventx_model_info" in metrics
    assert worker.get("/health") == (200, {"status": "ok"})
    status, consumer = worker.get("/debug/consumer")
    raw = [p for p in consumer["partitions"] if p["topic"] == stack.topics.raw]
    assert status == 200 and consumer["flow_active"] and len(raw) == stack.settings.partitions
    assert all(None in (p["committed"], p["highwater"]) or p["committed"] <= p["highwater"] for p in raw)
    status, mem = worker.get("/debug/memory?trim=1")
    assert status == 200 and mem["tracemalloc"] is False
    # The model lives in the inference processes: their RSS is reported beside the worker's own.
    children = mem["inference_processes"]
    assert len(children["processes"]) == stack.settings.processes() and all(c["pid"] and c["rss_mb"] > 100 for c in children["processes"])
    assert mem["rss_total_mb"] == round(mem["rss_mb"] + children["rss_mb"], 1)


def test_subscribe_cli_receives_events(replayed, stack, schemas):
    out = subprocess.run(
        [sys.executable, "-m", "streams.cli", "subscribe", "drone_strike", "negotiation", "--from-beginning", "--max", "3",
         "--timeout", "60"],
        env=stack.env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == 3
    for rec in lines:
        assert rec["event_type"] in {"drone_strike", "negotiation"}
        assert not errors(schemas[f"event.{rec['event_type']}"], rec)


def test_tables_cli_prints_the_summary(replayed, stack):
    worker = replayed[0]
    out = subprocess.run([sys.executable, "-m", "streams.cli", "tables", "--url", worker.url], env=stack.env, cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    for t in EVENT_TYPES:
        assert t in out.stdout
