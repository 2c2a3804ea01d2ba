"""Helpers for the client sync tests: a local Sala database with a filled outbox, and the
server's ledger counted straight from its database (the ground truth for "nothing lost,
nothing duplicated")."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import create_engine, text

from sala.bootstrap import Services, build_services
from sala.paths import AppPaths
from sala.sync import outbox
from sala.sync.run_report import RetryPolicy

THAI = "อยากให้เทศบาลแจ้งเตือนค่าฝุ่น PM2.5 ล่วงหน้า และจัดจุดแจกหน้ากากให้เด็กกับผู้สูงอายุ"

#: Tests never sleep for real backoff: tiny delays, patient enough to ride out a restart.
FAST = RetryPolicy(base=0.02, cap=0.2, network_attempts=60, busy_attempts=60, max_wait=5.0)


def laptop(root: Path, name: str = "laptop") -> Services:
    return build_services(AppPaths(root / name, root / name / "logs").ensure())


def fill(services: Services, n: int, *, text_: str = THAI, photos: list[bytes] | None = None,
         start: int = 0) -> list[str]:
    """Queue ``n`` synthetic contributions (plus one attachment record per photo, whose blob
    is stored in the attachments folder); returns the record ids."""
    items = [("contribution", None, {"text": f"{text_} #{start + i}", "kind": "idea",
                                     "stance": "support"}, [], None) for i in range(n)]
    for data in photos or []:
        sha = hashlib.sha256(data).hexdigest()
        path = services.paths.attachments / sha[:2] / sha
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        items.append(("attachment", None, {"sha256": sha, "media_type": "image/jpeg",
                                           "size": len(data)}, [sha], None))
    with services.db.write() as s:
        outbox.enqueue(s, services.db.device_id, items)  # type: ignore[arg-type]
        from sqlalchemy import select

        from sala.storage.models import OutboxEntry
        return list(s.scalars(select(OutboxEntry.record_id).order_by(OutboxEntry.seq.desc())
                              .limit(len(items))))


def enroll(services: Services, server) -> None:  # CentralServer
    services.sync.enroll(server.url, server.mint_codes(1)[0])


def ledger(server) -> dict[str, int]:
    """Rows in the server's ledger: total, distinct ids, per device."""
    eng = create_engine(server.db_url)
    try:
        with eng.connect() as c:
            total = c.execute(text("select count(*) from records")).scalar_one()
            distinct = c.execute(text("select count(distinct id) from records")).scalar_one()
            per = dict(c.execute(text("select device_id, count(*) from records group by device_id")).all())
    finally:
        eng.dispose()
    return {"total": total, "distinct": distinct, **per}


def states(services: Services) -> dict[str, int]:
    from sala.sync.batch_store import outbox_counts
    with services.db.read() as s:
        return outbox_counts(s)


def point_at(services: Services, url: str) -> None:
    """Send this laptop's traffic through ``url`` (a proxy or fault front)."""
    from sala.sync import identity
    with services.db.write() as s:
        identity.URL.put(s, url)


def assert_exactly_once(server, services_list: list[Services]) -> None:
    """Every outbox record of every laptop is on the server exactly once."""
    led = ledger(server)
    assert led["total"] == led["distinct"]
    expected = 0
    for svc in services_list:
        from sqlalchemy import select

        from sala.storage.models import OutboxEntry
        with svc.db.read() as s:
            expected += len(list(s.scalars(select(OutboxEntry.record_id).where(
                OutboxEntry.state.in_(("accepted", "duplicate"))))))
        assert states(svc)["pending"] == 0
    assert led["total"] == expected
