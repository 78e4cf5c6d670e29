"""The classifier interface the pipeline depends on, and how to load one.

Any sentence classifier that returns calibrated probabilities for the four
types, plus per-type decision thresholds, plugs into the pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np


class SentenceClassifier(Protocol):
    name: str
    version: str
    labels: tuple[str, ...]
    thresholds: np.ndarray  # shape (4,)

    def predict_proba(self, sentences: Sequence[str]) -> np.ndarray:
        """Probabilities, shape (len(sentences), 4), in `labels` order."""
        ...


CLASSIFIERS = ("transformer", "baseline")


def load_classifier(kind: str = "transformer", *, device: str = "cpu", quantize: str | None = None,
                    threads: int | None = None, batch_size: int | None = None) -> SentenceClassifier:
    """The named classifier, ready to predict. Raises ValueError for unknown names."""
    if kind == "baseline":
        from models.baseline import KeywordBaseline

        return KeywordBaseline()
    if kind == "transformer":
        from models.transformer import TransformerClassifier

        return TransformerClassifier.load(device=device, quantize=quantize, threads=threads, batch_size=batch_size)
    raise ValueError(f"unknown classifier {kind!r}; choose one of {', '.join(CLASSIFIERS)}")
