"""API keys: admin and widget roles, open vs. keyed widget endpoints, production refusal of
missing or placeholder admin keys, and no key in any log line or response."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from api_fakes import FakeService, fake_app
from fastapi import Depends
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.config import Settings, settings_or_exit
from api.security import PLACEHOLDER_KEYS, key_digest, require_admin

pytestmark = pytest.mark.unit

ADMIN_KEY = "adm-7Qv3kP9xL2mN8rT4wY6zB1cD5fG0hJ"
WIDGET_KEY = "wdg-3Hs8Kd2Lq9Wm4Zx7Cv1Bn6Mp0Rt5Yu"
KEYS = {"admin_api_keys": [key_digest(ADMIN_KEY)], "widget_api_keys": [key_digest(WIDGET_KEY)]}


def _client(tmp_path: Path, **settings: Any) -> TestClient:
    app = fake_app(tmp_path, FakeService(), **{**KEYS, **settings})

    # An admin endpoint of our own, so the dependency is tested apart from uploads.
    @app.post("/admin-probe", dependencies=[Depends(require_admin)])
    def probe() -> dict[str, str]:
        return {"ok": "admin"}

    return TestClient(app)


def _error(resp: Any, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text
    assert resp.json()["error"]["code"] == code
    assert resp.json()["error"]["message"]


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return _client(tmp_path)


def test_admin_endpoint_needs_an_admin_key(client: TestClient) -> None:
    _error(client.post("/admin-probe"), 401, "missing_api_key")
    _error(client.post("/admin-probe", headers={"X-API-Key": "guessed"}), 401, "invalid_api_key")
    _error(client.post("/admin-probe", headers={"X-API-Key": WIDGET_KEY}), 403, "forbidden")
    # The digest itself is not a key.
    _error(client.post("/admin-probe", headers={"X-API-Key": key_digest(ADMIN_KEY)}), 401, "invalid_api_key")
    assert client.post("/admin-probe", headers={"X-API-Key": ADMIN_KEY}).json() == {"ok": "admin"}
    assert client.post("/admin-probe", headers={"Authorization": f"Bearer {ADMIN_KEY}"}).status_code == 200
    basic = {"Authorization": f"Basic {ADMIN_KEY}"}
    _error(client.post("/admin-probe", headers=basic), 401, "missing_api_key")


def test_widget_endpoints_are_open_by_default(client: TestClient) -> None:
    assert client.post("/ask", json={"question": "Vad är Alfaprojektet?"}).status_code == 200
    resp = client.post("/ask", json={"question": "Hej?"}, headers={"X-API-Key": "nonsense"})
    assert resp.status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/ask", {"question": "Hej?"}),
        ("POST", "/ask/stream", {"question": "Hej?"}),
        ("GET", "/lessons?q=samverkan", None),
        ("GET", "/projects", None),
        ("GET", "/projects/alfaprojektet", None),
        ("GET", "/figures", None),
        ("POST", "/feedback", {"answer_id": "a-1", "rating": "up"}),
    ],
)
def test_widget_key_required_when_configured(tmp_path: Path, method: str, path: str, body: Any) -> None:
    client = _client(tmp_path, require_widget_key=True)
    _error(client.request(method, path, json=body), 401, "missing_api_key")
    _error(client.request(method, path, json=body, headers={"X-API-Key": "nonsense"}), 401, "invalid_api_key")


def test_widget_and_admin_keys_open_widget_endpoints(tmp_path: Path) -> None:
    client = _client(tmp_path, require_widget_key=True)
    for key in (WIDGET_KEY, ADMIN_KEY):
        resp = client.post("/ask", json={"question": "Vad är Alfaprojektet?"}, headers={"X-API-Key": key})
        assert resp.status_code == 200, resp.text
    assert client.get("/health").status_code == 503  # open (no index in this app), not 401


def test_metrics_can_require_an_admin_key(tmp_path: Path) -> None:
    assert _client(tmp_path).get("/metrics").status_code == 200
    client = _client(tmp_path, metrics_require_key=True)
    _error(client.get("/metrics"), 401, "missing_api_key")
    _error(client.get("/metrics", headers={"X-API-Key": WIDGET_KEY}), 403, "forbidden")
    assert client.get("/metrics", headers={"Authorization": f"Bearer {ADMIN_KEY}"}).status_code == 200


def test_production_refuses_missing_or_placeholder_admin_keys() -> None:
    with pytest.raises(ValidationError, match="needs RAPPORT_ADMIN_API_KEYS"):
        Settings(env="production")
    for placeholder in PLACEHOLDER_KEYS:
        with pytest.raises(ValidationError, match="refuses placeholder"):
            Settings(env="production", admin_api_keys=[key_digest(placeholder)])
    with pytest.raises(ValidationError, match="refuses placeholder"):
        Settings(env="production", admin_api_keys=[key_digest(ADMIN_KEY)],
                 widget_api_keys=[key_digest("changeme")])
    ok = Settings(env="production", admin_api_keys=[key_digest(ADMIN_KEY).upper()])
    assert ok.admin_api_keys == [key_digest(ADMIN_KEY)]
    # Development starts without keys.
    assert Settings().admin_api_keys == [] and not Settings().require_widget_key


def test_a_raw_key_is_refused_and_never_echoed(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(admin_api_keys=[ADMIN_KEY])
    assert "sha256sum" in str(caught.value) and ADMIN_KEY not in str(caught.value)
    monkeypatch.setenv("RAPPORT_ENV", "production")
    monkeypatch.setenv("RAPPORT_ADMIN_API_KEYS", f'["{key_digest("admin")}"]')
    with pytest.raises(SystemExit) as stopped:
        settings_or_exit()
    message = str(stopped.value)
    assert message.startswith("rapport-qa will not start:") and "placeholder" in message
    assert key_digest("admin") not in message and "\n" not in message


def test_no_key_in_logs_or_responses(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    client = _client(tmp_path, require_widget_key=True)
    caplog.set_level(logging.DEBUG)
    secrets = (ADMIN_KEY, WIDGET_KEY, key_digest(ADMIN_KEY), key_digest(WIDGET_KEY))
    texts = []
    presented = ({"X-API-Key": WIDGET_KEY}, {"X-API-Key": ADMIN_KEY},
                 {"Authorization": f"Bearer {WIDGET_KEY}"})
    for headers in presented:
        texts.append(client.post("/admin-probe", headers=headers).text)
        texts.append(client.post("/ask", json={"question": "Hej?"}, headers=headers).text)
        texts.append(client.get("/metrics", headers=headers).text)
    logged = [r.getMessage() + repr(vars(r)) for r in caplog.records]
    assert logged, "expected access log lines"
    for secret in secrets:
        assert not any(secret in t for t in texts + logged)
