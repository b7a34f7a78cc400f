"""Persistence: SQLAlchemy 2 async store for SQLite and PostgreSQL, migrated by Alembic."""

from bot.store.sql import SqlStore, open_store

__all__ = ["SqlStore", "open_store"]
