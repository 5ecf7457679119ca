"""The area's models, one module a part (see hrss/core/parts.py). Each part's helper owns its module."""

from hrss.jobservices.models.employers import *  # noqa: F403
from hrss.jobservices.models.guidance import *  # noqa: F403
from hrss.jobservices.models.loans import *  # noqa: F403
from hrss.jobservices.models.referrals import *  # noqa: F403
from hrss.jobservices.models.seekers import *  # noqa: F403
from hrss.jobservices.models.training import *  # noqa: F403
