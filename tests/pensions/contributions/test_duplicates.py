"""The same file twice changes nothing (and says so); a row already imported in another file is a duplicate, not
applied twice."""

import datetime

from hrss.pensions.contributions import services
from hrss.pensions.models import Contribution, ContributionImport
from tests.conftest import TODAY

PAID = (TODAY - datetime.timedelta(days=2)).isoformat()


def test_the_same_file_twice_changes_nothing_and_says_so(payer, village_assistant, csv_file):
    path = csv_file([(payer.id_number, payer.name, TODAY.year, "600", PAID, "B1")])
    first, _ = services.import_file(path, actor=village_assistant, source="bank")
    before = list(Contribution.objects.values_list("pk", flat=True))
    again, result = services.import_file(path, actor=village_assistant, source="bank")
    assert again.pk == first.pk and again.same_file
    assert "已导入过，本次未做任何改动" in services.same_file_message(again)
    assert list(Contribution.objects.values_list("pk", flat=True)) == before
    assert ContributionImport.objects.count() == 1
    assert result.rows_read == 0


def test_the_same_file_from_another_source_is_a_new_import(payer, village_assistant, csv_file):
    path = csv_file([(payer.id_number, payer.name, TODAY.year, "600", PAID, "B1")])
    services.import_file(path, actor=village_assistant, source="bank")
    job, result = services.import_file(path, actor=village_assistant, source="tax")
    assert not job.same_file and result.matched == 1


def test_a_row_in_two_files_is_applied_once(payer, make_person, village_assistant, csv_file):
    other = make_person("周另一", serial=311)
    services.import_file(csv_file([(payer.id_number, payer.name, TODAY.year, "600", PAID, "B7")]),
                         actor=village_assistant, source="bank")
    job, result = services.import_file(csv_file([(payer.id_number, payer.name, TODAY.year, "600", PAID, "B7"),
                                                 (other.id_number, other.name, TODAY.year, "300", PAID, "B8")]),
                                       actor=village_assistant, source="bank")
    assert (result.matched, result.duplicates, result.unmatched) == (1, 1, 0)
    job.refresh_from_db()
    assert (job.matched, job.duplicates) == (1, 1)
    assert Contribution.objects.filter(person=payer, kind="personal").count() == 1


def test_a_row_twice_in_one_file_is_applied_once(payer, village_assistant, csv_file):
    row = (payer.id_number, payer.name, TODAY.year, "600", PAID, "B9")
    _job, result = services.import_file(csv_file([row, row]), actor=village_assistant, source="bank")
    assert (result.matched, result.duplicates) == (1, 1)


def test_a_dry_run_writes_nothing(payer, village_assistant, csv_file):
    job, result = services.import_file(csv_file([(payer.id_number, payer.name, TODAY.year, "600", PAID, "B10"),
                                                 (payer.id_number, "错名", TODAY.year, "600", PAID, "B11")]),
                                       actor=village_assistant, source="bank", dry_run=True)
    assert job is None and (result.matched, result.unmatched) == (1, 1)
    assert not Contribution.objects.exists() and not ContributionImport.objects.exists()


def test_a_neighbour_who_imports_the_same_file_first_neither_sees_nor_blocks_the_village_import(
        payer, village_assistant, neighbour_village_assistant, csv_file):
    """The neighbouring village uploads the bank's file first (its rows are not its people: unmatched); the village's
    own upload of the same bytes is then imported, not answered with the neighbour's import."""
    path = csv_file([(payer.id_number, payer.name, TODAY.year, "600", PAID, "B21")])
    theirs, their_result = services.import_file(path, actor=neighbour_village_assistant, source="bank")
    assert (their_result.matched, their_result.unmatched) == (0, 1)
    ours, result = services.import_file(path, actor=village_assistant, source="bank")
    assert not ours.same_file and ours.pk != theirs.pk and ours.region_code == village_assistant.region.code
    assert result.matched == 1
    assert Contribution.objects.filter(person=payer, kind="personal", source_ref="B21").count() == 1
    # And the neighbour uploading it again sees only its own earlier import.
    again, _ = services.import_file(path, actor=neighbour_village_assistant, source="bank")
    assert again.pk == theirs.pk and again.same_file
