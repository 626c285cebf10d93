"""PLOVER's 16 event types and their quad classes: the event vocabulary the extractor writes and the API reads."""

from __future__ import annotations

# PLOVER's 16 event types, by quad class.
QUAD_CLASSES: dict[str, tuple[str, ...]] = {
    "verbal_cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material_cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal_conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material_conflict": ("PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "SANCTION"),
}
EVENT_TYPES: tuple[str, ...] = tuple(t for types in QUAD_CLASSES.values() for t in types)
QUAD_CLASS_OF: dict[str, str] = {t: quad for quad, types in QUAD_CLASSES.items() for t in types}
