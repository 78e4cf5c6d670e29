"""The inference processes: sharding (pure), and the same records from N processes as from the in-process path."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from models.extraction.extract import ArticleMeta
from models.pipeline import ArticleProcessor
from streams.inference import InferenceConfig, InferencePool, Job, run_batch, shard
from streams.workload import synthetic_articles


def _jobs(n: int, seed: int = 5) -> list[Job]:
    arts = synthetic_articles(n, seed=seed, min_sentences=3, max_sentences=12, id_prefix="inf")
    return [Job(ArticleMeta(a["id"], a["text"], a.get("title"), None, None, a.get("published"))) for a in arts]


def test_shards_cover_every_job_once_and_balance_length():
    jobs = _jobs(40)
    parts = shard(jobs, 3)
    assert sorted(i for p in parts for i in p) == list(range(40))
    assert all(p == sorted(p) for p in parts)
    loads = [sum(len(jobs[i].meta.text) for i in p) for p in parts]
    assert max(loads) - min(loads) <= max(len(j.meta.text) for j in jobs)  # greedy longest-first bound
    assert shard(jobs, 3) == parts  # deterministic
    assert shard(jobs[:2], 3)[2] == []  # fewer jobs than workers


@pytest.fixture(scope="module")
def pool():  # type: ignore[no-untyped-def]
    # fp32: its scores do not move with the batch shape, so the two paths below must agree exactly.
    p = InferencePool(InferenceConfig(quantize="none", torch_threads=1), 2)
    p.start()
    yield p
    p.close()


def test_two_processes_give_the_records_of_the_in_process_path(pool, transformer):  # type: ignore[no-untyped-def]
    if transformer.quantize != "none":
        from models.classifier import load_classifier

        transformer = load_classifier("transformer", quantize="none")
    jobs = _jobs(24)
    prepared, detections, events, timings = asyncio.run(pool.run(jobs))
    _, ref_detections, ref_events, _ = run_batch(jobs, ArticleProcessor(transformer), 2000)
    assert [p.meta.id for p in prepared] == [j.meta.id for j in jobs]
    assert detections == ref_detections
    assert events == ref_events
    assert sum(len(e) for e in events) > 0
    assert all(set(t) == {"split", "tokenize", "forward", "extract"} for t in timings)


def test_stored_detections_are_not_classified_again(pool):  # type: ignore[no-untyped-def]
    job = _jobs(1, seed=9)[0]
    fresh = asyncio.run(pool.run([job]))
    stored = [d for d in fresh[1][0]]
    cached = Job(job.meta, None, stored[:1])  # what article_digests holds for a redelivered article
    again = asyncio.run(pool.run([cached]))
    assert again[1][0] == stored[:1]
    assert again[3][0]["forward"] == 0.0 and again[3][0]["tokenize"] == 0.0


def test_a_killed_process_is_restarted_and_the_batch_fails_cleanly(pool):  # type: ignore[no-untyped-def]
    victim = pool.processes[0]
    old_pid = victim.pid
    assert old_pid is not None
    os.kill(old_pid, signal.SIGKILL)
    jobs = _jobs(6, seed=11)
    with pytest.raises(Exception):  # noqa: B017 - BrokenProcessPool, surfaced to the worker to retry one by one
        asyncio.run(pool.run(jobs))
    assert victim.pid != old_pid and victim.restarts == 1
    prepared, *_ = asyncio.run(pool.run(jobs))  # the new process serves the retry
    assert [p.meta.id for p in prepared] == [j.meta.id for j in jobs]


def test_inference_processes_exit_when_the_worker_is_killed(tmp_path):
    """After a kill -9 of the worker nothing would stop its inference processes and their models' memory."""
    import subprocess
    import sys
    import time
    from pathlib import Path

    code = ("import time\nfrom streams.inference import InferenceConfig, InferencePool\n"
            "if __name__ == '__main__':\n"
            "    pool = InferencePool(InferenceConfig(classifier='baseline'), 2)\n    pool.start()\n"
            "    print(*[p.pid for p in pool.processes], flush=True)\n    time.sleep(300)\n")
    script = tmp_path / "parent.py"
    script.write_text(code)
    parent = subprocess.Popen([sys.executable, str(script)], cwd=Path(__file__).resolve().parents[2], stdout=subprocess.PIPE, text=True)
    try:
        children = [int(x) for x in parent.stdout.readline().split()]  # type: ignore[union-attr]
        assert len(children) == 2 and all(Path(f"/proc/{c}").exists() for c in children)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 15
    while any(Path(f"/proc/{c}").exists() and "Z" not in Path(f"/proc/{c}/stat").read_text().split(")")[1][:3]
              for c in children if Path(f"/proc/{c}").exists()):
        assert time.monotonic() < deadline, f"inference processes {children} outlived their worker"
        time.sleep(0.2)
