"""The area's models, one module a part."""

from hrss.supervision.models.appraisal import *  # noqa: F403
from hrss.supervision.models.grid import *  # noqa: F403
from hrss.supervision.models.inspection import *  # noqa: F403
from hrss.supervision.models.petitions import *  # noqa: F403
from hrss.supervision.models.promises import *  # noqa: F403
from hrss.supervision.models.publicity import *  # noqa: F403
from hrss.supervision.models.ratings import *  # noqa: F403
