"""The shipped classifier: offline loading, quality on held-out data, calibration, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from models import EVENT_TYPES
from models.baseline import KeywordBaseline
from models.evaluation import decide, label_matrix, prf, reliability
from models.passages import passage_proba
from models.training import load_passages, pack_weights, split
from models.transformer import unpack_weights

ROOT = Path(__file__).resolve().parents[2]


def test_artifacts_load_offline():
    code = ("from models.classifier import load_classifier; c = load_classifier('transformer'); "
            "p = c.predict_proba(['Drones struck a refinery in Ryazan overnight.']); print(c.version, p.shape)")
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", HF_HOME="/nonexistent-hf-home",
               HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "minilm-" in out.stdout and "(1, 4)" in out.stdout


def test_artifact_is_small_and_described_by_its_card(transformer):
    folder = ROOT / "models" / "artifacts" / transformer.card["version"]
    assert (folder / "weights.safetensors").stat().st_size < 6_000_000
    card = transformer.card
    assert card["data"]["sha256"] and card["thresholds"] and card["calibration"] and card["metrics"]["test"]
    assert set(card["thresholds"]) == set(EVENT_TYPES)


def test_quality_floor_on_the_held_out_test_split(transformer):
    test = split(load_passages(), 1234)["test"]
    y = label_matrix(test)
    texts = [r["text"] for r in test]
    probs = passage_proba(transformer, texts)
    ours = prf(y, decide(probs, transformer.thresholds))
    base = prf(y, decide(passage_proba(KeywordBaseline(), texts), KeywordBaseline().thresholds))
    assert ours["macro_f1"] >= 0.90, ours
    assert all(ours[t]["f1"] >= 0.85 for t in EVENT_TYPES), ours
    assert ours["macro_f1"] >= base["macro_f1"] + 0.10, (ours["macro_f1"], base["macro_f1"])
    assert reliability(y, probs)["ece"] < 0.05


def test_scores_do_not_depend_on_batch_composition(transformer):
    sentences = [r["text"] for r in load_passages()[:96]]
    alone = np.vstack([transformer.predict_proba([s]) for s in sentences[:24]])
    together = transformer.predict_proba(sentences)[:24]
    if transformer.quantize == "bf16":
        # bf16 keeps 8 bits of mantissa: a different padded width or batch shape moves a score by up to ~0.005
        # (README, "Inference precision"). Labels may differ only for a score that close to its threshold.
        assert np.allclose(alone, together, atol=0.01)
        far = np.abs(together - transformer.thresholds) > 0.01
        assert ((alone >= transformer.thresholds) == (together >= transformer.thresholds))[far].all()
        return
    assert np.allclose(alone, together, atol=1e-4)
    # Rounded to 4 decimals (as detections are), the labels and scores agree exactly.
    assert (np.round(alone, 4) >= transformer.thresholds).tolist() == (np.round(together, 4) >= transformer.thresholds).tolist()


def test_auto_precision_needs_an_accuracy_check_and_native_bf16(monkeypatch):
    from models import transformer as T

    accepted = {"inference": {"precision_checks": {"bf16": {"accepted": True}}}}
    rejected = {"inference": {"precision_checks": {"bf16": {"accepted": False}}}}
    monkeypatch.setattr(T, "_probe_speedup", lambda model: 2.0)
    monkeypatch.setattr(T, "cpu_bf16_flags", lambda: {"amx_bf16"})
    assert T.choose_precision(accepted, None, "cpu") == "bf16"
    assert T.choose_precision(rejected, None, "cpu") == "none"
    assert T.choose_precision({}, None, "cpu") == "none"  # a card without the check
    monkeypatch.setattr(T, "_probe_speedup", lambda model: 1.05)  # native but not faster here
    assert T.choose_precision(accepted, None, "cpu") == "none"
    monkeypatch.setattr(T, "_probe_speedup", lambda model: 2.0)
    monkeypatch.setattr(T, "cpu_bf16_flags", lambda: set())  # emulated bf16 is ~8x slower
    assert T.choose_precision(accepted, None, "cpu") == "none"


def test_the_shipped_card_records_the_precision_check():
    import json

    from models.transformer import MAX_F1_DROP, current_version

    card = json.loads((ROOT / "models" / "artifacts" / current_version() / "model_card.json").read_text())
    checks = card["inference"]["precision_checks"]
    for q in ("bf16", "int8"):
        assert checks[q]["accepted"] == (min(checks[q]["delta"].values()) >= -MAX_F1_DROP)
    assert checks["bf16"]["accepted"]


def test_bf16_inference_agrees_with_fp32():
    """Run wherever torch has bf16 kernels (emulated ones too: slow, but correct)."""
    from models.transformer import TransformerClassifier

    sentences = [r["text"] for r in load_passages()[:48]]
    fp32 = TransformerClassifier.load(quantize="none")
    bf16 = TransformerClassifier.load(quantize="bf16")
    assert bf16.version.endswith("+bf16") and fp32.version == fp32.card["version"]
    a, b = fp32.predict_proba(sentences), bf16.predict_proba(sentences)
    assert np.abs(a - b).max() < 0.03
    far = np.abs(a - fp32.thresholds) > 0.03
    assert ((a >= fp32.thresholds) == (b >= fp32.thresholds))[far].all()


def test_int8_weight_storage_round_trip():
    torch.manual_seed(0)
    state = {"layers.5.attention.self.query.weight": torch.randn(384, 384), "layers.5.attention.self.query.bias": torch.randn(384),
             "head.net.1.weight": torch.randn(4, 384)}
    back = unpack_weights(pack_weights(state))
    w, w2 = state["layers.5.attention.self.query.weight"], back["layers.5.attention.self.query.weight"]
    # half a quantisation step, plus the fp16 rounding of the per-row scale
    assert torch.max(torch.abs(w - w2) / w.abs().amax(dim=1, keepdim=True)) <= 0.5 / 127 + 1e-3
    assert torch.equal(back["head.net.1.weight"], state["head.net.1.weight"])


@pytest.mark.slow
def test_a_newly_trained_model_meets_a_quality_floor(tmp_path):
    """Train from scratch (seeded, the cheaper top1 design to keep CI short) and check it on the held-out split."""
    from models.training import train_model

    card = train_model(["top1"], seed=1234, out=tmp_path, set_current=False)
    t = card["metrics"]["test"]
    assert t["macro_f1"] >= 0.85 and all(t[e]["f1"] >= 0.78 for e in EVENT_TYPES), t
    assert t["macro_f1"] > card["metrics"]["baseline_test"]["macro_f1"] + 0.08
    assert (tmp_path / card["version"] / "weights.safetensors").exists()


def test_thresholds_never_exceed_half_the_best_validation_f1():
    """Calibrated scores: the F1-optimal cut is F1*/2; a spike of a noisy validation curve above it is not followed."""
    from models.training import tune_thresholds

    rng = np.random.default_rng(3)
    p = rng.uniform(size=(4000, len(EVENT_TYPES)))
    y = (rng.uniform(size=p.shape) < p).astype(np.int8)  # calibrated by construction
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    th = tune_thresholds(p, y)
    for j, t in enumerate(EVENT_TYPES):
        def f1(g: float, j: int = j) -> float:
            pred, true = p[:, j] >= g, y[:, j] == 1
            tp = int((pred & true).sum())
            return 2 * tp / (2 * tp + int((pred & ~true).sum()) + int((~pred & true).sum()))

        curve = [f1(g) for g in grid]
        assert th[t] <= round(max(curve) / 2, 2) + 1e-9
        assert th[t] in (round(max(curve) / 2, 2), float(grid[int(np.argmax(curve))]))
        assert 0.2 <= th[t] <= 0.45  # a uniform calibrated score has F1* ~ 0.67-0.8


def test_batches_round_widths_up_to_the_step_and_mask_only_real_tokens():
    from models.transformer import Tokenized

    tok = Tokenized([[101, 7, 102], [101, 5, 6, 7, 8, 9, 10, 11, 12, 102], [101, 102]])
    for step in (1, 8):
        batches = tok.batches(2, 256, step)
        assert sorted(i for b in batches for i in b[0]) == [0, 1, 2]
        for idx, ids, _tt, mask in batches:
            assert ids.shape[1] % step == 0 and ids.shape[1] - max(len(tok.ids[i]) for i in idx) < step
            assert mask.sum(1).tolist() == [len(tok.ids[i]) for i in idx]
    assert tok.batches(2, 4, 8)[-1][1].shape[1] == 4  # never past max_length
