"""The worker's memory helpers (streams.memory), on this process."""

from __future__ import annotations

import sys

import pytest

from streams import memory

glibc = pytest.mark.skipif(not sys.platform.startswith("linux") or memory.malloc_info() is None, reason="needs glibc")


@glibc
def test_trim_returns_freed_memory_to_the_os():
    blocks = [bytearray(64 * 1024) for _ in range(4000)]  # ~250 MB in small chunks inside malloc's heap
    del blocks[::2]
    assert memory.malloc_info()["free_held_mb"] > 50  # freed, but between live chunks: malloc keeps the pages
    before = memory.rss_mb()
    memory.malloc_trim()
    assert memory.rss_mb() < before - 50
    del blocks


@glibc
def test_arena_limit_is_accepted():
    assert memory.limit_arenas(2) is True


def test_report_with_tracing_lists_the_lines_that_grew():
    memory.start_tracing()
    try:
        memory.report()  # baseline
        hoard = [[str(i) * 50] for i in range(50_000)]  # lists: the GC tracks containers, not strings
        out = memory.report(objects=True)
        assert out["tracemalloc"] is True and out["python_heap_mb"] >= 2
        assert any(__file__ in g["where"] for g in out["growth"])
        assert dict(out["objects"]).get("list", 0) >= 50_000
        del hoard
    finally:
        import tracemalloc

        tracemalloc.stop()
