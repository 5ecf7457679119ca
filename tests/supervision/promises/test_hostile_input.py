"""A month a security test sent to 服务承诺 (finding 5): 9999-12 (not begun) and 0001-01 (too early) are refused in
Chinese, the page showing this month instead and the API answering 422."""

from django.test import Client

from tests.conftest import TODAY
from tests.supervision.promises.test_api import call


def test_a_month_out_of_range_is_refused_on_the_page_and_in_the_api(heyuan, county_officer):
    client = Client()
    client.force_login(county_officer)
    for month, said in (("9999-12", "9999年12月尚未开始"), ("0001-01", "请选择2000年01月以后的月份"),
                        ("2026-13", "无法识别")):
        for path in ("/supervision/promises/promise/", "/supervision/promises/promise/cases/"):
            page = client.get(path, {"month": month, "service": "employment/unemployment_registration"})
            text = page.content.decode()
            assert page.status_code == 200 and said in text and "已显示本月" in text, (path, month)
            assert f"{TODAY.year}年{TODAY.month}月" in text or f"{TODAY:%Y-%m}" in text, (path, month)
        answer = call(county_officer, "get", "/supervision/promise-figures", {"month": month})
        assert answer.status_code == 422 and said in answer.json()["detail"], month
