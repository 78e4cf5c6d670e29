"""`eventx`: the command line.

Every command has --help, reports progress on long work on stderr, and exits
non-zero with a one-line reason on bad arguments or an unreachable broker.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from models import EVENT_TYPES

ROOT = Path(__file__).resolve().parent.parent
EXIT_BROKER = 3
EXIT_INPUT = 2


def _settings(**overrides: Any):  # type: ignore[no-untyped-def]
    from streams.settings import Settings, SettingsError

    try:
        return Settings.from_env(**{k: v for k, v in overrides.items() if v is not None})
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc


def _need_broker(settings) -> None:  # type: ignore[no-untyped-def]
    if not settings.bootstrap_servers:
        raise click.ClickException(
            "no broker: set KAFKA_BOOTSTRAP_SERVERS=host:port (or start one with `eventx broker`, or run `eventx demo`)"
        )


def _run(coro: Any) -> Any:
    from streams.broker import BrokerUnavailable

    try:
        return asyncio.run(coro)
    except BrokerUnavailable as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_BROKER)


def _setup_logging(fmt: str | None = None, level: str | None = None) -> None:
    from streams import logs

    settings = _settings()
    logs.setup(fmt or settings.log_format, level or settings.log_level)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventx")
def cli() -> None:
    """Event extraction from conflict news, on Kafka.

    Quick start: `make demo`. Point at a cluster with KAFKA_BOOTSTRAP_SERVERS.
    """


# ------------------------------------------------------------------ broker / worker


@cli.command()
@click.option("--port", type=click.IntRange(1, 65535), default=9092, show_default=True, help="Port on 127.0.0.1.")
def broker(port: int) -> None:
    """Run the embedded Tansu broker (in-memory) until Ctrl-C or SIGTERM."""
    import signal
    import threading

    from streams.broker import BrokerUnavailable, EmbeddedBroker

    b = EmbeddedBroker(port=port)
    try:
        bootstrap = b.start()
    except BrokerUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"broker ready: KAFKA_BOOTSTRAP_SERVERS={bootstrap}", err=True)
    click.echo(bootstrap)
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    while not done.is_set() and b.proc is not None and b.proc.poll() is None:
        done.wait(0.5)
    crashed = b.proc is not None and b.proc.poll() is not None and not done.is_set()
    b.stop()
    if crashed:
        raise click.ClickException(f"tansu exited unexpectedly with code {b.proc.returncode}")  # type: ignore[union-attr]
    click.echo("broker stopped", err=True)


@cli.command()
@click.option("--log-format", type=click.Choice(["text", "json"]), default=None, help="Log format (EVENTX_LOG_FORMAT).")
@click.option("--web-port", type=click.IntRange(1, 65535), default=None, help="HTTP port (EVENTX_WEB_PORT).")
@click.option("--classifier", type=click.Choice(["transformer", "baseline"]), default=None, help="EVENTX_CLASSIFIER.")
def worker(log_format: str | None, web_port: int | None, classifier: str | None) -> None:
    """Run the stream worker (Faust) against KAFKA_BOOTSTRAP_SERVERS."""
    for var, value in (("EVENTX_LOG_FORMAT", log_format), ("EVENTX_WEB_PORT", web_port), ("EVENTX_CLASSIFIER", classifier)):
        if value is not None:
            os.environ[var] = str(value)
    settings = _settings()
    _need_broker(settings)
    _setup_logging()
    from streams.broker import ensure_topics, wait_for_broker

    _run(wait_for_broker(settings, what="worker"))
    _run(ensure_topics(settings))
    from streams.worker import run_worker

    sys.exit(run_worker(settings))


# ------------------------------------------------------------------ producing


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--topic", default=None, help="Target topic (default: articles.raw, with EVENTX_TOPIC_PREFIX).")
@click.option("--rate", type=click.FloatRange(min=0), default=0.0, help="Articles per second (0: as fast as possible).")
@click.option("--progress/--no-progress", default=True, show_default=True)
def feed(files: tuple[str, ...], topic: str | None, rate: float, progress: bool) -> None:
    """Publish articles from .txt (title on the first line), .json, .jsonl, or - (JSONL on stdin)."""
    from streams.feed import InputError, publish, read_articles

    settings = _settings()
    _need_broker(settings)
    _setup_logging(level="warning")
    try:
        articles = list(read_articles(files))
    except InputError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    report = _run(publish(articles, settings, topic=topic, rate=rate, progress=progress, total=len(articles)))
    click.echo(json.dumps({"sent": report.sent, "rejected": report.rejected, "reasons": report.reasons,
                           "seconds": round(report.seconds, 3)}))
    if report.sent == 0 and report.rejected:
        sys.exit(EXIT_INPUT)


@cli.command()
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path), default=ROOT / "seeds",
              show_default=True, help="Directory of scraped pages.")
@click.option("--speed", type=click.FloatRange(min=0), default=0.0,
              help="Articles per second (0: as fast as possible).")
@click.option("--reference-date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Anchor for 'a day ago' on pages without a date (default: newest date in the corpus).")
@click.option("--dry-run", is_flag=True, help="Print the articles as JSONL instead of publishing.")
@click.option("--progress/--no-progress", default=True, show_default=True)
def replay(corpus: Path, speed: float, reference_date: Any, dry_run: bool, progress: bool) -> None:
    """Stream the seed corpus onto articles.raw, oldest first."""
    from streams.seeds import load_corpus

    ref: date | None = reference_date.date() if reference_date else None
    articles = load_corpus(corpus, reference=ref)
    if not articles:
        raise click.ClickException(f"no articles found under {corpus}")
    if dry_run:
        for a in articles:
            click.echo(json.dumps(a.to_message(), ensure_ascii=False))
        return
    settings = _settings()
    _need_broker(settings)
    _setup_logging(level="warning")
    from streams.feed import publish

    report = _run(publish([a.to_message() for a in articles], settings, rate=speed, progress=progress, total=len(articles)))
    click.echo(json.dumps({"sent": report.sent, "rejected": report.rejected, "reasons": report.reasons,
                           "seconds": round(report.seconds, 3)}))


# ------------------------------------------------------------------ consuming


@cli.command()
@click.argument("types", nargs=-1, required=True)
@click.option("--from-beginning", is_flag=True, help="Start at the oldest record instead of new ones.")
@click.option("--group", default=None, help="Consumer group (commits offsets; resumes on restart).")
@click.option("--max", "max_records", type=click.IntRange(min=1), default=None, help="Exit after this many records.")
@click.option("--timeout", type=click.FloatRange(min=0), default=None, help="Exit after this many idle seconds.")
def subscribe(types: tuple[str, ...], from_beginning: bool, group: str | None, max_records: int | None,
              timeout: float | None) -> None:
    """Print events of the given types as JSONL (TYPE: drone_strike, negotiation, sanctions, prisoner_swap, all)."""
    from streams.subscribe import consume
    from streams.topics import topics_for

    settings = _settings()
    names = topics_for(settings)
    topics = []
    for t in types:
        if t == "all":
            topics.append(names.events_all)
        elif t in names.by_type:
            topics.append(names.by_type[t])
        else:
            raise click.BadParameter(f"{t!r}; choose from {', '.join([*EVENT_TYPES, 'all'])}", param_hint="TYPE")
    _need_broker(settings)
    _setup_logging(level="warning")

    def emit(rec: Any) -> None:
        click.echo(json.dumps(rec.value, ensure_ascii=False))

    _run(consume(settings, topics, emit, from_beginning=from_beginning, group=group, max_records=max_records,
                 idle_timeout=timeout))


@cli.command()
@click.option("--url", default=None, help="Worker web address (default: http://EVENTX_WEB_HOST:EVENTX_WEB_PORT).")
@click.option("--json", "as_json", is_flag=True, help="Print the raw JSON.")
def tables(url: str | None, as_json: bool) -> None:
    """Print the per-type tables of a running worker."""
    from streams.demo import fetch_tables, format_tables

    settings = _settings()
    base = url or f"http://{settings.web_host}:{settings.web_port}"
    try:
        data = fetch_tables(base)
    except OSError as exc:
        raise click.ClickException(f"no worker answering at {base}: {exc}") from exc
    click.echo(json.dumps(data, indent=2, ensure_ascii=False) if as_json else format_tables(data))


# ------------------------------------------------------------------ models without Kafka


def _load(classifier: str):  # type: ignore[no-untyped-def]
    from models.classifier import load_classifier

    try:
        return load_classifier(classifier)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command()
@click.option("--classifier", type=click.Choice(["transformer", "baseline"]), default=None, help="Default: EVENTX_CLASSIFIER.")
def classify(classifier: str | None) -> None:
    """JSONL {"id","text"} on stdin -> JSONL {"id","labels","scores"} (article = union of its sentences)."""
    from models.passages import classify_passages

    settings = _settings()
    clf = _load(classifier or settings.classifier)
    rows: list[dict[str, Any]] = []
    bad = 0
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
                raise ValueError("expected an object with a string 'text'")
        except ValueError as exc:
            click.echo(f"line {n}: {exc}", err=True)
            bad += 1
            continue
        rows.append(doc)
    for doc, (labels, scores) in zip(rows, classify_passages(clf, [r["text"] for r in rows]), strict=True):
        click.echo(json.dumps({"id": doc.get("id"), "labels": labels, "scores": scores}))
    if bad:
        sys.exit(EXIT_INPUT)


@cli.command()
@click.option("--classifier", type=click.Choice(["transformer", "baseline"]), default=None, help="Default: EVENTX_CLASSIFIER.")
def extract(classifier: str | None) -> None:
    """JSONL articles on stdin -> the JSONL events the worker would emit (same code path, no Kafka)."""
    from models.pipeline import ArticleProcessor
    from streams.extract import extract_lines

    settings = _settings()
    processor = ArticleProcessor(_load(classifier or settings.classifier))
    bad = 0
    for kind, payload in extract_lines(processor, sys.stdin, settings):
        if kind == "event":
            click.echo(json.dumps(payload, ensure_ascii=False))
        else:
            bad += 1
            click.echo(json.dumps(payload, ensure_ascii=False), err=True)
    if bad:
        sys.exit(EXIT_INPUT)


@cli.command()
@click.option("--seed", type=int, default=1234, show_default=True, help="Seed for the split, initialisation and batches.")
@click.option("--compare", is_flag=True, help="Train every design variant and keep the best on validation.")
@click.option("--variant", type=click.Choice(["frozen-linear", "frozen-mlp", "top1", "top2", "top3"]), default=None,
              help="Train one variant (default: the chosen design, top2).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None, help="Artifacts directory.")
@click.option("--no-set-current", is_flag=True, help="Do not make the new model the default.")
def train(seed: int, compare: bool, variant: str | None, out: Path | None, no_set_current: bool) -> None:
    """Train the transformer classifier (seeded, 2 CPU cores, minutes) and write its model card."""
    import logging

    from models import training

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    variants = list(training.VARIANTS) if compare else [variant or training.DEFAULT_VARIANT]
    card = training.train_model(variants, seed=seed, out=out or training.ARTIFACTS, set_current=not no_set_current)
    t = card["metrics"]["test"]
    click.echo(f"model {card['version']}: test macro-F1 {t['macro_f1']:.4f} "
               f"(baseline {card['metrics']['baseline_test']['macro_f1']:.4f}), "
               f"ECE {card['metrics']['test_calibration']['ece']:.4f}, {card['train_seconds']:.0f}s")
    for r in card["comparison"]:
        click.echo(f"  {r['variant']:<14} val macro-F1 {r['val_macro_f1']:.4f}  artifact {r['artifact_bytes'] / 1e6:.2f} MB"
                   f"  {r['train_seconds']:.0f}s")


@cli.command()
@click.option("--data", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="JSONL with 'text' and 'labels' (default: the held-out test split and hold-out articles).")
@click.option("--extraction", is_flag=True, help="Per-field argument accuracy instead of event-type quality.")
@click.option("--quantize", type=click.Choice(["none", "int8", "bf16"]), default="none", show_default=True)
@click.option("--precision-check", is_flag=True,
              help="Macro-F1 of bf16 and int8 inference against fp32 on the held-out sets (what EVENTX_QUANTIZE=auto relies on).")
@click.option("--write-card", is_flag=True, help="With --precision-check: record the result in the current model card.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def evaluate(data: Path | None, extraction: bool, quantize: str, precision_check: bool, write_card: bool, as_json: bool) -> None:
    """Precision, recall and F1 per type and macro-F1, transformer and baseline side by side."""
    if precision_check:
        from models.evaluate_cli import format_precision_check
        from models.evaluate_cli import precision_check as check

        result = check(write_card=write_card)
        click.echo(json.dumps(result, indent=2) if as_json else format_precision_check(result))
        return
    if extraction:
        from models.extraction import evaluate as xe

        path = data or xe.TEST_FILE
        if not path.exists():
            raise click.ClickException(f"{path} not found")
        report = xe.evaluate(xe.load(path))
        report["file"] = str(path)
        click.echo(json.dumps(report, indent=2) if as_json else format_extraction(report))
        return
    from models.evaluate_cli import evaluate_classifiers, format_classifier_report

    try:
        report = evaluate_classifiers(data, quantize=quantize)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(report, indent=2) if as_json else format_classifier_report(report))


def format_extraction(report: dict[str, Any]) -> str:
    from models.extraction.evaluate import format_report

    return f"{report['file']}\n" + format_report(report)


@cli.command()
@click.option("--quick", is_flag=True, help="A small workload (~2 minutes) instead of 2,000 articles.")
@click.option("--articles", "n_articles", type=click.IntRange(min=10), default=None, help="Workload size.")
@click.option("--device", type=click.Choice(["cpu", "cuda"]), default="cpu", show_default=True)
@click.option("--precision", type=click.Choice(["auto", "none", "bf16", "int8"]), default="auto", show_default=True,
              help="Inference precision of the ceiling and the worker alike (auto: what EVENTX_QUANTIZE=auto picks here).")
@click.option("--variants/--no-variants", default=None,
              help="Also run the baseline and a naive per-message transformer through the pipeline (default: yes, not with --quick).")
@click.option("--study", is_flag=True, help="Only the ceiling study: each optimisation's gain, and cost against article length.")
@click.option("--memory-study", is_flag=True,
              help="Only the memory study: one inference process's RSS over 1,600 articles, classifying with and without "
                   "extraction, and with oneDNN's kernel cache capped (~5 minutes).")
@click.option("--soak", "soak_s", type=click.FloatRange(min=30), default=None,
              help="Soak: run the worker this many seconds at a steady load; report RSS and lag over time.")
@click.option("--rate", type=click.FloatRange(min=0.1), default=2.0, show_default=True, help="Offered load for --soak (articles/s).")
@click.option("--store", type=click.Choice(["memory://", "rocksdb://"]), default="memory://", show_default=True,
              help="Table store for --soak.")
@click.option("--tracemalloc", "trace", is_flag=True, help="--soak: trace Python allocations in the worker (slower).")
@click.option("--backlog", "backlog_n", type=click.IntRange(min=100), default=None,
              help="Backpressure: this many articles waiting before the worker starts.")
@click.option("--duration", type=click.FloatRange(min=30), default=300.0, show_default=True, help="Seconds for --backlog.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Also write the JSON here.")
def bench(quick: bool, n_articles: int | None, device: str, precision: str, variants: bool | None, study: bool, memory_study: bool, soak_s: float | None, rate: float,
          store: str, trace: bool, backlog_n: int | None, duration: float, as_json: bool, out: Path | None) -> None:
    """Benchmark: model ceiling, model path, pipeline through the broker, latency, RSS, variants."""
    from streams import bench as B

    if soak_s or backlog_n:
        return _emit(B.soak(soak_s, rate, device, store, trace) if soak_s else B.backlog(backlog_n, duration, device), out)  # type: ignore[arg-type]
    if memory_study:
        return _emit({"machine": B.machine(), "memory_study": B.memory_study(device)}, out)
    if study:
        return _emit({"machine": B.machine(), "ceiling_study": B.ceiling_study(device=device),
                      "pool_study_sentences_per_s": B.pool_study(device), "length_study": B.length_study(device)}, out)
    if variants is None:
        variants = not quick  # four more worker starts would take --quick past two minutes
    figures = B.run(quick=quick, n_articles=n_articles, device=device, variants=variants, as_json=as_json, out=out,
                    precision=precision)
    click.echo(json.dumps(B.summary_keys(figures), indent=2) if as_json else B.format_report(figures))


def _emit(result: dict[str, Any], out: Path | None) -> None:
    """A study's JSON: to `out` if given, and to stdout."""
    if out:
        out.write_text(json.dumps(result, indent=2))
    click.echo(json.dumps(result, indent=2))


# ------------------------------------------------------------------ demo


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print each event as one JSON line.")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path), default=ROOT / "seeds",
              show_default=True)
@click.option("--classifier", type=click.Choice(["transformer", "baseline"]), default=None)
@click.option("--timeout", type=click.FloatRange(min=10), default=600.0, show_default=True,
              help="Give up (exit 1) if the pipeline has not finished by then.")
def demo(as_json: bool, corpus: Path, classifier: str | None, timeout: float) -> None:
    """Broker + worker + replay of the seed corpus; print events and the per-type tables; shut down."""
    from streams.demo import run_demo

    sys.exit(run_demo(corpus=corpus, as_json=as_json, classifier=classifier, timeout=timeout))


@cli.command()
def config() -> None:
    """List every setting, its environment variable and default."""
    from streams.settings import documentation

    for var, default, doc in documentation():
        click.echo(f"{var:32} {default or '-':24} {doc}")


def main() -> None:
    cli(prog_name="eventx")


if __name__ == "__main__":
    main()
