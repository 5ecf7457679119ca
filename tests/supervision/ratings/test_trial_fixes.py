"""What the user trial found on the rating pages, as a user checks it: the rating page names the office as the rest
of the app does, a poor rating may leave a phone (the township calls back only then) and the thank-you depends on the
score; the complaint it opens shows the township the rated service and case, still never the staff member it is
about; a reply records what checking found (查实 / 部分查实 / 不属实)."""

from django.test import Client

from hrss.supervision.models import Complaint, Rating
from tests.conftest import login

URL = "/supervision/rate/"


def test_the_thanks_name_the_office_in_full_and_the_form_offers_an_optional_phone(rating_code):
    client = Client()
    page = client.get(URL, {"code": rating_code.code}).content.decode()
    assert "联系电话（可不填）" in page and "不留电话的不回电" in page
    thanks = client.get(client.post(URL, {"code": rating_code.code, "score": "5"}).url).content.decode()
    assert "“测试服务事项”（源城区 上城街道 下城社区人力资源社会保障服务站）的评价已记录" in thanks


def test_a_poor_rating_with_a_phone_is_called_back_and_the_thanks_say_so(rating_code, township_officer,
                                                                         village_assistant):
    client = Client()
    done = client.post(URL, {"code": rating_code.code, "score": "1", "reason": "等了两个小时", "phone": "13912345678"})
    assert done.status_code == 302
    thanks = client.get(done.url).content.decode()
    assert "按您留下的电话答复您" in thanks and "如您选择了不满意" not in thanks
    complaint = Complaint.objects.get()
    assert complaint.complainant_phone == "13912345678"
    page = login(Client(), township_officer).get(f"/supervision/complaints/{complaint.pk}/").content.decode()
    assert "13912345678（评价人留下，请回电答复）" in page
    rated = page.split('data-testid="complaint-rated-case"')[1].split("</td>")[0]
    assert "张三 测试服务事项" in rated  # the case rated, for the township to check
    assert "测试服务事项" in page and "非常不满意" in page
    # The staff member who served (and is complained about) still never sees it.
    assert login(Client(), village_assistant).get(f"/supervision/complaints/{complaint.pk}/").status_code == 404


def test_a_poor_rating_without_a_phone_is_told_no_call_comes(rating_code, township_officer):
    client = Client()
    done = client.post(URL, {"code": rating_code.code, "score": "2", "reason": "态度差"})
    assert "您没有留电话，不会回电" in client.get(done.url).content.decode()
    page = login(Client(), township_officer).get(f"/supervision/complaints/{Complaint.objects.get().pk}/")
    assert "评价人未留电话，无需回电" in page.content.decode()


def test_a_good_rating_is_thanked_without_talk_of_complaints(rating_code):
    client = Client()
    done = client.post(URL, {"code": rating_code.code, "score": "5"})
    thanks = client.get(done.url).content.decode()
    assert "感谢您的评价！" in thanks and "不满意" not in thanks.split('data-testid="rate-done"')[1].split("</div>")[0]
    assert not Complaint.objects.exists()


def test_a_bad_phone_or_a_phone_with_a_good_rating_is_refused_with_what_to_fix(rating_code):
    client = Client()
    bad = client.post(URL, {"code": rating_code.code, "score": "1", "reason": "态度差", "phone": "打我电话"})
    assert bad.status_code == 200 and "联系电话“打我电话”有误：只能填数字" in bad.content.decode()
    good = client.post(URL, {"code": rating_code.code, "score": "5", "phone": "13912345678"})
    assert good.status_code == 200 and "只有选择不满意或非常不满意时才需要留电话" in good.content.decode()
    assert not Rating.objects.exists()
