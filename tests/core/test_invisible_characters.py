"""Finding L1 of issue 9, section 4: the staff forms took the characters the API refused (a person's name saved as
"陈\u202e伟甲乙" displayed reversed), and the API missed several. One definition (core.text) now serves both: this
walks every form of every area and the API's text type."""

import inspect

import pytest
from django import forms
from django.test import Client
from django.urls import reverse

from hrss.accounts import forms as account_forms
from hrss.accounts import services as account_services
from hrss.core import forms as core_forms
from hrss.core import text
from hrss.core.forms import RegionField
from hrss.employment import forms as employment_forms
from hrss.residents import forms as resident_forms
from hrss.residents import services
from hrss.residents.models import Person
from tests.conftest import VILLAGE, login
from tests.residents.factories import MAN_1980

REFUSED = {
    "right-to-left override": "\u202e", "left-to-right embedding": "\u202a", "pop directional": "\u202c",
    "left-to-right mark": "\u200e", "right-to-left mark": "\u200f", "Arabic letter mark": "\u061c",
    "first strong isolate": "\u2068", "pop isolate": "\u2069", "zero-width space": "\u200b",
    "zero-width joiner": "\u200d", "word joiner": "\u2060", "invisible plus": "\u2064",
    "byte order mark": "\ufeff", "line separator": "\u2028", "paragraph separator": "\u2029",
    "NUL": "\x00", "escape": "\x1b", "DEL": "\x7f", "C1 NEL": "\x85", "C1 CSI": "\x9b",
}
LINE_BREAKS = {"tab": "\t", "line feed": "\n", "carriage return": "\r"}

# LoginForm is Django's, and only compares what is typed with what is stored.
NOT_WALKED = {account_forms.LoginForm}


def all_forms():
    for module in (core_forms, resident_forms, employment_forms, account_forms):
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__ and cls not in NOT_WALKED:
                yield cls


def text_fields(form):
    return {name: field for name, field in form.fields.items()
            if isinstance(field, forms.CharField) and not isinstance(field, RegionField)
            and not isinstance(field.widget, forms.PasswordInput | forms.HiddenInput)}


def make(cls, user, data=None):
    """The form, given the user when it asks for one (a form with a region picker)."""
    wants_actor = any("actor" in inspect.signature(base.__init__).parameters for base in cls.__mro__
                      if "__init__" in vars(base))
    return cls(data, **({"actor": user} if wants_actor else {}))


def test_every_text_field_of_every_form_refuses_invisible_characters_naming_itself(heyuan, city_admin):
    walked = []
    for cls in all_forms():
        for name, field in text_fields(make(cls, city_admin)).items():
            form = make(cls, city_admin, {name: "陈\u202e伟甲乙"})
            form.is_valid()
            expected = f"「{field.label or name}」含有不可见的控制字符，请删除后重新输入。"
            assert expected in form.errors.get(name, []), f"{cls.__name__}.{name}: {form.errors.get(name)}"
            walked.append(f"{cls.__name__}.{name}")
    # The walk reached the forms of each area (a renamed module or class must not make it walk nothing).
    assert {"PersonForm.name", "NewPersonForm.id_number", "HiresForm.lines", "ContactForm.note",
            "RenameRegionForm.new_name", "UserCreateForm.username", "PasswordResetForm.username"} <= set(walked)


@pytest.mark.parametrize("character", REFUSED.values(), ids=REFUSED.keys())
def test_each_refused_character(character):
    assert text.has_invisible(f"陈{character}伟") and text.has_invisible(f"陈{character}伟", lines=True)
    form = resident_forms.PersonForm({"name": f"陈{character}伟"})
    form.is_valid()
    assert "「姓名」含有不可见的控制字符，请删除后重新输入。" in form.errors["name"]  # (a NUL: Django's own message too)


@pytest.mark.parametrize("character", LINE_BREAKS.values(), ids=LINE_BREAKS.keys())
def test_a_multi_line_field_keeps_its_line_breaks_and_a_one_line_field_does_not(heyuan, city_admin, character):
    lines = make(employment_forms.HiresForm, city_admin, {"lines": f"441602198001010118{character}2026-05-08"})
    lines.is_valid()
    assert "lines" not in lines.errors
    name = resident_forms.PersonForm({"name": f"陈{character}伟"})
    name.is_valid()
    assert "name" in name.errors


def test_plain_chinese_and_spaces_between_words_pass(heyuan):
    form = resident_forms.PersonForm({"name": "欧阳 娜娜", "skills": "电工、焊工（中级）"})
    form.is_valid()
    assert "name" not in form.errors and "skills" not in form.errors


@pytest.mark.parametrize("username", ["li si", "li\u3000si", "li\tsi", "li\u200bsi"])
def test_a_username_is_one_word(heyuan, city_admin, username):
    form = account_forms.UserCreateForm({"username": username}, actor=city_admin)
    form.is_valid()
    assert "username" in form.errors and "「用户名」" in form.errors["username"][0]


def test_the_person_edit_page_refuses_a_reversed_name(client, heyuan, village_assistant):
    person = services.register_person(actor=village_assistant, id_number=MAN_1980, name="陈伟",
                                      village=heyuan[VILLAGE])[0]
    page = login(client, village_assistant).post(reverse("residents:person-edit", args=[person.pk]), {
        "name": "陈\u202e伟甲乙", "work_capacity": "full", "retirement_category": "worker",
        "version": person.version}, follow=True).content.decode()
    assert "「姓名」含有不可见的控制字符，请删除后重新输入。" in page
    assert Person.objects.get(pk=person.pk).name == "陈伟"


@pytest.mark.parametrize("character", REFUSED.values(), ids=REFUSED.keys())
def test_the_api_refuses_the_same_characters(heyuan, village_assistant, character):
    token = account_services.create_token(actor=None, user=village_assistant)
    response = Client(headers={"Authorization": f"Bearer {token}"}).post(
        "/api/v1/people", {"name": f"陈{character}伟", "id_number": MAN_1980, "village_code": VILLAGE},
        content_type="application/json")
    assert response.status_code == 422 and f"name：{text.invisible_message()}" in response.json()["detail"]
