"""Inference processes: split, classify and extract, each in a process with its own model.

Two measurements on 2 cores decide the layout (`eventx bench --study`):
- PyTorch's OpenMP intra-op pool runs the forward passes 20-35% slower when a
  non-main Python thread drives them (fp32 375 -> 300 sentences/s, bf16 660 ->
  500); the main thread of another process runs them at full speed, and
  extraction (pure Python) no longer takes the GIL from the worker's event
  loop, which keeps Kafka I/O, tables and stage 2 moving.
- One single-threaded model per core beats one model on all cores: bf16
  1,150 against 815 sentences/s, and 900-980 against 670-720 when 12% of a
  core goes to something else (the event loop, a co-located broker), because
  the intra-op threads of one forward pass wait for each other after every
  operation, and for the slowest when one is preempted.

So the worker starts one process per core (`EVENTX_INFERENCE_PROCESSES`), each
with one intra-op thread (`EVENTX_TORCH_THREADS`), and shares a batch's
articles out among them, balanced by length. On a GPU one process drives the
device. The worker sends picklable jobs (article metadata, language hint,
stored detections) and gets back prepared articles, detections and event
records: the same values the in-process path (`models.pipeline`) computes.
This module imports no Faust, so a spawned child loads only the model and the
extraction code.

A child that dies (killed, out of memory, a fault in native code) breaks its
pool: the batch fails, that process is started again, and the worker retries
the articles one by one, so only an article that kills a child again is
dead-lettered.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import os
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.extraction.extract import ArticleMeta, Detection
from models.pipeline import ArticleProcessor, Prepared, prepare

log = logging.getLogger("eventx.inference")

# Per article: prepared text, detections, event records, milliseconds per step.
BatchResult = tuple[list[Prepared], list[list[Detection]], list[list[dict]], list[dict[str, float]]]


@dataclass(frozen=True, slots=True)
class InferenceConfig:
    classifier: str = "transformer"
    device: str = "cpu"
    quantize: str | None = None  # None: auto
    torch_threads: int | None = None
    batch_sentences: int | None = None
    second_look: bool = True
    max_sentences: int = 2000


@dataclass(frozen=True, slots=True)
class Job:
    meta: ArticleMeta
    language: str | None = None
    cached: list[Detection] | None = None  # detections stored for this article by the same model: not classified again


# ------------------------------------------------------------------ the child


_processor: ArticleProcessor | None = None
_max_sentences = 2000


def load_processor(cfg: InferenceConfig) -> ArticleProcessor:
    from models.classifier import load_classifier
    from models.extraction.gazetteer import default_gazetteer

    classifier = load_classifier(cfg.classifier, device=cfg.device, quantize=cfg.quantize, threads=cfg.torch_threads,
                                 batch_size=cfg.batch_sentences)
    default_gazetteer()  # loaded before the worker is ready, not inside the first batch
    return ArticleProcessor(classifier, second_look=cfg.second_look)


def _watch_parent(parent: int) -> None:
    """Exit when the worker is gone: after a kill -9 nothing else would stop this process (and its model's memory)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _child_init(cfg: InferenceConfig) -> None:
    import threading

    from streams import memory

    global _processor, _max_sentences
    threading.Thread(target=_watch_parent, args=(os.getppid(),), name="watch-parent", daemon=True).start()
    memory.limit_arenas(2)  # before torch starts its threads (streams.memory)
    _processor = load_processor(cfg)
    _max_sentences = cfg.max_sentences


def _child_describe() -> dict[str, Any]:
    assert _processor is not None
    clf = _processor.classifier
    return {"model_version": _processor.model_version, "pid": os.getpid(), "precision": getattr(clf, "quantize", None)}


def _child_trim() -> bool:
    from streams import memory

    return memory.malloc_trim()


def run_batch(jobs: Sequence[Job], processor: ArticleProcessor | None = None, max_sentences: int | None = None) -> BatchResult:
    """Split, classify (articles with stored detections are not classified again) and extract one batch."""
    proc = processor or _processor
    assert proc is not None, "the inference process has no model"
    limit = max_sentences or _max_sentences
    prepared, split_ms = [], []
    for j in jobs:
        t = time.perf_counter()
        prepared.append(prepare(j.meta, language_hint=j.language, max_sentences=limit))
        split_ms.append((time.perf_counter() - t) * 1000)
    fresh = [p if j.cached is None else Prepared(p.meta, p.sentences, p.language, "cached", p.reason, p.timings_ms)
             for j, p in zip(jobs, prepared, strict=True)]
    tok0 = getattr(proc.classifier, "tokenize_seconds", 0.0)
    t = time.perf_counter()
    detected = proc.detect(fresh)
    classify_ms = (time.perf_counter() - t) * 1000
    tokenize_ms = (getattr(proc.classifier, "tokenize_seconds", 0.0) - tok0) * 1000
    detections = [j.cached if j.cached is not None else d for j, d in zip(jobs, detected, strict=True)]
    classified = sum(len(p.sentences) for p in fresh if p.status == "ok") or 1
    events, timings = [], []
    for p, f, d, s_ms in zip(prepared, fresh, detections, split_ms, strict=True):
        t = time.perf_counter()
        events.append(proc.build(p, d) if p.status == "ok" else [])
        share = len(f.sentences) / classified if f.status == "ok" else 0.0
        timings.append({"split": s_ms, "tokenize": tokenize_ms * share, "forward": (classify_ms - tokenize_ms) * share,
                        "extract": (time.perf_counter() - t) * 1000})
    return prepared, detections, events, timings


def _child_forward_only(sentences: list[str]) -> tuple[int, float, int]:
    """For the bench's ceiling: (sentences, seconds, tokens) of the forward passes alone, tokenised beforehand."""
    import torch

    assert _processor is not None
    clf: Any = _processor.classifier
    from models.transformer import tokenize

    tok = tokenize(clf.tokenizer, sentences, clf.max_length)
    batches = tok.batches(clf.batch_size, clf.max_length)
    with torch.inference_mode():
        for _idx, ids, tt, mask in batches:  # warm-up: every shape once (oneDNN builds a kernel per shape)
            clf.model(ids, tt, mask)
        t0 = time.perf_counter()
        for _idx, ids, tt, mask in batches:
            clf.model(ids, tt, mask)
        seconds = time.perf_counter() - t0
    return len(sentences), seconds, sum(len(x) for x in tok.ids)


# ------------------------------------------------------------------ the worker's side


class InferenceProcess:
    """One child process holding the model; batches run there one at a time."""

    def __init__(self, cfg: InferenceConfig) -> None:
        self.cfg = cfg
        self._pool: ProcessPoolExecutor | None = None
        self.model_version: str | None = None
        self.precision: str | None = None
        self.pid: int | None = None
        self.restarts = 0
        self.closed = False

    def start(self, timeout: float = 600.0) -> None:
        """Spawn the child and wait until its model is loaded (blocking: call before the worker joins the group)."""
        t0 = time.perf_counter()
        # spawn, not fork: the parent may already run threads, and CUDA cannot be forked.
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn"), initializer=_child_init,
                                         initargs=(self.cfg,))
        info = self._pool.submit(_child_describe).result(timeout=timeout)
        self.model_version, self.precision, self.pid = info["model_version"], info["precision"], info["pid"]
        log.info("inference process %d: model %s (%s) loaded in %.1fs", self.pid, self.model_version, self.precision,
                 time.perf_counter() - t0)

    async def run(self, jobs: Sequence[Job]) -> BatchResult:
        loop = asyncio.get_running_loop()
        if self.closed:
            raise RuntimeError("the inference process is closed (the worker is stopping)")
        if self._pool is None:
            await loop.run_in_executor(None, self.start)
        try:
            return await loop.run_in_executor(self._pool, run_batch, list(jobs))
        except BrokenProcessPool:
            if self.closed:
                raise
            self.restarts += 1
            log.error("inference process %s died; starting a new one (restart %d)", self.pid, self.restarts)
            self._shutdown()
            await loop.run_in_executor(None, self.start)
            raise

    async def trim(self) -> bool:
        """malloc_trim in the child (queued behind a running batch)."""
        if self._pool is None:
            return False
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, _child_trim)
        except BrokenProcessPool:
            return False

    def memory(self) -> dict[str, Any]:
        """The child's RSS and peak RSS from /proc (no round trip to the child)."""
        out: dict[str, Any] = {"pid": self.pid, "restarts": self.restarts}
        if self.pid is not None:
            try:
                for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                    if line.startswith(("VmRSS:", "VmHWM:")):
                        out["rss_mb" if line.startswith("VmRSS") else "peak_rss_mb"] = round(int(line.split()[1]) / 1024, 1)
            except OSError:
                pass
        return out

    def _shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        self.closed = True
        self._shutdown()


class InferencePool:
    """`processes` inference processes; a batch's articles are shared out among them, balanced by length."""

    def __init__(self, cfg: InferenceConfig, processes: int = 1) -> None:
        self.processes = [InferenceProcess(cfg) for _ in range(max(1, processes))]
        self._next = 0

    @property
    def model_version(self) -> str | None:
        return self.processes[0].model_version

    @property
    def precision(self) -> str | None:
        return self.processes[0].precision

    def start(self) -> None:
        """Start every process at once (each loads its model) and wait for all of them."""
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(len(self.processes)) as ex:
            for f in [ex.submit(p.start) for p in self.processes]:
                f.result()
        versions = {p.model_version for p in self.processes}
        if len(versions) != 1:
            raise RuntimeError(f"inference processes loaded different models: {sorted(map(str, versions))}")

    async def run(self, jobs: Sequence[Job]) -> BatchResult:
        jobs = list(jobs)
        if len(jobs) <= 1 or len(self.processes) == 1:
            proc = self.processes[self._next % len(self.processes)]
            self._next += 1
            return await proc.run(jobs)
        shards = shard(jobs, len(self.processes))
        results = await asyncio.gather(*[p.run([jobs[i] for i in idx]) for p, idx in zip(self.processes, shards, strict=False) if idx],
                                       return_exceptions=True)
        failed = next((r for r in results if isinstance(r, BaseException)), None)
        if failed is not None:
            raise failed
        out: BatchResult = ([None] * len(jobs), [None] * len(jobs), [None] * len(jobs), [None] * len(jobs))  # type: ignore[assignment]
        for idx, res in zip([i for i in shards if i], results, strict=True):
            for part, values in zip(out, res, strict=True):  # type: ignore[arg-type]
                for i, v in zip(idx, values, strict=True):
                    part[i] = v
        return out

    async def forward_only(self, sentences: Sequence[str]) -> dict[str, float]:
        """Forward passes alone in every process at once, on an equal share of `sentences` each (the bench's ceiling)."""
        loop = asyncio.get_running_loop()
        n = len(self.processes)
        parts = [list(sentences[i::n]) for i in range(n)]
        res = await asyncio.gather(*[loop.run_in_executor(p._pool, _child_forward_only, part)
                                     for p, part in zip(self.processes, parts, strict=True) if part])
        slowest = max(r[1] for r in res)
        return {"sentences_per_s": sum(r[0] for r in res) / slowest, "tokens_per_s": sum(r[2] for r in res) / slowest,
                "seconds": slowest}

    async def trim(self) -> bool:
        return any(await asyncio.gather(*[p.trim() for p in self.processes]))

    def memory(self) -> dict[str, Any]:
        children = [p.memory() for p in self.processes]
        return {"processes": children, "rss_mb": round(sum(c.get("rss_mb", 0.0) for c in children), 1),
                "restarts": sum(p.restarts for p in self.processes)}

    def close(self) -> None:
        for p in self.processes:
            p.close()


def shard(jobs: Sequence[Job], n: int) -> list[list[int]]:
    """Job indices for `n` workers, longest article first to the least loaded (text length stands for the cost)."""
    loads = [0] * n
    out: list[list[int]] = [[] for _ in range(n)]
    for i in sorted(range(len(jobs)), key=lambda i: -len(jobs[i].meta.text)):
        w = loads.index(min(loads))
        out[w].append(i)
        loads[w] += len(jobs[i].meta.text) + 200  # a fixed cost per article too (prepare, extraction setup)
    return [sorted(x) for x in out]
