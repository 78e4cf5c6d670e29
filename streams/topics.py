"""Topic names: part of the public contract (README "Topics").

EVENTX_TOPIC_PREFIX (default empty) prefixes every name, so several
deployments, or test runs, can share one cluster without sharing topics.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models import EVENT_TYPES

# Tables, by name; their changelog topics are created with the others.
TABLES = (
    "article_digests",
    "clusters",
    "mention_clusters",
    "type_stats",
    "type_day_counts",
    "recent_events",
    "drone_stats",
    "negotiation_pairs",
    "sanction_pairs",
    "swap_totals",
)


@dataclass(frozen=True)
class Topics:
    prefix: str = ""
    app_id: str = "eventx"
    raw: str = field(init=False)
    processed: str = field(init=False)
    dlq: str = field(init=False)
    events_all: str = field(init=False)
    by_type: dict[str, str] = field(init=False)
    mentions: str = field(init=False)

    def __post_init__(self) -> None:
        p = self.prefix
        object.__setattr__(self, "raw", f"{p}articles.raw")
        object.__setattr__(self, "processed", f"{p}articles.processed")
        object.__setattr__(self, "dlq", f"{p}articles.dlq")
        object.__setattr__(self, "events_all", f"{p}events.all")
        object.__setattr__(self, "by_type", {t: f"{p}events.{t}" for t in EVENT_TYPES})
        # Internal: detections re-keyed by event type for the clustering agent.
        object.__setattr__(self, "mentions", f"{p}{self.app_id}-mentions-by-type")

    def changelog(self, table: str) -> str:
        return f"{self.app_id}-{table}-changelog"

    def public(self) -> list[str]:
        return [self.raw, self.processed, self.dlq, self.events_all, *self.by_type.values()]

    def all(self) -> list[str]:
        return [*self.public(), self.mentions, *(self.changelog(t) for t in TABLES), f"{self.app_id}-__assignor-__leader"]

    def config(self, name: str) -> dict[str, str]:
        """Per-topic broker config: per-type topics and changelogs keep the latest record per key."""
        if name in self.by_type.values() or name.endswith("-changelog"):
            return {"cleanup.policy": "compact"}
        return {}


def topics_for(settings) -> Topics:  # type: ignore[no-untyped-def]
    return Topics(settings.topic_prefix, settings.app_id)
