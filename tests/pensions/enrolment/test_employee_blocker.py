"""A pending enrolment (待补齐材料) of someone in the employees' scheme can never be completed: its page says to
terminate it, and it is not counted as overdue."""

import datetime

from django.test import Client

from hrss.pensions.enrolment import selectors
from hrss.pensions.models import EmployeeSchemeRecord
from tests.conftest import TODAY

from .conftest import enrol

DAY = datetime.timedelta(days=1)


def test_a_pending_enrolment_of_an_employee_says_terminate_and_is_not_overdue(resident, village_assistant):
    enrolment = enrol(village_assistant, resident, documents=["id_card"], today=TODAY - 40 * DAY)
    client = Client()
    client.force_login(village_assistant)
    page = client.get(f"/pensions/enrolment/{enrolment.pk}/").content.decode()
    assert "已参加职工养老保险，请终止" not in page
    assert [row.pk for row in selectors.pending_overdue(village_assistant, None, TODAY)] == [enrolment.pk]
    record = EmployeeSchemeRecord.objects.create(person=resident, region_code=resident.region_code,
                                                 since=TODAY + DAY, employer_name="某公司",
                                                 created_by=village_assistant)
    assert "已参加职工养老保险，请终止" not in client.get(f"/pensions/enrolment/{enrolment.pk}/").content.decode()
    assert len(selectors.pending_overdue(village_assistant, None, TODAY)) == 1  # not yet in force
    EmployeeSchemeRecord.objects.filter(pk=record.pk).update(since=TODAY)
    page = client.get(f"/pensions/enrolment/{enrolment.pk}/").content.decode()
    assert "已参加职工养老保险，请终止" in page and "某公司" in page
    assert selectors.pending_overdue(village_assistant, None, TODAY) == []
