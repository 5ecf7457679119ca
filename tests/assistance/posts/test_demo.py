"""hrss demo --people makes the posts part's demo: two posts, and the demo village's recognised people placed."""

import io

from hrss.accounts.demo import create_demo_users
from hrss.assistance.models import WelfarePost
from hrss.assistance.posts import demo
from tests.assistance.posts.conftest import recognise, register


def test_the_demo_makes_posts_and_places_the_recognised(heyuan):
    create_demo_users()
    from hrss.accounts.models import User

    assistant = User.objects.get(username="xiacheng")
    person = register(assistant, "演示援助", serial=25)
    recognise(person, assistant)
    out = io.StringIO()
    demo.demo(out, {"people": True})
    assert WelfarePost.objects.count() == 2
    assert person.welfare_placements.count() == 1
    assert "公益性岗位 2 个" in out.getvalue()
    demo.demo(out, {"people": True})  # a second run adds nothing
    assert WelfarePost.objects.count() == 2
