"""Schemathesis against both OpenAPI documents on `make serve` (real data, rate limit off): a few
hundred generated requests each, with every check — no 5xx, every status code and content type
documented, every body valid against its schema, invalid input refused and valid input accepted,
405 for undeclared methods. A fixed seed keeps CI repeatable; `make fuzz` runs the long campaign
with fresh seeds."""

import pytest

from tests.conformance.run import DOCUMENTS, run
from tests.serving.live import HTTP_PORT, start_server

PORT = HTTP_PORT + 1000


@pytest.fixture(scope="module")
def server():
    served = start_server(port=PORT, env={"GEOMEKONG_RATE_LIMIT": "off"}, name="schemathesis")
    yield served
    served.stop()


@pytest.mark.parametrize(("name", "schema", "base"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_the_server_does_what_its_openapi_document_says(server, name, schema, base):
    result = run(PORT, schema=schema, base=base, name=name, max_examples=25,
                 phases="examples,fuzzing,stateful", seed=20261203, timeout=300)
    assert result.cases >= 100, result.output[-3000:]
    assert result.passed, f"{name}: {result.failures} failures\n{result.output[-12000:]}"
