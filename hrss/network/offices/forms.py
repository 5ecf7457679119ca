"""The offices part's forms (what the pages post; the services check the values again)."""

from django import forms

from hrss.core.forms import StyledForm
from hrss.network.models import EmploymentType, EquipmentItem, OfficeNature, RoomFunction, WindowKind
from hrss.network.standards.rules import WALL_RULES

FACT_CHOICES = (("", "未核实"), ("yes", "是"), ("no", "否"))


def fact_value(value):
    return {"yes": True, "no": False}.get(value)


def fact_initial(value):
    return {True: "yes", False: "no"}.get(value, "")


class OfficeForm(StyledForm):
    nature = forms.ChoiceField(label="机构性质", choices=(("", "未填"), *OfficeNature.choices), required=False)
    address = forms.CharField(label="地址", max_length=200, required=False)
    hours = forms.CharField(label="办公时间", max_length=100, required=False)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)


class FactsForm(StyledForm):
    has_sign = forms.ChoiceField(label="采用全省统一标识", choices=FACT_CHOICES, required=False)
    has_plaque = forms.ChoiceField(label="统一名称牌匾", choices=FACT_CHOICES, required=False)
    motto_on_wall = forms.ChoiceField(label="“诚心服务，真情相助”服务理念和服务承诺上墙", choices=FACT_CHOICES,
                                      required=False)
    rules_known = forms.BooleanField(label="已核实内部管理制度上墙情况（勾选后按下列勾选登记）", required=False)
    rules_on_wall = forms.MultipleChoiceField(label="已上墙的内部管理制度", choices=list(WALL_RULES.items()),
                                              required=False, widget=forms.CheckboxSelectMultiple)
    publicity_board = forms.ChoiceField(label="宣传栏", choices=FACT_CHOICES, required=False)
    suggestion_box = forms.ChoiceField(label="意见箱", choices=FACT_CHOICES, required=False)
    info_board = forms.ChoiceField(label="信息发布栏", choices=FACT_CHOICES, required=False)
    network_connected = forms.ChoiceField(label="与县区实时联网", choices=FACT_CHOICES, required=False)
    network_kind = forms.CharField(label="联网方式（如政务外网专线）", max_length=50, required=False)
    software_used = forms.ChoiceField(label="使用全省统一业务软件（核实）", choices=FACT_CHOICES, required=False)

    def facts(self):
        data = self.cleaned_data
        out = {name: fact_value(data[name]) for name in ("has_sign", "has_plaque", "motto_on_wall", "publicity_board",
                                                         "suggestion_box", "info_board", "network_connected",
                                                         "software_used")}
        out["network_kind"] = data["network_kind"]
        out["rules_on_wall"] = list(data["rules_on_wall"]) if data["rules_known"] else None
        return out

    @classmethod
    def initial_of(cls, facts):
        if facts is None:
            return {}
        initial = {name: fact_initial(getattr(facts, name)) for name in (
            "has_sign", "has_plaque", "motto_on_wall", "publicity_board", "suggestion_box", "info_board",
            "network_connected", "software_used")}
        initial["network_kind"] = facts.network_kind
        initial["rules_known"] = facts.rules_on_wall is not None
        initial["rules_on_wall"] = facts.rules_on_wall or []
        return initial


class StaffForm(StyledForm):
    name = forms.CharField(label="姓名", max_length=30)
    post = forms.CharField(label="岗位", max_length=50, required=False)
    employment = forms.ChoiceField(label="用工形式", choices=EmploymentType.choices)
    monthly_pay = forms.CharField(label="月报酬（元，未知可不填）", max_length=20, required=False)
    is_civil_servant = forms.BooleanField(label="属于公职人员", required=False)
    paid_for_part_time = forms.BooleanField(label="领取兼职报酬", required=False)
    training = forms.CharField(label="参加培训情况", max_length=200, required=False)


class LeaveForm(StyledForm):
    left_on = forms.DateField(label="离岗日期", widget=forms.DateInput(attrs={"type": "date"}))


class RoomForm(StyledForm):
    function = forms.ChoiceField(label="功能", choices=RoomFunction.choices)
    name = forms.CharField(label="名称", max_length=50, required=False)
    area = forms.CharField(label="面积（平方米）", max_length=12)


class WindowForm(StyledForm):
    kind = forms.ChoiceField(label="窗口", choices=WindowKind.choices)
    name = forms.CharField(label="窗口名称（其他窗口必填）", max_length=50, required=False)


class EquipmentForm(StyledForm):
    # the 信息发布栏 is recorded once, with the boards (FactsForm), not again as equipment
    item = forms.ChoiceField(label="设备", choices=[c for c in EquipmentItem.choices
                                                  if c[0] != EquipmentItem.INFO_BOARD],
                             help_text="信息发布栏在“标识、上墙与联网情况”中登记，不必在此重复登记。")
    name = forms.CharField(label="名称或型号", max_length=50, required=False)
    quantity = forms.IntegerField(label="数量", min_value=1, max_value=10000)


class PhotoForm(StyledForm):
    photo = forms.FileField(label="照片（JPEG、PNG或WebP）")
    subject = forms.ChoiceField(label="照片内容", choices=())
    caption = forms.CharField(label="说明", max_length=200, required=False)

    def __init__(self, *args, subjects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = [*subjects, ("其他", "其他")]
        self.fields["photo"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp"
