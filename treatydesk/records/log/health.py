"""The scheduler's check of the register log, and what it tells the operator.

``run_log_check()`` runs ``treatydesk log verify`` on this installation (the same checks), logs
a failure as an error and keeps the outcome in ``TREATYDESK_LOG_STATE_DIR/health.json``, which
``/healthz`` shows as ``register_log``. ``sign_checkpoint_if_due()`` and this check are the two
jobs the scheduler runs (docs/transparency.md).
"""

from __future__ import annotations

import datetime as dt
import json
import logging

from .check import verify_installation
from .signing import sign_checkpoint_if_due, state_dir

logger = logging.getLogger(__name__)


def health_path():
    return state_dir() / "health.json"


def run_log_check() -> bool:
    """Sign if due, verify the log, record and log the outcome; return whether it holds."""
    sign_checkpoint_if_due()
    report = verify_installation()
    outcome = {"ok": report.ok, "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
               "failure": report.failures[0] if report.failures else ""}
    if not report.ok:
        logger.error("register log check failed: %s", outcome["failure"])
    path = health_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(outcome), encoding="utf-8")
    return report.ok


def last_outcome() -> dict | None:
    """Return the last check's outcome, or None if none ran."""
    try:
        return json.loads(health_path().read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
