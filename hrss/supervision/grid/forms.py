"""The grid part's forms: what a page asks for; the rules are the services'."""

from django import forms

from hrss.core.forms import StyledForm, date_input, picker_regions, style_form
from hrss.core.models import Level
from hrss.supervision.models import GridStaffPost, LeadKind

CELL_LEVELS = {Level.VILLAGE, Level.TOWNSHIP}


class CellField(forms.ModelChoiceField):
    """The grid cell (村(社区) or 乡镇(街道)) of the user's scope a lead or visit is from, picked by name from a select
    (a village's staff see their own cell only); posts the region's 12-digit code."""

    def __init__(self, *, user, **kwargs):
        cells = picker_regions(user, CELL_LEVELS).order_by("code")
        super().__init__(queryset=cells, to_field_name="code", empty_label=None if cells.count() == 1 else "请选择网格",
                         error_messages={"required": "请选择网格（村(社区)或乡镇(街道)）。",
                                         "invalid_choice": "所选网格不存在或不在您的管辖范围内，请从列表中选择。"},
                         **kwargs)

    def label_from_instance(self, region):
        if region.level == Level.VILLAGE and region.parent_id:
            return f"{region.parent.name} {region.name}"
        return f"{region.name}（{Level(region.level).label}本级）"


def own_cell(user, region=None):
    """The cell a form starts with: `region` (the page's ?region=) when it is a cell, else the user's own region
    when it is one, else none."""
    for candidate in (region, getattr(user, "region", None)):
        if candidate is not None and candidate.level in CELL_LEVELS:
            return candidate
    return None


class StaffForm(StyledForm):
    name = forms.CharField(label="姓名", max_length=30)
    phone = forms.CharField(label="联系电话", max_length=20)
    post = forms.ChoiceField(label="职务", choices=GridStaffPost.choices)
    username = forms.CharField(label="平台账号（本网格单位工作人员的用户名，可不填）", max_length=150, required=False)
    since = forms.DateField(label="任职日期", widget=date_input())


class RemoveStaffForm(StyledForm):
    left_on = forms.DateField(label="卸任日期", widget=date_input())


class LeadForm(StyledForm):
    reported_on = forms.DateField(label="报告日期", widget=date_input())
    employer_name = forms.CharField(label="用人单位名称", max_length=100)
    employer_uscc = forms.CharField(label="统一社会信用代码（可不填）", max_length=30, required=False)
    kind = forms.ChoiceField(label="线索类别", choices=LeadKind.choices)
    workers_affected = forms.IntegerField(label="涉及劳动者人数", min_value=0, max_value=100000, initial=1)
    description = forms.CharField(label="情况描述", max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, correcting=False, **kwargs):
        """`correcting`: the form of 更正网格线索, which keeps the lead's cell (no region field)."""
        super().__init__(*args, **kwargs)
        if not correcting:
            self.fields["region"] = CellField(user=user, label="报告网格（村(社区)或乡镇(街道)）")
        self.order_fields(["region", "reported_on", "employer_name", "employer_uscc", "kind", "workers_affected",
                           "description"])
        style_form(self)


class ForwardForm(StyledForm):
    note = forms.CharField(label="移交说明（可不填）", max_length=500, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class DismissForm(StyledForm):
    reason = forms.CharField(label="不予移交的理由", max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class ResolveForm(StyledForm):
    note = forms.CharField(label="现场解决情况", max_length=500, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class VisitForm(StyledForm):
    visited_on = forms.DateField(label="走访日期", widget=date_input())
    employer_name = forms.CharField(label="用人单位名称", max_length=100)
    employer_uscc = forms.CharField(label="统一社会信用代码（可不填）", max_length=30, required=False)
    findings = forms.CharField(label="走访情况", max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
    problems_found = forms.BooleanField(label="发现问题", required=False,
                                        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
    lead_kind = forms.ChoiceField(label="据此报告线索（类别；不报告则不选）", required=False,
                                  choices=[("", "不报告线索"), *LeadKind.choices])
    workers_affected = forms.IntegerField(label="涉及劳动者人数（报告线索时）", min_value=0, max_value=100000,
                                          required=False)
    lead_description = forms.CharField(label="线索情况描述（报告线索时）", max_length=1000, required=False,
                                       widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, correcting=False, **kwargs):
        """`correcting`: the form of 更正走访记录, which keeps the visit's cell and reports no lead (a lead is
        reported, and corrected, as a lead)."""
        super().__init__(*args, **kwargs)
        if correcting:
            for field in ("lead_kind", "workers_affected", "lead_description"):
                del self.fields[field]
        else:
            self.fields["region"] = CellField(user=user, label="网格（村(社区)或乡镇(街道)）")
        self.order_fields(["region", "visited_on", "employer_name", "employer_uscc", "findings", "problems_found",
                           "lead_kind", "workers_affected", "lead_description"])
        style_form(self)
