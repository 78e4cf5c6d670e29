"""Prometheus metrics served on the worker's `/metrics`."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

REGISTRY = CollectorRegistry()

ARTICLES_CONSUMED = Counter("eventx_articles_consumed", "Messages read from articles.raw.", registry=REGISTRY)
ARTICLES_PROCESSED = Counter("eventx_articles_processed", "Articles with an articles.processed record, by status.",
                             ["status"], registry=REGISTRY)
EVENTS = Counter("eventx_events", "Detections published on events.all, by type.", ["event_type"], registry=REGISTRY)
CLUSTER_REVISIONS = Counter("eventx_cluster_revisions", "Revisions published on events.<type>.", ["event_type"],
                            registry=REGISTRY)
DEAD_LETTERS = Counter("eventx_dead_letters", "Messages sent to articles.dlq, by reason.", ["reason"], registry=REGISTRY)
BATCH_ARTICLES = Histogram("eventx_batch_articles", "Articles per processed batch.",
                           buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256), registry=REGISTRY)
BATCH_SENTENCES = Histogram("eventx_batch_sentences", "Sentences classified per batch.",
                            buckets=(1, 16, 64, 128, 256, 512, 1024, 2048, 4096, 8192), registry=REGISTRY)
INFERENCE_SECONDS = Histogram("eventx_inference_seconds", "Classify + extract time per batch.",
                              buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32), registry=REGISTRY)
END_TO_END_SECONDS = Histogram("eventx_end_to_end_seconds", "Article message timestamp to event emitted.",
                               buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300), registry=REGISTRY)
CONSUMER_LAG = Gauge("eventx_consumer_lag", "Messages not yet read, by topic partition.", ["topic", "partition"],
                     registry=REGISTRY)
MODEL_INFO = Gauge("eventx_model_info", "Loaded model (value 1).", ["classifier", "model_version", "device"],
                   registry=REGISTRY)
STALL_RECOVERIES = Counter("eventx_stall_recoveries", "articles.raw partitions re-read after waiting with no progress.",
                           ["partition"], registry=REGISTRY)
READY = Gauge("eventx_ready", "1 when the model is loaded and partitions are assigned.", registry=REGISTRY)


def render() -> bytes:
    return generate_latest(REGISTRY)
