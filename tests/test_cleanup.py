"""ingest.cleanup: story text out of scraped pages, HTML and JSON; clear errors for bad input.

Every page here is invented for the tests (no text is taken from the evaluation articles).
"""

from __future__ import annotations

import contextlib
import json
import time
from datetime import date

import pytest

from ingest.cleanup import (
    ArticleError,
    CleanArticle,
    clean_html,
    clean_text,
    looks_like_html,
    normalise_text,
    parse_article,
)

STORY = [
    "The foreign ministers of Norway and Finland agreed on Monday to share coast guard patrol data, "
    "a week after a fishing trawler was seized near their maritime border.",
    "“We cannot let one incident define our relationship,” the Norwegian minister told reporters after "
    "the talks in the capital.",
    "The two governments said in a joint statement that a hotline between their coast guards would be "
    "running within a month.",
    "Finland had protested the seizure last week and summoned the Norwegian ambassador to explain the move.",
]
COLUMNISTS = ["Lena Fisher", "Tom Hale", "Rita Moss", "Omar Vance"]


def scraped_page() -> str:
    """A page in the shape of a syndication site: crumbs, headline, byline, story, furniture."""
    related = "\n".join(f"{name}\n\n{name}\n\nBy {name}" for name in COLUMNISTS)
    return f"""World

/

NewsHub Daily

Coastal states agree to share patrol data after border incident

Maria Olsen, Harbor Wire on

Published in World News

Updated March 4, 2024, 9:10 a.m. ET

OSLO, March 4 (Harbor Wire) - {STORY[0]}

{STORY[1]}

Advertisement

{STORY[2]}

FILE - A coast guard vessel in the harbour at Tromso, Norway, on Jan. 5, 2024. (Harbor Wire Photo/Jon Berg)

ALSO READ: Fishing quota dispute returns to court

{STORY[3]}

Ministers shake hands in Oslo on Monday. (Reuters)

Read more: https://example.com/world/2024/03/patrols

(Anna Berg and Piet Dam contributed to this report.)

\u00a0

© 2024 Harbor Wire. All rights reserved. Distributed by Example Syndicate, LLC.

Comments

blog comments powered by Disqus

Related Channels

{related}

Comics

Pat Doe Sam Roe Kim Poe Lee Toe
"""


# --------------------------------------------------------------------------- plain-text pages


def test_scraped_page_keeps_the_story_in_order_and_nothing_else() -> None:
    article = clean_text(scraped_page())
    paragraphs = article.text.split("\n\n")
    assert paragraphs == STORY
    furniture = ["NewsHub", "Published in", "Advertisement", "ALSO READ", "FILE", "Read more", "contributed"]
    furniture += ["©", "Comments", "Disqus", "Related", "Comics", "Updated", "Reuters", *COLUMNISTS]
    for piece in furniture:
        assert piece not in article.text


def test_scraped_page_metadata() -> None:
    article = clean_text(scraped_page())
    assert article.title == "Coastal states agree to share patrol data after border incident"
    assert article.byline == "Maria Olsen, Harbor Wire"
    assert article.dateline == "OSLO"
    assert article.published == date(2024, 3, 4)  # from the "Updated ..." stamp, the only one
    assert article.url is None


def test_explicit_arguments_win_over_the_text() -> None:
    article = clean_text(scraped_page(), title="My title", published=date(2024, 3, 5), url="https://x.test/a")
    assert (article.title, article.published, article.url) == (
        "My title",
        date(2024, 3, 5),
        "https://x.test/a",
    )


def test_publication_stamp_beats_update_stamp() -> None:
    page = f"Updated June 3, 2024\n\nPublished June 1, 2024\n\n{STORY[0]}\n\n{STORY[3]}"
    assert clean_text(page).published == date(2024, 6, 1)


def test_date_only_line_is_removed_and_read() -> None:
    page = f"Tuesday, October 8, 2024\n\n{STORY[0]}\n\n13:30 JST, October 8, 2024\n\n{STORY[2]}"
    article = clean_text(page)
    assert article.published == date(2024, 10, 8)
    assert article.text == f"{STORY[0]}\n\n{STORY[2]}"


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("BERLIN, Dec 21 (Reuters) - ", "BERLIN"),
        ("NEW YORK (AP) — ", "NEW YORK"),
        ("KYIV, Ukraine (AP) — ", "KYIV, Ukraine"),
        ("VILNIUS, Lithuania -- ", "VILNIUS, Lithuania"),
        ("ANKARA/ATHENS -- ", "ANKARA/ATHENS"),
        ("NEW DELHI: ", "NEW DELHI"),
        ("Kyiv (Reuters) - ", "Kyiv"),
        ("Tromso, March 4: ", "Tromso"),
        ("LIMA (Example Agency / Wire Service - 4th March, 2024) ", "LIMA"),
        ("Nairobi — ", "Nairobi"),
    ],
)
def test_dateline_prefix_is_cut_and_recorded(opening: str, place: str) -> None:
    article = clean_text(opening + STORY[0] + "\n\n" + STORY[2])
    assert article.dateline == place
    assert article.text.startswith("The foreign ministers of Norway")


def test_dateline_on_its_own_line() -> None:
    article = clean_text(f"Coastal states agree to share patrol data\n\nOSLO —\n\n{STORY[0]}")
    assert (article.dateline, article.text) == ("OSLO", STORY[0])


def test_dateline_year_gives_publication_date() -> None:
    article = clean_text("LIMA (Example Agency / Wire Service - 4th March, 2024) " + STORY[0])
    assert article.published == date(2024, 3, 4)


def test_date_prefix_before_a_dash_is_cut() -> None:
    article = clean_text("Monday, March 4, 2024 – " + STORY[0])
    assert article.text == STORY[0]
    assert article.published == date(2024, 3, 4)


@pytest.mark.parametrize(
    "sentence",
    [
        "U.S. officials said on Monday that the talks with both coast guards would continue next week.",
        "NATO allies said on Monday that the talks with both coast guards would continue next week.",
        "VENEZUELAN officials said on Monday that the talks with both coast guards would continue next week.",
        # a title-case word and a long dash are a dateline only for a known city
        "Norway — the host of the talks — said on Monday that both coast guards would share patrol data.",
        "Kremlin — a word that still frightens — is what the talks with both coast guards were not about.",
    ],
)
def test_capitalised_first_words_are_not_a_dateline(sentence: str) -> None:
    article = clean_text(sentence)
    assert article.dateline is None
    assert article.text == sentence


@pytest.mark.parametrize(
    "byline_line",
    [
        "By Maria Olsen",
        "By Maria Olsen and Piet van Dam",
        "Maria Olsen | Reuters",
        "Maria Olsen, Harbor Wire on",
    ],
)
def test_byline_lines(byline_line: str) -> None:
    article = clean_text(f"Coastal states agree to share patrol data\n\n{byline_line}\n\n{STORY[0]}")
    assert article.byline is not None and article.byline.startswith("Maria Olsen")
    assert "Maria" not in article.text


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    text = "By the end of the week, both navies had pulled their ships back from the disputed strait."
    article = clean_text(text)
    assert article.byline is None
    assert article.text == text


def test_wire_trailers_are_removed() -> None:
    page = "\n\n".join(
        [
            STORY[0],
            STORY[1],
            "Reporting by Ivo Ras in Oslo; Additional reporting by Lea Kim; Editing by Tom Hale",
            "Source: Harbor Wire",
            "Sign up for our morning briefing to get the latest news.",
            "This article was originally published on Example News.",
        ]
    )
    assert clean_text(page).text == f"{STORY[0]}\n\n{STORY[1]}"


def test_sentence_about_reporting_is_kept() -> None:
    text = "Reporting by the state news agency suggested the launch had failed shortly after take-off."
    assert clean_text(f"{STORY[0]}\n\n{text}").text == f"{STORY[0]}\n\n{text}"


def test_captions_and_subheadings_inside_the_story_are_dropped() -> None:
    page = "\n\n".join(
        [
            STORY[0],
            "Photo: Coast guard vessels in the harbour at dawn",
            "Norway's Foreign Minister Ingrid Dahl.",
            "Smoke rises above the port after the fire / AFP",
            "A woman walks past a damaged shop in the old town on Sunday. REUTERS/Jane Roe",
            "What comes next",
            STORY[1],
        ]
    )
    assert clean_text(page).text == f"{STORY[0]}\n\n{STORY[1]}"


def test_sentence_citing_an_agency_poll_is_not_a_caption() -> None:
    text = "Support for the accord rose to 54% in March, according to a Reuters/Ipsos poll."
    assert clean_text(f"{STORY[0]}\n\n{text}").text == f"{STORY[0]}\n\n{text}"


def test_short_story_sentences_are_kept() -> None:
    page = f"{STORY[0]}\n\nThe minister declined to comment.\n\n{STORY[2]}"
    assert clean_text(page).text == page


def test_section_marker_with_a_long_story_after_it_only_drops_the_marker() -> None:
    page = "\n\n".join([STORY[0], "Related", "Fishing quota dispute returns to court", *STORY[1:]])
    assert clean_text(page).text.split("\n\n") == STORY


def test_teasers_after_a_trailing_section_marker_are_cut() -> None:
    page = "\n\n".join(
        [*STORY, "More from World", "A storm closed ferry routes along the northern coast for a second day."]
    )
    assert clean_text(page).text.split("\n\n") == STORY


def test_columnist_list_without_a_heading_is_cut() -> None:
    names = "\n".join(f"{name}\n{name}\nBy {name}" for name in COLUMNISTS)
    page = "\n\n".join([*STORY, names, "A teaser for another column that reads like a sentence of prose."])
    assert clean_text(page).text.split("\n\n") == STORY


def test_repeated_paragraph_and_title_in_body_are_dropped() -> None:
    page = "\n\n".join(["Coastal states agree to share patrol data", STORY[0], STORY[0], STORY[1]])
    article = clean_text(page, title="Coastal states agree to share patrol data")
    assert article.text == f"{STORY[0]}\n\n{STORY[1]}"


def test_truncated_last_sentence_is_trimmed() -> None:
    page = f"{STORY[0]}\n\n{STORY[1]} Officials from both sides are expected to meet ag..."
    assert clean_text(page).text == f"{STORY[0]}\n\n{STORY[1]}"


def test_single_newline_paragraphs() -> None:
    assert clean_text("\n".join(STORY)).text.split("\n\n") == STORY


def test_hard_wrapped_paragraph_is_joined() -> None:
    wrapped = (
        "The foreign ministers of Norway and Finland agreed on\n"
        "Monday to share coast guard patrol data, a week after a\n"
        "fishing trawler was seized near their maritime border."
    )
    assert clean_text(wrapped).text == STORY[0]


def test_text_without_prose_is_kept_whole() -> None:
    headline_only = "Norway and Finland to share patrol data"
    assert clean_text(headline_only).text == headline_only


def test_page_of_furniture_only_is_an_error() -> None:
    with pytest.raises(ArticleError, match="no story text"):
        clean_text("Advertisement\n\nComments\n\nShare")


# --------------------------------------------------------------------------- normalisation


def test_normalise_text() -> None:
    raw = "A\u00a0b\r\nc\u200b d\x07e\u00ad  f\t g\rh “quoted” ‘x’"
    assert normalise_text(raw) == "A b\nc de f g\nh “quoted” ‘x’"


# --------------------------------------------------------------------------- HTML

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Coastal states agree to share patrol data | NewsHub Daily</title>
  <meta name="author" content="Maria Olsen">
  <meta property="article:published_time" content="2024-03-04T09:10:00Z">
  <script>window.dataLayer = [{{"page": "article"}}]; function track() {{ return 1; }}</script>
  <style>body {{ font-family: serif; }}</style>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/sport">Sport</a></li></ul></nav>
  <header><div class="logo">NewsHub Daily</div><div>Search the site</div></header>
  <main>
    <article>
      <h1>Coastal states agree to share patrol data</h1>
      <p class="byline">By Maria Olsen</p>
      <p>OSLO (Harbor Wire) — {STORY[0]}</p>
      <figure><img src="boat.jpg" alt="">
      <figcaption>A coast guard vessel in the harbour. (Reuters)</figcaption></figure>
      <p>{STORY[1]}</p>
      <div class="ad">Advertisement</div>
      <p>{STORY[2]}</p>
      <p>{STORY[3]}</p>
    </article>
    <aside><h2>Most read</h2><ul><li><a href="/a">Storm closes ferry routes</a></li>
    <li><a href="/b">Election date set for spring</a></li></ul></aside>
  </main>
  <footer><p>© 2024 NewsHub Daily. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
  <script src="/app.js"></script>
  <script>track();</script>
</body>
</html>
"""


def test_clean_html_returns_the_story() -> None:
    article = clean_html(HTML_PAGE, url="https://news.example/world/patrols")
    assert article.text.split("\n\n") == STORY
    for furniture in ("Home", "Search", "Most read", "Privacy", "track", "dataLayer", "Advertisement", "©"):
        assert furniture not in article.text
    assert article.title == "Coastal states agree to share patrol data"
    assert article.byline == "Maria Olsen"
    assert article.dateline == "OSLO"
    assert article.published == date(2024, 3, 4)
    assert article.url == "https://news.example/world/patrols"


def test_parse_article_detects_html() -> None:
    assert looks_like_html(HTML_PAGE)
    assert not looks_like_html(scraped_page())
    assert parse_article(HTML_PAGE.encode()).text.split("\n\n") == STORY


def test_html_fragment_without_metadata() -> None:
    fragment = "<div>" + "".join(f"<p>{p}</p>" for p in STORY) + "</div>"
    article = parse_article(fragment)
    assert article.text.split("\n\n") == STORY
    assert article.published is None


# --------------------------------------------------------------------------- JSON


def test_json_with_text() -> None:
    payload = json.dumps({"text": scraped_page(), "url": "https://x.test/a", "published": "2024-03-05"})
    article = parse_article(payload)
    assert article.text.split("\n\n") == STORY
    assert article.url == "https://x.test/a"
    assert article.published == date(2024, 3, 5)  # the envelope's date beats the page stamp


def test_json_with_html_and_title() -> None:
    payload = json.dumps({"html": HTML_PAGE, "title": "Given title", "source_url": "https://x.test/b"})
    article = parse_article(payload.encode())
    assert article.text.split("\n\n") == STORY
    assert (article.title, article.url) == ("Given title", "https://x.test/b")


def test_json_published_timestamp_and_explicit_override() -> None:
    payload = json.dumps({"text": STORY[0], "published": "2024-03-05T23:10:00+01:00"})
    assert parse_article(payload).published == date(2024, 3, 5)
    assert parse_article(payload, published=date(2020, 1, 1)).published == date(2020, 1, 1)


def test_explicit_kind_text_keeps_markup_like_text() -> None:
    article = parse_article("<p>" + STORY[0] + "</p>", kind="text")
    assert isinstance(article, CleanArticle)
    assert article.text.startswith("<p>")


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("payload", ["", "   \n\t  \n", b"", b"\xef\xbb\xbf  \n"])
def test_empty_input(payload: str | bytes) -> None:
    with pytest.raises(ArticleError, match="empty article"):
        parse_article(payload)


def test_binary_bytes() -> None:
    with pytest.raises(ArticleError, match="binary"):
        parse_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")


def test_control_characters_count_as_binary() -> None:
    with pytest.raises(ArticleError, match="binary"):
        parse_article("".join(chr(c) for c in range(1, 9)) * 50 + "text")


def test_invalid_utf8() -> None:
    with pytest.raises(ArticleError, match=r"not UTF-8 text: .* at byte 3"):
        parse_article("Caf\u00e9 s".encode("latin-1") + b" and \xff\xfe more")


def test_utf8_bom_and_utf16_are_read() -> None:
    assert parse_article(b"\xef\xbb\xbf" + STORY[0].encode()).text == STORY[0]
    assert parse_article(STORY[0].encode("utf-16")).text == STORY[0]


def test_malformed_json_reports_position() -> None:
    with pytest.raises(ArticleError, match=r"malformed JSON: .* line 1 column 10"):
        parse_article('{"text": oops}')


@pytest.mark.parametrize(
    "payload",
    ['{"title": "Only a title"}', '{"text": "   ", "html": ""}'],
)
def test_json_without_text(payload: str) -> None:
    with pytest.raises(ArticleError, match="no non-empty 'text' or 'html'"):
        parse_article(payload)


def test_json_wrong_types() -> None:
    with pytest.raises(ArticleError, match="must be a string"):
        parse_article('{"text": 42}')
    with pytest.raises(ArticleError, match="must be an object"):
        parse_article('["text"]', kind="json")
    with pytest.raises(ArticleError, match="not a date"):
        parse_article('{"text": "x y z", "published": "sometime soon"}')


def test_too_large() -> None:
    with pytest.raises(ArticleError, match=r"article too large: 101 characters \(limit 100\)"):
        parse_article("x" * 101, max_chars=100)
    with pytest.raises(ArticleError, match="article too large"):
        parse_article(b"x" * 401, max_chars=100)


def test_five_megabyte_single_line_is_fast() -> None:
    line = ("By The Trade Desk (Reuters) - Jan 5, 2024 " + "word " * 1_000_000)[:5_000_000]
    started = time.perf_counter()
    article = parse_article(line, max_chars=6_000_000)
    assert time.perf_counter() - started < 5
    assert len(article.text) > 4_000_000


def test_five_megabyte_adversarial_lines_are_fast() -> None:
    for line in ("A" * 5_000_000 + " -", "Aa, " * 1_250_000, "1" * 5_000_000, "(" * 5_000_000):
        started = time.perf_counter()
        with contextlib.suppress(ArticleError):
            clean_text(line, max_chars=6_000_000)
        assert time.perf_counter() - started < 5
