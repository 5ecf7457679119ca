"""`hrss demo` asks each installed area for its demo data (core.areas) and prints what `make run` always printed:
the areas' lines first, the demo logins last."""

from django.core.management import call_command

from hrss.accounts.demo import DEMO_USERS


def test_the_demo_prints_the_logins_last_after_each_areas_data(heyuan, capsys):
    call_command("demo", "--people", "300", "--seed", "2011")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("已生成演示人口 300 人")
    assert lines[1] == "已生成演示失业登记 7 件（下城社区，各办理环节都有）。"
    assert lines[2] == "演示账号（密码均为 Heyuan@2026）："
    assert [line.split()[0] for line in lines[3:]] == [username for username, *_ in DEMO_USERS]
    assert lines[3].split() == ["province", "省级查看", "广东省"]


def test_without_people_the_demo_makes_the_logins_only(heyuan, capsys):
    call_command("demo")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "演示账号（密码均为 Heyuan@2026）："
    assert len(lines) == 1 + len(DEMO_USERS)
    call_command("demo", "--people", "0")
    assert capsys.readouterr().out.splitlines() == lines  # again: the same accounts, nothing new
