"""Fixtures that start real servers (see ``servers.py``).

- ``pg_cluster`` (session): a PostgreSQL cluster from the installed binaries; skipped when
  they are missing, except under ``CI`` where that is a failure.
- ``central_db`` (parametrized ``sqlite`` / ``postgres``): a fresh, empty database URL.
- ``central_factory``: ``start(**opts)`` → a running :class:`CentralServer` on ``central_db``
  (``extra_args=[...]`` passes CLI options such as ``--max-records``); all stopped at teardown.
- ``central``: one running server with default options on ``central_db``.
- ``central_sqlite``: a running server on SQLite only (for tests that need any server).
- ``enrolled``: ``enrolled(server, device_id=None)`` → an enrolled :class:`Device`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from sala.domain.ids import new_id
from tests.integration.servers import CentralServer, Device, PostgresCluster, PostgresMissing


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    root = Path(tempfile.mkdtemp(prefix="sala-pg-"))
    cluster = PostgresCluster(root)  # mkdtemp's own dir: chowned to postgres when root
    try:
        try:
            cluster.start()
        except PostgresMissing as exc:
            if os.environ.get("CI"):
                pytest.fail(f"CI must run the PostgreSQL tests: {exc}")
            pytest.skip(str(exc))
        yield cluster
    finally:
        cluster.stop()
        import shutil
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def central_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.sqlite3'}"
    cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
    return cluster.create_database()


def _factory(db_url: str, tmp_path: Path) -> Iterator[Callable[..., CentralServer]]:
    started: list[CentralServer] = []

    def start(extra_args: list[str] | None = None, port: int = 0) -> CentralServer:
        server = CentralServer(db_url, tmp_path / "blobs", list(extra_args or []), port=port)
        started.append(server)
        return server.start()

    try:
        yield start
    finally:
        for server in started:
            server.stop()


@pytest.fixture
def central_factory(central_db: str, tmp_path: Path) -> Iterator[Callable[..., CentralServer]]:
    yield from _factory(central_db, tmp_path)


@pytest.fixture
def central(central_factory: Callable[..., CentralServer]) -> CentralServer:
    return central_factory()


@pytest.fixture
def central_sqlite(tmp_path: Path) -> Iterator[CentralServer]:
    for start in _factory(f"sqlite:///{tmp_path / 'central.sqlite3'}", tmp_path):
        yield start()


def enroll_request(server: CentralServer, dev: Device, code: str, **over: object) -> dict:
    """A valid enrollment body for ``dev``: a fresh challenge of ``server`` signed with the
    device's key (``over`` replaces fields, e.g. to forge one)."""
    from sala.wire.enroll import PATH_CHALLENGE, sign_challenge
    ch = httpx.post(server.url + PATH_CHALLENGE).json()
    sig = sign_challenge(dev.key, challenge=ch["challenge"],  # type: ignore[arg-type]
                         server_id=ch["server_id"], device_id=dev.device_id)
    return {"code": code, "device_id": dev.device_id, "name": "เครื่องทดสอบ",
            "public_key": dev.public_key, "challenge": ch["challenge"], "signature": sig,
            **over}


def enroll(server: CentralServer, device_id: str | None = None, code: str | None = None,
           device: Device | None = None) -> Device:
    dev = device or Device(device_id or f"dev-{new_id()[-12:]}")
    code = code or server.mint_codes(1)[0]
    r = httpx.post(server.url + "/v1/devices/enroll", json=enroll_request(server, dev, code))
    assert r.status_code == 200, r.text
    dev.token = r.json()["token"]
    return dev


@pytest.fixture
def enrolled() -> Callable[..., Device]:
    return enroll
