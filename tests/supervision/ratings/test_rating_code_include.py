"""supervision/ratings/_rating_code.html, the include every part's receipt prints: the code in two groups, the
public page's absolute address with the code, and a QR of that address as inline SVG."""

from django.template.loader import render_to_string
from django.test import RequestFactory

from hrss.supervision.ratings import services
from tests.conftest import TODAY, VILLAGE


def _code():
    return services.issue_code(region_code=VILLAGE, service="信访事项", source="petition", source_id="7",
                               served_by=None, completed_on=TODAY)


def test_the_receipt_prints_the_code_its_address_and_a_qr(heyuan):
    code = _code()
    request = RequestFactory().get("/supervision/petitions/7/receipt/", HTTP_HOST="testserver")
    html = render_to_string("supervision/ratings/_rating_code.html", {"rating_code": code}, request=request)
    assert f"{code.code[:4]}-{code.code[4:]}" in html
    assert f"http://testserver/supervision/rate/?code={code.code}" in html
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 'width="100%"' in svg and "viewBox" in svg and "<path" in svg


def test_the_public_address_setting_wins_over_the_request(heyuan, settings):
    settings.HRSS_PUBLIC_BASE_URL = "https://hrss.example.cn"
    code = _code()
    html = render_to_string("supervision/ratings/_rating_code.html", {"rating_code": code},
                            request=RequestFactory().get("/"))
    assert f"https://hrss.example.cn/supervision/rate/?code={code.code}" in html
