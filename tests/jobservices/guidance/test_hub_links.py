"""The area's home page (就业服务) leads to the guidance ledger and the fairs; registering a fair only for whoever
may handle job services."""

from tests.conftest import login


def test_the_township_officer_finds_the_ledger_the_fairs_and_the_new_fair(client, township_officer):
    page = login(client, township_officer).get("/jobservices/").content.decode()
    for label, url in (("职业指导台账", "/jobservices/guidance/"), ("招聘会", "/jobservices/fairs/"),
                       ("登记招聘会", "/jobservices/fairs/new/")):
        assert label in page and f'href="{url}"' in page
        assert client.get(url).status_code == 200


def test_a_viewer_sees_the_lists_but_cannot_register_a_fair(client, province_viewer):
    page = login(client, province_viewer).get("/jobservices/").content.decode()
    assert 'href="/jobservices/fairs/"' in page and 'href="/jobservices/fairs/new/"' not in page
    assert client.get("/jobservices/fairs/new/").status_code == 403
