"""`eventx evaluate`: the transformer and the baseline side by side on labeled data they were not trained on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.baseline import KeywordBaseline
from models.evaluation import decide, format_table, label_matrix, prf, read_jsonl, reliability
from models.passages import passage_proba
from models.training import HOLDOUT_FILES, holdout_sentences, load_passages, split


def default_sets(seed: int = 1234) -> dict[str, list[dict[str, Any]]]:
    """The held-out test split (passages) and the hold-out articles (sentences)."""
    sets = {"test split (passages)": split(load_passages(), seed)["test"]}
    for name in HOLDOUT_FILES:
        rows = holdout_sentences(name)
        if rows:
            sets[f"{name} (sentences)"] = rows
    return sets


def evaluate_classifiers(data: Path | None, *, quantize: str = "none") -> dict[str, Any]:
    from models.transformer import TransformerClassifier

    sets = {str(data): read_jsonl(data)} if data else default_sets()
    transformer = TransformerClassifier.load(quantize=quantize)
    baseline = KeywordBaseline()
    out: dict[str, Any] = {"model_version": transformer.version, "datasets": {}}
    for name, rows in sets.items():
        texts = [r["text"] for r in rows]
        y = label_matrix(rows)
        pt = passage_proba(transformer, texts)
        pb = passage_proba(baseline, texts)
        out["datasets"][name] = {
            "n": len(rows),
            "transformer": prf(y, decide(pt, transformer.thresholds)),
            "baseline": prf(y, decide(pb, baseline.thresholds)),
            "calibration": reliability(y, pt),
        }
    return out


def format_classifier_report(report: dict[str, Any]) -> str:
    lines = [f"model {report['model_version']}"]
    for name, r in report["datasets"].items():
        lines += ["", f"== {name}: {r['n']} items", format_table({"transformer": r["transformer"], "baseline": r["baseline"]}),
                  f"expected calibration error (transformer): {r['calibration']['ece']:.4f}"]
    return "\n".join(lines)
