"""Snapshots of the test database (treatydesk/testing/snapshots.py), on SQLite and PostgreSQL."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from treatydesk.testing.snapshots import snapshots_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def snapshots():
    keeper = snapshots_for(connection)
    yield keeper
    keeper.discard()


def group_names():
    """The groups a test made (migrations make the site's roles, named with capitals)."""
    return sorted(Group.objects.filter(name__regex=r"^[a-z]").values_list("name", flat=True))


def test_restore_puts_back_exactly_what_was_taken(snapshots):
    Group.objects.create(name="before")
    snapshots.take("one")
    Group.objects.create(name="after")
    Group.objects.filter(name="before").update(name="renamed")
    snapshots.restore("one")
    assert group_names() == ["before"]
    Group.objects.create(name="again")  # the database is usable after a restore
    snapshots.restore("one")
    assert group_names() == ["before"]


def test_snapshots_are_kept_apart_and_retaken_by_name(snapshots):
    snapshots.take("empty")
    Group.objects.create(name="a")
    snapshots.take("with-a")
    Group.objects.create(name="b")
    snapshots.take("with-a-and-b")
    snapshots.restore("with-a")
    assert group_names() == ["a"]
    snapshots.restore("empty")
    assert group_names() == []
    snapshots.restore("with-a-and-b")
    assert group_names() == ["a", "b"]
    Group.objects.filter(name="b").delete()
    snapshots.take("with-a-and-b")  # taken again under the same name: the new contents
    Group.objects.filter(name="a").delete()
    snapshots.restore("with-a-and-b")
    assert group_names() == ["a"]
    assert snapshots.names() == ["empty", "with-a", "with-a-and-b"]


def test_no_snapshot_inside_a_transaction(snapshots):
    snapshots.take("one")
    with transaction.atomic():
        with pytest.raises(RuntimeError, match="inside a transaction"):
            snapshots.take("two")
        with pytest.raises(RuntimeError, match="inside a transaction"):
            snapshots.restore("one")
    assert snapshots.names() == ["one"]


def test_unknown_snapshot(snapshots):
    with pytest.raises(KeyError):
        snapshots.restore("never-taken")


def test_restore_forgets_the_content_type_cache(snapshots):
    kind = ContentType.objects.get_for_model(Group)
    snapshots.take("one")
    ContentType.objects.filter(pk=kind.pk).update(model="renamed-group")
    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_id(kind.pk).model == "renamed-group"  # now cached
    snapshots.restore("one")
    assert ContentType.objects.get_for_id(kind.pk).model == "group"
