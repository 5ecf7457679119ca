"""The acceptance part's forms: what a page posts, cleaned for a service (views.py)."""

from django import forms

from hrss.core.forms import RegionField, StyledForm, date_input, style_form
from hrss.core.models import Level
from hrss.core.text import RefuseInvisible
from hrss.network.models import FindingResult

OFFICE_LEVELS = {Level.TOWNSHIP, Level.VILLAGE}


class InspectionForm(StyledForm):
    """An inspection's checklist: for each rule in force on the day (the `results` of compliance.check), its
    finding (prefilled from the office's record: meets where it holds, does not meet where it fails) and a note."""

    inspected_on = forms.DateField(label="检查日期", widget=date_input())
    inspectors = forms.CharField(label="检查人员", max_length=100, required=False)
    due_on = forms.DateField(label="整改期限（不填按规定天数）", required=False, widget=date_input())
    note = forms.CharField(label="检查意见", max_length=1000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, results=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.results = list(results)
        for result in self.results:
            self.fields[f"result_{result.rule}"] = forms.ChoiceField(
                label=result.title, choices=FindingResult.choices, widget=forms.RadioSelect,
                initial=_prefill(result), error_messages={"required": f"请选择“{result.title}”的检查结果。"})
            self.fields[f"note_{result.rule}"] = forms.CharField(
                label="说明", max_length=500, required=False, validators=[RefuseInvisible("说明")])
        style_form(self)

    def rows(self):
        """Each rule with its two fields, for the template."""
        return [(result, self[f"result_{result.rule}"], self[f"note_{result.rule}"]) for result in self.results]

    def findings(self):
        return {result.rule: {"result": self.cleaned_data[f"result_{result.rule}"],
                              "note": self.cleaned_data[f"note_{result.rule}"]} for result in self.results}


def _prefill(result):
    return {True: FindingResult.MEETS, False: FindingResult.FAILS}.get(result.ok, FindingResult.NOT_CHECKED)


class OfficePickForm(StyledForm):
    """The office to inspect (or to request acceptance for) and the day."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionField(label="服务机构所在乡镇(街道)或村(社区)", user=user, levels=OFFICE_LEVELS,
                                            help_text="输入名称选择，或输入12位区划代码")
        style_form(self)


class FixForm(StyledForm):
    fixed_on = forms.DateField(label="整改完成日期", widget=date_input())
    note = forms.CharField(label="整改情况", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    photo = forms.FileField(label="整改后的照片", required=False,
                             widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}))


class ReopenForm(StyledForm):
    note = forms.CharField(label="退回原因（还缺什么）", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    due_on = forms.DateField(label="新的整改期限（不填按规定天数）", required=False, widget=date_input())


class RequestForm(StyledForm):
    note = forms.CharField(label="申请说明", max_length=500, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class DecisionForm(StyledForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(label="验收结论", choices=[("accept", "验收通过"), ("refuse", "验收不通过")],
                                 widget=forms.RadioSelect)
    reason = forms.CharField(label="验收意见（不通过时必填）", max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class WithdrawForm(StyledForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="撤回原因", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
