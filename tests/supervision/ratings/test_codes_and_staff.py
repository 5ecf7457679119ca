"""What a security test found about rating codes and the staff who print them (findings F4–F7, F17, F18): the staff
list of completed cases shows no code, each opening of a slip is audited; the public page answers the same for every
well-formed code until a rating is submitted; a rating from a logged-in staff session is refused; the page is never
cached; ?done= takes only the page's own values; the form's errors are plain Chinese. And the trial's: the slip and
the thank-you name the office that answers a poor rating (the county for a county's service)."""

from django.test import Client

from hrss.core.models import AuditEntry
from hrss.supervision.models import Complaint, Rating, Score
from hrss.supervision.ratings import services
from tests.conftest import COUNTY, TODAY
from tests.supervision.ratings.helpers import logged_in

URL = "/supervision/rate/"
STAFF_REFUSED = "工作人员登录状态下不能代群众评价"


def _shown(code):
    return f"{code[:4]}-{code[4:]}"


def test_the_completed_cases_list_no_code_and_each_slip_opened_is_audited(closed_case, rating_code,
                                                                           village_assistant):
    client = logged_in(village_assistant)
    listing = client.get("/supervision/ratings/completed/").content.decode()
    assert "张三 测试服务事项" in listing and _shown(rating_code.code) not in listing
    assert rating_code.code not in listing and f"/supervision/ratings/slip/{closed_case.pk}/" in listing
    for opened in (1, 2):
        slip = client.get(f"/supervision/ratings/slip/{closed_case.pk}/").content.decode()
        assert _shown(rating_code.code) in slip
        entries = AuditEntry.objects.filter(action="supervision.rating_slip.printed")
        assert entries.count() == opened and entries.filter(actor=village_assistant).count() == opened
        assert rating_code.code not in str(list(entries.values()))  # the entry names the case, not the code


def test_every_well_formed_code_gets_the_same_form_until_a_rating_is_made(rating_code):
    other = services.issue_code(region_code=rating_code.region_code, service="另一事项", source="review",
                                source_id="999", served_by=None, completed_on=TODAY)
    services.rate(code=other.code, score=Score.GOOD)
    unknown = "ZZZZZZZZ" if rating_code.code != "ZZZZZZZZ" else "YYYYYYYY"
    client = Client()
    pages = {code: client.get(URL, {"code": code}) for code in (rating_code.code, other.code, unknown)}
    for code, page in pages.items():
        text = page.content.decode()
        assert page.status_code == 200 and 'name="score"' in text and _shown(code) in text
        assert "测试服务事项" not in text and "另一事项" not in text and "下城社区" not in text
        assert services.REFUSED not in text
    shapes = set()
    for code, page in pages.items():
        main = page.content.decode().split('data-testid="rate-page"')[1].split("</form>")[0]
        before, _token, after = main.replace(_shown(code), "CODE").replace(code, "CODE").partition("csrfmiddlewaretoken")
        shapes.add(before + after.split(">", 1)[1])
    assert len(shapes) == 1  # the same page, word for word, for a valid, a used and an unknown code
    # On submitting, the used and the unknown code get the one refusal; the valid one is recorded.
    for code in (other.code, unknown):
        refused = client.post(URL, {"code": code, "score": "5"})
        assert refused.status_code == 404 and services.REFUSED in refused.content.decode()
    assert client.post(URL, {"code": rating_code.code, "score": "5"}).status_code == 302
    assert Rating.objects.count() == 2


def test_a_form_error_is_said_the_same_for_a_valid_and_a_used_code(rating_code):
    services.rate(code=rating_code.code, score=Score.GOOD)
    unknown = "ZZZZZZZZ" if rating_code.code != "ZZZZZZZZ" else "YYYYYYYY"
    for code in (rating_code.code, unknown):
        page = Client().post(URL, {"code": code, "score": "1"})  # a poor rating without its reason
        assert page.status_code == 200 and "请写明原因" in page.content.decode()


def test_a_rating_from_a_logged_in_staff_session_is_refused(rating_code, village_assistant):
    client = logged_in(village_assistant)
    assert STAFF_REFUSED in client.get(URL, {"code": rating_code.code}).content.decode()
    refused = client.post(URL, {"code": rating_code.code, "score": "5"})
    assert refused.status_code == 403 and STAFF_REFUSED in refused.content.decode()
    assert not Rating.objects.exists() and not AuditEntry.objects.filter(action="supervision.ratings.rated").exists()
    assert Client().post(URL, {"code": rating_code.code, "score": "5"}).status_code == 302  # the citizen still can


def test_the_rating_pages_are_never_cached(rating_code):
    client = Client()
    for answer in (client.get(URL), client.get(URL, {"code": rating_code.code}),
                   client.post(URL, {"code": "ZZZZZZZZ", "score": "5"}), client.get(URL, {"done": "good"})):
        assert "no-store" in answer["Cache-Control"]


def test_done_takes_only_the_values_the_page_sets(rating_code):
    client = Client()
    for value in ("x", "poor-call2", "<b>", ""):
        page = client.get(URL, {"done": value}).content.decode()
        assert 'data-testid="code-form"' in page and "感谢" not in page and "答复您" not in page
    # A link to a thank-you page says nothing of a service nobody rated.
    page = client.get(URL, {"done": "poor-call"}).content.decode()
    assert "感谢您的评价" in page and "已记录" not in page


def test_the_public_form_errors_are_plain_chinese(rating_code):
    client = Client()
    long_code = client.get(URL, {"code": "Z" * 5000}).content.decode()
    empty = client.get(URL, {"code": ""}).content.decode()
    bad_score = client.post(URL, {"code": rating_code.code, "score": "6"}).content.decode()
    long_reason = client.post(URL, {"code": rating_code.code, "score": "2", "reason": "慢" * 10000}).content.decode()
    long_phone = client.post(URL, {"code": rating_code.code, "score": "2", "reason": "慢",
                                   "phone": "1" * 30}).content.decode()
    for page in (long_code, empty, bad_score, long_reason, long_phone):
        assert "变量" not in page and "选择一个有效的选项" not in page and "这个字段是必填项" not in page
    assert "评价码是凭条上的8位字母和数字" in long_code and "请输入凭条上的评价码" in empty
    assert "请选择一项评价：非常满意" in bad_score
    assert "原因或建议最多500字（现有10000字）" in long_reason and "联系电话最多20位" in long_phone
    assert not Rating.objects.exists()


def test_a_poor_rating_of_a_village_service_is_answered_by_its_township(closed_case, rating_code, village_assistant):
    slip = logged_in(village_assistant).get(f"/supervision/ratings/slip/{closed_case.pk}/").content.decode()
    assert "上城街道将核实并答复" in slip and "乡镇将" not in slip
    client = Client()
    done = client.post(URL, {"code": rating_code.code, "score": "1", "reason": "等太久", "phone": "13912345678"})
    assert "上城街道将核实情况，并按您留下的电话答复您" in client.get(done.url).content.decode()


def test_a_poor_rating_of_a_county_service_is_answered_by_the_county(heyuan):
    code = services.issue_code(region_code=COUNTY, service="劳动保障监察", source="inspection", source_id="1",
                               served_by=None, completed_on=TODAY)
    assert code.complaint_handler_name == "源城区"
    client = Client()
    done = client.post(URL, {"code": code.code, "score": "2", "reason": "工资还没拿到"})
    thanks = client.get(done.url).content.decode()
    assert "源城区将核实情况并督促整改" in thanks and "乡镇" not in thanks.split('data-testid="rate-done"')[1]
    assert "（源城区人力资源和社会保障局劳动保障监察机构）的评价已记录" in thanks  # the county's inspection body
    assert Complaint.objects.get().region_code == COUNTY
