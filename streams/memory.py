"""The worker's memory: glibc arena limits and trimming, and where memory goes.

Inference runs in an executor thread with tensors of a different shape each
batch. glibc gives every thread its own arena and rarely returns freed pages
to the OS, so RSS climbs with fragmentation, not with live data (a 10-minute
soak measured 365 MB held free inside malloc). The worker therefore caps the
number of arenas at start (`limit_arenas`, before any thread exists) and
calls `malloc_trim` periodically (`EVENTX_MALLOC_TRIM_S`).

`GET /debug/memory` reports RSS, the Python heap, glibc's arenas, live objects. Growth in RSS with a flat Python heap points
at native memory (torch, tokenizers, malloc fragmentation); growth in the
heap points at Python objects, and `tracemalloc` says which lines allocated
them. Tracing starts on request (`?trace=start`), after the model has
loaded: a snapshot then holds only what was allocated since, and stays cheap
enough to take on a live worker.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

_baseline: tracemalloc.Snapshot | None = None


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def _libc() -> Any:
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name) if name else None


def malloc_info() -> dict[str, float] | None:
    """glibc's view: bytes in use vs held free inside its arenas (fragmentation)."""
    libc = _libc()
    if libc is None or not hasattr(libc, "mallinfo2"):
        return None
    libc.mallinfo2.restype = _Mallinfo2
    m = libc.mallinfo2()
    mb = 1024 * 1024
    return {"arena_mb": round((m.arena + m.hblkhd) / mb, 1), "in_use_mb": round((m.uordblks + m.hblkhd) / mb, 1),
            "free_held_mb": round(m.fordblks / mb, 1), "mmapped_mb": round(m.hblkhd / mb, 1)}


def malloc_trim() -> bool:
    """Return free pages at the top and inside every arena to the OS; True if any were released."""
    libc = _libc()
    return bool(libc is not None and hasattr(libc, "malloc_trim") and libc.malloc_trim(0))


M_ARENA_MAX = -8  # glibc's mallopt parameter number


def limit_arenas(n: int = 2) -> bool:
    """At most `n` malloc arenas for the process (what MALLOC_ARENA_MAX=n does); call before threads start."""
    libc = _libc()
    return bool(libc is not None and hasattr(libc, "mallopt") and libc.mallopt(M_ARENA_MAX, n))


def object_counts(top: int = 15) -> list[tuple[str, int]]:
    return Counter(type(o).__name__ for o in gc.get_objects()).most_common(top)


def start_tracing() -> None:
    global _baseline
    if not tracemalloc.is_tracing():
        tracemalloc.start(1)
    _baseline = None


def report(top: int = 15, reset: bool = False, objects: bool = False) -> dict[str, Any]:
    """One sample. With tracing on, `growth` lists the lines whose allocations grew since the first sample."""
    global _baseline
    out: dict[str, Any] = {"rss_mb": round(rss_mb(), 1), "malloc": malloc_info(), "tracemalloc": tracemalloc.is_tracing()}
    if objects:  # walks every live object: about a second on a loaded worker
        out["objects"] = object_counts(top)
    if tracemalloc.is_tracing():
        snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
        current, _peak = tracemalloc.get_traced_memory()
        out["python_heap_mb"] = round(current / 1024 / 1024, 1)
        if _baseline is None or reset:
            _baseline = snap
        out["growth"] = [{"where": str(s.traceback[0]), "kb": round(s.size_diff / 1024, 1), "count": s.count_diff}
                         for s in snap.compare_to(_baseline, "lineno")[:top]]
    return out
