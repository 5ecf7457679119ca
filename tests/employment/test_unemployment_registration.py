import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core import review
from hrss.core.models import AuditEntry, ReviewCase, ReviewDecision
from hrss.employment import services
from hrss.employment.models import UnemploymentRegistration
from hrss.residents.models import LabourStatus
from tests.conftest import TODAY as FROZEN_DAY
from tests.conftest import login

D = datetime.date
Action = ReviewDecision.Action
TODAY = D(2026, 11, 25)


def apply(person, actor, **overrides):
    values = {"category": "lost_job", "wants_work": True, "able_to_work": True,
              "documents": ["id_card", "termination_proof"], "last_employer": "河源市某电子厂",
              "left_job_on": FROZEN_DAY - datetime.timedelta(days=10), "today": TODAY}
    return services.apply_for_unemployment_registration(actor=actor, person=person, **(values | overrides))


def reasons(error):
    return " ".join(error.value.messages)


@pytest.mark.parametrize(("birth", "eligible"), [
    (D(2010, 11, 25), True),  # 16 today
    (D(2010, 11, 26), False),  # 16 tomorrow: aged 15
])
def test_the_minimum_age_is_sixteen_full_years(person_born, village_assistant, birth, eligible):
    person = person_born(birth, status=LabourStatus.OTHER)
    if eligible:
        assert apply(person, village_assistant).status == UnemploymentRegistration.Status.PENDING
    else:
        with pytest.raises(ValidationError) as refused:
            apply(person, village_assistant)
        assert "未满16周岁（现15岁）" in reasons(refused)


@pytest.mark.parametrize(("birth", "eligible"), [
    # A man born in 1966-02 retires at 60 years 4 months, in 2026-06; born 1966-08, at 60y6m, in 2027-02.
    (D(1966, 2, 10), False),
    (D(1966, 8, 10), True),
])
def test_a_man_past_his_retirement_month_cannot_register(person_born, village_assistant, birth, eligible):
    person = person_born(birth)
    if eligible:
        assert apply(person, village_assistant)
    else:
        with pytest.raises(ValidationError) as refused:
            apply(person, village_assistant)
        assert "已达到法定退休年龄（60岁4个月）" in reasons(refused)


def test_someone_employed_in_the_ledger_is_refused_with_what_to_do(person_born, village_assistant):
    person = person_born(D(1990, 5, 1), status=LabourStatus.EMPLOYED)
    with pytest.raises(ValidationError) as refused:
        apply(person, village_assistant)
    assert "台账中现为“单位就业”" in reasons(refused) and "记录就业状态变化" in reasons(refused)
    assert not ReviewCase.objects.exists()


def test_a_second_registration_is_refused_while_one_is_pending(person_born, village_assistant):
    person = person_born(D(1990, 5, 1))
    apply(person, village_assistant)
    with pytest.raises(ValidationError) as refused:
        apply(person, village_assistant)
    assert "已有一份审核中的失业登记申请" in reasons(refused)
    assert UnemploymentRegistration.objects.count() == 1


def test_whoever_lost_a_job_shows_the_termination_certificate(person_born, village_assistant):
    person = person_born(D(1990, 5, 1))
    with pytest.raises(ValidationError) as refused:
        apply(person, village_assistant, documents=["id_card"], wants_work=False)
    assert "缺少材料：终止/解除劳动关系证明" in reasons(refused)
    assert "本人须有就业要求" in reasons(refused)
    assert apply(person, village_assistant, category="graduate", documents=["id_card"])


def test_an_intake_outside_the_assistants_village_is_refused_and_audited(person_born, neighbour_village_assistant):
    person = person_born(D(1990, 5, 1))
    with pytest.raises(PermissionDenied):
        apply(person, neighbour_village_assistant)
    assert AuditEntry.objects.filter(actor=neighbour_village_assistant, outcome=AuditEntry.Outcome.DENIED,
                                     subject_id_number=person.id_number).exists()


def test_the_chain_from_village_to_county_registers_the_person_as_unemployed(
        person_born, village_assistant, township_reviewer, county_officer, county_approver):
    person = person_born(D(1990, 5, 1))
    registration = apply(person, village_assistant, today=None,
                         left_job_on=FROZEN_DAY - datetime.timedelta(days=10))
    assert list(review.queue_for(township_reviewer)) == [registration.case]
    assert not review.queue_for(county_approver).exists()
    registration = services.decide_unemployment_registration(
        actor=township_reviewer, registration=registration, action=Action.FORWARD,
        version=registration.case.version)
    assert list(review.queue_for(county_officer)) == [registration.case]
    registration = services.decide_unemployment_registration(
        actor=county_officer, registration=registration, action=Action.FORWARD, version=registration.case.version)
    assert list(review.queue_for(county_approver)) == [registration.case]
    registration = services.decide_unemployment_registration(
        actor=county_approver, registration=registration, action=Action.APPROVE, version=registration.case.version)
    today = FROZEN_DAY
    assert (registration.status, registration.registered_on) == (UnemploymentRegistration.Status.REGISTERED, today)
    person.refresh_from_db()
    assert person.labour_status == LabourStatus.UNEMPLOYED and person.status_since == today
    assert person.status_events.filter(status=LabourStatus.UNEMPLOYED, note="失业登记").exists()
    with pytest.raises(ValidationError, match="已登记失业"):
        apply(person, village_assistant)


def test_a_refused_registration_leaves_the_ledger_unchanged(person_born, village_assistant, township_reviewer):
    person = person_born(D(1990, 5, 1))
    registration = apply(person, village_assistant)
    registration = services.decide_unemployment_registration(
        actor=township_reviewer, registration=registration, action=Action.REJECT, version=registration.case.version,
        reason="本人已在深圳就业")
    assert registration.status == UnemploymentRegistration.Status.NOT_REGISTERED
    person.refresh_from_db()
    assert person.labour_status == LabourStatus.FARMING
    assert apply(person, village_assistant)  # may apply again later


# --- pages ---------------------------------------------------------------------------------------------------


def test_the_apply_page_shows_why_someone_cannot_register(client, person_born, village_assistant):
    person = person_born(D(1990, 5, 1), status=LabourStatus.EMPLOYED)
    page = login(client, village_assistant).get(f"/employment/unemployment/apply/{person.pk}/")
    assert "处于就业状态的人员不能登记失业" in page.content.decode()


def test_an_assistant_takes_in_an_application_from_the_person_page(client, person_born, village_assistant):
    person = person_born(D(1990, 5, 1))
    client = login(client, village_assistant)
    assert "办理失业登记" in client.get(f"/residents/{person.pk}/").content.decode()
    page = client.post(f"/employment/unemployment/apply/{person.pk}/", {
        "category": "lost_job", "wants_work": "on", "able_to_work": "on",
        "documents": ["id_card", "termination_proof"], "last_employer": "某厂",
        "left_job_on": FROZEN_DAY - datetime.timedelta(days=10),
        "note": "材料齐全"}, follow=True)
    body = page.content.decode()
    assert "已受理 张三 的失业登记" in body and "乡镇(街道)审核" in body and "材料齐全" in body


def test_the_township_queue_shows_the_deadline_and_a_reviewer_forwards(client, person_born, village_assistant,
                                                                       township_reviewer):
    registration = apply(person_born(D(1990, 5, 1)), village_assistant)
    client = login(client, township_reviewer)
    queue = client.get("/employment/queue/").content.decode()
    assert "张三 失业登记" in queue and "剩" in queue
    page = client.post(f"/employment/unemployment/{registration.pk}/act/",
                       {"action": "forward", "version": registration.case.version}, follow=True)
    assert "县(区)经办" in page.content.decode()


def test_a_stale_page_is_told_to_reload_and_changes_nothing(client, person_born, village_assistant,
                                                            township_reviewer):
    registration = apply(person_born(D(1990, 5, 1)), village_assistant)
    stale_version = registration.case.version
    services.decide_unemployment_registration(actor=township_reviewer, registration=registration,
                                              action=Action.RETURN, version=stale_version, reason="缺材料")
    page = login(client, township_reviewer).post(
        f"/employment/unemployment/{registration.pk}/act/",
        {"action": "reject", "version": stale_version, "reason": "不符合"}, follow=True)
    assert "请刷新页面" in page.content.decode()
    registration.refresh_from_db()
    assert registration.status == UnemploymentRegistration.Status.PENDING
    assert registration.case.status == ReviewCase.Status.RETURNED


def test_a_village_assistant_cannot_approve_her_own_intake(client, person_born, village_assistant):
    registration = apply(person_born(D(1990, 5, 1)), village_assistant)
    response = login(client, village_assistant).post(f"/employment/unemployment/{registration.pk}/act/",
                                                     {"action": "forward", "version": registration.case.version})
    assert response.status_code == 403
    registration.case.refresh_from_db()
    assert registration.case.step == "township_review"


def test_a_township_officer_is_told_before_filling_in_that_the_village_takes_applications(client, person_born,
                                                                                         township_officer):
    person = person_born(D(1990, 5, 1))
    page = login(client, township_officer).get(f"/employment/unemployment/apply/{person.pk}/").content.decode()
    assert "协理员受理初审，您的角色不能受理" in page and "disabled" in page
