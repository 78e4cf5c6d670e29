"""Pure helpers of `eventx bench` (the benchmark itself is run by hand, never as a timed test)."""

from __future__ import annotations

from streams.bench import behind, parse_gpu_samples, retained_by_process


def test_gpu_samples_are_summarised_and_noise_is_skipped():
    text = "87, 1024\n93, 1100\n[N/A], 1100\n\n100, 1200.5\n"
    r = parse_gpu_samples(text)
    assert r == {"samples": 3, "utilization_mean_pct": 93.3, "utilization_p50_pct": 93.0, "utilization_max_pct": 100.0,
                 "memory_max_mib": 1200.5}
    assert parse_gpu_samples("") is None
    assert parse_gpu_samples("NVIDIA-SMI has failed\n") is None


def _row(active: bool, read: int | None, committed: int | None, high: int) -> dict[str, object]:
    return {"topic": "t", "partition": 0, "active": active, "read_offset": read, "committed": committed, "highwater": high}


def test_behind_counts_what_is_unread_or_uncommitted_on_fetched_partitions_only():
    caught_up = {"partitions": [_row(True, 9, 9, 10), _row(True, None, None, 0)]}
    assert behind(caught_up) == 0
    # read but not yet committed still counts; a changelog partition (not fetched) does not
    busy = {"partitions": [_row(True, 9, 6, 10), _row(True, 3, 3, 10), _row(False, None, None, 500)]}
    assert behind(busy) == 3 + 6


def test_retained_memory_is_split_by_process_with_a_late_slope():
    def sample(worker: float, a: float, b: float) -> dict:
        return {"rss_mb": worker, "inference_processes": {"processes": [{"rss_mb": a}, {"rss_mb": b}]}}

    # Eight samples a minute apart: the worker is flat, inference_0 grows 2 MB/min throughout, inference_1
    # grows early and then levels off.
    mem = [(60.0 * i, sample(300.0, 500.0 + 2 * i, 500.0 + min(i, 3) * 10)) for i in range(8)]
    out = retained_by_process(mem)
    assert set(out) == {"worker", "inference_0", "inference_1"}
    assert out["worker"] == {"first": 300.0, "last": 300.0, "second_half_mb_per_min": 0.0}
    assert out["inference_0"]["first"] == 500.0 and out["inference_0"]["last"] == 514.0
    assert abs(out["inference_0"]["second_half_mb_per_min"] - 2.0) < 1e-9
    assert abs(out["inference_1"]["second_half_mb_per_min"]) < 1e-9


def test_retained_memory_without_inference_processes_has_the_worker_only():
    out = retained_by_process([(0.0, {"rss_mb": 100.0}), (30.0, {}), (60.0, {"rss_mb": 110.0})])
    assert list(out) == ["worker"]
    assert out["worker"]["first"] == 100.0 and out["worker"]["last"] == 110.0
    assert out["worker"]["second_half_mb_per_min"] is None  # one point in the second half: no slope
