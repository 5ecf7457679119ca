"""`hrss deadline KIND --from YYYY-MM-DD`: the legal deadline as one line of JSON with the keys kind, from and due;
petitions in calendar days (rolled over a rest day), inspection in working days of the holiday arrangement; a bad
kind or date exits with code 2 and a Chinese message on stderr."""

import io
import json

import pytest
from django.core.management import call_command


def run(*args):
    out = io.StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue()


def test_the_accept_deadline_of_a_petition_received_on_2_march_2026(db):
    printed = run("petition-accept", "--from", "2026-03-02")
    assert printed.strip() == '{"kind": "petition-accept", "from": "2026-03-02", "due": "2026-03-17"}'
    assert list(json.loads(printed)) == ["kind", "from", "due"]


@pytest.mark.parametrize(("kind", "start", "due"), [
    ("petition-accept", "2026-09-16", "2026-10-08"),  # the 15th day is National Day: after the holiday
    ("petition-handle", "2026-03-09", "2026-05-08"),
    ("petition-handle", "2026-03-05", "2026-05-06"),  # 4 May is a 劳动节 holiday
    ("petition-extension", "2026-05-08", "2026-06-08"),  # 7 June is a Sunday
    ("inspection-accept", "2026-09-30", "2026-10-13"),  # 5 working days across National Day (10 Oct works)
    ("inspection-conclude", "2026-03-02", "2026-05-28"),
    ("inspection-extension", "2026-05-28", "2026-07-10"),  # 19 June is 端午
])
def test_each_kind(kind, start, due, db):
    assert json.loads(run(kind, "--from", start)) == {"kind": kind, "from": start, "due": due}


@pytest.mark.parametrize(("args", "message"), [
    (("petition-nothing", "--from", "2026-03-02"), "期限种类“petition-nothing”不存在"),
    (("petition-accept", "--from", "2026-02-30"), "不是有效日期"),
    (("petition-accept", "--from", "02/03/2026"), "不是有效日期"),
    (("petition-accept",), "请用 --from YYYY-MM-DD 给出起算日"),
    (("petition-accept", "--from", "1999-01-01"), "早于该期限的依据施行之日"),
    (("petition-accept", "--from", "2026-12-20"), "尚未录入2027年的节假日安排"),
])
def test_bad_input_exits_2_with_a_chinese_message(args, message, db, capsys):
    with pytest.raises(SystemExit) as exit_:
        run(*args)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
