"""`eventx bench`: the pipeline measured against the hardware ceiling, in one run.

- ceiling: batched forward passes only, on pre-tokenised sentences;
- model path: classify + extract without Kafka (the `eventx extract` path),
  with a profile of where the time goes;
- pipeline: feed -> broker -> worker -> events, until every
  articles.processed record has arrived; peak RSS of the worker;
- latency: article produce timestamp -> event emit, at 25% and 50% of the
  saturation rate and at saturation;
- variants: the keyword baseline, a naive per-message transformer (no
  batching), and ours.

Figures are printed as a table, or as JSON with --json. Absolute numbers
vary between machines; the ratios are what the targets are about.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Report:
    figures: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def set(self, key: str, value: Any) -> None:
        self.figures[key] = value


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return float(np.percentile(np.asarray(values), q))


def machine() -> dict[str, Any]:
    import torch

    info = {"python": platform.python_version(), "torch": torch.__version__, "cpus": os.cpu_count(),
            "torch_threads": torch.get_num_threads(), "processor": platform.processor() or platform.machine()}
    try:
        flags = Path("/proc/cpuinfo").read_text().split("flags", 1)[1].split("\n", 1)[0]
        info["avx512_bf16"] = "avx512_bf16" in flags
        info["vnni"] = "avx512_vnni" in flags or "avx_vnni" in flags
        model = next(ln for ln in Path("/proc/cpuinfo").read_text().splitlines() if ln.startswith("model name"))
        info["cpu_model"] = model.split(":", 1)[1].strip()
    except (OSError, StopIteration, IndexError):
        pass
    if torch.cuda.is_available():
        info["gpu"] = torch.cuda.get_device_name(0)
    return info


# --------------------------------------------------------------------------- ceiling and model path


def _sentences(articles: list[dict[str, Any]]) -> list[str]:
    from models.text import split_sentences

    return [s.text for a in articles for s in split_sentences(a["text"])]


def ceiling(clf: Any, sentences: list[str], *, bucketed: bool = True, batch_size: int | None = None, repeat: int = 1) -> dict[str, float]:
    """Forward passes only: tokenisation is done before the clock starts."""
    import torch

    from models.transformer import Tokenized, tokenize

    batch_size = batch_size or clf.batch_size
    tok = tokenize(clf.tokenizer, sentences, clf.max_length)
    if not bucketed:
        rng = random.Random(0)
        order = list(range(len(tok.ids)))
        rng.shuffle(order)
        tok = Tokenized([tok.ids[i] for i in order])
        batches = []
        for start in range(0, len(order), batch_size):
            seqs = tok.ids[start : start + batch_size]
            width = max(len(s) for s in seqs)
            ids = torch.zeros((len(seqs), width), dtype=torch.long)
            mask = torch.zeros_like(ids)
            for r, s in enumerate(seqs):
                ids[r, : len(s)] = torch.tensor(s)
                mask[r, : len(s)] = 1
            batches.append((None, ids, torch.zeros_like(ids), mask))
    else:
        batches = tok.batches(batch_size, clf.max_length)
    n_tokens = sum(len(x) for x in tok.ids)
    padded = sum(int(b[1].numel()) for b in batches)
    device = clf.device
    with torch.inference_mode():
        clf.model(*(t.to(device) for t in batches[0][1:]))  # warm-up
        if device == "cuda":
            torch.cuda.synchronize()
        t0 = time.perf_counter()
        for _ in range(repeat):
            for _idx, ids, tt, mask in batches:
                clf.model(ids.to(device), tt.to(device), mask.to(device))
        if device == "cuda":
            torch.cuda.synchronize()
        dt = (time.perf_counter() - t0) / repeat
    return {"sentences_per_s": len(sentences) / dt, "tokens_per_s": n_tokens / dt, "seconds": dt,
            "padding_share": 1 - n_tokens / padded}


def _meta(article: dict[str, Any]) -> Any:
    """A workload article (streams.workload) as the extraction's ArticleMeta."""
    from models.extraction.extract import ArticleMeta

    return ArticleMeta(article["id"], article["text"], article.get("title"), None, None, article.get("published"))


def model_path(processor: Any, articles: list[dict[str, Any]], batch_articles: int = 32) -> dict[str, Any]:
    """classify + extract, batched like the worker, with a time profile."""
    from models.extraction.gazetteer import default_gazetteer
    from models.pipeline import prepare

    default_gazetteer()  # loaded once per process (the worker loads it before it is ready): not part of the figure
    clf = processor.classifier
    prof = {"split": 0.0, "tokenize": 0.0, "forward": 0.0, "extract": 0.0}
    n_sent = 0
    t_start = time.perf_counter()
    for start in range(0, len(articles), batch_articles):
        chunk = articles[start : start + batch_articles]
        t0 = time.perf_counter()
        prepared = [prepare(_meta(a)) for a in chunk]
        t1 = time.perf_counter()
        prof["split"] += t1 - t0
        if hasattr(clf, "tokenizer"):
            from models.transformer import tokenize

            sents = [s.text for p in prepared for s in p.sentences]
            tokenize(clf.tokenizer, sents, clf.max_length)
            t2 = time.perf_counter()
            prof["tokenize"] += t2 - t1
            t1 = t2
        dets = processor.detect(prepared)
        t2 = time.perf_counter()
        prof["forward"] += t2 - t1
        for p, d in zip(prepared, dets, strict=True):
            processor.build(p, d)
            n_sent += len(p.sentences)
        prof["extract"] += time.perf_counter() - t2
    # detect() tokenises again internally: the separate pass above only times tokenisation, so it is
    # taken out of the forward share and out of the total (the worker tokenises once).
    prof["forward"] = max(0.0, prof["forward"] - prof["tokenize"])
    total = time.perf_counter() - t_start - prof["tokenize"]
    wall = sum(prof.values())
    return {"articles_per_s": len(articles) / total, "sentences_per_s": n_sent / total, "seconds": total,
            "profile_share": {k: round(v / wall, 4) for k, v in prof.items()}}


def pool_model_path(pool: Any, articles: list[dict[str, Any]], batch_articles: int = 32) -> dict[str, Any]:
    """The worker's processing without Kafka: batches through its inference processes, with a time profile.

    Each article's step timings come from the process that handled it; with N
    processes working at once they add up to N times the wall clock, hence the
    division by N in the shares.
    """
    from streams.inference import Job

    async def go() -> tuple[float, int, dict[str, float]]:
        prof: dict[str, float] = {}
        n_sent = 0
        t0 = time.perf_counter()
        for start in range(0, len(articles), batch_articles):
            jobs = [Job(_meta(a))
                    for a in articles[start : start + batch_articles]]
            prepared, _d, _e, timings = await pool.run(jobs)
            n_sent += sum(len(p.sentences) for p in prepared)
            for t in timings:
                for k, v in t.items():
                    prof[k] = prof.get(k, 0.0) + v / 1000
        return time.perf_counter() - t0, n_sent, prof

    total, n_sent, prof = asyncio.run(go())
    capacity = total * len(pool.processes)
    shares = {k: round(v / capacity, 4) for k, v in prof.items()}
    shares["idle_or_ipc"] = round(max(0.0, 1 - sum(shares.values())), 4)
    return {"articles_per_s": len(articles) / total, "sentences_per_s": n_sent / total, "seconds": total,
            "profile_share": shares}


# --------------------------------------------------------------------------- pipeline


@dataclass
class Pipeline:
    bootstrap: str
    env: dict[str, str]
    proc: subprocess.Popen[bytes]
    port: int
    settings: Any
    topics: Any
    log: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def peak_rss_mb(self) -> float:
        """Peak RSS of the worker and its inference process, summed (each peak may come at another moment)."""
        return sum(_status_mb(pid, "VmHWM") for pid in _process_tree(self.proc.pid))


def behind(consumer: dict[str, Any]) -> int:
    """Records the worker has not yet read or committed on the partitions it fetches (a `/debug/consumer` answer).

    Changelog partitions are assigned too but only read during recovery, so they do not count.
    """
    total = 0
    for row in consumer["partitions"]:
        if not row["active"]:
            continue
        high = row["highwater"] or 0
        done = min((x for x in (row["read_offset"], row["committed"]) if x is not None), default=-1)
        total += max(0, high - 1 - done)
    return total


def wait_drained(p: Pipeline, timeout: float = 300.0) -> float:
    """Seconds until the worker has caught up on every partition it owns, internal topics included.

    `pipeline_run` stops at the last `articles.processed` record, but the clustering stage may still be merging
    the detections of a saturation run; a fixed-load run started then would measure that backlog.
    """
    t0 = time.monotonic()
    quiet = 0
    while time.monotonic() - t0 < timeout:
        with urllib.request.urlopen(f"http://127.0.0.1:{p.port}/debug/consumer", timeout=30) as r:
            left = behind(json.loads(r.read()))
        quiet = quiet + 1 if left == 0 else 0
        if quiet >= 2:
            break
        time.sleep(0.5)
    return time.monotonic() - t0


def start_pipeline(bootstrap: str, workdir: Path, tag: str, **env: str) -> Pipeline:
    from streams.broker import free_port
    from streams.settings import Settings
    from streams.topics import Topics
    from streams.worker import wait_until_ready

    port = free_port()
    prefix = f"bench{tag}."
    app_id = f"eventx-bench{tag}"
    full = dict(os.environ, KAFKA_BOOTSTRAP_SERVERS=bootstrap, EVENTX_TOPIC_PREFIX=prefix, EVENTX_APP_ID=app_id,
                EVENTX_STORE="memory://", EVENTX_DATA_DIR=str(workdir / tag), EVENTX_WEB_PORT=str(port),
                EVENTX_SESSION_TIMEOUT_S="6", EVENTX_HEARTBEAT_S="1", EVENTX_REBALANCE_TIMEOUT_S="6",
                EVENTX_LOG_LEVEL="warning")
    full.update(env)
    log = workdir / f"worker-{tag}.log"
    proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "worker"], env=full, cwd=ROOT,
                            stdout=open(log, "wb"), stderr=subprocess.STDOUT)  # noqa: SIM115
    try:
        wait_until_ready(f"http://127.0.0.1:{port}", proc, time.monotonic() + 180)
    except RuntimeError as exc:
        raise RuntimeError(f"{exc}: {log.read_text()[-2000:]}") from exc
    settings = Settings.from_env(full)
    return Pipeline(bootstrap, full, proc, port, settings, Topics(prefix, app_id), log)


def _stat_cpu(stat_file: Path) -> tuple[str, float]:
    """(thread or process name, user + system CPU seconds) from a /proc .../stat file."""
    stat = stat_file.read_text()
    fields = stat.rsplit(")", 1)[1].split()
    return stat[stat.index("(") + 1 : stat.rindex(")")], (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    """CPU seconds a process has used (its threads included)."""
    try:
        return _stat_cpu(Path(f"/proc/{pid}/stat"))[1]
    except OSError:
        return 0.0


def _thread_cpu(pid: int) -> dict[str, float]:
    """CPU seconds of a process's main thread (Faust's event loop) and of its other threads by OS name.

    Python 3.11 does not name its threads for the OS, so the inference thread and torch's pool share one name.
    """
    out: dict[str, float] = {}
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return out
    for t in tasks:
        try:
            comm, cpu = _stat_cpu(t / "stat")
        except OSError:
            continue
        name = "event_loop" if t.name == str(pid) else comm
        out[name] = out.get(name, 0.0) + cpu
    return out


def _broker_pids() -> list[int]:
    """The embedded Tansu broker's processes on this machine (none with an external cluster)."""
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if b"tansu" in (d / "cmdline").read_bytes().split(b"\0")[0]:
                    out.append(int(d.name))
            except OSError:
                continue
    return out


def _cpu_snapshot(p: Pipeline) -> dict[str, float]:
    children = _process_tree(p.proc.pid)[1:]
    snap = {"worker": _cpu_s(p.proc.pid), "inference_process": sum(_cpu_s(c) for c in children),
            "broker": sum(_cpu_s(x) for x in _broker_pids()), "load_client": _cpu_s(os.getpid())}
    snap.update({f"worker.{k}": v for k, v in _thread_cpu(p.proc.pid).items()})
    for c in children:
        snap.update({f"inference_process.{k}": v for k, v in _thread_cpu(c).items()})
    return snap


async def _run_load(p: Pipeline, articles: list[dict[str, Any]], rate: float) -> dict[str, Any]:
    """Produce `articles` at `rate` per second (0: all at once); wait for every processed record."""
    from streams.feed import publish
    from streams.subscribe import consume

    ids = {a["id"] for a in articles}
    processed: dict[str, int] = {}
    compute_ms: dict[str, float] = {}
    event_latency: list[float] = []
    produced_at: dict[str, float] = {}
    stop = asyncio.Event()
    first_done: list[float] = []

    def on(rec: Any) -> bool | None:
        if rec.topic == p.topics.processed and rec.key in ids:
            processed[rec.key] = rec.timestamp_ms
            for k, v in (rec.value.get("timings_ms") or {}).items():
                if k != "total":
                    compute_ms[k] = compute_ms.get(k, 0.0) + float(v)
            if not first_done:
                first_done.append(time.time())
            if len(processed) >= len(ids):
                return True
        elif rec.topic == p.topics.events_all and rec.value["article_id"] in ids:
            # detected_at is the article's broker timestamp: emit minus produce.
            from datetime import datetime

            t_art = datetime.fromisoformat(rec.value["detected_at"].replace("Z", "+00:00")).timestamp()
            event_latency.append(rec.timestamp_ms / 1000 - t_art)
        return None

    reader = asyncio.create_task(consume(p.settings, [p.topics.processed, p.topics.events_all], on, stop=stop))
    await asyncio.sleep(1.5)
    cpu0 = _cpu_snapshot(p)
    t0 = time.time()
    for a in articles:
        produced_at[a["id"]] = time.time()
    await publish(articles, p.settings, rate=rate)
    t_fed = time.time()
    await asyncio.wait_for(reader, timeout=3600)
    cpu1, t_cpu = _cpu_snapshot(p), time.time()
    t_end = max(processed.values()) / 1000 if processed else time.time()
    wall_ms = (t_end - t0) * 1000
    # Each inference process reports its own time per step, N processes at once; whatever is left of their
    # N x wall clock went to waiting for the worker (Kafka I/O, (de)serialisation, Faust) and to IPC.
    capacity_ms = wall_ms * p.settings.processes()
    shares = {k: round(v / capacity_ms, 4) for k, v in sorted(compute_ms.items())} if wall_ms > 0 else {}
    if shares:
        shares["waiting_kafka_json_faust_ipc"] = round(max(0.0, 1 - sum(shares.values())), 4)
    # Where the machine's CPU went while the pipeline ran: the worker gets what the broker and the
    # load generator (feeding, reading every event back) leave of os.cpu_count() cores.
    cores = os.cpu_count() or 1
    used = {k: cpu1.get(k, 0.0) - cpu0.get(k, 0.0) for k in cpu1}
    cpu_share = {k: round(v / (cores * (t_cpu - t0)), 4) for k, v in sorted(used.items()) if v > 0}
    cpu_share["idle"] = round(max(0.0, 1 - sum(v for k, v in cpu_share.items() if "." not in k)), 4)
    return {"seconds": t_end - t0, "feed_seconds": t_fed - t0, "articles": len(processed),
            "event_latency_s": event_latency, "profile_share": shares, "cpu_share": cpu_share}


def pipeline_run(p: Pipeline, articles: list[dict[str, Any]], rate: float = 0.0) -> dict[str, Any]:
    return asyncio.run(_run_load(p, articles, rate))


class GpuSampler:
    """GPU utilisation and memory while the pipeline runs, sampled by `nvidia-smi` every 250 ms.

    Tells whether the worker keeps the GPU busy: low utilisation at
    saturation means the CPU side (split, tokenise, extract, Kafka) starves
    it, and EVENTX_BATCH_SENTENCES / EVENTX_BATCH_ARTICLES should grow.
    """

    def __init__(self) -> None:
        self.proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> GpuSampler:
        try:
            self.proc = subprocess.Popen(["nvidia-smi", "--query-gpu=utilization.gpu,memory.used", "--format=csv,noheader,nounits",
                                          "-lms", "250"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        except OSError:
            self.proc = None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()

    def result(self) -> dict[str, float] | None:
        if self.proc is None:
            return None
        self.proc.terminate()
        out, _ = self.proc.communicate(timeout=10)
        return parse_gpu_samples(out)


def parse_gpu_samples(text: str) -> dict[str, float] | None:
    """`nvidia-smi --query-gpu=utilization.gpu,memory.used --format=csv,noheader,nounits` lines -> summary (first GPU)."""
    util, mem = [], []
    for line in text.splitlines():
        parts = [x.strip() for x in line.split(",")]
        if len(parts) == 2 and parts[0].isdigit() and parts[1].replace(".", "", 1).isdigit():
            util.append(float(parts[0]))
            mem.append(float(parts[1]))
    if not util:
        return None
    return {"samples": len(util), "utilization_mean_pct": round(statistics.fmean(util), 1),
            "utilization_p50_pct": round(_pct(util, 50), 1), "utilization_max_pct": max(util), "memory_max_mib": max(mem)}


# --------------------------------------------------------------------------- orchestration


def run(*, quick: bool, n_articles: int | None, device: str, variants: bool, as_json: bool, out: Path | None,
        precision: str = "auto") -> dict[str, Any]:
    import tempfile

    import torch

    from models.classifier import load_classifier
    from streams.broker import configured_or_embedded
    from streams.workload import synthetic_articles

    def say(s: str) -> None:
        print(s, file=sys.stderr, flush=True)

    rep = Report()
    rep.set("machine", machine())
    n = n_articles or (120 if quick else 2000)
    articles = synthetic_articles(n, seed=7)
    sentences = _sentences(articles)
    clf = load_classifier("transformer", device=device, quantize=None if precision == "auto" else precision)
    # The worker gets the precision resolved here, so the ceiling and the pipeline run the same arithmetic.
    precision_env = {"EVENTX_QUANTIZE": clf.quantize}
    rep.set("precision", clf.quantize)
    from models.transformer import tokenize

    tokens = sum(len(x) for x in tokenize(clf.tokenizer, sentences, clf.max_length).ids)
    rep.set("workload", {"articles": n, "sentences": len(sentences), "tokens": tokens, "seed": 7,
                         "sentences_per_article": round(len(sentences) / n, 1)})
    rep.set("model_version", clf.version)
    say(f"workload: {n} articles, {len(sentences)} sentences, {tokens} tokens")

    # Two ways to run the model on this machine's cores: one process whose forward passes use every core (intra-op
    # threads), or one single-threaded model per core working on its own sentences (what the worker runs). The
    # ceiling is the better of the two.
    from streams.inference import InferenceConfig, InferencePool
    from streams.settings import Settings

    layout = Settings.from_env(dict(os.environ, EVENTX_DEVICE=device, EVENTX_QUANTIZE=clf.quantize))
    n_proc, threads = layout.processes(), layout.threads_per_process()
    rep.set("inference_processes", {"processes": n_proc, "threads_each": threads})
    one = ceiling(clf, sentences)
    pool = InferencePool(InferenceConfig(device=device, quantize=clf.quantize, torch_threads=threads), n_proc)
    pool.start()
    try:
        spread = asyncio.run(pool.forward_only(sentences))
        rep.set("ceiling_one_process_sentences_per_s", round(one["sentences_per_s"], 1))
        rep.set(f"ceiling_{n_proc}x{threads}_sentences_per_s", round(spread["sentences_per_s"], 1))
        ceil = max(one, spread, key=lambda c: c["sentences_per_s"])
        rep.set("ceiling_sentences_per_s", round(ceil["sentences_per_s"], 1))
        rep.set("ceiling_tokens_per_s", round(ceil["tokens_per_s"], 1))
        rep.set("padding_share_bucketed", round(one["padding_share"], 4))
        say(f"ceiling: one process x {torch.get_num_threads()} threads {one['sentences_per_s']:.1f} sentences/s, "
            f"{n_proc} processes x {threads} thread(s) {spread['sentences_per_s']:.1f} sentences/s")

        mp = pool_model_path(pool, articles)
    finally:
        pool.close()
    rep.set("model_path_sentences_per_s", round(mp["sentences_per_s"], 1))
    rep.set("model_path_articles_per_s", round(mp["articles_per_s"], 2))
    rep.set("profile_model_path", mp["profile_share"])
    say(f"model path: {mp['articles_per_s']:.2f} articles/s, {mp['sentences_per_s']:.1f} sentences/s")

    workdir = Path(tempfile.mkdtemp(prefix="eventx-bench-"))
    with configured_or_embedded(workdir / "tansu.log") as bootstrap:
        p = start_pipeline(bootstrap, workdir, "ours", EVENTX_DEVICE=device, **precision_env)
        try:
            with GpuSampler() if device == "cuda" else contextlib.nullcontext() as gpu:
                sat = pipeline_run(p, articles)
                if gpu is not None:
                    rep.set("gpu_during_pipeline", gpu.result())
            art_s = sat["articles"] / sat["seconds"]
            rep.set("pipeline_articles_per_s", round(art_s, 2))
            rep.set("pipeline_sentences_per_s", round(len(sentences) / sat["seconds"], 1))
            rep.set("ratio_pipeline_to_ceiling", round(rep.figures["pipeline_sentences_per_s"] / ceil["sentences_per_s"], 3))
            rep.set("profile_pipeline", sat["profile_share"])
            rep.set("cpu_share_pipeline", sat["cpu_share"])
            lat = sat["event_latency_s"]
            rep.set("latency_saturation_ms", {"p50": round(_pct(lat, 50) * 1000), "p95": round(_pct(lat, 95) * 1000),
                                              "p99": round(_pct(lat, 99) * 1000)})
            say(f"pipeline: {art_s:.2f} articles/s, {rep.figures['pipeline_sentences_per_s']} sentences/s, "
                f"ratio {rep.figures['ratio_pipeline_to_ceiling']}")
            loads = {}
            for share in (0.25, 0.5):
                drained = wait_drained(p)
                say(f"worker caught up {drained:.1f} s after the previous run")
                rate = art_s * share
                k = max(20, int(rate * (15 if quick else 90)))
                sample = synthetic_articles(k, seed=70 + int(share * 100), id_prefix=f"load{int(share * 100)}")
                r = pipeline_run(p, sample, rate=rate)
                lat = r["event_latency_s"]
                loads[f"{int(share * 100)}%"] = {"offered_articles_per_s": round(rate, 2), "articles": k,
                                                 "caught_up_after_s": round(drained, 1),
                                                 "p50": round(_pct(lat, 50) * 1000), "p95": round(_pct(lat, 95) * 1000),
                                                 "p99": round(_pct(lat, 99) * 1000)}
                say(f"latency at {int(share * 100)}% load: p50 {loads[f'{int(share * 100)}%']['p50']} ms, "
                    f"p99 {loads[f'{int(share * 100)}%']['p99']} ms")
            rep.set("latency_fixed_load_ms", loads)
            rep.set("latency_ms_p50", loads["50%"]["p50"])
            rep.set("latency_ms_p99", loads["50%"]["p99"])
            rep.set("peak_rss_mb", round(p.peak_rss_mb(), 1))
        finally:
            p.stop()
        if variants:
            sub = articles[: max(20, n // 10)]
            sub_sent = len(_sentences(sub))
            out_v = {}
            for name, env in (("baseline", {"EVENTX_CLASSIFIER": "baseline"}),
                              ("naive_per_message", {"EVENTX_BATCH_ARTICLES": "1", "EVENTX_BATCH_SENTENCES": "1",
                                                     "EVENTX_SECOND_LOOK": "false"}),
                              ("ours_without_second_look", {"EVENTX_SECOND_LOOK": "false"}),
                              ("ours", {})):
                pv = start_pipeline(bootstrap, workdir, "v" + name.replace("_", ""), EVENTX_DEVICE=device, **precision_env, **env)
                try:
                    r = pipeline_run(pv, sub)
                finally:
                    pv.stop()
                out_v[name] = {"articles_per_s": round(r["articles"] / r["seconds"], 2),
                               "sentences_per_s": round(sub_sent / r["seconds"], 1), "articles": len(sub)}
                say(f"variant {name}: {out_v[name]['articles_per_s']} articles/s")
            rep.set("variants", out_v)
    rep.set("bench_process_max_rss_mb", round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))
    if out:
        out.write_text(json.dumps(rep.figures, indent=2))
    return rep.figures


def ceiling_study(n_sentences: int = 3000, device: str = "cpu") -> dict[str, Any]:
    """Each ceiling optimisation's gain, measured on the same sentences."""
    import torch

    from models.classifier import load_classifier
    from models.transformer import tokenize
    from streams.workload import synthetic_articles

    sentences = _sentences(synthetic_articles(200, seed=7))[:n_sentences]
    out: dict[str, Any] = {"sentences": len(sentences)}
    base = load_classifier("transformer", device=device, quantize="none")
    out["fp32_unbucketed"] = ceiling(base, sentences, bucketed=False)
    out["fp32_bucketed"] = ceiling(base, sentences, bucketed=True)
    for bs in (64, 128):
        out[f"fp32_bucketed_batch{bs}"] = ceiling(base, sentences, batch_size=bs)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    out["fp32_bucketed_1_thread"] = ceiling(base, sentences)
    torch.set_num_threads(threads)
    if device == "cpu":
        out["int8_bucketed"] = ceiling(load_classifier("transformer", quantize="int8"), sentences)
    out["bf16_bucketed"] = ceiling(load_classifier("transformer", device=device, quantize="bf16"), sentences)
    if device == "cpu" and (os.cpu_count() or 1) > 1:
        # Data parallel: one single-threaded model per core, each on its own share of the sentences.
        from streams.inference import InferenceConfig, InferencePool

        n = os.cpu_count() or 1
        for q in ("none", "bf16"):
            pool = InferencePool(InferenceConfig(quantize=q, torch_threads=1), n)
            pool.start()
            try:
                out[f"{'fp32' if q == 'none' else q}_bucketed_{n}_processes_x_1_thread"] = asyncio.run(pool.forward_only(sentences))
            finally:
                pool.close()
    t0 = time.perf_counter()
    for s in sentences:
        tokenize(base.tokenizer, [s], base.max_length)
    per_sentence = time.perf_counter() - t0
    t0 = time.perf_counter()
    for i in range(0, len(sentences), 64):
        tokenize(base.tokenizer, sentences[i : i + 64], base.max_length)
    per_batch = time.perf_counter() - t0
    out["tokenize_seconds"] = {"per_sentence": round(per_sentence, 3), "per_batch_of_64": round(per_batch, 3)}
    return {k: ({kk: round(vv, 4) for kk, vv in v.items()} if isinstance(v, dict) else v) for k, v in out.items()}


def pool_study(device: str = "cpu", n_articles: int = 48) -> dict[str, Any]:
    """Classification sentences/s when a call holds 1, 8 or 32 articles, per batch size.

    The global ceiling sorts every sentence by length, so padding vanishes at
    any batch size; the worker sorts only the articles it has taken, and at low
    load that is one or two, where a wide batch is mostly padding.
    """
    from models.classifier import load_classifier
    from streams.workload import synthetic_articles

    per = [_sentences([a]) for a in synthetic_articles(n_articles, seed=7)]
    clf = load_classifier("transformer", device=device, quantize="none")
    clf.predict_proba(per[0])
    out: dict[str, Any] = {}
    for bs in (16, 64):
        clf.batch_size = bs
        for pool in (1, 8, 32):
            n, t0 = 0, time.perf_counter()
            for i in range(0, len(per), pool):
                chunk = [s for p in per[i : i + pool] for s in p]
                n += len(chunk)
                clf.predict_proba(chunk)
            out[f"batch{bs}_pool{pool}_articles"] = round(n / (time.perf_counter() - t0), 1)
    return out


def length_study(device: str = "cpu") -> dict[str, Any]:
    """Articles/s for short, medium and long articles: cost should grow linearly with length."""
    from models.classifier import load_classifier
    from models.pipeline import ArticleProcessor
    from streams.workload import synthetic_articles

    proc = ArticleProcessor(load_classifier("transformer", device=device, quantize=None))
    out = {}
    for name, lo, hi, n in (("short", 5, 10, 120), ("medium", 20, 40, 40), ("long", 80, 120, 12)):
        arts = synthetic_articles(n, seed=21, min_sentences=lo, max_sentences=hi, id_prefix=name)
        r = model_path(proc, arts)
        out[name] = {"sentences_per_article": round(len(_sentences(arts)) / n, 1), "articles_per_s": round(r["articles_per_s"], 2),
                     "sentences_per_s": round(r["sentences_per_s"], 1)}
    return out


def format_report(f: dict[str, Any]) -> str:
    m = f["machine"]
    w = f["workload"]
    rows = [
        f"machine: {m.get('cpu_model', m['processor'])}, {m['cpus']} CPUs, torch {m['torch']} ({m['torch_threads']} threads)"
        + (f", GPU {m['gpu']}" if "gpu" in m else ""),
        f"model: {f['model_version']} (precision: {'fp32' if f.get('precision', 'none') == 'none' else f.get('precision')})",
        f"workload: {w['articles']} articles, {w['sentences']} sentences ({w['sentences_per_article']}/article), {w['tokens']} tokens, seed {w['seed']}",
        "",
        f"{'stage':<34}{'sentences/s':>14}{'articles/s':>12}",
        f"{'ceiling (forward passes only)':<34}{f['ceiling_sentences_per_s']:>14.1f}{'':>12}",
        f"{'model path (classify+extract)':<34}{f['model_path_sentences_per_s']:>14.1f}{f['model_path_articles_per_s']:>12.2f}",
        f"{'pipeline (through the broker)':<34}{f['pipeline_sentences_per_s']:>14.1f}{f['pipeline_articles_per_s']:>12.2f}",
        f"ratio pipeline / ceiling: {f['ratio_pipeline_to_ceiling']:.3f}   (tokens/s at the ceiling: {f['ceiling_tokens_per_s']:.0f})",
        "",
        "latency, article produced -> event emitted (ms):",
    ]
    for k, v in f.get("latency_fixed_load_ms", {}).items():
        rows.append(f"  {k} of saturation ({v['offered_articles_per_s']} articles/s): p50 {v['p50']}  p95 {v['p95']}  p99 {v['p99']}")
    s = f.get("latency_saturation_ms")
    if s:
        rows.append(f"  at saturation (whole backlog at once): p50 {s['p50']}  p95 {s['p95']}  p99 {s['p99']}")
    rows += [f"peak RSS of the worker and its inference processes (sum of their peaks): {f['peak_rss_mb']} MB", f"profile of the model path: {f['profile_model_path']}",
             f"profile of the pipeline (inference processes' time): {f.get('profile_pipeline', {})}",
             f"machine CPU while the pipeline ran (share of all cores): {f.get('cpu_share_pipeline', {})}"]
    if f.get("gpu_during_pipeline"):
        rows.append(f"GPU while the pipeline ran: {f['gpu_during_pipeline']}")
    if "variants" in f:
        rows.append("variants (same subset, through the broker):")
        for k, v in f["variants"].items():
            rows.append(f"  {k:<20}{v['articles_per_s']:>8} articles/s {v['sentences_per_s']:>9} sentences/s")
    return "\n".join(rows)


def summary_keys(f: dict[str, Any]) -> dict[str, Any]:
    keys = ["ceiling_sentences_per_s", "pipeline_sentences_per_s", "pipeline_articles_per_s", "ratio_pipeline_to_ceiling",
            "latency_ms_p50", "latency_ms_p99", "peak_rss_mb"]
    return {**{k: f.get(k) for k in keys}, **f}


def stdev(xs: list[float]) -> float:
    return statistics.pstdev(xs) if len(xs) > 1 else 0.0


# --------------------------------------------------------------------------- soak and backlog


def _status_mb(pid: int, field: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _process_tree(pid: int) -> list[int]:
    """`pid` and its descendants (the worker and its inference process)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return out


def _rss_mb(pid: int) -> float:
    """RSS of a process and its descendants."""
    return sum(_status_mb(p, "VmRSS") for p in _process_tree(pid))


def _lag(p: Pipeline) -> float:
    """Messages on articles.raw not yet read by the worker, from its own /metrics."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{p.port}/metrics", timeout=3) as r:
            text = r.read().decode()
    except OSError:
        return float("nan")
    return sum(float(ln.split()[-1]) for ln in text.splitlines() if ln.startswith("eventx_consumer_lag{"))


async def _committed(p: Pipeline) -> int:
    from aiokafka import AIOKafkaConsumer, TopicPartition

    c = AIOKafkaConsumer(bootstrap_servers=p.bootstrap, group_id=p.settings.app_id, enable_auto_commit=False)
    await c.start()
    try:
        total = 0
        for i in range(p.settings.partitions):
            total += await c.committed(TopicPartition(p.topics.raw, i)) or 0
        return total
    finally:
        await c.stop()


def _trend_mb_per_min(samples: list[tuple[float, float]], warmup: bool = True) -> float:
    """Least-squares slope of RSS over time, after the first fifth (warm-up) unless `warmup` is False."""
    pts = samples[len(samples) // 5 :] if warmup else samples
    if len(pts) < 3:
        return float("nan")
    t = np.array([s[0] for s in pts]) / 60
    r = np.array([s[1] for s in pts])
    return float(np.polyfit(t, r, 1)[0])


def _memory(p: Pipeline, query: str = "") -> dict[str, Any]:
    """The worker's own account of its memory (`GET /debug/memory`)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{p.port}/debug/memory?{query}", timeout=60) as r:
            return json.loads(r.read())
    except OSError:
        return {}


def soak(seconds: float, rate: float, device: str = "cpu", store: str = "memory://", trace: bool = False) -> dict[str, Any]:
    """The worker under a steady offered load: RSS and lag sampled every 5 s; does memory grow?

    Each sample also reads the worker's `/debug/memory`, so the report splits
    RSS growth into the Python heap (with `trace`: tracemalloc, by line) and
    malloc's arenas.
    """
    import tempfile

    from streams.broker import configured_or_embedded

    workdir = Path(tempfile.mkdtemp(prefix="eventx-soak-"))
    with configured_or_embedded(workdir / "tansu.log") as bootstrap:
        return _soak(bootstrap, workdir, seconds, rate, device, store, trace)


def _soak(bootstrap: str, workdir: Path, seconds: float, rate: float, device: str = "cpu", store: str = "memory://",
          trace: bool = False) -> dict[str, Any]:
    import threading

    from streams.feed import publish
    from streams.workload import synthetic_articles

    p = start_pipeline(bootstrap, workdir, "soak", EVENTX_DEVICE=device, EVENTX_STORE=store)
    articles = synthetic_articles(int(seconds * rate) + 10, seed=31, id_prefix="soak")
    mem: list[tuple[float, dict[str, Any]]] = [(0.0, _memory(p, "trace=start" if trace else ""))]
    stop = threading.Event()

    def feed() -> None:
        asyncio.run(publish(articles, p.settings, rate=rate))
        stop.set()

    samples: list[tuple[float, float, float, int]] = []
    t = threading.Thread(target=feed, daemon=True)
    t0 = time.time()
    t.start()
    try:
        while time.time() - t0 < seconds:
            time.sleep(5)
            samples.append((time.time() - t0, _rss_mb(p.proc.pid), _lag(p), asyncio.run(_committed(p))))
            line = (f"soak t={samples[-1][0]:5.0f}s rss={samples[-1][1]:7.1f} MB lag={samples[-1][2]:6.0f} "
                    f"committed={samples[-1][3]}")
            if len(samples) % 6 == 0:  # every 30 s: the worker's own breakdown, after handing freed memory back
                m = _memory(p, "trim=1")
                mem.append((samples[-1][0], m))
                line += f" retained={m.get('rss_total_mb', m.get('rss_mb'))} MB heap={m.get('python_heap_mb')} malloc={m.get('malloc')}"
            print(line, file=sys.stderr, flush=True)
        mem.append((time.time() - t0, _memory(p, "objects=1")))
        trimmed = _memory(p, "trim=1")
    finally:
        p.stop()
    rss = [s[1] for s in samples]
    lag = [s[2] for s in samples]
    slope = _trend_mb_per_min([(s[0], s[1]) for s in samples])
    # Retained: RSS right after malloc_trim, i.e. what the worker holds, not what malloc keeps cached for it.
    retained = [(t, m.get("rss_total_mb", m["rss_mb"])) for t, m in mem[1:] if m.get("rss_mb")]
    kept = _trend_mb_per_min(retained)
    # Bounded caches and RocksDB memtables fill early: a leak keeps its slope, a fill-up flattens.
    late = _trend_mb_per_min(retained[len(retained) // 2 :], warmup=False)
    return {"seconds": seconds, "offered_articles_per_s": rate, "samples": len(samples),
            "rss_mb": {"start": round(rss[0], 1), "end": round(rss[-1], 1), "max": round(max(rss), 1)},
            "rss_trend_mb_per_min": round(slope, 2),
            "retained_rss_mb": {"first": retained[0][1] if retained else None, "last": retained[-1][1] if retained else None},
            "retained_rss_trend_mb_per_min": round(kept, 2),
            "retained_rss_trend_second_half_mb_per_min": round(late, 2),
            # The verdict reads the second half: growth that is still there once the caches are full.
            "memory_grows": bool(late > 1.0) if len(retained) >= 6 else bool(slope > 1.0),
            "lag": {"max": max(lag), "end": lag[-1]}, "committed_end": samples[-1][3],
            "articles_offered": len(articles) if stop.is_set() else int(seconds * rate),
            "store": store, "memory": _memory_split(mem, trimmed), "retained_by_process_mb": retained_by_process(mem[1:])}


def retained_by_process(mem: list[tuple[float, dict[str, Any]]]) -> dict[str, dict[str, float | None]]:
    """Per process (the worker, each inference process): RSS after malloc_trim at the first and last sample, and
    its slope over the second half (MB/min), so a soak tells which process grows."""
    series: dict[str, list[tuple[float, float]]] = {}
    for t, m in mem:
        if m.get("rss_mb") is not None:
            series.setdefault("worker", []).append((t, float(m["rss_mb"])))
        for i, child in enumerate((m.get("inference_processes") or {}).get("processes", [])):
            if child.get("rss_mb") is not None:
                series.setdefault(f"inference_{i}", []).append((t, float(child["rss_mb"])))
    out: dict[str, dict[str, float | None]] = {}
    for name, pts in series.items():
        late = _trend_mb_per_min(pts[len(pts) // 2 :], warmup=False)
        out[name] = {"first": pts[0][1], "last": pts[-1][1],
                     "second_half_mb_per_min": None if late != late else round(late, 2)}  # nan: too few samples
    return out


def _memory_split(mem: list[tuple[float, dict[str, Any]]], trimmed: dict[str, Any]) -> dict[str, Any]:
    """First vs last sample of the worker's breakdown, and RSS after malloc_trim (what fragmentation held)."""
    first, last = mem[0][1], mem[-1][1]

    def d(key: str, sub: str | None = None) -> float | None:
        a, b = (first.get(key), last.get(key)) if sub is None else ((first.get(key) or {}).get(sub), (last.get(key) or {}).get(sub))
        return None if a is None or b is None else round(b - a, 1)

    return {"rss_growth_mb": d("rss_total_mb") if "rss_total_mb" in first else d("rss_mb"), "python_heap_growth_mb": d("python_heap_mb"),
            "malloc_in_use_growth_mb": d("malloc", "in_use_mb"), "malloc_free_held_growth_mb": d("malloc", "free_held_mb"),
            "rss_after_trim_mb": trimmed.get("rss_total_mb", trimmed.get("rss_mb")),
            "rss_before_trim_mb": last.get("rss_total_mb", last.get("rss_mb")),
            "top_growth": (last.get("growth") or [])[:10], "objects_end": last.get("objects")}


def backlog(n: int, seconds: float, device: str = "cpu") -> dict[str, Any]:
    """`n` articles waiting before the worker starts: peak RSS, steady progress, committed offsets."""
    import tempfile

    from streams.broker import configured_or_embedded

    workdir = Path(tempfile.mkdtemp(prefix="eventx-backlog-"))
    with configured_or_embedded(workdir / "tansu.log") as bootstrap:
        return _backlog(bootstrap, workdir, n, seconds, device)


def _backlog(bootstrap: str, workdir: Path, n: int, seconds: float, device: str = "cpu") -> dict[str, Any]:
    from streams.feed import publish
    from streams.settings import Settings
    from streams.topics import Topics
    from streams.workload import synthetic_articles

    tag = "backlog"
    env = dict(os.environ, KAFKA_BOOTSTRAP_SERVERS=bootstrap, EVENTX_TOPIC_PREFIX=f"bench{tag}.", EVENTX_APP_ID=f"eventx-bench{tag}")
    settings = Settings.from_env(env)
    t_feed = time.time()
    report = asyncio.run(publish(synthetic_articles(n, seed=41, id_prefix="backlog"), settings))
    feed_s = time.time() - t_feed
    print(f"backlog: {report.sent} articles waiting ({feed_s:.0f}s to produce)", file=sys.stderr, flush=True)
    p = start_pipeline(bootstrap, workdir, tag, EVENTX_DEVICE=device)
    assert p.topics == Topics(f"bench{tag}.", f"eventx-bench{tag}")
    samples = []
    t0 = time.time()
    try:
        while time.time() - t0 < seconds:
            time.sleep(10)
            samples.append((time.time() - t0, _rss_mb(p.proc.pid), asyncio.run(_committed(p))))
            print(f"backlog t={samples[-1][0]:5.0f}s rss={samples[-1][1]:7.1f} MB committed={samples[-1][2]}",
                  file=sys.stderr, flush=True)
        peak = p.peak_rss_mb()
    finally:
        p.stop()
    done = samples[-1][2]
    rates = [(b[2] - a[2]) / (b[0] - a[0]) for a, b in itertools.pairwise(samples)]
    return {"waiting": report.sent, "seconds": seconds, "committed": done, "peak_rss_mb": round(peak, 1),
            "rss_trend_mb_per_min": round(_trend_mb_per_min([(s[0], s[1]) for s in samples]), 2),
            "articles_per_s": {"mean": round(done / samples[-1][0], 2), "min_10s_window": round(min(rates), 2),
                               "max_10s_window": round(max(rates), 2)}}



def _memory_study_child(extract: bool, n_articles: int, device: str, every: int) -> list[tuple[int, float]]:
    """One inference process's RSS after malloc_trim, every `every` articles (a fresh process per call)."""
    from models.classifier import load_classifier
    from models.extraction.gazetteer import default_gazetteer
    from models.pipeline import ArticleProcessor, prepare
    from streams import memory
    from streams.workload import synthetic_articles

    memory.limit_arenas(2)  # as in an inference process (streams.inference._child_init)
    default_gazetteer()
    proc = ArticleProcessor(load_classifier("transformer", device=device, threads=1))
    articles = synthetic_articles(n_articles, seed=41, id_prefix="mem")
    out = []
    for i in range(0, n_articles, 16):
        prepared = [prepare(_meta(a))
                    for a in articles[i : i + 16]]
        detections = proc.detect(prepared)
        if extract:
            for p, d in zip(prepared, detections, strict=True):
                proc.build(p, d)
        if (i + 16) % every == 0:
            memory.malloc_trim()
            out.append((i + 16, round(_status_mb(os.getpid(), "VmRSS"), 1)))
    return out


def memory_study(device: str = "cpu", n_articles: int = 1600, every: int = 160) -> dict[str, Any]:
    """Where an inference process's memory grows: classification alone against classification plus extraction, and
    classification with oneDNN's primitive cache capped at 16 kernels, each in a fresh process (RSS after
    malloc_trim, every `every` articles)."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    runs = {"classify": (False, None), "classify_and_extract": (True, None), "classify_onednn_cache_16": (False, "16")}
    out: dict[str, Any] = {"articles": n_articles}
    for name, (extract, cache) in runs.items():
        old = os.environ.get("ONEDNN_PRIMITIVE_CACHE_CAPACITY")
        if cache is not None:
            os.environ["ONEDNN_PRIMITIVE_CACHE_CAPACITY"] = cache  # read when the child's oneDNN starts
        try:
            with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as ex:
                series = ex.submit(_memory_study_child, extract, n_articles, device, every).result()
        finally:
            if cache is not None:
                if old is None:
                    os.environ.pop("ONEDNN_PRIMITIVE_CACHE_CAPACITY", None)
                else:
                    os.environ["ONEDNN_PRIMITIVE_CACHE_CAPACITY"] = old
        print(f"memory study {name}: {series}", file=sys.stderr, flush=True)
        out[name] = {"rss_mb": series, "growth_mb": round(series[-1][1] - series[0][1], 1) if series else None}
    return out
