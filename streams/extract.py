"""`eventx extract`: the worker's article path on JSONL, without Kafka."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from models.extraction.extract import ArticleMeta
from models.pipeline import ArticleProcessor, prepare
from streams.intake import Limits, Rejected, decode_article, now_iso
from streams.settings import Settings

BATCH = 32


def extract_lines(processor: ArticleProcessor, lines: Iterable[str], settings: Settings) -> Iterator[tuple[str, dict[str, Any]]]:
    """("event", record) for every event, ("error", {line, reason, detail}) for every bad line."""
    limits = Limits(settings.max_article_bytes, settings.max_json_depth, settings.unknown_fields, require_key=False)
    batch: list[tuple[int, Any]] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        res = decode_article(line.encode("utf-8", "surrogateescape"), None, limits)
        if isinstance(res, Rejected):
            yield "error", {"line": n, "reason": res.reason, "detail": res.detail}
            continue
        batch.append((n, res))
        if len(batch) >= BATCH:
            yield from _flush(processor, batch, settings)
            batch = []
    if batch:
        yield from _flush(processor, batch, settings)


def _flush(processor: ArticleProcessor, batch: list[tuple[int, Any]], settings: Settings) -> Iterator[tuple[str, dict[str, Any]]]:
    stamp = now_iso()
    prepared = [
        prepare(ArticleMeta(a.id, a.text, a.title, a.url, a.source, a.published, stamp), language_hint=a.language,
                max_sentences=settings.max_sentences)
        for _n, a in batch
    ]
    detections = processor.detect(prepared)
    for (n, _a), p, d in zip(batch, prepared, detections, strict=True):
        if p.status == "rejected":
            yield "error", {"line": n, "reason": p.reason, "detail": f"article {p.meta.id} rejected"}
            continue
        if p.status == "ok":
            for e in processor.build(p, d):
                yield "event", e
