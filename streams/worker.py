"""Running the Faust worker, with a broker watchdog.

aiokafka reconnects forever when the broker goes away; an operator would
rather see the worker exit non-zero with a clear message after
EVENTX_BROKER_DEADLINE_S, and let the supervisor (systemd, Kubernetes)
restart it with backoff.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import socket
import subprocess
import time
import urllib.request
from typing import Any

from streams.settings import Settings

log = logging.getLogger("eventx.worker")
EXIT_BROKER_LOST = 3


class _Watchdog:
    lost_since: float | None = None
    fired = False


WATCHDOG = _Watchdog()


def wait_until_ready(base: str, proc: subprocess.Popen[bytes], deadline: float) -> dict[str, Any]:
    """Poll a worker process's `/ready` until it answers ready (its body), it
    exits (RuntimeError) or time.monotonic() passes `deadline` (TimeoutError)."""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"worker exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/ready", timeout=2) as resp:
                body = json.loads(resp.read())
            if body.get("ready"):
                return body
        except (OSError, ValueError):
            pass
        time.sleep(0.5)
    raise TimeoutError("worker not ready in time")


def _reachable(bootstrap: str) -> bool:
    for hostport in bootstrap.split(","):
        host, _, port = hostport.strip().rpartition(":")
        try:
            with socket.create_connection((host or "127.0.0.1", int(port)), timeout=1.0):
                return True
        except OSError:
            continue
    return False


def install_watchdog(app, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    @app.timer(1.0)
    async def broker_watchdog() -> None:
        loop = asyncio.get_running_loop()
        ok = await loop.run_in_executor(None, _reachable, settings.bootstrap_servers or "")
        now = time.monotonic()
        if ok:
            if WATCHDOG.lost_since is not None:
                log.warning("broker %s reachable again after %.0fs", settings.bootstrap_servers, now - WATCHDOG.lost_since)
            WATCHDOG.lost_since = None
            return
        if WATCHDOG.lost_since is None:
            WATCHDOG.lost_since = now
            log.error("broker %s unreachable; will exit if it stays away for %.0fs (EVENTX_BROKER_DEADLINE_S)",
                      settings.bootstrap_servers, settings.broker_deadline_s)
        elif now - WATCHDOG.lost_since > settings.broker_deadline_s and not WATCHDOG.fired:
            WATCHDOG.fired = True
            log.critical("broker %s unreachable for %.0fs: stopping (exit code %d)", settings.bootstrap_servers,
                         now - WATCHDOG.lost_since, EXIT_BROKER_LOST)
            os.kill(os.getpid(), signal.SIGTERM)


def run_worker(settings: Settings) -> int:
    import faust

    from streams import logs
    from streams.agents import preload
    from streams.app import app

    logs.setup(settings.log_format, settings.log_level)
    preload()
    install_watchdog(app, settings)
    app.conf.loghandlers = [logs.handler(settings.log_format)]
    worker = faust.Worker(app, loglevel=settings.log_level.upper(), quiet=settings.log_format == "json",
                          override_logging=False)
    logs.setup(settings.log_format, settings.log_level)
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
        return EXIT_BROKER_LOST if WATCHDOG.fired else code
    return EXIT_BROKER_LOST if WATCHDOG.fired else 0
