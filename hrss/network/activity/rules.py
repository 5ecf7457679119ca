"""应用与联网's rule as dated configuration (core.dated.in_force): after how many days without any activity an
office is listed as not using the platform. The plan asks that every office use the unified software (100% 应用) and
be connected (100% 联网) but gives no number of days: 30 is [believed], the city's working practice (an office that
has done nothing on the platform for a month is asked why); a later rule is a new row, from its date on."""

import datetime

from hrss.core.dated import in_force

INACTIVE_DAYS = ((datetime.date(2011, 1, 1), 30),)
SOURCE = "河源市基层人力资源和社会保障公共服务平台建设规划（五个100%：100%应用、100%联网）；天数为市人社局设定的检查口径"


def inactive_days(on):
    """The number of days without activity after which an office is listed, in force on `on`."""
    return in_force(INACTIVE_DAYS, on)
