"""Monthly rates are shown with two decimals everywhere (0.00%, 5.00%, 1.59%), not 1.59% beside 5.0% and 0.0%."""

import datetime
import re

from hrss.residents import services
from hrss.residents.models import LabourStatus
from tests.conftest import CITY, TODAY, VILLAGE, login
from tests.residents.factories import make_id_number


def test_every_rate_has_two_decimals(client, heyuan, city_admin, village_assistant):
    services.register_person(actor=village_assistant, id_number=make_id_number(birth=datetime.date(1990, 5, 1)),
                             name="张三", village=heyuan[VILLAGE], status=LabourStatus.EMPLOYED,
                             status_since=TODAY - datetime.timedelta(days=400))
    html = login(client, city_admin).get("/employment/ledgers/", {"region": CITY}).content.decode()
    rates = re.findall(r"([\d.]+)%", html)
    assert "0.00" in rates  # the city's, and 源城区's with one employed and none registered unemployed
    assert all(re.fullmatch(r"\d+\.\d\d", rate) for rate in rates), rates
