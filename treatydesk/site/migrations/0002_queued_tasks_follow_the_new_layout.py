"""Queued background tasks name the function they run by its import path; the code moved
(docs/architecture.md), so tasks queued before the move are pointed at the new paths."""

from django.db import migrations

MOVED = {
    "treatydesk.subscriptions.tasks.": "treatydesk.mail.subscribers.tasks.",
    "treatydesk.mailing.tasks.": "treatydesk.mail.mailings.tasks.",
    "treatydesk.obligations.tasks.": "treatydesk.records.obligations.tasks.",
}


def _rename(apps, mapping):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in mapping.items():
        for task in DBTaskResult.objects.filter(task_path__startswith=old).only("task_path"):
            task.task_path = new + task.task_path[len(old):]
            task.save(update_fields=["task_path"])


def forwards(apps, schema_editor):
    _rename(apps, MOVED)


def backwards(apps, schema_editor):
    _rename(apps, {new: old for old, new in MOVED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
