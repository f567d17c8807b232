"""Schemathesis generates requests from /api/v1/openapi.json and checks every answer.

The app runs in-process (WSGI) on the shared fresh site (both shipped registers, notices,
meetings). The checks are schemathesis's defaults but one (see below): no server error,
documented status codes, content types and headers, bodies that validate against the
schema, schema-violating requests refused. Few examples per operation, so the run stays well under a
minute.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def connection_kept_for_the_test():
    """Keep the test's connection through each in-process request, as Django's test Client does.

    The WSGI handler closes "old" connections when a request starts and ends; inside the test's
    transaction that closes the connection under Django (SQLite's in-memory database ignores
    it; on PostgreSQL the next query met "the connection is closed").
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_every_answer_matches_the_schema(case, fresh_site, connection_kept_for_the_test):
    # Every check but "a schema-valid request is accepted": an opaque cursor this API never
    # gave, or a range whose end is before its start, is schema-valid text and still a 400.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
