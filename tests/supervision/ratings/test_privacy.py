"""A complaint about a staff member is never shown to that member's own account: not on the list, its page, the
export, the statistics or the API; the colleague who handles it sees it all."""

import pytest

from hrss.core.permissions import Role
from hrss.supervision.models import ComplaintOrigin
from hrss.supervision.ratings import services
from tests.conftest import TODAY, TOWNSHIP
from tests.supervision.ratings.helpers import call, logged_in, xlsx_cells


@pytest.fixture
def complaint(heyuan, make_user, township_officer):
    colleague = make_user("tom", TOWNSHIP, Role.TOWNSHIP_OFFICER)
    return services.record_complaint(
        actor=colleague, office_code=TOWNSHIP, about_staff=township_officer, origin=ComplaintOrigin.VISIT,
        text="窗口人员推诿", received_on=TODAY, complainant_name="孙八", complainant_phone="13912345678")


def _surfaces(user, complaint):
    client = logged_in(user)
    return {
        "list": client.get("/supervision/complaints/").content.decode(),
        "page": client.get(f"/supervision/complaints/{complaint.pk}/"),
        "export": xlsx_cells(client.get("/supervision/complaints/export/")),
        "api list": call(user, "get", "/supervision/complaints").json(),
        "api read": call(user, "get", f"/supervision/complaints/{complaint.pk}"),
        "api reply": call(user, "post", f"/supervision/complaints/{complaint.pk}/reply", {"reply": "不属实", "outcome": "unfounded"}),
        "offices": client.get("/supervision/ratings/offices/").content.decode(),
    }


def test_the_person_complained_about_sees_neither_the_complaint_nor_who_made_it(complaint, township_officer):
    seen = _surfaces(township_officer, complaint)
    assert "窗口人员推诿" not in seen["list"] and "孙八" not in seen["list"]
    assert seen["page"].status_code == 404
    assert "孙八" not in seen["export"] and "13912345678" not in seen["export"] and "窗口人员推诿" not in seen["export"]
    assert seen["api list"] == []
    assert seen["api read"].status_code == 404 and seen["api reply"].status_code == 404
    complaint.refresh_from_db()
    assert complaint.is_open


def test_the_colleague_who_handles_it_sees_it_all(complaint, township_officer):
    from hrss.accounts.models import User

    seen = _surfaces(User.objects.get(username="tom"), complaint)
    assert "窗口人员推诿" in seen["list"]
    assert "孙八" in seen["page"].content.decode() and "13912345678" in seen["page"].content.decode()
    assert "孙八" in seen["export"] and "13912345678" in seen["export"]
    assert [row["complainant_name"] for row in seen["api list"]] == ["孙八"]
    assert seen["api read"].json()["complainant_phone"] == "13912345678"
    assert seen["api reply"].status_code == 200 and seen["api reply"].json()["state"] == "closed"


def test_the_county_above_sees_it_and_the_person_does_not_learn_of_it_from_the_figures(complaint, county_officer,
                                                                                     township_officer):
    assert "窗口人员推诿" in logged_in(county_officer).get("/supervision/complaints/").content.decode()
    figures = logged_in(township_officer).get("/supervision/ratings/offices/").content.decode()
    assert "该月没有" in figures  # not even counted where its subject can see
