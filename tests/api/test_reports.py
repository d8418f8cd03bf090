"""``GET/POST/DELETE /reports`` on the real app over a copy of the real index: admin keys,
uploads of every supported type (PDF pages in citations), corrupt and oversized uploads
refused with the index untouched, one writer at a time, the last report kept."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docgen import make_docx, make_pdf, make_zip_bomb
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from index.generations import WriterLock, current_generation

pytestmark = pytest.mark.integration

ADMIN_KEY = "admin-test-key-4f9d1c2b7a"
WIDGET_KEY = "widget-test-key-8e3a5d6c1f"
ADMIN = {"X-API-Key": ADMIN_KEY}

#: A small made-up report: few chunks, so an upload embeds little.
SMALL_REPORT = [
    ("title", "Rapport 2023 – Projektplattformen Östra kajen"),
    ("heading2", "Bakgrund"),
    ("p", "Plattformen samlar stadsdelens projekt med stöd från Europeiska socialfonden. "
          "Rapporten omfattar perioden januari 2023–december 2023."),
    ("heading2", "Projektstatus"),
    ("heading3", "Cykelverkstaden Kajen"),
    ("heading4", "Fakta om projektet"),
    ("p", "Projektägare är Fritidsförvaltningen och projektledare är Karin Ekdahl. Projekttiden är "
          "2022-01-01 – 2024-12-31. Projektets totala budget är 3 400 000 kr, varav 1 700 000 kr "
          "finansieras av Europeiska socialfonden."),
    ("heading4", "Läget just nu och resultat"),
    ("p", "Verkstaden har tagit emot 46 deltagare som lagar cyklar åt boende i området. "
          "Nio deltagare har gått vidare till anställning hos cykelhandlare."),
    ("heading4", "Lärdomar och förbättringsområden"),
    ("bullet", "Att deltagarna själva fick sköta kundmottagningen stärkte självförtroendet."),
    ("bullet", "Vintern gav färre uppdrag, så verkstaden behöver andra uppgifter under den årstiden."),
]


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@pytest.fixture
def data_dir(corpus_index: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(corpus_index, copy)
    return copy


def _client(data_dir: Path, model_dir: Path, embedder: Any, **overrides: Any) -> TestClient:
    settings = Settings(
        data_dir=data_dir, embed_model=str(model_dir), app_db=data_dir.parent / "app.sqlite",
        admin_api_keys=[_digest(ADMIN_KEY)], widget_api_keys=[_digest(WIDGET_KEY)], **overrides,
    )
    return TestClient(create_app(settings, embedder=embedder))


@pytest.fixture
def client(data_dir: Path, model_dir: Path, embedder: Any) -> Iterator[TestClient]:
    with _client(data_dir, model_dir, embedder) as c:
        yield c


def _error(resp: Any, status: int, code: str) -> str:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["error"]["code"] == code
    return str(body["error"]["message"])


def _listing(client: TestClient) -> dict[str, Any]:
    resp = client.get("/reports", headers=ADMIN)
    assert resp.status_code == 200, resp.text
    return {r["id"]: r for r in resp.json()["reports"]}


def test_listing_needs_an_admin_key(client: TestClient) -> None:
    _error(client.get("/reports"), 401, "missing_api_key")
    _error(client.get("/reports", headers={"X-API-Key": WIDGET_KEY}), 403, "forbidden")
    reports = _listing(client)
    assert set(reports) == {"rapport_2019", "rapport_2021", "rapport_2022"}
    r = reports["rapport_2021"]
    assert r["year"] == 2021 and r["title"].startswith("Rapport 2021") and r["chunks"] > 5
    assert len(r["content_hash"]) == 64 and r["indexed_at"].startswith("20")


def test_docx_upload_is_indexed_and_answered(client: TestClient, data_dir: Path) -> None:
    before = current_generation(data_dir)
    files = {"file": ("ostra_kajen_2023.docx", make_docx(SMALL_REPORT))}
    resp = client.post("/reports", files=files, headers=ADMIN)
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["id"] == "ostra_kajen_2023" and body["year"] == 2023 and body["chunks"] >= 3
    assert body["generation"] == current_generation(data_dir) != before
    assert body["embedded"] == body["chunks"]  # only the new report's text was embedded
    listed = _listing(client)
    assert listed["ostra_kajen_2023"]["content_hash"] == body["content_hash"]
    assert len(listed) == 4
    assert client.get("/health").json()["index_generation"] == body["generation"]
    answer = client.post("/ask", json={"question": "Vem är projektledare för Cykelverkstaden Kajen?"})
    cits = answer.json()["citations"]
    assert cits and cits[0]["report"] == "ostra_kajen_2023" and "Karin Ekdahl" in cits[0]["text"]
    again = client.post("/reports", files=files, headers=ADMIN)
    assert again.status_code == 201 and again.json()["embedded"] == 0
    assert again.json()["generation"] == body["generation"]  # unchanged: no new generation


def test_pdf_upload_keeps_pages_in_citations(client: TestClient) -> None:
    pages = [["Rapport 2023 – Projektplattformen Östra kajen", "", "Bakgrund", "",
              "Plattformen samlar stadsdelens projekt med stöd från Europeiska socialfonden."],
             ["Projektstatus", "", "Cykelverkstaden Kajen", "", "Fakta om projektet", "",
              "Projektägare är Fritidsförvaltningen och projektledare är Karin Ekdahl. "
              "Projektets totala budget är 3 400 000 kr."],
             ["Läget just nu och resultat", "",
              "Verkstaden har tagit emot 46 deltagare som lagar cyklar åt boende i området."]]
    resp = client.post("/reports", files={"file": ("kajen.pdf", make_pdf(pages))},
                       data={"report_id": "kajen_2023"}, headers=ADMIN)
    assert resp.status_code == 201, resp.text
    assert resp.json()["id"] == "kajen_2023"
    answer = client.post("/ask", json={"question": "Hur många deltagare har verkstaden tagit emot?",
                                       "report": "kajen_2023"}).json()
    cited = answer["citations"] or answer["suggestions"]
    by_text = {c["text"]: c["page"] for c in cited}
    assert any("46 deltagare" in t and p == 3 for t, p in by_text.items()), by_text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("trasig.pdf", make_pdf([["Rapport 2023", "Text om projektet."]])[:400]),
        ("bomb.docx", make_zip_bomb()),
        ("inte-zip.docx", b"this is not a zip file" * 40),
        ("binar.txt", bytes(range(256)) * 16),
        ("bild.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
    ],
)
def test_corrupt_uploads_are_refused_and_the_index_untouched(
    client: TestClient, data_dir: Path, name: str, data: bytes
) -> None:
    before = (current_generation(data_dir), _listing(client))
    message = _error(client.post("/reports", files={"file": (name, data)}, headers=ADMIN),
                     422, "report_unreadable")
    assert name in message and "Traceback" not in message
    assert (current_generation(data_dir), _listing(client)) == before


def test_upload_errors(client: TestClient) -> None:
    _error(client.post("/reports", files={"file": ("a.txt", b"x")}), 401, "missing_api_key")
    headers = {"X-API-Key": WIDGET_KEY}
    _error(client.post("/reports", files={"file": ("a.txt", b"x")}, headers=headers), 403, "forbidden")
    _error(client.post("/reports", data={"report_id": "x"}, headers=ADMIN), 422, "invalid_request")
    _error(client.post("/reports", content=b"{}", headers={**ADMIN, "content-type": "application/json"}),
           422, "invalid_request")
    _error(client.post("/reports", files={"file": ("a.txt", b"Rapport")}, data={"report_id": "../x"},
                       headers=ADMIN), 422, "invalid_report_id")


def test_oversized_uploads_get_413_before_parsing(data_dir: Path, model_dir: Path, embedder: Any) -> None:
    before = current_generation(data_dir)
    big = make_docx(SMALL_REPORT) + b"\0" * 20_000
    with _client(data_dir, model_dir, embedder, max_upload_bytes=16_384) as c:
        message = _error(c.post("/reports", files={"file": ("stor.docx", big)}, headers=ADMIN),
                         413, "upload_too_large")
        assert "16 kB" in message

        def chunks() -> Iterator[bytes]:  # no Content-Length: the streamed bytes are counted
            boundary = b"--b0undary"
            yield boundary + b'\r\nContent-Disposition: form-data; name="file"; filename="s.txt"\r\n\r\n'
            for _ in range(40):
                yield b"Rapport 2023 " * 100
            yield b"\r\n" + boundary + b"--\r\n"

        resp = c.post("/reports", content=chunks(),
                      headers={**ADMIN, "content-type": "multipart/form-data; boundary=b0undary"})
        _error(resp, 413, "upload_too_large")  # counted by the route, below the outer limit
    assert current_generation(data_dir) == before


def test_one_writer_at_a_time(client: TestClient, data_dir: Path) -> None:
    files = {"file": ("ostra_kajen_2023.docx", make_docx(SMALL_REPORT))}
    with WriterLock(data_dir):
        resp = client.post("/reports", files=files, headers=ADMIN)
        _error(resp, 409, "index_busy")
        assert resp.headers["retry-after"]
        _error(client.delete("/reports/rapport_2022", headers=ADMIN), 409, "index_busy")
    assert set(_listing(client)) == {"rapport_2019", "rapport_2021", "rapport_2022"}


def test_delete_removes_a_report_but_never_the_last(client: TestClient, data_dir: Path) -> None:
    _error(client.delete("/reports/rapport_2022"), 401, "missing_api_key")
    _error(client.delete("/reports/finns_inte", headers=ADMIN), 404, "unknown_report")
    resp = client.delete("/reports/rapport_2022", headers=ADMIN)
    assert resp.status_code == 200, resp.text
    assert resp.json()["reports"] == ["rapport_2019", "rapport_2021"]
    assert resp.json()["generation"] == current_generation(data_dir)
    assert set(_listing(client)) == {"rapport_2019", "rapport_2021"}
    ask = client.post("/ask", json={"question": "Vad hände i projektet?", "report": "rapport_2022"})
    _error(ask, 404, "unknown_report")
    assert client.delete("/reports/rapport_2021", headers=ADMIN).status_code == 200
    _error(client.delete("/reports/rapport_2019", headers=ADMIN), 409, "last_report")
    assert set(_listing(client)) == {"rapport_2019"}


def test_cli_remove(data_dir: Path, model_dir: Path, embedder: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from api.cli import app

    monkeypatch.setenv("RAPPORT_DATA_DIR", str(data_dir))
    monkeypatch.setenv("RAPPORT_EMBED_MODEL", str(model_dir))
    monkeypatch.setattr("index.embedder.load_embedder", lambda _model: embedder)
    runner = CliRunner()
    result = runner.invoke(app, ["remove", "rapport_2022", "rapport_2021"])
    assert result.exit_code == 0, result.output
    assert "rapport_2021, rapport_2022 borttagna" in result.output
    result = runner.invoke(app, ["remove", "rapport_2019"])
    assert result.exit_code == 1 and "sista rapporten" in result.output
    result = runner.invoke(app, ["remove", "finns_inte"])
    assert result.exit_code == 1 and "finns inte i indexet" in result.output
    from index.generations import kept_generations

    assert len(kept_generations(data_dir)) == 2
