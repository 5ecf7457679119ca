from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from hrss.core import scoping
from hrss.core.forms import StyledForm, style_form
from hrss.core.models import Region
from hrss.core.permissions import Role


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码不正确，请检查后重新输入（区分大小写）。连续输错多次，账号将被暂时锁定。",
        "inactive": "该账号已停用，请联系系统管理员。",
    }


class RegionCodeField(forms.CharField):
    """A region code typed by an administrator, resolved inside their own scope."""

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, max_length=12, min_length=12, **kwargs)

    def clean(self, value):
        code = super().clean(value).strip()
        try:
            return scoping.regions_visible_to(self.user).get(code=code)
        except Region.DoesNotExist:
            raise ValidationError(f"区划代码 {code} 不存在或不在您的管辖范围内。") from None


class UserCreateForm(StyledForm):
    username = forms.CharField(label="用户名", max_length=150)
    full_name = forms.CharField(label="姓名", max_length=50)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionCodeField(label="所属区域代码(12位)", user=actor)
        style_form(self)


class UserEditForm(UserCreateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["username"]


class RoleForm(forms.Form):
    roles = forms.MultipleChoiceField(label="角色", choices=Role.choices, required=False,
                                      widget=forms.CheckboxSelectMultiple)


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(label="原密码", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    new_password = forms.CharField(label="新密码", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    new_password_again = forms.CharField(label="再次输入新密码",
                                         widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean(self):
        data = super().clean()
        if data.get("new_password") and data.get("new_password") != data.get("new_password_again"):
            raise ValidationError("两次输入的新密码不一致。")
        return data
