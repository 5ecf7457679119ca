"""Forms of the seekers part's pages: they check the shape of the input; the services check the rules."""

import re

from django import forms

from hrss.core.forms import StyledForm, date_input
from hrss.jobservices.models import Mobility, SeekerEndReason


class SeekerForm(StyledForm):
    occupations = forms.CharField(
        label="意向职业（职业分类大典代码，1 至 3 个）", max_length=40,
        help_text="按意向先后填写，用空格或逗号分隔，如 4-02-06-01 6-01；可填大类、中类、小类或细类。")
    wage_min = forms.IntegerField(label="期望月薪下限（元）", required=False, min_value=1, max_value=1_000_000)
    mobility = forms.ChoiceField(label="愿意去的工作地点范围", choices=Mobility.choices, initial=Mobility.COUNTY)
    not_selective = forms.BooleanField(label="对工作不挑不拣（任何合适岗位都愿意去）", required=False)
    available_from = forms.DateField(label="可上岗日期", required=False, widget=date_input())
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    note = forms.CharField(label="备注", max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["not_selective"].widget.attrs["class"] = "form-check-input"
        self.fields["occupations"].widget.attrs["placeholder"] = "4-02-06-01, 6-01"

    def clean_occupations(self):
        return [code for code in re.split(r"[\s,，、；;]+", self.cleaned_data["occupations"]) if code]


class EndForm(StyledForm):
    reason = forms.ChoiceField(label="结束原因", choices=SeekerEndReason.choices)
    note = forms.CharField(label="说明", max_length=200, required=False)


class LedgerFilterForm(StyledForm):
    status = forms.ChoiceField(label="状态", required=False,
                               choices=[("active", "求职中"), ("ended", "已结束"), ("", "全部")])
    not_selective = forms.ChoiceField(label="不挑不拣", required=False,
                                      choices=[("", "全部"), ("1", "是"), ("0", "否")])
    occupation = forms.CharField(label="意向职业代码", max_length=10, required=False)
    q = forms.CharField(label="姓名", max_length=50, required=False)
