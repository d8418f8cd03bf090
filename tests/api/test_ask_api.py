"""``/ask``, ``/health``, ``/projects``, ``/figures``, ``/lessons`` on the real app over the
real index: response models, the canonical error shape for every bad input, persistence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from api.schemas import AskResponse

pytestmark = pytest.mark.integration


def _app(data_dir: Path, tmp_path: Path, model_dir: Path, embedder: Any) -> TestClient:
    settings = Settings(data_dir=data_dir, embed_model=str(model_dir), app_db=tmp_path / "app.sqlite")
    return TestClient(create_app(settings, embedder=embedder))


@pytest.fixture(scope="module")
def client(
    corpus_index: Path, tmp_path_factory: pytest.TempPathFactory, model_dir: Path, embedder: Any
) -> Iterator[TestClient]:
    with _app(corpus_index, tmp_path_factory.mktemp("app"), model_dir, embedder) as c:
        yield c


def assert_error(resp: Any, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "request_id"}
    assert body["error"]["code"] == code
    message = body["error"]["message"]
    assert message and re.search(r"[åäöÅÄÖ]|\b(är|inte|för|finns)\b", message), message
    assert "Traceback" not in message and "/" not in message.replace("/ask", "")


def test_ask_returns_the_documented_shape(client: TestClient) -> None:
    resp = client.post("/ask", json={"question": "Vem är projektägare för Digilyftet?"})
    assert resp.status_code == 200
    data = AskResponse.model_validate(resp.json())
    assert data.answerable and data.citations and data.answer_id.startswith("a-")
    assert data.conversation_id
    top = data.citations[0]
    assert top.report == "rapport_2021" and top.quote in top.text
    assert len(top.text) <= 1500


def test_report_filter_and_unknown_report(client: TestClient) -> None:
    resp = client.post("/ask", json={"question": "Vilka framgångsfaktorer nämns?", "report": "rapport_2022"})
    assert resp.status_code == 200
    cits = resp.json()["citations"] or resp.json()["suggestions"]
    assert cits and {c["report"] for c in cits} == {"rapport_2022"}
    assert_error(
        client.post("/ask", json={"question": "Hej?", "report": "finns_inte"}), 404, "unknown_report"
    )


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"question": ""}, "question_empty"),
        ({"question": "   \n\t "}, "question_empty"),
        ({"question": "x" * 2001}, "question_too_long"),
        ({"question": 42}, "invalid_request"),
        ({"question": "Hej?", "okänt": 1}, "invalid_request"),
        ({}, "invalid_request"),
        ([], "invalid_json"),
    ],
)
def test_bad_bodies_get_422_in_the_error_shape(client: TestClient, body: Any, code: str) -> None:
    assert_error(client.post("/ask", json=body), 422, code)


def test_non_json_and_binary_bodies(client: TestClient) -> None:
    headers = {"content-type": "application/json"}
    assert_error(client.post("/ask", content=b"not json", headers=headers), 422, "invalid_json")
    assert_error(client.post("/ask", content=bytes(range(256)), headers=headers), 422, "invalid_json")


def test_oversized_body_is_413_with_and_without_content_length(client: TestClient) -> None:
    big = b'{"question": "' + b"a" * (1024 * 1024) + b'"}'
    assert_error(
        client.post("/ask", content=big, headers={"content-type": "application/json"}),
        413,
        "payload_too_large",
    )

    def chunks() -> Iterator[bytes]:
        for i in range(0, len(big), 65536):
            yield big[i : i + 65536]

    assert_error(
        client.post("/ask", content=chunks(), headers={"content-type": "application/json"}),
        413,
        "payload_too_large",
    )


def test_unknown_route_and_method(client: TestClient) -> None:
    assert_error(client.get("/finns-inte"), 404, "not_found")
    assert_error(client.get("/ask"), 405, "method_not_allowed")


def test_health_lists_reports(client: TestClient) -> None:
    data = client.get("/health").json()
    assert data["status"] == "ok" and data["model"].startswith("multilingual-e5-small")
    assert {r["id"]: r["year"] for r in data["reports"]} == {
        "rapport_2019": 2019,
        "rapport_2021": 2021,
        "rapport_2022": 2022,
    }
    assert all(r["chunks"] > 0 for r in data["reports"])


def test_projects_and_figures_carry_provenance(client: TestClient) -> None:
    projects = client.get("/projects").json()["projects"]
    digi = next(p for p in projects if p["name"] == "Digilyftet")
    src = digi["sources"]["total_budget"]
    assert digi["total_budget"] == src["value"] and str(src["value"])[:1] in src["text"].replace(" ", "")
    one = client.get(f"/projects/{digi['id']}").json()
    assert one["name"] == "Digilyftet" and one["history"]
    assert_error(client.get("/projects/finns-inte"), 404, "not_found")
    figures = client.get("/figures", params={"project": "Kompetensbron"}).json()["figures"]
    assert figures and all(f["project"] == "Kompetensbron" and f["sentence"] for f in figures)


def test_lessons_are_grouped_by_project(client: TestClient) -> None:
    data = client.get("/lessons", params={"q": "rekrytera deltagare", "type": "challenge"}).json()
    groups = data["groups"]
    assert len(groups) >= 3 and len({g["project"] for g in groups}) == len(groups)
    for g in groups:
        for lesson in g["lessons"]:
            assert lesson["type"] == "challenges" and lesson["text"] in lesson["citation"]["text"]
    assert_error(client.get("/lessons", params={"q": "x", "type": "fel"}), 422, "invalid_request")


def test_no_index_is_503(tmp_path: Path, model_dir: Path, embedder: Any) -> None:
    with _app(tmp_path / "empty", tmp_path, model_dir, embedder) as c:
        assert_error(c.get("/health"), 503, "index_unavailable")
        assert_error(c.post("/ask", json={"question": "Hej?"}), 503, "index_unavailable")


def test_restarted_app_answers_identically(
    corpus_index: Path, tmp_path: Path, model_dir: Path, embedder: Any, client: TestClient
) -> None:
    question = {"question": "Hur många deltagare skrevs in i Språkstegen 3.0?"}
    first = client.post("/ask", json=question).json()
    with _app(corpus_index, tmp_path, model_dir, embedder) as again:
        second = again.post("/ask", json=question).json()
    for key in ("answer", "answerable", "citations", "figures"):
        assert first[key] == second[key]
