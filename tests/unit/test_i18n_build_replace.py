"""Building translations never rewrites a .qm in place: a running Sala has it mapped in memory.

Seen in the lead's walk-through: `python -m sala.ui.i18n_build` while the app ran, then a menu
opened: segfault in libQt6Core (QTranslator reading a file rewritten under it)."""

from __future__ import annotations

import shutil

from sala.paths import i18n_dir
from sala.ui import i18n_build


def test_a_rebuilt_qm_is_a_new_file_and_the_old_one_stays_whole(tmp_path, monkeypatch):
    for lang in i18n_build.LANGS:
        shutil.copy(i18n_dir() / f"sala_{lang}.ts", tmp_path / f"sala_{lang}.ts")
    monkeypatch.setattr(i18n_build, "i18n_dir", lambda: tmp_path)
    first = i18n_build.build(force=True)
    assert [p.name for p in first] == ["sala_th.qm", "sala_en.qm"]
    qm = tmp_path / "sala_th.qm"
    with open(qm, "rb") as mapped:  # what a running app holds
        before = mapped.read()
        ts = tmp_path / "sala_th.ts"
        ts.write_text(ts.read_text(encoding="utf-8").replace("<translation>ตกลง</translation>",
                                                              "<translation>ตกลงแล้ว</translation>", 1),
                      encoding="utf-8")
        i18n_build.build(force=True)
        mapped.seek(0)
        assert mapped.read() == before, "the .qm a running app reads was rewritten under it"
    assert qm.read_bytes() != before  # the new translations, in a new file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sala_en.qm", "sala_en.ts", "sala_th.qm", "sala_th.ts"]
