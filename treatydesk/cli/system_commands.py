"""``serve``, ``worker`` and ``scheduler``: run the site, all of it or one process of it.

``treatydesk serve`` starts the web server, the task worker and the scheduler under supervisord
(``processes``); ``serve --web-only``, ``worker`` and ``scheduler`` run one part, as production's
systemd units do (docs/deploy.md). Handlers import what they use inside themselves, after
``setup()`` (see ``cli/__init__``).
"""

import argparse
import os
import signal
import sys
from pathlib import Path

from .django_setup import require_register_database, setup


def add_parsers(sub) -> None:
    serve = sub.add_parser(
        "serve", help="run the site: web server, task worker and scheduler (DEBUG off)",
        description="Start the web server (gunicorn), the task worker and the scheduler "
                    "together under supervisord, which restarts any of them that dies and "
                    "stops them all on Ctrl-C or SIGTERM. --web-only runs the web server "
                    "alone.")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--workers", type=int, default=2, help="gunicorn's processes")
    serve.add_argument("--web-only", action="store_true",
                       help="the web server alone (run the worker and scheduler apart)")
    serve.add_argument("--no-collectstatic", action="store_true", help=argparse.SUPPRESS)
    serve.set_defaults(handler=serve_handler)

    worker = sub.add_parser(
        "worker", help="run the task worker (mail, search index, scheduled jobs)",
        description="Run queued tasks as they come (django-tasks' database worker, resuming "
                    "interrupted mailings first), recording a heartbeat.")
    worker.set_defaults(handler=worker_handler)

    scheduler = sub.add_parser(
        "scheduler", help="queue the scheduled jobs at their times",
        description="Queue scheduled publishing every minute, reminders daily, mailbox "
                    "reading, search-index upkeep and clean-up (docs/deploy.md), recording a "
                    "heartbeat.")
    scheduler.set_defaults(handler=scheduler_handler)


def mail_line() -> str:
    """Say where the site's mail goes."""
    from django.conf import settings

    from treatydesk.mail.outgoing.outbox import outbox_dir, uses_outbox

    if uses_outbox():
        return (f"Mail: no SMTP server set (EMAIL_HOST), so every message is signed and "
                f"delivered to the Maildir {outbox_dir()}/ — read it in the admin, Outbox.")
    return f"Mail: through the SMTP server {settings.EMAIL_HOST}:{settings.EMAIL_PORT}."


def serve_handler(args) -> int:
    setup()
    from django.conf import settings
    from django.core.management import call_command

    if not args.no_collectstatic:
        call_command("collectstatic", interactive=False, verbosity=0)
    if args.web_only:
        return _exec_gunicorn(args)
    require_register_database()
    from . import processes

    run_dir = Path(settings.VAR_DIR) / "run"
    run_dir.mkdir(parents=True, exist_ok=True)
    config = run_dir / "supervisord.conf"
    config.write_text(processes.supervisord_config(
        run_dir, processes.commands(args.host, args.port, args.workers)))
    print(f"Serving Treaty Desk on http://{args.host}:{args.port}/ with its task worker and "
          f"scheduler (Ctrl-C stops them all).", flush=True)
    print(mail_line(), flush=True)
    # Links in mail point at this server unless the site's address is set.
    os.environ.setdefault("TREATYDESK_BASE_URL", f"http://{args.host}:{args.port}")
    supervisord = os.path.join(os.path.dirname(sys.executable), "supervisord")
    # supervisord takes this process's place: Ctrl-C and SIGTERM reach it directly.
    os.execv(supervisord, [supervisord, "--configuration", str(config)])  # noqa: S606
    return 0


def _exec_gunicorn(args) -> int:
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    command = [
        gunicorn, "treatydesk.wsgi:application",
        "--bind", f"{args.host}:{args.port}",
        "--workers", str(args.workers),
        "--access-logfile", "-",
        "--forwarded-allow-ips", "127.0.0.1",
    ]
    if not args.no_collectstatic:
        print(f"Serving Treaty Desk on http://{args.host}:{args.port}/ (web server only; "
              "Ctrl-C to stop)", flush=True)
    os.execv(gunicorn, command)  # noqa: S606 - replaces this process with the app server
    return 0


def worker_handler(args) -> int:
    require_register_database()
    from django.core.management import call_command

    from treatydesk.ops.system.heartbeat import WORKER, HeartbeatThread

    heartbeat = HeartbeatThread(WORKER)
    heartbeat.start()
    try:
        call_command("mail_worker", queue_name="*", interval=1, reload=False,
                     startup_delay=False)
    finally:
        heartbeat.stop()
    return 0


def scheduler_handler(args) -> int:
    require_register_database()
    from treatydesk.ops.system import schedule

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        schedule.run()
    except KeyboardInterrupt:
        pass
    return 0
