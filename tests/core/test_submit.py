"""core.forms.submit, the POST of one form shared by the areas' pages: what each outcome of the write service
answers, and what is flashed."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.http import HttpResponse

from hrss.core import review
from hrss.core.forms import submit


class NoteForm(forms.Form):
    note = forms.CharField(max_length=10)


@pytest.fixture
def request_(rf):
    request = rf.post("/", {"note": "好"})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def flashed(request):
    return [(message.level_tag, message.message) for message in get_messages(request)]


def answer(request, form, act, **kwargs):
    return submit(request, form, act, done=lambda result: HttpResponse(f"done {result}"),
                  redisplay=lambda form: HttpResponse(f"again {form.non_field_errors()}"), **kwargs)


def raising(error):
    def act(data):
        raise error
    return act


def test_a_valid_form_calls_the_service_flashes_and_answers_done(request_):
    response = answer(request_, NoteForm(request_.POST), lambda data: data["note"] * 2,
                      success=lambda result: f"已保存 {result}")
    assert response.content.decode() == "done 好好"
    assert flashed(request_) == [("success", "已保存 好好")]


def test_an_invalid_form_is_shown_again_without_calling_the_service(request_):
    calls = []
    form = NoteForm({"note": ""})
    response = answer(request_, form, calls.append, success="不应出现")
    assert calls == [] and response.content.decode().startswith("again")
    assert "note" in form.errors and flashed(request_) == []


def test_a_refusal_goes_on_the_form_as_a_whole_form_error(request_):
    form = NoteForm(request_.POST)
    response = answer(request_, form, raising(ValidationError(["第一条", "第二条"])), success="不应出现")
    assert form.non_field_errors() == ["第一条", "第二条"]
    assert "第一条" in response.content.decode() and flashed(request_) == []


def test_a_case_moved_by_someone_else_is_flashed_and_answers_changed(request_):
    form = NoteForm(request_.POST)
    response = answer(request_, form, raising(review.CaseChanged()), success="不应出现",
                      changed=lambda: HttpResponse("the case now"))
    assert response.content.decode() == "the case now"
    assert flashed(request_) == [("error", str(review.CaseChanged()))]


def test_a_refused_move_goes_on_the_form(request_):
    form = NoteForm(request_.POST)
    answer(request_, form, raising(review.MoveRefused("请填写理由。")), success="不应出现",
           changed=lambda: HttpResponse("the case now"))
    assert form.non_field_errors() == ["请填写理由。"] and flashed(request_) == []


@pytest.mark.parametrize("error", [review.CaseChanged(), review.MoveRefused("不能办理。")])
def test_without_changed_a_review_error_is_not_caught(request_, error):
    with pytest.raises(type(error)):
        answer(request_, NoteForm(request_.POST), raising(error), success="不应出现")
