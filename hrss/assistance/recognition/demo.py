"""Demo data of the recognition part for `hrss demo --people`: eight people of 下城社区 applying to be recognised as
就业困难人员, one at each state (waiting at the township, in its notice with an objection, the notice run out, at the
county, recognised — one of them due for review —, refused, exited), through the services with days in the past, so
each demo login has something in its queue."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.assistance.models import Recognition
from hrss.assistance.recognition import services
from hrss.core import scoping
from hrss.core.models import Region
from hrss.residents import services as residents_services
from hrss.residents.demo import id_number_for
from hrss.residents.models import LabourStatus, Person

DEMO_VILLAGE = "441602001003"  # 下城社区
PEOPLE = ["林秀英", "何淑珍", "罗美玲", "梁桂芳", "谢丽华", "邓玉兰", "冯春梅", "曾月娥"]
DOCS = ["居民身份证", "户口簿", "就业创业证（就业失业登记证）"]
DAY = datetime.timedelta(days=1)


def _people(assistant, today):
    village = Region.objects.get(code=DEMO_VILLAGE)
    people = []
    for index, name in enumerate(PEOPLE):
        birth = datetime.date(today.year - 42 - index, 1 + index, 10 + index)
        number = id_number_for(scoping.county_code_of(DEMO_VILLAGE), birth, 972 + 2 * index)  # even: women
        person = Person.objects.filter(id_number=number).first()
        if person is None:
            person = residents_services.register_person(
                actor=assistant, id_number=number, name=name, village=village, status=LabourStatus.UNEMPLOYED,
                status_since=today - datetime.timedelta(days=500))[0]
        people.append(person)
    return people


def _move(recognition, actor, action, today, reason=""):
    recognition.case.refresh_from_db()
    recognition.refresh_from_db()
    services.decide_recognition(actor=actor, recognition=recognition, action=action, version=recognition.case.version,
                                reason=reason, today=today)


def generate():
    """Returns how many applications were made (none when 下城社区 has some already, or a login is missing)."""
    if Recognition.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0
    names = ["xiacheng", "shangcheng_reviewer", "yuancheng"]
    users = {user.username: user for user in User.objects.filter(username__in=names)}
    if len(users) < len(names):
        return 0
    assistant, reviewer, county = (users[name] for name in names)
    today = timezone.localdate()
    made = 0
    with transaction.atomic():
        people = _people(assistant, today)
        plans = [  # (days ago taken in, moves)
            (2, []),  # waits at the township
            (3, ["notice"]),  # in its notice, with an objection
            (30, ["notice_ended"]),  # the notice has run out: ready for the county
            (30, ["notice_ended", "forward"]),  # waits at the county
            (60, ["notice_ended", "forward", "approve"]),  # recognised
            (400, ["notice_ended", "forward", "approve"]),  # recognised, its review due
            (20, ["reject"]),  # refused at the township
            (120, ["notice_ended", "forward", "approve", "exit"]),  # exited: found stable work
        ]
        for person, (ago, moves) in zip(people, plans, strict=True):
            started = today - datetime.timedelta(days=ago)
            try:
                recognition = services.apply_for_recognition(actor=assistant, person=person, category="aged",
                                                             documents=DOCS, circumstances="大龄、长期失业",
                                                             note="材料齐全", today=started)
                made += 1
                for step in moves:
                    if step == "notice":
                        _move(recognition, reviewer, "forward", started)
                        recognition.refresh_from_db()
                        if recognition.notice_from <= today:
                            services.record_objection(actor=assistant, recognition=recognition,
                                                      content="群众反映其在外打零工", raised_on=recognition.notice_from,
                                                      today=today)
                    elif step == "notice_ended":
                        _move(recognition, reviewer, "forward", started)
                        recognition.refresh_from_db()
                        ended = recognition.notice_until + DAY
                    elif step == "forward":
                        _move(recognition, reviewer, "forward", ended)
                    elif step == "approve":
                        _move(recognition, county, "approve", ended)
                    elif step == "reject":
                        _move(recognition, reviewer, "reject", started, reason="经核实已在企业就业，不符合认定条件")
                    elif step == "exit":
                        recognition.refresh_from_db()
                        services.exit_recognition(actor=county, recognition=recognition, reason="stable_work",
                                                  exited_on=today - 10 * DAY, note="在本地企业签订劳动合同",
                                                  today=today)
            except ValidationError:
                continue  # a notice reaching a year whose holidays are not loaded yet: that one stays where it is
    return made


def demo(stdout, options):
    """hrss demo --people: the demo recognitions of 下城社区."""
    if options.get("people"):
        made = generate()
        if made:
            stdout.write(f"已生成演示就业困难人员认定 {made} 件（下城社区，审核、公示、认定、退出各环节都有）。")
    return None
