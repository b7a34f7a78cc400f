"""Alembic environment for janji.

``bot.store.open_store`` runs migrations programmatically and hands over its own connection in
``config.attributes["connection"]`` (one transaction; logging left alone). From the command line
the database comes from ``DATABASE_URL`` (or ``sqlalchemy.url``), default ``var/janji.db``.
"""

from __future__ import annotations

import asyncio
import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection

from bot.store.tables import metadata

config = context.config
target_metadata = metadata


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # ALTER TABLE for SQLite
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _database_url() -> str:
    return (
        os.environ.get("DATABASE_URL")
        or config.get_main_option("sqlalchemy.url")
        or "sqlite+aiosqlite:///var/janji.db"
    )


async def _run_from_url() -> None:
    from bot.store.sql import create_engine

    engine = create_engine(_database_url())
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_configure_and_run)
    finally:
        await engine.dispose()


def run_offline() -> None:
    context.configure(url=_database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


given = config.attributes.get("connection")
if given is not None:
    _configure_and_run(given)
elif context.is_offline_mode():
    run_offline()
else:
    if config.config_file_name is not None:
        fileConfig(config.config_file_name)
    asyncio.run(_run_from_url())
