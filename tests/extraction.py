"""Helpers for the extraction tests: an article written for a test through the real pipeline, and its events as
the scorer counts them."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from ingest.cleanup import parse_article
from ingest.extract import extract
from ingest.models import Extraction


def extract_text(nlp: Language, text: str, published: date) -> Extraction:
    return extract(parse_article(text, published=published), nlp)


def dyads(result: Extraction) -> set[tuple[str, str, str]]:
    """(type, a, b) with a<b for symmetric events, source->target otherwise."""
    out = set()
    for e in result.events:
        if e.symmetric:
            actors = sorted(e.participants())
            out |= {(e.type, a, b) for i, a in enumerate(actors) for b in actors[i + 1 :]}
        else:
            out |= {(e.type, s, t) for s in e.source for t in e.target}
    return out
