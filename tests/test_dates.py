"""ingest.dates: date expressions found in a sentence and resolved against the publication date."""

from __future__ import annotations

import time
from datetime import date

import pytest

from ingest.dates import (
    ResolvedDate,
    add_months,
    find_dates,
    month_number,
    parse_count,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    shift_month,
)

FRIDAY = date(2024, 11, 15)  # a Friday
TUESDAY = date(2023, 7, 11)


def values(sentence: str, published: date | None = FRIDAY, **kwargs: object) -> list[str]:
    return [found.value for found in find_dates(sentence, published, **kwargs)]  # type: ignore[arg-type]


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("name", "direction", "inclusive", "expected"),
    [
        ("Friday", "past", True, date(2024, 11, 15)),  # the publication weekday is the publication day
        ("friday", "past", False, date(2024, 11, 8)),
        ("Thursday", "past", True, date(2024, 11, 14)),
        ("Saturday", "past", True, date(2024, 11, 9)),
        ("Monday", "future", True, date(2024, 11, 18)),
        ("Friday", "future", True, date(2024, 11, 15)),
        ("Friday", "future", False, date(2024, 11, 22)),
        ("Friday’s", "past", True, date(2024, 11, 15)),
    ],
)
def test_resolve_weekday(name: str, direction: str, inclusive: bool, expected: date) -> None:
    assert resolve_weekday(name, FRIDAY, direction, inclusive=inclusive) == expected  # type: ignore[arg-type]


def test_month_helpers() -> None:
    assert month_number("Sept.") == 9 and month_number("nov") == 11 and month_number("May") == 5
    assert shift_month(2024, 1, -1) == (2023, 12) and shift_month(2024, 11, 3) == (2025, 2)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert resolve_month(11, FRIDAY, "past") == (2024, 11)
    assert resolve_month(12, FRIDAY, "past") == (2023, 12)
    assert resolve_month(3, FRIDAY, "future") == (2025, 3)
    assert resolve_month(11, FRIDAY, "past", inclusive=False) == (2023, 11)
    assert resolve_month_day(4, 25, date(2025, 6, 27), "past") == date(2025, 4, 25)
    assert resolve_month_day(12, 20, date(2025, 1, 5), "past") == date(2024, 12, 20)
    assert resolve_month_day(12, 20, date(2024, 11, 5), "past") == date(2024, 12, 20)  # within NEAR_DAYS
    assert resolve_month_day(1, 3, date(2024, 12, 20), "future") == date(2025, 1, 3)
    assert resolve_month_day(2, 29, date(2025, 3, 1), "past") == date(2024, 2, 29)
    assert resolve_month_day(2, 30, FRIDAY, "past") is None
    assert parse_count("three") == 3 and parse_count("12") == 12 and parse_count("several") is None


# --------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two leaders met Friday on the sidelines of the forum.", "2024-11-15"),
        ("The envoys spoke by phone on Wednesday.", "2024-11-13"),
        ("Saturday’s parade was cancelled because of rain.", "2024-11-09"),
        ("The minister left late Thursday night for the capital.", "2024-11-14"),
        ("Talks resumed last Friday after a pause.", "2024-11-08"),
        ("The vote was held this Monday.", "2024-11-11"),
    ],
)
def test_weekdays_in_the_past(sentence: str, expected: str) -> None:
    assert values(sentence) == [expected]


def test_weekday_against_a_tuesday_publication() -> None:
    sentence = "The alliance took a step forward Monday after a late-night deal."
    assert values(sentence, TUESDAY) == ["2023-07-10"]


def test_weekdays_in_the_future() -> None:
    assert values("The ministers will meet again on Monday.", tense="future") == ["2024-11-18"]
    assert values("They plan to sign the accord next Tuesday.") == ["2024-11-19"]
    assert values("A follow-up session is set for this coming Friday.") == ["2024-11-22"]


def test_weekday_names_that_are_not_dates() -> None:
    assert values("The Good Friday Agreement ended decades of conflict.") == []
    assert values("The Sunday Times reported the story first.") == []


# --------------------------------------------------------------------------- relative expressions


@pytest.mark.parametrize(
    ("sentence", "value", "precision"),
    [
        ("The talks began today in the capital.", "2024-11-15", "day"),
        ("Protesters gathered tonight outside the embassy.", "2024-11-15", "day"),
        ("The minister said this morning that the border was shut.", "2024-11-15", "day"),
        ("Officials confirmed earlier today that the convoy had crossed.", "2024-11-15", "day"),
        ("The embassy was closed yesterday.", "2024-11-14", "day"),
        ("Rockets were fired last night at the port.", "2024-11-14", "day"),
        ("Inspectors arrive tomorrow.", "2024-11-16", "day"),
        ("The ceasefire collapsed three days ago.", "2024-11-12", "day"),
        ("Clashes broke out days ago along the frontier.", "2024-11", "month"),
        ("Aides said in recent days that a test was possible.", "2024-11", "month"),
        ("The drills were announced last week.", "2024-11", "month"),
        ("Troops massed on the border two weeks ago.", "2024-11", "month"),
        ("The embassy reopened last month.", "2024-10", "month"),
        ("The embassy reopened earlier this month.", "2024-11", "month"),
        ("The agreement expires next month.", "2024-12", "month"),
        ("A similar summit was held last year.", "2023", "year"),
        ("The dispute began a year ago.", "2023", "year"),
        ("Relations improved earlier this year.", "2024", "year"),
        ("This year’s forum was the largest yet.", "2024", "year"),
        ("Elections are due next year.", "2025", "year"),
        ("The base was built two years ago.", "2022", "year"),
    ],
)
def test_relative_expressions(sentence: str, value: str, precision: str) -> None:
    found = find_dates(sentence, FRIDAY)
    assert [(f.value, f.precision) for f in found] == [(value, precision)]


def test_anchor_relative_day_uses_the_date_before_it_in_the_sentence() -> None:
    sentence = "Friday’s meeting took place a day ahead of the planned talks with the visiting president."
    assert values(sentence) == ["2024-11-15", "2024-11-16"]


def test_anchor_relative_days() -> None:
    assert values("The rebels withdrew the next day.") == ["2024-11-16"]
    assert values("Envoys had met the day before.") == ["2024-11-14"]
    assert values("The talks ended a day later.", anchor=date(2024, 3, 1)) == ["2024-03-02"]
    assert values("On June 3, 2024 the talks opened, and two days later they collapsed.") == [
        "2024-06-03",
        "2024-06-05",
    ]


def test_planned_spans() -> None:
    sentence = "The two sides agreed to meet again in three months’ time in the capital."
    found = find_dates(sentence, date(2023, 12, 15))
    assert [(f.value, f.precision, f.text) for f in found] == [("2024-03", "month", "three months’ time")]
    assert values("Inspectors will return in two weeks.", tense="future") == ["2024-11"]
    assert values("Delegates will gather in two weeks.", date(2024, 12, 20), tense="future") == ["2025-01"]


def test_durations_are_not_dates() -> None:
    assert values("The attack was the deadliest in two years.") == []
    assert values("More than two years of fighting have strained the army.") == []
    assert values("A joint commission will be set up within three months.") == []


# --------------------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    ("sentence", "value", "text"),
    [
        ("The accord was signed on November 15, 2024 in Lima.", "2024-11-15", "November 15, 2024"),
        ("The accord was signed on 15 Nov 2024 in Lima.", "2024-11-15", "15 Nov 2024"),
        ("The accord was signed on 2024-11-15 in Lima.", "2024-11-15", "2024-11-15"),
        ("The accord was signed on 11/15/2024 in Lima.", "2024-11-15", "11/15/2024"),
        ("The accord was signed on 15.11.2024 in Lima.", "2024-11-15", "15.11.2024"),
        ("The accord was signed on the 22nd of March, 2023.", "2023-03-22", "the 22nd of March, 2023"),
        ("The deadline is Saturday, October 19, 2024.", "2024-10-19", "Saturday, October 19, 2024"),
        ("The panel first met on Nov. 12 in Lima.", "2024-11-12", "Nov. 12"),
        ("The panel first met on 12 November in Lima.", "2024-11-12", "12 November"),
        ("Observers arrived on April 25.", "2024-04-25", "April 25"),
        ("The summit runs from May 19-21 in the port city.", "2024-05-19", "May 19-21"),
    ],
)
def test_explicit_days(sentence: str, value: str, text: str) -> None:
    found = find_dates(sentence, FRIDAY)
    assert [(f.value, f.precision, f.text) for f in found] == [(value, "day", text)]
    assert sentence[found[0].start : found[0].end] == text


def test_day_without_year_follows_tense() -> None:
    assert values("The delegation arrived on February 2.") == ["2024-02-02"]
    assert values("The delegation will arrive on February 2.", tense="future") == ["2025-02-02"]
    # A few weeks ahead stays in the publication year even in a "past" sentence ...
    assert values("Officials said talks would resume on December 2.") == ["2024-12-02"]
    # ... and a late-December date in an early-January article is the previous year.
    assert values("The border was closed on Dec. 28.", date(2025, 1, 3)) == ["2024-12-28"]
    assert values("The mission starts on Jan. 3.", date(2024, 12, 20), tense="future") == ["2025-01-03"]


def test_weekday_written_with_the_date_picks_the_year() -> None:
    # 22 November fell on a Wednesday in 2023, not in 2024.
    assert values("Qatar on Wednesday, November 22 announced the deal.", date(2024, 1, 10)) == ["2023-11-22"]


def test_ordinal_day_of_the_publication_month() -> None:
    assert values("Talks resumed on the 3rd.") == ["2024-11-03"]
    assert values("Talks resumed on the 28th.") == ["2024-10-28"]


@pytest.mark.parametrize(
    ("sentence", "value", "precision"),
    [
        ("In August, the two armies swapped prisoners.", "2024-08", "month"),
        ("In December, the two armies swapped prisoners.", "2023-12", "month"),
        ("Tensions have risen since May, when a soldier was killed.", "2024-05", "month"),
        ("The offensive began in mid-November.", "2024-11", "month"),
        ("The treaty was ratified in November 2023.", "2023-11", "month"),
        ("A ceasefire was agreed last November.", "2023-11", "month"),
        ("The port was opened in 2016.", "2016", "year"),
        ("Troops have been stationed there since 2016.", "2016", "year"),
        ("Growth slowed sharply in mid-2023.", "2023", "year"),
        ("The plan dates from early 2021.", "2021", "year"),
        ("The country’s economy shrank after 2016’s crisis.", "2016", "year"),
    ],
)
def test_months_and_years(sentence: str, value: str, precision: str) -> None:
    found = find_dates(sentence, FRIDAY)
    assert [(f.value, f.precision) for f in found] == [(value, precision)]


def test_month_in_the_future() -> None:
    assert values("Elections will be held in March.", tense="future") == ["2025-03"]
    assert values("The fleet sails next March.") == ["2025-03"]


def test_span_excludes_the_preposition() -> None:
    (found,) = find_dates("The port was opened in 2016.", FRIDAY)
    assert found == ResolvedDate("2016", "year", 23, 27, "2016")


# --------------------------------------------------------------------------- non-dates


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said 1,994 captives had been freed so far.",
        "Some 2,000 troops and 150 tanks were moved to the border.",
        "Prices rose 5 percent while the budget reached $2016 million.",
        "The 1966 accord still governs the river boundary.",
        "The ministry may announce new measures as Mark March marched on.",
        "Former prime minister Theresa May criticised the decision.",
        "Resolution 2231 was adopted by the council with 15 votes.",
        "The Su-35 jets and F-16 fighters flew over the G7 venue.",
        "Officials said the death toll rose to 2000 overnight.",
    ],
)
def test_numbers_and_words_that_are_not_dates(sentence: str) -> None:
    assert values(sentence) == []


# --------------------------------------------------------------------------- without publication date


def test_without_publication_date_only_full_dates_resolve() -> None:
    sentence = "On Friday, a day after the March 3, 2022 vote, and in 2016, envoys met last week."
    assert values(sentence, None) == ["2022-03-03", "2016"]


# --------------------------------------------------------------------------- speed


def _per_call_ms(sentence: str, repeats: int = 2000) -> float:
    started = time.perf_counter()
    for _ in range(repeats):
        find_dates(sentence, FRIDAY)
    return (time.perf_counter() - started) / repeats * 1000


def test_speed_without_dates() -> None:
    sentence = (
        "The leaders of the three allied countries discussed regional security and agreed to deepen their "
        "cooperation against cyber threats, officials said."
    )
    # Budget 0.2 ms; measured ~0.02 ms. The margin absorbs slow CI machines.
    assert min(_per_call_ms(sentence) for _ in range(3)) < 0.2


def test_long_sentence_is_linear() -> None:
    sentence = "word 12 May, " * 20_000
    started = time.perf_counter()
    find_dates(sentence, FRIDAY)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two leaders met in November last year.", ["2023-11"]),
        ("The pact was signed in early March this year.", ["2024-03"]),
        ("In 2019 and again last year, the envoys met.", ["2019", "2023"]),
    ],
)
def test_a_relative_year_that_says_which_month_is_not_a_second_date(sentence: str, expected: list[str]) -> None:
    assert [d.value for d in find_dates(sentence, date(2024, 6, 14))] == expected


def test_a_day_after_an_undated_act_is_not_the_day_after_publication() -> None:
    assert values("A day after Peru recalled its envoy, Mexico expelled the Peruvian ambassador.") == []
    assert values("A day after the March 3, 2022 vote, envoys met.") == ["2022-03-03"]
