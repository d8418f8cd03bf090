"""API keys: who may call what.

Keys are configured only as SHA-256 hex digests (``RAPPORT_ADMIN_API_KEYS``,
``RAPPORT_WIDGET_API_KEYS``), so the settings, the environment and any dump of them never
hold a usable key. A caller presents the key itself in ``X-API-Key`` or
``Authorization: Bearer …``; its digest is compared with every configured digest in
constant time. Keys and digests never appear in logs or responses.
"""

from __future__ import annotations

import hashlib
import hmac
from enum import StrEnum
from typing import TYPE_CHECKING

from fastapi import Request

from qa.errors import QAError

if TYPE_CHECKING:
    from api.config import Settings

#: Keys that must never protect a production service (their digests are refused at start).
PLACEHOLDER_KEYS = (
    "", "changeme", "change-me", "change_me", "admin", "administrator", "password", "secret",
    "test", "key", "apikey", "api-key", "api_key", "default", "example", "token", "1234",
    "12345678", "rapport", "xxx",
)


def key_digest(key: str) -> str:
    """The SHA-256 hex digest under which a key is configured (``sha256sum`` of the key)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


PLACEHOLDER_DIGESTS = frozenset(key_digest(k) for k in PLACEHOLDER_KEYS)


class Role(StrEnum):
    ADMIN = "admin"
    WIDGET = "widget"


class MissingApiKey(QAError):
    status_code = 401
    code = "missing_api_key"
    user_message = "En API-nyckel krävs (rubriken X-API-Key)."


class InvalidApiKey(QAError):
    status_code = 401
    code = "invalid_api_key"
    user_message = "API-nyckeln är ogiltig."


class Forbidden(QAError):
    status_code = 403
    code = "forbidden"
    user_message = "API-nyckeln ger inte behörighet till det här."


def presented_key(request: Request) -> str | None:
    """The key a request carries (``X-API-Key`` first, then a bearer token), if any."""
    key = request.headers.get("x-api-key")
    if key:
        return key.strip() or None
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


def _matches(digest: str, configured: list[str]) -> bool:
    # No early exit: the time taken does not depend on which digest (if any) matched.
    found = False
    for candidate in configured:
        found |= hmac.compare_digest(digest, candidate)
    return found


def role_of(key: str | None, settings: Settings) -> Role | None:
    """The role a key grants under ``settings`` (admin outranks widget), or None."""
    if key is None:
        return None
    digest = key_digest(key)
    if _matches(digest, settings.admin_api_keys):
        return Role.ADMIN
    if _matches(digest, settings.widget_api_keys):
        return Role.WIDGET
    return None


def caller_id(request: Request) -> str:
    """Whom limits are counted against: a valid key (by a short digest prefix) or else the
    client address, so made-up keys cannot buy a fresh allowance."""
    key = presented_key(request)
    if key is not None and role_of(key, _settings(request)) is not None:
        return "key:" + key_digest(key)[:16]
    return "ip:" + (request.client.host if request.client else "unknown")


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.rapport.settings
    return settings


def _require(request: Request, allowed: tuple[Role, ...]) -> Role:
    key = presented_key(request)
    if key is None:
        raise MissingApiKey(detail="no API key presented")
    role = role_of(key, _settings(request))
    if role is None:
        raise InvalidApiKey(detail="API key matches no configured digest")
    if role not in allowed:
        raise Forbidden(detail=f"{role} key on an endpoint for {'/'.join(allowed)}")
    request.state.role = role
    return role


def require_admin(request: Request) -> None:
    """Dependency of admin endpoints: 401 without a valid key, 403 for a widget key."""
    _require(request, (Role.ADMIN,))


def require_widget(request: Request) -> None:
    """Dependency of the widget-facing endpoints (``/ask``, ``/lessons`` …): open unless
    ``require_widget_key`` is set, then a widget or admin key is needed."""
    if _settings(request).require_widget_key:
        _require(request, (Role.WIDGET, Role.ADMIN))


def require_metrics_access(request: Request) -> None:
    """Dependency of ``/metrics``: open unless ``metrics_require_key``, then admin only."""
    if _settings(request).metrics_require_key:
        _require(request, (Role.ADMIN,))
