"""HTML bytes are decoded by their declared or detected charset, as browsers do (issue 13). Every page here is written
for the test, in ISO-8859-1, Windows-1252 and UTF-8, declared in a meta tag, in an XML prolog, by the transport,
or undeclared; each goes through `parse_article` (trafilatura included) as `geokg extract` and `ingest` read it."""

from __future__ import annotations

import pytest

from ingest.charset import charset_from_content_type, declared_charset, decode_html, python_codec
from ingest.cleanup import ArticleError, parse_article
from ingest.sources import read_items

STORY = (
    "The foreign ministers met at the Café Zürich on Tuesday, where São Paulo's delegation praised the “crème de la "
    "crème” of European diplomacy — and pledged €5 million to the fund. Officials in Brasília welcomed the deal."
)
LATIN1_STORY = STORY.replace("“", '"').replace("”", '"').replace(" — ", " - ").replace("€5", "EUR 5")
TITLE = "Ministers meet at the Café Zürich"


def page(story: str, head: str = "", prolog: str = "") -> str:
    return (
        f"{prolog}<!DOCTYPE html>\n<html><head>{head}<title>{TITLE}</title></head>\n"
        f"<body><article><h1>{TITLE}</h1><p>{story}</p><p>{story}</p></article></body></html>\n"
    )


META_CHARSET = '<meta charset="{}">'
META_HTTP_EQUIV = '<meta http-equiv="Content-Type" content="text/html; charset={}">'
XML_PROLOG = '<?xml version="1.0" encoding="{}"?>\n'

CASES = {
    # name: (story, codec the bytes are written in, how it is declared, label)
    "latin1-meta": (LATIN1_STORY, "latin-1", "meta", "ISO-8859-1"),
    "latin1-http-equiv": (LATIN1_STORY, "latin-1", "http-equiv", "iso-8859-1"),
    "latin1-xml-prolog": (LATIN1_STORY, "latin-1", "prolog", "ISO-8859-1"),
    "latin1-undeclared": (LATIN1_STORY, "latin-1", None, None),
    "latin1-label-with-1252-bytes": (STORY, "cp1252", "meta", "iso-8859-1"),  # a browser reads it as windows-1252
    "windows-1252-meta": (STORY, "cp1252", "meta", "windows-1252"),
    "windows-1252-xml-prolog": (STORY, "cp1252", "prolog", "windows-1252"),
    "windows-1252-undeclared": (STORY, "cp1252", None, None),
    "utf8-meta": (STORY, "utf-8", "meta", "utf-8"),
    "utf8-xml-prolog": (STORY, "utf-8", "prolog", "UTF-8"),
    "utf8-undeclared": (STORY, "utf-8", None, None),
}


def encoded_page(story: str, codec: str, how: str | None, label: str | None) -> bytes:
    head = META_CHARSET.format(label) if how == "meta" else META_HTTP_EQUIV.format(label) if how == "http-equiv" else ""
    prolog = XML_PROLOG.format(label) if how == "prolog" else ""
    return page(story, head, prolog).encode(codec)


@pytest.mark.parametrize("name", CASES)
def test_html_bytes_are_read_in_their_charset(name: str) -> None:
    story, codec, how, label = CASES[name]
    payload = encoded_page(story, codec, how, label)
    if codec != "utf-8":
        with pytest.raises(UnicodeDecodeError):
            payload.decode("utf-8")  # the case the old reader refused with "not UTF-8 text"
    for kind in ("html", "auto"):
        article = parse_article(payload, kind=kind)  # type: ignore[arg-type]
        assert article.title == TITLE, (name, kind)
        assert story in article.text, (name, kind, article.text[:300])
        assert "\ufffd" not in article.text


def test_ingest_reads_a_latin1_file_by_its_declaration(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "old.html").write_bytes(encoded_page(LATIN1_STORY, "latin-1", "http-equiv", "ISO-8859-1"))
    (item,) = list(read_items([tmp_path]))
    assert LATIN1_STORY in parse_article(item.payload, kind=item.kind).text  # type: ignore[union-attr]


def test_the_transport_charset_wins_over_the_page() -> None:
    payload = page(LATIN1_STORY, META_CHARSET.format("utf-8")).encode("latin-1")  # a wrong meta tag
    assert LATIN1_STORY in parse_article(payload, kind="html", charset="ISO-8859-1").text
    assert charset_from_content_type("text/html; charset=ISO-8859-1") == "ISO-8859-1"
    assert charset_from_content_type('text/html;charset="windows-1252"') == "windows-1252"
    assert charset_from_content_type("text/html") is None


def test_declarations_are_read_as_browsers_read_them() -> None:
    assert declared_charset(b"<html><head><meta charset=iso-8859-1></head>") == "iso-8859-1"
    assert declared_charset(b"<!-- <meta charset=koi8-r> --><meta charset='utf-8'>") == "utf-8"
    assert declared_charset(b'<meta content="text/html; charset=windows-1251" http-equiv="content-type">') == (
        "windows-1251"
    )
    assert declared_charset(b"<html><body>charset=latin1</body>") is None
    for label in ("ISO-8859-1", "latin1", "US-ASCII", "windows-1252", "x-user-defined"):
        assert python_codec(label) == "cp1252", label
    assert python_codec("no-such-charset") is None
    # A page that says UTF-16 in its own ASCII bytes is UTF-8; a byte-order mark wins over everything.
    assert "<p>Zürich</p>" in decode_html(page("Zürich", META_CHARSET.format("utf-16")).encode("utf-8"))
    assert "Zürich" in decode_html(b"\xff\xfe" + page("Zürich", META_CHARSET.format("iso-8859-1")).encode("utf-16-le"))
    # windows-1252's unassigned bytes become C1 code points, not errors.
    assert decode_html(b"<meta charset=windows-1252><p>a\x81b</p>") == "<meta charset=windows-1252><p>a\x81b</p>"


def test_undeclared_cyrillic_is_detected() -> None:
    story = "Министр иностранных дел России заявил во вторник, что переговоры в Минске продолжатся на следующей неделе."
    payload = f"<!DOCTYPE html><html><head><title>Минск</title></head><body><p>{story}</p></body></html>"
    assert story in decode_html(payload.encode("cp1251"))
    assert story in parse_article(payload.encode("cp1251")).text


def test_text_files_still_must_be_utf8() -> None:
    with pytest.raises(ArticleError, match="not UTF-8 text"):
        parse_article("Zürich is a city in Switzerland where the talks were held today.".encode("latin-1"), kind="text")
    with pytest.raises(ArticleError, match="binary"):
        parse_article(b"<html><body>\x00\x00\x00</body></html>", kind="html")
