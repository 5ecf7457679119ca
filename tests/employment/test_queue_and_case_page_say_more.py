"""The village's queue shows why a case was sent back; the case page shows the person's 台账状态."""

import re

from tests.conftest import login
from tests.employment.test_returned_application_correction import returned  # noqa: F401  (the fixture)


def test_the_queue_shows_the_return_reason(client, returned, village_assistant):  # noqa: F811
    html = login(client, village_assistant).get("/employment/queue/").content.decode()
    reasons = re.findall(r'data-testid="returned-for">([^<]*)<', html)
    assert reasons and set(reasons) == {"退回理由：失业日期与解除劳动关系证明不一致"}  # the phone list and the table


def test_the_case_page_shows_the_persons_ledger_status(client, returned, township_reviewer):  # noqa: F811
    html = login(client, township_reviewer).get(f"/employment/unemployment/{returned.pk}/").content.decode()
    status = re.search(r'data-testid="ledger-status">([^<]*)<', html).group(1)
    assert status.startswith("务农")
