"""Time phrases of GET /ask questions as an inclusive range of ISO partial dates. Pure: `today` is passed in.

Each phrase keeps the precision it is written with: "in 2022" is 2022..2022, "since March 2022" is 2022-03..open,
"last month" is one month, "in the past six months" starts at the month six months back. The phrases found are
blanked out of the text, so that what is left holds only the actors and the question's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "couple of": 2,
    "few": 3,
}  # fmt: skip
_QUARTERS = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3, "3rd": 3, "q3": 3}
_QUARTERS |= {"fourth": 4, "4th": 4, "q4": 4, "last": 4}

_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19|20)\d\d"
# A date: ISO, "March 2022", "March of 2022", "2022", a quarter; relative years ("last year").
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# "October 7, 2023", "7 October 2023", "Oct. 7" (a day without a year: its latest occurrence up to today).
_DAY_DATE = rf"(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})(?:,?\s+{_YEAR})?"
_DATE = (
    rf"(?:{_YEAR}-\d\d(?:-\d\d)?|{_DAY_DATE}|(?:(?:early|mid|late)(?:\s+|-)|the\s+(?:start|beginning|end)\s+of\s+)?"
    rf"(?:{_MONTH}\s+(?:of\s+)?)?{_YEAR}|(?:the\s+)?(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+quarter"
    rf"\s+of\s+{_YEAR}|q[1-4]\s+{_YEAR}|(?:the\s+)?(?:first|second)\s+half\s+of\s+{_YEAR}|h[12]\s+{_YEAR}|{_MONTH}\s+(?:this|last)\s+year|(?:this|last)\s+(?:year|month)|"
    rf"the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|{_MONTH})"
)
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|" \
    r"couple\s+of|few)"  # fmt: skip
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"(?<![\w-]){regex}(?![\w-])", re.IGNORECASE))
    for kind, regex in (
        # "between 2022 and now", "from March 2023 to date": open at the end
        (
            "since",
            rf"(?:(?:in|during|over)\s+)?(?:between|from)\s+(?P<a>{_DATE})\s+(?:and|to|until|till|through|thru|-)"
            rf"\s+(?:now|today|(?:the\s+)?present(?:\s+day)?|date)",
        ),
        ("decade", r"(?:(?:in|during|over|throughout)\s+)?(?:the\s+)?(?P<d>(?:19|20)\d0)'?s"),
        (
            "range",
            rf"(?:(?:in|during|over)\s+)?(?:between|from)\s+(?P<a>{_DATE})\s+(?:and|to|until|till|through|thru|-)"
            rf"\s+(?P<b>{_DATE})",
        ),
        ("range", rf"(?:(?:in|during|over)\s+)?(?P<a>{_YEAR})\s*(?:-|–|to|through)\s*(?P<b>{_YEAR})"),
        # "the last year", "the past year", "last two years" are rolling; "last year" is the calendar year.
        (
            "rolling",
            rf"(?:(?:in|during|over|for|within)\s+)?(?:(?:the\s+)?(?:past|previous|recent)\s+"
            rf"(?:(?P<n>{_COUNT})\s+)?|the\s+last\s+(?:(?P<n2>{_COUNT})\s+)?|last\s+(?P<n3>{_COUNT})\s+)(?P<unit>{_UNIT})",
        ),
        ("ago", rf"(?:(?:in|during|over|for|within)\s+)?(?P<n>{_COUNT})\s+(?P<unit>{_UNIT})\s+(?:ago|back)"),
        (
            "since",
            rf"(?:ever\s+)?(?:since|after|starting(?:\s+in|\s+from)?|beginning(?:\s+in)?|from)\s+"
            rf"(?:the\s+(?:start|beginning)\s+of\s+)?(?P<a>{_DATE})(?:\s+on(?:wards?)?)?",
        ),
        # "up to" is not a bound in "what has Turkey been up to this year"
        (
            "until",
            rf"(?:before|until|till|(?<!been\s)(?<!\bis\s)(?<!are\s)(?<!was\s)(?<!were\s)(?<!\bs\s)up\s+to|through|by|"
            rf"prior\s+to)\s+(?:the\s+end\s+of\s+)?(?P<a>{_DATE})",
        ),
        (
            "so_far",
            r"(?:so\s+far\s+)?this\s+(?P<unit>year|month|week)(?:\s+so\s+far)?|(?:so\s+far\s+)?in\s+(?P<unit2>"
            r"\d{4})\s+so\s+far",
        ),
        ("last", r"(?:(?:in|during|over)\s+)?last\s+(?P<unit>year|month|week)"),
        ("day", r"(?P<word>yesterday|today)"),
        ("in", rf"(?:(?:in|during|over|throughout|for|of)\s+(?:the\s+(?:year|month)\s+(?:of\s+)?)?)?(?P<a>{_DATE})"),
    )
)


@dataclass(frozen=True)
class TimeRange:
    since: str | None
    until: str | None


def _month_back(today: date, months: int) -> date:
    index = today.year * 12 + today.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _span(text: str, today: date) -> tuple[str, str]:
    """The first and last ISO partial dates that a _DATE text covers."""
    text = " ".join(text.lower().split())
    if re.fullmatch(rf"{_YEAR}-\d\d(?:-\d\d)?", text):
        numbers = [int(p) for p in text.split("-")]
        date(numbers[0], numbers[1], numbers[2] if len(numbers) > 2 else 1)  # ValueError for 2024-13, 2024-02-30
        return text, text
    day = re.fullmatch(
        rf"(?:(?P<m>{_MONTH})\s+(?P<d>{_DAY})|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH}))(?:,?\s+(?P<y>{_YEAR}))?",
        text,
    )
    if day:
        month_number = _MONTHS[(day["m"] or day["m2"]).rstrip(".")]
        number = int(re.sub(r"\D", "", day["d"] or day["d2"]))
        if day["y"]:
            iso = date(int(day["y"]), month_number, number).isoformat()
        else:
            this_year = date(today.year, month_number, number)
            iso = (this_year if this_year <= today else date(today.year - 1, month_number, number)).isoformat()
        return iso, iso
    if re.fullmatch(r"the\s+\w+\s+of\s+(?:the|this)\s+year", text):
        return str(today.year), str(today.year)
    month = re.fullmatch(r"(?P<which>this|last)\s+month", text)
    if month:
        iso = _month_back(today, 1 if month["which"] == "last" else 0).isoformat()[:7]
        return iso, iso
    relative = re.fullmatch(rf"(?:(?P<m>{_MONTH})\s+)?(?P<which>this|last)\s+year", text)
    if relative:
        year = today.year - (relative["which"] == "last")
        return _month_or_year(relative["m"], year)
    half = re.fullmatch(rf"(?:the\s+)?(?P<h>first|second|h1|h2)\s+(?:half\s+of\s+)?(?P<y>{_YEAR})", text)
    if half:
        first = half["h"] in ("first", "h1")
        return f"{half['y']}-{'01' if first else '07'}", f"{half['y']}-{'06' if first else '12'}"
    quarter = re.fullmatch(
        rf"(?:the\s+)?(?P<q>\w+)\s+quarter\s+of\s+(?P<y>{_YEAR})|(?P<q2>q[1-4])\s+(?P<y2>{_YEAR})", text
    )
    if quarter:
        q, year = _QUARTERS[quarter["q"] or quarter["q2"]], int(quarter["y"] or quarter["y2"])
        return f"{year}-{3 * q - 2:02d}", f"{year}-{3 * q:02d}"
    parts = re.fullmatch(
        rf"(?:(?:early|mid|late)(?:\s+|-)|the\s+\w+\s+of\s+)?(?:(?P<m>{_MONTH})(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?|"
        rf"(?P<y2>{_YEAR}))",
        text,
    )
    if parts is None:
        raise ValueError(text)
    year_text = parts["y"] or parts["y2"]
    if year_text is None:  # a month alone: its latest occurrence up to today
        month_number = _MONTHS[parts["m"].rstrip(".")]
        year = today.year if month_number <= today.month else today.year - 1
        return _month_or_year(parts["m"], year)
    return _month_or_year(parts["m"], int(year_text))


def _month_or_year(month: str | None, year: int) -> tuple[str, str]:
    if month is None:
        return str(year), str(year)
    iso = f"{year}-{_MONTHS[month.rstrip('.')]:02d}"
    return iso, iso


def _count(text: str | None) -> int:
    if text is None:
        return 1
    key = " ".join(text.lower().split())
    return int(key) if key.isdigit() else _NUMBERS[key]


def _rolling(n: int, unit: str, today: date) -> str:
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return (today - timedelta(days=n)).isoformat()
    if unit == "week":
        return (today - timedelta(weeks=n)).isoformat()
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    return _month_back(today, months).isoformat()[:7]


def _range_of(kind: str, match: re.Match[str], today: date) -> TimeRange:
    groups = match.groupdict()
    if kind == "range":
        first, end = groups["a"], groups["b"]
        year = re.search(_YEAR, end)
        if year and not re.search(r"\d|year|month", first):  # "between March and June 2023": June's year
            first = f"{first} {year.group(0)}"
        return TimeRange(_span(first, today)[0], _span(end, today)[1])
    if kind == "decade":  # "the 2010s": 2010..2019
        return TimeRange(groups["d"], str(int(groups["d"]) + 9))
    if kind == "rolling":
        count = groups.get("n") or groups.get("n2") or groups.get("n3")
        return TimeRange(_rolling(_count(count), groups["unit"], today), None)
    if kind == "ago":  # "two years ago": that year; "three months ago": that month
        then = _rolling(_count(groups["n"]), groups["unit"], today)
        then = then[:4] if groups["unit"].lower().startswith(("year", "decade")) else then
        return TimeRange(then, then)
    if kind == "since":
        return TimeRange(_after(match, today), None)
    if kind == "until":
        return TimeRange(None, _before(match, today))
    if kind == "so_far":
        if groups.get("unit2"):
            return TimeRange(groups["unit2"], groups["unit2"])
        unit = groups["unit"].lower()
        if unit == "week":
            return TimeRange((today - timedelta(days=today.weekday())).isoformat(), None)
        this = str(today.year) if unit == "year" else today.isoformat()[:7]
        return TimeRange(this, this)
    if kind == "last":
        unit = groups["unit"].lower()
        if unit == "year":
            return TimeRange(str(today.year - 1), str(today.year - 1))
        if unit == "month":
            last = _month_back(today, 1).isoformat()[:7]
            return TimeRange(last, last)
        monday = today - timedelta(days=today.weekday() + 7)
        return TimeRange(monday.isoformat(), (monday + timedelta(days=6)).isoformat())
    if kind == "day":
        day = today - timedelta(days=1) if groups["word"].lower() == "yesterday" else today
        return TimeRange(day.isoformat(), day.isoformat())
    first, last = _span(groups["a"], today)
    return TimeRange(first, last)


def _after(match: re.Match[str], today: date) -> str:
    first, last = _span(match["a"], today)
    if not match.group(0).lower().startswith("after"):
        return first
    return _next(last)  # "after 2020": from 2021


def _before(match: re.Match[str], today: date) -> str:
    first, last = _span(match["a"], today)
    if not match.group(0).lower().startswith(("before", "prior")):
        return last
    return _previous(first)  # "before March 2022": until 2022-02


def _next(iso: str) -> str:
    if len(iso) == 4:
        return str(int(iso) + 1)
    if len(iso) == 7:
        year, month = int(iso[:4]), int(iso[5:])
        return f"{year + month // 12}-{month % 12 + 1:02d}"
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def _previous(iso: str) -> str:
    if len(iso) == 4:
        return str(int(iso) - 1)
    if len(iso) == 7:
        return _month_back(date(int(iso[:4]), int(iso[5:]), 1), 1).isoformat()[:7]
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


def take_time(text: str, today: date) -> tuple[str, TimeRange]:
    """The text with its time phrases blanked out, and the range they give (both ends open when none). Several
    phrases combine ("since 2020 until March 2022"); a lone month ("in May") counts only after a preposition, so
    that a name such as "May" is left alone."""
    since: str | None = None
    until: str | None = None
    for kind, pattern in _PATTERNS:
        for match in list(pattern.finditer(text)):
            if kind == "in" and not _dated_enough(match):
                continue
            found = _range_of(kind, match, today)
            if kind == "in" and since and until and found.since and found.until:  # "in 2022 and 2023"
                since, until = min(since, found.since), max(until, found.until)
            else:
                since, until = found.since or since, found.until or until
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return text, TimeRange(since, until)


def _dated_enough(match: re.Match[str]) -> bool:
    """A month without a year only after a preposition ("in March"), not alone ("May")."""
    phrase = match.group(0).lower()
    return bool(re.search(r"\d|year", phrase)) or phrase.split()[0] in ("in", "during", "throughout", "of")
