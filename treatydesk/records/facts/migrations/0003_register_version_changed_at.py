from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("registry", "0002_audit_any_record"),
    ]

    operations = [
        migrations.AddField(
            model_name="registerversion",
            name="changed_at",
            field=models.DateTimeField(auto_now=True, null=True),
        ),
    ]
