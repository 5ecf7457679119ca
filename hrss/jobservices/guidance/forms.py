"""Forms of the guidance part's pages (they only translate what the user typed; the rules are the services')."""

from django import forms

from hrss.core.forms import RegionField, StyledForm, date_input
from hrss.jobservices.guidance.services import FAIR_HOST_LEVELS
from hrss.jobservices.models import GuidanceTopic, NextStep


class GuidanceForm(StyledForm):
    given_on = forms.DateField(label="指导日期", widget=date_input())
    topic = forms.ChoiceField(label="指导内容", choices=[("", "请选择"), *GuidanceTopic.choices])
    advice = forms.CharField(label="指导意见", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    next_step = forms.ChoiceField(label="下一步", choices=NextStep.choices)
    next_step_note = forms.CharField(label="下一步说明", max_length=200, required=False)
    next_on = forms.DateField(label="下一步日期", required=False, widget=date_input())


class FairChangeForm(StyledForm):
    name = forms.CharField(label="招聘会名称", max_length=100)
    held_on = forms.DateField(label="举办日期", widget=date_input())
    place = forms.CharField(label="地点", max_length=200, required=False)
    note = forms.CharField(label="备注", max_length=200, required=False)


class FairForm(FairChangeForm):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"region": RegionField(user=user, levels=set(FAIR_HOST_LEVELS), label="举办机构所在地"),
                       **self.fields}
        self.fields["region"].widget.attrs["class"] = "form-control form-control-sm"


class FairVacancyForm(StyledForm):
    vacancy = forms.IntegerField(label="岗位编号", min_value=1)


class AttendanceForm(StyledForm):
    id_number = forms.CharField(label="参会人员公民身份号码", max_length=18)


class VisitorsForm(StyledForm):
    walk_in_count = forms.IntegerField(label="现场入场人数（未登记）", min_value=0, max_value=1_000_000)


class CancelFairForm(StyledForm):
    reason = forms.CharField(label="取消原因", max_length=200)
