"""hrss demo's grid: staff in 下城社区 and 上城街道, a lead waiting for the township, one dismissed, one resolved."""

from hrss.core.permissions import Role
from hrss.supervision.grid import demo
from hrss.supervision.models import EmployerVisit, GridStaff, Lead
from tests.conftest import TOWNSHIP, VILLAGE


def test_the_demo_makes_cells_staff_leads_and_visits(heyuan, make_user):
    make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    make_user("shangcheng", TOWNSHIP, Role.TOWNSHIP_OFFICER)
    assert demo.generate() == 3
    assert set(GridStaff.objects.values_list("region_code", flat=True)) == {VILLAGE, TOWNSHIP}
    assert sorted(Lead.objects.values_list("state", flat=True)) == ["dismissed", "reported", "resolved"]
    assert EmployerVisit.objects.filter(region_code=VILLAGE).count() == 2
    assert demo.generate() == 0  # once
