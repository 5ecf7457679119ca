"""Merging two villages that both have a grid cell, staff, leads and a receipt of the same notice: the merge goes
through, the merged village's staff, leads and receipt follow it to the target, its cell keeps its old code."""

from hrss.core import regions
from hrss.core.models import Region
from hrss.supervision.grid import selectors, services
from hrss.supervision.models import GridCell, GridStaff, Lead, NoticeReceipt
from hrss.supervision.publicity import services as publicity
from tests.conftest import NEIGHBOUR_VILLAGE, TOWNSHIP, VILLAGE
from tests.supervision.grid.conftest import region, report


def test_a_merge_of_two_cells_keeps_everything_reachable(heyuan, township_officer, village_assistant,
                                                         neighbour_village_assistant, system_admin):
    for code in (VILLAGE, NEIGHBOUR_VILLAGE):
        services.add_staff(actor=township_officer, region=region(code), name=f"网格员{code[-1]}", phone="13800000009",
                           post="full_time")
    report(village_assistant)
    report(neighbour_village_assistant, NEIGHBOUR_VILLAGE)
    notice = publicity.issue_notice(actor=township_officer, region=region(TOWNSHIP), title="通知", body="正文",
                                    audience=publicity.Audience.VILLAGES)
    regions.merge_villages(actor=system_admin, source=region(VILLAGE), target=region(NEIGHBOUR_VILLAGE))
    assert set(GridCell.objects.values_list("region_code", flat=True)) == {VILLAGE, NEIGHBOUR_VILLAGE}
    assert set(GridStaff.objects.values_list("region_code", flat=True)) == {NEIGHBOUR_VILLAGE}
    assert set(Lead.objects.values_list("region_code", flat=True)) == {NEIGHBOUR_VILLAGE}
    assert NoticeReceipt.objects.filter(notice=notice, region_code=NEIGHBOUR_VILLAGE).count() == 2
    target = Region.objects.get(code=NEIGHBOUR_VILLAGE)
    assert selectors.current_staff(township_officer, target).count() == 2
