"""The acceptance tests' world: 上城街道's 服务所 recorded by its own officer so that it meets every rule in force
on TODAY except the six windows (新农保经办 is missing), the inspector of 源城区 (county_officer) and the city."""

import io

import pytest
from PIL import Image

from hrss.core.models import Region
from hrss.core.permissions import Role
from hrss.network.models import FindingResult
from hrss.network.offices import services as office_services
from hrss.network.standards import compliance
from hrss.network.standards.rules import MOTTO, WALL_RULES
from tests.conftest import NEIGHBOUR_COUNTY_TOWNSHIP, TODAY, TOWNSHIP

FIVE_WINDOWS = ("registration", "employment_service", "assistance", "retirees", "petitions")
EQUIPMENT = (("computer", 6), ("printer", 2), ("card_printer", 1), ("fax", 1), ("copier", 1), ("phone", 4),
             ("cabinet", 6), ("rack", 2), ("info_board", 1))


def png(colour=(10, 120, 10)):
    out = io.BytesIO()
    Image.new("RGB", (16, 16), colour).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def tina(township_officer):
    return township_officer


@pytest.fixture
def county_approver(make_user):
    from tests.conftest import COUNTY

    return make_user("cora", COUNTY, Role.COUNTY_APPROVER)


def record_office(officer, region_code, *, windows=FIVE_WINDOWS):
    office = office_services.office_for(actor=officer, region=Region.objects.get(code=region_code), today=TODAY)
    for index in range(4):
        office_services.add_staff(actor=officer, office=office, name=f"工作人员{index + 1}", employment="purchased",
                                  monthly_pay="3000", today=TODAY)
    for function, area in (("windows", "120"), ("office", "120"), ("archive", "50"), ("training", "60")):
        office_services.add_room(actor=officer, office=office, function=function, area=area, today=TODAY)
    for kind in windows:
        office_services.add_window(actor=officer, office=office, kind=kind, today=TODAY)
    for item, quantity in EQUIPMENT:
        office_services.add_equipment(actor=officer, office=office, item=item, quantity=quantity, today=TODAY)
    office_services.record_facts(actor=officer, office=office, has_sign=True, has_plaque=True, motto_on_wall=True,
                                 rules_on_wall=list(WALL_RULES), publicity_board=True, suggestion_box=True,
                                 info_board=True, network_connected=True, network_kind="政务外网",
                                 software_used=True, today=TODAY)
    return office


@pytest.fixture
def office(tina):
    """上城街道's office: every rule met but the six windows."""
    return record_office(tina, TOWNSHIP)


@pytest.fixture
def neighbour_office(make_user):
    officer = make_user("zed", NEIGHBOUR_COUNTY_TOWNSHIP, Role.TOWNSHIP_OFFICER)
    return record_office(officer, NEIGHBOUR_COUNTY_TOWNSHIP, windows=(*FIVE_WINDOWS, "rural_pension"))


def findings_as_recorded(office, on=TODAY, note="缺新农保经办窗口"):
    """Every rule's finding as the office's record says (a failing one with `note`)."""
    out = {}
    for result in compliance.check(office, on).results:
        result_code = {True: FindingResult.MEETS, False: FindingResult.FAILS}.get(result.ok, FindingResult.NOT_CHECKED)
        out[result.rule] = {"result": result_code, "note": note if result.ok is False else ""}
    return out


__all__ = ["MOTTO", "png"]
