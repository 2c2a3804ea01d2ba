"""The committed OpenAPI document is the one the app generates (regenerate with
``sala-central openapi --out desktop/sala/central/openapi.json``)."""

from __future__ import annotations

from sala.central.cli import OPENAPI_PATH, openapi_text


def test_committed_openapi_matches_app() -> None:
    assert OPENAPI_PATH.read_text(encoding="utf-8") == openapi_text(), (
        "openapi.json is stale: run sala-central openapi --out " + str(OPENAPI_PATH))


def test_openapi_documents_every_endpoint() -> None:
    import json
    paths = json.loads(OPENAPI_PATH.read_text(encoding="utf-8"))["paths"]
    assert {"/v1/hello", "/v1/devices/enroll", "/v1/batches", "/v1/blobs/{sha256}",
            "/v1/reconcile", "/v1/catalog"} <= set(paths)
    assert {"head", "put"} <= set(paths["/v1/blobs/{sha256}"])
