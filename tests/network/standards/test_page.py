"""The standards page: the rules in force on a day, with their history, for every staff role."""

import pytest
from django.urls import reverse

from tests.conftest import login


@pytest.mark.parametrize("persona", ["village_assistant", "township_officer", "county_officer", "city_admin",
                                     "province_viewer"])
def test_every_staff_role_reads_the_standards(client, request, persona):
    login(client, request.getfixturevalue(persona))
    response = client.get(reverse("network:standards-list"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "不少于5名工作人员" in text and "不少于3名工作人员" in text and "不少于2名工作人员" in text
    assert "诚心服务，真情相助" in text and "新农保经办" in text


def test_before_the_plan_nothing_is_in_force(client, county_officer):
    login(client, county_officer)
    text = client.get(reverse("network:standards-list") + "?on=2011-11-20").content.decode()
    assert text.count("未生效或已废止") == 14
    assert "2011-11-21起" in text
    assert "格式有误" in client.get(reverse("network:standards-list") + "?on=2011-13-40", follow=True
                                    ).content.decode()
