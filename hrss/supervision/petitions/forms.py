from django import forms

from hrss.core.forms import StyledForm, date_input, style_form
from hrss.supervision.models import PetitionCategory, PetitionChannel, PetitionDecision
from hrss.supervision.petitions.services import UP_LEVELS

NOT_REPEAT = "no"
REPEAT_QUESTION = "该信访人此前有同类信访件，请选择本次是否为重复信访（是哪一件，或不是）后再提交。"


class IntakeForm(StyledForm):
    """登记信访事项 (mobile: one column; the service says in Chinese what is missing)."""

    received_on = forms.DateField(label="收到日期", widget=date_input(),
                                  error_messages={"required": "请填写收到日期。", "invalid": "收到日期请写成 2026-03-02。"})
    channel = forms.ChoiceField(label="信访形式", choices=PetitionChannel.choices,
                                error_messages={"required": "请选择信访形式。"})
    category = forms.ChoiceField(label="问题类别", choices=PetitionCategory.choices,
                                 error_messages={"required": "请选择问题类别。"})
    petitioner_name = forms.CharField(label="信访人姓名", max_length=50, error_messages={"required": "请填写信访人姓名。"})
    petitioner_id_number = forms.CharField(label="公民身份号码（可不填）", max_length=20, required=False)
    petitioner_phone = forms.CharField(label="联系电话", max_length=20, required=False)
    petitioner_address = forms.CharField(label="住址（来信的写回信地址）", max_length=100, required=False)
    subject = forms.CharField(label="事由（一句话，如：某公司拖欠3个月工资）", max_length=100,
                              error_messages={"required": "请填写事由。"})
    summary = forms.CharField(label="主要诉求和情况", max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                              error_messages={"required": "请填写主要诉求和情况。"})
    employer_name = forms.CharField(label="涉及单位（欠薪的必填）", max_length=100, required=False)
    employer_uscc = forms.CharField(label="单位统一社会信用代码（可不填）", max_length=18, required=False)
    workers_count = forms.IntegerField(label="涉及人数", min_value=1, max_value=100000, initial=1,
                                       error_messages={"required": "请填写涉及人数（至少1人）。"})
    amount_claimed = forms.DecimalField(label="诉求金额（元，可不填）", max_digits=12, decimal_places=2, min_value=0,
                                       required=False)
    repeat_of = forms.ChoiceField(label="重复信访", required=False,
                                  widget=forms.RadioSelect(attrs={"class": "form-check-input"}))
    repeat_checked = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {str(petition.pk): petition for petition in candidates}
        # "no", not "": a blank value would check 不是重复信访 before the user chose (the trial's finding).
        self.fields["repeat_of"].choices = [(NOT_REPEAT, "不是重复信访")] + [
            (pk, f"是，前次信访件 {p.number}（{p.received_on:%Y-%m-%d}，{p.subject}，{p.get_state_display()}）")
            for pk, p in self.candidates.items()]
        style_form(self)

    def clean_repeat_of(self):
        chosen = self.cleaned_data["repeat_of"]
        if self.candidates and chosen != NOT_REPEAT and chosen not in self.candidates:
            raise forms.ValidationError(REPEAT_QUESTION)
        return self.candidates.get(chosen)


class ForwardUpForm(StyledForm):
    level = forms.TypedChoiceField(label="上报到", coerce=int, choices=[(int(level), label)
                                                                    for level, label in UP_LEVELS.items()])
    note = forms.CharField(label="说明（可不填）", max_length=500, required=False)

    def __init__(self, *args, here=None, **kwargs):
        super().__init__(*args, **kwargs)
        if here is not None:
            self.fields["level"].choices = [(value, label) for value, label in self.fields["level"].choices
                                            if value < here]
        style_form(self)


class DecideForm(StyledForm):
    decision = forms.ChoiceField(label="受理意见", choices=PetitionDecision.choices,
                                 error_messages={"required": "请选择受理意见。"})
    decided_on = forms.DateField(label="决定日期", widget=date_input())
    forwarded_to = forms.CharField(label="转送机关（转送的必填）", max_length=100, required=False)
    reason = forms.CharField(label="理由或说明（不予受理的必填）", max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class InspectionForm(StyledForm):
    confirm = forms.BooleanField(label="确认转县(区)劳动保障监察机构立案查处", required=True,
                                 widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
                                 error_messages={"required": "请勾选确认。"})


class ExtendForm(StyledForm):
    days = forms.IntegerField(label="延长天数", min_value=1, max_value=365,
                              error_messages={"required": "请填写延长天数。"})
    reason = forms.CharField(label="延期理由（将告知信访人）", max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class ReplyForm(StyledForm):
    text = forms.CharField(label="答复意见（办理结果和依据）", max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 4}))
    replied_on = forms.DateField(label="答复日期", widget=date_input())


class RequestForm(StyledForm):
    requested_on = forms.DateField(label="请求日期", widget=date_input())
    text = forms.CharField(label="请求的事项和理由", max_length=1000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class OpinionForm(StyledForm):
    opinion = forms.CharField(label="意见", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
                              help_text="原文打印在意见书上，前面加“经复查（复核），意见如下：”；"
                                        "已以“经复查”“经复核”开头的照原文打印。")
    decided_on = forms.DateField(label="日期", widget=date_input())

