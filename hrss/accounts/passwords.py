"""Password composition for 等保 level 3: at least three of the four character classes.

ASVS advises against composition rules; 等保 requires them and wins here (docs/adr/0002-password-policy.md).
Length, common passwords and similarity to the username are Django's own validators (settings.py).
"""

import string

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CLASSES = (
    ("lower", lambda c: c in string.ascii_lowercase),
    ("upper", lambda c: c in string.ascii_uppercase),
    ("digit", lambda c: c.isdigit()),
    ("symbol", lambda c: not c.isalnum()),
)


def character_classes(password):
    return {name for name, test in CLASSES if any(test(c) for c in password)}


class CharacterClassValidator:
    def __init__(self, min_classes=3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        if len(character_classes(password)) < self.min_classes:
            raise ValidationError(
                _("密码须包含大写字母、小写字母、数字、符号中的至少%(n)d类。") % {"n": self.min_classes},
                code="password_too_simple",
            )

    def get_help_text(self):
        return _("密码须包含大写字母、小写字母、数字、符号中的至少%(n)d类。") % {"n": self.min_classes}


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule with the message in Chinese (Django's own zh-hans catalogue leaves it in English)."""

    def get_error_message(self):
        return _("密码太短，至少需要%(n)d个字符。") % {"n": self.min_length}

    def get_help_text(self):
        return _("密码至少需要%(n)d个字符。") % {"n": self.min_length}
