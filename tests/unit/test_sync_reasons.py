"""Refusal reasons and batch results in plain words (issue 10: the sync history shows no HTTP codes)."""

from __future__ import annotations


def test_refusal_reasons_are_plain_words():
    """The reasons stored with refused records (wire codes, HTTP statuses) read as plain words."""
    from sala.sync.run_report import batch_text, reason_text

    assert reason_text("seq_taken: seq 7 is taken", "th").startswith("ลำดับรายการชนกับ")
    assert reason_text("http_413: body too large", "en") == "Too large for the central platform"
    assert "413" not in reason_text("http_413: body too large", "th")
    assert reason_text("something_new: x", "en").startswith("Refused by the central platform")
    assert batch_text({"status": 200, "counts": {"accepted": 3, "duplicate": 1, "conflict": 0}}, "en") == \
        "Received by the central platform 3 · Already on the central platform (not counted twice) 1"
    assert batch_text({"status": 422, "error": "malformed"}, "th") == "รูปแบบข้อมูลไม่ถูกต้อง"
