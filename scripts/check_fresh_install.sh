#!/usr/bin/env bash
# A user's install, as the README's `pip install` would make it on a fresh machine (issue 13): a venv made with
# `python3 -m venv` and the pip it ships (23.x for Python 3.11; NOT upgraded), the project installed into it from
# this checkout (not editable), and `geokg extract` run on an HTML page in ISO-8859-1. This caught jusText's
# `lxml[html_clean]` extra left out by pip 23 (every HTML article failed with an ImportError) and pages refused as
# "not UTF-8 text". Run by .ci/run, not by pytest: the install takes minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$PYTHON" -m venv "$work/venv"
echo "fresh install: $("$work/venv/bin/python" --version), $("$work/venv/bin/pip" --version | cut -d' ' -f1-2) (not upgraded)"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "$PWD"

# A page written here: Latin-1 bytes, declared in a meta tag, as old news sites still serve them.
"$PYTHON" - "$work/page.html" <<'PY'
import sys
story = ("Brazil's President met the Prime Minister of Portugal in Brasília on Tuesday. "
         "The two leaders signed an agreement on trade and energy cooperation, officials in São Paulo said.")
page = ("<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"
        "<title>Brazil and Portugal sign trade deal in Brasília</title></head><body><article>"
        f"<h1>Brazil and Portugal sign trade deal in Brasília</h1><p>{story}</p></article></body></html>")
open(sys.argv[1], "wb").write(page.encode("latin-1"))
PY

cd "$work"  # not the checkout: the installed package must work on its own
"$work/venv/bin/geokg" extract --published 2024-11-12 page.html > extraction.json
"$work/venv/bin/python" - extraction.json <<'PY'
import json, sys
result = json.load(open(sys.argv[1], encoding="utf-8"))
countries = {c["iso3"] for c in result["countries"]}
assert {"BRA", "PRT"} <= countries, countries
assert "São Paulo" in result["places"], result["places"]  # read as Latin-1, as the page declares
assert result["title"] == "Brazil and Portugal sign trade deal in Brasília", result["title"]
assert any(e["type"] == "AGREE" for e in result["events"]), result["events"]
print(f"fresh install: extracted {len(result['events'])} event(s) from an ISO-8859-1 page: ok")
PY
