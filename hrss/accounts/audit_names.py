"""The Chinese names of this app's audit actions and before/after values (see core.audit), registered by its area
(area.py). The roles' names come from the role registry (core.permissions.register_role)."""

ACTIONS = {
    "accounts.login": "登录",
    "accounts.logout": "退出登录",
    "accounts.login_failed": "登录失败",
    "accounts.locked_out": "登录锁定",
    "accounts.user.created": "新建账号",
    "accounts.user.updated": "修改账号信息",
    "accounts.user.roles_changed": "分配角色",
    "accounts.user.enabled": "启用账号",
    "accounts.user.disabled": "停用账号",
    "accounts.user.password_reset": "重置密码（旧：由系统管理员一人重置）",
    "accounts.user.password_changed": "修改本人密码",
    "accounts.user.unlocked": "解除登录锁定",
    "accounts.password_reset.requested": "申请重置密码",
    "accounts.password_reset.approved": "核准重置密码",
    "accounts.password_reset.wrong_code": "重置密码：重置码错误",
    "accounts.password_reset.completed": "完成重置密码",
    "accounts.account_setup.requested": "生成开设码第一段（新账号）",
    "accounts.account_setup.approved": "核准开设账号",
    "accounts.account_setup.wrong_code": "新账号设置密码：开设码错误",
    "accounts.account_setup.completed": "新账号本人设置密码",
    "accounts.token.created": "生成 API 令牌",
    "accounts.token.revoked": "吊销 API 令牌",
}
FIELDS = {"roles": "角色", "username": "用户名", "is_active": "启用"}
