"""The Chinese names of the guidance part's audit actions and of the before/after keys that are not fields of the
target's model (declared in the part's PART, registered by the area)."""

from hrss.jobservices.models import GuidanceTopic, NextStep

ACTIONS = {
    "jobservices.guidance.record": "记录职业指导（未获准）",
    "jobservices.guidance.recorded": "记录职业指导",
    "jobservices.guidance.correct": "更正职业指导记录（未获准）",
    "jobservices.guidance.corrected": "更正职业指导记录",
    "jobservices.guidance_ledger.exported": "导出职业指导台账",
    "jobservices.fair_ledger.exported": "导出招聘会台账",
    "jobservices.fair.plan": "登记招聘会（未获准）",
    "jobservices.fair.planned": "登记招聘会",
    "jobservices.fair.add_vacancy": "招聘会添加岗位（未获准）",
    "jobservices.fair.vacancy_added": "招聘会添加岗位",
    "jobservices.fair.remove_vacancy": "招聘会移除岗位（未获准）",
    "jobservices.fair.vacancy_removed": "招聘会移除岗位",
    "jobservices.fair.record_attendance": "登记招聘会参会人员（未获准）",
    "jobservices.fair.attendance_recorded": "登记招聘会参会人员",
    "jobservices.fair.set_visitors": "填写招聘会入场人数（未获准）",
    "jobservices.fair.visitors_set": "填写招聘会入场人数",
    "jobservices.fair.update": "修改招聘会（未获准）",
    "jobservices.fair.updated": "修改招聘会（改期或更正）",
    "jobservices.fair.cancel": "取消招聘会（未获准）",
    "jobservices.fair.cancelled": "取消招聘会",
}
FIELDS = {
    "given_on": "指导日期", "topic": "指导内容", "advice": "指导意见", "next_step": "下一步",
    "next_step_note": "下一步说明", "next_on": "下一步日期", "held_on": "举办日期", "place": "地点", "name": "名称", "note": "备注",
    "walk_in_count": "现场入场人数", "cancelled_on": "取消日期", "vacancy": "岗位", "title": "岗位名称",
    "employer": "用人单位", "person": "人员",
}
VALUES = {
    "topic": dict(GuidanceTopic.choices),
    "next_step": dict(NextStep.choices),
}
