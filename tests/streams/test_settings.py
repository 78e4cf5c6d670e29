from __future__ import annotations

from pathlib import Path

import pytest

from streams.settings import Settings, SettingsError, documentation


def test_defaults_are_safe():
    s = Settings.from_env({})
    assert s.bootstrap_servers is None and s.partitions == 4 and s.store == "rocksdb://"
    assert s.max_article_bytes == 2_000_000 and s.unknown_fields == "reject" and s.require_key is True


def test_environment_overrides_with_types():
    s = Settings.from_env({"KAFKA_BOOTSTRAP_SERVERS": "k:9092", "EVENTX_PARTITIONS": "8", "EVENTX_BATCH_LINGER_S": "0.5",
                           "EVENTX_REQUIRE_KEY": "false", "EVENTX_STORE": "memory://"})
    assert (s.bootstrap_servers, s.partitions, s.batch_linger_s, s.require_key, s.store) == ("k:9092", 8, 0.5, False, "memory://")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"EVENTX_PARTITIONS": "zero"}, "EVENTX_PARTITIONS"),
        ({"EVENTX_PARTITIONS": "0"}, "must be > 0"),
        ({"EVENTX_STORE": "redis://"}, "EVENTX_STORE"),
        ({"EVENTX_REQUIRE_KEY": "maybe"}, "EVENTX_REQUIRE_KEY"),
        ({"EVENTX_HEARTBEAT_S": "5", "EVENTX_SESSION_TIMEOUT_S": "6"}, "HEARTBEAT"),
        ({"KAFKA_SECURITY_PROTOCOL": "sasl_ssl"}, "KAFKA_SASL_USERNAME"),
        ({"EVENTX_MALLOC_TRIM_S": "-1"}, "must be >= 0"),
    ],
)
def test_bad_settings_fail_with_the_variable_named(env, message):
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)


def test_every_setting_is_documented():
    docs = documentation()
    assert len(docs) == len(Settings.__dataclass_fields__)
    assert all(var and desc for var, _default, desc in docs)
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    missing = [var for var, _default, _desc in docs if f"`{var}`" not in readme]
    assert not missing, f"settings missing from the README configuration table: {missing}"


def test_sasl_settings_reach_the_kafka_clients():
    s = Settings.from_env({"KAFKA_BOOTSTRAP_SERVERS": "k:9093", "KAFKA_SECURITY_PROTOCOL": "sasl_ssl",
                           "KAFKA_SASL_MECHANISM": "scram-sha-512", "KAFKA_SASL_USERNAME": "u", "KAFKA_SASL_PASSWORD": "p"})
    kw = s.kafka_client_kwargs()
    assert kw["security_protocol"] == "SASL_SSL" and kw["sasl_mechanism"] == "SCRAM-SHA-512"
    assert kw["sasl_plain_username"] == "u" and "ssl_context" in kw


def test_inference_layout_one_single_threaded_model_per_cpu_unless_set(monkeypatch):
    from streams import settings as S

    monkeypatch.setattr(S, "available_cpus", lambda: 8)
    s = Settings.from_env({})
    assert (s.processes(), s.threads_per_process()) == (8, 1)
    assert Settings.from_env({"EVENTX_DEVICE": "cuda"}).processes() == 1  # one process drives the GPU
    s = Settings.from_env({"EVENTX_INFERENCE_PROCESSES": "2"})
    assert (s.processes(), s.threads_per_process()) == (2, 4)
    s = Settings.from_env({"EVENTX_INFERENCE_PROCESSES": "3", "EVENTX_TORCH_THREADS": "2"})
    assert (s.processes(), s.threads_per_process()) == (3, 2)


def test_available_cpus_respects_a_cgroup_quota(monkeypatch, tmp_path):
    from streams import settings as S

    cpu_max = tmp_path / "cpu.max"
    cpu_max.write_text("150000 100000\n")  # a container limited to 1.5 CPUs
    real = S.Path

    monkeypatch.setattr(S, "Path", lambda p: cpu_max if p == "/sys/fs/cgroup/cpu.max" else real(p))
    monkeypatch.setattr(S.os, "sched_getaffinity", lambda pid: set(range(64)))
    assert S.available_cpus() == 2
    cpu_max.write_text("max 100000\n")
    assert S.available_cpus() == 64
