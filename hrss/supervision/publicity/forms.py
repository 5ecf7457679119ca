"""The publicity part's forms: what a page asks for; the rules are the services'."""

from django import forms

from hrss.core.forms import RegionField, StyledForm, date_input, style_form
from hrss.core.models import Level
from hrss.supervision.models import PublicityTopic
from hrss.supervision.publicity.services import Audience


class EventForm(StyledForm):
    topic = forms.ChoiceField(label="宣传主题", choices=PublicityTopic.choices)
    topic_detail = forms.CharField(label="宣传内容（具体政策；主题为“其他”时必填）", max_length=200, required=False)
    place = forms.CharField(label="活动地点", max_length=100)
    held_on = forms.DateField(label="活动日期", widget=date_input())
    people_reached = forms.IntegerField(label="受众人数", min_value=0, max_value=1_000_000)
    materials_count = forms.IntegerField(label="发放资料（份）", min_value=0, max_value=1_000_000, initial=0)
    materials_description = forms.CharField(label="资料说明", max_length=200, required=False)
    organiser = forms.CharField(label="组织者", max_length=50)
    note = forms.CharField(label="备注", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, correcting=False, **kwargs):
        """`correcting`: the form of 更正宣传活动, which keeps the event's office (no region field)."""
        super().__init__(*args, **kwargs)
        if not correcting:
            self.fields["region"] = RegionField(user=user, label="举办单位（村(社区)、乡镇(街道)、县(区)或市）")
        self.order_fields(["region", "topic", "topic_detail", "place", "held_on", "people_reached",
                           "materials_count", "materials_description", "organiser", "note"])
        style_form(self)


class NoticeForm(StyledForm):
    title = forms.CharField(label="标题", max_length=100)
    body = forms.CharField(label="正文", max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
    read_by = forms.DateField(label="阅读期限（可不填）", widget=date_input(), required=False)
    audience = forms.ChoiceField(label="发送范围", choices=Audience.CHOICES, initial=Audience.VILLAGES)
    offices = forms.MultipleChoiceField(label="指定的接收单位（发送范围为“指定的单位”时）", required=False,
                                        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}))

    def __init__(self, *args, offices, issuer=None, unstaffed=(), **kwargs):
        """`issuer` the issuing office (a township is not offered "所辖全部乡镇(街道)"); `unstaffed` the codes of the
        offices with no active account to read a notice, marked on their checkboxes."""
        super().__init__(*args, **kwargs)
        self.offices = {office.code: office for office in offices}
        self.fields["offices"].choices = [
            (office.code, (office.name if office.level == Level.VILLAGE else f"{office.name}（乡镇(街道)）")
             + ("（暂无账号，无人阅读）" if office.code in unstaffed else ""))
            for office in offices]
        if issuer is not None and issuer.level == Level.TOWNSHIP:
            self.fields["audience"].choices = [(value, label) for value, label in Audience.CHOICES
                                               if value != Audience.TOWNSHIPS]
        style_form(self)

    def clean_offices(self):
        return [self.offices[code] for code in self.cleaned_data["offices"] if code in self.offices]
