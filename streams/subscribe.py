"""Reading event topics: the library call behind `eventx subscribe` and the demo.

Without a group the consumer assigns itself every partition (no group join,
no committed offsets): right for tailing a topic. With a group it joins it
and commits, so a restarted service resumes where it stopped.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from streams.broker import wait_for_broker
from streams.settings import Settings


@dataclass(frozen=True, slots=True)
class Record:
    topic: str
    partition: int
    offset: int
    key: str | None
    value: Any
    timestamp_ms: int
    raw: bytes = b""


async def consume(
    settings: Settings,
    topics: Sequence[str],
    on_record: Callable[[Record], Awaitable[bool | None] | bool | None],
    *,
    from_beginning: bool = False,
    group: str | None = None,
    max_records: int | None = None,
    idle_timeout: float | None = None,
    stop: asyncio.Event | None = None,
) -> int:
    """Deliver records to `on_record` until it returns True, `max_records`, idle timeout or `stop`."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    await wait_for_broker(settings, what="subscribe")
    kwargs: dict[str, Any] = dict(settings.kafka_client_kwargs(), auto_offset_reset="earliest" if from_beginning else "latest",
                                  max_partition_fetch_bytes=8 * 1024 * 1024)
    if group:
        consumer = AIOKafkaConsumer(*topics, group_id=group, enable_auto_commit=True,
                                    session_timeout_ms=int(settings.session_timeout_s * 1000),
                                    heartbeat_interval_ms=int(settings.heartbeat_s * 1000), **kwargs)
        await consumer.start()
    else:
        consumer = AIOKafkaConsumer(group_id=None, enable_auto_commit=False, **kwargs)
        await consumer.start()
        parts = []
        for t in topics:
            for p in sorted(consumer.partitions_for_topic(t) or await _partitions(consumer, t)):
                parts.append(TopicPartition(t, p))
        consumer.assign(parts)
        if from_beginning:
            await consumer.seek_to_beginning(*parts)
        else:
            await consumer.seek_to_end(*parts)
    count = 0
    last = time.monotonic()
    try:
        while stop is None or not stop.is_set():
            batch = await consumer.getmany(timeout_ms=200, max_records=500)
            if not batch:
                if idle_timeout is not None and time.monotonic() - last > idle_timeout:
                    break
                continue
            last = time.monotonic()
            for tp, msgs in batch.items():
                for m in msgs:
                    value = orjson.loads(m.value) if m.value else None
                    rec = Record(tp.topic, tp.partition, m.offset, m.key.decode("utf-8", "replace") if m.key else None,
                                 value, m.timestamp, m.value or b"")
                    result = on_record(rec)
                    if asyncio.iscoroutine(result):
                        result = await result
                    count += 1
                    if result is True or (max_records is not None and count >= max_records):
                        return count
    finally:
        await consumer.stop()
    return count


async def _partitions(consumer: Any, topic: str) -> set[int]:
    for _ in range(50):
        await consumer._client.force_metadata_update()
        parts = consumer.partitions_for_topic(topic)
        if parts:
            return parts
        await asyncio.sleep(0.1)
    raise RuntimeError(f"topic {topic!r} does not exist")
