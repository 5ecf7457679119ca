import datetime

import pytest
from django.core.exceptions import ValidationError

from hrss.core import regions, scoping
from hrss.core.models import AuditEntry, Region, RegionEvent
from tests.conftest import NEIGHBOUR_TOWNSHIP, NEIGHBOUR_VILLAGE, VILLAGE


def test_renaming_keeps_the_old_name_in_history(heyuan, system_admin):
    village = heyuan[VILLAGE]
    regions.rename_region(actor=system_admin, region=village, new_name="下城新社区",
                          effective_date=datetime.date(2026, 3, 1), note="民政批复")
    village.refresh_from_db()
    assert village.name == "下城新社区"
    event = RegionEvent.objects.get(region=village)
    assert (event.kind, event.old_name, event.new_name) == ("renamed", "下城社区", "下城新社区")
    assert AuditEntry.objects.filter(action="core.region.renamed", actor=system_admin).count() == 1


def test_reloading_the_division_data_does_not_undo_a_rename(heyuan, system_admin):
    regions.rename_region(actor=system_admin, region=heyuan[VILLAGE], new_name="下城新社区")
    regions.load_regions(actor=None)
    assert Region.objects.get(code=VILLAGE).name == "下城新社区"


def test_moving_a_village_gives_it_a_code_under_the_new_township(heyuan, system_admin, village_assistant):
    village = heyuan[VILLAGE]
    event = regions.move_village(actor=system_admin, village=village, new_township=heyuan[NEIGHBOUR_TOWNSHIP])
    village.refresh_from_db()
    assert village.parent.code == NEIGHBOUR_TOWNSHIP
    assert village.code.startswith("441602002")
    assert 1 <= int(village.code[9:]) <= 199, "a 居委会 keeps a 居委会 code"
    assert (event.old_code, event.new_code) == (VILLAGE, village.code)
    # Its staff follow it: the assistant now falls under the new township's scope.
    village_assistant.refresh_from_db()
    assert scoping.code_is_within(village_assistant.region.code, NEIGHBOUR_TOWNSHIP)


def test_a_moved_villages_old_code_is_never_reloaded_or_reused(heyuan, system_admin):
    regions.move_village(actor=system_admin, village=heyuan[VILLAGE], new_township=heyuan[NEIGHBOUR_TOWNSHIP])
    result = regions.load_regions(actor=None)
    assert result.created == 0 and result.skipped_retired == 1
    assert not Region.objects.filter(code=VILLAGE).exists()
    # Moving another village into the old township does not take the retired code.
    moved_back = regions.move_village(actor=system_admin, village=Region.objects.get(code="441602002001"),
                                      new_township=heyuan["441602001000"])
    assert moved_back.new_code != VILLAGE


def test_merging_moves_staff_and_keeps_the_merged_village_inactive(heyuan, system_admin, village_assistant):
    source, target = heyuan[VILLAGE], heyuan[NEIGHBOUR_VILLAGE]
    regions.merge_villages(actor=system_admin, source=source, target=target)
    source.refresh_from_db()
    village_assistant.refresh_from_db()
    assert not source.is_active and source.merged_into == target
    assert village_assistant.region == target
    assert RegionEvent.objects.get(region=source, kind="merged").merged_into == target
    assert not scoping.regions_visible_to(village_assistant).filter(code=VILLAGE).exists()


def test_merging_a_village_into_itself_is_refused(heyuan, system_admin):
    with pytest.raises(ValidationError):
        regions.merge_villages(actor=system_admin, source=heyuan[VILLAGE], target=heyuan[VILLAGE])


def test_moving_a_township_is_refused(heyuan, system_admin):
    with pytest.raises(ValidationError, match="只能调整村"):
        regions.move_village(actor=system_admin, village=heyuan["441602001000"], new_township=heyuan[NEIGHBOUR_TOWNSHIP])


def test_central_town_flag_is_set_by_an_administrator(heyuan, system_admin):
    township = heyuan["441622100000"] if "441622100000" in heyuan else Region.objects.filter(level=4).first()
    regions.set_central_town(actor=system_admin, township=township, is_central_town=True)
    township.refresh_from_db()
    assert township.is_central_town
    regions.load_regions(actor=None)
    township.refresh_from_db()
    assert township.is_central_town, "reloading the data keeps the administrators' flag"


def test_region_management_from_the_page(client, heyuan, system_admin):
    client.force_login(system_admin)
    response = client.post(f"/regions/{VILLAGE}/move/", {"new_township_code": NEIGHBOUR_TOWNSHIP,
                                                        "effective_date": "2026-05-01", "note": "区划调整"})
    assert response.status_code == 302
    moved = RegionEvent.objects.get(kind="moved")
    assert moved.effective_date == datetime.date(2026, 5, 1)
    page = client.get(response.url).content.decode()
    assert "新江街道" in page and moved.old_code in page


def test_a_move_to_an_unknown_township_gets_a_clear_message(client, heyuan, system_admin):
    client.force_login(system_admin)
    response = client.post(f"/regions/{VILLAGE}/move/", {"new_township_code": "441699999000",
                                                        "effective_date": "2026-05-01"}, follow=True)
    assert "不存在或不在您的管辖范围内" in response.content.decode()
    assert not RegionEvent.objects.exists()
