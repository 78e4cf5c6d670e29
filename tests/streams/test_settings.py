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
