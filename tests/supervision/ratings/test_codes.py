"""Rating codes: one per case, random and unambiguous; every decided review case gets one when it closes."""

import pytest
from django.core.exceptions import PermissionDenied

from hrss.core import review
from hrss.core.models import ReviewCase
from hrss.supervision.models import CODE_ALPHABET, RatingCode
from hrss.supervision.ratings import services
from tests.conftest import TODAY, VILLAGE
from tests.supervision.ratings.conftest import CHAIN, Action, close_case, code_of


def _issue(source_id="1", **changes):
    return services.issue_code(**{"region_code": VILLAGE, "service": "失业登记", "source": "petition",
                                  "source_id": source_id, "served_by": None, "completed_on": TODAY, **changes})


def test_issuing_twice_for_the_same_case_answers_the_same_code(heyuan):
    first = _issue()
    again = _issue(service="别的名称")
    assert again.pk == first.pk and again.service == "失业登记"
    assert RatingCode.objects.count() == 1
    other = _issue(source="inspection")
    assert other.code != first.code and RatingCode.objects.count() == 2


def test_a_code_is_eight_symbols_without_0_o_1_i(heyuan):
    codes = {_issue(source_id=str(n)).code for n in range(50)}
    assert len(codes) == 50
    assert all(len(code) == 8 and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert not set("0O1I") & set(CODE_ALPHABET)


def test_a_code_already_taken_is_drawn_again(heyuan, monkeypatch):
    taken = _issue().code
    draws = iter([taken, taken, "ABCDEFGH"])
    monkeypatch.setattr(services, "_new_code", lambda: next(draws))
    assert _issue(source_id="2").code == "ABCDEFGH"


def test_an_approved_case_gets_its_code_for_the_intake_office_and_whoever_took_it_in(
        heyuan, village_assistant, township_officer):
    case = close_case(village_assistant, township_officer)
    code = code_of(case)
    assert (code.region_code, code.service, code.served_by, code.completed_on) == (
        VILLAGE, "测试服务事项", village_assistant, TODAY)


def test_a_refused_case_gets_a_code_and_a_withdrawn_one_none(heyuan, village_assistant, township_officer):
    refused = close_case(village_assistant, township_officer, action=Action.REJECT)
    assert code_of(refused).source_id == str(refused.pk)
    case = review.open_case(chain=review.chain_of(refused), region_code=VILLAGE, subject_id_number="",
                            title="李四", actor=village_assistant)
    review.act(case=case, actor=village_assistant, action=Action.WITHDRAW, version=case.version, reason="不办了")
    assert not RatingCode.objects.filter(source_id=str(case.pk)).exists()


@pytest.fixture
def without_the_hook():
    review._after_close.remove(services.code_for_closed_case)
    yield
    review.after_case_closed(services.code_for_closed_case)


def test_a_case_closed_before_codes_gets_one_on_the_slip_page_once(heyuan, village_assistant, township_officer,
                                                                   neighbour_village_assistant, without_the_hook):
    case = close_case(village_assistant, township_officer)
    assert not RatingCode.objects.exists()
    with pytest.raises(PermissionDenied):
        services.issue_case_code(actor=neighbour_village_assistant, case=case)
    code = services.issue_case_code(actor=village_assistant, case=case)
    assert services.issue_case_code(actor=township_officer, case=case) == code
    assert code.completed_on == TODAY and code.region_code == VILLAGE


def test_an_open_case_gets_no_code(heyuan, village_assistant, township_officer):
    case = review.open_case(chain=CHAIN, region_code=VILLAGE, subject_id_number="", title="王五",
                            actor=village_assistant)
    with pytest.raises(services.ValidationError, match="已办结"):
        services.issue_case_code(actor=township_officer, case=ReviewCase.objects.get(pk=case.pk))

