"""hrss demo: 下城社区's assessment of the last year, waiting for the county; run twice, nothing more."""

from hrss.assistance.community import demo
from hrss.assistance.models import CommunityAssessment
from hrss.core.permissions import Role
from tests.conftest import TODAY, VILLAGE


def test_the_demo_assessment_waits_for_the_county(heyuan, make_user):
    make_user("xiacheng", VILLAGE, Role.VILLAGE_ASSISTANT)
    assert demo.generate() == 1
    assessment = CommunityAssessment.objects.get()
    assert (assessment.region_code, assessment.year, assessment.result) == (VILLAGE, TODAY.year - 1, "pending")
    assert demo.generate() == 0
