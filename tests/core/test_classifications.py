"""The occupation (职业分类大典 2022) and industry (GB/T 4754-2017) tables as shipped, their lookups and the
administrator's import of a fuller occupation table."""

import pytest
from django.core.management import CommandError, call_command

from hrss.core import classifications
from hrss.core.models import AuditEntry, Industry, Occupation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_tables():
    classifications.forget()
    yield
    classifications.forget()


def test_the_migration_loads_both_tables_with_their_editions():
    assert Occupation.objects.count() == 2150 and Industry.objects.count() == 1971
    assert [Occupation.objects.filter(level=level).count() for level in (1, 2, 3, 4)] == [8, 72, 439, 1631]
    assert set(Occupation.objects.values_list("edition", flat=True)) == {"2022"}
    assert set(Industry.objects.values_list("edition", flat=True)) == {"2017"}
    assert Occupation.objects.get(code="2-02-38-01").name == "人工智能工程技术人员"
    assert Occupation.objects.filter(mark__in=["L", "L/S"]).count() == 134


def test_codes_at_every_level_are_known():
    for code in ("4", "4-01", "4-01-02", "4-01-02-01"):
        assert classifications.occupation_exists(code), code
    assert not classifications.occupation_exists("4-01-02-77")
    assert not classifications.occupation_exists("")
    assert classifications.industry_exists("C") and classifications.industry_exists("13")
    assert classifications.industry_exists("131") and classifications.industry_exists("0111")
    assert classifications.industry_name("0111") == "稻谷种植"
    assert not classifications.industry_exists("9999")


def test_an_occupation_without_a_name_is_kept_and_said_so():
    assert classifications.occupation_exists("1-06-01")
    assert classifications.occupation_name("1-06-01") == "（名称待补）"
    assert classifications.occupation_name("9-99") == ""


def test_the_path_names_every_level_from_the_top():
    path = classifications.occupation_path("2-02-38-01")
    assert len(path) == 4 and path[-1] == "人工智能工程技术人员"
    assert path[0] == Occupation.objects.get(code="2").name
    assert classifications.occupation_path("2-02") == path[:2]
    assert classifications.occupation_path("nope") == []


def test_the_search_box_finds_by_name_and_by_code():
    choices = classifications.occupation_choices_for("人工智能")
    assert ("2-02-38-01", "人工智能工程技术人员") in choices
    by_code = classifications.occupation_choices_for("2-02-38")
    assert by_code and all(code.startswith("2-02-38") for code, _ in by_code)
    assert classifications.occupation_choices_for("") == []
    assert len(classifications.occupation_choices_for("人员", limit=5)) == 5


def test_a_code_or_an_exact_name_gives_the_code():
    assert classifications.occupation_code_for("2-02-38-01") == "2-02-38-01"
    assert classifications.occupation_code_for("人工智能工程技术人员") == "2-02-38-01"
    assert classifications.occupation_code_for("人工智能") is None


def write(tmp_path, text):
    path = tmp_path / "occupations.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_import_fills_the_missing_rows_and_names(tmp_path, capsys):
    assert not classifications.occupation_exists("8-00")  # the lookups are cached before the import
    path = write(tmp_path, "code,name,level,parent_code\n8-00,不便分类的其他从业人员,2,8\n"
                           "8-00-00,不便分类的其他从业人员,3,8-00\n1-06-01,企业负责人,3,1-06\n")
    call_command("classifications", "import-occupations", path)
    assert "新增 2 个，更新 1 个" in capsys.readouterr().out
    assert classifications.occupation_name("1-06-01") == "企业负责人"  # cache dropped
    assert classifications.occupation_path("8-00-00")[-1] == "不便分类的其他从业人员"
    assert AuditEntry.objects.filter(action="core.occupations.imported").exists()


def test_a_file_with_a_bad_row_imports_nothing_and_says_where(tmp_path):
    path = write(tmp_path, "code,name,level,parent_code\n8-00,不便分类的其他从业人员,2,8\n"
                           "8-00-00,甲,2,8-00\n8-01-00,乙,3,8-01\n9-xx,丙,2,9\n8-00,重复,2,8\n")
    with pytest.raises(CommandError) as refused:
        call_command("classifications", "import-occupations", path)
    message = str(refused.value)
    assert "未导入任何内容" in message
    assert "第3行【level】层级应为3" in message
    assert "第4行【parent_code】上级代码 8-01 既不在文件中" in message
    assert "第5行【code】职业代码“9-xx”格式不对" in message
    assert "第6行【code】职业代码 8-00 与第2行重复" in message
    assert not Occupation.objects.filter(code="8-00").exists()


def test_a_file_without_the_columns_is_refused(tmp_path):
    with pytest.raises(CommandError, match="缺少列"):
        call_command("classifications", "import-occupations", write(tmp_path, "代码,名称\n8-00,x\n"))


def test_an_xlsx_file_is_read_too(tmp_path):
    from hrss.core.spreadsheets import write_xlsx

    path = tmp_path / "occupations.xlsx"
    write_xlsx(str(path), [("职业", ["code", "name", "level", "parent_code"], [["8-00", "不便分类的其他从业人员", 2, "8"]])])
    assert classifications.import_occupations(actor=None, path=str(path)) == (1, 0)


def test_a_user_needs_the_permission(make_user):
    from django.core.exceptions import PermissionDenied

    from hrss.core.permissions import Role
    from tests.conftest import COUNTY

    officer = make_user("officer", COUNTY, Role.COUNTY_OFFICER)
    with pytest.raises(PermissionDenied):
        classifications.import_occupations(actor=officer, path="unused.csv")


def test_the_copy_in_memory_is_read_again_after_a_while(monkeypatch):
    # An import by the command (another process) reaches this one without a restart.
    assert classifications.occupation_name("1-06-01") == "（名称待补）"
    Occupation.objects.filter(code="1-06-01").update(name="企业负责人")
    assert classifications.occupation_name("1-06-01") == "（名称待补）"  # still the copy
    later = classifications.time.monotonic() + classifications.RELOAD_SECONDS + 1
    monkeypatch.setattr(classifications.time, "monotonic", lambda: later)
    assert classifications.occupation_name("1-06-01") == "企业负责人"


def test_the_city_administrator_imports_a_fuller_table_on_the_page(client, system_admin,
                                                                   neighbour_county_system_admin):
    """The page shows what is loaded and imports a file all or nothing; a county's administrator may look but not
    change the city's classification (refused and audited)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(system_admin)
    page = client.get("/classifications/").content.decode()
    assert 'data-testid="occupation-counts"' in page and "<td>细类</td><td>1631</td>" in page
    good = SimpleUploadedFile("大典.csv", "code,name,level,parent_code\n8-00,不便分类的其他从业人员,2,8\n".encode())
    done = client.post("/classifications/upload/", {"file": good}, follow=True).content.decode()
    assert "新增 1 条" in done and Occupation.objects.filter(code="8-00").exists()
    bad = SimpleUploadedFile("大典.csv", "code,name,level,parent_code\n7-01,军官（警官）,3,7\n".encode())
    refused = client.post("/classifications/upload/", {"file": bad}, follow=True).content.decode()
    assert "第2行【level】" in refused and not Occupation.objects.filter(code="7-01").exists()
    client.force_login(neighbour_county_system_admin)
    again = SimpleUploadedFile("大典.csv", "code,name,level,parent_code\n7-01,军官（警官）,2,7\n".encode())
    assert client.post("/classifications/upload/", {"file": again}).status_code == 403
    assert not Occupation.objects.filter(code="7-01").exists()
    assert AuditEntry.objects.filter(action="core.occupations.import", outcome="denied").exists()
