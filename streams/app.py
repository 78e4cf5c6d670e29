"""The Faust application: topics, tables and agents, declared in one place.

Two agents:
- `process_articles` (articles.raw -> events.all, articles.processed,
  articles.dlq): validate, batch, classify in an executor, extract;
- `cluster_events` (detections re-keyed by type -> events.<type>): merge
  reports of the same real-world event and keep the per-type tables.

Settings come from the environment (streams/settings.py), read once at import.
"""

from __future__ import annotations

import logging
import ssl
from datetime import timedelta
from typing import Any

import aiokafka
import faust
import faust.transport.consumer
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types.tuples import ConsumerMessage

from schemas.records import ClusterEvent, DeadLetter, Event, ProcessedArticle
from streams.settings import Settings
from streams.topics import topics_for

settings = Settings.from_env()
TOPICS = topics_for(settings)
_PLAIN_TOPICS = {TOPICS.raw, TOPICS.mentions}
GAPS: set[Any] = set()  # partitions whose fetched offsets jumped (see _no_gap_acks_on_plain_topics)
log = logging.getLogger("eventx.worker")


class _PromptConsumer(aiokafka.AIOKafkaConsumer):
    """aiokafka consumer with EVENTX_FETCH_MAX_WAIT_MS instead of Faust's fixed 1.5 s.

    Faust hard-codes fetch_max_wait_ms=1500. Kafka answers a fetch as soon as
    data arrives, but Tansu holds it until the wait expires, which added up
    to 1.5 s per hop to end-to-end latency (measured: 380 ms median at
    1500 ms, 22 ms at 100 ms).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["fetch_max_wait_ms"] = settings.fetch_max_wait_ms
        super().__init__(*args, **kwargs)


faust_aiokafka.aiokafka.AIOKafkaConsumer = _PromptConsumer  # the driver builds its consumers through this name


def _ack_unless_skipped_in_rebalance(self: ConsumerMessage, consumer: Any) -> bool:
    """Keep a message that a stream skipped during a rebalance unacknowledged.

    Faust's stream skips a message that reaches it while flow control is
    suspended or from an older consumer generation, and acks it anyway. The
    revocation then commits past it and the next owner starts after it: an
    article lost without a trace (seen here in about one scale-out test in
    four). Left unacked, its offset is not committed, and the rebalance seeks
    every partition back to its committed offset, so the message is read
    again. A skipped message is the only kind a stream acks without tracking.
    """
    app = consumer.app
    if not self.tracked and (not app.flow_control.is_active() or self.generation_id != app.consumer_generation_id):
        return False
    return consumer.ack(self)


ConsumerMessage.on_final_ack = _ack_unless_skipped_in_rebalance  # type: ignore[method-assign]

_faust_add_gap = faust.transport.consumer.Consumer._add_gap


async def _no_gap_acks_on_plain_topics(self: Any, tp: Any, offset_from: int, offset_to: int) -> None:
    """Do not treat missing offsets on articles.raw or the mentions topic as acknowledged.

    Faust marks a jump in fetched offsets as a gap to commit past (meant for
    compacted topics and transaction markers). Both topics are plain and
    written without transactions, so a jump only happens when a fetch from
    before a rebalance's seek returns late. The skipped records then come
    again below the read offset and are dropped, and the gap commits past
    them: articles lost (18 in one scale-out run). Without the gap the commit
    stays put, and the stall guard re-reads the partition.
    """
    if tp.topic in _PLAIN_TOPICS:
        log.warning("%s[%d]: fetched offsets jump from %d to %d; not committing past the gap", tp.topic, tp.partition,
                    offset_from, offset_to)
        GAPS.add(tp)  # the stall guard re-reads it from the committed offset on its next tick
        return
    await _faust_add_gap(self, tp, offset_from, offset_to)


faust.transport.consumer.Consumer._add_gap = _no_gap_acks_on_plain_topics  # type: ignore[method-assign]


def _credentials(s: Settings) -> faust.types.auth.CredentialsT | None:
    if s.security_protocol.startswith("sasl"):
        context = ssl.create_default_context(cafile=s.ssl_cafile) if s.security_protocol.endswith("ssl") else None
        if s.sasl_mechanism == "plain":
            return faust.SASLCredentials(username=s.sasl_username, password=s.sasl_password, ssl_context=context)
        return faust.SASLCredentials(username=s.sasl_username, password=s.sasl_password, ssl_context=context,
                                     mechanism=s.sasl_mechanism.upper())
    if s.security_protocol == "ssl":
        return faust.SSLCredentials(ssl.create_default_context(cafile=s.ssl_cafile))
    return None


app = faust.App(
    settings.app_id,
    broker=[f"kafka://{h.strip()}" for h in (settings.bootstrap_servers or "127.0.0.1:9092").split(",")],
    broker_credentials=_credentials(settings),
    store=settings.store,
    datadir=str(settings.data_dir),
    topic_partitions=settings.partitions,
    topic_replication_factor=settings.replication_factor,
    # Tansu waits half the session timeout before a group join completes, so
    # short timeouts keep starts and rebalances in seconds, not half a minute.
    broker_rebalance_timeout=settings.rebalance_timeout_s,
    broker_session_timeout=settings.session_timeout_s,
    broker_heartbeat_interval=settings.heartbeat_s,
    broker_commit_interval=settings.commit_interval_s,
    consumer_auto_offset_reset="earliest",
    # A dead letter can carry up to EVENTX_DLQ_MAX_ORIGINAL_BYTES (base64) and
    # an oversized article must still be fetched to be dead-lettered.
    producer_max_request_size=max(4 * 1024 * 1024, settings.dlq_max_original_bytes * 2),
    consumer_max_fetch_size=max(4 * 1024 * 1024, settings.max_article_bytes * 2),
    producer_acks=-1,
    # Changelog writes (about six per detection in the clustering stage) then share requests: worker plus broker
    # CPU per article 17 -> 9 ms (README "Performance"). Records the worker awaits are sent at once (`send_now`).
    producer_linger=settings.producer_linger_ms / 1000,
    producer_max_batch_size=1024 * 1024,
    stream_buffer_maxsize=max(64, settings.batch_articles * 4),
    stream_recovery_delay=0.5,
    web_host=settings.web_host,
    web_bind=settings.web_host,
    web_port=settings.web_port,
    web_enabled=True,
    processing_guarantee="at_least_once",
    # After a kill -9 the local RocksDB can record a changelog offset one past
    # what the broker reports (seen on Tansu). Faust would then refuse to start,
    # a crash loop; replaying is safe here because every write is idempotent.
    recovery_consistency_check=settings.strict_recovery,
)

# ------------------------------------------------------------------ topics
articles_raw = app.topic(TOPICS.raw, key_serializer="raw", value_serializer="raw", partitions=settings.partitions)
articles_processed = app.topic(TOPICS.processed, key_type=str, key_serializer="raw", value_type=ProcessedArticle)
articles_dlq = app.topic(TOPICS.dlq, key_type=str, key_serializer="raw", value_type=DeadLetter)
events_all = app.topic(TOPICS.events_all, key_type=str, key_serializer="raw", value_type=Event)
events_by_type = {t: app.topic(name, key_type=str, key_serializer="raw", value_type=ClusterEvent)
                  for t, name in TOPICS.by_type.items()}
mentions = app.topic(TOPICS.mentions, key_type=str, key_serializer="raw", value_serializer="json",
                     partitions=settings.partitions, internal=True)

# ------------------------------------------------------------------ tables
# Keys are str on the wire as raw UTF-8, the same bytes the streams are keyed
# by, so the web router sends a request for a key to the worker that owns it.


_RAW_KEYS = faust.Schema(key_type=str, key_serializer="raw", value_serializer="json")


# Every table partition is its own RocksDB. Faust's defaults (64 MB memtables x 3, a 2 GB block cache) are
# sized for one big table; with 11 tables x EVENTX_PARTITIONS they would let memory grow to gigabytes.
def _store_options() -> dict[str, int] | None:
    if not settings.store.startswith("rocksdb"):
        return None
    return {"write_buffer_size": settings.rocksdb_write_buffer_mb << 20, "max_write_buffer_number": 2,
            "block_cache_size": settings.rocksdb_block_cache_mb << 20}  # a fresh dict: Faust's store pops keys from it


def _table(name: str, default: type | None = None) -> faust.Table:
    return app.Table(name, default=default, schema=_RAW_KEYS, partitions=settings.partitions,
                     options=_store_options())


# articles.raw partition: article id -> content hash, model version, detections.
article_digests = _table("article_digests")
# mentions partition (keyed by type): all clustering state.
clusters = _table("clusters")
mention_clusters = _table("mention_clusters")
type_stats = _table("type_stats", dict)
recent_events = _table("recent_events")
drone_stats = _table("drone_stats", dict)
negotiation_pairs = _table("negotiation_pairs", dict)
sanction_pairs = _table("sanction_pairs", dict)
swap_totals = _table("swap_totals", dict)
type_day_counts = (
    # Windowed keys are (key, window) tuples, which need a structured codec.
    app.Table("type_day_counts", default=dict, schema=faust.Schema(key_serializer="json", value_serializer="json"),
              partitions=settings.partitions, options=_store_options())
    .tumbling(timedelta(days=1), expires=timedelta(days=3650))
    .relative_to(lambda event: event.value["day_ts"])
)

AGGREGATES = {
    "drone_strike": drone_stats,
    "negotiation": negotiation_pairs,
    "sanctions": sanction_pairs,
    "prisoner_swap": swap_totals,
}

# Agents and views register themselves on `app` when imported.
from streams import agents as _agents  # noqa: E402,F401
from streams import views as _views  # noqa: E402,F401
