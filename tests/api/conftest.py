"""Fixtures for the API tests: a fake answering service and a test client over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_fakes import FakeService, fake_app
from fastapi.testclient import TestClient


@pytest.fixture
def service() -> FakeService:
    return FakeService()


@pytest.fixture
def client(tmp_path: Path, service: FakeService) -> Iterator[TestClient]:
    # No ``with``: the lifespan (model and index loading) is not needed with a fake service.
    yield TestClient(fake_app(tmp_path, service, stream_keepalive_seconds=0.05))
