"""Offices: who edits (own region, the township above a village, the county; the city reads), out of scope is 404,
the stored standing follows every write and the daily refresh, pages and API."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image

from hrss.accounts import services as account_services
from hrss.core.models import AuditEntry, Region
from hrss.network.models import OfficeStaff, OfficeStanding
from hrss.network.offices import selectors, services
from tests.conftest import COUNTY, NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE, login

DAY = datetime.timedelta(days=1)


def region(code):
    return Region.objects.get(code=code)


@pytest.fixture
def village_office(village_assistant):
    return services.office_for(actor=village_assistant, region=region(VILLAGE), today=TODAY)


@pytest.mark.parametrize("persona", ["village_assistant", "township_officer", "county_officer"])
def test_the_village_the_township_above_and_the_county_edit_a_village_office(request, persona, village_office):
    actor = request.getfixturevalue(persona)
    staff = services.add_staff(actor=actor, office=village_office, name="陈协理", employment="welfare_post",
                               monthly_pay="1900", today=TODAY)
    assert staff.office == village_office
    entry = AuditEntry.objects.filter(action="network.office_staff.added").latest("id")
    assert entry.actor == actor and entry.region_code == VILLAGE


def test_the_city_reads_but_does_not_edit(city_admin, village_office):
    with pytest.raises(PermissionDenied, match="市级查看"):
        services.add_staff(actor=city_admin, office=village_office, name="越权", employment="purchased", today=TODAY)
    assert not OfficeStaff.objects.exists()
    assert AuditEntry.objects.filter(action="network.office_staff.add", outcome="denied").count() == 1


def test_a_village_does_not_edit_its_township(village_assistant, township_officer):
    township = services.office_for(actor=township_officer, region=region(TOWNSHIP), today=TODAY)
    with pytest.raises(PermissionDenied):
        services.add_room(actor=village_assistant, office=township, function="office", area="30", today=TODAY)


def test_an_office_is_made_only_for_a_township_or_village(county_officer):
    with pytest.raises(ValidationError, match="不是乡镇"):
        services.office_for(actor=county_officer, region=region(COUNTY), today=TODAY)


def test_bad_input_says_what_to_fix_and_writes_nothing(village_assistant, village_office):
    with pytest.raises(ValidationError) as refused:
        services.add_staff(actor=village_assistant, office=village_office, name="", employment="boss",
                           monthly_pay="很多", today=TODAY)
    text = "；".join(refused.value.messages)
    assert "请填写姓名" in text and "请选择用工形式" in text and "不是金额" in text
    with pytest.raises(ValidationError, match="面积"):
        services.add_room(actor=village_assistant, office=village_office, function="office", area="-3", today=TODAY)
    assert not OfficeStaff.objects.exists()


def test_the_standing_follows_every_write_and_the_daily_refresh(village_assistant, village_office):
    standing = OfficeStanding.objects.get(office=village_office)
    assert standing.failing == 0 and standing.ok == 1  # software: its own assistant opened it today
    services.add_staff(actor=village_assistant, office=village_office, name="陈协理", employment="welfare_post",
                       monthly_pay="1900", today=TODAY)
    standing.refresh_from_db()
    assert "staff_count" in standing.failing_rules and standing.computed_on == TODAY
    later = TODAY + 40 * DAY
    assert services.refresh_standings(today=later) == 1
    standing.refresh_from_db()
    assert standing.computed_on == later and "software" in standing.unknown_rules
    out = io.StringIO()
    call_command("refresh-office-standings", "--on", TODAY.isoformat(), stdout=out)
    assert "1个" in out.getvalue()


def test_regions_without_an_office_count_as_unknown(village_assistant, village_office):
    summary = selectors.summary_under(region(TOWNSHIP))
    villages = Region.objects.filter(parent__code=TOWNSHIP, is_active=True).count()
    assert summary["offices"] == villages + 1 and summary["recorded"] == 1
    assert summary["all_ok"] == 0 and summary["unknown"] == summary["offices"] - summary["failing"]


def test_out_of_scope_office_pages_are_404(client, village_office, neighbour_village_assistant,
                                           neighbour_county_officer):
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        login(client, outsider)
        assert client.get(reverse("network:offices-detail", args=[village_office.pk])).status_code == 404
        assert client.get(reverse("network:offices-edit", args=[village_office.pk])).status_code == 404
        assert client.get(reverse("network:offices-open") + f"?region={VILLAGE}").status_code == 404


def test_the_office_page_shows_each_rule_with_its_evidence(client, township_officer, village_office):
    services.add_staff(actor=township_officer, office=village_office, name="陈协理", employment="welfare_post",
                       monthly_pay="1900", today=TODAY)
    out = io.BytesIO()
    Image.new("RGB", (30, 20), (1, 2, 3)).save(out, format="JPEG")
    photo = services.add_photo(actor=township_officer, office=village_office, upload=out.getvalue(), subject="sign",
                               caption="统一牌匾", today=TODAY)
    login(client, township_officer)
    text = client.get(reverse("network:offices-detail", args=[village_office.pk])).content.decode()
    assert "下城社区人力资源社会保障服务站" in text
    assert "不少于2名工作人员" in text and "1名（陈协理）" in text and "未达标" in text
    assert reverse("network:offices-photo", args=[photo.pk]) in text
    assert 'data-testid="offices-edit-link"' in text


def test_the_region_list_drills_down(client, county_officer, village_office):
    login(client, county_officer)
    text = client.get(reverse("network:offices-list")).content.decode()
    assert "上城街道" in text and f"?region={TOWNSHIP}" in text
    text = client.get(reverse("network:offices-list") + f"?region={TOWNSHIP}").content.decode()
    assert "下城社区" in text and "公园社区" in text and "尚未登记" in text
    text = client.get(reverse("network:offices-open") + f"?region={NEIGHBOUR_VILLAGE}").content.decode()
    assert "公园社区人力资源社会保障服务站" in text  # made on opening, its rules all unknown
    assert selectors.office_of(NEIGHBOUR_VILLAGE) is not None


def test_edit_forms_post_through_the_services(client, village_assistant, village_office):
    login(client, village_assistant)
    edit = reverse("network:offices-edit", args=[village_office.pk])
    assert client.get(edit).status_code == 200
    response = client.post(reverse("network:offices-staff-add", args=[village_office.pk]), {
        "name": "陈协理", "employment": "welfare_post", "monthly_pay": "1900"})
    assert response.status_code == 302
    response = client.post(reverse("network:offices-room-add", args=[village_office.pk]),
                           {"function": "windows", "area": "abc"})
    assert response.status_code == 200 and "不是数字" in response.content.decode()
    client.post(reverse("network:offices-facts", args=[village_office.pk]), {
        "network_connected": "yes", "rules_known": "on", "rules_on_wall": ["duties", "finance"]})
    facts = village_office.__class__.objects.get(pk=village_office.pk).facts
    assert facts.network_connected is True and facts.rules_on_wall == ["duties", "finance"] and facts.has_sign is None
    response = client.post(reverse("network:offices-photo-add", args=[village_office.pk]), {
        "subject": "sign", "photo": io.BytesIO(b"<html><script>alert(1)</script></html>")})
    assert response.status_code == 200 and "脚本" in response.content.decode()


def test_the_api_lists_reads_and_writes(village_assistant, village_office):
    api = Client(headers={"Authorization": f"Bearer {account_services.create_token(actor=None, user=village_assistant)}"})
    body = api.get(f"/api/v1/network/offices/{VILLAGE}").json()
    assert body["region_code"] == VILLAGE and {r["rule"] for r in body["rules"]} >= {"staff_count", "network"}
    response = api.post(f"/api/v1/network/offices/{VILLAGE}/staff", {"name": "陈协理", "employment": "welfare_post",
                                                                     "monthly_pay": "1900"},
                        content_type="application/json")
    assert response.status_code == 201
    response = api.post(f"/api/v1/network/offices/{VILLAGE}/staff", {"name": "王", "employment": "boss"},
                        content_type="application/json")
    assert response.status_code == 422 and "用工形式" in response.json()["detail"]
    response = api.put(f"/api/v1/network/offices/{VILLAGE}/facts", {"network_connected": True},
                       content_type="application/json")
    assert response.status_code == 200
    body = api.get(f"/api/v1/network/offices/{VILLAGE}").json()
    network = next(r for r in body["rules"] if r["rule"] == "network")
    assert network["ok"] is True and body["staff"][0]["monthly_pay"] == "1900.00"
    listing = api.get(f"/api/v1/network/offices?region={VILLAGE}").json()
    assert listing["recorded"] == 1 and listing["rows"][0]["recorded"] is True


def test_the_api_refuses_the_city_a_write_and_outsiders_the_office(city_admin, neighbour_county_officer,
                                                                   village_office):
    def api(user):
        return Client(headers={"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"})

    response = api(city_admin).post(f"/api/v1/network/offices/{VILLAGE}/rooms", {"function": "office", "area": "20"},
                                    content_type="application/json")
    assert response.status_code == 403
    assert api(city_admin).get(f"/api/v1/network/offices/{VILLAGE}").status_code == 200
    assert api(neighbour_county_officer).get(f"/api/v1/network/offices/{VILLAGE}").status_code == 404


def test_the_task_refreshes_every_standing(village_assistant, village_office):
    from hrss.network.offices.tasks import refresh_office_standings

    later = TODAY + 40 * DAY
    result = refresh_office_standings.enqueue(later.isoformat())
    assert result.return_value == 1
    assert OfficeStanding.objects.get(office=village_office).computed_on == later


def _list_counts(client, code):
    """The 达标/未达标/未登记 badges of the office of `code` on the list of the township."""
    import re

    text = client.get(reverse("network:offices-list") + f"?region={TOWNSHIP}").content.decode()
    cell = text[text.index(f'data-testid="offices-open-{code}"'):]
    cell = cell[:cell.index("</a>")]
    return tuple(int(n) for n in re.findall(r"(?:达标|未达标|未登记) (\d+)</span>", cell)), cell


def _page_counts(client, office):
    import re

    text = client.get(reverse("network:offices-detail", args=[office.pk])).content.decode()
    found = re.search(r'data-testid="offices-counts">达标 <strong[^>]*>(\d+)</strong> 项，未达标 <strong[^>]*>(\d+)'
                      r'</strong> 项，未登记 <strong[^>]*>(\d+)</strong>', text)
    return tuple(int(n) for n in found.groups())


def test_the_list_agrees_with_the_office_page_after_activity_that_changes_the_software_rule(
        client, township_officer, village_assistant):
    """The software rule follows the audit log, which changes without an office write: the office page stores its
    live check again so the list (which reads the stored standing) says the same, with the day it was computed."""
    from hrss.core import audit

    office = services.office_for(actor=township_officer, region=region(VILLAGE), today=TODAY)
    login(client, township_officer)
    before, cell = _list_counts(client, VILLAGE)
    assert before[0] == 0 and f"（{TODAY:%Y-%m-%d}计算）" in cell  # only the township has acted for it yet
    audit.record(actor=village_assistant, action="accounts.login", region_code=VILLAGE)  # its own staff at work
    page = _page_counts(client, office)
    assert page[0] == before[0] + 1 and page[2] == before[2] - 1  # software now met, by the audit log
    assert _list_counts(client, VILLAGE)[0] == page
    # an older day asked on the page does not overwrite today's stored standing
    _page_counts_on = client.get(reverse("network:offices-detail", args=[office.pk])
                                 + f"?on={(TODAY - 60 * DAY).isoformat()}")
    assert _page_counts_on.status_code == 200
    assert _list_counts(client, VILLAGE)[0] == page
    assert OfficeStanding.objects.get(office=office).computed_on == TODAY


def test_on_a_phone_each_rules_result_comes_first_in_its_row(client, township_officer, village_office):
    """At 390 px the 要求 and 结果 columns are hidden (d-md-none / d-none d-md-table-cell): the result badge is at the
    start of the rule's own cell, so nothing needs sideways scrolling to be read (checked by a screenshot too)."""
    import re

    login(client, township_officer)
    text = client.get(reverse("network:offices-detail", args=[village_office.pk])).content.decode()
    row = re.search(r'<tr data-rule="staff_count">(.*?)</tr>', text, re.S).group(1)
    cells = re.findall(r"<td([^>]*)>(.*?)</td>", row, re.S)
    phone_cells = [body for attrs, body in cells if "d-none" not in attrs]
    assert 'data-testid="offices-rule-result">未登记</span> 人员配备' in phone_cells[0]
    assert "要求：不少于2名工作人员" in phone_cells[0]
