"""Finding N8 (attack2): the complaint a poor rating opens said "<service>（<day>办结）…", and the completed-cases list
of the same township gives each case's service and 办结 day: with few cases a day, the rater was named. The complaint
says the service and the office that served, as the slip printed them, and the rater's reason; never the day, nor
the staff member (the slip does not name them), who is still kept as about_staff for those above."""

from hrss.supervision.models import Complaint, Score
from hrss.supervision.ratings import services
from tests.supervision.ratings.helpers import call


def test_a_poor_ratings_complaint_names_the_service_and_office_but_not_the_day(rating_code, township_officer):
    services.rate(code=rating_code.code, score=Score.POOR, reason="等了两个小时")
    complaint = Complaint.objects.get()
    assert complaint.text == "测试服务事项（源城区 上城街道 下城社区人力资源社会保障服务站）评价为不满意：等了两个小时"
    day = rating_code.completed_on
    for written in (f"{day:%Y-%m-%d}", f"{day:%Y年}", "办结"):
        assert written not in complaint.text
    assert str(rating_code.served_by) not in complaint.text
    assert rating_code.served_by is not None and complaint.about_staff == rating_code.served_by
    [listed] = [row for row in call(township_officer, "get", "/supervision/complaints").json()
                if row["id"] == complaint.pk]
    assert listed["text"] == complaint.text
