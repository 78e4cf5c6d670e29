"""Deterministic identifiers.

Every id is a hash of content, never a counter or a clock, so reprocessing
the same input yields the same ids and a duplicate delivery is always
recognisable (at-least-once delivery, see README "Delivery semantics").
"""

from __future__ import annotations

import hashlib


def _digest(*parts: str, size: int = 16) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return h.hexdigest()[:size]


def content_hash(text: str, title: str | None = None) -> str:
    """Hash of what an article says; whitespace differences do not count."""
    norm = " ".join((title or "").split()) + "\n" + " ".join(text.split())
    return _digest(norm, size=32)


def article_id(text: str, title: str | None = None) -> str:
    """Id for an article that arrived without one: derived from its content."""
    return "a-" + content_hash(text, title)[:16]


def event_id(article: str, event_type: str, char_start: int, char_end: int) -> str:
    """Id of one detection: the article, the type and the evidence span."""
    return "ev-" + _digest(article, event_type, str(char_start), str(char_end), size=20)


def cluster_id(event_type: str, signature: str, bucket: str) -> str:
    """Id of a real-world event: its type, who/where signature and date bucket."""
    return f"cl-{event_type}-" + _digest(event_type, signature, bucket, size=16)
