"""The ``store`` fixture: a fresh, migrated database per test, on every configured backend.

SQLite always runs (a file under ``tmp_path``). PostgreSQL runs when ``JANJI_TEST_POSTGRES_URL``
points at a server (``.ci/start-postgres.sh`` prints one); each test gets its own database,
dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.store import SqlStore, open_store

POSTGRES_ENV = "JANJI_TEST_POSTGRES_URL"
POSTGRES_SKIP_REASON = "set JANJI_TEST_POSTGRES_URL (.ci/run does)"


async def _postgres_admin(url: str):  # type: ignore[no-untyped-def]
    import asyncpg

    parsed = make_url(url)
    return await asyncpg.connect(
        host=parsed.host or "127.0.0.1",
        port=parsed.port or 5432,
        user=parsed.username,
        password=parsed.password,
        database=parsed.database or "postgres",
    )


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A URL of an empty database of the parametrised backend."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'var' / 'janji.db'}"
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(POSTGRES_SKIP_REASON)
    name = f"janji_test_{uuid.uuid4().hex[:16]}"
    admin = await _postgres_admin(base)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    yield make_url(base).set(database=name).render_as_string(hide_password=False)
    admin = await _postgres_admin(base)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


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
