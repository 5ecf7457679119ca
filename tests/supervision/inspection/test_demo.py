"""hrss demo: the inspector's login is printed with the others; with --people, cases of 源城区 in every stage."""

import io

from django.core.management import call_command

from hrss.accounts.models import User
from hrss.supervision.models import InspectionCase


def test_the_demo_makes_the_inspector_and_cases_in_every_stage(heyuan):
    out = io.StringIO()
    call_command("demo", "--people", "50", "--seed", "7", stdout=out)
    printed = out.getvalue()
    assert "yuancheng_inspector" in printed and "劳动保障监察员" in printed
    inspector = User.objects.get(username="yuancheng_inspector")
    assert inspector.region.code == "441602000000"
    states = set(InspectionCase.objects.values_list("state", flat=True))
    assert {"received", "open", "concluded"} <= states
    assert InspectionCase.objects.filter(extension_state="requested").exists()
    again = InspectionCase.objects.count()
    call_command("demo", stdout=io.StringIO())
    assert InspectionCase.objects.count() == again
