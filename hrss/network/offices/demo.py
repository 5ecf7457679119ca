"""Demo data of the offices part for `hrss demo --people`: the offices of 上城街道 and its villages 下城社区 and 公园社区
(recorded by the township's and the village's demo users), and of 紫城镇 (by 紫金县), each with gaps, so the pages
show rules met, failing (a missing window, a part-time civil servant paid, a missing fax) and not recorded yet.
Made once: nothing when 上城街道 has an office with staff already."""

import io

from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from hrss.accounts.models import User
from hrss.core.models import Region
from hrss.network.models import OfficeStaff
from hrss.network.offices import services
from hrss.network.standards.rules import WALL_RULES

TOWNSHIP = "441602001000"  # 上城街道
VILLAGE = "441602001003"  # 下城社区
PARK = "441602001006"  # 公园社区
ZICHENG = "441621100000"  # 紫城镇, 紫金县
TOWNSHIP_EQUIPMENT = (("computer", 6), ("printer", 2), ("card_printer", 1), ("fax", 1), ("copier", 1), ("phone", 4),
                      ("cabinet", 6), ("rack", 2))  # the 信息发布栏 is recorded with the boards (facts)


def sign_photo():
    """A picture of the office's sign, made here (no photo of a real door is shipped)."""
    image = Image.new("RGB", (480, 160), (180, 20, 30))
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, 470, 150), outline=(255, 215, 0), width=4)
    draw.text((40, 70), "Shangcheng HRSS Service Office", fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def _township(officer, today):
    office = services.office_for(actor=officer, region=Region.objects.get(code=TOWNSHIP), today=today)
    services.update_office(actor=officer, office=office, nature="public_institution", address="源城区上城街道文明路8号",
                           hours="工作日 8:30-12:00，14:30-17:30", phone="0762-3388001", today=today)
    for name, post, employment, pay in (("李所长", "所长", "established", "5200"), ("王敏", "就业服务", "purchased", "2600"),
                                        ("张丽", "社保经办", "purchased", "2600"), ("刘强", "就业援助", "welfare_post", "2100")):
        services.add_staff(actor=officer, office=office, name=name, post=post, employment=employment,
                           monthly_pay=pay, training="2024年全市基层平台业务培训", today=today)
    for function, name, area in (("windows", "服务大厅", "110"), ("office", "办公室", "90"), ("archive", "档案室", "40"),
                                 ("training", "培训室", "60"), ("waiting", "等候区", "25")):
        services.add_room(actor=officer, office=office, function=function, name=name, area=area, today=today)
    for kind in ("registration", "employment_service", "assistance", "retirees", "petitions"):  # 新农保经办 missing
        services.add_window(actor=officer, office=office, kind=kind, today=today)
    for item, quantity in TOWNSHIP_EQUIPMENT:
        services.add_equipment(actor=officer, office=office, item=item, quantity=quantity, today=today)
    services.record_facts(actor=officer, office=office, has_sign=True, has_plaque=True, motto_on_wall=True,
                          rules_on_wall=[code for code in WALL_RULES if code != "finance"], publicity_board=True,
                          suggestion_box=True, info_board=True, network_connected=True, network_kind="政务外网专线",
                          today=today)
    services.add_photo(actor=officer, office=office, upload=sign_photo(), subject="sign", caption="服务所门口统一牌匾",
                       today=today)


def _village(assistant, today):
    office = services.office_for(actor=assistant, region=Region.objects.get(code=VILLAGE), today=today)
    services.add_staff(actor=assistant, office=office, name="陈协理", post="协理员", employment="welfare_post",
                       monthly_pay="1900", today=today)
    services.add_staff(actor=assistant, office=office, name="黄主任", post="兼职", employment="part_time",
                       monthly_pay="500", is_civil_servant=True, paid_for_part_time=True, today=today)
    services.add_room(actor=assistant, office=office, function="windows", name="服务站", area="36", today=today)
    for item, quantity in (("computer", 1), ("printer", 1), ("phone", 1), ("cabinet", 1), ("rack", 1)):  # no fax
        services.add_equipment(actor=assistant, office=office, item=item, quantity=quantity, today=today)
    services.record_facts(actor=assistant, office=office, network_connected=True, network_kind="宽带VPN",
                          motto_on_wall=True, today=today)


def generate():
    officer = User.objects.filter(username="shangcheng").first()
    assistant = User.objects.filter(username="xiacheng").first()
    county = User.objects.filter(username="zijin").first()
    if officer is None or assistant is None:
        return 0
    if OfficeStaff.objects.filter(office__region_code=TOWNSHIP).exists():
        return 0
    today = timezone.localdate()
    with transaction.atomic():
        _township(officer, today)
        _village(assistant, today)
        park = services.office_for(actor=officer, region=Region.objects.get(code=PARK), today=today)
        services.add_staff(actor=officer, office=park, name="周协理", employment="welfare_post", today=today)
        if county is not None:
            zicheng = services.office_for(actor=county, region=Region.objects.get(code=ZICHENG), today=today)
            for index in range(5):
                services.add_staff(actor=county, office=zicheng, name=f"紫城工作人员{index + 1}",
                                   employment="established" if index < 2 else "purchased", monthly_pay="2300",
                                   today=today)
            services.add_room(actor=county, office=zicheng, function="windows", area="120", today=today)
            services.add_room(actor=county, office=zicheng, function="office", area="180", today=today)
    return 4 if county is not None else 3


def demo(stdout, options):
    made = generate() if options.get("people") else 0
    if made:
        stdout.write("已生成服务机构演示数据（上城街道服务所缺新农保经办窗口，下城社区、公园社区服务站与紫城镇服务所各有未达标或未登记项）。")
    return None
