"""Schemathesis generates requests from /api/v1/openapi.json and checks every answer.

The app runs in-process (WSGI) on the shared fresh site (both shipped registers, notices,
meetings). The checks are schemathesis's defaults but one (see below): no server error,
documented status codes, content types and headers, bodies that validate against the
schema, schema-violating requests refused. Few examples per operation, so the run stays well under a minute.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_every_answer_matches_the_schema(case, fresh_site):
    # Every check but "a schema-valid request is accepted": an opaque cursor this API never
    # gave, or a range whose end is before its start, is schema-valid text and still a 400.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
