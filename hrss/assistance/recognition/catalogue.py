"""就业困难人员认定 in the service catalogue (core.catalogue). Its checklist is the categories' own (categories.py:
ID, 户口簿, the registration certificate and each category's proof), read from the categories in force on each day
the list changed, so the catalogue and the intake never disagree; its promise is the township's review, the notice
and the county's approval added up (rules.FIVE_WORKING_DAYS twice and NOTICE_WORKING_DAYS: [believed], as they
are there)."""

import datetime

from hrss.assistance.recognition import categories, rules
from hrss.assistance.recognition.chains import RECOGNITION
from hrss.core.catalogue import Document, Service
from hrss.core.dated import in_force


def _documents_on(day):
    """Every document some category in force on `day` asks for, once, each category proof noting whom it is for."""
    rows = categories.categories_on(day)
    common = [name for name in rows[0].documents if all(name in row.documents for row in rows)]
    listed = [Document(name, copies=1) for name in common]
    for name in dict.fromkeys(name for row in rows for name in row.documents if name not in common):
        needing = "、".join(row.name.split("（")[0] for row in rows if name in row.documents)
        listed.append(Document(name, f"{needing}提供", copies=1))
    return tuple(listed)


def _changes():
    return sorted({row.valid_from for row in categories.CATEGORIES}
                  | {row.valid_to + datetime.timedelta(days=1) for row in categories.CATEGORIES if row.valid_to})


def _promised_days(day):
    return 2 * in_force(rules.FIVE_WORKING_DAYS, day) + in_force(rules.NOTICE_WORKING_DAYS, day)


RECOGNITION_SERVICE = Service(
    code="assistance/recognition",
    name="就业困难人员认定",
    area_label="assistance",
    documents=tuple((day, _documents_on(day)) for day in _changes() if categories.categories_on(day)),
    promised_days=((categories.GD_2011_FROM, _promised_days(categories.GD_2011_FROM)),),
    case_type=RECOGNITION.case_type,
    who="广东户籍、法定劳动年龄内、有劳动能力和就业愿望、处于无业状态，且属于认定类别之一的人员（按申请日的类别）",
    legal_basis="《中华人民共和国就业促进法》第五十二条；粤人社规〔2023〕11号《广东省就业困难人员认定管理办法》",
    where="村(社区)服务站受理，乡镇(街道)审核公示，县(区)公共就业服务机构认定",
)

SERVICES = (RECOGNITION_SERVICE,)
