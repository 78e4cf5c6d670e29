"""Passage-level labels from the sentence classifier.

A passage (or article) carries a type when any of its sentences does, with
the highest sentence probability as its score: the same rule the pipeline
uses to decide that an article reports an event.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from models import EVENT_TYPES
from models.classifier import SentenceClassifier
from models.text import split_sentences


def passage_sentences(text: str) -> list[str]:
    sentences = [s.text for s in split_sentences(text)]
    return sentences or ([text.strip()] if text.strip() else [])


def passage_proba(clf: SentenceClassifier, texts: Sequence[str]) -> np.ndarray:
    """(len(texts), 4): max sentence probability per passage and type."""
    flat: list[str] = []
    owner: list[int] = []
    for i, t in enumerate(texts):
        for s in passage_sentences(t):
            flat.append(s)
            owner.append(i)
    out = np.zeros((len(texts), len(EVENT_TYPES)), dtype=np.float32)
    if flat:
        probs = clf.predict_proba(flat)
        np.maximum.at(out, np.asarray(owner), probs)
    return out


def classify_passages(clf: SentenceClassifier, texts: Sequence[str]) -> list[tuple[list[str], dict[str, float]]]:
    probs = passage_proba(clf, texts)
    out = []
    for row in probs:
        labels = [t for t, p, th in zip(EVENT_TYPES, row, clf.thresholds, strict=True) if p >= th]
        out.append((labels, {t: round(float(p), 4) for t, p in zip(EVENT_TYPES, row, strict=True)}))
    return out
