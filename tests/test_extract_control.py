"""Who does an act the clause does not name a subject for: subjects the parser hangs elsewhere, -ing clauses after
"after"/"before", objects that control an infinitive, relative pronouns, and subjects that undergo an act. Through
the real pipeline; the passages are written for these tests (real states, invented events)."""

from __future__ import annotations

from datetime import date

import pytest

from extraction import dyads, extract_text

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 6, 14)  # a Friday

CASES = [
    (
        "a subject the parser hangs on the auxiliary",
        "Uzbekistan had earlier on Tuesday accused neighbour Turkmenistan of diverting the river.",
        ("ACCUSE", "UZB", "TKM"),
    ),
    (
        "an -ing clause after 'after' has the subject of its verb",
        "Chilean President Gabriel Boric spoke to reporters after meeting Argentine President Javier Milei.",
        ("CONSULT", "ARG", "CHL"),
    ),
    (
        "the same, fronted",
        "Before meeting Japanese Prime Minister Fumio Kishida, Indonesian President Joko Widodo toured the port.",
        ("CONSULT", "IDN", "JPN"),
    ),
    (
        "an object controls the infinitive: the object does it",
        "The raid on the consulate prompted Argentina to sever diplomatic relations with Venezuela.",
        ("SANCTION", "ARG", "VEN"),
    ),
    (
        "a relative pronoun is the noun its clause describes, and 'he' inside it is someone else",
        "French President Emmanuel Macron thanked Kenyan President William Ruto, with whom he met on Monday.",
        ("CONSULT", "FRA", "KEN"),
    ),
    (
        "'as X launched ...' read by the small model as a phrase: X still launches",
        "Sirens sounded across Ukraine as Russia on Sunday night launched dozens of drones at Ukraine.",
        ("ASSAULT", "RUS", "UKR"),
    ),
    (
        "a clash that 'erupted between' two sides",
        "A brief clash erupted between Thai and Cambodian soldiers near the temple.",
        ("ASSAULT", "THA", "KHM"),
    ),
    (
        "talks that 'took place between' two sides",
        "Talks took place between Egypt and Ethiopia in Cairo on Monday.",
        ("CONSULT", "EGY", "ETH"),
    ),
    (
        "a warning of what the speaker will strike",
        "The Houthis warned that they would attack American warships in the Gulf of Aden.",
        ("THREATEN", "YEM_REB", "USA"),
    ),
    (
        "the subject of 'faced' undergoes the act its object names",
        "Guinea has faced sanctions from ECOWAS since the coup.",
        ("SANCTION", "ECOWAS", "GIN"),
    ),
    (
        "a place that was struck, as a passive subject, names the state struck",
        "Several towns in northern Israel were shelled by Hezbollah on Sunday.",
        ("ASSAULT", "LBN_REB", "ISR"),
    ),
]


@pytest.mark.parametrize(("why", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_clause_gives_the_actor(nlp, why: str, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED)), why


def test_the_act_that_hits_is_the_noun_not_an_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "Brazil and Chile are being hit by American tariffs.", PUBLISHED))
    assert ("SANCTION", "USA", "BRA") in found and ("SANCTION", "USA", "CHL") in found
    assert not any(d[0] == "ASSAULT" for d in found)


def test_the_start_of_a_state_of_affairs_dates_nothing_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ethiopia and Eritrea have quarrelled since March. "
        "Kenya and Uganda urged both countries to return to the talks."
    )
    requests = [e for e in extract_text(nlp, text, PUBLISHED).events if e.type == "REQUEST"]
    assert requests, "the appeal is found"
    assert all(e.date == "2024-06-14" for e in requests)  # the day of the news, not "since March"


def test_talks_that_name_no_one_continue_the_talks_reported_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada and India held talks in Ottawa on May 3. Intensive negotiations in early June brought nothing."
    talks = [e for e in extract_text(nlp, text, PUBLISHED).events if e.type == "CONSULT"]
    assert {e.date for e in talks} == {"2024-05-03", "2024-06"}
    assert all(sorted(e.source) == ["CAN", "IND"] for e in talks)


def test_talks_that_name_no_one_with_none_reported_before_are_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada imposed tariffs on steel on May 3. Intensive negotiations in early June also brought no result."
    assert not [e for e in extract_text(nlp, text, PUBLISHED).events if e.type == "CONSULT"]


def test_the_two_sides_may_be_a_state_and_a_bloc_and_since_dates_no_summit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Switzerland and the European Union will sign a new treaty this week. "
        "Negotiators met in Bern on Monday for the first summit between the two sides since 2019."
    )
    summits = [e for e in extract_text(nlp, text, PUBLISHED).events if e.type == "CONSULT"]
    assert [sorted(e.source) for e in summits] == [["CHE", "EU"]]
    assert summits[0].date == "2024-06-10"  # the Monday before publication, not "since 2019"


def test_a_target_the_parser_hangs_on_the_last_agent_is_struck_not_judged(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Arab League condemned the strikes by Israel and the United States on Iran."
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert {("ASSAULT", "ISR", "IRN"), ("ASSAULT", "USA", "IRN"), ("ACCUSE", "ARAB_LEAGUE", "ISR")} <= found
    assert ("ACCUSE", "ARAB_LEAGUE", "IRN") not in found


def test_a_date_inside_the_act_judged_dates_that_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday Egypt condemned the May 28 raid by Israel on Lebanon."
    events = {e.type: e.date for e in extract_text(nlp, text, PUBLISHED).events}
    assert events == {"ACCUSE": "2024-06-10", "ASSAULT": "2024-05-28"}


def test_slapping_tariffs_is_a_sanction_not_an_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "Canada slapped tariffs on Chinese steel.", PUBLISHED))
    assert ("SANCTION", "CAN", "CHN") in found
    assert not any(d[0] == "ASSAULT" for d in found)


@pytest.mark.parametrize(
    ("last_paragraph", "expected", "source"),
    [
        # a later paragraph gives the day of the week before publication (a Friday): the signing's day
        ("The ministers met in Lima on Tuesday, where the signing took place.", "2024-06-11", "context"),
        # a day long before the news dates nothing of the lead: the publication day
        ("Talks began in Lima on March 3, 2023.", "2024-06-14", "publication"),
    ],
)
def test_an_undated_act_of_the_lead_takes_the_news_day_the_story_gives_later(
    nlp, last_paragraph: str, expected: str, source: str
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chile and Peru signed a deal on lithium exports.\n\n"
        "Officials in both capitals praised the text.\n\n"
        "Trade between the two neighbours has grown for a decade.\n\n" + last_paragraph
    )
    deals = [e for e in extract_text(nlp, text, PUBLISHED).events if e.type == "AGREE"]
    assert deals and all(e.date == expected and e.date_source == source for e in deals)


def test_a_deadline_in_the_lead_is_not_the_day_of_the_story(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Niger asked France to withdraw its troops by May 30, 2024.\n\n"
        "Officials say about a thousand French soldiers remain.\n\n"
        "Niger and France have set up a commission to negotiate the withdrawal."
    )
    events = extract_text(nlp, text, PUBLISHED).events
    assert {e.type for e in events} >= {"REQUEST", "CONSULT"}
    assert all(e.date != "2024-05-30" for e in events)
