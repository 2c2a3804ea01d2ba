"""Property-based fuzzing (Hypothesis) of the USB bundle importer: whatever the index, the
members or the bytes of the file, ``import_bundle`` either imports or answers with a bilingual
:class:`SalaError` — never another exception — and a refused bundle leaves nothing behind.

CI runs a few cases per property (``SALA_FUZZ_EXAMPLES``, default 20); ``make fuzz`` runs many.
"""

from __future__ import annotations

import os
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sala.domain.errors import SalaError
from tests.integration.bundle_forge import forge, nothing_kept
from tests.integration.sync_helpers import laptop

EXAMPLES = int(os.environ.get("SALA_FUZZ_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                    | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
INDEX_KEYS = ["format", "version", "device_id", "device_name", "public_key", "created_at",
              "batches", "blobs"]
BATCH_KEYS = ["batch_id", "device_id", "records", "first_seq", "last_seq", "signature",
              "public_key", "file", "size", "sha256", "seal"]


@pytest.fixture(scope="module")
def boss(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    svc = laptop(tmp_path_factory.mktemp("fuzz-bundle"), "supervisor")
    yield svc
    svc.close()


def _check(svc: Any, path: Path) -> None:
    try:
        svc.sync.import_bundle(path)
    except SalaError as exc:
        assert exc.th and exc.en
        assert nothing_kept(svc)
    else:                                                  # imported: forget it for the next case
        _forget(svc)


def _forget(svc: Any) -> None:
    from sqlalchemy import delete

    from sala.storage.models import BlobUpload, Device, SyncBatch, SyncRun
    with svc.db.write() as s:
        for table in (SyncBatch, BlobUpload, SyncRun):
            s.execute(delete(table))
        s.execute(delete(Device).where(Device.is_local.is_(False)))
    for p in sorted(svc.paths.attachments.rglob("*"), reverse=True):
        p.unlink() if p.is_file() else p.rmdir()


@FUZZ
@given(field=st.sampled_from(INDEX_KEYS), value=JSON)
def test_any_index_field_value(boss: Any, tmp_path: Path, field: str, value: Any) -> None:
    path = forge(tmp_path / "f.sala", photos=[b"photo bytes"], edit=lambda ix: ix.update({field: value}))
    _check(boss, path)


@FUZZ
@given(field=st.sampled_from(BATCH_KEYS), value=JSON)
def test_any_batch_field_value(boss: Any, tmp_path: Path, field: str, value: Any) -> None:
    path = forge(tmp_path / "b.sala", photos=[b"photo bytes"],
                 edit=lambda ix: ix["batches"][0].update({field: value}))
    _check(boss, path)


@FUZZ
@given(doc=JSON)
def test_any_index_document(boss: Any, tmp_path: Path, doc: Any) -> None:
    path = forge(tmp_path / "d.sala", photos=[b"photo bytes"], edit=lambda ix: doc)
    _check(boss, path)


@FUZZ
@given(data=st.binary(max_size=4096), cut=st.integers(min_value=0, max_value=1 << 16),
       flip=st.integers(min_value=0, max_value=1 << 16))
def test_any_bytes_and_damaged_bundles(boss: Any, tmp_path: Path, data: bytes, cut: int,
                                       flip: int) -> None:
    raw = tmp_path / "raw.sala"
    raw.write_bytes(data)
    _check(boss, raw)
    good = forge(tmp_path / "g.sala", photos=[b"photo bytes" * 30], batches=2).read_bytes()
    bad = bytearray(good[: max(1, cut % (len(good) + 1))])
    if bad:
        bad[flip % len(bad)] ^= 0x5A
    raw.write_bytes(bytes(bad))
    _check(boss, raw)


@FUZZ
@given(name=st.sampled_from(["batches/x.gz", "blobs/" + "0" * 64, "index.json", "../evil"]),
       data=st.binary(max_size=2048), deflate=st.booleans())
def test_any_extra_member(boss: Any, tmp_path: Path, name: str, data: bytes, deflate: bool) -> None:
    """Includes a second ``index.json`` (zipfile reads the last one of a name): refused."""
    kind = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)        # "Duplicate name" is the attack
        path = forge(tmp_path / "m.sala", extra=lambda zf: zf.writestr(name, data, compress_type=kind))
    _check(boss, path)
