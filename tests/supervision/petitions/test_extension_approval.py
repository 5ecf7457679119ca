"""F13: a petition's 办理期限 is extended only "经本机关、单位负责人批准" (《信访工作条例》第三十二条): the clerk who
handles it cannot, on the service, the page or the API; the leader of the office holding it (上城街道's 审核员) records
it and is named as its approver; the petitioner's printed notice becomes a 延期告知书 with the new due date, the
reason and the day."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from hrss.core.models import AuditEntry
from hrss.supervision.models import PetitionEvent
from hrss.supervision.petitions import services
from tests.conftest import TODAY
from tests.supervision.petitions.conftest import accepted
from tests.supervision.petitions.test_api import call


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_clerk_cannot_extend_alone_anywhere(heyuan, village_assistant, township_officer):
    petition = accepted(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY)
    with pytest.raises(PermissionDenied) as refused:
        services.extend(actor=township_officer, petition=petition, days=10, reason="需调取考勤记录", today=TODAY)
    assert "延长办理期限须经本机关负责人批准（《信访工作条例》第三十二条）" in str(refused.value)
    assert "上城街道负责人" in str(refused.value)
    assert AuditEntry.objects.filter(action="supervision.petitions.extend").exists()  # the refusal is audited
    client = logged_in(township_officer)
    page = client.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert "petition-extend-form" not in page and 'data-testid="petition-extend-by-leader"' in page
    assert "须经本机关负责人批准" in page
    posted = client.post(f"/supervision/petitions/{petition.pk}/extend/", {"days": "10", "reason": "需调取考勤记录"})
    assert posted.status_code == 403 and "须经本机关负责人批准" in posted.content.decode()
    api = call(township_officer, "post", f"/supervision/petitions/{petition.pk}/extension",
               {"days": 10, "reason": "需调取考勤记录"})
    assert api.status_code == 403 and "须经本机关负责人批准" in api.json()["detail"]
    petition.refresh_from_db()
    assert petition.extension_days is None and petition.extension_approved_by is None


def test_the_leader_of_another_office_cannot_extend_it(heyuan, village_assistant, township_officer,
                                                       county_approver):
    petition = accepted(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY)
    with pytest.raises(PermissionDenied):  # the county's approver leads the county's office, not the township's
        services.extend(actor=county_approver, petition=petition, days=10, reason="需调取考勤记录", today=TODAY)
    petition.refresh_from_db()
    assert petition.extension_days is None


def test_the_township_leader_extends_and_is_named_and_the_petitioner_is_told(heyuan, village_assistant,
                                                                            township_officer, township_reviewer):
    petition = accepted(village_assistant, township_officer, received_on=TODAY, accepted_on=TODAY)
    first_due = petition.handle_due
    leader = logged_in(township_reviewer)
    assert "petition-extend-form" in leader.get(f"/supervision/petitions/{petition.pk}/").content.decode()
    done = leader.post(f"/supervision/petitions/{petition.pk}/extend/", {"days": "20", "reason": "需调取工资台账"})
    assert done.status_code == 302
    petition.refresh_from_db()
    assert petition.extension_days == 20 and petition.extension_approved_by == township_reviewer
    assert petition.handle_due > first_due
    event = PetitionEvent.objects.get(petition=petition, kind="extended")
    assert event.by == township_reviewer and "经本机关负责人rita批准延长20日" in event.note
    page = logged_in(township_officer).get(f"/supervision/petitions/{petition.pk}/").content.decode()
    assert "经本机关负责人rita批准延长20日" in page and "延期告知书（打印）" in page
    receipt = logged_in(township_officer).get(f"/supervision/petitions/{petition.pk}/receipt/").content.decode()
    assert "信访事项延期告知书" in receipt
    new_due, first, on = (f"{day.year}年{day.month}月{day.day}日"
                          for day in (petition.handle_due, first_due, petition.extended_on))
    assert f"原定于{first}前办结" in receipt
    assert (f"因需调取工资台账，经本机关负责人于{on}批准，办理期限延长20日，由原办理期限{first}延至{new_due}"
            in receipt)
