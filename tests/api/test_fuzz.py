"""Schemathesis fuzzes every operation of the published OpenAPI document against a real service:
whatever it sends, the answer is never a 5xx and never a traceback."""

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.api.conftest import start

SCHEMA = schemathesis.openapi.from_path(Path(__file__).resolve().parents[2] / "shared" / "api" / "openapi.json")


@pytest.fixture(scope="module")
def live(checker, tmp_path_factory):
    svc, server = start(checker, tmp_path_factory.mktemp("fuzz"), pair_requests_per_minute=10_000)
    yield svc
    server.should_exit = True


@SCHEMA.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_never_get_a_server_error(case, live):
    response = case.call(base_url=live.base, headers=live.auth(), timeout=30)
    assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:200])
    assert "Traceback" not in response.text
