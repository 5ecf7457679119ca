import csv
from pathlib import Path

from django.db import migrations, models

# The classifications as shipped (hrss/core/data/classifications-README.md), read here with a copy of the reader
# (migrations import nothing of hrss): the CSV columns code,name,level,parent_code[,mark].
DATA = Path(__file__).resolve().parents[1] / "data"
OCCUPATIONS_FILE = DATA / "occupations-2022.csv"
INDUSTRIES_FILE = DATA / "gbt4754-2017.csv"


def _rows(path, columns):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames[:len(columns)] != list(columns):
            raise ValueError(f"{path}: unexpected header {reader.fieldnames}")
        return [{key: (row.get(key) or "").strip() for key in reader.fieldnames} for row in reader]


def load_classifications(apps, schema_editor):
    Occupation = apps.get_model("core", "Occupation")
    Industry = apps.get_model("core", "Industry")
    present = set(Occupation.objects.values_list("code", flat=True))
    Occupation.objects.bulk_create(
        Occupation(code=row["code"], name=row["name"], level=int(row["level"]), parent_code=row["parent_code"],
                   mark=row.get("mark", ""), edition="2022")
        for row in _rows(OCCUPATIONS_FILE, ("code", "name", "level", "parent_code")) if row["code"] not in present)
    present = set(Industry.objects.values_list("code", flat=True))
    Industry.objects.bulk_create(
        Industry(code=row["code"], name=row["name"], level=int(row["level"]), parent_code=row["parent_code"],
                 edition="2017")
        for row in _rows(INDUSTRIES_FILE, ("code", "name", "level", "parent_code")) if row["code"] not in present)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='Industry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=4, unique=True, verbose_name='行业代码')),
                ('name', models.CharField(max_length=100, verbose_name='行业名称')),
                ('level', models.PositiveSmallIntegerField(verbose_name='层级')),
                ('parent_code', models.CharField(blank=True, default='', max_length=4, verbose_name='上级代码')),
                ('edition', models.CharField(default='2017', max_length=4, verbose_name='版本')),
            ],
            options={
                'verbose_name': '国民经济行业分类',
                'verbose_name_plural': '国民经济行业分类',
                'ordering': ['code'],
                'constraints': [models.CheckConstraint(condition=models.Q(('level__gte', 1), ('level__lte', 4)), name='core_industry_level_valid')],
            },
        ),
        migrations.CreateModel(
            name='Occupation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=10, unique=True, verbose_name='职业代码')),
                ('name', models.CharField(blank=True, default='', max_length=100, verbose_name='职业名称')),
                ('level', models.PositiveSmallIntegerField(verbose_name='层级')),
                ('parent_code', models.CharField(blank=True, default='', max_length=10, verbose_name='上级代码')),
                ('mark', models.CharField(blank=True, default='', max_length=3, verbose_name='标识')),
                ('edition', models.CharField(default='2022', max_length=4, verbose_name='版本')),
            ],
            options={
                'verbose_name': '职业分类',
                'verbose_name_plural': '职业分类',
                'ordering': ['code'],
                'constraints': [models.CheckConstraint(condition=models.Q(('level__gte', 1), ('level__lte', 4)), name='core_occupation_level_valid')],
            },
        ),
        migrations.RunPython(load_classifications, migrations.RunPython.noop),
    ]
