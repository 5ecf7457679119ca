"""`hrss demo` asks each installed area for its demo data (core.areas) and prints what `make run` always printed:
the areas' lines first, the demo logins last (core's staff first, then the logins an area adds for its own roles)."""

from django.core.management import call_command

from hrss.accounts.demo import DEMO_USERS
from hrss.core.permissions import all_roles

HEADER = "演示账号（密码均为 Heyuan@2026）："


def test_the_demo_prints_the_logins_last_after_each_areas_data(heyuan, capsys):
    call_command("demo", "--people", "300", "--seed", "2011")
    lines = capsys.readouterr().out.splitlines()
    header = lines.index(HEADER)
    assert lines[0].startswith("已生成演示人口 300 人")
    assert "已生成演示失业登记 7 件（下城社区，各办理环节都有）。" in lines[1:header]
    logins = [line.split()[0] for line in lines[header + 1:]]
    assert logins[:len(DEMO_USERS)] == [username for username, *_ in DEMO_USERS]
    assert lines[header + 1].split() == ["province", "省级查看", "广东省"]
    # An area's own logins follow (under a heading of the area's), each naming a role the area registered.
    role_labels = {str(role.label) for role in all_roles()}
    assert all(line.endswith("：") or line.split()[1] in role_labels
               for line in lines[header + 1 + len(DEMO_USERS):])


def test_without_people_the_demo_makes_the_logins_only(heyuan, capsys):
    call_command("demo")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == HEADER
    assert [line.split()[0] for line in lines[1:len(DEMO_USERS) + 1]] == [username for username, *_ in DEMO_USERS]
    call_command("demo", "--people", "0")
    assert capsys.readouterr().out.splitlines() == lines  # again: the same accounts, nothing new
