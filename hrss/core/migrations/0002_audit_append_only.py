from django.db import migrations

from hrss.core import audit_guard


def forwards(apps, schema_editor):
    audit_guard.install(schema_editor.connection, tables=["core_auditentry"])


def backwards(apps, schema_editor):
    audit_guard.uninstall(schema_editor.connection, tables=["core_auditentry"])


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
