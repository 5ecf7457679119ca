"""Finding 4 of issue 9: a new person is attached only to a household whose head is in the actor's scope; a head
registered in another county answers exactly like a head registered nowhere."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from hrss.accounts import services as account_services
from hrss.residents import services
from hrss.residents.models import LabourStatus, Person, Relation
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, VILLAGE
from tests.residents.factories import CHILD_2015, MAN_1980, WOMAN_1982, make_id_number

NOBODY = make_id_number(sequence=991)


@pytest.fixture
def head_in_zijin(heyuan, neighbour_county_officer):
    return services.register_person(actor=neighbour_county_officer, id_number=MAN_1980, name="紫金户主",
                                     village=heyuan[NEIGHBOUR_COUNTY_VILLAGE], status=LabourStatus.FARMING,
                                     relation_to_head=Relation.HEAD)[0]


def register(actor, heyuan, head_id_number, id_number=WOMAN_1982, status=LabourStatus.FARMING):
    return services.register_person(actor=actor, id_number=id_number, name="李四", village=heyuan[VILLAGE],
                                    status=status, relation_to_head=Relation.SPOUSE, head_id_number=head_id_number)


def test_a_head_in_another_county_answers_like_a_head_registered_nowhere(heyuan, village_assistant, head_in_zijin):
    with pytest.raises(ValidationError) as elsewhere:
        register(village_assistant, heyuan, MAN_1980)
    with pytest.raises(ValidationError) as nowhere:
        register(village_assistant, heyuan, NOBODY)
    assert elsewhere.value.messages == nowhere.value.messages
    assert "请先登记户主" in elsewhere.value.messages[0]
    assert not Person.objects.filter(id_number=WOMAN_1982).exists()
    assert head_in_zijin.household.members.count() == 1


def test_the_api_gives_the_same_answer_for_both(heyuan, village_assistant, head_in_zijin):
    token = account_services.create_token(actor=None, user=village_assistant)
    client = Client(headers={"Authorization": f"Bearer {token}"})
    answers = [client.post("/api/v1/people", {"id_number": WOMAN_1982, "name": "李四", "village_code": VILLAGE,
                                              "relation_to_head": "spouse", "head_id_number": head},
                           content_type="application/json") for head in (MAN_1980, NOBODY)]
    assert [answer.status_code for answer in answers] == [422, 422]
    assert answers[0].json() == answers[1].json()


def test_a_head_in_scope_takes_the_new_member(heyuan, village_assistant):
    head = services.register_person(actor=village_assistant, id_number=MAN_1980, name="张三",
                                    village=heyuan[VILLAGE], status=LabourStatus.FARMING,
                                    relation_to_head=Relation.HEAD)[0]
    child = register(village_assistant, heyuan, MAN_1980, id_number=CHILD_2015, status=LabourStatus.STUDENT)[0]
    assert child.household_id == head.household_id


def test_an_imported_row_is_not_attached_to_a_household_in_another_county(tmp_path, heyuan, village_assistant,
                                                                          head_in_zijin):
    from hrss.core.models import AuditEntry
    from hrss.residents.imports import import_ledger
    from tests.conftest import TODAY
    from tests.residents.test_import_ledger import GOOD_ROWS, write_xlsx

    rows = [GOOD_ROWS[1], [CHILD_2015, "张小", "子女", NOBODY, "农业", "", "在校", ""]]  # 李四's head is in 紫金县
    result = import_ledger(write_xlsx(tmp_path / "l.xlsx", rows), actor=village_assistant, village=heyuan[VILLAGE],
                           today=TODAY)
    assert [(error.row, error.column) for error in result.rejected] == [(2, "户主公民身份号码")]
    assert "辖区以外" in result.rejected[0].reason
    assert result.created == 1  # the child's head is registered nowhere: a new household in 下城社区, as before
    assert not Person.objects.filter(id_number=WOMAN_1982).exists()
    assert head_in_zijin.household.members.count() == 1
    assert AuditEntry.objects.filter(action="residents.import.registered_elsewhere",
                                     subject_id_number=MAN_1980).exists()
