"""hrss demo --people: three flexible registrations in 下城社区 (one verified); run twice, nothing more."""

from django.core.management import call_command

from hrss.assistance.models import FlexibleRegistration


def test_the_demo_registers_flexible_work_once(heyuan, capsys):
    call_command("demo", "--people", "300", "--seed", "2011")
    assert "灵活就业登记" in capsys.readouterr().out
    made = FlexibleRegistration.objects.filter(region_code="441602001003")
    assert made.count() >= 3 and made.filter(verified_on__isnull=False).exists()
    count = made.count()
    call_command("demo", "--people", "300", "--seed", "2011")
    assert FlexibleRegistration.objects.filter(region_code="441602001003").count() == count
