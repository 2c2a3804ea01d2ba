"""The SQLAlchemy models and the Alembic migrations describe the same schema.

Alembic's env targets ``Base.metadata``, so a table whose model lives outside it (or a column a
migration forgot) would make autogenerate propose dropping or adding it. Checked by migrating
an empty database to head and comparing it with the models.
"""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from sala.storage import migrate
from sala.storage.models import Base

# What the migrations make on purpose outside the models: the FTS5 index for Thai search
# (migration 0002) and its shadow tables.
_NOT_MODELLED = ("contribution_fts",)


def _modelled(obj, name, type_, reflected, compare_to) -> bool:  # Alembic's hook
    return not (type_ == "table" and name is not None and name.startswith(_NOT_MODELLED))


def test_migrations_at_head_match_the_models(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"include_object": _modelled,
                                                         "compare_type": True})
            diff = compare_metadata(ctx, Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_the_comparison_sees_a_table_the_models_lack(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        migrate.upgrade(engine)
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE stray (id INTEGER PRIMARY KEY)")
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"include_object": _modelled})
            diff = compare_metadata(ctx, Base.metadata)
    finally:
        engine.dispose()
    assert [d[0] for d in diff] == ["remove_table"] and diff[0][1].name == "stray"
