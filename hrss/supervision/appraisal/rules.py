"""The appraisal's weights (考核权重), as dated configuration (core.dated.in_force): rows of (effective_from,
Weights), ascending; a month is scored by the row in force on its first day, so a new row changes the months from
its date on and never a month already scored. A changed weighting is a new row, never an edit of an old one.

The plan asks for 绩效考核 and 严格考核评价 (对工作能力、工作效率、工作质量等进行综合考核) and for 考核奖惩机制, but
gives no weights. Every number below is [believed]: a county's usual practice, not read in a document; a county
that adopts other weights adds a row."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from hrss.core.dated import in_force

D = datetime.date

# A rating at or above this score counts as satisfied (5 非常满意, 4 满意): the 好评 of 好差评.
SATISFIED_FROM = 4


@dataclass(frozen=True)
class Weights:
    efficiency: int  # 工作效率: the share of cases handled on time, in per cent of the score
    quality: int  # 工作质量: the share of ratings satisfied
    workload: int  # 工作量: cases handled against the median of the office's peers (capped at the median)
    per_upheld_complaint: int  # points taken off for each complaint upheld (查实) in the month

    def __post_init__(self):
        if self.efficiency + self.quality + self.workload != 100:
            raise ValueError("the weights of a row must add up to 100")


# [believed] 效率 40%、质量 40%、工作量 20%，每件查实的投诉扣 5 分.
WEIGHTS = ((D(2011, 1, 1), Weights(efficiency=40, quality=40, workload=20, per_upheld_complaint=5)),)
SOURCE = ("河源市基层人力资源和社会保障公共服务平台建设规划（建立绩效考核和奖励制度）；各项权重和扣分是市人社局设定的考核配置，"
          "调整时自新的月份起执行，已考核的月份不变")  # [believed]: the weights themselves are not read in a document


def weights_for(month):
    """The weights in force for the month starting on `month` (a date, the first of the month)."""
    return in_force(WEIGHTS, month)


def score(*, month, handled, on_time_share, satisfied_share, median_handled, upheld, weights=None):
    """The month's score (0–100, one decimal) of a staff member or an office, or None (无数据) when nothing was
    handled and nobody rated it. A part without data (no case with a deadline, no rating) leaves the score and its
    weight is shared by the others in proportion [believed], so an office nobody rated is scored on what can be
    measured, and one that handled nothing but was rated is scored on satisfaction only (no workload part: it has
    none to compare). Each upheld complaint (查实 or 部分查实) takes `per_upheld_complaint` points off."""
    if not handled and satisfied_share is None:
        return None
    weights = weights or weights_for(month)
    parts = []
    if on_time_share is not None:
        parts.append((weights.efficiency, on_time_share))
    if satisfied_share is not None:
        parts.append((weights.quality, satisfied_share))
    if handled and median_handled:
        parts.append((weights.workload, min(Decimal(1), Decimal(handled) / Decimal(median_handled))))
    weight = sum(part_weight for part_weight, _share in parts)
    base = sum(Decimal(part_weight) * Decimal(share) for part_weight, share in parts) * 100 / weight if weight else 0
    value = max(Decimal(0), Decimal(base) - weights.per_upheld_complaint * upheld)
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
