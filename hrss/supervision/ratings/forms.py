from django import forms
from django.contrib.auth import get_user_model

from hrss.core import scoping
from hrss.core.forms import RefusesInvisibleCharacters, RegionField, StyledForm, date_input, style_form
from hrss.supervision.models import ComplaintOrigin, ComplaintOutcome, Score
from hrss.supervision.ratings.services import STAFF_ORIGINS, normalise_code

SCORE_CHOICE = "请选择一项评价：非常满意、满意、基本满意、不满意或非常不满意。"


CODE_SHAPE = "评价码是凭条上的8位字母和数字（例如 ABCD-EFGH，不区分大小写），请核对后重新输入。"


class CodeForm(RefusesInvisibleCharacters, forms.Form):
    code = forms.CharField(label="评价码（凭条上的8位字母数字）", max_length=20, widget=forms.TextInput(attrs={
        "class": "form-control form-control-lg font-monospace text-uppercase", "autocomplete": "off",
        "autocapitalize": "characters", "spellcheck": "false", "inputmode": "text"}),
        error_messages={"required": "请输入凭条上的评价码。", "max_length": CODE_SHAPE})

    def clean_code(self):
        # Only the shape is checked here: whether the code exists or was used is not said before a rating is made.
        code = normalise_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(CODE_SHAPE)
        return code


class RatingForm(RefusesInvisibleCharacters, forms.Form):
    code = forms.CharField(max_length=20, widget=forms.HiddenInput)
    score = forms.TypedChoiceField(label="您对本次服务的评价", coerce=int, choices=Score.choices,
                                   widget=forms.RadioSelect(attrs={"class": "form-check-input mt-0",
                                                                   "style": "width: 1.5em; height: 1.5em"}),
                                   error_messages={"required": "请选择一项评价。", "invalid_choice": SCORE_CHOICE})
    reason = forms.CharField(label="原因或建议（选择不满意、非常不满意时必填）", max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
                             error_messages={"max_length": "原因或建议最多%(limit_value)d字（现有%(show_value)d字），"
                                                           "请删减后再提交。"})
    phone = forms.CharField(label="联系电话（可不填）", max_length=20, required=False,
                            help_text="选择不满意或非常不满意时可留电话：负责核实的人社部门（一般是乡镇（街道），县（区）"
                                      "办理的事项由县（区））核实后会打电话答复您；不留电话的不回电。",
                            widget=forms.TextInput(attrs={"class": "form-control", "inputmode": "tel",
                                                          "autocomplete": "tel"}),
                            error_messages={"max_length": "联系电话最多%(limit_value)d位，请核对后重新填写。"})


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user}（{user.region.name}）"


class ComplaintForm(StyledForm):
    """意见箱: a complaint taken in by phone, letter, visit or from the box, about an office of the user's scope."""

    origin = forms.ChoiceField(label="来源", choices=[(o.value, o.label) for o in STAFF_ORIGINS],
                               initial=ComplaintOrigin.MAILBOX)
    received_on = forms.DateField(label="收到日期", widget=date_input())
    text = forms.CharField(label="投诉内容", max_length=1000, widget=forms.Textarea(attrs={"rows": 4}))
    complainant_name = forms.CharField(label="投诉人（可不填）", max_length=50, required=False)
    complainant_phone = forms.CharField(label="联系电话（可不填）", max_length=20, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"] = RegionField(user=user, label="被投诉机构（村(社区)、乡镇(街道)或县(区)、市的人社机构）")
        staff = scoping.visible_to(user, get_user_model().objects.filter(is_active=True)).select_related("region")
        self.fields["about_staff"] = StaffChoiceField(
            label="被投诉工作人员（可不填；须是被投诉机构的工作人员）", required=False,
            queryset=staff.order_by("region__code", "full_name", "username"), empty_label="（不针对具体人员）")
        self.order_fields(["office", "about_staff", "origin", "received_on", "text", "complainant_name",
                           "complainant_phone"])
        style_form(self)


class ReplyForm(StyledForm):
    outcome = forms.ChoiceField(label="核实结果", choices=[("", "（请选择）"), *ComplaintOutcome.choices],
                                required=False)
    reply = forms.CharField(label="答复（核实情况和处理结果）", max_length=1000, required=False,
                            widget=forms.Textarea(attrs={"rows": 4}))
