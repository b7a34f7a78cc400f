"""Throwaway PostgreSQL databases for the tests that run on both backends.

.ci/run starts a server and sets JANJI_TEST_POSTGRES_URL; without it those cases are skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from sqlalchemy.engine import make_url

POSTGRES_ENV = "JANJI_TEST_POSTGRES_URL"
POSTGRES_SKIP_REASON = "set JANJI_TEST_POSTGRES_URL (.ci/run does)"


async def _admin(base: str) -> Any:
    import asyncpg

    parsed = make_url(base)
    return await asyncpg.connect(
        host=parsed.host or "127.0.0.1",
        port=parsed.port or 5432,
        user=parsed.username,
        password=parsed.password,
        database=parsed.database or "postgres",
    )


@asynccontextmanager
async def throwaway_database(prefix: str) -> AsyncIterator[str]:
    """A fresh empty database on the test server, dropped afterwards; skips without a server."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(POSTGRES_SKIP_REASON)
    name = f"{prefix}_{uuid.uuid4().hex[:16]}"
    connection = await _admin(base)
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        connection = await _admin(base)
        try:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await connection.close()
