"""The JSON Schema files are valid, agree with the worker's validation, and ids are deterministic."""

from __future__ import annotations

import orjson
import pytest

from schemas.ids import article_id, cluster_id, event_id
from schemas.validate import errors, load_all, validators
from streams.intake import Article, Limits, decode_article

CASES = [
    {"text": "ok"},
    {"id": "a-1", "text": "ok", "title": "t", "url": "u", "source": "s", "published": "2025-07-09", "language": "en"},
    {"text": "ok", "published": "2025-07-09T10:00:00+02:00"},
    {"title": "no text"},
    {"text": 5},
    {"text": "ok", "extra": 1},
    {"text": "ok", "published": "July 9"},
    {"text": "ok", "language": "ENGLISH"},
    {"id": "", "text": "ok"},
    {"text": "ok", "title": None, "url": None},
]


def test_every_schema_is_valid_draft_2020_12():
    assert set(load_all()) >= {"article", "event", "event.drone_strike", "event.negotiation", "event.sanctions",
                               "event.prisoner_swap", "processed", "dlq", "common"}
    validators()  # check_schema raises on an invalid schema


@pytest.mark.parametrize("doc", CASES)
def test_worker_validation_agrees_with_the_article_schema(doc):
    v = validators()["article"]
    by_schema = not errors(v, doc)
    key = str(doc.get("id") or "k").encode() or b"k"
    by_worker = isinstance(decode_article(orjson.dumps(doc), key, Limits()), Article)
    assert by_schema == by_worker, (doc, errors(v, doc))


def test_ids_are_deterministic_and_distinct():
    assert article_id("text", "title") == article_id("text", "title")
    assert article_id("text", "title") != article_id("text", "other")
    e = event_id("a-1", "drone_strike", 10, 50)
    assert e == event_id("a-1", "drone_strike", 10, 50)
    assert e != event_id("a-1", "drone_strike", 11, 50) != event_id("a-1", "sanctions", 10, 50)
    assert len(e) == 23 and e.startswith("ev-")
    assert cluster_id("sanctions", "USA>RUS|tariff", "W2025-07-07").startswith("cl-sanctions-")
