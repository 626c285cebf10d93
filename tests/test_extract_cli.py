"""`geokg extract` end to end: a scraped page written for this test, and bad input that must fail cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

PAGE = """World

/

ExampleNews

Leaders of Brazil, Argentina and Chile meet as drought deepens

Ana Souza, Example Wire on

Published in World News

Brazilian President Luiz Inacio Lula da Silva hosted Argentine President Javier Milei and Chilean President Gabriel \
Boric on Tuesday in Brasilia, where the three leaders signed an agreement to share water data across the region.

Argentina also sent firefighting aircraft to Chile last week, officials said.

Analysts said the neighbours could one day impose joint tariffs on imports, but no such plan exists.

(Carlos Lima contributed to this report.)

©2024 Example Wire. Distributed by Example Syndicate.

Comments

blog comments powered by Disqus

Related Channels

Pat Doe

Pat Doe

By Pat Doe
Lee Roe

Lee Roe

By Lee Roe
"""


def geokg(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "service.cli", *args], input=stdin, capture_output=True, timeout=120, check=False
    )


def test_scraped_page_end_to_end() -> None:
    run = geokg("extract", "--published", "2024-03-14", "-", stdin=PAGE.encode())
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["title"].startswith("Leaders of Brazil")
    assert {"BRA", "ARG", "CHL"} <= {c["iso3"] for c in result["countries"]}
    people = {p["name"]: (p["country"], p["role"]) for p in result["people"]}
    assert people["Javier Milei"] == ("ARG", "President")
    assert people["Gabriel Boric"] == ("CHL", "President")
    assert not {"Ana Souza", "Carlos Lima", "Pat Doe", "Lee Roe"} & set(people)
    meeting = [e for e in result["events"] if e["type"] == "CONSULT"]
    assert meeting and set(meeting[0]["source"]) == {"BRA", "ARG", "CHL"}
    assert meeting[0]["date"] == "2024-03-12" and meeting[0]["date_precision"] == "day"
    assert meeting[0]["location"] == "Brasilia"
    assert not [e for e in result["events"] if e["type"] == "SANCTION"]  # the tariffs are only a hypothesis
    assert "Disqus" not in result.get("text", "")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x00\x01\x02binary\x00\xff" * 50, "binary"),
        (b"caf\xe9 \xff\xfe not utf-8 text", "UTF-8"),
        (b'{"text": "unterminated', "JSON"),
        (b'{"url": "https://example.org/a"}', "text"),
    ],
)
def test_bad_input_gives_clear_error(payload: bytes, message: str) -> None:
    run = geokg("extract", "-", stdin=payload)
    assert run.returncode != 0
    error = run.stderr.decode()
    assert error.startswith("geokg: ") and message.lower() in error.lower()
    assert "Traceback" not in error


def test_non_english_and_huge_text_give_empty_or_bounded_extraction(tmp_path: Path) -> None:
    german = "Die Regierung hat heute neue Regeln fur den Verkehr in der Stadt beschlossen. " * 20
    run = geokg("extract", "-", stdin=german.encode())
    assert run.returncode == 0 and json.loads(run.stdout)["events"] == []
    huge = ("The committee discussed the budget at length without any decision. " * 75_000).encode()  # ~5 MB
    run = geokg("extract", "-", stdin=huge)
    assert run.returncode != 0 or json.loads(run.stdout)["events"] == []
    assert b"Traceback" not in run.stderr


def test_bad_published_date_is_a_usage_error() -> None:
    run = geokg("extract", "--published", "2024-13-45", "-", stdin=b"Text.")
    assert run.returncode == 2 and b"YYYY-MM-DD" in run.stderr
