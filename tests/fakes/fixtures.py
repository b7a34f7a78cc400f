"""pytest fixtures for the fake Bot API.

Use them from a conftest (or a test module) with::

    pytest_plugins = ["tests.fakes.fixtures"]

or import the names (``from tests.fakes.fixtures import fake_bot_api, fake_telegram_bot``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio
import telegram

from tests.fakes.bot_api import FakeBotAPI


@pytest_asyncio.fixture
async def fake_bot_api() -> AsyncIterator[FakeBotAPI]:
    """A started fake Bot API on 127.0.0.1; fails the test if the fake itself crashed."""
    async with FakeBotAPI() as fake:
        yield fake
    assert not fake.internal_errors, f"the fake Bot API failed: {fake.internal_errors!r}"


@pytest_asyncio.fixture
async def fake_telegram_bot(fake_bot_api: FakeBotAPI) -> AsyncIterator[telegram.Bot]:
    """A real, initialised ``telegram.Bot`` talking to ``fake_bot_api``."""
    bot = telegram.Bot(
        fake_bot_api.token,
        base_url=fake_bot_api.base_url,
        base_file_url=fake_bot_api.base_file_url,
    )
    async with bot:
        yield bot
