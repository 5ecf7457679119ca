"""A lawful reason for a sex requirement copied from the template's list is accepted as it arrives: the import's
cells are NFKC-folded (full-width （） become ASCII ()), and the API may send either form."""

import unicodedata

import pytest

from hrss.jobservices.employers import services
from hrss.jobservices.models import SexRequirement, Vacancy
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db

MINE = dict(services.sex_reasons(SexRequirement.MALE, today=TODAY))["mine"]


def test_the_reason_copied_into_the_import_is_accepted(tmp_path, village_assistant, employer):
    path = tmp_path / "岗位.csv"
    path.write_text(f"岗位名称,职业,招聘人数,性别要求,性别要求的法定依据\n井下工,6,1,限男性,{MINE}\n", encoding="utf-8")
    result = services.import_vacancies(actor=village_assistant, employer=employer, path=str(path), today=TODAY)
    assert result.rejected == []
    assert Vacancy.objects.get(title="井下工").sex_reason == MINE


@pytest.mark.parametrize("reason", [MINE, unicodedata.normalize("NFKC", MINE)])
def test_the_reason_in_either_form_is_accepted_by_the_service(village_assistant, employer, reason):
    assert "(" in unicodedata.normalize("NFKC", MINE) and "(" not in MINE
    vacancy = services.add_vacancy(actor=village_assistant, employer=employer, title="井下工", occupation_code="6",
                                   headcount=1, opens_on=TODAY, sex_required="M", sex_reason=reason, today=TODAY)
    assert vacancy.sex_reason == MINE


def test_the_api_takes_the_folded_reason(township_officer, employer):
    from tests.jobservices.employers.test_api import api

    response = api(township_officer).post("/api/v1/vacancies", {
        "employer_id": employer.pk, "title": "井下工", "occupation_code": "6", "headcount": 1,
        "opens_on": TODAY.isoformat(), "sex_required": "M", "sex_reason": unicodedata.normalize("NFKC", MINE)},
        content_type="application/json")
    assert response.status_code == 201, response.content.decode()
    assert Vacancy.objects.get(pk=response.json()["id"]).sex_reason == MINE
