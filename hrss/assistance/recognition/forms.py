from django import forms

from hrss.assistance.recognition import categories
from hrss.assistance.recognition.services import MANUAL_EXITS
from hrss.core.forms import StyledForm, date_input
from hrss.core.models import ReviewDecision


def _documents(rows):
    seen = []
    for row in rows:
        for document in row.documents:
            if document not in seen:
                seen.append(document)
    return [(document, document) for document in seen]


class ApplyForm(StyledForm):
    category = forms.ChoiceField(label="援助对象类别")
    documents = forms.MultipleChoiceField(label="已核验的材料", choices=(), required=False,
                                          widget=forms.CheckboxSelectMultiple)
    circumstances = forms.CharField(label="困难情况", max_length=300, required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}))
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    note = forms.CharField(label="初审意见", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, day, chosen="", **kwargs):
        """The documents offered are the chosen category's (`chosen`, a code in force on `day`), else those of every
        category in force on `day`, each named once."""
        super().__init__(*args, **kwargs)
        in_force = categories.categories_on(day)
        self.fields["category"].choices = [("", "请选择")] + [(row.code, row.name) for row in in_force]
        picked = [row for row in in_force if row.code == chosen]
        self.fields["documents"].choices = _documents(picked or in_force)


class CorrectionForm(ApplyForm):
    """补正: what the village's assistant may change while the application is sent back."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["note"]


class DecisionForm(StyledForm):
    action = forms.ChoiceField(choices=ReviewDecision.Action.choices, widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="意见/理由", max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))
    notice_place = forms.CharField(label="公示地点（审核通过开始公示时填写）", max_length=100, required=False)


class ObjectionForm(StyledForm):
    raised_on = forms.DateField(label="提出日期", widget=date_input())
    raised_by = forms.CharField(label="异议人（可匿名）", max_length=50, required=False)
    content = forms.CharField(label="异议内容", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class ResolveForm(StyledForm):
    upheld = forms.TypedChoiceField(label="核实结论", choices=[("0", "异议不成立，继续公示"), ("1", "异议成立，不予认定")],
                                    coerce=lambda value: value == "1")
    resolution = forms.CharField(label="核实处理情况", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class EligibilityForm(StyledForm):
    still_eligible = forms.TypedChoiceField(label="复核结论", choices=[("1", "仍符合条件"), ("0", "不再符合条件（退出）")],
                                            coerce=lambda value: value == "1")
    note = forms.CharField(label="复核情况", max_length=300, required=False)


class ExitForm(StyledForm):
    reason = forms.ChoiceField(label="退出原因", choices=[("", "请选择")] + [(r.value, r.label) for r in MANUAL_EXITS])
    exited_on = forms.DateField(label="退出日期", widget=date_input())
    note = forms.CharField(label="退出说明", max_length=200, required=False)
