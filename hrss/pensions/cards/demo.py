"""Demo data of the cards part for `hrss demo --people`: five people of 下城社区 with cards at each step of the way
(a batch made, arrived and partly handed over and activated; a second batch still being made; an application
waiting for a batch), so the 社保卡台账, the batches, the pending work and the statistics have something to show.
Nothing is made when 下城社区 has card applications already, or a demo login is missing."""

import datetime
import io

from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from hrss.accounts.models import User
from hrss.core import scoping
from hrss.core.models import Level
from hrss.pensions.cards import services
from hrss.pensions.models import CardApplication
from hrss.residents.models import Person

DEMO_VILLAGE = "441602001003"  # 下城社区


def sample_photo(colour=(226, 238, 250), kind="JPEG", exif=None):
    """A stand-in ID photo (358×441, a plain background and a figure), for the demo, the sweep and the tests."""
    image = Image.new("RGB", (358, 441), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((119, 80, 239, 220), fill=(90, 70, 60))
    draw.rectangle((89, 240, 269, 441), fill=(40, 60, 110))
    out = io.BytesIO()
    image.save(out, format=kind, **({"exif": exif} if exif is not None else {}))
    return out.getvalue()


def _day(today, days_ago):
    return today - datetime.timedelta(days=days_ago)


@transaction.atomic
def generate():
    if CardApplication.objects.filter(region_code=DEMO_VILLAGE).exists():
        return 0
    users = {user.username: user for user in User.objects.filter(username__in=["xiacheng", "yuancheng"])}
    if len(users) < 2:
        return 0
    assistant, county = users["xiacheng"], users["yuancheng"]
    people = list(Person.objects.filter(region_code=DEMO_VILLAGE).exclude(card_applications__isnull=False)
                  .order_by("pk")[:5])
    if len(people) < 5:
        return 0
    today = timezone.localdate()
    county_code = scoping.ancestor_code(DEMO_VILLAGE, Level.COUNTY)
    first = []
    for person in people[1:4]:
        first.append(services.apply(actor=assistant, person=person, photo=sample_photo(), id_seen=True,
                                    today=_day(today, 40)))
    batch = services.make_batch(actor=county, county_code=county_code, today=_day(today, 35))
    services.record_made(actor=county, batch=batch, today=_day(today, 20),
                         numbers={application.pk: f"D{20260000 + index:08d}" for index, application
                                  in enumerate(first, start=1)})
    services.record_arrival(actor=county, batch=batch, on=_day(today, 15), today=_day(today, 15))
    first = list(CardApplication.objects.defer("photo").select_related("person", "batch")
                 .filter(pk__in=[application.pk for application in first]).order_by("pk"))
    services.hand_over(actor=assistant, application=first[0], received_by=first[0].person.name,
                       on=_day(today, 10), today=_day(today, 10))
    services.activate(actor=assistant, application=first[0], on=_day(today, 8), today=_day(today, 8))
    services.hand_over(actor=assistant, application=first[2], received_by="王代领", relation="配偶",
                       on=_day(today, 5), today=_day(today, 5))
    services.apply(actor=assistant, person=people[4], photo=sample_photo((240, 240, 240)), id_seen=True,
                   today=_day(today, 7))
    services.make_batch(actor=county, county_code=county_code, today=_day(today, 6))
    services.apply(actor=assistant, person=people[0], photo=sample_photo(), id_seen=True, today=today)
    return 5


def demo(stdout, options):
    if options.get("people"):
        made = generate()
        if made:
            stdout.write(f"已生成社保卡申领演示数据（下城社区，{made}人：待组批、制卡中、待领取、已领取、已激活）。")
    return None
