from django import forms

from hrss.core.forms import RegionField, StyledForm, date_input
from hrss.core.models import Level
from hrss.pensions.models import CertificationMethod


class CampaignForm(StyledForm):
    year = forms.IntegerField(label="认证年度", min_value=2009, max_value=2100)
    opens_on = forms.DateField(label="认证开始日期", widget=date_input())
    closes_on = forms.DateField(label="认证截止日期（含当天）", widget=date_input())
    note = forms.CharField(label="说明", max_length=200, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"region": RegionField(user=user, label="认证区域（市或县(区)）",
                                             levels={Level.CITY, Level.COUNTY}), **self.fields}
        self.fields["region"].widget.attrs.setdefault("class", "form-control form-control-sm")


class CertifyForm(StyledForm):
    method = forms.ChoiceField(label="认证方式", choices=[("", "请选择"), *CertificationMethod.choices])
    on = forms.DateField(label="认证日期", widget=date_input())
    relative_name = forms.CharField(label="证明亲属姓名", max_length=50, required=False)
    relation = forms.CharField(label="与本人关系", max_length=20, required=False)
