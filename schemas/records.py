"""Faust records: the code side of the contracts in `schemas/json/`.

Field order is the wire order, and serialisation is deterministic (orjson,
no Faust metadata), so a record reprocessed from the same input has the
same bytes: at-least-once delivery produces recognisable duplicates.
"""

from __future__ import annotations

from typing import Any

import faust


class _Wire(faust.Record, abstract=True, include_metadata=False, serializer="json"):
    def to_wire(self) -> dict[str, Any]:
        return self.asdict()


class Article(_Wire):
    """articles.raw (validated by streams.intake before it becomes a record)."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None


class Event(_Wire):
    """events.all: one detection of one event type in one article."""

    schema_version: str
    event_id: str
    event_type: str
    article_id: str
    title: str | None
    confidence: float
    model_version: str
    evidence: list[dict[str, Any]]
    published: str | None
    detected_at: str
    date: dict[str, Any]
    modality: str
    actors: list[dict[str, Any]]
    location: dict[str, Any] | None
    origin: dict[str, Any] | None
    arguments: dict[str, Any]
    argument_scores: dict[str, float]


class ClusterEvent(_Wire):
    """events.<type>: the latest state of one real-world event (a cluster revision)."""

    schema_version: str
    cluster_id: str
    revision: int
    event_id: str
    event_ids: list[str]
    article_ids: list[str]
    event_type: str
    confidence: float
    model_version: str
    evidence: list[dict[str, Any]]
    published: str | None
    detected_at: str
    first_seen: str
    date: dict[str, Any]
    modality: str
    actors: list[dict[str, Any]]
    location: dict[str, Any] | None
    origin: dict[str, Any] | None
    arguments: dict[str, Any]
    argument_scores: dict[str, float]


class ProcessedArticle(_Wire):
    """articles.processed: one per accepted article, after its events are acknowledged."""

    schema_version: str
    article_id: str
    status: str
    reason: str | None
    event_ids: list[str]
    event_types: list[str]
    sentences: int
    language: str
    model_version: str
    timings_ms: dict[str, float]
    source: dict[str, Any]
    processed_at: str


class DeadLetter(_Wire):
    """articles.dlq: a message that could not be processed, and why."""

    schema_version: str
    reason: str
    error_class: str
    detail: str
    original: str
    original_size: int
    original_sha256: str
    original_truncated: bool
    key: str | None
    article_id: str | None
    source: dict[str, Any]
    timestamp: str
