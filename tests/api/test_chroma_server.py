"""The whole app against a real Chroma server (``RAPPORT_CHROMA_URL``), answering exactly
as it does against the embedded store."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app

pytestmark = [pytest.mark.integration, pytest.mark.slow]

QUESTIONS = (
    "Vem är projektägare för Digilyftet?",
    "Vilka utmaningar hade projekten med att rekrytera deltagare?",
    "Hur många deltagare skrevs in i Språkstegen 3.0?",
)
EXTRA = """Rapport 2023 – Testplattformen

Projektstatus

Småprojektet

Projektfakta

Projektägare är Testförvaltningen och projektledare är Test Testsson.
"""


def _answers(
    data_dir: Path, chroma_url: str | None, tmp_path: Path, model_dir: Path, embedder: Any
) -> list[Any]:
    settings = Settings(
        data_dir=data_dir, embed_model=str(model_dir), app_db=tmp_path / "app.sqlite", chroma_url=chroma_url
    )
    with TestClient(create_app(settings, embedder=embedder)) as client:
        out = []
        for q in QUESTIONS:
            data = client.post("/ask", json={"question": q}).json()
            out.append((data["answer"], [(c["report"], c["start"], c["end"]) for c in data["citations"]]))
        return out


def test_server_mode_answers_like_the_embedded_store(
    corpus_index: Path, chroma_server: str, tmp_path: Path, model_dir: Path, embedder: Any
) -> None:
    from index.build import IndexBuilder
    from index.pipeline import prepare, token_counter

    # Both copies get one small extra report, so each builds a fresh generation (old
    # reports' vectors are reused) — one into embedded Chroma, one into the server.
    extra = tmp_path / "rapport_2023.txt"
    extra.write_text(EXTRA, encoding="utf-8")
    counter = token_counter(str(model_dir))
    dirs = {}
    for mode, url in (("embedded", None), ("server", chroma_server)):
        dirs[mode] = tmp_path / mode
        shutil.copytree(corpus_index, dirs[mode])
        result = IndexBuilder(dirs[mode], embedder, chroma_url=url).add_reports([prepare(extra, counter)])
        assert result.embedded <= 2  # only the extra report was embedded
    embedded = _answers(dirs["embedded"], None, tmp_path, model_dir, embedder)
    server = _answers(dirs["server"], chroma_server, tmp_path, model_dir, embedder)
    assert server == embedded
    assert all(citations for _, citations in server)
