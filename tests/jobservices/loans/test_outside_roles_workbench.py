"""The guarantee agency's and the bank's accounts open the workbench and reach the loans from its menu, without
seeing the other employment services; staff keep one 就业服务 entry."""

from django.test import Client


def page(user, path):
    client = Client()
    client.force_login(user)
    return client.get(path)


def test_a_guarantee_officer_lands_on_the_workbench_with_the_loans_in_the_menu(guarantee_officer, bank_officer):
    for user in (guarantee_officer, bank_officer):
        home = page(user, "/")
        assert home.status_code == 200
        html = home.content.decode()
        assert 'href="/jobservices/loans/applications/"' in html and ">创业担保贷款<" in html
        assert page(user, "/jobservices/").status_code == 403  # employers, seekers... are not theirs
        assert page(user, "/jobservices/loans/applications/").status_code == 200


def test_staff_reach_the_loans_through_the_area_home_not_a_second_entry(township_officer):
    html = page(township_officer, "/").content.decode()
    assert 'href="/jobservices/"' in html and 'href="/jobservices/loans/applications/"' not in html
