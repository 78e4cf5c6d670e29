"""release_lingering against aiokafka's real accumulator: a lingering batch becomes ready at once."""

from __future__ import annotations

from types import SimpleNamespace

from aiokafka.producer.message_accumulator import MessageAccumulator
from aiokafka.structs import TopicPartition

from streams.producer import release_lingering


class _OneBroker:
    def leader_for_partition(self, tp: TopicPartition) -> int:
        return 0


async def _accumulator_with_one_record(linger_ms: int) -> MessageAccumulator:
    acc = MessageAccumulator(_OneBroker(), 1024 * 1024, 0, 30.0, linger_ms=linger_ms)
    await acc.add_message(TopicPartition("t", 0), b"k", b"v", timeout=1.0)
    return acc


async def test_a_lingering_batch_is_held_until_released():
    acc = await _accumulator_with_one_record(linger_ms=60_000)
    nodes, _unknown = acc.drain_by_nodes(ignore_nodes=set())
    assert nodes == {}  # still lingering: nothing to send yet

    release_lingering(SimpleNamespace(_message_accumulator=acc))
    assert acc._waiter_future.done()  # the sender wakes up
    nodes, _unknown = acc.drain_by_nodes(ignore_nodes=set())
    assert list(nodes[0]) == [TopicPartition("t", 0)]
    assert nodes[0][TopicPartition("t", 0)].record_count == 1


async def test_a_record_added_after_a_release_waits_for_the_sender_then_starts_a_new_batch():
    import asyncio

    acc = await _accumulator_with_one_record(linger_ms=60_000)
    release_lingering(SimpleNamespace(_message_accumulator=acc))
    late = asyncio.create_task(acc.add_message(TopicPartition("t", 0), b"k2", b"v2", timeout=5.0))
    await asyncio.sleep(0.05)
    assert not late.done()  # the closed batch takes no more records
    nodes, _unknown = acc.drain_by_nodes(ignore_nodes=set())  # what the woken sender does
    assert nodes[0][TopicPartition("t", 0)].record_count == 1
    await asyncio.wait_for(late, 5.0)
    assert len(acc._batches[TopicPartition("t", 0)]) == 1  # a new, open batch holds the late record


def test_release_before_the_producer_started_is_a_no_op():
    release_lingering(None)
    release_lingering(SimpleNamespace())
