from django import forms

from hrss.core.forms import StyledForm, date_input

CHECKBOX = forms.CheckboxInput(attrs={"class": "form-check-input"})


class ApplyForm(StyledForm):
    id_number = forms.CharField(label="申领人公民身份号码", max_length=30)
    photo = forms.FileField(label="本人近期正面免冠彩色照片（JPEG或PNG）", required=False,
                            widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}))
    id_seen = forms.BooleanField(label="已核验申领人居民身份证原件", required=False, widget=CHECKBOX)
    renewal = forms.BooleanField(label="换领（原卡损坏等，原卡注销）", required=False, widget=CHECKBOX)
    note = forms.CharField(label="备注", max_length=200, required=False)


class HandOverForm(StyledForm):
    received_by = forms.CharField(label="领取人姓名（签名）", max_length=50, required=False)
    relation = forms.CharField(label="代领人与本人关系（代领时填写）", max_length=20, required=False)
    on = forms.DateField(label="领取日期", widget=date_input())


class DayForm(StyledForm):
    on = forms.DateField(label="日期", widget=date_input())


class ReturnedFileForm(StyledForm):
    # Not required: the county either types the numbers beside each application or chooses the returned file;
    # neither is refused by services.record_made in Chinese.
    file = forms.FileField(label="制卡返回文件（.xlsx、.xls 或 .csv，列：公民身份号码、社保卡号）", required=False)
