"""What 就业服务与培训 lets a role do, declared here and registered by this area (area.py). The roles of the
start-up loan chain outside the public offices (the guarantee agency and the lending bank) are this area's own."""

from hrss.core.models import Level
from hrss.core.permissions import READ_ONLY_ROLES, REGION_VIEW, STAFF_ROLES, Permission, RoleSpec

JOBSERVICES_VIEW = Permission("jobservices.view", "查看就业服务")
JOBSERVICES_HANDLE = Permission("jobservices.handle", "办理就业服务")  # employers, vacancies, seekers, referrals...
LOAN_VIEW = Permission("jobservices.loan_view", "查看创业担保贷款")
LOAN_HANDLE = Permission("jobservices.loan_handle", "办理创业担保贷款")

# The two outside parties of the loan chain (小额担保贷款: 担保中心 reviews, the bank lends), accounts at county
# level [believed: 河源's guarantee centre is county-run; the bank's branch is the county's].
GUARANTEE_OFFICER = RoleSpec("guarantee_officer", "担保机构经办人", {Level.COUNTY})
BANK_OFFICER = RoleSpec("bank_officer", "经办银行信贷员", {Level.COUNTY})

PERMISSIONS = (JOBSERVICES_VIEW, JOBSERVICES_HANDLE, LOAN_VIEW, LOAN_HANDLE)
ROLES = (GUARANTEE_OFFICER, BANK_OFFICER)

GRANTS = {
    **{role: {JOBSERVICES_VIEW, JOBSERVICES_HANDLE, LOAN_VIEW, LOAN_HANDLE} for role in STAFF_ROLES},
    **{role: {JOBSERVICES_VIEW, LOAN_VIEW} for role in READ_ONLY_ROLES},
    # The workbench (home page, its 待办) and the loans only: not the people's ledger, seekers or employers.
    GUARANTEE_OFFICER: {REGION_VIEW, LOAN_VIEW, LOAN_HANDLE},
    BANK_OFFICER: {REGION_VIEW, LOAN_VIEW, LOAN_HANDLE},
}
