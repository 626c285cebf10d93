"""The share of a question set that GET /ask's parser understands: its intent equals the expected one field by
field (form, actor ids, person id, stance, since, until).

    .venv/bin/python scripts/eval_ask.py [tests/data/ask_questions.jsonl] [--today 2024-09-01] [--show]

Each line of the set: {"q": ..., "form": ..., "actors": [ids], "person": id or null, "stance": ..., "since": ...,
"until": ...}; relative times ("last year") are read as on --today (the set's own clock).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from service.api.ask import UNDERSTOOD_FIELDS, QuestionError, parse_question, understood_fields

DEFAULT_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "ask_questions.jsonl"
SET_TODAY = date(2024, 9, 1)


def read_set(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def reading(question: str, today: date) -> dict[str, Any] | None:
    """The compared fields of the parser's intent, or None when it cannot read the question."""
    try:
        intent = parse_question(question, today=today)
    except QuestionError:
        return None
    return understood_fields(intent)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_SET)
    parser.add_argument("--today", type=date.fromisoformat, default=SET_TODAY)
    parser.add_argument("--show", action="store_true", help="print the questions not understood")
    args = parser.parse_args()
    rows = read_set(args.path)
    understood = 0
    for row in rows:
        got = reading(row["q"], args.today)
        expected = {field: row.get(field) for field in UNDERSTOOD_FIELDS}
        if got == expected:
            understood += 1
        elif args.show:
            print(f"{row['q']!r}\n  expected {expected}\n  got      {got}")
    print(f"understood {understood}/{len(rows)} = {understood / len(rows):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
