"""``GET /``: the demo page that embeds the chat widget, served with a strict CSP; the
widget and the page's assets are the static files under ``/static``."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from api.headers import DEMO_CSP

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"

router = APIRouter(tags=["pages"])


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
def demo_page() -> HTMLResponse:
    """The demo page: the widget inline, how to embed it, and the project overview."""
    html = (STATIC_DIR / "demo.html").read_text(encoding="utf-8")
    return HTMLResponse(html, headers={"Content-Security-Policy": DEMO_CSP, "Cache-Control": "no-cache"})
