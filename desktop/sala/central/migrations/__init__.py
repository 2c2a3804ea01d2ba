"""Alembic migrations of the central ledger, run programmatically by ``sala.central.db``."""
