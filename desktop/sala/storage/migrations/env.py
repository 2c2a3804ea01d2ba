"""Alembic environment: always given an engine by sala.storage.migrate.

Foreign keys are switched off while migrations run, as SQLite's own guide to altering tables
says: batch mode rebuilds a table (copy, DROP, rename), and with foreign keys on the DROP of
``rating`` deletes every ``vote`` that points at it (ON DELETE CASCADE): upgrading to 0008 lost
every exhibition dot-vote. The pragma only takes effect outside a transaction, so it is set on
the driver's connection before Alembic begins one; afterwards ``foreign_key_check`` is logged
if it finds anything (never fatal: a user's database must still open), and the connection goes
back to the pool with foreign keys on.
"""

import logging

from alembic import context

from sala.storage.models import Base

engine = context.config.attributes["engine"]
with engine.connect() as connection:
    raw = connection.connection.driver_connection
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        connection = connection.execution_options(sala_write=True)
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            transaction_per_migration=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            logging.getLogger("sala.storage.migrate").warning("rows whose parent is missing after migrating: %s",
                                                             broken[:20])
    finally:
        raw.execute("PRAGMA foreign_keys=ON")
