"""Quality figures: per-type precision/recall/F1, macro-F1, calibration error.

Every figure is computed on labeled data the model was not trained on: the
held-out test split, the independent hold-out articles, or a file the user
passes to `eventx evaluate --data`.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from models import EVENT_TYPES


def label_matrix(rows: Sequence[dict[str, Any]]) -> np.ndarray:
    y = np.zeros((len(rows), len(EVENT_TYPES)), dtype=np.int8)
    for i, r in enumerate(rows):
        for t in r.get("labels", []):
            if t in EVENT_TYPES:
                y[i, EVENT_TYPES.index(t)] = 1
    return y


def prf(y_true: np.ndarray, y_pred: np.ndarray) -> dict[str, Any]:
    """Per-type precision/recall/F1/support and macro averages."""
    out: dict[str, Any] = {}
    f1s = []
    for j, t in enumerate(EVENT_TYPES):
        tp = int(((y_pred[:, j] == 1) & (y_true[:, j] == 1)).sum())
        fp = int(((y_pred[:, j] == 1) & (y_true[:, j] == 0)).sum())
        fn = int(((y_pred[:, j] == 0) & (y_true[:, j] == 1)).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": int(y_true[:, j].sum())}
        f1s.append(f)
    out["macro_f1"] = round(float(np.mean(f1s)), 4)
    exact = float((y_true == y_pred).all(axis=1).mean()) if len(y_true) else 0.0
    out["exact_match"] = round(exact, 4)
    out["n"] = len(y_true)
    return out


def reliability(y_true: np.ndarray, probs: np.ndarray, bins: int = 10) -> dict[str, Any]:
    """Expected calibration error over all (item, type) pairs, and the table behind it."""
    p = probs.reshape(-1)
    y = y_true.reshape(-1).astype(np.float64)
    edges = np.linspace(0.0, 1.0, bins + 1)
    table = []
    ece = 0.0
    for lo, hi in itertools.pairwise(edges):
        sel = (p >= lo) & ((p < hi) if hi < 1.0 else (p <= hi))
        n = int(sel.sum())
        if n == 0:
            continue
        conf = float(p[sel].mean())
        acc = float(y[sel].mean())
        ece += n / len(p) * abs(conf - acc)
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": n, "mean_prob": round(conf, 4), "positive_rate": round(acc, 4)})
    return {"ece": round(ece, 4), "table": table}


def decide(probs: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    return (probs >= thresholds[None, :]).astype(np.int8)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            doc = json.loads(line)
            if not isinstance(doc.get("text"), str) or not isinstance(doc.get("labels"), list):
                raise ValueError(f"{path}:{n}: each line needs 'text' (string) and 'labels' (list)")
            rows.append(doc)
    return rows


def format_table(results: dict[str, dict[str, Any]]) -> str:
    """Side-by-side table: one column block per classifier."""
    names = list(results)
    head = f"{'type':<15}" + "".join(f"{n:^27}" for n in names)
    sub = f"{'':<15}" + "".join(f"{'P':>8}{'R':>8}{'F1':>8}   " for _ in names)
    lines = [head, sub]
    for t in EVENT_TYPES:
        row = f"{t:<15}"
        for n in names:
            m = results[n][t]
            row += f"{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}   "
        lines.append(row + f" (support {results[names[0]][t]['support']})")
    lines.append(f"{'macro-F1':<15}" + "".join(f"{results[n]['macro_f1']:>24.3f}   " for n in names))
    return "\n".join(lines)
