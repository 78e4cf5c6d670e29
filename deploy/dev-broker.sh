#!/usr/bin/env bash
# Development broker: Tansu (Kafka-compatible, in-memory) on 127.0.0.1:${1:-9092}.
# Then: export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:${1:-9092}
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/eventx broker --port "${1:-9092}"
