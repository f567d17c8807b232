"""A database migrated by an older release keeps its meaning after today's migrations.

Unlike tests/setup/test_upgrade.py (a whole old site, in a process of its own, on SQLite), each
test here takes the test database back to one migration with Django's MigrationExecutor,
writes rows with that migration's historical models, and migrates forward again: so it runs on
both engines (the SQLite and PostgreSQL streams). The schema changes commit, so the tests are
transactional; each leaves the database migrated to the latest migration, even when it fails,
as every later test expects (it is then flushed, and the next test gets its snapshot back).
"""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_STATUS = ("registry", "0004_fact_public_note_effective_date")
STATUS = ("registry", "0005_fact_status")


def migrate(*targets) -> MigrationExecutor:
    """Migrate the test database to ``targets`` (every app's latest when none); return the
    executor, whose loader then knows the migrations applied."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    plan_targets = list(targets) or executor.loader.graph.leaf_nodes()
    executor.migrate(plan_targets)
    executor.loader.build_graph()
    return executor


@pytest.fixture
def at_latest_afterwards():
    """Put the database back to the latest migrations after the test, pass or fail."""
    yield
    migrate()


def test_facts_recorded_before_draft_facts_existed_are_published(at_latest_afterwards):
    executor = migrate(BEFORE_STATUS)
    old = executor.loader.project_state([BEFORE_STATUS]).apps
    OldFact = old.get_model("registry", "Fact")
    assert "status" not in {field.name for field in OldFact._meta.get_fields()}
    recorded = OldFact.objects.create(treaty="CCM", state="AUT", state_name="Austria",
                                      kind="ratification", date=date(2009, 4, 2),
                                      cn_reference="C.N.208.2009.TREATIES-5")

    executor = migrate(STATUS)
    Fact = executor.loader.project_state([STATUS]).apps.get_model("registry", "Fact")
    fact = Fact._default_manager.get(pk=recorded.pk)
    assert fact.status == "published"
    assert (fact.state, fact.kind, fact.date) == ("AUT", "ratification", date(2009, 4, 2))

    migrate()
    from treatydesk.records.facts.models import Fact as TodaysFact

    assert list(TodaysFact.objects.values_list("pk", flat=True)) == [recorded.pk]  # not a draft
