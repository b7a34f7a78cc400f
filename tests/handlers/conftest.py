"""Scenario harness: the real ``Application`` from ``build_application`` on a real store and the
session's engine, talking HTTP to the fake Bot API on 127.0.0.1.

A test injects what citizens and officers do (``fake.inject_message``, ``fake.press_button``)
and reads what they would see (``fake.wait_for_message``, ``fake.sent_texts``). The clock runs
in real time but can jump forward (``clock.advance(hours=19)``) for SLA timers.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app import Desk, Engine, open_desk
from bot.config import Settings
from bot.handlers.app import build_application, runtime_of, serve
from bot.handlers.context import JanjiApplication
from tests.conftest import engine_settings
from tests.fakes.bot_api import FakeBotAPI
from tests.postgres import throwaway_database

STAFF_CHAT = -1001234567890
BUDI = 701  # officers, members of the staff chat
ANI = 702
LISTED_OFFICER = 900  # in STAFF_USER_IDS: may act from a private chat
ADMIN = 999
BOT_USERNAME = "janji_test_bot"

POSTGRES_ENV = "JANJI_TEST_POSTGRES_URL"

JsonDict = dict[str, Any]


class ShiftClock:
    """Real time plus an offset tests can move forward."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, **delta: float) -> None:
        self.offset += timedelta(**delta)


@dataclass
class Harness:
    fake: FakeBotAPI
    app: JanjiApplication
    bundle: Desk
    settings: Settings
    clock: ShiftClock
    stop: asyncio.Event
    task: asyncio.Task[None]

    def say(self, user_id: int, text: str, **options: Any) -> JsonDict:
        """A citizen writes in their private chat; returns the injected message."""
        options.setdefault("first_name", f"Warga{user_id}")
        update = self.fake.inject_message(text, user_id=user_id, **options)
        return dict(update["message"])

    async def reply_in(self, chat_id: int, timeout: float = 10.0, **kw: Any) -> JsonDict:
        """The next bot message in ``chat_id`` not returned before."""
        return await self.fake.wait_for_message(chat_id, timeout=timeout, **kw)

    async def ask(self, user_id: int, text: str, timeout: float = 10.0, **options: Any) -> JsonDict:
        self.say(user_id, text, **options)
        return await self.reply_in(user_id, timeout=timeout)

    async def staff_message(
        self, predicate: Callable[[JsonDict], bool], timeout: float = 10.0
    ) -> JsonDict:
        return await self.fake.wait_for_message(STAFF_CHAT, predicate, timeout=timeout)

    async def card_for(self, number: str, timeout: float = 10.0) -> JsonDict:
        """The ticket card of ``number`` in the staff chat."""
        return await self.staff_message(
            lambda m: m.get("text", "").startswith(f"🎫 {number}"), timeout=timeout
        )

    def officer_says(
        self, officer_id: int, text: str, reply_to: int | None = None, **kw: Any
    ) -> JsonDict:
        update = self.fake.inject_message(
            text,
            user_id=officer_id,
            chat_id=STAFF_CHAT,
            chat_type="supergroup",
            first_name={BUDI: "Budi", ANI: "Ani"}.get(officer_id, "Petugas"),
            last_name={BUDI: "Santoso", ANI: "Wijaya"}.get(officer_id),
            reply_to_message_id=reply_to,
            **kw,
        )
        return dict(update["message"])

    async def idle(self) -> None:
        """Wait until every injected update was handled and the outbox has delivered what is
        due (answers included: they are queued too)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 10
        while loop.time() < deadline:
            await asyncio.sleep(0.05)
            if self.fake.pending_updates() or self.app.update_queue.qsize():
                continue
            if self.app.update_processor.current_concurrent_updates:
                continue
            if not runtime_of(self.app).outbox_settled.is_set():
                continue  # a delivery round is under way (e.g. pacing a reply)
            if not await self.bundle.store.due(self.clock.now() + timedelta(seconds=5)):
                await asyncio.sleep(0.1)
                return
        raise AssertionError("the bot did not become idle")


def settings_for(
    fake: FakeBotAPI, tmp_path: Path, engine_index_dir: Path, **overrides: Any
) -> Settings:
    values: dict[str, Any] = {
        "telegram_bot_token": fake.token,
        "telegram_api_base_url": fake.base_url,
        "telegram_api_file_url": fake.base_file_url,
        "staff_chat_id": STAFF_CHAT,
        "staff_user_ids": [LISTED_OFFICER],
        "admin_user_ids": [ADMIN],
        "user_rate_limit": 20,
        "sla_check_seconds": 0.05,
        "database_url": f"sqlite+aiosqlite:///{tmp_path / 'janji.db'}",
    }
    values.update(overrides)
    return engine_settings(values.pop("index_dir", engine_index_dir), **values)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """ "sqlite" unless a test is parametrised with ``indirect=["backend"]``."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
async def database_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'janji.db'}"
        return
    async with throwaway_database("janji_bot") as url:
        yield url


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    """Override in a test module (or with ``@pytest.mark.parametrize``) to change settings."""
    return {}


BeforeStart = Callable[[FakeBotAPI, Desk], Awaitable[None]]


@pytest.fixture
def before_start() -> BeforeStart | None:
    """Override in a test module to prepare the fake and the database before the bot starts
    (e.g. leave updates in the inbox, as a run that crashed would)."""
    return None


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI(bot_username=BOT_USERNAME) as api:
        api.add_chat(STAFF_CHAT, "supergroup", title="Petugas MPP")
        for officer, name in ((BUDI, "Budi"), (ANI, "Ani")):
            api.add_chat_member(STAFF_CHAT, officer, first_name=name)
        api.add_chat_member(STAFF_CHAT, api.bot_id, "administrator")
        yield api
    assert not api.internal_errors, f"the fake Bot API failed: {api.internal_errors!r}"


@pytest.fixture
async def harness(
    fake: FakeBotAPI,
    engine: Engine,
    engine_index_dir: Path,
    tmp_path: Path,
    database_url: str,
    settings_overrides: dict[str, Any],
    before_start: BeforeStart | None,
    caplog: pytest.LogCaptureFixture,
) -> AsyncIterator[Harness]:
    settings = settings_for(
        fake, tmp_path, engine_index_dir, database_url=database_url, **settings_overrides
    )
    clock = ShiftClock()
    bundle = await open_desk(settings, engine=engine, clock=clock)
    if before_start is not None:
        await before_start(fake, bundle)
    app = build_application(settings, bundle)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, settings, stop))
    harness = Harness(fake, app, bundle, settings, clock, stop, task)
    try:
        if settings.webhook_url:
            await fake.wait_for_calls("setWebhook", ok_only=True, timeout=15)
        else:
            await fake.wait_until_polling(timeout=15)
        yield harness
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        await bundle.close()
    tracebacks = [
        r for r in caplog.records if r.exc_info and r.name.startswith(("bot", "telegram"))
    ]
    assert not tracebacks, f"unexpected errors were logged: {[r.getMessage() for r in tracebacks]}"
