"""Decode and validate messages from `articles.raw`; build dead letters.

Pure functions (no Faust, no Kafka): the agent calls them, the tests call
them directly. Each rejection carries a specific reason code, listed in
README "Dead letters", so an operator can count and fix bad producers.
The rules match schemas/json/article.schema.json (tests check both agree).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

from schemas import SCHEMA_VERSION
from schemas.ids import article_id

FIELDS = {"id": 128, "text": None, "title": 2000, "url": 4096, "source": 512, "published": 64, "language": 16}
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")
_PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")


@dataclass(frozen=True, slots=True)
class Limits:
    max_article_bytes: int = 2_000_000
    max_json_depth: int = 20
    unknown_fields: str = "reject"  # reject | ignore
    require_key: bool = True


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None

    def to_message(self) -> dict[str, Any]:
        return {k: v for k, v in (("id", self.id), ("text", self.text), ("title", self.title), ("url", self.url),
                                   ("source", self.source), ("published", self.published),
                                   ("language", self.language)) if v is not None}


@dataclass(frozen=True, slots=True)
class Rejected:
    reason: str
    error_class: str
    detail: str
    article_id: str | None = None


def _depth(obj: Any, limit: int) -> int:
    """Nesting depth of parsed JSON, counting no further than `limit + 1`."""
    stack = [(obj, 1)]
    deepest = 0
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        if d > limit:
            return d
        if isinstance(node, dict):
            stack.extend((v, d + 1) for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, d + 1) for v in node if isinstance(v, dict | list))
    return deepest


def decode_article(value: bytes | None, key: bytes | None, limits: Limits = Limits()) -> Article | Rejected:
    """The article in a raw message, or the reason it cannot be processed."""
    if value is None or len(value) == 0:
        return Rejected("empty_message", "EmptyMessage", "message value is empty (tombstone or empty payload)")
    if len(value) > limits.max_article_bytes:
        return Rejected("too_large", "MessageTooLarge",
                        f"message is {len(value)} bytes; EVENTX_MAX_ARTICLE_BYTES={limits.max_article_bytes}")
    if limits.require_key and key is None:
        return Rejected("missing_key", "MissingKey", "message has no key; the key must be the article id (README Topics)")
    try:
        raw = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejected("invalid_utf8", "UnicodeDecodeError", f"value is not UTF-8: {exc.reason} at byte {exc.start}")
    if "\x00" in raw:
        return Rejected("binary_content", "BinaryContent", "value contains NUL bytes: binary data, not JSON text")
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        msg = str(exc)
        if "recursion" in msg.lower() or "depth" in msg.lower():
            return Rejected("too_deeply_nested", "JSONDecodeError", f"JSON nested deeper than the parser allows: {msg}")
        return Rejected("invalid_json", "JSONDecodeError", msg[:300])
    if not isinstance(doc, dict):
        return Rejected("not_an_object", "TypeError", f"top-level JSON is {type(doc).__name__}, expected an object")
    if _depth(doc, limits.max_json_depth) > limits.max_json_depth:
        return Rejected("too_deeply_nested", "ValueError", f"JSON nesting exceeds EVENTX_MAX_JSON_DEPTH={limits.max_json_depth}")
    declared_id = doc.get("id") if isinstance(doc.get("id"), str) else None
    unknown = sorted(set(doc) - set(FIELDS))
    if unknown and limits.unknown_fields == "reject":
        shown = ", ".join(unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        return Rejected("unknown_fields", "SchemaError", f"fields not in the Article schema: {shown}", declared_id)
    if "text" not in doc or doc["text"] is None:
        return Rejected("missing_text", "SchemaError", "required field 'text' is missing", declared_id)
    for name, max_len in FIELDS.items():
        v = doc.get(name)
        if v is None:
            continue
        if not isinstance(v, str):
            return Rejected(f"wrong_type:{name}", "SchemaError", f"field '{name}' is {type(v).__name__}, expected string", declared_id)
        if max_len is not None and len(v) > max_len:
            return Rejected(f"field_too_long:{name}", "SchemaError", f"field '{name}' has {len(v)} characters, limit {max_len}", declared_id)
    text: str = doc["text"]
    if not text.strip():
        return Rejected("empty_text", "SchemaError", "field 'text' is empty or whitespace", declared_id)
    if declared_id is not None and not _ID.match(declared_id):
        return Rejected("invalid_id", "SchemaError", "field 'id' must match ^[A-Za-z0-9][A-Za-z0-9._:/-]*$", declared_id)
    published = doc.get("published")
    if published is not None and not _valid_published(published):
        return Rejected("invalid_published", "SchemaError", f"field 'published' is not ISO 8601: {published[:40]!r}", declared_id)
    language = doc.get("language")
    if language is not None and not _LANGUAGE.match(language):
        return Rejected("invalid_language", "SchemaError", f"field 'language' is not a language code: {language[:20]!r}", declared_id)
    aid = declared_id or article_id(text, doc.get("title"))
    if key is not None and declared_id is not None:
        try:
            key_text = key.decode("utf-8")
        except UnicodeDecodeError:
            key_text = None
        if key_text != declared_id:
            return Rejected("key_mismatch", "KeyMismatch", "message key differs from the article id (key must be the id)", aid)
    return Article(aid, text, doc.get("title"), doc.get("url"), doc.get("source"), published, language)


def _valid_published(value: str) -> bool:
    if not _PUBLISHED.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T"))
    except ValueError:
        return False
    return True


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def ts_iso(ts: float) -> str:
    """Kafka timestamp (seconds) as ISO 8601 UTC with milliseconds."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def dead_letter(
    rejected: Rejected, value: bytes | None, key: bytes | None, *, topic: str, partition: int, offset: int,
    max_original_bytes: int, timestamp: str | None = None,
) -> dict[str, Any]:
    """The record for `articles.dlq` (schemas/json/dlq.schema.json)."""
    value = value or b""
    kept = value[:max_original_bytes]
    return {
        "schema_version": SCHEMA_VERSION,
        "reason": rejected.reason,
        "error_class": rejected.error_class,
        "detail": rejected.detail,
        "original": base64.b64encode(kept).decode("ascii"),
        "original_size": len(value),
        "original_sha256": hashlib.sha256(value).hexdigest(),
        "original_truncated": len(kept) < len(value),
        "key": base64.b64encode(key).decode("ascii") if key is not None else None,
        "article_id": rejected.article_id,
        "source": {"topic": topic, "partition": partition, "offset": offset},
        "timestamp": timestamp or now_iso(),
    }
