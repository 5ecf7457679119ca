"""The funding part's forms: what a page asks for; the rules (amounts, balances, document numbers, the PDF) are the
services'."""

from django import forms

from hrss.core.forms import RegionField, StyledForm, date_input, style_form
from hrss.core.models import Level
from hrss.core.text import amount_of
from hrss.network.funding import rules
from hrss.network.models import FundPurpose, FundSource

OFFICE_LEVELS = (Level.TOWNSHIP, Level.VILLAGE)


class AmountField(forms.CharField):
    """Yuan as typed ("150,000", "150000.5"), read by core.text.amount_of; the service refuses zero and below."""

    def __init__(self, **kwargs):
        super().__init__(max_length=20, **kwargs)

    def clean(self, value):
        text = super().clean(value)
        amount = amount_of(text, bad=False)
        if amount is False or amount is None:
            raise forms.ValidationError("请填写金额（元），如 150000 或 150,000.00。")
        return amount


class AllocationForm(StyledForm):
    source = forms.ChoiceField(label="资金来源", choices=FundSource.choices)
    amount = AmountField(label="金额（元）")
    document_number = forms.CharField(label="文号", max_length=60)
    allocated_on = forms.DateField(label="下达日期", widget=date_input())
    note = forms.CharField(label="备注", max_length=200, required=False)

    def __init__(self, *args, user, sources=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionField(user=user, levels=OFFICE_LEVELS, label="服务机构（乡镇(街道)或村(社区)）")
        if sources is not None:
            self.fields["source"].choices = [(value, label) for value, label in FundSource.choices
                                             if value in sources]
        self.order_fields(["region", "source", "amount", "document_number", "allocated_on", "note"])
        style_form(self)


class DisbursementForm(StyledForm):
    source = forms.ChoiceField(label="资金来源", choices=FundSource.choices)
    purpose = forms.ChoiceField(label="用途", choices=FundPurpose.choices)
    amount = AmountField(label="金额（元）")
    document_number = forms.CharField(label="文号", max_length=60)
    disbursed_on = forms.DateField(label="拨付日期", widget=date_input())
    note = forms.CharField(label="备注", max_length=200, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionField(user=user, levels=OFFICE_LEVELS, label="服务机构（乡镇(街道)或村(社区)）")
        self.order_fields(["region", "source", "purpose", "amount", "document_number", "disbursed_on", "note"])
        style_form(self)


class PlanForm(StyledForm):
    title = forms.CharField(label="方案名称", max_length=100)
    document_number = forms.CharField(label="文号", max_length=60)
    issued_on = forms.DateField(label="印发日期", widget=date_input())
    attachment = forms.FileField(label=f"PDF 文件（不超过{rules.PDF_MAX_LABEL}；或在下方填写正文）", required=False,
                                 widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}))
    text = forms.CharField(label="方案正文（未上传 PDF 时必填）", max_length=20000, required=False,
                           widget=forms.Textarea(attrs={"rows": 6}))

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        if upload.size > rules.PDF_MAX_BYTES:
            raise forms.ValidationError(f"PDF 文件不超过{rules.PDF_MAX_LABEL}（现为{upload.size / 1024 / 1024:.1f} MB）。")
        return upload


class ReturnForm(StyledForm):
    reason = forms.CharField(label="退回原因", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
