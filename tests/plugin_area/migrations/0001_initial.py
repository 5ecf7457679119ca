# The example area's model (tests only). It depends on the latest migrations of the apps it points at, so it
# follows them when they are squashed.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('core', '__latest__'),
        ('residents', '__latest__'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Visit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('region_code', models.CharField(db_index=True, max_length=12, verbose_name='区划代码')),
                ('title', models.CharField(max_length=100, verbose_name='事项')),
                ('recorded_at', models.DateTimeField(auto_now_add=True)),
                ('case', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='plugin_visit', to='core.reviewcase')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='plugin_visits', to='residents.person')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-recorded_at', '-id'],
            },
        ),
    ]
