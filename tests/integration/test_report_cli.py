"""``sala report`` and ``sala export`` as a user runs them: a real process, exit codes, messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sala.bootstrap import build_services
from sala.paths import AppPaths
from tests.reports_helpers import CONSENTING, rich_session

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_with_session(tmp_path) -> tuple[Path, str]:
    paths = AppPaths(tmp_path / "data", tmp_path / "data" / "logs").ensure()
    svc = build_services(paths)
    try:
        sid = rich_session(svc.db, paths.attachments).session_id
    finally:
        svc.close()
    return paths.database, sid


def sala(db: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop")}
    return subprocess.run([sys.executable, "-m", "sala", "--db", str(db), *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120, cwd=cwd)


def test_report_session_writes_a_pdf(db_with_session, tmp_path):
    db, sid = db_with_session
    out = tmp_path / "s.pdf"
    result = sala(db, "report", "session", sid, "--out", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF") and "Wrote a" in result.stdout
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, encoding="utf-8").stdout
    assert "Consultation session summary" in text and CONSENTING[0] not in text


def test_report_session_personal_data_on_request(db_with_session, tmp_path):
    db, sid = db_with_session
    out = tmp_path / "p.pdf"
    assert sala(db, "report", "session", sid, "--out", str(out), "--include-personal-data").returncode == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, encoding="utf-8").stdout
    assert CONSENTING[1] in text


def test_report_period_and_export(db_with_session, tmp_path):
    db, _ = db_with_session
    out = tmp_path / "p.pdf"
    result = sala(db, "report", "period", "--fiscal-year", "2569", "--province", "CMI", "--kind", "minitalk",
                  "--out", str(out))
    assert result.returncode == 0, result.stderr
    xlsx = tmp_path / "c.xlsx"
    result = sala(db, "export", "contributions", "--out", str(xlsx), "--fiscal-year", "2569")
    assert result.returncode == 0, result.stderr
    assert "6 แถว" in result.stdout and xlsx.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("args, th, en", [
    (["report", "session", "no-such-id", "--out", "{tmp}/x.pdf"], "ไม่พบเวที", "not found"),
    (["report", "period", "--fiscal-year", "2026", "--out", "{tmp}/x.pdf"], "ปี พ.ศ.", "Buddhist Era"),
    (["report", "period", "--fiscal-year", "2569", "--province", "Atlantis", "--out", "{tmp}/x.pdf"],
     "ไม่รู้จักจังหวัด", "Unknown province"),
    (["report", "period", "--fiscal-year", "2569", "--topic", "nothing", "--out", "{tmp}/x.pdf"],
     "ไม่พบประเด็น", "Unknown topic"),
    (["report", "period", "--fiscal-year", "2569", "--out", "{tmp}/missing-folder/x.pdf"],
     "ไม่พบโฟลเดอร์", "does not exist"),
    (["report", "period", "--fiscal-year", "2569", "--out", "/dev/full"], "ดิสก์เต็ม", "disk is full"),
    (["export", "sessions", "--out", "/dev/full"], "ดิสก์เต็ม", "disk is full"),
])
def test_bad_input_exits_non_zero_with_thai_and_english(db_with_session, tmp_path, args, th, en):
    if "/dev/full" in args and not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    db, _ = db_with_session
    result = sala(db, *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.returncode == 2
    assert th in result.stderr and en in result.stderr
    assert "Traceback" not in result.stderr


def test_default_file_names_are_thai_with_the_buddhist_era_date(db_with_session, tmp_path):
    db, sid = db_with_session
    here = tmp_path / "here"
    here.mkdir()
    result = sala(db, "report", "session", sid, "--agency", "สำนักงานจังหวัดเชียงใหม่", cwd=here)
    assert result.returncode == 0, result.stderr
    name = "สรุปผลเวที เวทีรับฟังความคิดเห็นเรื่องฝุ่นควัน 14 มี.ค. 2569.pdf"  # session of 2026-03-14
    assert [p.name for p in here.iterdir()] == [name]
    assert "สำนักงานจังหวัดเชียงใหม่" in subprocess.run(["pdftotext", str(here / name), "-"], capture_output=True,
                                                        text=True, encoding="utf-8").stdout
    folder = tmp_path / "reports"
    folder.mkdir()
    result = sala(db, "report", "period", "--fiscal-year", "2569", "--province", "CMI", "--out", str(folder))
    assert result.returncode == 0, result.stderr
    assert (folder / "รายงาน ปีงบประมาณ 2569 เชียงใหม่.pdf").read_bytes().startswith(b"%PDF")
