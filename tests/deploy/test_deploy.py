"""Deployment files: they parse, name real settings and ports, and the image's command runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from streams.settings import documentation
from streams.worker import wait_until_ready

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
KNOWN = {var for var, _d, _doc in documentation()}


def load(name: str) -> dict:
    return yaml.safe_load((DEPLOY / name).read_text())


def test_compose_has_kraft_kafka_scaled_workers_and_prometheus():
    doc = load("docker-compose.yml")
    services = doc["services"]
    kafka = services["kafka"]["environment"]
    assert "controller" in kafka["KAFKA_PROCESS_ROLES"] and kafka["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    worker = services["worker"]
    assert worker["deploy"]["replicas"] >= 2
    assert set(worker["environment"]) <= KNOWN, set(worker["environment"]) - KNOWN
    assert worker["environment"]["KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092"
    assert "6066" in worker["expose"] and worker["environment"]["EVENTX_WEB_PORT"] == "6066"
    prom = yaml.safe_load((DEPLOY / "prometheus.yml").read_text())
    sd = prom["scrape_configs"][0]
    assert sd["metrics_path"] == "/metrics" and sd["dns_sd_configs"][0]["port"] == 6066


def test_kubernetes_manifests_wire_probes_to_the_worker_endpoints():
    cm = load("k8s/configmap.yaml")
    assert cm["kind"] == "ConfigMap" and set(cm["data"]) <= KNOWN, set(cm["data"]) - KNOWN
    dep = load("k8s/deployment.yaml")
    c = dep["spec"]["template"]["spec"]["containers"][0]
    assert c["readinessProbe"]["httpGet"]["path"] == "/ready"
    assert c["livenessProbe"]["httpGet"]["path"] == "/health"
    assert c["ports"][0]["containerPort"] == int(cm["data"]["EVENTX_WEB_PORT"])
    assert dep["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True
    assert dep["spec"]["replicas"] <= int(cm["data"]["EVENTX_PARTITIONS"])
    assert {e["name"] for e in c["env"]} <= KNOWN
    svc = load("k8s/service.yaml")
    assert svc["spec"]["ports"][0]["port"] == 6066 and svc["metadata"]["annotations"]["prometheus.io/path"] == "/metrics"


def test_dockerfile_runs_as_non_root_with_cpu_torch_and_the_worker_entrypoint():
    text = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^USER 10001$", text, re.M)
    assert "download.pytorch.org/whl/cpu torch==2.13.0" in text
    assert 'ENTRYPOINT ["eventx"]' in text and 'CMD ["worker"' in text
    assert "EXPOSE 6066" in text


def dockerfile_command() -> list[str]:
    text = (DEPLOY / "Dockerfile").read_text()
    entry = yaml.safe_load(re.search(r"^ENTRYPOINT (.+)$", text, re.M).group(1))
    cmd = yaml.safe_load(re.search(r"^CMD (.+)$", text, re.M).group(1))
    return [*entry, *cmd]


@pytest.mark.integration
def test_the_image_command_starts_a_ready_worker(stack):
    import os
    import subprocess
    import sys
    import time

    from streams.broker import free_port

    command = dockerfile_command()
    assert command[0] == "eventx"
    port = free_port()
    cm = load("k8s/configmap.yaml")["data"]
    env = dict(stack.env, **{k: v for k, v in cm.items() if k not in {"KAFKA_BOOTSTRAP_SERVERS", "EVENTX_REPLICATION_FACTOR",
                                                                      "EVENTX_PARTITIONS", "EVENTX_APP_ID"}})
    env.update(EVENTX_WEB_PORT=str(port), EVENTX_WEB_HOST="127.0.0.1", EVENTX_DATA_DIR=stack.env["EVENTX_DATA_DIR"])
    exe = str(Path(sys.executable).parent / command[0])
    proc = subprocess.Popen([exe, *command[1:]], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        try:
            wait_until_ready(f"http://127.0.0.1:{port}", proc, time.monotonic() + 120)
        except RuntimeError:
            pytest.fail(proc.stdout.read().decode()[-3000:])
        except TimeoutError:
            pytest.fail("worker from the image command never became ready")
    finally:
        proc.terminate()
        out = proc.communicate(timeout=60)[0].decode()
    # --log-format json: every log line on stderr is one JSON object.
    import json

    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    assert lines and all(json.loads(ln)["level"] for ln in lines)
    assert os.path.basename(exe) == "eventx"
