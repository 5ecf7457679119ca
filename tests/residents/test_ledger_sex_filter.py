"""The ledger's sex filter says what its empty choice means (性别不限), not "男女"."""

from django.test import Client


def test_the_sex_filter_reads_any_sex(heyuan, village_assistant):
    client = Client()
    client.force_login(village_assistant)
    html = client.get("/residents/").content.decode()
    assert '<select class="form-select form-select-sm" name="sex" aria-label="性别"><option value="">性别不限</option>' in html
    assert ">男女<" not in html
