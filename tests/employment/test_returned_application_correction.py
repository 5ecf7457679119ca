"""A case sent back for correction (退回补正) can be corrected by the village assistant who took it in: its fields
change (audited before → after), then it is resubmitted; an application that lost its job says when and where."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core import review
from hrss.core.models import AuditEntry, ReviewCase, ReviewDecision
from hrss.employment import services
from tests.conftest import TODAY, login

D = datetime.date
Action = ReviewDecision.Action
LEFT_ON = TODAY - datetime.timedelta(days=20)


def apply(person, actor, **overrides):
    values = {"category": "lost_job", "wants_work": True, "able_to_work": True,
              "documents": ["id_card", "termination_proof"], "last_employer": "河源市某电子厂",
              "left_job_on": LEFT_ON}
    return services.apply_for_unemployment_registration(actor=actor, person=person, **(values | overrides))


@pytest.fixture
def returned(person_born, village_assistant, township_reviewer):
    """An application 下城社区 took in, sent back by the township for its 失业日期."""
    registration = apply(person_born(D(1990, 5, 1)), village_assistant)
    services.decide_unemployment_registration(actor=township_reviewer, registration=registration,
                                              action=Action.RETURN, version=registration.case.version,
                                              reason="失业日期与解除劳动关系证明不一致")
    registration.refresh_from_db()
    registration.case.refresh_from_db()
    return registration


@pytest.mark.parametrize(("overrides", "message"), [
    ({"left_job_on": None}, "“从用人单位失业”须填写失业日期"),
    ({"last_employer": "  "}, "“从用人单位失业”须填写原工作单位"),
    ({"category": "business_closed", "documents": ["id_card"], "last_employer": "", "left_job_on": None},
     "“个体或私营业主停业、破产”须填写失业日期"),
])
def test_whoever_lost_work_says_when_and_where(person_born, village_assistant, overrides, message):
    with pytest.raises(ValidationError) as refused:
        apply(person_born(D(1990, 5, 1)), village_assistant, **overrides)
    assert message in " ".join(refused.value.messages)
    assert not ReviewCase.objects.exists()


def test_a_graduate_needs_no_employer(person_born, village_assistant):
    registration = apply(person_born(D(1990, 5, 1)), village_assistant, category="graduate", documents=["id_card"],
                         last_employer="", left_job_on=None)
    assert registration.case.status == ReviewCase.Status.OPEN


def test_the_assistant_corrects_a_returned_application_on_its_page_and_resubmits(client, returned,
                                                                                 village_assistant):
    client = login(client, village_assistant)
    url = f"/employment/unemployment/{returned.pk}/"
    page = client.get(url).content.decode()
    assert 'data-testid="correct"' in page and "保存更正" in page
    assert f'value="{LEFT_ON.isoformat()}"' in page  # the form starts from what the application says

    corrected_on = LEFT_ON - datetime.timedelta(days=3)
    page = client.post(url + "correct/", {
        "version": returned.case.version, "category": "lost_job", "left_job_on": corrected_on.isoformat(),
        "last_employer": "河源市某电子厂有限公司", "phone": "13800000000",
        "documents": ["id_card", "termination_proof"]}, follow=True).content.decode()
    assert "已保存更正" in page
    returned.refresh_from_db()
    assert (returned.left_job_on, returned.last_employer, returned.phone) == (
        corrected_on, "河源市某电子厂有限公司", "13800000000")
    entry = AuditEntry.objects.get(action="employment.unemployment.corrected")
    assert entry.before["left_job_on"] == LEFT_ON.isoformat()
    assert entry.after["left_job_on"] == corrected_on.isoformat()
    assert entry.after["last_employer"] == "河源市某电子厂有限公司"
    assert "category" not in entry.after  # only what changed

    returned.case.refresh_from_db()
    page = client.post(url + "act/", {"action": Action.RESUBMIT, "version": returned.case.version},
                       follow=True).content.decode()
    returned.case.refresh_from_db()
    assert returned.case.status == ReviewCase.Status.OPEN and returned.case.step == "township_review"
    assert 'data-testid="correct"' not in page  # back with the township: no more changes


def test_a_refused_correction_keeps_what_was_typed_and_says_what_to_fix(client, returned, village_assistant):
    client = login(client, village_assistant)
    page = client.post(f"/employment/unemployment/{returned.pk}/correct/", {
        "version": returned.case.version, "category": "lost_job", "left_job_on": "",
        "last_employer": "新写的单位名", "documents": ["id_card"]}).content.decode()
    assert "须填写失业日期" in page and "缺少材料：终止/解除劳动关系证明" in page
    assert 'value="新写的单位名"' in page
    returned.refresh_from_db()
    assert returned.last_employer == "河源市某电子厂" and returned.left_job_on == LEFT_ON


def test_a_returned_application_still_lacking_its_date_cannot_be_resubmitted(returned, village_assistant):
    # An application taken in before 失业日期 was required, sent back: it is corrected before it goes up again.
    type(returned).objects.filter(pk=returned.pk).update(left_job_on=None)
    returned.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.decide_unemployment_registration(actor=village_assistant, registration=returned,
                                                  action=Action.RESUBMIT, version=returned.case.version)
    assert "请先更正申请再重新提交" in " ".join(refused.value.messages)


def test_only_a_returned_case_is_corrected_and_only_by_its_village(returned, village_assistant,
                                                                  neighbour_village_assistant, township_reviewer):
    fields = {"category": "lost_job", "documents": ["id_card", "termination_proof"], "last_employer": "某厂",
              "left_job_on": LEFT_ON}
    with pytest.raises(PermissionDenied):
        services.correct_unemployment_application(actor=neighbour_village_assistant, registration=returned,
                                                  version=returned.case.version, **fields)
    with pytest.raises(PermissionDenied):  # the township sent it back; the village corrects it
        services.correct_unemployment_application(actor=township_reviewer, registration=returned,
                                                  version=returned.case.version, **fields)
    with pytest.raises(review.CaseChanged):  # a page loaded before the return
        services.correct_unemployment_application(actor=village_assistant, registration=returned,
                                                  version=returned.case.version - 1, **fields)
    services.decide_unemployment_registration(actor=village_assistant, registration=returned,
                                              action=Action.RESUBMIT, version=returned.case.version)
    returned.case.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.correct_unemployment_application(actor=village_assistant, registration=returned,
                                                  version=returned.case.version, **fields)
    assert "只有退回补正的申请可以更正" in " ".join(refused.value.messages)
