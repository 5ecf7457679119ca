"""The Chinese names of the posts part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

from hrss.assistance.models import PlacementEndReason, PostStatus, UnitKind

ACTIONS = {
    "assistance.post.create": "登记公益性岗位（未获准）",
    "assistance.post.created": "登记公益性岗位",
    "assistance.post.update": "修改公益性岗位（未获准）",
    "assistance.post.updated": "修改公益性岗位",
    "assistance.placement.create": "安置公益性岗位（未获准）",
    "assistance.placement.created": "安置公益性岗位",
    "assistance.placement.end": "登记公益性岗位离岗（未获准）",
    "assistance.placement.ended": "登记公益性岗位离岗",
    "assistance.posts.exported": "导出公益性岗位台账",
    "assistance.placements.exported": "导出公益性岗位安置台账",
    "assistance.subsidy_roll.exported": "导出公益性岗位补贴发放花名册",
}
FIELDS = {
    "post_unit_name": "用人单位", "post_unit_kind": "单位类型", "post_unit_code": "统一社会信用代码",
    "post_title": "岗位名称", "post_occupation_code": "职业代码", "post_headcount": "岗位人数",
    "post_post_subsidy": "岗位补贴（元/人·月）", "post_insurance_subsidy": "社会保险补贴（元/人·月）",
    "post_open_from": "开发日期", "post_open_until": "截止日期", "post_status": "岗位状态", "post_note": "岗位备注",
    "placement_post": "公益性岗位", "placement_started_on": "上岗日期", "placement_subsidy_until": "补贴截止日期",
    "placement_to_retirement": "补贴延长至退休", "placement_ended_on": "离岗日期", "placement_end_reason": "离岗原因",
    "roll_month": "发放月份",
}
VALUES = {"post_unit_kind": dict(UnitKind.choices), "placement_end_reason": dict(PlacementEndReason.choices),
          "post_status": dict(PostStatus.choices)}
