"""就业服务统计 (/jobservices/statistics/): each part's figures per region, the children adding up to the total, a
child's name opening its own figures, a figure opening the list of the cases behind it, the user's scope kept."""

import datetime

import pytest
from django.urls import reverse

from hrss.jobservices.models import Employer, Vacancy
from hrss.jobservices.seekers import services as seekers_services
from hrss.residents import services as residents_services
from hrss.residents.models import LabourStatus
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE
from tests.residents.factories import make_id_number

URL = "/jobservices/statistics/"


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def seekers(heyuan, village_assistant, township_officer):
    """下城社区: 张求职 (picky) and 李不挑 (不挑不拣) looking for work, 王已结束 no longer; 公园社区: 赵邻居 (不挑不拣)."""
    made = {}
    for sequence, (name, code, not_selective, actor) in enumerate((
            ("张求职", VILLAGE, False, village_assistant), ("李不挑", VILLAGE, True, village_assistant),
            ("王已结束", VILLAGE, False, village_assistant), ("赵邻居", NEIGHBOUR_VILLAGE, True, township_officer)),
            start=11):
        person = residents_services.register_person(
            actor=actor, id_number=make_id_number(birth=datetime.date(1990, 5, 1), sequence=sequence * 2 + 1),
            name=name, village=heyuan[code], status=LabourStatus.UNEMPLOYED)[0]
        made[name] = seekers_services.register_seeker(
            actor=actor, person=person, occupations=["4-02-06-01"], mobility="county", not_selective=not_selective,
            wage_min=3000, today=TODAY)
    seekers_services.end_seeking(actor=village_assistant, seeker=made["王已结束"], reason="hired", today=TODAY)
    return made


@pytest.fixture
def employers(heyuan, county_officer):
    """Two employers of 下城社区 (one with an open vacancy, one with a closed one) and one of 公园社区."""
    shop = Employer.objects.create(name="下城超市", uscc="91441602MA4UXXXX1X", region_code=VILLAGE,
                                   created_by=county_officer)
    Employer.objects.create(name="下城物流", uscc="91441602MA4UXXXX2X", region_code=VILLAGE, created_by=county_officer)
    Employer.objects.create(name="公园餐饮", uscc="91441602MA4UXXXX3X", region_code=NEIGHBOUR_VILLAGE,
                            created_by=county_officer)
    for title, status in (("收银员", "open"), ("仓储管理员", "closed")):
        Vacancy.objects.create(employer=shop, region_code=VILLAGE, title=title, occupation_code="4-02-06-01",
                               headcount=2, opens_on=TODAY - datetime.timedelta(days=5), status=status,
                               closed_on=TODAY if status == "closed" else None, created_by=county_officer)


def figures(response, group):
    """{figure label: (total, {region name: count})} of one part's table, as the page shows it."""
    found = next(g for g in response.context["groups"] if g["name"] == group)
    return {figure.label: (count, {row["region"].name: row["cells"][index][1] for row in found["rows"]})
            for index, (figure, count) in enumerate(found["total"]["cells"])}


def test_a_township_sees_its_villages_adding_up_to_its_total(client, seekers, employers, county_officer):
    response = login(client, county_officer).get(URL, {"region": TOWNSHIP})
    assert response.status_code == 200 and "就业服务统计：上城街道" in response.content.decode()
    seekers_figures = figures(response, "求职登记")
    total, rows = seekers_figures["求职中"]
    assert total == 3 and rows["下城社区"] == 2 and rows["公园社区"] == 1 and sum(rows.values()) == total
    total, rows = seekers_figures["其中不挑不拣"]
    assert total == 2 and rows["下城社区"] == 1 and sum(rows.values()) == total
    employer_figures = figures(response, "用人单位与岗位")
    assert employer_figures["登记的用人单位"][0] == 3 and employer_figures["登记的用人单位"][1]["下城社区"] == 2
    assert employer_figures["在招岗位"][0] == 1
    assert 'data-testid="own-row"' not in response.content.decode()  # nothing of the township's own


def test_a_childs_name_opens_its_own_figures(client, seekers, county_officer):
    page = login(client, county_officer).get(URL, {"region": TOWNSHIP}).content.decode()
    assert f'href="?region={VILLAGE}"' in page
    response = client.get(URL, {"region": VILLAGE})
    assert "就业服务统计：下城社区" in response.content.decode()
    assert figures(response, "求职登记")["求职中"][0] == 2


def test_a_figure_opens_the_list_of_its_people(client, seekers, county_officer):
    page = login(client, county_officer).get(URL, {"region": VILLAGE}).content.decode()
    link = reverse("jobservices:seekers-list") + f"?region={VILLAGE}&amp;status=active&amp;not_selective=1"
    assert f'href="{link}"' in page
    listed = client.get(link.replace("&amp;", "&")).content.decode()
    assert "李不挑" in listed and "张求职" not in listed and "赵邻居" not in listed and "王已结束" not in listed
    everyone = client.get(reverse("jobservices:seekers-list"),
                          {"region": VILLAGE, "status": "active"}).content.decode()
    assert "李不挑" in everyone and "张求职" in everyone and "王已结束" not in everyone


def test_the_home_page_links_the_statistics(client, county_officer):
    page = login(client, county_officer).get(reverse("jobservices:home")).content.decode()
    assert f'href="{URL}"' in page and "就业服务统计" in page


def test_a_village_sees_only_its_village(client, seekers, employers, village_assistant):
    response = login(client, village_assistant).get(URL)
    assert "就业服务统计：下城社区" in response.content.decode()
    assert figures(response, "求职登记")["求职中"] == (2, {})
    assert figures(response, "用人单位与岗位")["登记的用人单位"][0] == 2
    assert client.get(URL, {"region": NEIGHBOUR_VILLAGE}).status_code == 404
    assert client.get(URL, {"region": TOWNSHIP}).status_code == 404


def test_every_figure_opens_a_list_the_user_may_read(client, county_officer):
    response = login(client, county_officer).get(URL, {"region": VILLAGE})
    names = [group["name"] for group in response.context["groups"]]
    assert names == ["用人单位与岗位", "求职登记", "推荐就业", "职业指导", "职业培训", "创业担保贷款"]
    for group in response.context["groups"]:
        for figure, _count in group["total"]["cells"]:
            listed = client.get(reverse(figure.url_name), {"region": VILLAGE, **figure.query})
            assert listed.status_code == 200, figure.label
