"""The area's models, one module a part (core/parts.py). Each part's author owns its module."""

from hrss.pensions.models.benefits import *  # noqa: F403
from hrss.pensions.models.cards import *  # noqa: F403
from hrss.pensions.models.certification import *  # noqa: F403
from hrss.pensions.models.contributions import *  # noqa: F403
from hrss.pensions.models.enrolment import *  # noqa: F403
from hrss.pensions.models.retirees import *  # noqa: F403
