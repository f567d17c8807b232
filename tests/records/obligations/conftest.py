"""Fixtures of the obligations app: the real CCM register, caches forgotten between tests."""

import datetime as dt

import pytest

from tests.common_fixtures import english  # noqa: F401 (autouse, by name)


@pytest.fixture(autouse=True)
def fresh_caches():
    """Forget registers computed by earlier tests (their databases were rolled back)."""
    from treatydesk.records.facts.loading import clear_cache as clear_register
    from treatydesk.records.obligations.loading import clear_cache as clear_obligations

    clear_register()
    clear_obligations()
    yield
    clear_register()
    clear_obligations()


@pytest.fixture
def today():
    """Pin the site's one clock (treatydesk.core.clock) to 15 January 2026."""
    from treatydesk.core import clock

    with clock.pinned(dt.date(2026, 1, 15)) as day:
        yield day


@pytest.fixture
def cameroon_clearance_extended(fresh_site, today):
    """Cameroon (in force 1 January 2013): clearance due 1 January 2023, extended to 2026."""
    from treatydesk.records.obligations.actions import RecordObligationFact
    from treatydesk.records.obligations.models import ExtensionDecision, ExtensionRequest

    request = RecordObligationFact(ExtensionRequest(
        treaty="CCM", state="CMR", obligation="clearance", requested_on=dt.date(2022, 3, 1),
        period_months=36, document_symbol="CCM/MSP/2022/5", source="test",
    )).execute()
    decision = RecordObligationFact(ExtensionDecision(
        request=request, decided_on=dt.date(2022, 8, 31), new_deadline=dt.date(2026, 6, 1),
        meeting="Tenth Meeting of States Parties", document_symbol="CCM/MSP/2022/12",
    )).execute()
    return request, decision
