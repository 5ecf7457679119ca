import json

from django.core.management import call_command

from tests.residents.factories import MAN_1980


def run(capsys, *args):
    call_command("idcheck", *args)
    return json.loads(capsys.readouterr().out)


def test_a_valid_number(capsys):
    assert run(capsys, MAN_1980.lower()) == {"valid": True, "error": None, "id_number": MAN_1980, "sex": "M",
                                             "birth_date": "1980-01-01", "retirement_month": "2043-01"}


def test_a_fifteen_digit_number_is_converted(capsys):
    result = run(capsys, "441602750315022")
    assert result["id_number"] == "441602197503150220" and result["sex"] == "F"
    assert result["retirement_month"] == "2025-05"  # woman worker born 1975-03: 50 years and 2 months


def test_a_cadre_retires_later(capsys):
    # Women cadres: 55, raised one month per four birth months from 1970-01: 1975-03 is the 16th step.
    assert run(capsys, "441602197503150220", "--category", "cadre")["retirement_month"] == "2031-07"


def test_an_invalid_number_says_why(capsys):
    result = run(capsys, "441602198001010117")
    assert result["valid"] is False and "校验码" in result["error"] and result["id_number"] is None
