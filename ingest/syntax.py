"""Small helpers over the dependency tree."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token


def path_between(a: Token, b: Token) -> tuple[Token, list[Token], list[Token]]:
    """The lowest common ancestor of two tokens, and the tokens from each up to it (the ancestor excluded)."""
    a_chain = [a, *a.ancestors]
    b_chain = [b, *b.ancestors]
    b_at = {t.i: n for n, t in enumerate(b_chain)}
    for n, t in enumerate(a_chain):
        if t.i in b_at:
            return t, a_chain[:n], b_chain[: b_at[t.i]]
    return a_chain[-1], a_chain, b_chain  # two trees: never within one sentence


def distance(a: Token, b: Token) -> int:
    """Dependency steps between two tokens of one sentence."""
    _, up, down = path_between(a, b)
    return len(up) + len(down)


def according_to(token: Token) -> Token | None:
    """The "to" of "according to X" when ``token`` is its "according"; its objects name who says it."""
    doc = token.doc
    if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        return doc[token.i + 1]
    return None


def misjoined_head(verb: Token) -> Token | None:
    """ "accused Algeria of shooting down a drone and recalled its envoy": the small parser joins the finite
    "recalled" to the gerund inside "of ...", though it goes with "accused"; that main verb, or None."""
    gerund = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP") or gerund.tag_ != "VBG":
        return None
    if gerund.dep_ != "pcomp" or gerund.head.dep_ != "prep" or gerund.head.head.pos_ not in ("VERB", "AUX"):
        return None
    main = gerund.head.head
    return main if main.tag_ == verb.tag_ else None


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once: spaCy rebuilds them (token by token) at every ``doc.sents``."""
    cached = doc.user_data.get(_SENTS)
    if cached is None:
        cached = doc.user_data[_SENTS] = list(doc.sents)
    return cached


def sentence_of(token: Token) -> Span:
    """The sentence of a token, without ``Token.sent`` (which walks the whole doc each time)."""
    sents = sentences(token.doc)
    starts = token.doc.user_data.get(_STARTS)
    if starts is None:
        starts = token.doc.user_data[_STARTS] = [s.start for s in sents]
    return sents[bisect.bisect_right(starts, token.i) - 1]


_SENTS = "geokg.sentences"
_STARTS = "geokg.sentence_starts"
