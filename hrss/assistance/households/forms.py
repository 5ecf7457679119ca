from django import forms

from hrss.assistance.models import AssistanceKind, HouseholdCaseStatus, HouseholdSource
from hrss.core.forms import StyledForm, date_input


class ReportForm(StyledForm):
    source = forms.ChoiceField(label="来源", choices=[(HouseholdSource.APPLICATION, HouseholdSource.APPLICATION.label),
                                                      (HouseholdSource.REPORTED, HouseholdSource.REPORTED.label)])
    found_on = forms.DateField(label="发现日期", widget=date_input())
    note = forms.CharField(label="申报或上报情况", max_length=300, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class VerifyForm(StyledForm):
    outcome = forms.ChoiceField(label="核实结果", choices=[
        (HouseholdCaseStatus.VERIFIED, "属于零就业家庭，开展援助"),
        (HouseholdCaseStatus.DISMISSED, "经核实不属于零就业家庭")])
    verified_on = forms.DateField(label="核实日期", widget=date_input())
    note = forms.CharField(label="核实情况（不属于的，写明原因）", max_length=300, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)


class RecordForm(StyledForm):
    done_on = forms.DateField(label="援助日期", widget=date_input())
    kind = forms.ChoiceField(label="援助措施", choices=AssistanceKind.choices)
    note = forms.CharField(label="援助内容", max_length=300, widget=forms.Textarea(attrs={"rows": 2}))


class ClearForm(StyledForm):
    member = forms.TypedChoiceField(label="实现就业的成员", coerce=int)
    started_on = forms.DateField(label="就业起始日期", widget=date_input())
    note = forms.CharField(label="清零情况", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [("", "请选择")] + [
            (person.pk, f"{person.name}（{person.status_label}）") for person in members]
