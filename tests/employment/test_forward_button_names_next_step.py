"""The forwarding button names the step the case goes to, as the chain calls it: the township's reviewer sends it to
the county's 经办 (not straight to 审批), the county's officer to the approver."""

from tests.conftest import login
from tests.employment.test_review_roles import move, registration  # noqa: F401  (the fixture)


def buttons(client, registration):  # noqa: F811
    html = client.get(f"/employment/unemployment/{registration.pk}/").content.decode()
    decide = html[html.index('data-testid="decide"'):]
    return decide[:decide.index("</form>")]


def test_the_township_reviewer_forwards_to_the_countys_handling_step(client, registration,  # noqa: F811
                                                                      township_reviewer):
    page = buttons(login(client, township_reviewer), registration)
    assert "审核通过，报县(区)经办（经办员复核）" in page and "报县(区)审批" not in page


def test_the_county_officer_forwards_to_the_approver(client, registration, township_reviewer,  # noqa: F811
                                                     county_officer):
    move(registration, township_reviewer)
    page = buttons(login(client, county_officer), registration)
    assert "复核通过，报县(区)审批（审批员）" in page
