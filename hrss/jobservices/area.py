"""就业服务与培训 (flow 6: 职业介绍、职业指导、职业培训、小额担保贷款) as an area of the platform (core.areas): its
parts' declarations put together (hrss/core/parts.py)."""

from hrss.core import areas
from hrss.core.parts import area_of
from hrss.core.permissions import has_permission
from hrss.jobservices import permissions
from hrss.jobservices.employers import declare as employers
from hrss.jobservices.guidance import declare as guidance
from hrss.jobservices.loans import declare as loans
from hrss.jobservices.referrals import declare as referrals
from hrss.jobservices.seekers import declare as seekers
from hrss.jobservices.training import declare as training

PARTS = (employers.PART, seekers.PART, referrals.PART, guidance.PART, training.PART, loans.PART)


AREA = areas.register(area_of(
    PARTS,
    label="jobservices",
    name="就业服务与培训",
    order=30,
    permissions=permissions,
    menu=(
        areas.MenuEntry("就业服务", "jobservices:home", permissions.JOBSERVICES_VIEW, order=45),
        # The guarantee agency's and the bank's accounts see the loans only: their own entry.
        areas.MenuEntry("创业担保贷款", "jobservices:loans-applications", permissions.LOAN_VIEW, order=46,
                        url_args=lambda user: None if has_permission(user, permissions.JOBSERVICES_VIEW) else ()),
    ),
    demo_order=30,
))
