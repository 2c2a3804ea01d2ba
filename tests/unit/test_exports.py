"""Exports: CSV with a BOM that round-trips Thai, XLSX read back, no personal data by default,
formula-looking text neutralised, nothing half-written on failure, filters applied."""

from __future__ import annotations

import csv
import errno
from datetime import date

import pytest

from sala.domain.errors import SalaError, ValidationError
from sala.reports import exports
from sala.reports.exports import export
from sala.reports.filters import parse_filter
from sala.services.demo import generate
from tests.reports_helpers import CONSENTING, LONG_COMMENT, MARKS_COMMENT, NOT_CONSENTING, rich_session


@pytest.fixture
def rich(services):
    return rich_session(services.db, services.paths.attachments)


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_contributions_round_trip_thai(services, rich, tmp_path):
    path = tmp_path / "c.csv"
    assert export(services.db, "contributions", "csv", path) == 6
    rows = read_csv(path)
    assert rows[0][0] == "รหัสความคิดเห็น" and "ข้อความ" in rows[0]
    texts = [r[rows[0].index("ข้อความ")] for r in rows[1:]]
    assert LONG_COMMENT in texts and MARKS_COMMENT in texts  # tone marks and all, byte for byte
    assert {r[rows[0].index("วันที่เวที")] for r in rows[1:]} == {"2026-03-14"}


def test_xlsx_reads_back_with_openpyxl(services, rich, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "c.xlsx"
    export(services.db, "contributions", "xlsx", path, lang="en")
    ws = load_workbook(path, read_only=True).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0][0] == "contribution_id" and len(rows) == 7
    assert LONG_COMMENT in [r[rows[0].index("text")] for r in rows[1:]]
    assert "Opinion" in [r[rows[0].index("type")] for r in rows[1:]]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_participants_have_no_personal_data_by_default(services, rich, tmp_path, fmt):
    path = tmp_path / f"p.{fmt}"
    export(services.db, "participants", fmt, path)
    blob = path.read_bytes() if fmt == "csv" else _xlsx_text(path).encode()
    for secret in (*CONSENTING, *NOT_CONSENTING):
        assert secret.encode() not in blob


def test_personal_data_only_when_asked_and_only_with_consent(services, rich, tmp_path):
    path = tmp_path / "p.csv"
    export(services.db, "participants", "csv", path, include_personal_data=True)
    rows = read_csv(path)
    by_code = {r[rows[0].index("รหัส")]: r for r in rows[1:]}
    assert by_code["P01"][-3:] == list(CONSENTING)
    assert by_code["P02"][-3:] == ["", "", ""]  # declined: contact row exists, never exported


def _xlsx_text(path) -> str:
    from openpyxl import load_workbook

    ws = load_workbook(path, read_only=True).active
    return "\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None)


def test_formula_looking_text_is_neutralised(services, rich, tmp_path):
    from openpyxl import load_workbook
    from sqlalchemy import update

    from sala.storage.models import Contribution

    with services.db.write() as s:
        s.execute(update(Contribution).where(Contribution.id == rich.contribution_ids[0])
                  .values(text='=HYPERLINK("http://x","กดที่นี่")'))
    export(services.db, "contributions", "csv", tmp_path / "c.csv")
    rows = read_csv(tmp_path / "c.csv")
    assert '\'=HYPERLINK("http://x","กดที่นี่")' in [r[rows[0].index("ข้อความ")] for r in rows[1:]]
    export(services.db, "contributions", "xlsx", tmp_path / "c.xlsx")
    values = [c for row in load_workbook(tmp_path / "c.xlsx").active.iter_rows(values_only=True) for c in row]
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)


def test_filters_select_sessions(services, tmp_path):
    att = services.paths.attachments
    rich_session(services.db, att, day=date(2025, 9, 30))  # fiscal year 2568
    rich_session(services.db, att, day=date(2025, 10, 1), province="LPG")  # 2569
    rich_session(services.db, att, day=date(2026, 9, 30))  # 2569
    path = tmp_path / "s.csv"
    assert export(services.db, "sessions", "csv", path, parse_filter(services.db, fiscal_year=2569)) == 2
    lampang = parse_filter(services.db, fiscal_year=2569, province="LPG")
    assert export(services.db, "sessions", "csv", path, lampang) == 1
    rows = read_csv(path)
    assert rows[1][rows[0].index("จังหวัด")] == "ลำปาง" and rows[1][rows[0].index("ผู้ลงทะเบียนรหัส")] == "2"
    assert rows[1][rows[0].index("ผู้แสดงความเห็น")] == "2"  # P01 and P02 spoke
    assert rows[1][rows[0].index("เริ่มจริง")] == "2025-10-01T09:00:00+07:00"  # local time, not 02:00 UTC
    assert rows[1][rows[0].index("เริ่มตามกำหนดการ")] == ""  # no plan recorded: not filled from the actual


def test_streams_in_chunks(services, tmp_path, monkeypatch):
    """Rows are fetched ``chunk`` at a time (yield_per), never all at once."""
    generate(services.db, 3, seed=1, contributions_per_session=40)
    seen: list[int] = []
    real = exports.rows

    def spy(*a, **kw):
        header, total, it = real(*a, **kw)
        seen.append(kw["chunk"])
        return header, total, it

    monkeypatch.setattr(exports, "rows", spy)
    n = export(services.db, "contributions", "csv", tmp_path / "c.csv", chunk=7)
    assert seen == [7] and n == len(read_csv(tmp_path / "c.csv")) - 1 >= 40


def test_disk_full_leaves_no_file(services, rich, tmp_path, monkeypatch):
    def full(*_a, **_kw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exports, "_write_csv", full)
    target = tmp_path / "c.csv"
    with pytest.raises(SalaError) as info:
        export(services.db, "contributions", "csv", target)
    assert "ดิสก์เต็ม" in info.value.th and "disk is full" in info.value.en
    assert list(tmp_path.glob("*c.csv*")) == []  # neither the target nor a .part left behind


def test_bad_dataset_and_format(services, tmp_path):
    with pytest.raises(ValidationError):
        export(services.db, "people", "csv", tmp_path / "x.csv")
    with pytest.raises(ValidationError):
        export(services.db, "sessions", "ods", tmp_path / "x.ods")


@pytest.mark.parametrize("value", ["2026", "abc", "3000"])
def test_fiscal_year_must_be_buddhist_era(services, value):
    with pytest.raises(ValidationError) as info:
        parse_filter(services.db, fiscal_year=value)
    assert info.value.th and info.value.en
