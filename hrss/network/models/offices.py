"""The offices part's models (服务机构): the 人力资源和社会保障服务所 of a township (乡镇/街道) and the 服务站 of a
village (村/社区), one per region, made on demand (the first time its page is opened or something is recorded for
it), never one per region up front.

Contract for the other parts: `Office` (region_code unique, level: the region's level, 3 township / 4 village;
`is_central_town` is read from the region). The parts below the office (staff, rooms, windows, equipment, photos)
are the offices part's own."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrss.core import constraints, scoping
from hrss.core.models import CODE_LENGTH

__all__ = ["EmploymentType", "EquipmentItem", "Office", "OfficeEquipment", "OfficeFacts", "OfficeNature", "OfficePhoto",
           "OfficeRoom", "OfficeStaff", "OfficeStanding", "OfficeWindow", "RoomFunction",
           "WindowKind"]


class OfficeNature(models.TextChoices):
    """机构性质 [believed: the usual kinds of a township's 人社服务所 and a village's 服务站]."""

    PUBLIC_INSTITUTION = "public_institution", _("事业单位")
    ADMINISTRATIVE = "administrative", _("乡镇(街道)内设机构")
    ATTACHED = "attached", _("挂靠其他机构")
    PUBLIC_WELFARE_POST = "public_welfare_post", _("公益性岗位(服务站点)")
    OTHER = "other", _("其他")


class Office(models.Model):
    """A township's 服务所 or a village's 服务站 (its region_code)."""

    region_code = models.CharField(_("所在乡镇(街道)或村(社区)"), max_length=CODE_LENGTH, unique=True)
    nature = models.CharField(_("机构性质"), max_length=24, choices=OfficeNature.choices, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    hours = models.CharField(_("办公时间"), max_length=100, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        verbose_name = _("服务机构")
        verbose_name_plural = _("服务机构")
        constraints = [
            constraints.digits("region_code", 12, name="network_office_region_code_format"),
            constraints.one_of("nature", OfficeNature, name="network_office_nature_valid", blank=True),
        ]

    def __str__(self):
        return self.region_code


scoping.register(Office)


# --- what is recorded of an office (the offices part's own) ------------------------------------------------------
# A child row is scoped through its office (code_field="office__region_code"): it follows the office when a
# village's code changes, as the office does.


class EmploymentType(models.TextChoices):
    ESTABLISHED = "established", _("编制")
    PURCHASED = "purchased", _("政府购买服务")
    WELFARE_POST = "welfare_post", _("公益性岗位")
    PART_TIME = "part_time", _("兼职")
    OTHER = "other", _("其他")


class OfficeStaff(models.Model):
    """One person of the office's roster (工作人员); a person who left keeps the row with `left_on`."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="staff")
    name = models.CharField(_("姓名"), max_length=30)
    post = models.CharField(_("岗位"), max_length=50, blank=True)
    employment = models.CharField(_("用工形式"), max_length=16, choices=EmploymentType.choices)
    monthly_pay = models.DecimalField(_("月报酬(元)"), max_digits=9, decimal_places=2, null=True, blank=True)
    is_civil_servant = models.BooleanField(_("属于公职人员"), default=False)
    paid_for_part_time = models.BooleanField(_("领取兼职报酬"), default=False)
    training = models.CharField(_("参加培训情况"), max_length=200, blank=True)
    left_on = models.DateField(_("离岗日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("服务机构工作人员")
        verbose_name_plural = _("服务机构工作人员")
        constraints = [
            constraints.one_of("employment", EmploymentType, name="network_officestaff_employment_valid"),
            models.CheckConstraint(condition=models.Q(monthly_pay__isnull=True) | models.Q(monthly_pay__gte=0),
                                   name="network_officestaff_pay_not_negative"),
        ]

    def __str__(self):
        return self.name


class RoomFunction(models.TextChoices):
    WINDOWS = "windows", _("对外服务窗口区")
    OFFICE = "office", _("办公区")
    ARCHIVE = "archive", _("档案室")
    TRAINING = "training", _("培训室")
    WAITING = "waiting", _("等候区")
    MEETING = "meeting", _("会议(洽谈)室")
    OTHER = "other", _("其他功能区")


class OfficeRoom(models.Model):
    """A room or area of the office's premises with its floor area (建筑面积, m²)."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="rooms")
    function = models.CharField(_("功能"), max_length=16, choices=RoomFunction.choices)
    name = models.CharField(_("名称"), max_length=50, blank=True)
    area = models.DecimalField(_("面积(平方米)"), max_digits=7, decimal_places=1)

    class Meta:
        verbose_name = _("服务场所")
        verbose_name_plural = _("服务场所")
        constraints = [
            constraints.one_of("function", RoomFunction, name="network_officeroom_function_valid"),
            models.CheckConstraint(condition=models.Q(area__gt=0), name="network_officeroom_area_positive"),
        ]

    def __str__(self):
        return self.name or self.get_function_display()


class WindowKind(models.TextChoices):
    """The plan's six basic windows (统一服务窗口), and any other window a larger office adds."""

    REGISTRATION = "registration", _("就业与失业登记管理")
    EMPLOYMENT_SERVICE = "employment_service", _("就业服务")
    ASSISTANCE = "assistance", _("就业援助")
    RETIREES = "retirees", _("退休人员社会化管理")
    PETITIONS = "petitions", _("信访接待")
    RURAL_PENSION = "rural_pension", _("新农保经办")
    OTHER = "other", _("其他窗口")


class OfficeWindow(models.Model):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="windows")
    kind = models.CharField(_("窗口"), max_length=24, choices=WindowKind.choices)
    name = models.CharField(_("窗口名称"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("服务窗口")
        verbose_name_plural = _("服务窗口")
        constraints = [constraints.one_of("kind", WindowKind, name="network_officewindow_kind_valid")]

    def __str__(self):
        return self.name or self.get_kind_display()


class EquipmentItem(models.TextChoices):
    """The plan's equipment list (配备必要的办公设备)."""

    COMPUTER = "computer", _("计算机(联网)")
    PRINTER = "printer", _("文件打印机")
    CARD_PRINTER = "card_printer", _("证件打印机")
    FAX = "fax", _("传真机")
    COPIER = "copier", _("复印机")
    PHONE = "phone", _("电话")
    CABINET = "cabinet", _("档案柜")
    RACK = "rack", _("政策资料展示架")
    INFO_BOARD = "info_board", _("信息发布栏")
    OTHER = "other", _("其他")


class OfficeEquipment(models.Model):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="equipment")
    item = models.CharField(_("设备"), max_length=16, choices=EquipmentItem.choices)
    name = models.CharField(_("名称或型号"), max_length=50, blank=True)
    quantity = models.PositiveIntegerField(_("数量"))

    class Meta:
        verbose_name = _("办公设备")
        verbose_name_plural = _("办公设备")
        constraints = [
            constraints.one_of("item", EquipmentItem, name="network_officeequipment_item_valid"),
            models.CheckConstraint(condition=models.Q(quantity__gte=0), name="network_officeequipment_quantity"),
        ]

    def __str__(self):
        return self.name or self.get_item_display()


class OfficeFacts(models.Model):
    """What was seen at the office (标识、上墙、联网): each fact None until recorded (unknown, never passed)."""

    office = models.OneToOneField(Office, on_delete=models.CASCADE, related_name="facts")
    has_sign = models.BooleanField(_("采用全省统一标识"), null=True)
    has_plaque = models.BooleanField(_("统一名称牌匾"), null=True)
    motto_on_wall = models.BooleanField(_("服务理念“诚心服务，真情相助”和服务承诺上墙"), null=True)
    rules_on_wall = models.JSONField(_("上墙的内部管理制度"), null=True, blank=True)  # codes of rules.WALL_RULES
    publicity_board = models.BooleanField(_("宣传栏"), null=True)
    suggestion_box = models.BooleanField(_("意见箱"), null=True)
    info_board = models.BooleanField(_("信息发布栏"), null=True)
    network_connected = models.BooleanField(_("与县区实时联网"), null=True)
    network_kind = models.CharField(_("联网方式"), max_length=50, blank=True)
    software_used = models.BooleanField(_("使用全省统一业务软件"), null=True)
    updated_on = models.DateField(_("核实日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("标识与联网情况")
        verbose_name_plural = _("标识与联网情况")

    def __str__(self):
        return f"{self.office}的标识与联网情况"


class OfficePhoto(models.Model):
    """A photo of the office (evidence of a rule, or of anything else), re-encoded without metadata and kept in the
    database: served only through the scoped view, never as a media file."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="photos")
    subject = models.CharField(_("照片内容"), max_length=50)  # a rule's code, or free text of what it shows
    caption = models.CharField(_("说明"), max_length=200, blank=True)
    content = models.BinaryField(_("图片"), editable=False)
    content_type = models.CharField(max_length=20)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    taken_on = models.DateField(_("上传日期"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        verbose_name = _("服务机构照片")
        verbose_name_plural = _("服务机构照片")

    def __str__(self):
        return self.caption or self.subject


class OfficeStanding(models.Model):
    """The office's compliance summary as last computed (refreshed in every office write and by
    offices.services.refresh_standings): what the county map and the lists read instead of checking every rule."""

    office = models.OneToOneField(Office, on_delete=models.CASCADE, related_name="standing")
    ok = models.PositiveIntegerField(default=0)
    failing = models.PositiveIntegerField(default=0)
    unknown = models.PositiveIntegerField(default=0)
    failing_rules = models.JSONField(default=list, blank=True)
    unknown_rules = models.JSONField(default=list, blank=True)
    computed_on = models.DateField()

    class Meta:
        verbose_name = _("服务机构达标情况")
        verbose_name_plural = _("服务机构达标情况")

    def __str__(self):
        return f"{self.office}：达标{self.ok}项，未达标{self.failing}项，未登记{self.unknown}项"


for _model in (OfficeStaff, OfficeRoom, OfficeWindow, OfficeEquipment, OfficeFacts, OfficePhoto, OfficeStanding):
    scoping.register(_model, code_field="office__region_code")
