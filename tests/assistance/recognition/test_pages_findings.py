"""The user trial's findings on the recognition pages: what the village sees on a posted application, the in-work
warning and the exit form's defaults, the person panel's reason instead of 申请认定, the documents of the chosen
category, the categories filter, the 公示名单's column and objection line, the success message of a pass."""

import datetime

from django.urls import reverse

from hrss.residents import services as residents_services
from tests.assistance.recognition.conftest import make_person, move
from tests.conftest import TODAY, login


def test_a_posted_application_for_the_village(client, in_notice, village_assistant):
    login(client, village_assistant)
    page = client.get(reverse("assistance:recognition-detail", args=[in_notice.pk])).content.decode()
    assert 'data-testid="status">公示中<' in page
    assert "公示地点（" not in page and 'value="withdraw"' not in page and "村(社区)不能撤回" in page
    # 办理进度 comes before the objection form in the page (a phone shows it first).
    assert page.index('data-testid="case-state"') < page.index('data-testid="objections"')


def test_the_pass_says_the_notice_period(client, applicant, village_assistant, township_reviewer):
    from tests.assistance.recognition.conftest import apply

    recognition = apply(village_assistant, applicant)
    login(client, township_reviewer)
    answer = client.post(reverse("assistance:recognition-act", args=[recognition.pk]),
                         {"action": "forward", "version": recognition.case.version}, follow=True)
    recognition.refresh_from_db()
    assert (f"审核通过，公示期 {recognition.notice_from:%Y-%m-%d} 至 {recognition.notice_until:%Y-%m-%d}"
            in answer.content.decode())


def test_in_work_while_recognised(client, recognised, village_assistant):
    started = TODAY - datetime.timedelta(days=5)
    residents_services.record_status_change(actor=village_assistant, person=recognised.person, status="employed",
                                            effective_date=started)
    login(client, village_assistant)
    page = client.get(reverse("assistance:recognition-detail", args=[recognised.pk])).content.decode()
    assert f"台账显示已就业（单位就业，{started:%Y-%m-%d}起），应办理退出" in page
    assert f'value="{started:%Y-%m-%d}"' in page and '<option value="stable_work" selected' in page
    panel = client.get(reverse("residents:person-detail", args=[recognised.person.pk])).content.decode()
    assert "应办理退出" in panel and "不能申请认定" in panel
    client.post(reverse("assistance:recognition-exit", args=[recognised.pk]),
                {"reason": "stable_work", "exited_on": started.isoformat()})
    recognised.refresh_from_db()
    assert recognised.status == "exited"
    page = client.get(reverse("assistance:recognition-detail", args=[recognised.pk])).content.decode()
    assert "下次复核" not in page and "应办理退出" not in page


def test_the_panel_says_why_no_intake(client, heyuan, village_assistant):
    person = make_person(village_assistant, name="赵强", status="employed", serial=180)
    login(client, village_assistant)
    panel = client.get(reverse("residents:person-detail", args=[person.pk])).content.decode()
    assert reverse("assistance:recognition-apply", args=[person.pk]) not in panel
    assert "不能申请认定：台账显示现为“单位就业”" in panel


def test_the_documents_of_the_chosen_category(client, applicant, village_assistant):
    login(client, village_assistant)
    url = reverse("assistance:recognition-apply", args=[applicant.pk])
    page = client.get(url, {"category": "disabled"}).content.decode()
    assert 'value="残疾人证（或退役军人伤残证件）"' in page and 'value="征地证明"' not in page
    assert 'value="最低生活保障证明"' in client.get(url).content.decode()  # no category chosen: all of today's


def test_the_categories_filter_marks_expired_ones(client, recognised, county_officer):
    login(client, county_officer)
    page = client.get(reverse("assistance:recognition-list")).content.decode()
    assert page.index("大龄失业人员（女40周岁以上、男50周岁以上）</option>") < page.index("（已失效）")
    assert "<th>认定日期</th>" in page and f"{recognised.recognised_on:%Y-%m-%d}" in page


def test_the_notice_list_says_where_to_object(client, in_notice, township_reviewer):
    login(client, township_reviewer)
    page = client.get(reverse("assistance:recognition-notice")).content.decode()
    assert "<th>公示地点</th>" in page and "异议受理地点" not in page and "异议反映方式" in page


def test_the_forward_is_offered_once_the_notice_has_run(client, in_notice, township_reviewer):
    day = in_notice.notice_until + datetime.timedelta(days=1)
    move(in_notice, township_reviewer, "forward", today=day)
    in_notice.refresh_from_db()
    assert in_notice.case.step == "county_approval"
