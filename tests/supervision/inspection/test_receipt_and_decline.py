"""The 结案告知书 goes to one complainant (trial, journey 3): it shows their own wages and the case's totals, never
the other workers' names or amounts; a complainant who is not among the workers sees the totals only. A case with no
complainant (a grid lead's, a routine inspection's) is not declined "告知投诉人"."""

from hrss.supervision.inspection import services
from tests.conftest import TODAY
from tests.supervision.inspection.conftest import opened, receive
from tests.supervision.inspection.test_pages_and_api import logged_in


def concluded_with_three(inspector, complainant):
    case = opened(inspector, complainant_name=complainant)
    for name, owed, recovered in (("陈大明", "4500", "4500"), ("刘小红", "4500", "2000.50"), ("王强", "4500", "0")):
        services.add_worker(actor=inspector, case=case, name=name, amount_owed=owed, amount_recovered=recovered,
                            today=TODAY)
    return services.conclude_case(actor=inspector, case=case, result="责令支付，部分结清。", today=TODAY)


def amounts(page):
    return page.split('data-testid="receipt-amounts"')[1].split("</table>")[0]


def test_the_notice_shows_the_complainants_own_line_and_the_totals_only(heyuan, inspector):
    case = concluded_with_three(inspector, "陈大明")
    page = logged_in(inspector).get(f"/supervision/inspection/{case.pk}/receipt/").content.decode()
    table = amounts(page)
    assert "刘小红" not in page and "王强" not in page and "2,000.50" not in page
    own = table.split('data-testid="receipt-own">')[1].split("</tr>")[0]
    assert "陈大明（本人）" in own and own.count("4,500.00") == 2
    assert "本案合计（3名劳动者）" in table and "13,500.00" in table and "6,500.50" in table


def test_a_complainant_not_among_the_workers_sees_the_totals_only(heyuan, inspector):
    case = concluded_with_three(inspector, "黄阿姨")
    page = logged_in(inspector).get(f"/supervision/inspection/{case.pk}/receipt/").content.decode()
    table = amounts(page)
    assert "receipt-own" not in table and "陈大明" not in page and "刘小红" not in page and "王强" not in page
    assert "本案合计（3名劳动者）" in table and "13,500.00" in table and "6,500.50" in table


def test_a_case_without_a_complainant_is_not_declined_telling_one(heyuan, inspector):
    nobody = receive(inspector, complainant_name="", complainant_phone="", source="routine")
    client = logged_in(inspector)
    form = client.get(f"/supervision/inspection/{nobody.pk}/").content.decode().split(
        'data-testid="inspection-decline-form"')[1].split("</form>")[0]
    assert "不予受理理由" in form and "告知投诉人" not in form
    refused = client.post(f"/supervision/inspection/{nobody.pk}/decline/", {"on": TODAY.isoformat(), "reason": " "})
    form = refused.content.decode().split('data-testid="inspection-decline-form"')[1].split("</form>")[0]
    assert "不予受理理由" in form and "告知投诉人" not in form
    response = client.post(f"/supervision/inspection/{nobody.pk}/decline/",
                           {"on": TODAY.isoformat(), "reason": "巡查未发现违法行为"}, follow=True)
    told = " ".join(str(message) for message in response.context["messages"])
    assert "已决定不予受理" in told and "告知投诉人" not in told
    # A complainant's case still says the reason is told to them.
    someone = receive(inspector)
    form = client.get(f"/supervision/inspection/{someone.pk}/").content.decode().split(
        'data-testid="inspection-decline-form"')[1].split("</form>")[0]
    assert "不予受理理由（告知投诉人）" in form
