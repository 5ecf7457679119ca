"""hrss demo --people N gives the demo logins employers with open vacancies in 下城社区 and 上城街道."""

from django.core.management import call_command

from hrss.jobservices.models import Employer, Vacancy, VacancyStatus


def test_the_demo_registers_employers_with_open_vacancies_once(heyuan, capsys):
    call_command("demo", "--people", "50", "--seed", "2011")
    assert Employer.objects.filter(region_code__in=["441602001003", "441602001000"]).count() == 3
    assert Employer.objects.filter(uscc__startswith="N2").count() == 1  # the 居委会
    open_vacancies = Vacancy.objects.filter(status=VacancyStatus.OPEN)
    assert open_vacancies.count() == 5
    assert set(open_vacancies.values_list("occupation_code", flat=True)) >= {"4-01-02-04", "4-10"}
    call_command("demo", "--people", "50", "--seed", "2011")
    assert Employer.objects.count() == 3 and Vacancy.objects.count() == 5
