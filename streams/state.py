"""Process-wide worker state shared by the agents and the web views."""

from __future__ import annotations

import asyncio

from models.pipeline import ArticleProcessor

RECENT_SLOTS = 50  # latest detections kept per type for /events/<type>/recent


class WorkerState:
    processor: ArticleProcessor | None = None
    model_loaded = asyncio.Event()
    assigned = False


STATE = WorkerState()
