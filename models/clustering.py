"""One identity per real-world event.

Reports of the same event share a `cluster_id`, computed from the event alone:
its type, a who/where signature, and a date bucket (the day for drone
strikes, the ISO week for the slower types). Because the id depends on the
report and not on what arrived before it, every worker, every replay and
every recovery after a crash assigns the same clusters.

Merging is a pure function too: each field keeps the best-supported value
under a total order (precision, score, then value), evidence is a sorted set,
so the merged state does not depend on arrival order either. Known limit:
two reports of one event that fall into different buckets (a strike dated
"overnight" by one outlet and "on Tuesday" by another across midnight) stay
two clusters.
"""

from __future__ import annotations

import contextlib
import json
from datetime import date, timedelta
from typing import Any

from schemas.ids import cluster_id

MAX_EVIDENCE = 100
_PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3}
_LOC_PRECISION = {"site": 0, "city": 1, "admin1": 2, "country": 3}


def event_day(event: dict[str, Any]) -> date:
    """The day an event is counted under: its own date when the text gives a day."""
    d = event.get("date") or {}
    value = d.get("value")
    if value and d.get("precision") == "day":
        return date.fromisoformat(value)
    if value and d.get("precision") == "week":
        return date.fromisoformat(value.split(":", 1)[1])
    if event.get("published"):
        try:
            return date.fromisoformat(event["published"][:10])
        except ValueError:
            pass
    return date.fromisoformat(event["detected_at"][:10])


def _countries(actors: list[dict[str, Any]], roles: set[str]) -> list[str]:
    return sorted({a.get("country") or a.get("name", "?") for a in actors if a.get("role") in roles})


def signature(event: dict[str, Any]) -> str:
    """Who/where of an event, the part of its identity that is not time."""
    et = event["event_type"]
    args = event.get("arguments") or {}
    if et == "drone_strike":
        loc = event.get("location") or {}
        if loc.get("country"):
            return f"{loc['country']}|{loc.get('admin1') or loc.get('name')}"
        targets = _countries(event.get("actors", []), {"target"})
        return "?|" + ",".join(targets)
    if et == "sanctions":
        imp = (args.get("imposer") or {}).get("country") or (args.get("imposer") or {}).get("name") or "?"
        tgt = (args.get("target") or {}).get("country") or (args.get("target") or {}).get("name") or "?"
        inst = (args.get("instrument") or {}).get("value") or "sanctions"
        return f"{imp}>{tgt}|{inst}"
    parties = _countries(event.get("actors", []), {"participant", "initiator", "target"})
    return ",".join(parties) if parties else "?"


def bucket(event: dict[str, Any]) -> str:
    """The day for drone strikes; otherwise the ISO week of an explicit event date, else of publication.

    Talks, sanctions and swaps are reported over days, and a weekday ("on
    Tuesday") resolves differently against two publication dates a day
    apart; the week of publication keeps such reports together.
    """
    day = event_day(event)
    if event["event_type"] == "drone_strike":
        return day.isoformat()
    if (event.get("date") or {}).get("source") != "explicit" and event.get("published"):
        with contextlib.suppress(ValueError):
            day = date.fromisoformat(event["published"][:10])
    monday = day - timedelta(days=day.weekday())
    return "W" + monday.isoformat()


def assign(event: dict[str, Any]) -> str:
    return cluster_id(event["event_type"], signature(event), bucket(event))


def _key(v: Any) -> str:
    return json.dumps(v, sort_keys=True, ensure_ascii=False)


def _best(a: Any, b: Any, rank: Any) -> Any:
    """The better of two values under a total order (lower rank wins, then value)."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b, key=lambda v: (rank(v), _key(v)))


def _rank_date(d: dict[str, Any]) -> tuple:
    explicit = 0 if d.get("source") == "explicit" else (1 if d.get("source") == "relative" else 2)
    return (_PRECISION.get(d.get("precision"), 9), explicit)


def _rank_loc(loc: dict[str, Any]) -> tuple:
    return (_LOC_PRECISION.get(loc.get("precision"), 9), -float(loc.get("score", 0)))


def _rank_scored(v: Any) -> tuple:
    """Best supported first; between equally supported counts the larger (tolls and tallies only grow)."""
    if not isinstance(v, dict):
        return (0,)
    value = v.get("value")
    return (-float(v.get("score", 0)), -float(value) if isinstance(value, int | float) else 0.0)


def _merge_args(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in sorted(set(a) | set(b)):
        x, y = a.get(name), b.get(name)
        if isinstance(x, list) or isinstance(y, list):
            out[name] = _union(x or [], y or [])
        elif name == "venue":
            out[name] = _best(x, y, _rank_loc)
        else:
            out[name] = _best(x, y, _rank_scored)
    return out


def _union(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple, dict[str, Any]] = {}
    for item in [*a, *b]:
        k = (item.get("role"), item.get("country") or item.get("name"))
        seen[k] = _best(seen.get(k), item, _rank_scored)
    return [seen[k] for k in sorted(seen, key=lambda k: (str(k[0]), str(k[1])))]


_MODALITY_ORDER = ["occurred", "ongoing", "denied", "stalled", "planned", "threatened", "proposed"]


def new_cluster(event: dict[str, Any], cid: str) -> dict[str, Any]:
    return {
        "schema_version": event["schema_version"],
        "cluster_id": cid,
        "revision": 1,
        "event_id": event["event_id"],
        "event_ids": [event["event_id"]],
        "article_ids": [event["article_id"]],
        "event_type": event["event_type"],
        "confidence": event["confidence"],
        "model_version": event["model_version"],
        "evidence": sorted(event["evidence"], key=_evidence_key)[:MAX_EVIDENCE],
        "published": event.get("published"),
        "detected_at": event["detected_at"],
        "first_seen": event["detected_at"],
        "date": event["date"],
        "modality": event["modality"],
        "_modality_votes": {event["modality"]: event["confidence"]},
        "actors": _union(event.get("actors", []), []),
        "location": event.get("location"),
        "origin": event.get("origin"),
        "arguments": _merge_args(event.get("arguments", {}), {}),
        "argument_scores": dict(sorted(event.get("argument_scores", {}).items())),
    }


def _evidence_key(e: dict[str, Any]) -> tuple:
    return (e.get("article_id", ""), e.get("char_start", 0), e.get("kind", ""))


def merge(cluster: dict[str, Any] | None, event: dict[str, Any], cid: str) -> dict[str, Any]:
    """`cluster` with `event` added; a new state with revision + 1."""
    if cluster is None:
        return new_cluster(event, cid)
    if event["event_id"] in cluster["event_ids"]:
        return cluster
    votes = dict(cluster["_modality_votes"])
    votes[event["modality"]] = max(votes.get(event["modality"], 0.0), event["confidence"])
    modality = min(votes, key=lambda m: (-votes[m], _MODALITY_ORDER.index(m)))
    scores = dict(cluster["argument_scores"])
    for k, v in event.get("argument_scores", {}).items():
        scores[k] = max(scores.get(k, 0.0), v)
    evidence = {(_evidence_key(e)): e for e in [*cluster["evidence"], *event["evidence"]]}
    return {
        **cluster,
        "revision": cluster["revision"] + 1,
        # The earliest report stands for the cluster, whatever the arrival order.
        "event_id": min((cluster["first_seen"], cluster["event_id"]), (event["detected_at"], event["event_id"]))[1],
        "event_ids": sorted({*cluster["event_ids"], event["event_id"]}),
        "article_ids": sorted({*cluster["article_ids"], event["article_id"]}),
        "confidence": max(cluster["confidence"], event["confidence"]),
        "model_version": max(cluster["model_version"], event["model_version"]),
        "evidence": [evidence[k] for k in sorted(evidence)][:MAX_EVIDENCE],
        "published": min(filter(None, [cluster.get("published"), event.get("published")]), default=None),
        "detected_at": max(cluster["detected_at"], event["detected_at"]),
        "first_seen": min(cluster["first_seen"], event["detected_at"]),
        "date": _best(cluster["date"], event["date"], _rank_date),
        "modality": modality,
        "_modality_votes": dict(sorted(votes.items())),
        "actors": _union(cluster["actors"], event.get("actors", [])),
        "location": _best(cluster.get("location"), event.get("location"), _rank_loc),
        "origin": _best(cluster.get("origin"), event.get("origin"), _rank_loc),
        "arguments": _merge_args(cluster["arguments"], event.get("arguments", {})),
        "argument_scores": dict(sorted(scores.items())),
    }


def public(cluster: dict[str, Any]) -> dict[str, Any]:
    """The cluster as published on events.<type> (internal bookkeeping removed)."""
    return {k: v for k, v in cluster.items() if not k.startswith("_")}


# --------------------------------------------------------------------------- aggregates


def _qty(args: dict[str, Any], name: str) -> float:
    v = args.get(name)
    return float(v["value"]) if isinstance(v, dict) and v.get("value") is not None else 0.0


def contributions(cluster: dict[str, Any] | None) -> dict[str, dict[str, float]]:
    """What one cluster adds to its type's aggregate table, by aggregate key.

    An aggregate is the sum of its clusters' current contributions
    (models.cluster_state keeps one per cluster), so counts never double when
    several outlets report the same strike.
    """
    if cluster is None:
        return {}
    et = cluster["event_type"]
    args = cluster.get("arguments", {})
    day = event_day(cluster).isoformat()
    if et == "drone_strike":
        loc = cluster.get("location") or {}
        key = f"{loc.get('country') or '?'}|{loc.get('admin1') or '?'}|{day}"
        return {key: {"strikes": 1, "drones_launched": _qty(args, "drones_launched"),
                      "drones_intercepted": _qty(args, "drones_intercepted"), "killed": _qty(args, "killed"),
                      "injured": _qty(args, "injured")}}
    if et == "negotiation":
        parties = sorted({p.get("country") or p.get("name", "?") for p in args.get("participants", [])})
        key = "|".join(parties) if parties else "?"
        return {key: {"events": 1, f"modality:{cluster['modality']}": 1}}
    if et == "sanctions":
        tgt = (args.get("target") or {}).get("country") or "?"
        imp = (args.get("imposer") or {}).get("country") or (args.get("imposer") or {}).get("name") or "?"
        action = (args.get("action") or {}).get("value") or "impose"
        inst = (args.get("instrument") or {}).get("value") or "sanctions"
        return {f"{tgt}|{imp}": {"events": 1, f"action:{action}": 1, f"instrument:{inst}": 1}}
    parties = sorted({a.get("country") or a.get("name", "?") for a in cluster.get("actors", []) if a.get("role") == "participant"})
    key = "|".join(parties) if parties else "?"
    each = _qty(args, "released_by_each_side")
    total = _qty(args, "total") or each * 2
    category = (args.get("category") or {}).get("value") or "unknown"
    return {key: {"swaps": 1, "people": total, f"people:{category}": total}}
