"""The Chinese names of the offices part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

from hrss.network.models import EmploymentType, EquipmentItem, OfficeNature, RoomFunction, WindowKind

ACTIONS = {
    "network.office.open": "打开服务机构（未获准）",
    "network.office.made": "建立服务机构档案",
    "network.office.update": "维护服务机构基本情况（未获准）",
    "network.office.updated": "维护服务机构基本情况",
    "network.office_staff.add": "登记服务机构工作人员（未获准）",
    "network.office_staff.added": "登记服务机构工作人员",
    "network.office_staff.update": "更新服务机构工作人员（未获准）",
    "network.office_staff.updated": "更新服务机构工作人员",
    "network.office_staff.leave": "登记工作人员离岗（未获准）",
    "network.office_staff.left": "登记工作人员离岗",
    "network.office_room.add": "登记服务场所（未获准）",
    "network.office_room.added": "登记服务场所",
    "network.office_room.remove": "删除服务场所（未获准）",
    "network.office_room.removed": "删除服务场所",
    "network.office_window.add": "登记服务窗口（未获准）",
    "network.office_window.added": "登记服务窗口",
    "network.office_window.remove": "删除服务窗口（未获准）",
    "network.office_window.removed": "删除服务窗口",
    "network.office_equipment.add": "登记办公设备（未获准）",
    "network.office_equipment.added": "登记办公设备",
    "network.office_equipment.remove": "删除办公设备（未获准）",
    "network.office_equipment.removed": "删除办公设备",
    "network.office_facts.record": "登记标识、上墙与联网情况（未获准）",
    "network.office_facts.recorded": "登记标识、上墙与联网情况",
    "network.office_photo.add": "上传服务机构照片（未获准）",
    "network.office_photo.added": "上传服务机构照片",
    "network.office_photo.remove": "删除服务机构照片（未获准）",
    "network.office_photo.removed": "删除服务机构照片",
}
FIELDS = {
    "nature": "机构性质", "address": "地址", "hours": "办公时间", "phone": "联系电话", "name": "名称或姓名",
    "post": "岗位", "employment": "用工形式", "monthly_pay": "月报酬(元)", "is_civil_servant": "属于公职人员",
    "paid_for_part_time": "领取兼职报酬", "training": "参加培训情况", "left_on": "离岗日期",
    "room_function": "场所功能", "area": "面积(平方米)", "window": "服务窗口", "equipment": "办公设备",
    "quantity": "数量", "has_sign": "采用全省统一标识", "has_plaque": "统一名称牌匾",
    "motto_on_wall": "服务理念上墙", "rules_on_wall": "上墙的内部管理制度", "publicity_board": "宣传栏",
    "suggestion_box": "意见箱", "info_board": "信息发布栏", "network_connected": "与县区实时联网",
    "network_kind": "联网方式", "software_used": "使用全省统一业务软件", "updated_on": "核实日期",
    "subject": "照片内容", "caption": "说明", "content_type": "图片格式", "bytes": "文件大小(字节)",
}
VALUES = {"nature": dict(OfficeNature.choices), "employment": dict(EmploymentType.choices),
          "room_function": dict(RoomFunction.choices), "window": dict(WindowKind.choices),
          "equipment": dict(EquipmentItem.choices)}
