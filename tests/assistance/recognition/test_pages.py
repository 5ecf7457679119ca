"""The pages: the person page's panel with 申请认定, the intake form (refusals shown, input kept), the detail page's
chain card and forms, the list with its filters and .xlsx, the printable 公示名单, pending work and the statistics'
figures."""

import io

import openpyxl
from django.urls import reverse

from hrss.assistance.models import Recognition
from hrss.assistance.recognition import pending as recognition_pending
from tests.assistance.recognition.conftest import DOCS
from tests.conftest import VILLAGE, login


def test_the_person_page_offers_the_intake_and_the_form_takes_it_in(client, applicant, village_assistant):
    login(client, village_assistant)
    page = client.get(reverse("residents:person-detail", args=[applicant.pk])).content.decode()
    assert "就业困难人员认定" in page and reverse("assistance:recognition-apply", args=[applicant.pk]) in page
    url = reverse("assistance:recognition-apply", args=[applicant.pk])
    refused = client.post(url, {"category": "aged", "documents": DOCS[:1], "circumstances": "长期失业"})
    assert refused.status_code == 200 and "缺少材料" in refused.content.decode()
    assert "长期失业" in refused.content.decode()
    done = client.post(url, {"category": "aged", "documents": DOCS})
    recognition = Recognition.objects.get(person=applicant)
    assert done.status_code == 302 and done["Location"] == reverse("assistance:recognition-detail",
                                                                   args=[recognition.pk])


def test_the_detail_page_moves_the_case_and_records_an_objection(client, in_notice, township_reviewer):
    login(client, township_reviewer)
    url = reverse("assistance:recognition-detail", args=[in_notice.pk])
    page = client.get(url).content.decode()
    # The notice runs: no forward button is offered, the page says when it can be sent on.
    assert 'value="forward"' not in page and "公示期满（" in page and in_notice.notice_until.isoformat() in page
    early = client.post(reverse("assistance:recognition-act", args=[in_notice.pk]),
                        {"action": "forward", "version": in_notice.case.version})
    assert early.status_code == 200 and "公示期满" in early.content.decode()
    objection = client.post(reverse("assistance:recognition-objection", args=[in_notice.pk]),
                            {"raised_on": in_notice.notice_from.isoformat(), "content": "反映已就业"})
    # The notice's first day is after today (the township passed it today): the date is refused, the page says why.
    assert objection.status_code == 200 and "不晚于今天" in objection.content.decode()


def test_the_list_filters_and_exports(client, recognised, in_notice_other, county_officer):
    login(client, county_officer)
    url = reverse("assistance:recognition-list")
    everyone = client.get(url).content.decode()
    assert recognised.person.name in everyone and in_notice_other.person.name in everyone
    noticed = client.get(url, {"state": "in_notice", "region": VILLAGE}).content.decode()
    assert in_notice_other.person.name in noticed and recognised.person.name not in noticed
    by_step = client.get(url, {"step": "public_notice"}).content.decode()
    assert in_notice_other.person.name in by_step and recognised.person.name not in by_step
    by_category = client.get(url, {"category": "long_unemployed"}).content.decode()
    assert recognised.person.name not in by_category
    export = client.get(reverse("assistance:recognition-export"), {"state": "recognised"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "认定编号" and [row[1] for row in rows[1:]] == [recognised.person.name]
    assert "*" in rows[1][2]  # the ID number masked


def test_the_notice_list_of_a_township(client, in_notice, township_reviewer, village_assistant):
    login(client, township_reviewer)
    page = client.get(reverse("assistance:recognition-notice")).content.decode()
    assert "就业困难人员认定公示" in page and in_notice.person.name in page
    assert in_notice.person.id_number not in page and in_notice.notice_until.isoformat() in page
    login(client, village_assistant)
    assert in_notice.person.name in client.get(reverse("assistance:recognition-notice")).content.decode()


def test_pending_work_and_figures(client, in_notice_other, recognised, village_assistant, township_reviewer,
                                  county_officer):
    assert [item.count for item in recognition_pending.review_work(township_reviewer)] == [0]  # in notice, not queued
    assert [item.count for item in recognition_pending.notices_ended(township_reviewer)] == [0]  # not yet ended
    assert recognition_pending.notices_ended(village_assistant) == []
    assert recognition_pending.reviews_due(village_assistant)[0].title == "到期待复核的就业困难人员"
    login(client, county_officer)
    page = client.get(reverse("assistance:statistics"), {"region": VILLAGE}).content.decode()
    for label in ("审核中", "公示中", "有效认定", "本月新认定", "本年退出"):
        assert label in page


def test_a_phone_sees_the_list_in_a_responsive_table(client, recognised, village_assistant):
    login(client, village_assistant)
    page = client.get(reverse("assistance:recognition-list")).content.decode()
    assert "table-responsive" in page and 'name="viewport"' in page


def test_the_township_passes_the_case_with_the_notice_place(client, applicant, village_assistant, township_reviewer):
    from tests.assistance.recognition.conftest import apply

    recognition = apply(village_assistant, applicant)
    login(client, township_reviewer)
    page = client.get(reverse("assistance:recognition-detail", args=[recognition.pk])).content.decode()
    assert "审核通过，开始公示" in page and 'name="notice_place"' in page
    client.post(reverse("assistance:recognition-act", args=[recognition.pk]),
                {"action": "forward", "version": recognition.case.version, "notice_place": "下城社区公开栏"})
    recognition.refresh_from_db()
    assert recognition.notice_place == "下城社区公开栏" and recognition.notice_until is not None


def test_a_returned_application_is_corrected_on_its_page(client, applicant, village_assistant, township_reviewer):
    from tests.assistance.recognition.conftest import apply, move

    recognition = apply(village_assistant, applicant)
    move(recognition, township_reviewer, "return", reason="类别有误")
    recognition.case.refresh_from_db()
    login(client, village_assistant)
    page = client.get(reverse("assistance:recognition-detail", args=[recognition.pk])).content.decode()
    assert "补正申请" in page and "已补正，重新提交" in page
    done = client.post(reverse("assistance:recognition-correct", args=[recognition.pk]), {
        "version": recognition.case.version, "category": "long_unemployed", "documents": DOCS})
    assert done.status_code == 302
    recognition.refresh_from_db()
    assert recognition.category == "long_unemployed"
