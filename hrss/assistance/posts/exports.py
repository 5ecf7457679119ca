"""The posts part's .xlsx sheets (core.spreadsheets writes them): the posts, the placements, the monthly roll. Rows
are plain values; money as numbers to the fen."""

from decimal import Decimal

from hrss.assistance.posts import selectors
from hrss.core.selectors import place_names


def _date(day):
    return f"{day:%Y-%m-%d}" if day else ""


def post_rows(posts, today):
    posts = list(posts)
    places = place_names(post.region_code for post in posts)
    header = ["岗位所在地", "用人单位", "单位类型", "统一社会信用代码", "岗位名称", "职业代码", "岗位人数", "在岗人数",
              "空余岗位", "岗位补贴（元/人·月）", "社会保险补贴（元/人·月）", "开发日期", "截止日期", "状态"]
    rows = [[places.get(post.region_code, post.region_code), post.unit_name, post.get_unit_kind_display(),
             post.unit_code, post.title, post.occupation_code, post.headcount,
             selectors.holding_on(post.placements.all(), today).count(), selectors.vacancies_on(post, today),
             float(post.post_subsidy), float(post.insurance_subsidy), _date(post.open_from), _date(post.open_until),
             post.get_status_display()] for post in posts]
    return header, rows


def placement_rows(placements):
    placements = list(placements)
    places = place_names(placement.region_code for placement in placements)
    header = ["岗位所在地", "姓名", "公民身份号码", "用人单位", "岗位名称", "上岗日期", "补贴截止日期", "延长至退休",
              "此前已享受补贴月数", "离岗日期", "离岗原因", "离岗说明"]
    rows = [[places.get(p.region_code, p.region_code), p.person.name, p.person.masked_id_number, p.post.unit_name,
             p.post.title, _date(p.started_on), _date(p.subsidy_until), "是" if p.to_retirement else "否",
             p.months_before, _date(p.ended_on), p.get_end_reason_display(), p.end_note] for p in placements]
    return header, rows


def roll_sums(lines):
    return {"people": len(lines), "post": sum((line.post_subsidy for line in lines), Decimal(0)),
            "insurance": sum((line.insurance_subsidy for line in lines), Decimal(0)),
            "total": sum((line.total for line in lines), Decimal(0))}


def roll_rows(lines):
    """The roll as finance pays it: one row a person and a 签名 column left empty for the payee's signature on the
    printed sheet. The ID stays masked as on every sheet of the area: the platform has no audited full-ID export
    (residents.services.reveal_id_number reveals one person's number, with a reason); bank details are not data of
    the platform."""
    places = place_names(line.placement.region_code for line in lines)
    header = ["序号", "岗位所在地", "姓名", "公民身份号码", "用人单位", "岗位名称", "上岗日期", "补贴截止日期",
              "本月补贴天数", "累计享受补贴月数", "岗位补贴（元）", "社会保险补贴（元）", "合计（元）", "签名"]
    rows = [[number, places.get(line.placement.region_code, line.placement.region_code), line.placement.person.name,
             line.placement.person.masked_id_number, line.placement.post.unit_name, line.placement.post.title,
             _date(line.placement.started_on), _date(line.placement.subsidy_until),
             f"{line.days}/{line.month_days}", line.months_used, float(line.post_subsidy),
             float(line.insurance_subsidy), float(line.total), ""] for number, line in enumerate(lines, start=1)]
    sums = roll_sums(lines)
    rows.append(["合计", "", f"{sums['people']}人", "", "", "", "", "", "", "", float(sums["post"]),
                 float(sums["insurance"]), float(sums["total"]), ""])
    return header, rows
