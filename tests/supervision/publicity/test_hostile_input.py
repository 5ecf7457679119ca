"""What a security test sent to publicity (findings 6d and 7): a township marking a village's receipt read is told
why in the API too (not the generic refusal of a role); an event of 0001-01-01 and a notice to be read by
9999-12-31 are refused in Chinese; nothing is written."""

import datetime

from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.models import AuditEntry
from hrss.supervision.models import Notice, PublicityEvent
from tests.conftest import TODAY, TOWNSHIP, VILLAGE
from tests.supervision.publicity.test_notices import issue


def call(user, path, body=None):
    headers = {"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"}
    return Client().post("/api/v1/supervision" + path, body or {}, content_type="application/json", headers=headers)


def test_a_township_is_told_why_it_cannot_mark_a_villages_receipt_read(heyuan, township_officer):
    receipt = issue(township_officer).receipts.get(region_code=VILLAGE)
    answer = call(township_officer, f"/notice-receipts/{receipt.pk}/read")
    assert answer.status_code == 403
    assert answer.json()["detail"] == "只有接收通知的单位本身才能标记已阅，上级单位可以查看但不能代为签收。"
    receipt.refresh_from_db()
    assert receipt.read_on is None and receipt.read_by is None


def test_an_event_before_the_platform_and_a_read_by_date_years_ahead_are_refused(heyuan, village_assistant,
                                                                                township_officer):
    event = call(village_assistant, "/publicity-events", {
        "region_code": VILLAGE, "topic": "pension", "place": "社区广场", "held_on": "0001-01-01", "people_reached": 1,
        "organiser": "黄社工"})
    assert event.status_code == 422
    assert "活动日期0001-01-01早于本平台可登记的最早日期（2011年1月1日）" in str(event.json())
    far = call(township_officer, "/notices", {"region_code": TOWNSHIP, "title": "通知", "body": "正文",
                                              "audience": "villages", "read_by": "9999-12-31"})
    assert far.status_code == 422 and "阅读期限9999-12-31晚于发文之日起一年" in str(far.json())
    assert not PublicityEvent.objects.exists() and not Notice.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="supervision.").exists()
    a_year = TODAY.replace(year=TODAY.year + 1) if (TODAY.month, TODAY.day) != (2, 29) else datetime.date(
        TODAY.year + 1, 2, 28)
    fine = call(township_officer, "/notices", {"region_code": TOWNSHIP, "title": "通知", "body": "正文",
                                               "audience": "villages", "read_by": a_year.isoformat()})
    assert fine.status_code == 201
