from django.core.management import call_command

from hrss.core.models import ReviewCase
from hrss.employment.models import EmploymentCertificate, UnemploymentRegistration


def test_the_demo_gives_every_login_a_case_at_its_step(heyuan, capsys):
    call_command("demo", "--people", "300", "--seed", "2011")
    assert "已生成演示失业登记 7 件" in capsys.readouterr().out
    cases = ReviewCase.objects.filter(case_type="employment.unemployment_registration")
    steps = sorted(cases.values_list("status", "step"))
    assert ("open", "township_review") in steps and ("open", "county_approval") in steps
    assert ("open", "county_handling") in steps
    assert ("returned", "village_intake") in steps and ("approved", "county_approval") in steps
    assert EmploymentCertificate.objects.count() == 2
    assert UnemploymentRegistration.objects.filter(standing="cancelled", cancel_reason="hired").count() == 1
    every_case = ReviewCase.objects.count()  # the other areas' demo cases too
    call_command("demo", "--people", "300", "--seed", "2011")  # again: nothing more
    assert cases.count() == 7 and ReviewCase.objects.count() == every_case
