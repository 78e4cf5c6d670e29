"""Publishing articles onto `articles.raw`: the library call behind `eventx feed` and `eventx replay`.

    from streams.feed import feed
    report = feed([{"text": "...", "title": "..."}], bootstrap="localhost:9092")

Articles are validated with the same rules as the worker before they are
sent; the rejects are reported, not sent. The message key is the article id.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from schemas.ids import article_id
from streams.broker import wait_for_broker
from streams.intake import Limits, Rejected, decode_article
from streams.settings import Settings
from streams.topics import topics_for

log = logging.getLogger("eventx.feed")


@dataclass(slots=True)
class FeedReport:
    sent: int = 0
    rejected: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def reject(self, reason: str) -> None:
        self.rejected += 1
        self.reasons[reason] = self.reasons.get(reason, 0) + 1


class InputError(ValueError):
    """A file given to `feed` cannot be read as articles."""


def read_articles(paths: Iterable[str], stdin: IO[str] | None = None) -> Iterator[dict[str, Any] | Rejected]:
    """Articles from .txt (first line is the title), .json (object or list), .jsonl, or '-' (JSONL on stdin)."""
    for name in paths:
        if name == "-":
            yield from _jsonl(stdin or sys.stdin, "<stdin>")
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(f"{name}: no such file")
        if path.is_dir():
            raise InputError(f"{name}: is a directory (give files, or use `eventx replay --corpus {name}`)")
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            with path.open(encoding="utf-8", errors="strict") as fh:
                yield from _jsonl(fh, name)
        elif suffix == ".json":
            try:
                doc = json.loads(path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(f"{name}: not valid JSON: {exc}") from exc
            yield from (doc if isinstance(doc, list) else [doc])
        elif suffix in {".txt", ".text", ".md", ""}:
            try:
                raw = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not UTF-8 text: {exc}") from exc
            title, _, body = raw.strip().partition("\n")
            yield {"title": title.strip(), "text": body.strip() or title.strip(), "source": path.name}
        else:
            raise InputError(f"{name}: unsupported file type {suffix!r} (use .txt, .json, .jsonl or -)")


def _jsonl(fh: IO[str], name: str) -> Iterator[dict[str, Any] | Rejected]:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected("invalid_json", "JSONDecodeError", f"{name}:{n}: {exc}")


def encode(article: dict[str, Any] | Rejected, limits: Limits) -> tuple[bytes, bytes] | Rejected:
    """(key, value) ready to send, or why the worker would reject it."""
    if isinstance(article, Rejected):
        return article
    if not isinstance(article, dict):
        return Rejected("not_an_object", "TypeError", f"article is {type(article).__name__}, expected an object")
    doc = dict(article)
    if isinstance(doc.get("text"), str) and "id" not in doc:
        title = doc.get("title") if isinstance(doc.get("title"), str) else None
        doc["id"] = article_id(doc["text"], title)
    value = orjson.dumps(doc)
    key = str(doc.get("id", "")).encode("utf-8")
    checked = decode_article(value, key, limits)
    if isinstance(checked, Rejected):
        return checked
    return key, value


async def producer_for(settings: Settings):  # type: ignore[no-untyped-def]
    from aiokafka import AIOKafkaProducer

    await wait_for_broker(settings, what="feed")
    producer = AIOKafkaProducer(**settings.kafka_client_kwargs(), acks="all", linger_ms=5,
                                max_request_size=max(1_048_576, settings.max_article_bytes + 4096), enable_idempotence=False)
    await producer.start()
    return producer


async def publish(
    articles: Iterable[dict[str, Any] | Rejected] | AsyncIterator[dict[str, Any]],
    settings: Settings,
    *,
    topic: str | None = None,
    rate: float = 0.0,
    progress: bool = False,
    total: int | None = None,
) -> FeedReport:
    """Validate and send articles; wait until the broker has acknowledged all of them."""
    from streams.broker import ensure_topics

    limits = Limits(settings.max_article_bytes, settings.max_json_depth, settings.unknown_fields, settings.require_key)
    topic = topic or topics_for(settings).raw
    report = FeedReport()
    start = time.perf_counter()
    producer = await producer_for(settings)
    await ensure_topics(settings)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="article", desc=f"feed {topic}", file=sys.stderr, dynamic_ncols=True)
    futures: list[asyncio.Future] = []
    try:
        items = articles if hasattr(articles, "__aiter__") else _aiter(articles)  # type: ignore[arg-type]
        async for art in items:  # type: ignore[union-attr]
            encoded = encode(art, limits)
            if isinstance(encoded, Rejected):
                report.reject(encoded.reason)
                log.warning("not sent (%s): %s", encoded.reason, encoded.detail)
            else:
                key, value = encoded
                futures.append(await producer.send(topic, key=key, value=value))
                report.sent += 1
                report.ids.append(key.decode())
                if rate > 0:
                    await asyncio.sleep(1.0 / rate)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(sent=report.sent, rejected=report.rejected, refresh=False)
        if futures:
            await asyncio.gather(*futures)
    finally:
        if bar is not None:
            bar.close()
        await producer.stop()
    report.seconds = time.perf_counter() - start
    return report


async def _aiter(items: Iterable[Any]) -> AsyncIterator[Any]:
    for x in items:
        yield x


def feed(articles: Iterable[dict[str, Any]], bootstrap: str | None = None, **kwargs: Any) -> FeedReport:
    """Synchronous convenience: publish `articles` to `articles.raw` on `bootstrap`."""
    settings = Settings.from_env()
    if bootstrap:
        settings = settings.replace(bootstrap_servers=bootstrap)
    if not settings.bootstrap_servers:
        raise ValueError("no broker: pass bootstrap= or set KAFKA_BOOTSTRAP_SERVERS")
    return asyncio.run(publish(articles, settings, **kwargs))
