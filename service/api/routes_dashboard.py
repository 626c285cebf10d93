"""The analyst dashboard at /dashboard (issue 6): static HTML/JS/CSS that reads only the public API."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["dashboard"])
