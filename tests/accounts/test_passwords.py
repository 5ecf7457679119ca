import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

from hrss.accounts.models import User
from hrss.accounts.services import generate_initial_password


def check(password, username="wanglihua"):
    password_validation.validate_password(password, User(username=username))


def problems(password, username="wanglihua"):
    """What the policy says is wrong with a password: an empty list when it is accepted."""
    try:
        check(password, username)
    except ValidationError as refused:
        return refused.messages
    return []


@pytest.mark.parametrize("password", ["Ab1!xyz", "abcdefgh1", "ABCDEFGH!", "Password1", "wanglihua2026A"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        check(password)


def test_seven_characters_are_too_few_and_eight_are_enough():
    with pytest.raises(ValidationError):
        check("Hy2026!")
    check("Hy2026!x")


def test_two_classes_are_too_few_and_three_are_enough():
    with pytest.raises(ValidationError, match="至少3类"):
        check("heyuanlongchuan2026")
    check("Heyuanlongchuan2026")


def test_sixty_four_characters_are_accepted():
    passphrase = "Aa1!" * 16
    assert len(passphrase) == 64 and problems(passphrase) == []
    assert problems("Aa1!") != []  # the same classes, too short: the check is really made


def test_the_message_says_what_to_fix():
    with pytest.raises(ValidationError) as error:
        check("heyuanzijin")
    assert any("大写字母、小写字母、数字、符号" in message for message in error.value.messages)


def test_generated_initial_passwords_pass_the_policy():
    generated = [generate_initial_password() for _ in range(50)]
    assert [(password, problems(password)) for password in generated] == [(password, []) for password in generated]
    assert len(set(generated)) == 50  # random, not one password handed to everyone
