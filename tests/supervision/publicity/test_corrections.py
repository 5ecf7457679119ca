"""更正宣传活动: the holding office itself corrects what it recorded (受众人数 1000 typed for 100), on the page (an 更正
link on the ledger's row → the form as recorded → the ledger with a message) and through the API; the ledger and
the statistics show the corrected figure and the audit keeps the changed fields before and after. A neighbouring
village or county does not find the event; an office above it (the township) may look but not correct; a bad value
is refused in Chinese and nothing changes."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.supervision.models import PublicityEvent
from hrss.supervision.publicity import services
from tests.conftest import TODAY, TOWNSHIP, VILLAGE
from tests.supervision.figures import figure
from tests.supervision.publicity.test_events import api, event, logged_in

FORM = {"topic": "pension", "topic_detail": "缴费档次", "place": "社区广场", "held_on": TODAY.isoformat(),
        "people_reached": "100", "materials_count": "80", "materials_description": "政策问答折页",
        "organiser": "社区工作站", "note": ""}


def test_the_village_corrects_its_event_on_the_page_and_the_figures_follow(heyuan, village_assistant,
                                                                            township_officer):
    typo = event(village_assistant, people_reached=1000)
    client = logged_in(village_assistant)
    ledger = client.get("/supervision/publicity/events/", {"region": VILLAGE}).content.decode()
    link = f"/supervision/publicity/events/{typo.pk}/correct/"
    assert link in ledger and ">更正</a>" in ledger
    form = client.get(link).content.decode()
    assert "更正宣传活动" in form and 'value="1000"' in form and "社区广场" in form

    response = client.post(link, FORM, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/supervision/publicity/events/?region=" + VILLAGE)
    assert "已更正宣传活动" in page and "（100人）" in page
    assert re.search(r'<td class="text-end">100</td>', page) and not re.search(r'<td class="text-end">1000</td>', page)
    stats = logged_in(township_officer).get("/supervision/statistics/", {"region": TOWNSHIP}).content.decode()
    assert figure(stats, "本年宣传受众人次", "下城社区") == 100 and figure(stats, "本年宣传受众人次", "合计") == 100

    entry = AuditEntry.objects.get(action="supervision.publicity_event.corrected")
    assert entry.actor == village_assistant and entry.target_id == str(typo.pk)
    assert entry.before == {"people_reached": 1000} and entry.after == {"people_reached": 100}


def test_the_correction_is_checked_as_the_recording_was(heyuan, village_assistant):
    made = event(village_assistant, people_reached=1000)
    with pytest.raises(ValidationError) as refused:
        services.correct_event(actor=village_assistant, event=made, topic="other", topic_detail="", place="",
                               held_on=TODAY, people_reached=-1, organiser="社区工作站", materials_count=5)
    text = " ".join(refused.value.messages)
    for reason in ("选“其他”时", "请填写活动地点", "受众人数应为0至", "请写明资料说明"):
        assert reason in text, reason
    page = logged_in(village_assistant).post(f"/supervision/publicity/events/{made.pk}/correct/",
                                             {**FORM, "topic": "other", "topic_detail": ""}).content.decode()
    assert "宣传主题选“其他”时，请在宣传内容中写明宣传的政策。" in page
    made.refresh_from_db()
    assert made.people_reached == 1000 and made.topic == "pension"
    assert not AuditEntry.objects.filter(action="supervision.publicity_event.corrected").exists()


def test_neighbours_do_not_find_the_event(heyuan, village_assistant, neighbour_village_assistant,
                                          neighbour_county_officer):
    made = event(village_assistant, people_reached=1000)
    link = f"/supervision/publicity/events/{made.pk}/correct/"
    for outsider in (neighbour_village_assistant, neighbour_county_officer):
        client = logged_in(outsider)
        assert client.get(link).status_code == 404 and client.post(link, FORM).status_code == 404
        body = {**FORM, "region_code": VILLAGE, "people_reached": 100, "materials_count": 80}
        assert api(outsider, "post", f"/publicity-events/{made.pk}/correction", body).status_code == 404
    made.refresh_from_db()
    assert made.people_reached == 1000


def test_the_township_above_may_look_but_not_correct(heyuan, village_assistant, township_officer):
    made = event(village_assistant, people_reached=1000)
    client = logged_in(township_officer)
    ledger = client.get("/supervision/publicity/events/", {"region": VILLAGE}).content.decode()
    assert "1000" in ledger and f"/events/{made.pk}/correct/" not in ledger
    refused = client.post(f"/supervision/publicity/events/{made.pk}/correct/", FORM)
    assert refused.status_code == 403 and "举办单位本身更正" in refused.content.decode()
    with pytest.raises(PermissionDenied, match="举办单位本身更正"):
        services.correct_event(actor=township_officer, event=made, topic="pension", place="社区广场",
                               held_on=TODAY, people_reached=100, organiser="社区工作站")
    body = {**FORM, "region_code": VILLAGE, "people_reached": 100, "materials_count": 80}
    answer = api(township_officer, "post", f"/publicity-events/{made.pk}/correction", body)
    assert answer.status_code == 403 and "举办单位本身更正" in answer.json()["detail"]
    made.refresh_from_db()
    assert made.people_reached == 1000
    assert AuditEntry.objects.filter(action="supervision.publicity_event.correct", actor=township_officer).exists()


def test_the_api_corrects_with_the_keys_of_the_recording(heyuan, village_assistant):
    made = event(village_assistant, people_reached=1000)
    body = {"region_code": VILLAGE, "topic": "pension", "topic_detail": "缴费档次", "place": "社区广场",
            "held_on": TODAY.isoformat(), "people_reached": 100, "materials_count": 80,
            "materials_description": "政策问答折页", "organiser": "社区工作站"}
    answer = api(village_assistant, "post", f"/publicity-events/{made.pk}/correction", body)
    assert answer.status_code == 200 and answer.json()["people_reached"] == 100
    moved = api(village_assistant, "post", f"/publicity-events/{made.pk}/correction",
                {**body, "region_code": TOWNSHIP})
    assert moved.status_code == 422 and "不能改变举办单位" in str(moved.json())
    bad = api(village_assistant, "post", f"/publicity-events/{made.pk}/correction", {**body, "organiser": " "})
    assert bad.status_code == 422 and "请填写组织者" in str(bad.json())
    assert PublicityEvent.objects.get(pk=made.pk).people_reached == 100
