"""HTTP views on the worker's web server (README "HTTP API").

Per-type state lives in the partition its event type hashes to; a request
that reaches a worker which does not own that partition is forwarded by
Faust's router to the one that does.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from faust.exceptions import SameNode
from faust.web import Request, Response, View

from models import EVENT_TYPES
from models.clustering import public
from streams import metrics as M
from streams.app import AGGREGATES, app, clusters, recent_events, type_day_counts, type_stats
from streams.state import RECENT_SLOTS, STATE


async def _routed(web: View, request: Request, key: str) -> Response | None:
    """Forward to the owner of `key`'s partition, or None when that is us."""
    try:
        return await app.router.route_req(type_stats.name, key, web, request)
    except SameNode:
        return None
    except Exception:
        return None


def _bad_type(web: View, event_type: str) -> Response:
    return web.json({"error": f"unknown event type {event_type!r}", "types": list(EVENT_TYPES)}, status=404)


def summary(event_type: str) -> dict[str, Any]:
    stats = dict(type_stats.get(event_type) or {})
    per_day: dict[str, int] = {}
    for key, value in type_day_counts.table.data.items():
        k, (start, _end) = key
        if k == event_type:
            from datetime import datetime

            count = value.get("n", 0) if isinstance(value, dict) else value
            if count:
                per_day[datetime.fromtimestamp(start, UTC).date().isoformat()] = count
    return {
        "event_type": event_type,
        "mentions": stats.get("mentions", 0),
        "clusters": stats.get("clusters", 0),
        "last_detected_at": stats.get("last_detected_at"),
        "per_day": dict(sorted(per_day.items())),
    }


def recent(event_type: str, limit: int) -> list[dict[str, Any]]:
    seq = (type_stats.get(event_type) or {}).get("seq", 0)
    out = []
    for s in range(seq, max(0, seq - min(limit, RECENT_SLOTS)), -1):
        item = recent_events.get(f"{event_type}|{s % RECENT_SLOTS}")
        if item and item["seq"] == s:
            out.append(item)
    return out


def aggregates(event_type: str) -> dict[str, Any]:
    """Totals per aggregate key, with the clusters behind them (the per-cluster shares stay internal)."""
    out = {}
    for k, v in sorted(AGGREGATES[event_type].items()):
        by = v.get("_by") or {}
        if by:
            out[k] = {**{f: x for f, x in v.items() if not f.startswith("_")}, "cluster_ids": sorted(by)}
    return out


@app.page("/health")
async def health(web: View, request: Request) -> Response:
    return web.json({"status": "ok"})


@app.page("/ready")
async def ready(web: View, request: Request) -> Response:
    body = {"ready": bool(M.READY._value.get()), "model_loaded": STATE.model_loaded.is_set(),
            "partitions_assigned": STATE.assigned,
            "model_version": STATE.inference.model_version if STATE.inference else None}
    return web.json(body, status=200 if body["ready"] else 503)


@app.page("/metrics")
async def metrics(web: View, request: Request) -> Response:
    # aiohttp wants the charset apart from the content type.
    return web.bytes(M.render(), content_type="text/plain; version=0.0.4")


@app.page("/tables")
async def tables(web: View, request: Request) -> Response:
    return web.json({t: summary(t) for t in EVENT_TYPES})


@app.page("/tables/{event_type}")
async def table_view(web: View, request: Request, event_type: str) -> Response:
    if event_type not in EVENT_TYPES:
        return _bad_type(web, event_type)
    routed = await _routed(web, request, event_type)
    if routed is not None:
        return routed
    return web.json({**summary(event_type), "recent": recent(event_type, 10)})


@app.page("/events/{event_type}/stats")
async def stats_view(web: View, request: Request, event_type: str) -> Response:
    if event_type not in EVENT_TYPES:
        return _bad_type(web, event_type)
    routed = await _routed(web, request, event_type)
    if routed is not None:
        return routed
    return web.json({**summary(event_type), "aggregates": aggregates(event_type)})


@app.page("/events/{event_type}/recent")
async def recent_view(web: View, request: Request, event_type: str) -> Response:
    if event_type not in EVENT_TYPES:
        return _bad_type(web, event_type)
    try:
        limit = max(1, min(RECENT_SLOTS, int(request.query.get("limit", "10"))))
    except ValueError:
        return web.json({"error": "limit must be an integer"}, status=400)
    routed = await _routed(web, request, event_type)
    if routed is not None:
        return routed
    return web.json({"event_type": event_type, "events": recent(event_type, limit)})


@app.page("/clusters/{cluster_id}")
async def cluster_view(web: View, request: Request, cluster_id: str) -> Response:
    parts = cluster_id.split("-")
    event_type = next((t for t in EVENT_TYPES if cluster_id.startswith(f"cl-{t}-")), None)
    if event_type is None or len(parts) < 3:
        return web.json({"error": f"not a cluster id: {cluster_id!r}"}, status=404)
    routed = await _routed(web, request, event_type)
    if routed is not None:
        return routed
    state = clusters.get(cluster_id)
    if state is None:
        return web.json({"error": f"no cluster {cluster_id!r}"}, status=404)
    return web.json(public(state))


@app.page("/debug/consumer")
async def consumer_debug(web: View, request: Request) -> Response:
    """Per partition: assigned, fetching (active), paused, buffer-full, read and committed offsets, highwater.

    For operators whose worker reports lag but makes no progress.
    """
    consumer = app.consumer
    active = consumer._get_active_partitions()
    rows = []
    for tp in sorted(consumer.assignment()):
        rows.append({
            "topic": tp.topic, "partition": tp.partition, "active": tp in active,
            "paused": tp in consumer._paused_partitions, "buffer_full": tp in consumer._buffered_partitions,
            "read_offset": consumer._read_offset.get(tp), "committed": consumer._committed_offset.get(tp),
            "highwater": consumer.highwater(tp),
        })
    return web.json({"flow_active": app.flow_control.is_active(), "in_recovery": app.in_recovery,
                     "rebalancing": app.rebalancing, "unacked": len(consumer._unacked_messages), "partitions": rows})


@app.page("/debug/memory")
async def memory_debug(web: View, request: Request) -> Response:
    """RSS, glibc arenas and, once traced, Python allocation growth by line.

    `?trace=start` starts tracemalloc (the next samples diff against this
    point); `?objects=1` adds live object counts by type; `?trim=1` returns
    freed malloc memory to the OS first; `?reset=1` starts a new baseline.
    """
    from streams import memory

    q = request.query
    if q.get("trace") == "start":
        memory.start_tracing()
    if q.get("trim") == "1":
        memory.malloc_trim()
        if STATE.inference is not None:
            await STATE.inference.trim()
    out = memory.report(reset=q.get("reset") == "1", objects=q.get("objects") == "1")
    if STATE.inference is not None:
        # The model lives in the inference processes (streams.inference); the worker's footprint is all of them.
        children = STATE.inference.memory()
        out["inference_processes"] = children
        out["rss_total_mb"] = round(out["rss_mb"] + children["rss_mb"], 1)
    return web.json(out)
