"""Producer linger, and sending what lingers at once when the worker waits for it.

EVENTX_PRODUCER_LINGER_MS lets unawaited records (table changelogs: about
six writes per detection in the clustering stage) share produce requests.
A step that waits for acknowledgements should not also wait out the linger,
so it first closes the open batches and wakes aiokafka's sender, which is
what aiokafka's own `flush_for_commit` does for transactions. This reaches
into aiokafka's accumulator (pinned <0.15); tests/streams/test_producer.py
checks it against the real class.
"""

from __future__ import annotations

from typing import Any


def release_lingering(producer: Any) -> None:
    """Make every batch the aiokafka `producer` holds ready to send now (no-op before it has started)."""
    acc = getattr(producer, "_message_accumulator", None)
    if acc is None:
        return
    for batches in acc._batches.values():
        for batch in batches:
            batch._builder.close()
    if not acc._waiter_future.done():
        acc._waiter_future.set_result(None)
