"""Findings 3 and 8 of issue 9: API tokens expire and can be revoked; a revoked token gets no replayed answer."""

import datetime
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from hrss.accounts import services
from hrss.accounts.models import ApiToken, User
from hrss.core.models import AuditEntry, IdempotencyRecord
from hrss.residents.models import Person
from tests.conftest import VILLAGE
from tests.residents.factories import MAN_1980, WOMAN_1982


def get(token):
    return Client().get(f"/api/v1/regions/{VILLAGE}", headers={"Authorization": f"Bearer {token}"})


def test_a_token_works_until_its_expiry_and_not_after(heyuan, city_admin, clock, settings):
    token = services.create_token(actor=None, user=city_admin)
    lifetime = datetime.timedelta(days=settings.HRSS_API_TOKEN_DAYS)
    clock.shift(lifetime - datetime.timedelta(seconds=1))
    assert get(token).status_code == 200
    clock.shift(datetime.timedelta(seconds=1))
    assert get(token).status_code == 401
    assert ApiToken.objects.get().expires_at == ApiToken.objects.get().created_at + lifetime


def test_revoke_token_revokes_the_only_token(heyuan, city_admin, capsys):
    token = services.create_token(actor=None, user=city_admin)
    call_command("revoke-token", "cindy")
    assert token[5:13] in capsys.readouterr().out
    assert get(token).status_code == 401
    assert AuditEntry.objects.filter(action="accounts.token.revoked", note=token[5:13]).count() == 1


def test_revoke_token_with_several_asks_which(heyuan, city_admin):
    first = services.create_token(actor=None, user=city_admin, name="省平台对接")
    second = services.create_token(actor=None, user=city_admin, name="报表")
    with pytest.raises(CommandError, match="--prefix") as refused:
        call_command("revoke-token", "cindy")
    assert first[5:13] in str(refused.value) and second[5:13] in str(refused.value)
    assert get(first).status_code == 200 and get(second).status_code == 200
    call_command("revoke-token", "cindy", "--prefix", second[5:13])
    assert get(first).status_code == 200 and get(second).status_code == 401
    third = services.create_token(actor=None, user=city_admin)
    call_command("revoke-token", "cindy", "--all")
    assert get(first).status_code == 401 and get(third).status_code == 401


def test_disabling_an_account_revokes_its_tokens_for_good(heyuan, city_admin, system_admin):
    token = services.create_token(actor=None, user=city_admin)
    services.set_active(actor=system_admin, user=city_admin, active=False)
    services.set_active(actor=system_admin, user=city_admin, active=True)
    assert get(token).status_code == 401
    assert ApiToken.objects.get().revoked_at is not None


def test_a_token_of_an_account_that_must_change_its_password_is_refused(heyuan, city_admin):
    token = services.create_token(actor=None, user=city_admin)
    User.objects.filter(pk=city_admin.pk).update(must_change_password=True)
    response = get(token)
    assert response.status_code == 401 and "修改密码" in response.json()["detail"]


def _register(token, key, id_number=WOMAN_1982):
    return Client().post("/api/v1/people", {"id_number": id_number, "name": "李四", "village_code": VILLAGE},
                         content_type="application/json",
                         headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key})


def test_a_revoked_token_gets_no_replayed_answer(heyuan, village_assistant):
    token = services.create_token(actor=None, user=village_assistant)
    assert _register(token, "k1").status_code == 201
    replay = _register(token, "k1")
    assert replay.status_code == 201 and replay["Idempotent-Replayed"] == "true"
    services.revoke_tokens(actor=None, user=village_assistant, every=True)
    refused = _register(token, "k1")
    assert refused.status_code == 401 and "Idempotent-Replayed" not in refused
    assert "李四" not in refused.content.decode()


def test_a_replay_is_only_for_the_token_that_sent_it(heyuan, village_assistant):
    token = services.create_token(actor=None, user=village_assistant)
    assert _register(token, "k1").status_code == 201
    other = services.create_token(actor=None, user=village_assistant)
    again = _register(other, "k1")
    assert "Idempotent-Replayed" not in again and again.status_code == 422  # judged on its own: a duplicate


def test_search_answers_are_not_kept_for_replay(heyuan, village_assistant):
    from hrss.residents import services as resident_services

    resident_services.register_person(actor=village_assistant, id_number=MAN_1980, name="张三",
                                      village=heyuan[VILLAGE])
    token = services.create_token(actor=None, user=village_assistant)
    for _attempt in range(2):
        response = Client().post("/api/v1/people/search", {"query": "张三"}, content_type="application/json",
                                 headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "s1"})
        assert response.status_code == 200 and response.json()["count"] == 1
        assert "Idempotent-Replayed" not in response and response["Cache-Control"] == "no-store"
    assert not IdempotencyRecord.objects.exists()
    assert Person.objects.count() == 1


def test_a_token_is_letters_and_digits_so_its_prefix_never_reads_as_an_option(heyuan, city_admin):
    tokens = [services.create_token(actor=None, user=city_admin, name=str(n)) for n in range(8)]
    assert all(re.fullmatch(r"hrss_[A-Za-z0-9]{43}", token) for token in tokens)
    call_command("revoke-token", "cindy", "--prefix", tokens[0][5:13])
    assert get(tokens[0]).status_code == 401 and get(tokens[1]).status_code == 200
