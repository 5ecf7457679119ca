from django import forms

from hrss.assistance.models import AssistanceItem, VisitWay
from hrss.core.forms import StyledForm, date_input


class PlanForm(StyledForm):
    items = forms.MultipleChoiceField(label="援助措施", choices=AssistanceItem.choices,
                                      widget=forms.CheckboxSelectMultiple)
    other_item = forms.CharField(label="其他措施说明（选“其他”时填写）", max_length=100, required=False)
    responsible = forms.TypedChoiceField(label="责任人", coerce=int)
    target_on = forms.DateField(label="目标日期", widget=date_input())
    notes = forms.CharField(label="计划说明", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.staff = {user.pk: user for user in staff}
        self.fields["responsible"].choices = [("", "请选择")] + [
            (user.pk, f"{user}（{user.region.name}）") for user in staff]

    def clean_responsible(self):
        return self.staff.get(self.cleaned_data["responsible"])


class VisitForm(StyledForm):
    visited_on = forms.DateField(label="走访日期", widget=date_input())
    way = forms.ChoiceField(label="走访方式", choices=VisitWay.choices)
    companions = forms.CharField(label="同行人员（姓名）", max_length=100, required=False)
    outcome = forms.CharField(label="走访情况", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    next_step = forms.CharField(label="下一步措施", max_length=300, required=False)
    next_visit_on = forms.DateField(label="下次走访日期", required=False, widget=date_input())
