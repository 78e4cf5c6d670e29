"""Agents: decode, batch, classify, route. Domain logic lives in models/ and streams/intake.py.

Delivery is at-least-once. For each batch of articles:
1. record each article's content hash and detections in `article_digests`
   and flush, so a redelivered article reuses the same detections and
   produces byte-identical events;
2. publish events (events.all + the internal by-type topic) and dead
   letters, and wait for the broker to acknowledge them;
3. publish the articles.processed records and wait again;
4. only then acknowledge the source offsets.
A crash anywhere before step 4 replays the batch.

Batches are pipelined two deep, so the inference processes never wait for
the broker: while batch k is classified or published, batch k+1 is already
queued for classification. Each message holds an extra reference until its
batch has finished step 3, so Faust's own acknowledgement when the agent
moves on does not make the offset committable (`_Flight`). Batches publish in
the order they were taken; an id that conflicts with one still in flight is
caught by `_IN_FLIGHT`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import weakref
from collections.abc import Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from faust.streams import _current_event
from faust.types import EventT

from models import EVENT_TYPES
from models import cluster_state as CS
from models.clustering import event_day
from models.extraction.extract import ArticleMeta, Detection
from models.pipeline import Prepared
from schemas import SCHEMA_VERSION
from schemas.ids import content_hash
from schemas.records import ClusterEvent, DeadLetter, Event, ProcessedArticle
from streams import memory
from streams import metrics as M
from streams.app import (
    AGGREGATES,
    GAPS,
    app,
    article_digests,
    articles_dlq,
    articles_processed,
    articles_raw,
    clusters,
    events_all,
    events_by_type,
    mention_clusters,
    mentions,
    recent_events,
    settings,
    type_day_counts,
    type_stats,
)
from streams.inference import InferenceConfig, InferencePool, Job
from streams.intake import Article, Limits, Rejected, dead_letter, decode_article, now_iso, ts_iso
from streams.producer import release_lingering
from streams.state import STATE

log = logging.getLogger("eventx.worker")

_limits = Limits(settings.max_article_bytes, settings.max_json_depth, settings.unknown_fields, settings.require_key)


@contextlib.contextmanager
def event_context(event: EventT) -> Iterator[None]:
    """Make `event` current, so a table write goes to its partition's changelog.

    Inside `take_events` Faust leaves the last buffered event current; writing
    a table key for an earlier event of the batch would land in the wrong
    changelog partition and be lost on recovery.
    """
    token = _current_event.set(weakref.ref(event))
    try:
        yield
    finally:
        _current_event.reset(token)


def _inference_config() -> InferenceConfig:
    return InferenceConfig(classifier=settings.classifier, device=settings.device,
                           quantize=None if settings.quantize == "auto" else settings.quantize,
                           torch_threads=settings.threads_per_process(), batch_sentences=settings.batch_sentences,
                           second_look=settings.second_look, max_sentences=settings.max_sentences)


def preload() -> None:
    """Start the inference process and load the model before the worker joins the consumer group.

    A worker that joined first would be handed partitions it cannot process
    for the seconds the model takes to load, stalling them during a rebalance.
    """
    memory.limit_arenas(2)  # before the worker's threads exist (module docstring of streams.memory)
    STATE.inference = InferencePool(_inference_config(), settings.processes())
    STATE.inference.start()


@app.task
async def load_model() -> None:
    if STATE.inference is None:  # started without preload (e.g. `faust -A streams.app worker`)
        STATE.inference = InferencePool(_inference_config(), settings.processes())
        await asyncio.get_running_loop().run_in_executor(None, STATE.inference.start)
    M.MODEL_INFO.labels(settings.classifier, STATE.inference.model_version, settings.device).set(1)
    STATE.model_loaded.set()
    _update_ready()


@app.on_before_shutdown.connect
async def _stop_inference(sender: Any, **kwargs: Any) -> None:
    if STATE.inference is not None:
        STATE.inference.close()


@app.on_partitions_assigned.connect
async def _on_assigned(sender: Any, assigned: set, **kwargs: Any) -> None:
    STATE.assigned = True
    _update_ready()


def _update_ready() -> None:
    M.READY.set(1 if STATE.model_loaded.is_set() and STATE.assigned else 0)


# ------------------------------------------------------------------ stage 1: articles


@dataclass(slots=True)
class _Accepted:
    event: EventT
    article: Article
    digest: str
    cached: list[Detection] | None


def _job(item: _Accepted) -> Job:
    a = item.article
    return Job(ArticleMeta(a.id, a.text, a.title, a.url, a.source, a.published, ts_iso(item.event.message.timestamp)),
               a.language, item.cached)


def _pack(dets: Sequence[Detection]) -> list[list[Any]]:
    return [[d.sentence, EVENT_TYPES.index(d.event_type), d.score] for d in dets]


def _unpack(rows: Sequence[Sequence[Any]]) -> list[Detection]:
    return [Detection(int(s), EVENT_TYPES[int(t)], float(p)) for s, t, p in rows]


async def _send_dead_letter(event: EventT, rejected: Rejected) -> asyncio.Future:
    msg = event.message
    record = dead_letter(rejected, msg.value, msg.key, topic=msg.topic, partition=msg.partition, offset=msg.offset,
                         max_original_bytes=settings.dlq_max_original_bytes)
    M.DEAD_LETTERS.labels(rejected.reason).inc()
    log.warning("dead letter %s at %s[%d]@%d: %s", rejected.reason, msg.topic, msg.partition, msg.offset, rejected.detail)
    return await articles_dlq.send(key=f"{msg.topic}/{msg.partition}/{msg.offset}", value=DeadLetter(**record))


@dataclass(slots=True, eq=False)
class _Flight:
    """A batch on its way; `task` is done once it is published."""

    batch: Sequence[EventT]
    task: asyncio.Task | None = None


# Article ids of the batches in flight -> [content hash, batches holding it]. A batch is classified while the one
# before it may still be classifying, before that one's digests are in the table: an id conflict between the two is
# caught here instead (a redelivery with the same content is simply classified again, with the same result).
_IN_FLIGHT: dict[str, list[Any]] = {}


async def handle_article_batch(batch: Sequence[EventT], prev: _Flight | None = None) -> None:
    """Steps 1-3 of the module docstring for one batch; `prev` is the batch taken before it, still in flight."""
    held: list[str] = []
    try:
        await STATE.model_loaded.wait()
        await _handle_article_batch(batch, prev, held)
    finally:
        _release(held)


def _hold(article_id: str, digest: str, held: list[str]) -> None:
    entry = _IN_FLIGHT.setdefault(article_id, [digest, 0])
    entry[1] += 1
    held.append(article_id)


def _release(held: list[str]) -> None:
    for article_id in held:
        entry = _IN_FLIGHT.get(article_id)
        if entry is not None:
            entry[1] -= 1
            if entry[1] <= 0:
                del _IN_FLIGHT[article_id]
    held.clear()


async def _handle_article_batch(batch: Sequence[EventT], prev: _Flight | None, held: list[str]) -> None:
    assert STATE.inference is not None and STATE.inference.model_version is not None
    model_version = STATE.inference.model_version
    M.ARTICLES_CONSUMED.inc(len(batch))
    pending: list[asyncio.Future] = []
    accepted: list[_Accepted] = []
    for ev in batch:
        res = decode_article(ev.message.value, ev.message.key, _limits)
        if isinstance(res, Rejected):
            pending.append(await _send_dead_letter(ev, res))
            continue
        digest = content_hash(res.text, res.title)
        with event_context(ev):
            prev_digest = article_digests.get(res.id)
        flying = _IN_FLIGHT.get(res.id)
        if (prev_digest is not None and prev_digest["h"] != digest) or (flying is not None and flying[0] != digest):
            pending.append(await _send_dead_letter(ev, Rejected(
                "duplicate_id_conflict", "DuplicateId",
                f"article id {res.id!r} was seen before with different content", res.id)))
            continue
        cached = _unpack(prev_digest["d"]) if prev_digest is not None and prev_digest.get("v") == model_version else None
        accepted.append(_Accepted(ev, res, digest, cached))
        _hold(res.id, digest, held)

    if not accepted:
        await _after(prev)
        await _settle(pending)
        return
    t0 = time.perf_counter()
    try:
        prepared, detections, events, timings = await STATE.inference.run([_job(a) for a in accepted])
    except Exception as exc:
        log.exception("batch of %d articles failed; retrying one by one", len(accepted))
        prepared, detections, events, timings = await _isolate(accepted, exc, pending)
    M.INFERENCE_SECONDS.observe(time.perf_counter() - t0)
    M.BATCH_ARTICLES.observe(len(accepted))
    M.BATCH_SENTENCES.observe(sum(len(p.sentences) for p in prepared if p.status == "ok"))
    done: list[tuple[_Accepted, Prepared, list[dict], dict[str, float]]] = []
    for item, p, dets, evs, ms in zip(accepted, prepared, detections, events, timings, strict=True):
        if p.status == "failed":
            continue
        if p.status == "rejected":
            pending.append(await _send_dead_letter(item.event, Rejected(
                p.reason or "rejected", "ContentError", _REJECT_DETAIL.get(p.reason or "", p.reason or ""), item.article.id)))
            continue
        with event_context(item.event):
            article_digests[item.article.id] = {"h": item.digest, "v": model_version, "d": _pack(dets)}
        done.append((item, p, evs, ms))
    _release(held)  # the table has them now
    # The digests must be durable before the events they vouch for.
    await flush_now()
    await _after(prev)
    for _item, _p, evs, _ms in done:
        for e in evs:
            pending.append(await events_all.send(key=e["event_id"], value=Event(**e)))
            pending.append(await mentions.send(key=e["event_type"], value=e))
            M.EVENTS.labels(e["event_type"]).inc()
    await _settle(pending)
    now = time.time()
    for item, _p, evs, _ms in done:
        if evs:
            M.END_TO_END_SECONDS.observe(max(0.0, now - item.event.message.timestamp))
    processed = []
    for item, p, evs, ms in done:
        t = {k: round(v, 3) for k, v in ms.items()}
        t["total"] = round((time.perf_counter() - t0) * 1000, 3)
        msg = item.event.message
        record = ProcessedArticle(
            schema_version=SCHEMA_VERSION, article_id=item.article.id,
            status="skipped" if p.status == "skipped" else "processed", reason=p.reason,
            event_ids=[e["event_id"] for e in evs], event_types=sorted({e["event_type"] for e in evs}),
            sentences=len(p.sentences), language=p.language, model_version=model_version, timings_ms=t,
            source={"topic": msg.topic, "partition": msg.partition, "offset": msg.offset}, processed_at=now_iso(),
        )
        processed.append(await articles_processed.send(key=item.article.id, value=record))
        M.ARTICLES_PROCESSED.labels(record.status).inc()
    await _settle(processed)


async def _after(prev: _Flight | None) -> None:
    """Publish in the order batches were taken: wait until the previous batch has published (its failure is ours)."""
    if prev is not None and prev.task is not None:
        await asyncio.shield(prev.task)


_REJECT_DETAIL = {
    "no_text_content": "text holds markup only; nothing left to read after removing tags",
    "no_sentences": "text has no sentences (no letters)",
    "too_many_sentences": f"article has more than EVENTX_MAX_SENTENCES={settings.max_sentences} sentences",
}


async def _isolate(items: Sequence[_Accepted], exc: Exception, pending: list[asyncio.Future]):
    """Process a failed batch one article at a time; dead-letter the ones that still fail."""
    assert STATE.inference is not None
    out: tuple[list, list, list, list] = ([], [], [], [])
    for item in items:
        try:
            p, d, e, t = await STATE.inference.run([_job(item)])
            out[0].append(p[0])
            out[1].append(d[0])
            out[2].append(e[0])
            out[3].append(t[0])
        except Exception as inner:
            log.exception("article %s failed", item.article.id)
            detail = "the inference process died on this article" if isinstance(inner, BrokenProcessPool) else str(inner)[:500]
            pending.append(await _send_dead_letter(item.event, Rejected(
                "processing_error", type(inner).__name__, detail, item.article.id)))
            out[0].append(Prepared(ArticleMeta(item.article.id, ""), [], "und", "failed", "processing_error"))
            out[1].append([])
            out[2].append([])
            out[3].append({})
    return out


def send_now() -> None:
    """Send every record the producer holds now instead of after EVENTX_PRODUCER_LINGER_MS (streams/producer.py)."""
    release_lingering(getattr(app.producer, "_producer", None))


async def flush_now() -> None:
    """`app.producer.flush()` without waiting out the linger."""
    await app.producer.buffer.flush()
    send_now()
    await app.producer.flush()


async def _settle(futures: Sequence[asyncio.Future]) -> None:
    """Wait until the broker has acknowledged every record in `futures`."""
    if futures:
        send_now()
        await asyncio.gather(*futures)


@app.agent(articles_raw)
async def process_articles(stream):  # type: ignore[no-untyped-def]
    prev: _Flight | None = None
    try:
        async for batch in stream.take_events(settings.batch_articles, within=settings.batch_linger_s):
            for ev in batch:
                # Faust acks every event of the batch when the loop moves on; this reference keeps the offset
                # uncommittable until the batch is published (`_publish_then_ack`).
                ev.message.incref()
            flight = _Flight(batch)
            flight.task = asyncio.create_task(_publish_then_ack(stream, flight, prev))
            STATE.in_flight.add(flight.task)
            flight.task.add_done_callback(STATE.in_flight.discard)
            if prev is not None and prev.task is not None:
                await prev.task  # at most two batches in flight: one classifying, one publishing
            prev = flight
        if prev is not None and prev.task is not None:
            await prev.task
    finally:
        # Stopping (shutdown, or a failed batch): whatever is unpublished stays unacknowledged and is read again.
        for task in list(STATE.in_flight):
            task.cancel()


async def _publish_then_ack(stream: Any, flight: _Flight, prev: _Flight | None) -> None:
    await handle_article_batch(flight.batch, prev)
    for ev in flight.batch:
        # Drops the agent's extra reference. The stream already counted the event out when it moved on,
        # so only the message-level bookkeeping (commit, sensors) is left to do.
        if ev.ack():
            app.sensors.on_message_out(ev.message.tp, ev.message.offset, ev.message)


_stalled: dict[Any, tuple[tuple[int | None, int | None], float]] = {}


@app.timer(2.0)
async def stall_guard() -> None:
    """Re-read an articles.raw partition that has messages waiting but makes no progress while the worker idles.

    After some rebalances Faust stops delivering one retained partition
    (seen in about one scale-out test in ten: read offset behind the
    committed one, nothing fetched, no error). Seeking the partition to its
    committed offset resumes it; anything read twice is idempotent.
    """
    consumer = app.consumer
    if app.rebalancing or not app.flow_control.is_active() or STATE.in_flight:
        _stalled.clear()
        return
    now = time.monotonic()
    raw = articles_raw.get_topic_name()
    assignment = consumer.assignment()
    for tp in list(GAPS):
        # A jump in fetched offsets: the records skipped over will be dropped
        # below the read offset, so read the partition again now.
        GAPS.discard(tp)
        committed = consumer._committed_offset.get(tp)
        if tp in assignment and committed is not None:
            await _reread(tp, committed, "after a gap")
    for tp in list(assignment):
        if tp.topic != raw:
            continue
        high, committed = consumer.highwater(tp), consumer._committed_offset.get(tp)
        if high is None or committed is None or high <= committed:
            _stalled.pop(tp, None)
            continue
        mark = (consumer._read_offset.get(tp), committed)
        seen = _stalled.get(tp)
        if seen is None or seen[0] != mark:
            _stalled[tp] = (mark, now)
        elif now - seen[1] >= settings.stall_s:
            await _reread(tp, committed, f"after {high - committed} messages waited {now - seen[1]:.0f}s with no progress "
                                         f"(read offset {mark[0]})")


async def _reread(tp: Any, committed: int, why: str) -> None:
    log.warning("%s[%d]: re-reading from committed offset %d %s", tp.topic, tp.partition, committed, why)
    M.STALL_RECOVERIES.labels(str(tp.partition)).inc()
    _stalled.pop(tp, None)
    await app.consumer.seek(tp, committed)


# ------------------------------------------------------------------ stage 2: clusters


def _day_ts(event: dict[str, Any]) -> float:
    d: date = event_day(event)
    return datetime(d.year, d.month, d.day, 12, tzinfo=UTC).timestamp()


def _tables_for(event_type: str) -> dict[str, Any]:
    return {CS.MENTIONS: mention_clusters, CS.CLUSTERS: clusters, CS.STATS: type_stats, CS.RECENT: recent_events,
            CS.AGGREGATE: AGGREGATES[event_type]}


async def handle_mention(ev: EventT) -> asyncio.Future | None:
    """Thin wrapper over models.cluster_state.apply_mention: read, apply the writes, publish.

    Returns the publication's delivery future; the caller waits for it before acknowledging `ev`.
    """
    mention: dict[str, Any] = ev.value
    et = mention["event_type"]
    mention["day_ts"] = _day_ts(mention)  # type_day_counts windows by the event's day
    tables = _tables_for(et)

    def read(table: str, key: str) -> Any:
        if table == CS.DAYS:
            return type_day_counts[key].value()
        return tables[table].get(key)

    step = CS.apply_mention(mention, ev.message.offset, read)
    for table, key, value in step.writes:
        if table == CS.DAYS:
            type_day_counts[key] = value
        else:
            tables[table][key] = value
    if step.revised:
        M.CLUSTER_REVISIONS.labels(et).inc()
    if step.publish is None:
        return None
    # Every delivery republishes the cluster's current state: a crash may
    # have lost the first publication, and a repeat has identical bytes.
    return await events_by_type[et].send(key=step.cluster_id, value=ClusterEvent(**step.publish))


@app.agent(mentions)
async def cluster_events(stream):  # type: ignore[no-untyped-def]
    # Batched so that a batch's table writes and publications share produce requests: one round trip per batch
    # instead of one per detection. take_events acknowledges the batch only after this body has run, so every
    # publication is confirmed first.
    async for batch in stream.take_events(settings.batch_articles * 4, within=settings.batch_linger_s):
        published: list[asyncio.Future] = []
        for ev in batch:
            try:
                with event_context(ev):  # each detection's table writes go to its own partition's changelog
                    fut = await handle_mention(ev)
            except Exception:
                log.exception("clustering failed for %s", (ev.value or {}).get("event_id"))
                continue
            if fut is not None:
                published.append(fut)
        try:
            await _settle(published)
        except Exception:
            log.exception("publishing %d cluster states failed", len(published))


# ------------------------------------------------------------------ lag


@app.timer(5.0)
async def report_lag() -> None:
    consumer = app.consumer
    try:
        assignment = consumer.assignment()
    except Exception:
        return
    for tp in assignment:
        if tp.topic != articles_raw.get_topic_name():
            continue
        high = consumer.highwater(tp)
        read = consumer._read_offset.get(tp)
        if high is None:
            continue
        lag = max(0, high - ((read + 1) if read is not None else 0))
        M.CONSUMER_LAG.labels(tp.topic, str(tp.partition)).set(lag)


@app.timer(max(settings.malloc_trim_s, 1.0))
async def trim_memory() -> None:
    """Hand freed malloc pages back to the OS (streams.memory explains why RSS otherwise climbs)."""
    # glibc locks each arena while it trims, so this is safe next to a running batch.
    if settings.malloc_trim_s:
        await asyncio.get_running_loop().run_in_executor(None, memory.malloc_trim)
        if STATE.inference is not None:
            await STATE.inference.trim()
