"""Process-wide worker state shared by the agents and the web views."""

from __future__ import annotations

import asyncio

from models.cluster_state import RECENT_SLOTS
from streams.inference import InferencePool

__all__ = ["RECENT_SLOTS", "STATE", "WorkerState"]


class WorkerState:
    def __init__(self) -> None:
        self.inference: InferencePool | None = None  # the model's processes (streams.inference)
        self.model_loaded = asyncio.Event()
        self.assigned = False
        self.in_flight: set[asyncio.Task] = set()  # article batches being processed (the stall guard waits for them)


STATE = WorkerState()
