"""Exports for BI tools (issue 6): events and relations as CSV and JSON, the graph as GraphML."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/export", tags=["export"])
