"""Demo data of the posts part for `hrss demo --people`: a post of 下城社区's committee and one of 上城街道's
office, and the recognised people of 下城社区 (the recognition part's demo, if any) placed in them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.accounts.models import User
from hrss.assistance.models import Placement, Recognition, RecognitionStatus, WelfarePost
from hrss.assistance.posts import services

DEMO_VILLAGE = "441602001003"  # 下城社区
DEMO_TOWNSHIP = "441602001000"  # 上城街道


@transaction.atomic
def generate_posts():
    """Returns (posts made, people placed): none when the demo village has posts already or a login is missing."""
    if WelfarePost.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0, 0
    users = {user.username: user for user in User.objects.filter(username__in=["xiacheng", "shangcheng"])}
    if len(users) < 2:
        return 0, 0
    today = timezone.localdate()
    opened = today - datetime.timedelta(days=120)
    village_post = services.create_post(
        actor=users["xiacheng"], region_code=DEMO_VILLAGE, unit_name="下城社区居民委员会", unit_kind="village_committee",
        title="社区保洁员", headcount=2, open_from=opened, note="演示岗位", today=today)
    township_post = services.create_post(
        actor=users["shangcheng"], region_code=DEMO_TOWNSHIP, unit_name="上城街道综合服务中心", unit_kind="government",
        title="治安巡逻员", headcount=3, open_from=opened, note="演示岗位", today=today)
    recognised = (Recognition.objects.filter(region_code=DEMO_VILLAGE, status=RecognitionStatus.RECOGNISED,
                                             recognised_on__lte=today, valid_until__gte=today)
                  .exclude(person_id__in=Placement.objects.filter(ended_on__isnull=True).values("person_id"))
                  .select_related("person").order_by("id")[:3])
    placed = 0
    for index, recognition in enumerate(recognised):
        start = max(recognition.recognised_on, opened)
        post = village_post if index == 0 else township_post
        try:
            services.place_person(actor=users["shangcheng"], post=post, person=recognition.person, started_on=start,
                                  note="演示安置", today=today)
        except ValidationError:  # a demo person the rules refuse (age, earlier posts) is left unplaced
            continue
        placed += 1
    return 2, placed


def demo(stdout, options):
    if options.get("people"):
        posts, placed = generate_posts()
        if posts:
            stdout.write(f"已生成演示公益性岗位 {posts} 个（下城社区、上城街道），安置就业困难人员 {placed} 人。")
    return None
