"""The demo's job seekers in 下城社区: registered by the demo assistant, some 不挑不拣, once."""

import io

from hrss.core.permissions import Role
from hrss.jobservices.models import JobSeeker
from hrss.jobservices.seekers.declare import PART
from tests.conftest import VILLAGE


def test_the_demo_registers_seekers_of_the_demo_village_once(make_user):
    make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    out = io.StringIO()
    assert PART.demo(out, {"people": 300}) is None and out.getvalue() == ""
    seekers = JobSeeker.objects.filter(region_code=VILLAGE)
    assert seekers.count() == 5 and seekers.filter(not_selective=True).count() == 3
    PART.demo(out, {"people": 300})
    assert JobSeeker.objects.count() == 5
