"""An update taken but not finished when the bot died is handled after restart, once."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bot.app import Engine, open_desk
from bot.handlers.app import build_application, serve
from tests.fakes.bot_api import FakeBotAPI
from tests.handlers.conftest import ShiftClock, settings_for


def private_message(update_id: int, user_id: int, text: str) -> dict[str, object]:
    """A message update exactly as Telegram sends it (what the inbox stored before the crash)."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": 7,
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": "Siti"},
            "from": {"id": user_id, "is_bot": False, "first_name": "Siti"},
            "text": text,
        },
    }


async def test_an_interrupted_update_is_replayed_once_after_restart(
    fake: FakeBotAPI, engine: Engine, engine_index_dir: Path, tmp_path: Path
) -> None:
    settings = settings_for(fake, tmp_path, engine_index_dir)
    clock = ShiftClock()
    bundle = await open_desk(settings, engine=engine, clock=clock)
    # The previous process took update 900001 into its inbox, then was killed mid-handling.
    assert await bundle.store.claim_update(900001, private_message(900001, 4242, "biaya paspor?"))
    assert [u for u, _ in await bundle.store.unfinished_updates()] == [900001]

    app = build_application(settings, bundle)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, settings, stop))
    try:
        answer = await fake.wait_for_message(4242, timeout=15)
        assert "Rp 350.000" in answer["text"]
        for _ in range(100):
            if not await bundle.store.unfinished_updates():
                break
            await asyncio.sleep(0.05)
        assert await bundle.store.unfinished_updates() == []
        # A redelivery of the same update id is not answered again.
        assert not await bundle.store.claim_update(900001, private_message(900001, 4242, "x"))
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        await bundle.close()
    assert len(fake.sent_messages(4242)) == 1
