"""Forms of the coverage part: they only translate (the services check the rules)."""

from django import forms

from hrss.core.forms import StyledForm, date_input


class EmployeeSchemeForm(StyledForm):
    employer_name = forms.CharField(label="参保单位", max_length=100)
    since = forms.DateField(label="参保起始日期", widget=date_input())
    until = forms.DateField(label="终止日期", widget=date_input(), required=False,
                            help_text="仍在参保的不填。")
    source = forms.CharField(label="信息来源", max_length=100,
                             help_text="如：税务部门名单、社保经办机构、本人提供的参保证明。")


class EndForm(StyledForm):
    until = forms.DateField(label="终止日期", widget=date_input(), help_text="最后参保的日期；次日起不再计为参保。")
    note = forms.CharField(label="说明", max_length=200, required=False)


class ImportForm(StyledForm):
    file = forms.FileField(label="职工养老保险参保名单（.xlsx 或 .csv）",
                           help_text="请先下载模板填写；身份号码和姓名都与台账一致的行才会导入。")
    source = forms.CharField(label="名单来源", max_length=100, help_text="如：市税务局2026年6月名单、社保经办机构。")
