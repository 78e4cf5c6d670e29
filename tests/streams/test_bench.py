"""Pure helpers of `eventx bench` (the benchmark itself is run by hand, never as a timed test)."""

from __future__ import annotations

from streams.bench import behind, parse_gpu_samples


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
