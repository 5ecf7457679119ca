from collections import Counter

from django.core.management import call_command

from hrss.core.models import Level, Region
from hrss.core.regions import load_regions, village_display_name


def test_loads_all_of_heyuan(db):
    load_regions(actor=None)
    levels = Counter(Region.objects.values_list("level", flat=True))
    assert levels[Level.PROVINCE] == 1
    assert levels[Level.CITY] == 1
    assert levels[Level.COUNTY] == 6
    assert levels[Level.TOWNSHIP] == 101
    assert levels[Level.VILLAGE] == 1443
    kinds = Counter(Region.objects.filter(level=Level.VILLAGE).values_list("kind", flat=True))
    assert kinds == {"村委会": 1251, "居委会": 192}
    township_kinds = Counter(Region.objects.filter(level=Level.TOWNSHIP).values_list("kind", flat=True))
    assert township_kinds == {"街道": 6, "镇": 94, "乡": 1}


def test_every_region_hangs_under_the_right_parent(db):
    load_regions(actor=None)
    for region in Region.objects.select_related("parent").exclude(level=Level.PROVINCE):
        assert region.parent.level == region.level - 1
        assert region.code.startswith(region.parent.prefix)


def test_offices_are_named_as_the_plan_prescribes(db):
    load_regions(actor=None)
    assert Region.objects.get(code="441602001000").office_name == "上城街道人力资源和社会保障服务所"
    assert Region.objects.get(code="441621100000").office_name == "紫城镇人力资源和社会保障服务所"
    assert Region.objects.get(code="441602001003").office_name == "下城社区人力资源社会保障服务站"
    village = Region.objects.get(full_name="高塘村村民委员会")
    assert village.office_name == "高塘村人力资源社会保障服务站"
    assert Region.objects.get(code="441600000000").office_name == "河源市人力资源和社会保障局"


def test_village_names_drop_the_committee_suffix_but_keep_village_or_community():
    assert village_display_name("高塘村", "村委会") == "高塘村"
    assert village_display_name("老隆", "村委会") == "老隆村"
    assert village_display_name("下城社区", "居委会") == "下城社区"
    assert village_display_name("九和镇", "居委会") == "九和镇社区"


def test_loading_twice_changes_nothing(no_regions):
    first = load_regions(actor=None)
    snapshot = list(Region.objects.order_by("code").values_list("code", "name", "parent_id", "level", "kind"))
    second = load_regions(actor=None)
    assert first.created == 1552
    assert (second.created, second.updated, second.unchanged) == (0, 0, 1552)
    assert list(Region.objects.order_by("code").values_list("code", "name", "parent_id", "level", "kind")) == snapshot


def test_load_regions_command_reports_counts(no_regions, capsys):
    call_command("load-regions")
    assert "新增 1552" in capsys.readouterr().out
    call_command("load-regions")
    assert "新增 0" in capsys.readouterr().out
