"""``sala-central`` given bad values answers with one clear line and a non-zero exit, never a
traceback (the real command, as a subprocess)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.integration.servers import REPO, _child_env, central_cmd


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*central_cmd(), *args], capture_output=True, text=True, cwd=REPO,
                          env=_child_env(), timeout=120)


def assert_refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and done.stdout == ""
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("sala-central"), done.stderr
    for word in words:
        assert word in last, last


@pytest.mark.parametrize(("args", "words"), [
    (["enroll-code", "--count", "0"], ["--count", "between 1 and 1000"]),
    (["enroll-code", "--count", "many"], ["--count", "whole number"]),
    (["enroll-code", "--ttl-hours", "nan"], ["--ttl-hours"]),
    (["enroll-code", "--ttl-hours", "inf"], ["--ttl-hours"]),
    (["enroll-code", "--ttl-hours", "-3"], ["--ttl-hours"]),
    (["serve", "--port", "99999"], ["--port", "65535"]),
    (["serve", "--body-timeout", "0"], ["--body-timeout"]),
])
def test_bad_values(tmp_path: Path, args: list[str], words: list[str]) -> None:
    assert_refused(run(*args, "--db", str(tmp_path / "c.sqlite3")), *words)


def test_migrate_on_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "notes.sqlite3"
    junk.write_bytes(b"minutes of the Lampang haze meeting\n" * 100)
    assert_refused(run("migrate", "--db", str(junk)), "cannot use the database",
                   "not a database")
    assert junk.read_bytes().startswith(b"minutes")          # left as it was
    assert_refused(run("migrate", "--db", str(tmp_path / "no" / "dir" / "c.sqlite3")),
                   "cannot use the database")
    assert_refused(run("serve", "--db", str(junk)), "not a database")


def test_postgres_url_password_is_not_printed(tmp_path: Path) -> None:
    done = run("migrate", "--db", "postgresql+psycopg://sala:s3cret@127.0.0.1:1/none")
    assert_refused(done, "cannot use the database")
    assert "s3cret" not in done.stderr


@pytest.mark.parametrize(("content", "words"), [
    ('{"topics": [', ["not a UTF-8 JSON catalogue"]),
    ('{"topics": 5}', ["topics must be a list"]),
    ('{"people": []}', ["expected"]),
    ('[1, 2]', ["expected"]),
    ('{"topics": [{"th": "no id"}]}', ["needs a string id"]),
    ('{"topics": [{"id": "nan", "x": NaN}]}', ["catalogue refused"]),
])
def test_bad_catalogue_files(tmp_path: Path, content: str, words: list[str]) -> None:
    f = tmp_path / "catalog.json"
    f.write_text(content, encoding="utf-8")
    assert_refused(run("catalog-import", str(f), "--db", str(tmp_path / "c.sqlite3")), *words)


def test_missing_and_binary_catalogue_files(tmp_path: Path) -> None:
    db = str(tmp_path / "c.sqlite3")
    assert_refused(run("catalog-import", str(tmp_path / "absent.json"), "--db", db),
                   "cannot read")
    blob = tmp_path / "photo.json"
    blob.write_bytes(b"\xff\xd8\xff\xe0 not json")
    assert_refused(run("catalog-import", str(blob), "--db", db), "not a UTF-8 JSON")
