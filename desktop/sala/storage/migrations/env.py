"""Alembic environment: always given an engine by sala.storage.migrate."""

from alembic import context

from sala.storage.models import Base

engine = context.config.attributes["engine"]
with engine.connect().execution_options(sala_write=True) as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()
