from django import forms

from hrss.assistance.campaigns.measures import MEASURES
from hrss.core.forms import RegionField, StyledForm, date_input
from hrss.core.models import Level


class CampaignForm(StyledForm):
    name = forms.CharField(label="活动名称", max_length=50, help_text="如：就业援助月、春风行动")
    starts_on = forms.DateField(label="开始日期", widget=date_input())
    ends_on = forms.DateField(label="结束日期", widget=date_input())
    note = forms.CharField(label="说明", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user=None, with_region=True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_region:
            self.fields = {"region": RegionField(user=user, label="活动区域", levels={
                Level.CITY, Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE}), **self.fields}
            self.fields["region"].widget.attrs.setdefault("class", "form-control form-control-sm")
        for measure in MEASURES:
            self.fields[f"target_{measure.code}"] = forms.IntegerField(
                label=f"目标：{measure.label}（{measure.unit}）", min_value=0, max_value=1_000_000, required=False,
                widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}))

    def targets(self):
        return {measure.code: self.cleaned_data.get(f"target_{measure.code}") for measure in MEASURES
                if self.cleaned_data.get(f"target_{measure.code}") is not None}
