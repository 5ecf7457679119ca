"""What the user trial found on a concluded inspection case, as a user checks it: the 结案告知书 says "您于…反映的
<用人单位>拖欠工资一事" (the employer once, no pasted summary, no "。一事") and is signed by the county's
劳动保障监察机构; the history writes amounts as 13,900.00元; the rating's thanks names the county's body in full."""

import datetime

from django.test import Client

from hrss.supervision.inspection import services
from hrss.supervision.models import RatingCode
from tests.conftest import TODAY, login
from tests.supervision.inspection.conftest import receive

SUMMARY = "河源市鑫达建材有限公司拖欠3个月工资：多次讨要无果。"


def concluded(inspector, *, with_worker=True):
    received = TODAY - datetime.timedelta(days=3)
    case = receive(inspector, employer_name="河源市鑫达建材有限公司", summary=SUMMARY, received_on=received,
                   today=TODAY)
    services.accept_case(actor=inspector, case=case, on=TODAY, today=TODAY)
    case = services.open_case(actor=inspector, case=case, on=TODAY, today=TODAY)
    if with_worker:
        worker = services.add_worker(actor=inspector, case=case, name="李四", amount_owed="13900", today=TODAY)
        services.record_recovery(actor=inspector, worker=worker, amount_recovered="13900", today=TODAY)
    return services.conclude_case(actor=inspector, case=case, result="经责令支付，工资已全部结清。", today=TODAY)


def test_the_receipt_sentence_is_built_from_the_fields_and_signed_by_the_county(heyuan, inspector):
    case = concluded(inspector)
    page = login(Client(), inspector).get(f"/supervision/inspection/{case.pk}/receipt/").content.decode()
    sentence = page.split('data-testid="receipt-sentence">')[1].split("</p>")[0]
    received = TODAY - datetime.timedelta(days=3)
    assert sentence.startswith(f"您于{received.year}年{received.month}月{received.day}日反映的河源市鑫达建材有限公司"
                               "拖欠工资一事，")
    assert sentence.count("河源市鑫达建材有限公司") == 1 and "多次讨要无果" not in sentence and "。一事" not in page
    issuer = page.split('data-testid="receipt-issuer">')[1].split("<br>")[0]
    assert issuer.startswith("源城区人力资源和社会保障局劳动保障监察机构")


def test_a_case_without_wages_owed_is_not_called_wage_arrears(heyuan, inspector):
    case = concluded(inspector, with_worker=False)
    page = login(Client(), inspector).get(f"/supervision/inspection/{case.pk}/receipt/").content.decode()
    sentence = page.split('data-testid="receipt-sentence">')[1].split("</p>")[0]
    assert "河源市鑫达建材有限公司涉嫌违反劳动保障法律法规一事" in sentence and "拖欠工资" not in sentence


def test_the_history_writes_amounts_with_thousands_and_two_decimals(heyuan, inspector):
    case = concluded(inspector)
    page = login(Client(), inspector).get(f"/supervision/inspection/{case.pk}/").content.decode()
    history = page.split('data-testid="inspection-history"')[1]
    assert "拖欠13,900.00元" in history and "追回工资13,900.00元" in history
    assert "13900元" not in history and "13900.00元" not in history


def test_the_rating_thanks_names_the_countys_inspection_body(heyuan, inspector):
    # The public page shows nothing of a code before the rating (ratings part): the thanks names the body rated.
    case = concluded(inspector)
    code = RatingCode.objects.get(source="inspection", source_id=str(case.pk))
    thanks = Client().post("/supervision/rate/", {"code": code.code, "score": "5"}, follow=True).content.decode()
    said = thanks.split('data-testid="rate-done">')[1].split("</div>")[0]
    assert "（源城区人力资源和社会保障局劳动保障监察机构）的评价已记录" in said
