"""The example area's one service in the catalogue (core.catalogue): its checklist and promise as dated rows, and
the review chain whose cases are its cases."""

import datetime

from hrss.core.catalogue import Document, Service
from tests.plugin_area.chains import VISIT_REVIEW

VISIT = Service(
    code="plugin_area/visit",
    name="示例检查申请",
    area_label="plugin_area",
    documents=((datetime.date(2020, 1, 1), (Document("居民身份证", copies=1), Document("示例检查申请表", "现场填写",
                                                                                       original_shown=False))),),
    promised_days=((datetime.date(2020, 1, 1), 3),),
    case_type=VISIT_REVIEW.case_type,
    who="本县(区)居民",
    legal_basis="示例规定第1条",
    where="县(区)示例窗口",
)

SERVICES = (VISIT,)
