"""Reminding: the village's printable list of those still due, and the day they were reminded recorded on each."""

from hrss.pensions.certification import services
from hrss.pensions.models import Certification
from tests.conftest import TODAY, VILLAGE

from .conftest import DAY, certification_of


def test_reminded_are_those_due(pensioner, start, village_assistant, client):
    due, done = pensioner("王大爷"), pensioner("李大娘")
    campaign = start(opens_on=TODAY - 5 * DAY, closes_on=TODAY + 30 * DAY, today=TODAY - 5 * DAY)
    services.certify(actor=village_assistant, certification=certification_of(campaign, done), method="visit",
                     on=TODAY, today=TODAY)
    client.force_login(village_assistant)
    page = client.get("/pensions/certification/people/reminders/", {"region": VILLAGE}).content.decode()
    assert "王大爷" in page and "李大娘" not in page and due.person.id_number not in page
    response = client.post(f"/pensions/certification/people/reminders/?region={VILLAGE}&year={campaign.year}")
    assert response.status_code == 302
    assert dict(Certification.objects.values_list("person__name", "reminded_on")) == {"王大爷": TODAY,
                                                                                       "李大娘": None}
