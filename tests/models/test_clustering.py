"""One identity per real-world event: deterministic ids, order-independent merges, exact aggregates."""

from __future__ import annotations

import itertools
import random
from collections import defaultdict

from models.cluster_state import apply_mention
from models.clustering import assign, merge, public, signature


def strike(eid: str, article: str, day: str, *, admin1: str = "Kharkiv", launched: int | None = None,
           score: float = 0.8, detected: str = "2025-07-01T00:00:00.000Z") -> dict:
    q = {"value": launched, "text": str(launched), "span": {"start": 0, "end": 1}, "score": 0.8} if launched else None
    return {
        "schema_version": "1.0", "event_id": eid, "event_type": "drone_strike", "article_id": article, "confidence": score,
        "model_version": "m", "evidence": [{"article_id": article, "sentence": "s", "char_start": 0, "char_end": 1}],
        "published": day, "detected_at": detected,
        "date": {"value": day, "precision": "day", "source": "explicit", "text": None, "span": None},
        "modality": "occurred", "actors": [{"role": "target", "text": "Ukraine", "name": "Ukraine", "country": "UKR"}],
        "location": {"text": "Kharkiv", "name": "Kharkiv", "admin1": admin1, "country": "UKR", "precision": "city", "score": 0.7},
        "origin": None,
        "arguments": {"drones_launched": q, "drones_intercepted": None, "killed": None, "injured": None, "target_type": None},
        "argument_scores": {},
    }


def test_reports_of_the_same_strike_share_a_cluster_and_others_do_not():
    a = strike("ev-a", "a1", "2025-07-01")
    b = strike("ev-b", "a2", "2025-07-01")
    assert assign(a) == assign(b)
    assert assign(strike("ev-c", "a3", "2025-07-02")) != assign(a)  # another day
    assert assign(strike("ev-d", "a4", "2025-07-01", admin1="Odesa")) != assign(a)  # another place
    assert assign(a).startswith("cl-drone_strike-")
    assert signature(a) == "UKR|Kharkiv"


def test_merged_state_does_not_depend_on_arrival_order():
    events = [strike(f"ev-{i}", f"a{i}", "2025-07-01", launched=n, score=s, detected=f"2025-07-0{i + 1}T00:00:00.000Z")
              for i, (n, s) in enumerate([(50, 0.7), (64, 0.9), (None, 0.8), (64, 0.6)])]
    cid = assign(events[0])
    finals = set()
    for order in itertools.permutations(events):
        state = None
        for e in order:
            state = merge(state, e, cid)
        finals.add(repr(public(state)))
    assert len(finals) == 1
    final = eval(next(iter(finals)))
    assert final["revision"] == 4 and len(final["event_ids"]) == 4
    assert final["event_id"] == "ev-0"  # the earliest report stands for the cluster


def test_a_redelivered_report_changes_nothing():
    e = strike("ev-a", "a1", "2025-07-01")
    cid = assign(e)
    once = merge(None, e, cid)
    assert merge(once, e, cid) is once


def run_stage(events: list[dict]) -> dict[str, dict]:
    """Apply detections in order, as the clustering agent does, over plain dicts."""
    store: dict[str, dict] = defaultdict(dict)
    for offset, e in enumerate(events):
        step = apply_mention(e, offset, lambda t, k: store[t].get(k))
        for t, k, v in step.writes:
            store[t][k] = v
    return store


def test_aggregates_count_real_world_events_not_reports():
    store = run_stage([strike("ev-a", "a1", "2025-07-01", launched=50), strike("ev-b", "a2", "2025-07-01", launched=64)])
    (key, value), = store["aggregate"].items()
    assert key == "UKR|Kharkiv|2025-07-01"
    assert {k: v for k, v in value.items() if k != "_by"} == {"drones_launched": 64, "strikes": 1}
    assert store["type_stats"]["drone_strike"]["mentions"] == 2 and store["type_stats"]["drone_strike"]["clusters"] == 1


def test_random_interleavings_give_equal_tables():
    rng = random.Random(7)
    events = [strike(f"ev-{i}", f"a{i}", f"2025-07-0{1 + i % 3}", admin1=rng.choice(["Kharkiv", "Odesa"]),
                     launched=rng.choice([None, 10, 20])) for i in range(12)]

    def run(order):  # type: ignore[no-untyped-def]
        store = run_stage(order)
        clusters = {k: public(v) for k, v in store["clusters"].items()}
        return clusters, {k: {f: x for f, x in v.items() if f != "_by"} for k, v in store["aggregate"].items()}

    first = run(events)
    for _ in range(5):
        shuffled = events[:]
        rng.shuffle(shuffled)
        assert run(shuffled) == first
