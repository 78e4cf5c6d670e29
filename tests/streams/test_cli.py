"""The command line: help, argument errors, exit codes, and an unreachable broker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from streams.broker import free_port

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = ["broker", "worker", "feed", "replay", "subscribe", "tables", "classify", "extract", "demo", "train", "evaluate",
            "config", "bench"]


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if k != "KAFKA_BOOTSTRAP_SERVERS"}
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], env=full, cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    out = run(command, "--help")
    assert out.returncode == 0 and "Usage:" in out.stdout


def test_unknown_event_type_is_a_usage_error():
    out = run("subscribe", "earthquakes", env={"KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1"})
    assert out.returncode == 2 and "earthquakes" in out.stderr


def test_no_broker_configured_is_a_clear_error():
    out = run("replay")
    assert out.returncode == 1 and "KAFKA_BOOTSTRAP_SERVERS" in out.stderr


def test_missing_input_file():
    out = run("feed", "does-not-exist.jsonl", env={"KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1"})
    assert out.returncode == 2 and "no such file" in out.stderr


def test_bad_setting_fails_at_start_naming_the_variable():
    out = run("worker", env={"KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1", "EVENTX_PARTITIONS": "zero"})
    assert out.returncode == 1 and "EVENTX_PARTITIONS" in out.stderr


@pytest.mark.parametrize("command", [["replay"], ["worker"], ["subscribe", "all"]])
def test_unreachable_broker_retries_then_exits_non_zero(command):
    port = free_port()
    t0 = time.monotonic()
    out = run(*command, env={"KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{port}", "EVENTX_BROKER_DEADLINE_S": "3"}, timeout=60)
    elapsed = time.monotonic() - t0
    assert out.returncode == 3, out.stderr[-2000:]
    assert f"127.0.0.1:{port}" in out.stderr and "EVENTX_BROKER_DEADLINE_S" in out.stderr
    assert "retry" in out.stderr  # it said it was retrying, with backoff
    assert elapsed < 40


def test_replay_dry_run_prints_the_articles():
    out = run("replay", "--dry-run")
    assert out.returncode == 0
    arts = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(arts) == 12 and all({"id", "text", "title", "published"} <= set(a) for a in arts)


def test_classify_contract_with_the_baseline():
    stdin = "\n".join([json.dumps({"id": "1", "text": "Ukrainian drones struck an oil refinery in Ryazan overnight."}),
                       json.dumps({"id": "2", "text": "The weather was mild."})])
    out = run("classify", "--classifier", "baseline", stdin=stdin)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows[0]["id"] == "1" and rows[0]["labels"] == ["drone_strike"]
    assert rows[1]["labels"] == [] and set(rows[1]["scores"]) == {"drone_strike", "negotiation", "sanctions", "prisoner_swap"}


def test_classify_reports_bad_lines():
    out = run("classify", "--classifier", "baseline", stdin='{"id": 1}\nnot json\n')
    assert out.returncode == 2 and "line 1" in out.stderr and "line 2" in out.stderr


def test_extract_emits_schema_valid_events_and_flags_bad_lines(schemas):
    stdin = "\n".join([
        json.dumps({"id": "x1", "published": "2025-07-09", "text": "Russian drones struck Kharkiv overnight, killing three people."}),
        json.dumps({"id": "x2", "text": ""}),
    ])
    out = run("extract", "--classifier", "baseline", stdin=stdin)
    assert out.returncode == 2
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert events and all(e["article_id"] == "x1" for e in events)
    from schemas.validate import errors

    assert all(not errors(schemas["event"], e) for e in events)
    assert "empty_text" in out.stderr
