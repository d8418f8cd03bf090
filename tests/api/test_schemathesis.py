"""Schemathesis against ``/openapi.json`` of the real app over the real index: generated
requests to every public endpoint, valid and invalid ones, give no server error, and every
response (errors included) matches the schema: status codes, content types and bodies as
declared.

Examples are bounded per operation so the module takes well under two minutes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from api.config import Settings
from api.main import create_app

pytestmark = [pytest.mark.integration, pytest.mark.slow]

#: Admin endpoints (uploads) are fuzzed by their own tests; here: what the public calls.
PUBLIC = r"^/(ask|ask/stream|lessons|projects|projects/\{project\}|figures|feedback|health)$"
EXAMPLES = 25
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance,
          content_type_conformance]


@pytest.fixture(scope="module")
def app(corpus_index: Path, tmp_path_factory: pytest.TempPathFactory, model_dir: Path,
        embedder: Any) -> FastAPI:
    app_db = tmp_path_factory.mktemp("schemathesis") / "app.sqlite"
    return create_app(Settings(data_dir=corpus_index, embed_model=str(model_dir), app_db=app_db),
                      embedder=embedder)


@pytest.fixture(scope="module")
def api_schema(app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", app).include(path_regex=PUBLIC)


#: Every public operation, fuzzed one by one (a missing one fails its test).
OPERATIONS = [("POST", "/ask"), ("POST", "/ask/stream"), ("GET", "/lessons"), ("GET", "/projects"),
              ("GET", "/projects/{project}"), ("GET", "/figures"), ("POST", "/feedback"),
              ("GET", "/health")]


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_public_endpoints_conform_to_the_schema(app: FastAPI, api_schema: Any, method: str,
                                                path: str) -> None:
    operation = api_schema[path][method]
    before = _served(app, method, path)

    strategy = operation.as_strategy(GenerationMode.POSITIVE)
    if path != "/health":  # nothing to get wrong in a request without input
        strategy |= operation.as_strategy(GenerationMode.NEGATIVE)

    @given(case=strategy)
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        case.call_and_validate(checks=CHECKS)

    run()
    # /health takes no input, so it has one distinct case; the others many.
    assert _served(app, method, path) - before >= (1 if path == "/health" else 5), "nothing was sent"


def _served(app: FastAPI, method: str, route: str) -> int:
    """Requests the app counted for ``route`` (from its own metrics)."""
    pattern = re.compile(rf'^rapport_http_requests_total\{{method="{method}",route="{re.escape(route)}",'
                         r'status="\d+"\} (\d+)$', re.M)
    return sum(int(n) for n in pattern.findall(app.state.metrics.render()))


def test_only_admin_operations_are_left_out(app: FastAPI) -> None:
    full = schemathesis.openapi.from_asgi("/openapi.json", app)
    labels = {op.ok().label for op in full.get_all_operations()}
    assert labels - {f"{m} {p}" for m, p in OPERATIONS} <= {"GET /reports", "POST /reports",
                                                            "DELETE /reports/{report_id}"}
