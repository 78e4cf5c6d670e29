"""Typed, immutable settings read from the environment.

Every limit and knob lives here, with a safe default, and is documented in
README "Configuration". A bad value fails at start with a message naming the
variable, never later in the middle of a stream.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def available_cpus() -> int:
    """CPUs this process may use: its affinity, capped by a cgroup CPU quota (a container's `cpus` / k8s limit),
    which os.cpu_count() ignores."""
    n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]  # cgroup v2
        if quota != "max":
            n = min(n, max(1, math.ceil(int(quota) / int(period))))
    except (OSError, ValueError):
        try:  # cgroup v1
            q = int(Path("/sys/fs/cgroup/cpu/cpu.cfs_quota_us").read_text())
            per = int(Path("/sys/fs/cgroup/cpu/cpu.cfs_period_us").read_text())
            if q > 0:
                n = min(n, max(1, math.ceil(q / per)))
        except (OSError, ValueError):
            pass
    return max(1, n)


class SettingsError(ValueError):
    """A setting in the environment is missing or malformed."""


def _bool(raw: str) -> bool:
    v = raw.strip().lower()
    if v in {"1", "true", "yes", "on"}:
        return True
    if v in {"0", "false", "no", "off"}:
        return False
    raise ValueError("expected true/false")


def _choice(*options: str) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        v = raw.strip().lower()
        if v not in options:
            raise ValueError(f"expected one of {', '.join(options)}")
        return v

    return parse


def _positive(kind: Callable[[str], T]) -> Callable[[str], T]:
    def parse(raw: str) -> T:
        v = kind(raw)
        if v <= 0:  # type: ignore[operator]
            raise ValueError("must be > 0")
        return v

    return parse


def _non_negative(kind: Callable[[str], T]) -> Callable[[str], T]:
    def parse(raw: str) -> T:
        v = kind(raw)
        if v < 0:  # type: ignore[operator]
            raise ValueError("must be >= 0")
        return v

    return parse


def _optional(kind: Callable[[str], T]) -> Callable[[str], T | None]:
    def parse(raw: str) -> T | None:
        return None if raw.strip() == "" else kind(raw)

    return parse


# name -> (environment variable, parser, default, description)
_SPEC: dict[str, tuple[str, Callable[[str], Any], Any, str]] = {
    "bootstrap_servers": ("KAFKA_BOOTSTRAP_SERVERS", _optional(str), None,
                          "Kafka bootstrap servers (host:port,...). Unset: demo and tests start an embedded Tansu broker."),
    "security_protocol": ("KAFKA_SECURITY_PROTOCOL", _choice("plaintext", "ssl", "sasl_plaintext", "sasl_ssl"), "plaintext",
                          "Kafka security protocol."),
    "sasl_mechanism": ("KAFKA_SASL_MECHANISM", _choice("plain", "scram-sha-256", "scram-sha-512"), "plain", "SASL mechanism."),
    "sasl_username": ("KAFKA_SASL_USERNAME", _optional(str), None, "SASL user name."),
    "sasl_password": ("KAFKA_SASL_PASSWORD", _optional(str), None, "SASL password."),
    "ssl_cafile": ("KAFKA_SSL_CAFILE", _optional(str), None, "CA bundle for TLS."),
    "app_id": ("EVENTX_APP_ID", str, "eventx", "Consumer group and Faust application id."),
    "topic_prefix": ("EVENTX_TOPIC_PREFIX", str, "", "Prefix for every topic name (several deployments on one cluster)."),
    "partitions": ("EVENTX_PARTITIONS", _positive(int), 4, "Partitions of every topic the app creates."),
    "replication_factor": ("EVENTX_REPLICATION_FACTOR", _positive(int), 1, "Replication factor of created topics."),
    "store": ("EVENTX_STORE", _choice("rocksdb://", "memory://"), "rocksdb://", "Table store: rocksdb:// (rocksdict) or memory://."),
    "rocksdb_write_buffer_mb": ("EVENTX_ROCKSDB_WRITE_BUFFER_MB", _positive(int), 2,
                                "RocksDB memtable size per table partition (two are kept), MB."),
    "rocksdb_block_cache_mb": ("EVENTX_ROCKSDB_BLOCK_CACHE_MB", _positive(int), 4,
                               "RocksDB block cache per table partition, MB."),
    "data_dir": ("EVENTX_DATA_DIR", Path, Path("var/eventx"), "Directory for table state (RocksDB)."),
    "web_host": ("EVENTX_WEB_HOST", str, "127.0.0.1", "Bind address of the worker's HTTP server."),
    "web_port": ("EVENTX_WEB_PORT", _positive(int), 6066, "Port of the worker's HTTP server (views, /metrics, /health)."),
    "classifier": ("EVENTX_CLASSIFIER", _choice("transformer", "baseline"), "transformer", "Sentence classifier."),
    "device": ("EVENTX_DEVICE", _choice("cpu", "cuda"), "cpu", "Inference device."),
    "quantize": ("EVENTX_QUANTIZE", _choice("auto", "none", "int8", "bf16"), "auto",
                 "Inference precision; auto = bf16 where the model card's accuracy check accepted it and the CPU runs it natively (AMX/AVX-512 BF16) and faster, else fp32 (none)."),
    "inference_processes": ("EVENTX_INFERENCE_PROCESSES", _optional(_positive(int)), None,
                            "Processes that split, classify and extract, each with its own model; a batch's articles are "
                            "shared out among them (default: one per core on a CPU, one on a GPU)."),
    "torch_threads": ("EVENTX_TORCH_THREADS", _optional(_positive(int)), None,
                      "Intra-op threads per inference process (default: cores / processes, so 1 with the default processes)."),
    "second_look": ("EVENTX_SECOND_LOOK", _bool, True,
                    "Re-read near-miss sentences with the next sentence (better recall, ~10-20% more model work)."),
    "batch_articles": ("EVENTX_BATCH_ARTICLES", _positive(int), 32, "Articles taken from the stream per batch."),
    "batch_linger_s": ("EVENTX_BATCH_LINGER_S", _positive(float), 0.05, "Longest wait to fill a batch, seconds."),
    "batch_sentences": ("EVENTX_BATCH_SENTENCES", _optional(_positive(int)), None,
                        "Sentences per forward pass; unset: 16 on a CPU, 128 on a GPU."),
    "max_article_bytes": ("EVENTX_MAX_ARTICLE_BYTES", _positive(int), 2_000_000, "Largest accepted message value, bytes."),
    "max_sentences": ("EVENTX_MAX_SENTENCES", _positive(int), 2000, "Most sentences per article; more goes to the DLQ."),
    "max_json_depth": ("EVENTX_MAX_JSON_DEPTH", _positive(int), 20, "Deepest accepted JSON nesting."),
    "unknown_fields": ("EVENTX_UNKNOWN_FIELDS", _choice("reject", "ignore"), "reject",
                       "Articles with fields outside the schema: dead-letter them, or drop the fields."),
    "require_key": ("EVENTX_REQUIRE_KEY", _bool, True, "Dead-letter messages without a key."),
    "dlq_max_original_bytes": ("EVENTX_DLQ_MAX_ORIGINAL_BYTES", _positive(int), 262_144,
                               "Bytes of the original message kept in a dead letter (the rest is cut, with size and sha256)."),
    "rebalance_timeout_s": ("EVENTX_REBALANCE_TIMEOUT_S", _positive(float), 10.0, "Consumer-group rebalance timeout."),
    "session_timeout_s": ("EVENTX_SESSION_TIMEOUT_S", _positive(float), 10.0,
                          "Consumer session timeout; also how long a group join waits (half of it) on Tansu."),
    "heartbeat_s": ("EVENTX_HEARTBEAT_S", _positive(float), 2.0, "Consumer heartbeat interval."),
    "fetch_max_wait_ms": ("EVENTX_FETCH_MAX_WAIT_MS", _positive(int), 100,
                          "Longest a fetch waits for data; Tansu answers only when it expires, so it bounds latency."),
    "producer_linger_ms": ("EVENTX_PRODUCER_LINGER_MS", _non_negative(int), 20,
                           "How long the producer holds records that nobody waits for (table changelogs) to send "
                           "them in fewer, larger requests; records the worker waits for go out at once."),
    "stall_s": ("EVENTX_STALL_S", _positive(float), 5.0,
                "Seconds an articles.raw partition may wait with messages and no progress while the worker idles before "
                "it is re-read from its committed offset."),
    "malloc_trim_s": ("EVENTX_MALLOC_TRIM_S", _non_negative(float), 30.0,
                      "How often the worker returns freed malloc memory to the OS (0: never); see README \"Memory\"."),
    "commit_interval_s": ("EVENTX_COMMIT_INTERVAL_S", _positive(float), 1.0, "How often acknowledged offsets are committed."),
    "broker_deadline_s": ("EVENTX_BROKER_DEADLINE_S", _positive(float), 60.0,
                          "How long to keep retrying an unreachable broker before exiting non-zero."),
    "strict_recovery": ("EVENTX_STRICT_RECOVERY", _bool, False,
                        "Refuse to start when local table state is ahead of its changelog (Faust's consistency check)."),
    "log_format": ("EVENTX_LOG_FORMAT", _choice("text", "json"), "text", "Log format."),
    "log_level": ("EVENTX_LOG_LEVEL", _choice("debug", "info", "warning", "error"), "info", "Log level."),
}


@dataclass(frozen=True, slots=True)
class Settings:
    bootstrap_servers: str | None
    security_protocol: str
    sasl_mechanism: str
    sasl_username: str | None
    sasl_password: str | None
    ssl_cafile: str | None
    app_id: str
    topic_prefix: str
    partitions: int
    replication_factor: int
    store: str
    rocksdb_write_buffer_mb: int
    rocksdb_block_cache_mb: int
    data_dir: Path
    web_host: str
    web_port: int
    classifier: str
    device: str
    quantize: str
    inference_processes: int | None
    torch_threads: int | None
    second_look: bool
    batch_articles: int
    batch_linger_s: float
    batch_sentences: int | None
    max_article_bytes: int
    max_sentences: int
    max_json_depth: int
    unknown_fields: str
    require_key: bool
    dlq_max_original_bytes: int
    rebalance_timeout_s: float
    session_timeout_s: float
    heartbeat_s: float
    fetch_max_wait_ms: int
    producer_linger_ms: int
    stall_s: float
    malloc_trim_s: float
    commit_interval_s: float
    broker_deadline_s: float
    strict_recovery: bool
    log_format: str
    log_level: str

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        errors: list[str] = []
        for name, (var, parse, default, _doc) in _SPEC.items():
            raw = env.get(var)
            if raw is None:
                values[name] = default
                continue
            try:
                values[name] = parse(raw)
            except (ValueError, TypeError) as exc:
                errors.append(f"{var}={raw!r}: {exc}")
        values.update(overrides)
        if values["heartbeat_s"] * 3 > values["session_timeout_s"]:
            errors.append("EVENTX_HEARTBEAT_S must be at most a third of EVENTX_SESSION_TIMEOUT_S")
        if values["security_protocol"].startswith("sasl") and not (values["sasl_username"] and values["sasl_password"]):
            errors.append("KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required with a SASL security protocol")
        if errors:
            raise SettingsError("invalid settings:\n  " + "\n  ".join(errors))
        return cls(**values)

    def processes(self) -> int:
        """Inference processes: one per core on a CPU (one single-threaded model each beats one model on all
        cores by ~40%, `eventx bench --study`), one on a GPU."""
        if self.inference_processes:
            return self.inference_processes
        return 1 if self.device == "cuda" else available_cpus()

    def threads_per_process(self) -> int:
        return self.torch_threads or max(1, available_cpus() // self.processes())

    def replace(self, **changes: Any) -> Settings:
        current = {f.name: getattr(self, f.name) for f in fields(self)}
        current.update(changes)
        return Settings(**current)

    def kafka_client_kwargs(self) -> dict[str, Any]:
        """Connection arguments for aiokafka clients (producers, consumers, admin)."""
        kw: dict[str, Any] = {"bootstrap_servers": self.bootstrap_servers, "security_protocol": self.security_protocol.upper()}
        if self.security_protocol.startswith("sasl"):
            kw.update(sasl_mechanism=self.sasl_mechanism.upper(), sasl_plain_username=self.sasl_username,
                      sasl_plain_password=self.sasl_password)
        if self.security_protocol.endswith("ssl"):
            import ssl

            kw["ssl_context"] = ssl.create_default_context(cafile=self.ssl_cafile)
        return kw


def documentation() -> list[tuple[str, str, str]]:
    """(variable, default, description) for the README table and `eventx config`."""
    return [(var, "" if default is None else str(default), doc) for var, _p, default, doc in _SPEC.values()]
