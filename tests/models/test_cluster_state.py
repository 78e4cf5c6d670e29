"""The clustering stage under crashes, without Kafka.

A model of what a kill -9 can leave behind: every table has its own
changelog partition, and each keeps an arbitrary prefix of the writes made
since the last commit (the rest are lost in the producer). With a RocksDB
store the local database holds every write, and recovery replays the
changelog's tail over it. Stage 1 may also resend detections after a crash.
Whatever survives, replaying from the committed offset must give the tables
of one uninterrupted run.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

import pytest

from models.cluster_state import DAYS, apply_mention
from models.clustering import event_day, public
from tests.models.test_clustering import strike


def talks(eid: str, article: str, day: str, parties: tuple[str, ...], modality: str = "planned") -> dict:
    e = strike(eid, article, day)
    e.update(event_type="negotiation", modality=modality, location=None,
             actors=[{"role": "participant", "text": p, "name": p, "country": p} for p in parties],
             arguments={"participants": [{"text": p, "name": p, "country": p} for p in parties],
                        "format": {"value": "talks", "text": "talks", "span": None, "score": 0.7}})
    return e


def stream(seed: int, n: int = 60) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = f"2025-07-{1 + rng.randrange(4):02d}"
        if rng.random() < 0.6:
            out.append(strike(f"s{i}", f"a{i}", day, admin1=rng.choice(["Kharkiv", "Odesa", "Sumy"]),
                              launched=rng.choice([None, 10, 30, 64])))
        else:
            out.append(talks(f"n{i}", f"a{i}", day, rng.choice([("RUS", "UKR"), ("USA", "RUS"), ("TUR", "UKR")]),
                             rng.choice(["planned", "occurred", "stalled"])))
    return out


class Store:
    """Tables as the clustering agent sees them, with a changelog of every write."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, Any]] = defaultdict(dict)
        self.log: list[tuple[str, str, Any]] = []

    def apply(self, mention: dict, offset: int) -> None:
        day = event_day(mention).isoformat()

        def key(table: str, k: str) -> str:
            return f"{k}|{day}" if table == DAYS else f"{mention['event_type']}:{k}" if table == "aggregate" else k

        step = apply_mention(mention, offset, lambda t, k: self.tables[t].get(key(t, k)))
        for t, k, v in step.writes:
            self.tables[t][key(t, k)] = v
            self.log.append((t, key(t, k), v))

    def view(self) -> dict[str, Any]:
        """What the HTTP views show: no watermarks, no per-cluster bookkeeping."""
        def clean(v: Any) -> Any:
            return {f: x for f, x in v.items() if not f.startswith("_")} if isinstance(v, dict) else v

        return {
            "clusters": {k: public(v) for k, v in self.tables["clusters"].items()},
            "stats": {k: clean(v) for k, v in self.tables["type_stats"].items()},
            "days": {k: v["n"] for k, v in self.tables["day_counts"].items()},
            "aggregates": {k: {**clean(v), "by": sorted(v["_by"])} for k, v in self.tables["aggregate"].items() if v["_by"]},
            "recent": dict(self.tables["recent_events"]),
            "mentions": {k: v["c"] for k, v in self.tables["mention_clusters"].items()},
        }


def crash_and_recover(store: Store, committed_log: int, rng: random.Random, rocksdb: bool) -> Store:
    """Lose a random suffix of each table's writes since the commit; recover like Faust does."""
    durable = store.log[:committed_log]
    tail: dict[str, list] = defaultdict(list)
    for w in store.log[committed_log:]:
        tail[w[0]].append(w)
    kept = {t: ws[: rng.randint(0, len(ws))] for t, ws in tail.items()}
    changelog = durable + [w for t in sorted(kept) for w in kept[t]]
    recovered = Store()
    if rocksdb:
        # Local RocksDB keeps every write; recovery replays the changelog
        # from the persisted (committed) offset over it.
        for t, values in store.tables.items():
            recovered.tables[t].update(values)
        replay = [w for t in sorted(kept) for w in kept[t]]
    else:
        replay = changelog
    for t, k, v in replay:
        recovered.tables[t][k] = v
    recovered.log = changelog
    return recovered


@pytest.mark.parametrize("rocksdb", [False, True], ids=["memory", "rocksdb"])
@pytest.mark.parametrize("seed", range(12))
def test_replay_after_crashes_gives_the_tables_of_an_uninterrupted_run(seed: int, rocksdb: bool):
    rng = random.Random(seed)
    mentions = stream(seed)
    reference = Store()
    for offset, m in enumerate(mentions):
        reference.apply(m, offset)

    topic = list(mentions)  # the mentions partition; stage 1 appends duplicates after a crash
    store, offset, committed, committed_log = Store(), 0, 0, 0
    crashes = 0
    while offset < len(topic):
        store.apply(topic[offset], offset)
        offset += 1
        if rng.random() < 0.15:  # commit: every write so far is acknowledged
            committed, committed_log = offset, len(store.log)
        if crashes < 4 and rng.random() < 0.08:
            crashes += 1
            store = crash_and_recover(store, committed_log, rng, rocksdb)
            committed_log = len(store.log)
            topic.extend(rng.sample(topic[:offset], k=min(3, offset)))  # stage 1 resends a few
            offset = committed
    assert crashes, "the seed should crash at least once"
    assert store.view() == reference.view()


def test_a_redelivery_at_another_offset_changes_nothing_but_republishes():
    e = strike("ev-a", "a1", "2025-07-01", launched=20)
    store = Store()
    store.apply(e, 0)
    before = {t: dict(v) for t, v in store.tables.items()}
    step = apply_mention(e, 7, lambda t, k: store.tables[t].get(k if t != DAYS else f"{k}|2025-07-01"))
    assert step.duplicate and step.writes == []
    assert step.publish == public(store.tables["clusters"][step.cluster_id])
    assert store.tables == before
