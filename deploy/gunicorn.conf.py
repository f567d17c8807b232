"""gunicorn's settings for Treaty Desk in production (docs/deploy.md); bench/http.sh uses them.

    gunicorn -c deploy/gunicorn.conf.py treatydesk.wsgi:application

Threaded workers keep the connections nginx holds open to the app servers (``keepalive`` in
deploy/nginx.conf): answering a cached page then costs no new TCP connection, which on the
benchmark machine nearly doubled the requests served per second (docs/performance.md).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
keepalive = 5
timeout = 60
graceful_timeout = 30
backlog = 2048
# No max_requests: recycling a worker drops the keep-alive connections it holds, which clients
# see as errors, and Treaty Desk's memory stays flat (the caches it keeps are bounded).
# nginx logs every request; gunicorn logs only problems.
accesslog = None
loglevel = "warning"


def post_worker_init(worker):
    """Once the app is loaded, move what start-up made (Django, Wagtail, the treaties) into the
    collector's permanent generation: a full collection then scans only what requests made,
    which cut the slowest uncached pages (docs/performance.md)."""
    import gc

    gc.collect()
    gc.freeze()
