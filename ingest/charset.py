"""The text of an HTML page's bytes, decoded as a browser would (issue 13): by its byte-order mark, else the charset
the transport declared (an HTTP `Content-Type` header, when the caller has one), else the one the page declares
(`<meta charset>`, `<meta http-equiv="Content-Type" content="...; charset=...">`, or an XML prolog's `encoding`),
else UTF-8 when the bytes are valid UTF-8, else the detected charset.

Labels are read as the WHATWG Encoding Standard reads them: `iso-8859-1`, `latin1`, `ascii` and `us-ascii` mean
windows-1252 (whose extra characters in 0x80-0x9F, such as curly quotes and the euro sign, pages labelled Latin-1
use all the time), and a page that declares UTF-16 in its own bytes is read as UTF-8 (it could not have been
written in ASCII-compatible bytes otherwise). Bytes that do not fit the declared charset become U+FFFD, as in a
browser; windows-1252's five unassigned bytes become the C1 code points of the same value, as the standard says.

Detection (no declaration, not UTF-8): charset_normalizer's best guess, except that a guess of a Latin single-byte
code page (windows-1250, ISO-8859-2, ...) becomes windows-1252, the default of browsers in Western locales: on the
short Western-European texts of news pages charset_normalizer tends to guess windows-1250 and turn "crème" into
"crčme". Cyrillic, Greek, Arabic, Hebrew, Turkish and East Asian encodings are kept as detected.
"""

from __future__ import annotations

import codecs
import re

# How far into the page a declaration is looked for: the WHATWG prescan reads 1024 bytes; real pages put long
# comments or scripts first often enough that a little more is read here.
PRESCAN_BYTES = 4096

_WINDOWS_1252_ALIASES = frozenset(
    {
        "ascii",
        "us-ascii",
        "iso-8859-1",
        "iso8859-1",
        "iso_8859-1",
        "iso88591",
        "latin1",
        "l1",
        "cp819",
        "ibm819",
        "iso-ir-100",
        "csisolatin1",
        "x-cp1252",
        "cp1252",
        "windows-1252",
        "x-user-defined",
        "ansi_x3.4-1968",
    }
)
_UTF16_LABELS = frozenset({"utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "csunicode", "unicodefffe"})
# charset_normalizer's guesses that a Western browser would read as windows-1252.
_LATIN_GUESSES = frozenset(
    {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_10", "iso8859_13", "iso8859_14"}
    | {"iso8859_15", "iso8859_16", "mac_latin2", "mac_roman", "mac_iceland", "cp850", "cp437", "cp1257", "ascii"}
)

_XML_PROLOG = re.compile(rb"""^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", re.IGNORECASE)
_META = re.compile(rb"<meta\b([^>]*)>", re.IGNORECASE)
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_ATTRIBUTE = re.compile(rb"""([A-Za-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_CHARSET_IN_CONTENT = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    """windows-1252's unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) as the code points of the same value."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("geokg-windows-1252", _latin1_fallback)


def python_codec(label: str | None) -> str | None:
    """The Python codec for a charset label as a browser reads it, or None for an unknown label."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def charset_from_content_type(value: str | None) -> str | None:
    """The charset parameter of a `Content-Type` header value (`text/html; charset=ISO-8859-1`), if any."""
    if not value:
        return None
    found = _CHARSET_IN_CONTENT.search(value.encode("latin-1", "replace"))
    return found.group(1).decode("ascii") if found else None


def declared_charset(payload: bytes) -> str | None:
    """The charset label the page declares in its first bytes: a `<meta>` tag (outside comments) or, failing that,
    an XML prolog."""
    head = _COMMENT.sub(b"", payload[:PRESCAN_BYTES])
    for meta in _META.finditer(head):
        attributes: dict[bytes, bytes] = {}
        for name, *values in _ATTRIBUTE.findall(meta.group(1)):
            attributes.setdefault(name.lower(), next((v for v in values if v), b""))
        if attributes.get(b"charset"):
            return attributes[b"charset"].decode("ascii", "replace")
        if attributes.get(b"http-equiv", b"").lower() == b"content-type":
            found = _CHARSET_IN_CONTENT.search(attributes.get(b"content", b""))
            if found:
                return found.group(1).decode("ascii", "replace")
    prolog = _XML_PROLOG.match(payload[:PRESCAN_BYTES])
    return prolog.group(1).decode("ascii") if prolog else None


def detected_codec(payload: bytes) -> str:
    """The charset of undeclared bytes that are not UTF-8 (see the module's note on Latin guesses)."""
    from charset_normalizer import from_bytes

    best = from_bytes(payload).best()
    if best is None or best.encoding in _LATIN_GUESSES:
        return "cp1252"
    return best.encoding


def decode_html(payload: bytes, *, transport_charset: str | None = None) -> str:
    """The page's text (see the module's docstring for the order of the rules)."""
    for bom, bom_codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if payload.startswith(bom):
            return payload[len(bom) :].decode(bom_codec, errors="replace")
    codec = python_codec(transport_charset)
    if codec is None:
        label = declared_charset(payload)
        utf16 = label is not None and label.strip().lower() in _UTF16_LABELS
        codec = "utf-8" if utf16 else python_codec(label)
    if codec is None:
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            codec = detected_codec(payload)
    return payload.decode(codec, errors="geokg-windows-1252" if codec == "cp1252" else "replace")
