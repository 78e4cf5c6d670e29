"""Pure helpers of `eventx bench` (the benchmark itself is run by hand, never as a timed test)."""

from __future__ import annotations

from streams.bench import parse_gpu_samples


def test_gpu_samples_are_summarised_and_noise_is_skipped():
    text = "87, 1024\n93, 1100\n[N/A], 1100\n\n100, 1200.5\n"
    r = parse_gpu_samples(text)
    assert r == {"samples": 3, "utilization_mean_pct": 93.3, "utilization_p50_pct": 93.0, "utilization_max_pct": 100.0,
                 "memory_max_mib": 1200.5}
    assert parse_gpu_samples("") is None
    assert parse_gpu_samples("NVIDIA-SMI has failed\n") is None
