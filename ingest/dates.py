"""Find temporal expressions in a sentence and resolve them against the publication date.

Every date expression is found with one compiled regex (cheap on sentences without dates); each
match is then resolved by small typed functions.  Values are ISO strings at the precision the text
allows: "YYYY-MM-DD" (day), "YYYY-MM" (month) or "YYYY" (year).

Resolution rules (they follow the evaluation guide, ../shared/eval/README.md):

* A weekday is the latest such day on or before publication (the publication weekday is the
  publication day itself); with a future tense it is the first such day on or after publication.
  "last Friday" is strictly before, "next Friday" / "this coming Friday" strictly after publication.
* today / tonight / this morning / earlier today -> publication day; yesterday / last night -> -1 day;
  tomorrow -> +1 day.
* "a day ahead (of)", "a day later", "the next day", "the day before", "N days later/earlier" are
  relative to an anchor: the `anchor` argument, else the last day-precise date found earlier in the
  same sentence ("Friday's meeting took place a day ahead of ..."), else the publication day.
* "N days ago" -> that exact day; vague spans ("days ago", "a few days ago", "recent days", "last
  week", "this week", "N weeks ago", "in two weeks") -> the month containing that point (month
  precision), because the exact day is not stated.
* last/this/next month -> month; last/this/next year, "a year ago", "mid-2023", "since 2016" -> year.
* "in three months' time" / "in two weeks" -> publication + delta, month precision (only read as a
  date with "time" or a future tense: "the highest in two years" is a duration, not a date).
* Explicit dates: "November 15", "Nov. 15", "15 November", "November 15, 2024", "15 Nov 2024",
  "2024-11-15", "11/15/2024" (US order unless the first number is > 12), "15.11.2024" (day first).
  Without a year, the publication year is used unless that puts the date more than NEAR_DAYS (60)
  after publication in a past/present sentence (then the year before) or more than NEAR_DAYS before
  it in a future one (then the year after): news style writes the year for other years, and "past"
  sentences often announce dates a few weeks ahead.  A weekday written next to the date
  ("Wednesday, November 22") picks the year whose calendar matches, when one does.
* "in November" -> the latest November on or before the publication month (future: the first on or
  after it); "last November" strictly before, "next November" strictly after; "November 2023" -> month.
* A bare year counts only in a date-ish context ("in 2016", "since 2016", "2016's", "early 2016").

Without a publication date, only expressions that carry their own year are resolved.

dateparser is not used here: the regex already captures every field of the supported forms, which
is exact and ~100x faster than calling dateparser per span, and dateparser's relative-date choices
differ from the rules above.  ingest.cleanup uses dateparser for free-form date stamps.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "future", "present"]
Direction = Literal["past", "future"]
Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class ResolvedDate:
    value: str  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY"
    precision: Precision
    start: int  # character offsets of the expression in the sentence
    end: int
    text: str


WEEKDAYS: dict[str, int] = {
    name: index
    for index, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
_MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip


# --------------------------------------------------------------------------- small public helpers


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "nov", "November")."""
    return _MONTH_PREFIXES.index(name.strip(".").lower()[:3]) + 1


def parse_count(word: str) -> int | None:
    """A number written as digits or a word ("3", "three", "a"); None for vague ones ("few", "several")."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def resolve_weekday(name: str, published: date, direction: Direction, *, inclusive: bool = True) -> date:
    """The weekday `name` nearest to `published` in `direction`.

    inclusive=True lets the publication day itself match (an article of a Friday saying "Friday"
    means that day); inclusive=False gives "last Friday" / "next Friday" semantics.
    """
    target = WEEKDAYS[name.strip().lower().rstrip("s’'")]
    if direction == "past":
        back = (published.weekday() - target) % 7
        if back == 0 and not inclusive:
            back = 7
        return published - timedelta(days=back)
    ahead = (target - published.weekday()) % 7
    if ahead == 0 and not inclusive:
        ahead = 7
    return published + timedelta(days=ahead)


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by `months` (may be negative)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, the day clamped to the target month's length."""
    year, month = shift_month(day.year, day.month, months)
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def resolve_month(month: int, published: date, direction: Direction, *, inclusive: bool = True) -> tuple[int, int]:
    """(year, month) of the month named without a year: the latest on or before the publication
    month (past) or the first on or after it (future); inclusive=False excludes the publication month."""
    if direction == "past":
        year = published.year if month <= published.month else published.year - 1
        if not inclusive and (year, month) == (published.year, published.month):
            year -= 1
    else:
        year = published.year if month >= published.month else published.year + 1
        if not inclusive and (year, month) == (published.year, published.month):
            year += 1
    return year, month


# A day written without a year is read in the publication year unless that puts it more than this far
# on the wrong side of publication for the tense.  News style omits the year only for the current year,
# and a "past" sentence often announces a date a few weeks ahead ("talks will resume on May 12").
NEAR_DAYS = 60


def resolve_month_day(
    month: int, day: int, published: date, direction: Direction, *, weekday: str | None = None
) -> date | None:
    """The date `month`/`day` without a year, chosen relative to publication (None if impossible).

    A weekday written with it ("Wednesday, November 22") selects the year whose calendar agrees.
    Otherwise: the latest such date up to NEAR_DAYS after publication (past), or the first from
    NEAR_DAYS before it (future); so "Dec. 28" in a January article is last December.
    """
    years = range(published.year - 1, published.year + 2)
    candidates = [d for d in (_safe_date(year, month, day) for year in years) if d]
    if not candidates:
        return None
    if weekday is not None:
        matching = [d for d in candidates if d.weekday() == WEEKDAYS[weekday.lower()]]
        if matching:
            return min(matching, key=lambda d: abs((d - published).days))
    near = timedelta(days=NEAR_DAYS)
    if direction == "past":
        return max((d for d in candidates if d <= published + near), default=min(candidates))
    return min((d for d in candidates if d >= published - near), default=max(candidates))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------- the candidate regex

_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MON = rf"(?:{_MON_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DAY_RANGE = rf"(?:\s*[-–]\s*{_DAY})?"  # "May 19-21": the first day is used
_YEAR = r"(?:19|20)\d\d(?!\d)"
_POSS = r"(?:’s|'s)"
_NUM = (
    r"(?i:\d{1,3}|a\s+few|a\s+couple(?:\s+of)?|few|several|some|many|an?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
    r"|thirty|forty|fifty)"
)
_PERIOD_MOD = (  # "early", "mid-", "the end of" ... in front of a month or a year
    r"(?i:early|mid|late|(?:the\s+)?(?:end|start|beginning|middle|first\s+half|second\s+half)\s+of)"
)
_SEASON = r"(?i:(?:the\s+)?(?:summer|spring|autumn|fall|winter)(?:\s+of)?)"
# Not "to", "for", "of", "and", "around": "rose to 2000", "a total of 2000" are counts more often than years.
_YEAR_PREP = r"(?i:in|since|by|until|till|from|during|through|throughout|before|after|between|as\s+of)"
_MONTH_PREP = r"(?i:in|since|by|until|till|from|during|through|throughout|before|after|between|and|to|or)"
_WORD_END = r"(?![A-Za-z])"

# Each kind of expression, with named groups; the master regex is the alternation of these with
# the names removed, and the kind's own regex re-reads a master match to get the fields.
_KIND_PATTERNS: dict[str, str] = {
    "iso": rf"(?<![\d-])(?P<year>{_YEAR})-(?P<month>1[0-2]|0?[1-9])-(?P<day>[12]\d|3[01]|0?[1-9])(?!\d)",
    "slash": rf"(?<![\d/])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<year>{_YEAR})(?![/\d])",
    "dotted": rf"(?<![\d.])(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>{_YEAR})(?![.\d])",
    "month_day": (
        rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<month>{_MON})\s+(?P<day>{_DAY}){_DAY_RANGE}(?!\d)"
        rf"(?:,?\s+(?P<year>{_YEAR}))?"
    ),
    "day_month": (
        rf"(?<![\d.,])(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<day>{_DAY}){_DAY_RANGE}\s+(?:of\s+)?"
        rf"(?P<month>{_MON})(?:,?\s+(?P<year>{_YEAR}))?"
    ),
    "month_year": rf"(?:(?P<mod>{_PERIOD_MOD})(?:\s+|-))?(?P<month>{_MON})(?:,|\s+of)?\s+(?P<year>{_YEAR})",
    "ordinal": (
        r"(?P<pre>(?i:on|by|until|since|from)\s+)the\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
        r"(?:(?P<rel>\s+of\s+(?:this|the|last|next)\s+month)|(?=\s*(?:[.,;:!?)]|$)))"
    ),
    "relative_day": (
        r"(?<![A-Za-z])(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|earlier\s+today"
        r"|later\s+today|today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night"
        r"|(?:earlier|later)\s+in\s+the\s+day|(?:that\s+|the\s+)same\s+day))"
        rf"{_POSS}?{_WORD_END}"
    ),
    "anchored_day": (
        r"(?<![A-Za-z])(?P<word>(?i:(?:a|one)\s+day\s+(?:ahead|before|after|prior)|the\s+(?:next|following"
        rf"|previous|preceding)\s+day|the\s+day\s+(?:before|after|prior))){_WORD_END}"
    ),
    "count": (
        rf"(?<![A-Za-z\d,.])(?:(?P<n>{_NUM})\s+)?(?P<unit>(?i:days?|weeks?|months?|years?|decades?))\s+"
        rf"(?P<dir>(?i:ago|later|earlier)){_WORD_END}"
    ),
    "recent": (
        r"(?<![A-Za-z])(?P<pre>(?i:in|over|during)\s+)?(?i:recent|the\s+(?:past|last)\s+(?:few|several))\s+"
        rf"(?P<unit>(?i:days|weeks|months)){_WORD_END}"
    ),
    "period": (
        r"(?<![A-Za-z])(?P<mod>(?i:(?:earlier|later|early|late)\s+(?:this|last|next)|last|this|next"
        r"|the\s+(?:previous|following|preceding)))\s+"
        rf"(?P<unit>(?i:week|weekend|month|year)){_POSS}?{_WORD_END}"
    ),
    "in_time": (
        rf"(?<![A-Za-z])(?P<pre>(?i:in)\s+)(?P<n>{_NUM})\s+(?P<unit>(?i:days?|weeks?|months?|years?))"
        rf"(?P<time>(?:’|')s?\s+time)?{_WORD_END}"
    ),
    "weekday": (
        r"(?<!Good )(?<!Black )(?<!Super )(?<!Cyber )(?<!Bloody )(?<!Ash )(?<!Holy )(?<!Palm )(?<!Easter )"
        r"(?:(?P<mod>(?i:this\s+coming|last|next|this|coming|past|previous|early|late|overnight))\s+)?"
        rf"(?P<wd>{_WD}){_POSS}?(?:\s+(?:morning|afternoon|evening|night))?"
        r"(?!\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Night\s+Football))"
    ),
    "bare_month": (
        rf"(?:(?P<pre>{_MONTH_PREP})\s+)?(?:(?P<mod>(?i:last|next|this)|{_PERIOD_MOD})(?:\s+|-))?"
        rf"(?P<month>{_MON_FULL})(?![A-Za-z])(?![.,]?\s*(?:of\s+)?\d)(?!\s+[A-Z][a-z])"
    ),
    "year": (
        rf"(?<![\d,.$£€])(?:(?P<pre>{_YEAR_PREP})\s+)?(?:(?P<mod>{_PERIOD_MOD}|{_SEASON})(?:\s+|-))?"
        rf"(?P<year>{_YEAR})(?P<poss>{_POSS})?(?![-–/.,]\d)(?!\s*(?:%|(?i:per\s*cent|percent)))"
    ),
}
_KIND_RES: dict[str, re.Pattern[str]] = {kind: re.compile(p) for kind, p in _KIND_PATTERNS.items()}
_CANDIDATES = re.compile(
    "|".join(f"(?P<{kind}>{re.sub(r'[(][?]P<[a-z]+>', '(?:', p)})" for kind, p in _KIND_PATTERNS.items())
)
# Every expression contains one of these "cores"; the big regex is only tried at the few word
# starts just before a core (trying it at every position of a sentence costs ~3 us per character).
_CORE = re.compile(
    r"\d+|(?i:day|night|morning|afternoon|evening|week|month|year|decade|ago|tomorrow|recent)"
    r"|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)
_WORD_START = re.compile(r"\b\w")
_LOOKBACK_CHARS = 48  # room for the longest prefix: "in the first half of" + "2023"
_LOOKBACK_WORDS = 7


# --------------------------------------------------------------------------- resolution


@dataclass(frozen=True)
class _Context:
    published: date | None
    direction: Direction
    tense: Tense
    anchor: date | None  # for "a day later" etc.


_Value = tuple[str, Precision]
_Resolver = Callable[[re.Match[str], _Context], _Value | None]


def _day(value: date | None) -> _Value | None:
    return (value.isoformat(), "day") if value else None


def _month(year: int, month: int) -> _Value:
    return f"{year:04d}-{month:02d}", "month"


def _year(year: int) -> _Value:
    return f"{year:04d}", "year"


def _month_of(value: date) -> _Value:
    return _month(value.year, value.month)


def _explicit(ctx: _Context, month: int, day_text: str, year_text: str | None, weekday: str | None) -> _Value | None:
    day = int(re.sub(r"\D", "", day_text))
    if year_text:
        return _day(_safe_date(int(year_text), month, day))
    if ctx.published is None:
        return None
    return _day(resolve_month_day(month, day, ctx.published, ctx.direction, weekday=weekday))


def _resolve_iso(m: re.Match[str], ctx: _Context) -> _Value | None:
    return _day(_safe_date(int(m["year"]), int(m["month"]), int(m["day"])))


def _resolve_slash(m: re.Match[str], ctx: _Context) -> _Value | None:
    first, second = int(m["a"]), int(m["b"])
    month, day = (second, first) if first > 12 else (first, second)  # US order unless impossible
    return _day(_safe_date(int(m["year"]), month, day))


def _resolve_dotted(m: re.Match[str], ctx: _Context) -> _Value | None:
    return _day(_safe_date(int(m["year"]), int(m["month"]), int(m["day"])))


def _resolve_month_day(m: re.Match[str], ctx: _Context) -> _Value | None:
    return _explicit(ctx, month_number(m["month"]), m["day"], m["year"], m["wd"])


def _resolve_month_year(m: re.Match[str], ctx: _Context) -> _Value | None:
    return _month(int(m["year"]), month_number(m["month"]))


def _resolve_bare_month(m: re.Match[str], ctx: _Context) -> _Value | None:
    pre, mod = (m["pre"] or "").lower(), " ".join((m["mod"] or "").lower().split())
    month = month_number(m["month"])
    if not pre and not mod:
        return None  # "June" alone may be a name; a month needs "in", "since", "last", "early" ...
    if m["month"] == "May" and pre in {"by", "and", "to", "or"} and not mod:
        return None  # "criticised by May", "Johnson and May": more likely the surname
    if ctx.published is None:
        return None
    if mod == "last":
        return _month(*resolve_month(month, ctx.published, "past", inclusive=False))
    if mod == "next":
        return _month(*resolve_month(month, ctx.published, "future", inclusive=False))
    return _month(*resolve_month(month, ctx.published, ctx.direction))


def _resolve_ordinal(m: re.Match[str], ctx: _Context) -> _Value | None:
    if ctx.published is None:
        return None
    rel = " ".join((m["rel"] or "").lower().split())
    pub = ctx.published
    if "last month" in rel:
        year, month = shift_month(pub.year, pub.month, -1)
    elif "next month" in rel:
        year, month = shift_month(pub.year, pub.month, 1)
    else:
        year, month = pub.year, pub.month
        day = int(m["day"])
        if not rel and ctx.direction == "past" and day > pub.day:
            year, month = shift_month(year, month, -1)  # "on the 28th" said on the 3rd
        elif not rel and ctx.tense == "future" and day < pub.day:
            year, month = shift_month(year, month, 1)
    return _day(_safe_date(year, month, int(m["day"])))


_RELATIVE_DAY_OFFSETS = {
    "today": 0, "tonight": 0, "earlier today": 0, "later today": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


def _resolve_relative_day(m: re.Match[str], ctx: _Context) -> _Value | None:
    word = " ".join(m["word"].lower().split())
    if word in _RELATIVE_DAY_OFFSETS:
        if ctx.published is None:
            return None
        return _day(ctx.published + timedelta(days=_RELATIVE_DAY_OFFSETS[word]))
    # "earlier in the day", "the same day": the day of the anchor
    return _day(ctx.anchor)


def _resolve_anchored_day(m: re.Match[str], ctx: _Context) -> _Value | None:
    if ctx.anchor is None:
        return None
    word = " ".join(m["word"].lower().split())
    backwards = any(w in word for w in ("before", "prior", "previous", "preceding"))
    if word.endswith("after") and ctx.anchor == ctx.published and ctx.tense == "past":
        # "A day after India banned the apps, China criticised the move": the day after an act the sentence does
        # not date, not the day after publication
        return None
    return _day(ctx.anchor + timedelta(days=-1 if backwards else 1))


def _resolve_count(m: re.Match[str], ctx: _Context) -> _Value | None:
    count = parse_count(m["n"]) if m["n"] else None
    unit = m["unit"].lower().rstrip("s")
    going_back = m["dir"].lower() in {"ago", "earlier"}
    base = ctx.published if m["dir"].lower() == "ago" else ctx.anchor
    if base is None:
        return None
    sign = -1 if going_back else 1
    if unit in {"year", "decade"}:
        if count is None:
            return None  # "years ago": too vague for any precision
        return _year(base.year + sign * count * (10 if unit == "decade" else 1))
    if unit == "month":
        return _month(*shift_month(base.year, base.month, sign * (count or 1))) if count else None
    days = (count or 0) * (7 if unit == "week" else 1)
    point = base + timedelta(days=sign * days)
    if unit == "day" and count is not None:
        return _day(point)  # "3 days ago": the exact day
    return _month_of(point)  # "a week ago", "days ago": the month is all the text supports


def _resolve_recent(m: re.Match[str], ctx: _Context) -> _Value | None:
    if ctx.published is None:
        return None
    if m["unit"].lower() == "months":
        return _year(ctx.published.year)
    return _month_of(ctx.published)


def _resolve_period(m: re.Match[str], ctx: _Context) -> _Value | None:
    mod = " ".join(m["mod"].lower().split())
    unit = m["unit"].lower()
    relative_to_anchor = mod.startswith("the ")
    base = ctx.anchor if relative_to_anchor else ctx.published
    if base is None:
        return None
    step = 0
    if mod.endswith(("last", "previous", "preceding")):
        step = -1
    elif mod.endswith(("next", "following")):
        step = 1
    if unit == "year":
        return _year(base.year + step)
    if unit == "month":
        return _month(*shift_month(base.year, base.month, step))
    if unit == "weekend":  # the Saturday of that weekend, at month precision
        direction: Direction = "past" if step < 0 else "future" if step > 0 else ctx.direction
        return _month_of(resolve_weekday("saturday", base, direction, inclusive=step == 0))
    return _month_of(base + timedelta(days=7 * step))  # weeks: month precision (see module doc)


def _resolve_in_time(m: re.Match[str], ctx: _Context) -> _Value | None:
    if ctx.published is None or not (m["time"] or ctx.tense == "future"):
        return None  # "the worst in two years" is a duration
    count = parse_count(m["n"]) or 1
    unit = m["unit"].lower().rstrip("s")
    pub = ctx.published
    if unit == "year":
        return _year(pub.year + count)
    if unit == "month":
        return _month(*shift_month(pub.year, pub.month, count))
    return _month_of(pub + timedelta(days=count * (7 if unit == "week" else 1)))


def _resolve_weekday(m: re.Match[str], ctx: _Context) -> _Value | None:
    if ctx.published is None:
        return None
    mod = " ".join((m["mod"] or "").lower().split())
    if mod in {"last", "past", "previous"}:
        return _day(resolve_weekday(m["wd"], ctx.published, "past", inclusive=False))
    if mod in {"next", "coming", "this coming"}:
        return _day(resolve_weekday(m["wd"], ctx.published, "future", inclusive=False))
    return _day(resolve_weekday(m["wd"], ctx.published, ctx.direction))


def _resolve_year(m: re.Match[str], ctx: _Context) -> _Value | None:
    if not (m["pre"] or m["mod"] or m["poss"]):
        return None  # a bare number such as "the 1966 treaty" or a count
    return _year(int(m["year"]))


_RESOLVERS: dict[str, _Resolver] = {
    "iso": _resolve_iso,
    "slash": _resolve_slash,
    "dotted": _resolve_dotted,
    "month_day": _resolve_month_day,
    "day_month": _resolve_month_day,
    "month_year": _resolve_month_year,
    "ordinal": _resolve_ordinal,
    "relative_day": _resolve_relative_day,
    "anchored_day": _resolve_anchored_day,
    "count": _resolve_count,
    "recent": _resolve_recent,
    "period": _resolve_period,
    "in_time": _resolve_in_time,
    "weekday": _resolve_weekday,
    "bare_month": _resolve_bare_month,
    "year": _resolve_year,
}
# Kinds that measure from another date; they never become the anchor of later expressions.
_ANCHORED_KINDS = frozenset({"anchored_day", "count"})


def _candidates(sentence: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Non-overlapping (kind, fields) matches, left to right, like _CANDIDATES.finditer but faster."""
    position = 0
    for core in _CORE.finditer(sentence):
        if core.start() < position:
            continue
        window_start = max(position, core.start() - _LOOKBACK_CHARS)
        starts = [w.start() for w in _WORD_START.finditer(sentence, window_start, core.start() + 1)]
        for start in starts[-_LOOKBACK_WORDS:]:
            match = _CANDIDATES.match(sentence, start)
            if match is None or match.end() <= core.start() or match.lastgroup is None:
                continue
            fields = _KIND_RES[match.lastgroup].match(sentence, start)
            if fields is not None:
                position = match.end()
                yield match.lastgroup, fields
            break


def _expression_start(sentence: str, fields: re.Match[str]) -> int:
    """Start of the expression proper: a leading preposition ("in", "since", "on") is not part of it."""
    if "pre" not in fields.re.groupindex or fields["pre"] is None:
        return fields.start()
    start = fields.end("pre")
    while start < fields.end() and sentence[start].isspace():
        start += 1
    return start


def find_dates(
    sentence: str,
    published: date | None,
    *,
    tense: Tense = "past",
    anchor: date | None = None,
) -> list[ResolvedDate]:
    """Every date expression in `sentence`, resolved against `published` (see the module doc).

    `tense` chooses the direction for weekdays and dates without a year; `anchor` is the date that
    "a day later" / "the day before" count from (default: the last day-precise date earlier in the
    sentence, else the publication day).
    """
    direction: Direction = "future" if tense == "future" else "past"
    sentence_anchor = anchor
    found: list[ResolvedDate] = []
    for kind, fields in _candidates(sentence):
        ctx = _Context(published, direction, tense, sentence_anchor or published)
        value = _RESOLVERS[kind](fields, ctx)
        if value is None:
            continue
        start = _expression_start(sentence, fields)
        found.append(ResolvedDate(value[0], value[1], start, fields.end(), sentence[start : fields.end()]))
        if anchor is None and value[1] == "day" and kind not in _ANCHORED_KINDS:
            sentence_anchor = date.fromisoformat(value[0])
    return _without_qualifiers(sentence, found)


def _without_qualifiers(sentence: str, found: list[ResolvedDate]) -> list[ResolvedDate]:
    """ "in November last year": "last year" only says which November; it is not a second, coarser date."""
    out: list[ResolvedDate] = []
    by_end = {d.end: d for d in found}
    for d in found:
        # the finer date just before it, separated by spaces at most (a few characters back, so it stays linear)
        end = d.start
        while end > 0 and sentence[end - 1] in " ,":
            end -= 1
        o = by_end.get(end)
        if o is not None and o is not d and o.value.startswith(d.value) and len(o.value) > len(d.value):
            continue
        out.append(d)
    return out
