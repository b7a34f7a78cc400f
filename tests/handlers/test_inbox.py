"""The update inbox through the real application: stored before Telegram is told, replayed at
start, never handled twice (the crash itself is in tests/blackbox and tests/domain)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest

from bot.app import Desk
from tests.fakes.bot_api import FakeBotAPI
from tests.handlers.conftest import Harness

JsonDict = dict[str, Any]

CRASHED_CITIZEN = 3101
UNREADABLE = 1  # a stored update that no longer parses: closed, it must not stop the start
LEFT_BEHIND: list[JsonDict] = []  # what the crashed run had received, in order


async def confirm(fake: FakeBotAPI, update_id: int) -> None:
    """What the crashed run's updater did before it died: ``getUpdates`` past the update."""
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            fake.method_url("getUpdates"), json={"offset": update_id + 1, "timeout": 0}
        ) as answer,
    ):
        assert answer.status == 200


async def crashed_run(fake: FakeBotAPI, bundle: Desk) -> None:
    """A previous run received two updates of one citizen, confirmed them to Telegram, stored
    them in the inbox, and died before handling them."""
    LEFT_BEHIND.clear()
    for text in ("/bahasa en", "berapa biaya skck"):
        update = fake.inject_message(text, user_id=CRASHED_CITIZEN, first_name="Rina")
        assert await bundle.desk.receive(update["update_id"], json.dumps(update))
        LEFT_BEHIND.append(update)
    await confirm(fake, LEFT_BEHIND[-1]["update_id"])
    assert fake.pending_updates() == []  # Telegram will never send them again
    assert await bundle.desk.receive(UNREADABLE, '{"update_id": 1, "message": "garbled')


@pytest.mark.parametrize("before_start", [crashed_run], ids=["crashed-run"])
async def test_updates_a_crashed_run_left_unhandled_are_handled_at_start_in_order(
    harness: Harness,
) -> None:
    language_set = await harness.reply_in(CRASHED_CITIZEN)
    answer = await harness.reply_in(CRASHED_CITIZEN)
    assert "English" in language_set["text"]
    assert answer["text"].startswith("Fee for")  # after /bahasa en: the replay kept the order
    await harness.idle()
    assert len(harness.fake.sent_texts(CRASHED_CITIZEN)) == 2
    store = harness.bundle.store
    assert await store.unhandled_updates() == []
    for update in LEFT_BEHIND:
        stored = await store.get_update(update["update_id"])
        assert stored is not None and stored.handled and stored.replays == 1
    unreadable = await store.get_update(UNREADABLE)
    assert unreadable is not None and unreadable.handled
    assert unreadable.error is not None and unreadable.error.startswith("unreadable")

    # Telegram redelivering one of them (it never confirmed, say) is recognised and dropped.
    from telegram import Update

    await harness.app.update_queue.put(Update.de_json(LEFT_BEHIND[-1], harness.app.bot))
    await harness.idle()
    assert len(harness.fake.sent_texts(CRASHED_CITIZEN)) == 2


async def test_every_update_is_in_the_inbox_before_it_is_handled(harness: Harness) -> None:
    update_ids: list[int] = []
    store = harness.bundle.store
    original = store.receive_update

    async def watching(update_id: int, payload: str, at: Any) -> bool:
        update_ids.append(update_id)
        assert json.loads(payload)["update_id"] == update_id
        return await original(update_id, payload, at)

    store.receive_update = watching  # type: ignore[method-assign]
    reply = await harness.ask(3150, "jam buka SKCK")
    assert "08.00-14.00" in reply["text"]
    [update_id] = update_ids
    stored = await store.get_update(update_id)
    assert stored is not None and stored.handled and stored.payload is None


async def test_a_failed_inbox_write_loses_nothing(harness: Harness) -> None:
    """The store refuses the write once: the updater does not confirm the batch, Telegram
    sends it again, and the citizen is answered once."""
    store = harness.bundle.store
    original = store.receive_update
    failures = [OSError("disk I/O error")]

    async def flaky(update_id: int, payload: str, at: Any) -> bool:
        if failures:
            raise failures.pop()
        return await original(update_id, payload, at)

    store.receive_update = flaky  # type: ignore[method-assign]
    reply = await harness.ask(3160, "berapa biaya skck", timeout=15)
    assert "30.000" in reply["text"] and not failures
    await harness.idle()
    assert len(harness.fake.sent_texts(3160)) == 1


async def test_an_update_being_stored_when_the_bot_stops_is_stored_and_answered(
    harness: Harness,
) -> None:
    """SIGINT while the updater is storing an update: stopping the updater cancels its polling
    step, the write included, without waiting for it. The write must not be cut off (a write
    cut off there once kept ``janji run`` alive after "janji stopped"): it finishes, the update
    is answered before the bot stops, nothing is left running, and Telegram, never told, may
    send it again (the inbox skips it then)."""
    citizen = 3170
    store = harness.bundle.store
    original = store.receive_update
    writing, finish = asyncio.Event(), asyncio.Event()

    async def slow(update_id: int, payload: str, at: Any) -> bool:
        writing.set()
        await finish.wait()
        return await original(update_id, payload, at)

    store.receive_update = slow  # type: ignore[method-assign]
    update_id = harness.fake.inject_message("berapa biaya skck", user_id=citizen)["update_id"]
    await asyncio.wait_for(writing.wait(), 10)
    polls = len(harness.fake.calls_to("getUpdates"))
    harness.stop.set()
    # The updater's last getUpdates (confirming what it finished) comes after it cancelled
    # the step holding the write.
    await harness.fake.wait_for_calls("getUpdates", polls + 1, timeout=10)
    assert not harness.task.done()  # the bot waits for the write ...
    finish.set()
    await asyncio.wait_for(harness.task, 20)  # ... and then stops

    stored = await store.get_update(update_id)
    assert stored is not None and stored.handled
    [answer] = harness.fake.sent_texts(citizen)
    assert "30.000" in answer
    assert [u["update_id"] for u in harness.fake.pending_updates()] == [update_id]
    left = [t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()]
    assert not [t for t in left if "janji" in t.get_name() or "Updater" in repr(t)], left
