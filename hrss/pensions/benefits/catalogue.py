"""城乡居民养老保险待遇领取 in the service catalogue (core.catalogue): its promise is the award chain's township and
county steps added up (rules.REVIEW_WORKING_DAYS, [believed] there); documents [believed]: 广东 counties' usual
办事指南."""

from hrss.core.catalogue import Document, Service
from hrss.pensions.benefits.chains import AWARD
from hrss.pensions.benefits.rules import REVIEW_WORKING_DAYS

SINCE = REVIEW_WORKING_DAYS[0][0]

AWARD_SERVICE = Service(
    code="pensions/award",
    name="城乡居民养老保险待遇领取",
    area_label="pensions",
    documents=((SINCE, (
        Document("居民身份证", copies=1),
        Document("户口簿", copies=1),
        Document("城乡居民养老保险待遇领取申请表", "窗口领取填写", original_shown=False),
        Document("社会保障卡或本人银行账户", "发放待遇用", copies=1),
    )),),
    promised_days=((SINCE, sum(step.deadline_on(SINCE) for step in AWARD.steps[1:])),),
    case_type=AWARD.case_type,
    who="年满60周岁、未领取国家规定的基本养老保障待遇的参保人",
    legal_basis="国发〔2009〕32号、国发〔2014〕8号",
    where="村(社区)服务站受理，乡镇(街道)审核，县(区)社保经办机构核定",
)

SERVICES = (AWARD_SERVICE,)
