"""Webhook mode: the fake Bot API posts updates to the bot's own HTTP server."""

from __future__ import annotations

import socket
from typing import Any

import aiohttp
import pytest

from tests.handlers.conftest import Harness

SECRET = "janji-webhook-secret_1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


PORT = free_port()
WEBHOOK: dict[str, Any] = {
    "webhook_url": f"http://127.0.0.1:{PORT}/telegram/hook",
    "webhook_listen": "127.0.0.1",
    "webhook_port": PORT,
    "webhook_secret": SECRET,
}


@pytest.mark.parametrize("settings_overrides", [WEBHOOK])
async def test_updates_posted_to_the_webhook_are_answered(harness: Harness) -> None:
    registered = harness.fake.calls_to("setWebhook", ok_only=True)[-1].params
    assert registered["url"] == WEBHOOK["webhook_url"]
    assert registered["secret_token"] == SECRET
    assert not harness.fake.calls_to("getUpdates")
    reply = await harness.ask(3001, "berapa biaya skck")
    assert "30.000" in reply["text"]
    deliveries = await harness.fake.wait_for_webhook_deliveries(1)
    assert deliveries[0].status == 200
    complaint = await harness.ask(3002, "saya kecewa, petugasnya kasar sekali dan lambat")
    assert "JNJ-" in complaint["text"]


@pytest.mark.parametrize("settings_overrides", [WEBHOOK])
async def test_webhook_refuses_updates_without_the_secret(harness: Harness) -> None:
    update: dict[str, Any] = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 3003, "type": "private", "first_name": "Eve"},
            "from": {"id": 3003, "is_bot": False, "first_name": "Eve"},
            "text": "berapa biaya skck",
        },
    }
    async with aiohttp.ClientSession() as session:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
            async with session.post(WEBHOOK["webhook_url"], json=update, headers=headers) as answer:
                assert answer.status == 403
    await harness.idle()
    assert harness.fake.sent_texts(3003) == []
