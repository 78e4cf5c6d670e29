"""Reproducible synthetic articles for benchmarks and failure tests.

Articles are assembled from the labeled passage corpus and the sentences of
the seed articles, so their sentences look like the news the system is
built for, with a realistic share of event sentences. Same seed, same bytes.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from models.passages import passage_sentences

ROOT = Path(__file__).resolve().parent.parent


def _pool() -> tuple[list[str], list[str]]:
    from models.training import load_passages
    from streams.seeds import load_corpus

    passages = load_passages()
    event = [p["text"] for p in passages if p["labels"]]
    other = [p["text"] for p in passages if not p["labels"]]
    for art in load_corpus(ROOT / "seeds"):
        other.extend(passage_sentences(art.text))
    return event, other


def synthetic_articles(n: int, *, seed: int = 7, min_sentences: int = 20, max_sentences: int = 40,
                       event_share: float = 0.3, id_prefix: str = "bench") -> list[dict[str, Any]]:
    event, other = _pool()
    rng = random.Random(seed)
    start = date(2025, 1, 1)
    out = []
    for i in range(n):
        target = rng.randint(min_sentences, max_sentences)
        paragraphs: list[str] = []
        count = 0
        while count < target:
            text = rng.choice(event if rng.random() < event_share else other)
            paragraphs.append(text)
            count += len(passage_sentences(text))
        title = passage_sentences(paragraphs[0])[0][:120]
        out.append({
            "id": f"{id_prefix}-{seed}-{i:05d}",
            "title": title,
            "text": "\n\n".join(paragraphs),
            "source": "synthetic",
            "published": (start + timedelta(days=rng.randint(0, 300))).isoformat(),
        })
    return out


def write_jsonl(articles: list[dict[str, Any]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
