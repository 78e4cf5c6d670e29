"""The clustering stage's state transition: one detection in, table writes out.

A pure function over a key-value view of the stage's tables, so the agent
stays thin and the crash behaviour can be tested without Kafka.

Why offsets ("watermarks") and not a "seen this event id" flag: a worker
killed mid-stream loses an arbitrary subset of its last table writes. Each
table has its own changelog partition, so one detection's writes can survive
for one table and be lost for another; and a RocksDB store that is ahead of
its changelog is partly rolled back on recovery. A single "already merged"
marker then skips the writes that were lost. Instead every value records the
offset of the last detection applied to it, detections of a type are applied
in offset order (one partition per type), and a replayed detection updates
exactly the values whose watermark is older than its offset. Aggregates keep
each cluster's contribution instead of running deltas, so they can be
reconciled from the cluster's current state whatever was lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from models.clustering import assign, contributions, merge, public

RECENT_SLOTS = 50  # latest detections kept per type for /events/<type>/recent

# Logical table names; streams/agents.py maps them onto Faust tables.
MENTIONS = "mention_clusters"  # event id -> {"c": cluster id, "o": offset it was first seen at}
CLUSTERS = "clusters"  # cluster id -> state (+ "_o", "_o0", "_keys")
STATS = "type_stats"  # event type -> {"mentions", "clusters", "seq", "last_detected_at", "_o", "_recent"}
DAYS = "day_counts"  # event type (in the detection's day window) -> {"n", "_o"}
RECENT = "recent_events"  # "<type>|<slot>" -> summary of a detection
AGGREGATE = "aggregate"  # the type's aggregate key -> totals + "_by" (contribution per cluster)

Read = Callable[[str, str], Any]


@dataclass(slots=True)
class Step:
    """What applying one detection does: the writes, in order, and the cluster state to publish."""

    cluster_id: str
    publish: dict[str, Any] | None
    writes: list[tuple[str, str, Any]] = field(default_factory=list)
    duplicate: bool = False  # the same detection delivered again at another offset
    revised: bool = False  # the cluster gained a revision


def _watermark(value: Any) -> int:
    return int(value.get("_o", -1)) if isinstance(value, dict) else -1


def _mention_record(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, str):  # state written before watermarks existed
        return {"c": value, "o": None}
    return value


def aggregate_value(event_type: str, by: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Totals over the clusters that contribute to one aggregate key (deterministic, order-free)."""
    totals: dict[str, float] = {}
    for cid in sorted(by):
        for k, v in by[cid]["n"].items():
            totals[k] = totals.get(k, 0.0) + v
    out: dict[str, Any] = {}
    for k, v in sorted(totals.items()):
        if abs(v) > 1e-9:
            out[k] = int(v) if float(v).is_integer() else round(v, 6)
    if event_type == "negotiation":
        latest = [c["l"] for c in by.values() if c.get("l")]
        out["latest"] = max(latest, key=lambda c: (c["date"] or "", c["cluster_id"])) if latest else None
    out["_by"] = {cid: by[cid] for cid in sorted(by)}
    return out


def _contribution(event_type: str, cluster: dict[str, Any], numbers: dict[str, float]) -> dict[str, Any]:
    entry: dict[str, Any] = {"n": numbers}
    if event_type == "negotiation":
        args = cluster.get("arguments") or {}
        entry["l"] = {"cluster_id": cluster["cluster_id"], "date": (cluster.get("date") or {}).get("value"),
                      "modality": cluster.get("modality"), "format": (args.get("format") or {}).get("value"),
                      "venue": (args.get("venue") or {}).get("name")}
    return entry


def recent_item(mention: dict[str, Any], cid: str, seq: int) -> dict[str, Any]:
    return {
        "seq": seq, "cluster_id": cid, "event_id": mention["event_id"], "article_id": mention["article_id"],
        "date": mention["date"], "modality": mention["modality"], "location": (mention.get("location") or {}).get("name"),
        "evidence": mention["evidence"][0]["sentence"][:300], "confidence": mention["confidence"],
        "title": mention.get("title"),
    }


def apply_mention(mention: dict[str, Any], offset: int, read: Read) -> Step:
    """Apply the detection at `offset` of its type's partition, given the current table values.

    Applying the detections from any committed offset onwards, over any state
    a crash can leave (each value as of some offset at or after the commit),
    gives the same values as applying each detection once.
    """
    et = mention["event_type"]
    eid = mention["event_id"]
    seen = _mention_record(read(MENTIONS, eid))
    if seen is not None and seen["o"] != offset:
        # Stage 1 sent this detection again after a crash; a redelivery
        # republishes the cluster's current state and changes nothing.
        state = read(CLUSTERS, seen["c"])
        return Step(seen["c"], public(state) if state else None, duplicate=True)

    cid = assign(mention)
    writes: list[tuple[str, str, Any]] = []
    old = read(CLUSTERS, cid)
    new = old
    revised = False
    if old is None or _watermark(old) < offset:
        merged = merge(old, mention, cid)
        if merged is not old:
            keys = set(old.get("_keys", [])) if old else set()
            new = {**merged, "_o": offset, "_o0": old.get("_o0", -1) if old else offset,
                   "_keys": sorted(keys | set(contributions(merged)))}
            writes.append((CLUSTERS, cid, new))
            revised = True
    assert new is not None
    created = new.get("_o0") == offset

    stats = dict(read(STATS, et) or {})
    if _watermark(stats) < offset:
        seq: int | None = stats.get("seq", 0) + 1
        stats.update(mentions=stats.get("mentions", 0) + 1, clusters=stats.get("clusters", 0) + created, seq=seq,
                     last_detected_at=max(stats.get("last_detected_at") or "", mention["detected_at"]), _o=offset,
                     _recent=[*stats.get("_recent", [])[-(RECENT_SLOTS - 1):], [offset, seq]])
        writes.append((STATS, et, stats))
    else:
        # Counted before the crash: find the sequence number it was given.
        # Older than the last RECENT_SLOTS, its slot belongs to a later one.
        seq = next((s for o, s in stats.get("_recent", []) if o == offset), None)

    day = dict(read(DAYS, et) or {})
    if _watermark(day) < offset:
        writes.append((DAYS, et, {"n": day.get("n", 0) + 1, "_o": offset}))

    if seq is not None:
        writes.append((RECENT, f"{et}|{seq % RECENT_SLOTS}", recent_item(mention, cid, seq)))

    now = contributions(new)
    for key in new.get("_keys", sorted(now)):
        current = read(AGGREGATE, key) or {}
        by = dict(current.get("_by") or {})
        if key in now:
            by[cid] = _contribution(et, new, now[key])
        else:
            by.pop(cid, None)
        if by != (current.get("_by") or {}):
            writes.append((AGGREGATE, key, aggregate_value(et, by)))

    if seen is None:
        writes.append((MENTIONS, eid, {"c": cid, "o": offset}))
    return Step(cid, public(new), writes, revised=revised)
