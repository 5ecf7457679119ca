"""Services on the division hierarchy: loading Heyuan's divisions, and the changes divisions go through
(rename, moving a village to another township, merging two villages), each kept as a RegionEvent."""

import csv
from dataclasses import dataclass
from importlib import resources

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.core import audit, scoping
from hrss.core.models import Level, Region, RegionEvent
from hrss.core.permissions import REGION_MANAGE, check_acting_in, check_permission
from hrss.core.signals import regions_changed

PROVINCE = ("440000000000", "广东省", "省")
CITY = ("441600000000", "河源市", "地级市")

# NBS code ranges of the village segment: 001-199 residents' committees, 200-399 village committees.
COMMITTEE_RANGES = {"居委会": (1, 199), "村委会": (200, 399)}


def village_display_name(short_name, committee_type):
    """The name people use: 高塘村 for 高塘村村民委员会, 老隆村 for 老隆村民委员会, 下城社区 for 下城社区居民委员会."""
    if committee_type == "村委会":
        return short_name if short_name.endswith("村") else f"{short_name}村"
    return short_name if short_name.endswith("社区") else f"{short_name}社区"


def _read_csv(name):
    with resources.files("hrss.core").joinpath(f"data/heyuan/{name}").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_retired: int = 0


def heyuan_rows():
    """Every region of the bundled Heyuan data as (code, level, parent_code, name, full_name, kind)."""
    yield (*PROVINCE[:1], Level.PROVINCE, None, PROVINCE[1], PROVINCE[1], PROVINCE[2])
    yield (CITY[0], Level.CITY, PROVINCE[0], CITY[1], CITY[1], CITY[2])
    for row in _read_csv("counties.csv"):
        yield (row["code12"], Level.COUNTY, CITY[0], row["name"], row["name"], row["kind"])
    for row in _read_csv("townships.csv"):
        county_code = scoping.code_of_prefix(row["county_code6"])
        yield (row["code12"], Level.TOWNSHIP, county_code, row["name"], row["name"], row["kind"])
    for row in _read_csv("villages.csv"):
        name = village_display_name(row["short_name"], row["committee_type"])
        yield (row["code12"], Level.VILLAGE, row["township_code12"], name, row["name"], row["committee_type"])


def load_regions(*, actor=None):
    """Load Heyuan's divisions; running it again changes nothing. Names edited by administrators, the central-town
    flag, and villages that were moved or merged (their old codes are retired) are left as they are. `actor` None:
    the operator's command (hrss load-regions); a user must hold REGION_MANAGE for the whole city."""
    if actor is not None:
        check_permission(actor, REGION_MANAGE)
        check_acting_in(actor, region_code=CITY[0], action="core.regions.loaded",
                        message="区划数据全市通用，只有市级（或省级）系统管理员可以载入。")
    return _load_regions(actor=actor)


@transaction.atomic
def _load_regions(*, actor):
    result = LoadResult()
    retired = set(RegionEvent.objects.values_list("old_code", flat=True))
    existing = {region.code: region for region in Region.objects.all()}
    renamed = set(RegionEvent.objects.filter(kind=RegionEvent.Kind.RENAMED).values_list("region_id", flat=True))
    rows = list(heyuan_rows())
    # Level by level, so that every parent exists (with its primary key) before its children are inserted.
    for level in Level:
        new_regions = []
        for code, row_level, parent_code, name, full_name, kind in rows:
            if row_level != level:
                continue
            if code in retired and code not in existing:
                result.skipped_retired += 1
                continue
            region = existing.get(code)
            if region is None:
                parent = existing.get(parent_code) if parent_code else None
                new_regions.append(Region(code=code, level=level, parent=parent, name=name,
                                          full_name=full_name, kind=kind))
                continue
            wanted = {"level": level, "kind": kind, "full_name": full_name}
            if region.pk not in renamed:
                wanted["name"] = name
            changed = {field: value for field, value in wanted.items() if getattr(region, field) != value}
            if changed:
                for field, value in changed.items():
                    setattr(region, field, value)
                region.save(update_fields=list(changed))
                result.updated += 1
            else:
                result.unchanged += 1
        for region in Region.objects.bulk_create(new_regions, batch_size=500):
            existing[region.code] = region
        result.created += len(new_regions)
    if result.created or result.updated:
        audit.record(actor=actor, action="core.regions.loaded", region_code=CITY[0],
                     after={"created": result.created, "updated": result.updated})
    return result


def _check_managing(actor, action, *regions):
    """Refuse (PermissionDenied, audited, before the change's transaction so the entry stays) a change by a user
    without REGION_MANAGE or whose scope does not hold every region it touches. `actor` None: an operator's
    command."""
    if actor is None:
        return
    check_permission(actor, REGION_MANAGE)
    for region in regions:
        check_acting_in(actor, region_code=region.code, action=action, message="该区划不在您的管辖范围内。")


def rename_region(*, actor, region, new_name, effective_date=None, note=""):
    _check_managing(actor, "core.region.renamed", region)
    return _rename_region(actor=actor, region=region, new_name=new_name, effective_date=effective_date, note=note)


@transaction.atomic
def _rename_region(*, actor, region, new_name, effective_date, note):
    new_name = (new_name or "").strip()
    if not new_name:
        raise ValidationError("新名称不能为空。")
    if new_name == region.name:
        raise ValidationError("新名称与原名称相同。")
    event = RegionEvent.objects.create(
        region=region, kind=RegionEvent.Kind.RENAMED, effective_date=effective_date or timezone.localdate(),
        old_code=region.code, new_code=region.code, old_name=region.name, new_name=new_name,
        note=note, recorded_by=actor,
    )
    before = audit.snapshot(region, ["name"])
    region.name = new_name
    region.save(update_fields=["name"])
    audit.record(actor=actor, action="core.region.renamed", target=region, before=before, after={"name": new_name})
    return event


def _next_free_village_code(township, committee_type):
    low, high = COMMITTEE_RANGES[committee_type]
    taken = set(Region.objects.filter(parent=township).values_list("code", flat=True))
    retired = RegionEvent.objects.filter(old_code__range=scoping.code_range(township.prefix))
    taken |= set(retired.values_list("old_code", flat=True))
    for number in range(low, high + 1):
        code = f"{township.prefix}{number:03d}"
        if code not in taken:
            return code
    raise ValidationError(f"“{township.name}”下已没有可用的{committee_type}代码。")


def _recode_records(old_code, new_code):
    """Move every scoped record of a village from its old code to its new one (registry-driven, so a new
    scoped model is covered as soon as it is registered)."""
    for model, field in scoping.models_following_region_changes():
        model._default_manager.filter(**{field: old_code}).update(**{field: new_code})


def move_village(*, actor, village, new_township, effective_date=None, note=""):
    """Put a village under another township. Its code changes to one under the new township (as the NBS does);
    its records follow it, and the old code is kept in the event and never reused. Both must be in the actor's
    scope."""
    _check_managing(actor, "core.region.moved", village, new_township)
    return _move_village(actor=actor, village=village, new_township=new_township, effective_date=effective_date,
                         note=note)


@transaction.atomic
def _move_village(*, actor, village, new_township, effective_date, note):
    if village.level != Level.VILLAGE:
        raise ValidationError("只能调整村(社区)的隶属关系。")
    if new_township.level != Level.TOWNSHIP or not new_township.is_active:
        raise ValidationError("目标必须是有效的乡镇(街道)。")
    if village.parent_id == new_township.pk:
        raise ValidationError(f"“{village.name}”已经隶属于“{new_township.name}”。")
    old_code, old_parent = village.code, village.parent
    new_code = _next_free_village_code(new_township, village.kind)
    event = RegionEvent.objects.create(
        region=village, kind=RegionEvent.Kind.MOVED, effective_date=effective_date or timezone.localdate(),
        old_code=old_code, new_code=new_code, old_name=village.name, new_name=village.name,
        old_parent_code=old_parent.code, new_parent_code=new_township.code, note=note, recorded_by=actor,
    )
    village.code, village.parent = new_code, new_township
    village.save(update_fields=["code", "parent"])
    _recode_records(old_code, new_code)
    regions_changed.send(sender=Region, region=village)
    audit.record(actor=actor, action="core.region.moved", target=village,
                 before={"code": old_code, "parent": old_parent.code},
                 after={"code": new_code, "parent": new_township.code})
    return event


def merge_villages(*, actor, source, target, effective_date=None, note=""):
    """Merge `source` into `target`: its people, cases and staff move to `target`, and `source` stays in the
    database as inactive (merged_into = target) so old references and reports can still name it. Both must be in
    the actor's scope."""
    _check_managing(actor, "core.region.merged", source, target)
    return _merge_villages(actor=actor, source=source, target=target, effective_date=effective_date, note=note)


@transaction.atomic
def _merge_villages(*, actor, source, target, effective_date, note):
    if source.level != Level.VILLAGE or target.level != Level.VILLAGE:
        raise ValidationError("只能合并村(社区)。")
    if source.pk == target.pk:
        raise ValidationError("不能把村(社区)并入自身。")
    if not source.is_active or not target.is_active:
        raise ValidationError("已撤销的村(社区)不能参与合并。")
    event = RegionEvent.objects.create(
        region=source, kind=RegionEvent.Kind.MERGED, effective_date=effective_date or timezone.localdate(),
        old_code=source.code, new_code=target.code, old_name=source.name, new_name=target.name,
        old_parent_code=source.parent.code, new_parent_code=target.parent.code, merged_into=target,
        note=note, recorded_by=actor,
    )
    _recode_records(source.code, target.code)
    source.staff.update(region=target)
    source.is_active, source.merged_into = False, target
    source.save(update_fields=["is_active", "merged_into"])
    regions_changed.send(sender=Region, region=source)
    audit.record(actor=actor, action="core.region.merged", target=source,
                 before={"code": source.code, "is_active": True},
                 after={"merged_into": target.code, "is_active": False})
    return event


def set_central_town(*, actor, township, is_central_town):
    _check_managing(actor, "core.region.central_town_set", township)
    return _set_central_town(actor=actor, township=township, is_central_town=is_central_town)


@transaction.atomic
def _set_central_town(*, actor, township, is_central_town):
    if township.level != Level.TOWNSHIP:
        raise ValidationError("中心镇标记只适用于乡镇(街道)。")
    before = audit.snapshot(township, ["is_central_town"])
    township.is_central_town = bool(is_central_town)
    township.save(update_fields=["is_central_town"])
    audit.record(actor=actor, action="core.region.central_town_set", target=township, before=before,
                 after={"is_central_town": township.is_central_town})
    return township
