"""Find quantities in text: a number, an optional magnitude, a unit, and qualifiers.

Numbers are Arabic (3.6, 1,200) or Chinese (一百五十, 两千); a quantity is a number with a unit
(units.tsv) or %, with a magnitude (万, 亿) between them. Two quantities joined by a dash or 至 are
one range (3-5万元, 5%—8%); a number whose unit is written only after the next one shares it
(1409万、1305万人次). Years, ordinals, codes, footnote marks, numbers in short quoted names and
the patterns of non_metrics.tsv are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext
from functools import cache

from kg.data import data_lines, data_table
from kg.records import Quantity
from kg.text.cleaning import normalize_width

CHINESE_DIGITS = "零〇一二两三四五六七八九"
CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + "十百千"
_CHINESE_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}

_RANGE_MARKS = frozenset("-—–~～至到")
_COORDINATION = frozenset(["、", "和", "或", "及"])
# A short quoted stretch is a name or a slogan (“升级版45条”, “两个确立”), not a measurement.
_QUOTED = re.compile(r"“[^”]{1,16}”|\"[^\"]{1,16}\"|《[^》]{1,40}》|「[^」]{1,16}」")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# Magnitudes that stand for a count on their own (740多万 visitors, 3亿 yuan said before).
_BARE_MAGNITUDES = re.compile(r"^(?:万|亿|万亿)$")


@dataclass(frozen=True, slots=True)
class _Raw:
    """A number matched in the text, with what stands around it, before units are shared."""

    start: int
    end: int
    number: str
    chinese: bool
    magnitude: str
    unit: str  # "" when no unit is written right after it
    before: str
    after_number: str
    after_unit: str
    number_start: int


@cache
def _units() -> dict[str, tuple[str, Decimal]]:
    return {unit: (base, Decimal(factor)) for unit, base, factor, _kind in data_table("units.tsv")}


@cache
def _magnitudes() -> dict[str, Decimal]:
    return {mag: Decimal(factor) for mag, factor in data_table("magnitudes.tsv")}


@cache
def _qualifiers(position: str) -> tuple[str, ...]:
    return tuple(
        word for word, where, _meaning in data_table("qualifiers.tsv") if where == position
    )


@cache
def _non_metric_pattern() -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{pattern})" for pattern, _reason in data_table("non_metrics.tsv"))
    )


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _unit_alternation() -> str:
    """Units, longest first, each with a guard against the words it starts (成为, 台阶)."""
    guards = {row[0]: row[1] for row in data_table("unit_exceptions.tsv")}
    return "|".join(
        re.escape(unit) + (f"(?!{guards[unit]})" if unit in guards else "")
        for unit in sorted(_units(), key=len, reverse=True)
    )


@cache
def _pattern() -> re.Pattern[str]:
    chinese = f"[{CHINESE_NUMERAL_CHARS}]"
    # A match starts with a qualifier, a digit or a Chinese numeral: testing that one character
    # first spares trying every branch below at each position of the text (3x faster).
    first = {word[0] for word in _qualifiers("before")} | set(CHINESE_NUMERAL_CHARS)
    return re.compile(
        rf"(?=[\d{re.escape(''.join(sorted(first)))}])"
        rf"(?P<before>{_alternation(_qualifiers('before'))})?"
        r"(?:"
        # Not part of a code, a decimal, a footnote mark ([7]), a formula (4×4, 5+5) or an ordinal.
        r"(?<![\dA-Za-z_.\[×+/#第])(?P<arabic>\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        rf"|(?<![{CHINESE_NUMERAL_CHARS}万亿第数几上每周])"
        rf"(?P<chinese>{chinese}+(?:点[{CHINESE_DIGITS}]+)?)"
        r")"
        rf"(?P<after_number>{_alternation(_qualifiers('after_number'))})?"
        rf"(?P<magnitude>{_alternation(_magnitudes())})?"
        # 5万余户, 3万多亩: the qualifier may follow the magnitude
        rf"(?:(?<=[{''.join(_magnitudes())}])(?P<after_magnitude>{_alternation(_qualifiers('after_number'))})(?={_unit_alternation()}))?"
        rf"(?P<unit>{_unit_alternation()})?"
        rf"(?:/(?P<per>{_alternation(data_lines('per_units.txt'))}))?"
        rf"(?P<after_unit>{_alternation(_qualifiers('after_unit'))})?"
    )


def parse_number(text: str) -> Decimal:
    """The value of an Arabic (1,200.5) or Chinese (一百五十, 两千, 三点五) numeral."""
    text = text.replace(",", "")
    if text[:1].isdigit():
        return Decimal(text)
    whole, _, fraction = text.partition("点")
    value = Decimal(_chinese_integer(whole))
    if fraction:
        digits = "".join(str(_CHINESE_VALUES[c]) for c in fraction)
        value += Decimal(f"0.{digits}")
    return value


def _chinese_integer(text: str) -> int:
    if len(text) > 1 and all(c in _CHINESE_VALUES for c in text):
        if "〇" in text or "零" in text:
            return int("".join(str(_CHINESE_VALUES[c]) for c in text))  # 二〇二四, digit by digit
        raise ValueError(f"{text}: two digits side by side are an estimate (三四个), not a number")
    total, digit = 0, None
    for char in text:
        if char in "零〇":
            digit = None  # 一千零八: the zero only marks a gap
        elif char in _CHINESE_VALUES:
            if digit is not None:
                raise ValueError(f"{text}: two digits side by side are an estimate (五六十)")
            digit = _CHINESE_VALUES[char]
        else:
            total += (1 if digit is None else digit) * _CHINESE_UNITS[char]
            digit = None
    return total + (digit or 0)


def find_quantities(text: str, offset: int = 0, *, normalized: bool = False) -> Iterator[Quantity]:
    """Quantities in ``text``; offsets are shifted by ``offset``. Pass ``normalized=True`` for
    text already through ``normalize_width``."""
    written = text
    if not normalized:
        text = normalize_width(text)  # one character for one: offsets stay those of ``written``
    raws = [raw for match in _pattern().finditer(text) if (raw := _raw(match)) is not None]
    # 一 alone before a classifier is an article (一批项目, 一张蓝图), not a count.
    raws = [r for r in raws if not (r.number == "一" and not r.magnitude)]
    quantities = [q for q in _combine(text, raws) if not _is_year(q)]
    if not quantities:
        return  # the long pattern of non-metrics is run only where it can block something
    blocked = [m.span() for m in _QUOTED.finditer(text)]
    blocked += [m.span() for m in _non_metric_pattern().finditer(text)]
    for quantity in quantities:
        if any(start < quantity.end and quantity.start < end for start, end in blocked):
            continue
        if written is not text and written[quantity.start : quantity.end] != quantity.text:
            quantity = replace(quantity, text=written[quantity.start : quantity.end])  # as written
        yield _shifted(quantity, offset)


def _raw(match: re.Match[str]) -> _Raw | None:
    chinese = match["chinese"] is not None
    number = match["chinese"] if chinese else match["arabic"]
    try:
        parse_number(number)
    except ValueError:
        return None
    number_start = match.start("chinese") if chinese else match.start("arabic")
    unit = match["unit"] or ""
    if unit and match["per"]:
        unit += "/" + match["per"]
    start = match.start() if match["before"] else number_start
    end = match.end()
    after_unit = match["after_unit"] or ""
    magnitude = match["magnitude"] or ""
    if not unit:
        # A bare number keeps no trailing qualifier; its magnitude stays for a shared unit.
        end = max(number_start + len(number), match.end("after_number"), match.end("magnitude"))
        after_unit = ""
    return _Raw(
        start=start,
        end=end,
        number=number,
        chinese=chinese,
        magnitude=magnitude,
        unit=unit,
        before=match["before"] or "",
        after_number=match["after_number"] or match["after_magnitude"] or "",
        after_unit=after_unit,
        number_start=number_start,
    )


def _combine(text: str, raws: list[_Raw]) -> Iterator[Quantity]:
    """Turn raw numbers into quantities: join ranges, share a unit written once."""
    i = 0
    while i < len(raws):
        raw = raws[i]
        following = raws[i + 1] if i + 1 < len(raws) else None
        between = text[raw.end : following.start] if following else ""
        if (
            following
            and following.unit
            and between in _RANGE_MARKS
            and (not raw.unit or raw.unit == following.unit)
        ):
            yield _quantity(text, raw, following.unit, upper=following)
            i += 2
            continue
        if raw.unit:
            yield _quantity(text, raw, raw.unit)
        elif raw.magnitude:
            # 1409万、1305万人次: the unit is written once, after the last number; with none to
            # share, the magnitude is what is written (游客740多万).
            shared = following and between in _COORDINATION
            unit = _shared_unit(raws, i + 1, text) if shared else ""
            if unit or (not raw.chinese and _BARE_MAGNITUDES.match(raw.magnitude)):
                yield _quantity(text, raw, unit)
        i += 1


def _shared_unit(raws: list[_Raw], index: int, text: str) -> str:
    """The unit of the first number with a unit in a chain of coordinated numbers."""
    for i in range(index, len(raws)):
        if raws[i].unit:
            return raws[i].unit
        if i + 1 == len(raws) or text[raws[i].end : raws[i + 1].start] not in _COORDINATION:
            return ""
    return ""


def _quantity(text: str, raw: _Raw, unit: str, *, upper: _Raw | None = None) -> Quantity:
    # Exact arithmetic whatever the number's length: the default 28 digits would round
    # (and quantize would fail on) a long run of digits.
    digits = len(raw.number) + len(upper.number if upper else "")
    with localcontext(prec=max(28, digits + 40)):
        return _exact_quantity(text, raw, unit, upper=upper)


def _exact_quantity(text: str, raw: _Raw, unit: str, *, upper: _Raw | None) -> Quantity:
    magnitude = raw.magnitude or (upper.magnitude if upper else "")
    value = parse_number(raw.number)
    base_unit, factor = _base_of(unit)
    scale = _magnitudes().get(magnitude, Decimal(1)) * factor
    last = upper or raw
    qualifier = last.after_unit or raw.after_number or raw.before
    value_max = base_max = None
    if upper is not None:
        value_max = parse_number(upper.number)
        base_max = _plain(
            value_max * _magnitudes().get(upper.magnitude or magnitude, Decimal(1)) * factor
        )
        if upper.magnitude and upper.magnitude != magnitude:
            magnitude = upper.magnitude  # 3千-1万元 is rare; keep the upper magnitude as written
            scale = _magnitudes()[magnitude] * factor
    return Quantity(
        text=text[raw.start : last.end],
        start=raw.start,
        end=last.end,
        value=value,
        unit=magnitude + unit,
        base_value=_plain(value * scale),
        base_unit=base_unit,
        qualifier=qualifier,
        chinese_numerals=raw.chinese,
        value_max=value_max,
        base_value_max=base_max,
    )


def _plain(value: Decimal) -> Decimal:
    """A decimal without exponent (36000, not 3.6E+4), as xsd:decimal wants it written."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value  # type: ignore[operator]


def _is_year(quantity: Quantity) -> bool:
    return (
        quantity.base_unit == "年"
        and quantity.unit == "年"
        and _YEAR.fullmatch(str(quantity.value)) is not None
    )


def _shifted(quantity: Quantity, offset: int) -> Quantity:
    if not offset:
        return quantity
    return replace(quantity, start=quantity.start + offset, end=quantity.end + offset)


def to_base_unit(value: Decimal, unit: str) -> tuple[Decimal, str] | None:
    """The value of ``value unit`` in the unit's base unit (3.6 万平方米 -> 36000 平方米)."""
    for magnitude, scale in (*_magnitudes().items(), ("", Decimal(1))):
        if unit.startswith(magnitude) and unit[len(magnitude) :].partition("/")[0] in _units():
            base_unit, factor = _base_of(unit[len(magnitude) :])
            return _plain(value * scale * factor), base_unit
    return None


def _base_of(unit: str) -> tuple[str, Decimal]:
    """The base unit and factor of a unit without magnitude (元/月 -> 元/月, 1)."""
    if not unit:
        return "", Decimal(1)  # a bare magnitude (740多万): counted in units of one
    head, slash, per = unit.partition("/")
    base, factor = _units()[head]
    return base + slash + per, factor
