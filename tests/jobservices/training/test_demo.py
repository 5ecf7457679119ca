"""`hrss demo` gives the training part's logins something to do: wishes in 下城社区, a township course with trainees
and certificates, and a subsidy claim waiting for 源城区's 经办员."""

from django.core.management import call_command

from hrss.accounts.models import User
from hrss.core import review
from hrss.jobservices.models import Course, Enrolment, SubsidyClaim, TrainingWish
from hrss.jobservices.training.chains import TRAINING_SUBSIDY


def test_the_demo_makes_training_data_once(heyuan, capsys):
    call_command("demo", "--people", "300", "--seed", "2011")
    assert "培训补贴申领 1 份" in capsys.readouterr().out
    assert Course.objects.count() == 2 and TrainingWish.objects.exists()
    assert Enrolment.objects.filter(status="completed").count() == 2
    county_officer = User.objects.get(username="yuancheng")
    assert review.queue_for(county_officer, case_type=TRAINING_SUBSIDY.case_type).count() == 1
    call_command("demo", "--people", "300", "--seed", "2011")  # again: nothing more
    assert SubsidyClaim.objects.count() == 1
