"""The area's models, one module a part (core/parts.py). Each part's author owns its module."""

from hrss.assistance.models.campaigns import *  # noqa: F403
from hrss.assistance.models.community import *  # noqa: F403
from hrss.assistance.models.flexible import *  # noqa: F403
from hrss.assistance.models.households import *  # noqa: F403
from hrss.assistance.models.posts import *  # noqa: F403
from hrss.assistance.models.recognition import *  # noqa: F403
from hrss.assistance.models.support import *  # noqa: F403
