"""The targets part's tests build their cases with the fixtures of the areas whose measures they count (a seeker,
a vacancy, a registered unemployed person: the referrals part's; a resident and a course: the training part's)."""

import pytest

from hrss.network.targets import config
from tests.jobservices.referrals.conftest import (  # noqa: F401
    make_person,
    make_seeker,
    make_vacancy,
    registered_unemployed,
)
from tests.jobservices.training.conftest import make_course, resident  # noqa: F401


@pytest.fixture
def fresh_targets():
    """The plan's targets only, after a test that adds one of its own."""
    yield
    for target in list(config._extra):
        config.remove_target(target.code)
