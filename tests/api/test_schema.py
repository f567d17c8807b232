"""Schemathesis generates requests from /api/v1/openapi.json and checks every answer.

The app runs in-process (WSGI) on the test database with the real CCM register. The checks
are schemathesis's defaults but one (see below): no server error, documented status codes,
content types and headers, bodies that validate against the schema, schema-violating
requests refused. Few examples per operation, so the run stays well under a minute.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(scope="module")
def django_db_setup(django_db_setup, django_db_blocker):
    """The shipped CCM register, loaded once for every generated request of this module."""
    from tests.conftest import shipped
    from treatydesk.records.facts.actions import ImportRegister

    with django_db_blocker.unblock():
        ImportRegister("CCM", shipped("ccm", "participants.csv"),
                       shipped("ccm", "withdrawals.csv"), actor="test").execute()
    yield


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_every_answer_matches_the_schema(case):
    # Every check but "a schema-valid request is accepted": an opaque cursor this API never
    # gave, or a range whose end is before its start, is schema-valid text and still a 400.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
