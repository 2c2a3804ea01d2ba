"""Alembic migrations, run programmatically at start (no alembic.ini needed).

Alembic itself is imported only when a migration is due: knowing the head revision needs no
more than reading the revision files' ids, which keeps it off the start-up path.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REV = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


@cache
def head_revision() -> str:
    """The newest revision: the one no other revision names as its parent."""
    revs, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev, down = _REV.search(text), _DOWN.search(text)
        if rev:
            revs.add(rev.group(1))
        if down and down.group(1):
            parents.add(down.group(1))
    heads = revs - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


@cache
def known_revisions() -> frozenset[str]:
    """Every released revision this Sala can open (and upgrade from)."""
    found = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        rev = _REV.search(path.read_text(encoding="utf-8"))
        if rev:
            found.add(rev.group(1))
    return frozenset(found)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        except Exception as exc:  # no table yet: an empty database
            if isinstance(getattr(exc, "orig", None), sqlite3.OperationalError):
                return None
            raise


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision``, then move the pages written into the file and empty the
    write-ahead log: a migration that drops or rewrites data (0013 zeroes the old audit table)
    must not leave the earlier copies of those pages in the ``-wal`` file."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
