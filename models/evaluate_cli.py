"""`eventx evaluate`: the transformer and the baseline side by side on labeled data they were not trained on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.baseline import KeywordBaseline
from models.evaluation import decide, format_table, label_matrix, prf, read_jsonl, reliability
from models.passages import passage_proba
from models.training import DATA, HOLDOUT_FILES, holdout_sentences, load_passages, split


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
    if not data:
        # The pipeline's own path: sentences in their article, near-misses read again with the next sentence.
        from models.pipeline import ArticleProcessor

        for name in HOLDOUT_FILES:
            if (DATA / name).exists():
                rows, pred_t = in_context(DATA / name, ArticleProcessor(transformer))
                _, pred_b = in_context(DATA / name, ArticleProcessor(baseline))
                y = label_matrix(rows)
                out["datasets"][f"{name} (in article context, second look)"] = {
                    "n": len(rows), "transformer": prf(y, pred_t), "baseline": prf(y, pred_b)}
    return out


def precision_check(precisions: tuple[str, ...] = ("bf16", "int8"), *, write_card: bool = False) -> dict[str, Any]:
    """Macro-F1 of each cheaper inference precision against fp32 on the held-out sets.

    A precision is accepted when no set loses more than MAX_F1_DROP. With
    `write_card`, the result goes into the model card's `inference.precision_checks`,
    which `EVENTX_QUANTIZE=auto` reads.
    """
    import json

    from models.transformer import ARTIFACTS, MAX_F1_DROP, TransformerClassifier, current_version

    sets = default_sets()

    def scores(quantize: str) -> dict[str, float]:
        clf = TransformerClassifier.load(quantize=quantize)
        return {name: round(prf(label_matrix(rows), decide(passage_proba(clf, [r["text"] for r in rows]), clf.thresholds))["macro_f1"], 4)
                for name, rows in sets.items()}

    ref = scores("none")
    out: dict[str, Any] = {"none": {"macro_f1": ref}}
    for q in precisions:
        got = scores(q)
        delta = {k: round(got[k] - ref[k], 4) for k in ref}
        out[q] = {"macro_f1": got, "delta": delta, "accepted": min(delta.values()) >= -MAX_F1_DROP, "max_drop_allowed": MAX_F1_DROP}
    if write_card:
        path = ARTIFACTS / current_version() / "model_card.json"
        card = json.loads(path.read_text())
        card.setdefault("inference", {})["precision_checks"] = out
        card["inference"].pop("quantize", None)  # superseded: auto reads the checks
        path.write_text(json.dumps(card, indent=2) + "\n")
    return out


def format_precision_check(report: dict[str, Any]) -> str:
    sets = list(report["none"]["macro_f1"])
    lines = [f"{'precision':<10}" + "".join(f"{s[:30]:>32}" for s in sets) + "  accepted"]
    for q, r in report.items():
        cells = "".join(f"{r['macro_f1'][s]:>22.4f}" + (f" ({r['delta'][s]:+.4f})" if "delta" in r else " " * 10) for s in sets)
        lines.append(f"{q:<10}{cells}  {'' if q == 'none' else ('yes' if r['accepted'] else 'no')}")
    return "\n".join(lines)


def in_context(path: Path, processor: Any) -> tuple[list[dict[str, Any]], Any]:
    """Sentence labels predicted the way the worker predicts them (ArticleProcessor.detect)."""
    import json

    import numpy as np

    from models import EVENT_TYPES
    from models.extraction.extract import ArticleMeta
    from models.pipeline import Prepared
    from models.text import Span

    rows: list[dict[str, Any]] = []
    prepared = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        art = json.loads(line)
        text, spans = "", []
        for s in art["sentences"]:
            spans.append(Span(s["text"], len(text), len(text) + len(s["text"])))
            text += s["text"] + " "
            rows.append(s)
        prepared.append(Prepared(ArticleMeta(art["id"], text), spans, "en", "ok"))
    pred = np.zeros((len(rows), len(EVENT_TYPES)), dtype=np.int8)
    first = 0
    for p, dets in zip(prepared, processor.detect(prepared), strict=True):
        for d in dets:
            pred[first + d.sentence, EVENT_TYPES.index(d.event_type)] = 1
        first += len(p.sentences)
    return rows, pred


def format_classifier_report(report: dict[str, Any]) -> str:
    lines = [f"model {report['model_version']}"]
    for name, r in report["datasets"].items():
        lines += ["", f"== {name}: {r['n']} items", format_table({"transformer": r["transformer"], "baseline": r["baseline"]})]
        if "calibration" in r:
            lines.append(f"expected calibration error (transformer): {r['calibration']['ece']:.4f}")
    return "\n".join(lines)
