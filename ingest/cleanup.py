"""Turn a raw article (plain text, a scraped page, HTML or a JSON envelope) into its story text.

Pure functions: nothing is read or written besides the payload passed in.

A scraped page is the story wrapped in page furniture: navigation crumbs, the headline, a byline,
date stamps, photo captions, "Advertisement" / "ALSO READ" inserts, contributor notes, copyright
lines, comment widgets and lists of related stories or columnists.  The heuristics below are
general (no rule names a site):

* The story starts at the first *prose* line (>= 8 words, several lower-case words, ending like a
  sentence) and ends at a section marker ("Related ...", "More in this section", "Comments",
  copyright lines, a run of short repeated name lines) that is not followed by much more prose.
* Inside the story, lines that do not read as a sentence (sub-headings, crumbs, "Advertisement",
  name-only captions) are dropped, as are lines matching explicit boilerplate shapes.
* Before the story, the first headline-shaped line (4-20 words, no final period) is the title;
  byline shapes ("By X", "X, Outlet on") give the byline; date-only lines give the publication date.
* A dateline prefix of the first paragraph ("CITY, Month Day (Agency) -", "CITY (AP) —",
  "City, Month Day:") is cut off and recorded; the rest of the paragraph is kept.

All regexes are anchored with bounded repetition, and the line-shape ones run only on short lines,
so the work is linear in the input size (a 5 MB single line is handled in well under a second).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Literal

from ingest.charset import decode_html
from ingest.dates import find_dates
from service.shared import gazetteer
from service.shared.article_body import (
    DEFAULT_MAX_CHARS,
    ArticleError,
    check_body,
    checked_text,
    decode_payload,
    normalise_text,
)

__all__ = ["DEFAULT_MAX_CHARS", "ArticleError", "check_body", "normalise_text"]

PayloadKind = Literal["auto", "text", "html", "json"]


@dataclass(frozen=True)
class CleanArticle:
    text: str  # the story body only: paragraphs joined by "\n\n", title excluded
    title: str | None
    byline: str | None
    dateline: str | None  # the place of a dateline prefix, as written ("VILNIUS, Lithuania")
    published: date | None
    url: str | None


# --------------------------------------------------------------------------- line shapes

_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_SHORT_LINE = 400  # line-shape regexes only run on lines up to this length

_NAME_CONNECTORS = frozenset(
    {"and", "&", "of", "the", "in", "de", "da", "del", "van", "von", "der", "al", "bin", "la", "le"}
)


@dataclass(frozen=True)
class _Shape:
    words: int
    lower_words: int  # words starting with a lower-case letter
    ends_sentence: bool

    @property
    def is_prose(self) -> bool:
        """A story sentence: long enough, mostly running text, ending like a sentence (or very long)."""
        return (self.words >= 8 and self.lower_words >= 3 and self.ends_sentence) or (
            self.words >= 20 and self.lower_words >= 5
        )

    @property
    def is_sentence_like(self) -> bool:
        return self.words >= 2 and self.lower_words >= 1 and self.ends_sentence


def _shape(line: str) -> _Shape:
    words = line.split()
    lower = sum(1 for w in words if w.lstrip(_OPENERS)[:1].islower())
    tail = line.rstrip(_CLOSERS + " ")
    return _Shape(len(words), lower, bool(tail) and tail[-1] in ".!?")


def _is_name_like(text: str) -> bool:
    """Only capitalised words and name connectors ("Oliver North and David L. Goetsch")."""
    words = text.replace(",", " ").split()
    return bool(words) and all(w[:1].isupper() or w.lower() in _NAME_CONNECTORS for w in words)


def _is_headline(line: str, shape: _Shape) -> bool:
    tail = line.rstrip(_CLOSERS + " ")
    return (
        4 <= shape.words <= 20
        and not tail.endswith((".", ":", ","))
        and (line[:1].isupper() or line[:1].isdigit() or line[:1] in _OPENERS)
        and "http" not in line
    )


# --------------------------------------------------------------------------- boilerplate patterns

_I = re.IGNORECASE

# Lines that end the story: everything after them is page furniture, whatever it looks like.
_HARD_CUT = re.compile(
    r"(?:\d{1,6}\s+)?comments?(?:\s*\(\d{1,6}\))?:?$|(?:blog\s+)?comments\s+powered\s+by\b.{0,40}"
    r"|leave\s+a\s+(?:comment|reply)\b.{0,40}|comments\s+are\s+closed\b.{0,40}"
    r"|(?:show|view|load|read)\s+(?:all\s+)?comments\b.{0,30}|join\s+the\s+(?:conversation|discussion)\b.{0,40}",
    _I,
)
# Section headings that usually start the furniture after a story (cut unless much prose follows).
_SECTION_MARKER = re.compile(
    r"(?:related(?:\s+\w{1,20}){0,2}|more\s+(?:in|from|on|about)\b.{0,40}|more\s+(?:stories|news|articles|coverage)"
    r"|read\s+(?:next|more)|recommended(?:\s+\w{1,20}){0,3}|recommendations?|you\s+(?:may|might)\s+also\s+like"
    r"|trending(?:\s+\w{1,20})?|most\s+(?:read|popular|viewed|shared)(?:\s+\w{1,20})?|top\s+stories"
    r"|latest(?:\s+(?:news|stories|videos|articles))?|editor['’]?s\s+picks|popular(?:\s+\w{1,20})?|tags?|topics?"
    r"|comics|also\s+on\s+\w{1,30}|around\s+the\s+web|sponsored(?:\s+\w{1,20})?|from\s+the\s+web"
    r"|about\s+the\s+authors?|explore\s+more|further\s+reading|see\s+also)\s*[:.]?$",
    _I,
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)\s*\d{4}|copyright\b|distributed\s+by\b|this\s+(?:material|article|story)\s+may\s+not\s+be\b)",
    _I,
)
# Single lines of page furniture anywhere in the text.
_DROP_LINE = re.compile(
    r"(?:advertisement|advertising|sponsored|ad)$"
    r"|(?:story|article)\s+continues\s+(?:below|after)\b|continue\s+reading\b|scroll\s+(?:down\s+)?to\s+continue"
    r"|also\s+read\b|read\s+(?:also|more|next)\b|see\s+also\b|related\s*[:|]|recommended\s*:|watch\s*:|listen\s*:"
    r"|click\s+here\b|sign\s+up\b|subscribe\b|follow\s+us\b|download\s+(?:the|our)\s+app|get\s+the\s+latest\b"
    r"|share\s+(?:this|on|via)\b|(?:share|tweet|email|print|copy\s+link|save|whatsapp|facebook|twitter|linkedin)$"
    r"|listen\s+to\s+this\s+article|\d{1,3}\s+min(?:ute)?s?\s+read$|reading\s+time\b"
    r"|we\s+use\s+cookies\b|this\s+(?:site|website)\s+uses\s+cookies\b|(?:please\s+)?enable\s+javascript\b"
    r"|this\s+(?:article|story)\s+(?:was|is|first|originally)\b.{0,40}\b(?:published|appeared)\b"
    r"|the\s+views\s+expressed\b|(?:published|posted|filed)\s+(?:in|under)\b"
    r"|source\s*:\s*\S.{0,60}$|https?://\S{1,2000}$|(?:image|photo|picture)\s+(?:source|caption)\b",
    _I,
)
_STAFF_NOTE = re.compile(
    r"[(\[–—-]*\s*(?:(?:additional\s+)?reporting|writing|editing|edited|compiled|reported|produced|graphics)\s+by\b"
    r"|[(\[–—-]*\s*with\s+assistance\s+from\b",
    _I,
)
_STAFF_WORDS = re.compile(
    r"\b(?:additional|reporting|writing|editing|edited|compiled|reported|produced|graphics|by|with|assistance"
    r"|from|and|in|at)\b|[()\[\];:,.–—-]",
    _I,
)
_CONTRIBUTED = re.compile(r"\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|reporting|story|article)\b", _I)
_CAPTION_START = re.compile(
    r"(?:FILE(?:\s+PHOTO)?\s*[-–—:|]|(?:photo|image|picture|pictured|caption|photograph|illustration)\s*:"
    r"|\((?:photo|image)\s+(?:by|credit)\b)",
    _I,
)
_PHOTO_AGENCY = (
    r"(?:Reuters|AP|AFP|EPA|Getty\s+Images|Xinhua|Anadolu|Bloomberg|Yonhap|Kyodo|TASS|Sputnik|ANI|PTI|UPI"
    r"|Shutterstock)"
)
_CREDIT_END = re.compile(
    rf"(?:\((?:[\w .,'’&-]{{0,60}}/)?{_PHOTO_AGENCY}(?:\s+Photo)?[\w .,'’/-]{{0,60}}\)"
    rf"|/\s*{_PHOTO_AGENCY}(?:\s+via\s+[\w ]{{1,30}})?"
    # "REUTERS/Jane Doe", "AP Photo/John Roe": case-sensitive, so "a Reuters/Ipsos poll." stays prose
    r"|(?-i:\b(?:REUTERS|AFP|EPA(?:-EFE)?|AP\s+Photo|XINHUA|ANADOLU)\s?/\s?[A-Z][\w.'’-]{0,30}"
    r"(?:\s[A-Z][\w.'’-]{0,30}){0,3})"
    r"|(?:photo(?:graph)?|image|picture)\s*(?:credit)?\s*:\s*[^.]{1,80}|©\s*[\w .,'’&/-]{1,60})\.?\s*$",
    _I,
)
_BYLINE_BY = re.compile(r"(?:by|written\s+by|posted\s+by|author\s*:)\s+(?P<name>[A-Z].{1,150})$", _I)
_BYLINE_OUTLET_ON = re.compile(r"(?P<name>[A-Z][^,]{1,60},\s+[A-Z].{1,60}?)\s+on$")
_WIRE = (
    r"(?:Reuters|AP|AFP|Associated\s+Press|Agence\s+France-Presse|Bloomberg(?:\s+News)?|Xinhua|TASS|Sputnik"
    r"|UPI)"
)
_BYLINE_WIRE = re.compile(rf"(?P<name>[A-Z][\w .'’-]{{1,60}}?)\s*[|,/]\s*{_WIRE}$")

_STAMP_SPLIT = re.compile(r"[\s,|:/()–—-]+")
_STAMP_WORD = re.compile(
    r"(?:\d{1,4}(?:st|nd|rd|th)?|\d{1,4}[tz]\d{0,2}|\d{1,2}(?:am|pm|h)|[ap]\.?m?\.?|m\.?|am|pm|hrs?|hours?|mins?|minutes?"
    r"|secs?|ago|read|updated?|published|posted|modified|last|first|date|time|issued|created|edited|on|at|z"
    r"|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?|[.+]\d{1,4}|\.)\.?",
    _I,
)
_TIMEZONE = re.compile(r"[A-Z]{2,5}")
_UPDATE_STAMP = re.compile(r"(?:last\s+)?(?:updated?|modified|edited)\b", _I)

# Dateline prefixes of the first paragraph.  City in capitals, or title case when a date or an
# agency follows; an agency in parentheses; a dash or colon before the story.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DL_CITY_CAPS = r"[A-Z][A-Z.'’-]{1,25}(?:[ /][A-Z][A-Z.'’-]{1,25}){0,3}"
_DL_CITY_TITLE = r"[A-Z][a-z]{2,25}(?:[ -][A-Z][a-z]{2,25}){0,2}"
_DL_REGION = r"(?:,\s?[A-Z][A-Za-z.]{1,25}(?:\s[A-Z][A-Za-z.]{1,25}){0,2})"
_DL_DATE = rf"(?:,\s?(?:{_MONTH}\s\d{{1,2}}(?:,\s?\d{{4}})?|\d{{1,2}}\s{_MONTH}(?:,?\s\d{{4}})?))"
_DL_AGENCY = r"\([^()\n]{1,80}\)"
_DL_SEP = r"\s?(?:--|[-—–:])\s"
_DATELINE = re.compile(
    rf"(?P<caps>{_DL_CITY_CAPS}){_DL_REGION}?{_DL_DATE}?(?:\s?{_DL_AGENCY}(?:{_DL_SEP}|\s)|{_DL_SEP})"
    rf"|(?P<title>{_DL_CITY_TITLE}){_DL_REGION}?"
    # "Dakar, Mar 3 (APS) The ...": a date and an agency together need no dash
    rf"(?:{_DL_DATE}?\s?{_DL_AGENCY}{_DL_SEP}|{_DL_DATE}{_DL_SEP}|{_DL_DATE}\s?{_DL_AGENCY}\s)"
)
_DL_REGION_RE = re.compile(_DL_REGION)
_DL_LEADING_DATE = re.compile(rf",\s?{_MONTH}\s\d")
_DATE_PREFIX = re.compile(
    rf"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s)?"
    rf"(?:{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH},?\s\d{{4}}){_DL_SEP}"
)
# A title-case city and a long dash, with nothing else: a dateline only when the city is a known capital or place.
_BARE_DATELINE = re.compile(rf"(?P<city>{_DL_CITY_TITLE})\s?(?:--|[—–])\s")
# Words in capitals that open a paragraph like a dateline but are labels, not places.
_NOT_PLACES = frozenset(
    {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "ANALYSIS", "OPINION", "EDITORIAL",
     "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "FILE", "PHOTO", "VIDEO", "FACT CHECK",
     "COMMENT"}
)  # fmt: skip


# --------------------------------------------------------------------------- line classification

_Kind = Literal["hard_cut", "section", "drop", "caption", "byline", "stamp", "text"]


@dataclass(frozen=True)
class _Line:
    text: str
    shape: _Shape
    kind: _Kind
    byline: str | None = None
    stamp_date: date | None = None
    stamp_is_update: bool = False


def _classify(text: str) -> _Line:
    shape = _shape(text)
    if len(text) > _SHORT_LINE:
        return _Line(text, shape, "text")  # only prose is that long; skip the shape regexes
    if _HARD_CUT.match(text):
        return _Line(text, shape, "hard_cut")
    if shape.words <= 40 and (_COPYRIGHT.match(text) or "all rights reserved" in text.lower()):
        return _Line(text, shape, "section")
    if _SECTION_MARKER.match(text):
        return _Line(text, shape, "section")
    byline = _byline(text, shape)
    if byline:
        return _Line(text, shape, "byline", byline=byline)
    if _is_date_stamp(text):
        return _Line(text, shape, "stamp", stamp_date=_stamp_date(text), stamp_is_update=_is_update(text))
    if _DROP_LINE.match(text) or _is_staff_note(text) or (_CONTRIBUTED.search(text) and shape.words <= 40):
        return _Line(text, shape, "drop")
    if _is_caption(text, shape):
        return _Line(text, shape, "caption")
    return _Line(text, shape, "text")


def _is_staff_note(text: str) -> bool:
    """ "Reporting by A in Kyiv; Editing by B": the role words plus names only."""
    return bool(_STAFF_NOTE.match(text)) and _is_name_like(_STAFF_WORDS.sub(" ", text))


def _byline(text: str, shape: _Shape) -> str | None:
    if shape.words > 14:
        return None
    for pattern in (_BYLINE_BY, _BYLINE_OUTLET_ON, _BYLINE_WIRE):
        match = pattern.match(text)
        if match and _is_name_like(re.sub(r"[|/]", " ", match["name"]).rstrip(".")):
            return match["name"].strip(" .")
    return None


def _is_date_stamp(text: str) -> bool:
    """A line of date/time words only ("Updated Nov. 16, 2023, 4:15 a.m. ET", "Friday, June 27, 2025")."""
    if len(text) > 80 or not any(c.isdigit() for c in text):
        return False
    tokens = [t for t in _STAMP_SPLIT.split(text) if t]
    return bool(tokens) and all(_STAMP_WORD.fullmatch(t) or _TIMEZONE.fullmatch(t) for t in tokens)


def _is_update(text: str) -> bool:
    return bool(_UPDATE_STAMP.match(text))


def _stamp_date(text: str) -> date | None:
    for found in find_dates(text, None):
        if found.precision == "day":
            return date.fromisoformat(found.value)
    return parse_date_string(_UPDATE_STAMP.sub("", text))


def _is_caption(text: str, shape: _Shape) -> bool:
    if shape.words > 40:
        return False
    if _CAPTION_START.match(text) or _CREDIT_END.search(text):
        return True
    # "Canada's Prime Minister Justin Trudeau." - a short line of names only is a caption or a label.
    return shape.words <= 12 and shape.ends_sentence and _is_name_like(text.rstrip(_CLOSERS + " .!?"))


def parse_date_string(text: str) -> date | None:
    """The date of a free-form stamp ("2024-11-15T10:00:00Z", "Fri, 15 Nov 2024 10:00 GMT"), else None."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if not re.search(r"\d{4}", text):
        return None  # without a year there is no full date to read
    import dateparser  # slow to import (~1-2 s); only needed for unusual stamps

    parsed = dateparser.parse(
        text[:100],
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True},
    )
    return parsed.date() if parsed else None


# --------------------------------------------------------------------------- line splitting


def _split_lines(text: str) -> list[str]:
    """Non-empty lines; hard-wrapped paragraphs (lines broken mid-sentence) are joined back."""
    lines: list[str] = []
    for block in re.split(r"\n{2,}", text):
        block_lines = [line for line in block.split("\n") if line]
        if _looks_wrapped(block_lines):
            lines.append(" ".join(block_lines))
            continue
        for index, line in enumerate(block_lines):
            if index > 0 and _continues(lines[-1], line):
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
    return lines


def _looks_wrapped(lines: list[str]) -> bool:
    """Several long lines, most not ending a sentence: a paragraph wrapped at a fixed width."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    open_ended = sum(1 for line in body if line.rstrip(_CLOSERS)[-1:] not in ".!?:")
    return all(len(line) >= 40 for line in body) and open_ended * 2 > len(body)


def _continues(previous: str, line: str) -> bool:
    """`line` continues `previous` mid-sentence (it starts in lower case after an open end)."""
    return line[:1].islower() and previous.rstrip(_CLOSERS)[-1:] not in ".!?:"


# --------------------------------------------------------------------------- story selection


@dataclass
class _Story:
    paragraphs: list[str]
    title: str | None
    byline: str | None
    dateline: str | None
    published: date | None


def _select_story(lines: list[_Line]) -> _Story:
    start = _story_start(lines)
    if start is None:  # no prose at all: keep whatever is not furniture
        kept = [line.text for line in lines if line.kind == "text"]
        return _Story(kept, None, _first_byline(lines), None, _stamp_published(lines))
    end = _story_end(lines, start)
    leading = lines[:start]
    paragraphs = [
        line.text
        for line in lines[start:end]
        if line.kind == "text" and (line.shape.is_prose or line.shape.is_sentence_like)
    ]
    title = next((line.text for line in leading if line.kind == "text" and _is_headline(line.text, line.shape)), None)
    dateline = next((p for p in (_dateline_only(line.text) for line in leading if line.kind == "text") if p), None)
    published_in_dateline = None
    if paragraphs:
        place, rest, published_in_dateline = _strip_dateline(paragraphs[0])
        paragraphs[0] = rest
        dateline = place or dateline
    published = _stamp_published(lines[:end]) or published_in_dateline
    return _Story(paragraphs, title, _first_byline(leading), dateline, published)


def _story_start(lines: list[_Line]) -> int | None:
    first_prose = next((i for i, line in enumerate(lines) if line.kind == "text" and line.shape.is_prose), None)
    if first_prose is None:
        return None
    # A short opening sentence right above the first long one belongs to the story.
    while first_prose > 0:
        above = lines[first_prose - 1]
        if not (above.kind == "text" and above.shape.is_sentence_like):
            break
        first_prose -= 1
    return first_prose


def _story_end(lines: list[_Line], start: int) -> int:
    """Index of the first line after the story: a hard cut, or a section marker / list of names
    followed by little prose (under a third of the prose above it, or a single paragraph)."""
    prose_chars = [len(line.text) if line.kind == "text" and line.shape.is_prose else 0 for line in lines]
    after = [0] * (len(lines) + 1)
    count_after = [0] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        after[i] = after[i + 1] + prose_chars[i]
        count_after[i] = count_after[i + 1] + (1 if prose_chars[i] else 0)
    before = 0
    for i in range(start, len(lines)):
        line = lines[i]
        if before and line.kind == "hard_cut":
            return i
        little_prose_follows = count_after[i + 1] < 2 or after[i + 1] * 3 < before
        if before and little_prose_follows and (line.kind == "section" or _starts_name_list(lines, i)):
            return i
        before += prose_chars[i]
    return len(lines)


def _starts_name_list(lines: list[_Line], i: int) -> bool:
    """A run of >= 4 short non-sentence lines with repeats or "By X" lines: a list of columnists."""
    run = []
    for line in lines[i : i + 12]:
        if line.kind not in {"text", "byline"} or line.shape.is_sentence_like or line.shape.words > 8:
            break
        run.append(line)
    if len(run) < 4:
        return False
    texts = [line.text.removeprefix("By ").strip() for line in run]
    repeats = len(texts) - len(set(texts))
    bylines = sum(1 for line in run if line.kind == "byline")
    return repeats >= 2 or bylines >= 2


def _first_byline(lines: Iterable[_Line]) -> str | None:
    return next((line.byline for line in lines if line.byline), None)


def _stamp_published(lines: Iterable[_Line]) -> date | None:
    """The first publication stamp; an "Updated ..." stamp only when there is no other."""
    stamps = [line for line in lines if line.kind == "stamp" and line.stamp_date]
    original = [line.stamp_date for line in stamps if not line.stamp_is_update]
    updated = [line.stamp_date for line in stamps if line.stamp_is_update]
    return (original or updated or [None])[0]


def _strip_dateline(paragraph: str) -> tuple[str | None, str, date | None]:
    """(place, paragraph without its dateline prefix, a full date found in the prefix)."""
    date_prefix = _DATE_PREFIX.match(paragraph)
    if date_prefix and len(paragraph) - date_prefix.end() >= 20:
        return None, paragraph[date_prefix.end() :], _stamp_date(date_prefix.group())
    match = _DATELINE.match(paragraph)
    if match is None:
        # "Harare — Kenya's president ...": a known city and a dash alone make a dateline
        bare = _BARE_DATELINE.match(paragraph)
        if bare and len(paragraph) - bare.end() >= 20 and _is_city(bare["city"]):
            return bare["city"], paragraph[bare.end() :], None
        return None, paragraph, None
    rest = paragraph[match.end() :]
    if len(rest) < 20 or not (rest[:1].isalnum() or rest[:1] in _OPENERS):
        return None, paragraph, None
    found = [d for d in find_dates(match.group(), None) if d.precision == "day"]
    published = date.fromisoformat(found[0].value) if found else None
    return _dateline_place(match), rest, published


def _is_city(text: str) -> bool:
    return any(f.form in ("capital", "place") for f in gazetteer.candidates(text))


def _dateline_place(match: re.Match[str]) -> str | None:
    """ "CITY" or "CITY, Region" of a dateline match (not its date or agency); None for labels."""
    city_end = match.end("caps") if match["caps"] else match.end("title")
    after_city = match.string[city_end : match.end()]
    region = None if _DL_LEADING_DATE.match(after_city) else _DL_REGION_RE.match(after_city)
    place = match.string[match.start() : city_end + (region.end() if region else 0)].strip(" ,")
    return None if place.upper() in _NOT_PLACES else place


def _dateline_only(text: str) -> str | None:
    """The place of a line that is only a dateline ("WASHINGTON —", "LIMA, Peru (AP)")."""
    if len(text) > 120:
        return None
    match = _DATELINE.match(text + " ")
    return _dateline_place(match) if match and match.end() >= len(text) else None


def _finish(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop repeats (and the title repeated in the body); trim a final sentence cut off mid-way."""
    seen = {" ".join(title.split()).lower()} if title else set()
    unique = []
    for paragraph in paragraphs:
        key = " ".join(paragraph.split()).lower()
        if key and key not in seen:
            seen.add(key)
            unique.append(paragraph)
    if len(unique) >= 2:
        last = _trim_truncated(unique[-1])
        unique = unique[:-1] + ([last] if last else [])
    return unique


_SENTENCE_END = re.compile(r"[.!?][”\"’')\]]*\s")


def _trim_truncated(paragraph: str) -> str:
    """A last paragraph ending in "..." or mid-word was cut by the scraper: keep its whole sentences."""
    tail = paragraph.rstrip()
    if not (tail.endswith(("...", "…")) or tail[-1:].isalnum() or tail.endswith(",")):
        return paragraph
    ends = [m.end() for m in _SENTENCE_END.finditer(tail)]
    return tail[: ends[-1]].rstrip() if ends else ""


# --------------------------------------------------------------------------- public entry points


def clean_text(
    raw: str,
    *,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> CleanArticle:
    """The story of a plain-text article or scraped page (see the module doc for the heuristics).

    Explicit `title` / `published` / `url` win over what the text says."""
    text = checked_text(raw, max_chars)
    lines = [_classify(line) for line in _split_lines(text)]
    if title:
        lines = [line for line in lines if " ".join(line.text.split()).lower() != " ".join(title.split()).lower()]
    story = _select_story(lines)
    paragraphs = _finish(story.paragraphs, title or story.title)
    if not paragraphs:
        raise ArticleError("no story text left after removing page furniture")
    return CleanArticle(
        text="\n\n".join(paragraphs),
        title=" ".join(title.split()) if title else story.title,
        byline=story.byline,
        dateline=story.dateline,
        published=published or story.published,
        url=url,
    )


def clean_html(
    html: str,
    url: str | None = None,
    *,
    title: str | None = None,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    metadata: bool = True,
) -> CleanArticle:
    """The story of an HTML page: trafilatura finds the main text and metadata (title, author,
    date), then the plain-text heuristics remove what it left of the page furniture.

    `metadata=False` skips the metadata (no title, author or date): the same text at about half the cost, for a
    caller that reads a page only to tell one story from another (the watcher; the worker reads it in full)."""
    import trafilatura  # heavy import, only needed for HTML

    html = checked_text(html, max_chars)
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=metadata,
        include_comments=False,
        include_tables=False,
        include_images=False,
    )
    meta: dict[str, Any] = document.as_dict() if document is not None and hasattr(document, "as_dict") else {}
    extracted = str(meta.get("text") or "").strip()
    if not extracted:
        extracted = trafilatura.html2txt(html) or ""
    if not extracted.strip():
        raise ArticleError("no text found in the HTML")
    page_title = title or _clean_title(str(meta.get("title") or "")) or None
    article = clean_text(extracted, url=url, title=page_title, max_chars=max_chars)
    meta_date = parse_date_string(str(meta["date"])) if meta.get("date") else None
    author = str(meta.get("author") or "").strip() or None
    return replace(
        article,
        byline=author or article.byline,
        published=published or meta_date or article.published,
        url=url or (str(meta["url"]) if meta.get("url") else None),
    )


def parse_article(
    payload: str | bytes,
    *,
    kind: PayloadKind = "auto",
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    charset: str | None = None,
    metadata: bool = True,
) -> CleanArticle:
    """Read an article given as plain text, HTML, or a JSON object with "text" or "html" (and
    optional "url"/"source_url", "title", "published"/"date").  `kind="auto"` detects which.
    Explicit arguments win over what the payload says.  Raises ArticleError for bad input.

    Text and JSON bytes must be UTF-8 (or UTF-16 with a byte-order mark); the bytes of an HTML page are decoded
    as a browser would (`ingest.charset`), by `charset` (the HTTP header's, when the caller has one), else the
    page's own declaration, else UTF-8 or the detected charset. `metadata`: see `clean_html`."""
    text = checked_text(_decode(payload, kind, charset, max_chars), max_chars)
    if kind == "auto":
        kind = "json" if text.lstrip().startswith("{") else "html" if looks_like_html(text) else "text"
    if kind == "json":
        return _parse_json(text, url=url, title=title, published=published, max_chars=max_chars)
    if kind == "html":
        return clean_html(text, url, title=title, published=published, max_chars=max_chars, metadata=metadata)
    return clean_text(text, url=url, title=title, published=published, max_chars=max_chars)


def _decode(payload: str | bytes, kind: PayloadKind, charset: str | None, max_chars: int) -> str:
    if isinstance(payload, str):
        return payload
    if kind == "html" or (kind == "auto" and _html_bytes(payload)):
        if len(payload) > 4 * max_chars:  # as decode_payload: even 4-byte characters would exceed the limit
            raise ArticleError(f"article too large: {len(payload)} bytes (limit {max_chars} characters)")
        bom = payload.startswith((b"\xff\xfe", b"\xfe\xff"))
        if b"\x00" in payload and not bom and charset is None:
            raise ArticleError("binary content, not text (NUL bytes)")
        return decode_html(payload, transport_charset=charset)
    return decode_payload(payload, max_chars)


def _html_bytes(payload: bytes) -> bool:
    """Bytes that read as an HTML page (checked on their ASCII-compatible start; a JSON object is not a page)."""
    start = payload[:4096].decode("latin-1").lstrip("\ufeff\xef\xbb\xbf \t\r\n")
    return not start.startswith("{") and looks_like_html(start)


_HTML_TAG = re.compile(r"</?(?:html|head|body|div|p|article|section|main|span|a|br|h[1-6]|ul|li|table|script)\b", _I)


def looks_like_html(text: str) -> bool:
    """Markup rather than prose: a doctype/<html> start, or several common tags near the top."""
    head = text.lstrip()[:4096]
    if head[:15].lower().startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(_HTML_TAG.findall(head)) >= (1 if head.startswith("<") else 3)


# --------------------------------------------------------------------------- input checks


def _parse_json(
    text: str, *, url: str | None, title: str | None, published: date | None, max_chars: int
) -> CleanArticle:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleError(
            f"malformed JSON: {error.msg} at line {error.lineno} column {error.colno} (char {error.pos})"
        ) from error
    except RecursionError:  # the decoder recurses once per level of [ or {
        raise ArticleError("malformed JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise ArticleError(f"JSON article must be an object, not {type(data).__name__}")
    body = {key: _json_string(data, key) for key in ("text", "html")}
    url = url or _json_string(data, "url") or _json_string(data, "source_url")
    title = title or _json_string(data, "title")
    stamp = _json_string(data, "published") or _json_string(data, "date")
    if published is None and stamp:
        published = parse_date_string(stamp)
        if published is None:
            raise ArticleError(f"JSON 'published' is not a date: {stamp[:40]!r}")
    if body["text"] and body["text"].strip():
        return clean_text(body["text"], url=url, title=title, published=published, max_chars=max_chars)
    if body["html"] and body["html"].strip():
        return clean_html(body["html"], url, title=title, published=published, max_chars=max_chars)
    raise ArticleError("JSON article has no non-empty 'text' or 'html' field")


def _json_string(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArticleError(f"JSON field {key!r} must be a string, not {type(value).__name__}")
    return value


def _clean_title(title: str) -> str:
    """A page title without a trailing " | Site name"."""
    title = " ".join(normalise_text(title).split())
    parts = title.split(" | ")
    return parts[0] if len(parts) > 1 and len(parts[0].split()) >= 3 else title
