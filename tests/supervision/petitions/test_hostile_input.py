"""What a security test sent to petitions (findings 4 and 6e): a ledger month out of range (9999-12, 0001-01) is
refused in Chinese on the page and before a download, and a second reply says when the first one was given. Nothing
is written."""

from django.test import Client

from hrss.core.models import AuditEntry
from hrss.supervision.models import PetitionEvent
from tests.conftest import TODAY
from tests.supervision.petitions.conftest import make_petition, replied
from tests.supervision.petitions.test_api import call

DAY = TODAY.replace(day=1)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_month_out_of_range_is_refused_on_the_ledger_and_before_a_download(heyuan, village_assistant):
    make_petition(village_assistant, received_on=TODAY)
    client = logged_in(village_assistant)
    for month, said in (("9999-12", "9999年12月尚未开始"), ("0001-01", "请选择2000年01月以后的月份"),
                        ("2026-13", "无法识别")):
        page = client.get("/supervision/petitions/", {"month": month})
        text = page.content.decode()
        assert page.status_code == 200 and said in text and "已显示全部月份" in text, month
        assert "某制衣厂拖欠2个月工资" in text  # the filter dropped, every month shown
        download = client.get("/supervision/petitions/export.xlsx", {"month": month})
        assert download.status_code == 302 and download["Location"] == f"/supervision/petitions/?month={month}"
    assert not AuditEntry.objects.filter(action="supervision.petitions.exported").exists()


def test_a_second_reply_says_when_the_petition_was_answered(heyuan, village_assistant, township_officer):
    petition = replied(village_assistant, township_officer, received_on=DAY, accepted_on=DAY, replied_on=DAY)
    said = f"信访件{petition.number}已于{DAY:%Y-%m-%d}答复办结，不能再次答复。"
    events = PetitionEvent.objects.count()
    answer = call(township_officer, "post", f"/supervision/petitions/{petition.pk}/reply",
                  {"text": "答复2", "replied_on": TODAY.isoformat()})
    assert answer.status_code == 422 and said in str(answer.json()["detail"])
    page = logged_in(township_officer).post(f"/supervision/petitions/{petition.pk}/reply/",
                                            {"text": "答复2", "replied_on": TODAY.isoformat()}, follow=True)
    assert said in page.content.decode() and "不能办结答复" not in page.content.decode()
    assert PetitionEvent.objects.count() == events
    petition.refresh_from_db()
    assert petition.replied_on == DAY and petition.reply.startswith("经调解")
