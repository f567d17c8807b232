"""Bulk import of obligation records: all or nothing, from the command line and the admin."""

import pytest

from treatydesk.records.obligations.actions import ObligationRejected
from treatydesk.records.obligations.importing import ImportObligationFacts
from treatydesk.records.obligations.models import (
    ApplicabilityDeclaration,
    NotApplicableDeclaration,
    Report,
)

pytestmark = pytest.mark.django_db

HEADER = "state,record,obligation,date,period_end,document,source\n"


def test_a_good_file_is_stored_and_changes_the_status(fresh_site, client):
    text = HEADER + ("Austria,report,initial-report,2011-01-20,,,UNODA\n"
                     "Austria,applies,stockpile-destruction,2011-01-20,,,initial report\n")
    summary = ImportObligationFacts("CCM", text, "batch.csv", actor="test").execute()
    assert (summary.rows, summary.states) == (2, 1)
    assert Report.objects.filter(treaty="CCM", state="AUT").count() == 1
    assert ApplicabilityDeclaration.objects.filter(state="AUT").count() == 1
    from treatydesk.records.obligations.loading import current_obligations

    statuses = {d.obligation: str(d.status) for d in current_obligations("CCM").deadlines("AUT")}
    assert statuses["initial-report"] == "met-on-time"
    assert statuses["stockpile-destruction"] == "no-report-recorded"  # applies, no completion


def test_one_bad_row_stores_nothing(fresh_site):
    text = HEADER + ("Austria,report,initial-report,2011-01-20,,,\n"
                     "Austria,report,initial-report,2009-01-20,,,\n"  # before it joined
                     "Nowhere,report,initial-report,2011-01-20,,,\n")
    with pytest.raises(ObligationRejected) as rejected:
        ImportObligationFacts("CCM", text, "batch.csv", actor="test").execute()
    assert any(m.startswith("batch.csv:4") for m in rejected.value.messages)
    assert Report.objects.count() == 0


def test_the_admin_page_refuses_a_bad_file_with_its_lines(fresh_site, admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("bad.csv", (HEADER + "AUT,report,clearance,2011-01-20,,,\n")
                                .encode(), content_type="text/csv")
    response = admin_client.post("/admin/obligations/import/", {"treaty": "CCM", "file": upload})
    assert response.status_code == 400
    assert "bad.csv:2" in response.content.decode()
    assert Report.objects.count() == 0


def test_a_not_applicable_row_stores_its_reason_column_as_the_reason(fresh_site):
    text = HEADER.rstrip("\n") + ",reason\n" + (
        "Austria,not-applicable,stockpile-destruction,2011-01-20,,,initial report,"
        "no stockpiles held\n")
    ImportObligationFacts("CCM", text, "batch.csv", actor="test").execute()
    row = NotApplicableDeclaration.objects.get(treaty="CCM", state="AUT")
    assert (row.reason, row.source) == ("no stockpiles held", "initial report")
