"""Topic names: part of the public contract (README "Topics")."""

from __future__ import annotations

from models import EVENT_TYPES

ARTICLES_RAW = "articles.raw"
ARTICLES_PROCESSED = "articles.processed"
ARTICLES_DLQ = "articles.dlq"
EVENTS_ALL = "events.all"
EVENTS_BY_TYPE: dict[str, str] = {t: f"events.{t}" for t in EVENT_TYPES}

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
WINDOWED_TABLES = {"type_day_counts"}


def mentions_topic(app_id: str) -> str:
    """Internal: detections re-keyed by event type for the clustering agent."""
    return f"{app_id}-mentions-by-type"


def changelog_topic(app_id: str, table: str) -> str:
    return f"{app_id}-{table}-changelog"


def public_topics() -> list[str]:
    return [ARTICLES_RAW, ARTICLES_PROCESSED, ARTICLES_DLQ, EVENTS_ALL, *EVENTS_BY_TYPE.values()]


def all_topics(app_id: str) -> list[str]:
    return [*public_topics(), mentions_topic(app_id), *(changelog_topic(app_id, t) for t in TABLES), f"{app_id}-__assignor-__leader"]


def topic_config(name: str) -> dict[str, str]:
    """Per-topic broker config: per-type topics keep the latest revision per cluster."""
    if name in EVENTS_BY_TYPE.values() or name.endswith("-changelog"):
        return {"cleanup.policy": "compact"}
    return {}
