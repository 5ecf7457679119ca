"""The benefits part's page forms (the services check everything that matters; these only read the input)."""

from django import forms

from hrss.core.forms import StyledForm, date_input
from hrss.core.models import ReviewDecision


class DecisionForm(StyledForm):
    action = forms.ChoiceField(choices=ReviewDecision.Action.choices, widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="意见/理由", max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class DeathForm(StyledForm):
    died_on = forms.DateField(label="死亡日期", widget=date_input())


class RecoveryForm(StyledForm):
    amount = forms.DecimalField(label="本次追回金额（元）", max_digits=12, decimal_places=2, min_value=0)


class RollForm(StyledForm):
    month = forms.CharField(label="发放年月", max_length=7)


class ApplyForm(StyledForm):
    """申领 has nothing to type: the calculation and the eligibility are the ledger's and the account's; the form
    carries the refusal's reasons back to the page."""
