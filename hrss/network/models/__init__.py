"""The area's models, one module a part."""

from hrss.network.models.acceptance import *  # noqa: F403
from hrss.network.models.activity import *  # noqa: F403
from hrss.network.models.dashboard import *  # noqa: F403
from hrss.network.models.funding import *  # noqa: F403
from hrss.network.models.offices import *  # noqa: F403
from hrss.network.models.reports import *  # noqa: F403
from hrss.network.models.standards import *  # noqa: F403
from hrss.network.models.targets import *  # noqa: F403
