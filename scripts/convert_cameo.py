"""Convert PETRARCH2's CAMEO verb dictionary into a PLOVER trigger lexicon (ingest/data/cameo_lexicon.jsonl).

    .venv/bin/python scripts/convert_cameo.py CAMEO.2.0.txt [--out ingest/data/cameo_lexicon.jsonl]

Sources, both read at conversion time only (fetch them from github.com/openeventdata):
- petrarch2/data/dictionaries/CAMEO.2.0.txt, the CAMEO verb-pattern dictionary of the Open Event Data Alliance
  (MIT licence, (c) 2015 Open Event Data Alliance);
- the CAMEO -> PLOVER table of openeventdata/PLOVER (CAMEO2PLOVER-2021.txt, P. Schrodt, CC BY-SA 4.0), whose
  mapping `plover_type` follows, except where the annotation guide of this project decides otherwise (signing an
  agreement and a ceasefire are AGREE; sanctions and embargoes SANCTION; releases, easing sanctions, allowing access
  and apologies CONCEDE; demands REQUEST; investigations ACCUSE; public statements (CAMEO 01) are not events).

The output is therefore a derived work of both and carries CC BY-SA 4.0 with attribution (its first line says so).
Each row is a verb lemma with its PLOVER type, optionally conditioned on an object noun or a particle:
    {"lemma": "condemn", "type": "ACCUSE", "cameo": "111"}
    {"lemma": "impose", "object": "blockade", "type": "COERCE", "cameo": "191"}
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "ingest" / "data" / "cameo_lexicon.jsonl"
ROOT_TYPES = {
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}
# Longest prefix wins: sub-codes whose PLOVER type differs from their root's.
SUB_TYPES = {
    "033": "AID",  # intent to provide aid: the aid itself, announced
    "0356": "RETREAT",
    "035": "CONCEDE",
    "036": "CONSULT",  # intent to meet: a planned meeting
    "055": "CONCEDE",  # apologise
    "057": "AGREE",  # sign a formal agreement
    "087": "RETREAT",
    "0871": "AGREE",  # truce, ceasefire
    "191": "COERCE",  # blockade
    "192": "COERCE",  # occupy territory
    "1712": "ASSAULT",  # destroy property
}
LICENCE = (
    "Derived from the CAMEO verb dictionary of PETRARCH2 (CAMEO.2.0.txt, (c) 2015 Open Event Data Alliance, MIT "
    "licence) and the CAMEO-to-PLOVER table of openeventdata/PLOVER (CAMEO2PLOVER-2021.txt, P. Schrodt, CC BY-SA "
    "4.0), with this project's annotation rules where they differ; converted by scripts/convert_cameo.py. Licence of "
    "this file: CC BY-SA 4.0."
)
CODE = re.compile(r"\[(---|\d{2,4})\]")
FORMS = re.compile(r"\{[^}]*\}")


def plover_type(code: str) -> str | None:
    if not code or code == "---":
        return None
    for n in (4, 3):
        if code[:n] in SUB_TYPES:
            return SUB_TYPES[code[:n]]
    return ROOT_TYPES.get(code[:2])


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if line.startswith("&") and not line.startswith("& "):
            name = line.strip()
            sets[name] = []
        elif name and line.startswith("+"):
            sets[name].append(line[1:].strip().rstrip("_").replace("_", " ").lower())
        elif not line.strip():
            continue
        elif line.startswith("---"):
            name = None
    return sets


def _objects(pattern: str, synsets: dict[str, list[str]]) -> tuple[list[str], str | None]:
    """The head nouns right after '*' in a pattern, and a preposition when the pattern starts with one."""
    after = pattern.split("*", 1)[1].strip() if "*" in pattern else ""
    if not after:
        return [], None
    prep = None
    if after.startswith("("):
        inner = after[1 : after.find(")")].split()
        if not inner:
            return [], None
        prep = inner[0].lower()
        words = inner[1:]
    elif after.startswith("{"):
        words = after[1 : after.find("}")].split()
    else:
        words = [after.split()[0]]
    words = [w for w in words if w not in ("$", "+", "^", "%") and not w.startswith("(")]
    if not words:
        return [], prep
    head = words[-1]
    if head.startswith("&"):
        return [w.split()[-1] for w in synsets.get(head, [])], prep
    return [head.lower().rstrip("_")], prep


def _singular(word: str) -> str:
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def convert(text: str) -> list[dict[str, str]]:
    lines = text.splitlines()
    synsets = read_synsets(lines)
    verbs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    patterns: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    block_code = None
    in_verbs = False
    for raw in lines:
        body, _, comment = raw.partition("#")
        line = body.strip()
        if line.startswith("---"):
            m = CODE.search(line)
            block_code = m.group(1) if m else None
            in_verbs = True
            continue
        if not in_verbs or not line or line.startswith("&"):
            continue
        if line.startswith("- "):
            m = CODE.search(line)
            etype = plover_type(m.group(1)) if m else None
            verb = comment.strip().split()[0].lower().replace("_", " ") if comment.strip() else ""
            if not etype or not verb or verb.startswith("re "):
                continue
            objects, prep = _objects(CODE.sub("", line[2:]), synsets)
            for obj in objects:
                if obj.isalpha():
                    patterns[(verb.split()[0], _singular(obj), prep or "")][etype] += 1
            continue
        m = CODE.search(line)
        code = m.group(1) if m else block_code
        word = FORMS.sub("", CODE.sub("", line)).strip().lstrip("+")
        if not word or " " in word.strip():
            continue
        parts = word.lower().rstrip("_").split("_")
        etype = plover_type(code or "")
        if etype and parts[0].isalpha() and parts[0] != "re":
            verbs[(parts[0], " ".join(parts[1:]))][f"{etype}|{code}"] += 1
    rows: list[dict[str, str]] = []
    for (lemma, particle), counts in sorted(verbs.items()):
        (best, _), *_ = counts.most_common(1)
        etype, code = best.split("|")
        row = {"lemma": lemma, "type": etype, "cameo": code}
        if particle:
            row["particle"] = particle
        rows.append(row)
    for (lemma, obj, prep), counts in sorted(patterns.items()):
        (etype, _), *_ = counts.most_common(1)
        row = {"lemma": lemma, "object": obj, "type": etype}
        if prep:
            row["prep"] = prep
        rows.append(row)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dictionary", type=Path, help="PETRARCH2's CAMEO.2.0.txt")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = convert(args.dictionary.read_text(encoding="utf-8", errors="replace"))
    with args.out.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"_licence": LICENCE}) + "\n")
        for row in rows:
            out.write(json.dumps(row) + "\n")
    by_type = Counter(r["type"] for r in rows)
    print(f"{len(rows)} rows -> {args.out}: " + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
