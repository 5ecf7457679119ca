"""The public rating page /supervision/rate/: no login, CSRF on, works without JavaScript, the same form for every
well-formed code and the same refusal for a wrong and a used one, a reason for a poor rating, a limit per address."""

from django.test import Client

from hrss.supervision.models import Complaint, Rating
from hrss.supervision.ratings import services

URL = "/supervision/rate/"


def _rate(client, code, score, reason=""):
    return client.post(URL, {"code": code, "score": score, "reason": reason})


def test_the_citizen_types_the_code_rates_and_is_told_the_service_rated(rating_code):
    client = Client(enforce_csrf_checks=True)
    assert "评价码" in client.get(URL).content.decode()
    page = client.get(URL, {"code": rating_code.code.lower()})
    text = page.content.decode()
    shown = f"{rating_code.code[:4]}-{rating_code.code[4:]}"
    assert page.status_code == 200 and shown in text
    assert "测试服务事项" not in text and "下城社区" not in text and "alice" not in text  # nothing of the code before
    for label in ("非常满意", "满意", "基本满意", "不满意", "非常不满意"):
        assert f"<span>{label}</span>" in text
    token = page.cookies["csrftoken"].value
    done = client.post(URL, {"code": rating_code.code, "score": "5", "csrfmiddlewaretoken": token})
    assert done.status_code == 302 and Rating.objects.get().score == 5
    thanks = client.get(done.url).content.decode()
    assert "感谢您的评价" in thanks and "测试服务事项" in thanks and "下城社区" in thanks


def test_a_post_without_the_csrf_token_is_refused(rating_code):
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, {"code": rating_code.code, "score": "5"}).status_code == 403
    assert not Rating.objects.exists()


def test_a_wrong_code_and_a_used_code_get_the_same_answer(rating_code):
    client = Client()
    assert _rate(client, rating_code.code, 4).status_code == 302
    wrong = "ABCDEFGH" if rating_code.code != "ABCDEFGH" else "HGFEDCBA"
    answers = [_rate(client, rating_code.code, 5), _rate(client, wrong, 5), _rate(client, "x", 5)]
    assert {answer.status_code for answer in answers} == {404}  # a refusal, the same for an unknown and a used code
    for answer in answers:
        text = answer.content.decode()
        assert services.REFUSED in text and "测试服务事项" not in text and "下城社区" not in text
    assert Rating.objects.get().score == 4


def test_a_poor_rating_without_a_reason_is_shown_again_with_what_to_fix(rating_code):
    client = Client()
    page = _rate(client, rating_code.code, 2)
    assert page.status_code == 200 and "请写明原因" in page.content.decode()
    assert not Rating.objects.exists()
    assert _rate(client, rating_code.code, 2, "办事指南写得不清楚").status_code == 302
    assert Complaint.objects.get().rating.reason == "办事指南写得不清楚"


def test_ratings_submitted_are_limited_per_address_with_retry_after(rating_code, settings):
    settings.HRSS_RATE_LIMITS = {**settings.HRSS_RATE_LIMITS, "rating": (3, 600)}
    client = Client(REMOTE_ADDR="10.0.0.7")
    for code in ("AAAAAAAA", "BBBBBBBB", "CCCCCCCC"):
        assert _rate(client, code, 5).status_code == 404
    refused = _rate(client, rating_code.code, 5)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0 and not Rating.objects.exists()
    text = refused.content.decode()  # the rating page, in Chinese: how long to wait and the way back
    assert 'data-testid="rate-limited"' in text and "后再试" in text and 'href="/supervision/rate/"' in text
    assert client.get(URL).status_code == 200  # the empty form counts nothing
    assert client.get(URL, {"code": rating_code.code}).status_code == 200  # nor the form for a code
    other = Client(REMOTE_ADDR="10.0.0.8")
    assert _rate(other, rating_code.code, 5).status_code == 302


def test_the_page_needs_no_login_and_shows_no_staff_menu(rating_code):
    text = Client().get(URL, {"code": rating_code.code}).content.decode()
    assert "退出" not in text and 'name="score"' in text and "<script" not in text.split("</main>")[0]
