from django import forms

from hrss.core.forms import StyledForm, date_input
from hrss.jobservices.models import ReferralOutcome

OUTCOME_CHOICES = [("", "请选择")] + [(value, label) for value, label in ReferralOutcome.choices
                                      if value not in (ReferralOutcome.PENDING, ReferralOutcome.CLOSED)]


class ReferForm(StyledForm):
    seeker = forms.IntegerField(widget=forms.HiddenInput)
    vacancy = forms.IntegerField(widget=forms.HiddenInput)
    # The fairs (held, not cancelled, visible to the user) that offered the vacancy: the view sets the choices.
    fair = forms.TypedChoiceField(label="推荐场合", required=False, coerce=int, empty_value=None,
                                  choices=[("", "日常推荐（不是在招聘会上）")])


class OutcomeForm(StyledForm):
    outcome = forms.ChoiceField(label="推荐结果", choices=OUTCOME_CHOICES)
    outcome_on = forms.DateField(label="结果日期", widget=date_input())
    note = forms.CharField(label="结果说明", max_length=200, required=False,
                           help_text="本人有正当理由拒绝的，须写明理由；单位未录用的，可写明原因。")


class LedgerFilterForm(StyledForm):
    """推荐记录台账's filters (GET)."""

    outcome = forms.ChoiceField(label="结果", required=False,
                                choices=[("", "全部"), ("overdue", "逾期未反馈（待登记）")] + list(ReferralOutcome.choices))
    month = forms.CharField(label="推荐月份", required=False, widget=forms.TextInput(attrs={"type": "month"}))
    q = forms.CharField(label="姓名或推荐信编号", max_length=50, required=False)
