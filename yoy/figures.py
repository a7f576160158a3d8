"""Numeric targets and reported results: 地区生产总值增长6.5%左右, 固定资产投资提质增效, ….

Works per sentence on the folded text. A figure is a *target* when its sentence plans the report's own
year (主要预期目标…, 2025年,预计…) or sits in a plan part; a *result* when it reports an earlier year
or sits in a review part. Multi-year averages (年均, 五年来) are neither and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from yoy.models import Evidence, Figure, Role, Span

# Canonical indicator → the ways reports write it (regex, longest first inside each entry).
INDICATORS: tuple[tuple[str, str], ...] = (
    ("国内生产总值", r"国内生产总值|GDP"),
    ("地区生产总值", r"(?:地区|全区|全市|全县|全省|全州|全旗|本区|本市)?生产总值(?!能耗)"),
    ("一般公共预算收入", r"(?:地方)?一般公共预算收入|(?:地方)?公共财政预算收入|地方财政收入"),
    ("固定资产投资", r"(?:全社会)?固定资产投资"),
    ("社会消费品零售总额", r"社会消费品零售总额|社零额"),
    ("进出口", r"(?:货物|外贸|货物贸易)?进出口(?:总额|总值)?"),
    ("城镇居民人均可支配收入", r"城镇(?:常住)?居民人均可支配收入"),
    ("农村居民人均可支配收入", r"农村(?:常住)?居民人均可支配收入"),
    ("居民人均可支配收入", r"(?:城乡|全体)?居民人均可支配收入"),
    ("居民消费价格涨幅", r"居民消费价格(?:涨幅|指数|总水平)?|CPI"),
    ("城镇新增就业", r"城镇新增就业(?:人数)?|新增城镇就业"),
    ("城镇调查失业率", r"城镇调查失业率"),
    ("城镇登记失业率", r"城镇登记失业率"),
    ("单位生产总值能耗", r"(?:单位|万元)(?:地区)?生产总值能耗|万元GDP能耗|能耗强度"),
    ("赤字率", r"赤字率"),
    ("规模以上工业增加值", r"规模以上工业增加值|规上工业增加值"),
    ("实际使用外资", r"实际(?:使用|利用)外资"),
    ("粮食产量", r"粮食(?:总)?产量"),
)
_IND = re.compile("|".join(f"(?P<i{k}>{pat})" for k, (_, pat) in enumerate(INDICATORS)))
_NUM = r"\d+(?:\.\d+)?"
_UNIT = r"%|个百分点|亿美元|亿元|万元|元|万人|人|万吨|吨|万平方米|平方米|公里|个"
# What may stand between an indicator and its figure: a measuring verb, in a short window.
_VALUE = re.compile(
    rf"^(?P<verb>(?:同比|比上年|年均)?(?:增长|增速|下降|降低|提高|涨幅|达到|实现|控制在|保持在|为|完成|突破|"
    rf"增加|减少|超过))?(?P<approx>约|近|超)?(?P<a>{_NUM})\s*(?P<ua>{_UNIT})?"
    rf"(?:\s*[-~—–至到]\s*(?P<b>{_NUM})\s*(?P<ub>{_UNIT})?)?(?P<qual>左右|以上|以内|以下|上下)?")
# A target stated in words (固定资产投资提质增效): at most this many characters, no digit.
QUALITATIVE_MAX_CHARS = 8
_QUAL = re.compile(rf"^[\u4e00-\u9fff]{{2,{QUALITATIVE_MAX_CHARS}}}(?=[,;。、)]|$)")
_FOLLOW_GROWTH = re.compile(rf"^,(?:同比|比上年)?增长(?P<a>{_NUM})(?P<ua>%)")
_MULTI_YEAR = re.compile(r"年均|五年来|过去五年|今后五年|累计|十[一二三四五六七八九]五期间|到20\d\d年")
_YEAR = re.compile(r"(20\d\d)年")
_GROWTH_VERBS = {"增长": "增长", "增速": "增长", "下降": "下降", "降低": "下降"}


@dataclass(frozen=True, slots=True)
class Located:
    """Where a sentence stands: its report ("old" | "new"), span, path label, pair id, part role."""

    side: str
    span: Span
    path: str
    pair_id: str | None
    role: Role


def _is_target(sentence: str, year: int, role: Role) -> bool | None:
    """True: a target for `year`; False: a past result; None: a multi-year figure (left out)."""
    if _MULTI_YEAR.search(sentence):
        return None
    if re.search(r"预期目标|主要目标|目标是", sentence):
        return True
    years = [int(y) for y in _YEAR.findall(sentence)]
    if years:
        return years[0] >= year
    return role is Role.PLAN


def _paren_mask(text: str) -> list[bool]:
    depth, mask = 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        mask.append(depth > 0)
        if ch == ")" and depth:
            depth -= 1
    return mask


def _qualifier(approx: str | None, qual: str | None, is_range: bool) -> str | None:
    if is_range:
        return "range"
    if qual:
        return qual
    return "约" if approx == "约" else None


def extract(folded_text: str, text: str, year: int, sentences: Sequence[Span],
            locate: Callable[[Span], Located]) -> list[Figure]:
    """Every target and result figure of one report, in reading order."""
    out: list[Figure] = []
    for span in sentences:
        fs = folded_text[span.start:span.end]
        if not _IND.search(fs):
            continue
        where = locate(span)
        target = _is_target(fs, year, where.role)
        if target is None:
            continue
        mask = _paren_mask(fs)
        found: list[Figure] = []
        evidence = Evidence(year=year, side=where.side, path=where.path,
                            sentence=text[span.start:span.end].strip(), span=span, pair_id=where.pair_id)
        for m in _IND.finditer(fs):
            if mask[m.start()]:
                continue
            name = next(INDICATORS[int(k[1:])][0] for k, v in m.groupdict().items() if v)
            rest = fs[m.end():]
            v = _VALUE.match(rest)
            if v and v.group("a"):
                verb = v.group("verb") or ""
                base_verb = verb.removeprefix("同比").removeprefix("比上年")
                unit = v.group("ua") or v.group("ub")
                suffix = _GROWTH_VERBS.get(base_verb, "") if unit in ("%", "个百分点") else ""
                is_range = v.group("b") is not None
                value = rest[len(verb):v.end()]
                number = float(v.group("a"))
                if is_range:
                    number = (number + float(v.group("b"))) / 2
                found.append(Figure(indicator=name + suffix, value=value, number=number, unit=unit,
                                  qualifier=_qualifier(v.group("approx"), v.group("qual"), is_range),
                                  is_target=target, evidence=evidence))
                g = _FOLLOW_GROWTH.match(rest[v.end():])
                if g and not suffix:
                    found.append(Figure(indicator=name + "增长", value=g.group("a") + "%",
                                      number=float(g.group("a")), unit="%", qualifier=None,
                                      is_target=target, evidence=evidence))
            elif target and (q := _QUAL.match(rest)) and not re.match(r"(?:增长|下降|达到)", rest):
                found.append(Figure(indicator=name, value=q.group(0), number=None, unit=None,
                                    qualifier=None, is_target=True, evidence=evidence))
        # A target in words counts only inside a list of numeric targets (主要预期目标…): elsewhere
        # "进出口企业拓展市场" is prose, not a target.
        if any(f.number is not None for f in found):
            out += found
    return out


def base_of(indicator: str) -> str:
    """The indicator without its measure: 固定资产投资增长 → 固定资产投资."""
    for suffix in ("增长", "下降"):
        if indicator.endswith(suffix):
            return indicator[: -len(suffix)]
    return indicator


def first_targets(figures: Sequence[Figure]) -> dict[str, Figure]:
    """The headline target of each indicator: its first statement in the report."""
    out: dict[str, Figure] = {}
    for f in figures:
        if f.is_target:
            out.setdefault(f.indicator, f)
    return out


def direction(old: Figure | None, new: Figure | None) -> str:
    """up | down | unchanged | changed | newly set | no longer set."""
    if old is None:
        return "newly set"
    if new is None:
        return "no longer set"
    if old.number is not None and new.number is not None and old.unit == new.unit:
        if new.number > old.number:
            return "up"
        if new.number < old.number:
            return "down"
        return "unchanged" if old.qualifier == new.qualifier else "changed"
    return "unchanged" if old.value == new.value and old.indicator == new.indicator else "changed"
