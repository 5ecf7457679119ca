"""The Chinese names of core's audit actions and of the before/after keys core writes (see core.audit)."""

from hrss.core.audit import register_actions, register_fields, register_values
from hrss.core.models import ReviewDecision
from hrss.core.permissions import CORE_PERMISSIONS, Role

register_actions({
    "core.regions.loaded": "载入区划数据",
    "core.region.renamed": "区划更名",
    "core.region.moved": "村(社区)调整隶属",
    "core.region.merged": "村(社区)合并",
    "core.region.central_town_set": "中心镇标记",
    "core.calendar.loaded": "导入节假日安排",
    "core.calendar.load": "导入节假日安排（未获准）",
    "core.occupations.imported": "导入职业分类",
    "core.occupations.import": "导入职业分类（未获准）",
    "core.statistics.exported": "导出统计表",
})

# A refused permission check is recorded under the permission itself (core.permissions.check_permission); an
# area's permissions are named when the area registers them (core.permissions.register_permission).
register_actions({permission.value: f"无权限：{permission.label}" for permission in CORE_PERMISSIONS})
# Core's roles by name; an area's roles are named when it registers them (core.permissions.register_role).
register_values("roles", dict(Role.choices))

# A move refused by a review chain (core.review._refuse); the chains name their own moves (review.register_chain).
register_actions({f"review.{action}": f"审核流程：{label}（未获准）" for action, label in ReviewDecision.Action.choices})

register_fields({
    "code": "区划代码", "parent": "上级", "merged_into": "并入", "name": "名称",
    "days": "天数", "years": "年度", "source": "来源", "step": "环节", "status": "状态",
    "created": "新增", "updated": "更新", "unchanged": "未变", "rejected": "未通过", "rows": "行数",
    "file": "文件", "sha256": "文件校验值(SHA-256)", "area": "业务",
})
