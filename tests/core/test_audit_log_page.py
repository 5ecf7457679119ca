"""The audit log reads in Chinese: action names, region names, and what changed as before → after."""

import re

from django.test import Client

from hrss.accounts import services as account_services
from hrss.core import audit
from hrss.core.permissions import Role
from tests.conftest import NEIGHBOUR_VILLAGE, VILLAGE


def audit_page(auditor, **query):
    client = Client()
    client.force_login(auditor)
    html = client.get("/audit/", query).content.decode()
    return html[html.index('data-testid="audit-table"'):]


def rows(table):
    return re.findall(r"<tr[ >].*?</tr>", table, re.S)[1:]  # without the header


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_an_account_change_shows_its_chinese_name_the_region_and_before_after(heyuan, auditor, system_admin,
                                                                              village_assistant):
    account_services.update_user(actor=system_admin, user=village_assistant, full_name="王芳",
                                 phone=village_assistant.phone, region=heyuan[NEIGHBOUR_VILLAGE])
    row = text(rows(audit_page(auditor, action="accounts.user.updated"))[0])
    assert "修改账号信息" in row
    assert "姓名： alice → 王芳" in row
    assert "所属区域： 下城社区 → 公园社区" in row
    assert "联系电话" not in row  # unchanged fields are left out
    assert "{" not in row and "region_id" not in row


def test_disabling_shows_yes_and_no(heyuan, auditor, system_admin, village_assistant):
    account_services.set_active(actor=system_admin, user=village_assistant, active=False)
    row = text(rows(audit_page(auditor, action="accounts.user.disabled"))[0])
    assert "停用账号" in row and "是 → 否" in row and "True" not in row


def test_roles_are_shown_by_their_names(heyuan, auditor, security_admin, make_user):
    user = make_user("kim", VILLAGE)
    account_services.set_roles(actor=security_admin, user=user, roles=[Role.VILLAGE_ASSISTANT])
    row = text(rows(audit_page(auditor, action="accounts.user.roles_changed"))[0])
    assert "分配角色" in row and "角色： （空） → 村(社区)协理员" in row


def test_the_region_column_names_the_region(heyuan, auditor, village_assistant):
    audit.record(actor=village_assistant, action="residents.ledger.exported", target=heyuan[VILLAGE],
                 after={"rows": 12})
    row = text(rows(audit_page(auditor, action="residents.ledger.exported"))[0])
    assert "导出劳动力台账" in row and "下城社区" in row and "行数： 12" in row


def test_the_search_lists_the_actions_by_name_and_filters_by_the_chosen_one(heyuan, auditor, system_admin,
                                                                              village_assistant):
    account_services.set_active(actor=system_admin, user=village_assistant, active=False)
    account_services.set_active(actor=system_admin, user=village_assistant, active=True)
    client = Client()
    client.force_login(auditor)
    html = client.get("/audit/").content.decode()
    select = re.search(r'<select name="action".*?</select>', html, re.S).group(0)
    assert '<option value="accounts.user.disabled">停用账号</option>' in select
    assert '<optgroup label="工作人员账号">' in select
    found = [text(row) for row in rows(audit_page(auditor, action="accounts.user.enabled"))]
    assert len(found) == 1 and "启用账号" in found[0]


def test_an_action_nobody_named_shows_as_written(heyuan, auditor, village_assistant):
    audit.record(actor=village_assistant, action="test.unnamed")
    assert "test.unnamed" in text(rows(audit_page(auditor, username="alice"))[0])


def test_a_key_named_like_a_reverse_relation_of_the_target_is_shown_by_its_audit_name(heyuan, auditor,
                                                                                       village_assistant):
    """`children` is no column of a region but another region's foreign key to it: the page names the key as the
    audit names it (or shows it as it is), instead of failing on the relation."""
    audit.record(actor=village_assistant, action="residents.ledger.exported", target=heyuan[VILLAGE],
                 after={"children": 3, "rows": 12})
    row = text(rows(audit_page(auditor, action="residents.ledger.exported"))[0])
    assert "行数： 12" in row and "children： 3" in row
