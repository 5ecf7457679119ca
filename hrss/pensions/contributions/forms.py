from django import forms

from hrss.core.forms import StyledForm, date_input

SOURCES = [("bank", "银行代扣"), ("tax", "税务征收")]


class UploadForm(StyledForm):
    source = forms.ChoiceField(label="文件来源", choices=SOURCES)
    region = forms.ChoiceField(label="导入单位（匹配该辖区内的参保人）")
    file = forms.FileField(label="缴费文件（.xlsx 或 .csv）")
    dry_run = forms.BooleanField(label="只校验，不入账", required=False)

    def __init__(self, *args, regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [(region.code, region.name) for region in regions]


class ArrearsForm(StyledForm):
    years = forms.CharField(label="补缴年度（多个年度用逗号或空格分隔，如 2012,2013）", max_length=200)
    amount_per_year = forms.DecimalField(label="每年补缴金额（元）", max_digits=10, decimal_places=2, min_value=0)
    paid_on = forms.DateField(label="缴费日期", widget=date_input())

    def clean_years(self):
        parts = self.cleaned_data["years"].replace("，", ",").replace("、", ",").replace(" ", ",").split(",")
        parts = [part.strip() for part in parts if part.strip()]
        if not all(part.isdigit() and len(part) == 4 for part in parts):
            raise forms.ValidationError("补缴年度应为四位年份，如 2012；多个年度用逗号分隔。")
        return [int(part) for part in parts]


class ResolveForm(StyledForm):
    resolution = forms.CharField(label="处理说明", max_length=200)


class CreditForm(StyledForm):
    """确认为本人（姓名有误），入账: nothing to type; the refusals come from services.credit_unmatched."""
