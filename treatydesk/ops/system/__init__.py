"""The system around the web server: the task worker, the scheduler, their heartbeats, and
what operators and editors are told about them (``/healthz``, the admin's banner and panel,
the Outbox). See docs/deploy.md, "The processes".
"""
