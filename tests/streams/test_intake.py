"""Dead-letter reasons: every kind of bad input gets its own, and good input passes."""

from __future__ import annotations

import base64
import hashlib

import orjson
import pytest

from schemas.ids import article_id
from streams.intake import Article, Limits, Rejected, dead_letter, decode_article

LIMITS = Limits(max_article_bytes=10_000, max_json_depth=5)


def j(doc: object) -> bytes:
    return orjson.dumps(doc)


@pytest.mark.parametrize(
    ("value", "key", "reason"),
    [
        (None, b"k", "empty_message"),
        (b"", b"k", "empty_message"),
        (b"x" * 10_001, b"k", "too_large"),
        (j({"text": "hello"}), None, "missing_key"),
        (b"\xff\xfe not utf-8", b"k", "invalid_utf8"),
        (b'{"text": "a\x00b"}', b"k", "binary_content"),
        (b"{not json", b"k", "invalid_json"),
        (b"[1, 2]", b"k", "not_an_object"),
        (j({"text": "x", "title": {"a": {"b": {"c": {"d": {"e": 1}}}}}}), b"k", "too_deeply_nested"),
        (b"[" * 2000 + b"]" * 2000, b"k", "too_deeply_nested"),
        (j({"title": "no text"}), b"k", "missing_text"),
        (j({"text": None}), b"k", "missing_text"),
        (j({"text": 42}), b"k", "wrong_type:text"),
        (j({"text": "ok", "title": ["a"]}), b"k", "wrong_type:title"),
        (j({"text": "   \n "}), b"k", "empty_text"),
        (j({"text": "ok", "colour": "red"}), b"k", "unknown_fields"),
        (j({"id": "bad id!", "text": "ok"}), b"bad id!", "invalid_id"),
        (j({"text": "ok", "published": "yesterday"}), b"k", "invalid_published"),
        (j({"text": "ok", "published": "2025-02-30"}), b"k", "invalid_published"),
        (j({"text": "ok", "language": "English!"}), b"k", "invalid_language"),
        (j({"id": "a1", "text": "ok"}), b"a2", "key_mismatch"),
        (j({"text": "ok", "title": "t" * 2001}), b"k", "field_too_long:title"),
    ],
)
def test_each_kind_of_bad_input_has_its_reason(value, key, reason):
    res = decode_article(value, key, LIMITS)
    assert isinstance(res, Rejected), res
    assert res.reason == reason
    assert res.detail  # a human-readable explanation, never empty


def test_a_valid_article_passes_and_keeps_its_fields():
    doc = {"id": "a-1", "text": "Drones hit Kyiv.", "title": "T", "url": "https://x", "source": "S",
           "published": "2025-07-09T10:00:00Z", "language": "en"}
    res = decode_article(j(doc), b"a-1", LIMITS)
    assert res == Article(**doc)


def test_an_article_without_id_gets_its_content_hash():
    res = decode_article(j({"text": "Same text.", "title": "Same"}), b"anything", LIMITS)
    assert isinstance(res, Article)
    assert res.id == article_id("Same text.", "Same")
    # Whitespace does not change what an article says, so it does not change its id.
    assert article_id("Same   text.", "Same") == res.id


def test_unknown_fields_can_be_ignored_by_policy():
    res = decode_article(j({"text": "ok", "extra": 1}), b"k", Limits(unknown_fields="ignore"))
    assert isinstance(res, Article)


def test_null_keys_can_be_allowed_by_policy():
    assert isinstance(decode_article(j({"text": "ok"}), None, Limits(require_key=False)), Article)


def test_dead_letter_keeps_the_original_and_says_when_it_was_cut():
    value = b"y" * 1000
    rec = dead_letter(Rejected("too_large", "MessageTooLarge", "big"), value, b"key", topic="articles.raw", partition=2,
                      offset=7, max_original_bytes=100)
    assert rec["reason"] == "too_large"
    assert base64.b64decode(rec["original"]) == value[:100]
    assert rec["original_truncated"] is True and rec["original_size"] == 1000
    assert rec["original_sha256"] == hashlib.sha256(value).hexdigest()
    assert rec["source"] == {"topic": "articles.raw", "partition": 2, "offset": 7}
    assert base64.b64decode(rec["key"]) == b"key"
