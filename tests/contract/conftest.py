"""The ``store`` fixture: a fresh, migrated database per test, on every configured backend.

SQLite always runs (a file under ``tmp_path``). PostgreSQL runs when ``JANJI_TEST_POSTGRES_URL``
points at a server (``.ci/start-postgres.sh`` prints one); each test gets its own database,
dropped afterwards.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import SqlStore, open_store
from tests.postgres import throwaway_database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A URL of an empty database of the parametrised backend."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'var' / 'janji.db'}"
        return
    async with throwaway_database("janji_test") as url:
        yield url


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[SqlStore]:
    opened = await open_store(database_url)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
async def second_store(store: SqlStore, database_url: str) -> AsyncIterator[SqlStore]:
    """Another engine (its own connections) on the same database, like a second process."""
    opened = await open_store(database_url)
    try:
        yield opened
    finally:
        await opened.close()
