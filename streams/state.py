"""Process-wide worker state shared by the agents and the web views."""

from __future__ import annotations

import asyncio

from models.cluster_state import RECENT_SLOTS
from models.pipeline import ArticleProcessor

__all__ = ["RECENT_SLOTS", "STATE", "WorkerState"]


class WorkerState:
    processor: ArticleProcessor | None = None
    model_loaded = asyncio.Event()
    assigned = False
    in_batch = False  # the articles agent is inside a batch (the stall guard waits for it)


STATE = WorkerState()
