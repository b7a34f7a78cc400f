"""``TelegramSender`` against the fake Bot API: Telegram's answers become outbox outcomes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import telegram

from bot.domain.models import Button, OutboxMessage
from bot.domain.ports import DeliveryBlocked, DeliveryRejected, DeliveryRetry
from bot.handlers.sender import TelegramSender
from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.fixtures import fake_bot_api, fake_telegram_bot

__all__ = ["fake_bot_api", "fake_telegram_bot"]

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
STAFF = -1001234567890


def outbox(chat_id: int, text: str, **fields: object) -> OutboxMessage:
    return OutboxMessage(chat_id, text, "key", NOW, NOW, **fields)  # type: ignore[arg-type]


async def test_text_is_escaped_and_buttons_rendered(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    sender = TelegramSender(fake_telegram_bot)
    text = "Petugas Budi (JNJ-000001):\n<b>biaya</b> & *gratis* [x](y)"
    sent = await sender.send(outbox(5001, text, buttons=((Button("Ambil", "claim:1"),),)))
    message = fake_bot_api.sent_messages(5001)[0]
    assert message["message_id"] == sent.message_id
    assert message["text"] == text
    assert message["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "claim:1"


async def test_long_text_is_split_below_the_limit(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    sentence = "Ini kalimat yang cukup panjang untuk tes pemotongan pesan. "
    await TelegramSender(fake_telegram_bot).send(outbox(5002, sentence * 120))
    texts = fake_bot_api.sent_texts(5002)
    assert len(texts) == 2 and all(len(t) <= 4096 for t in texts)
    assert all(t.endswith(".") for t in texts)


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ({"status": 500}, DeliveryRetry),
        ({"status": 400, "description": "Bad Request: chat not found"}, DeliveryRejected),
        ({"status": 403, "description": "Forbidden: bot was blocked by the user"}, DeliveryBlocked),
    ],
    ids=["5xx", "400", "403"],
)
async def test_failures_map_to_outbox_outcomes(
    fake_bot_api: FakeBotAPI,
    fake_telegram_bot: telegram.Bot,
    fault: dict[str, object],
    expected: type[Exception],
) -> None:
    fake_bot_api.fail_next("sendMessage", **fault)  # type: ignore[arg-type]
    with pytest.raises(expected):
        await TelegramSender(fake_telegram_bot).send(outbox(5003, "halo"))


async def test_429_carries_retry_after(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    fake_bot_api.rate_limit_next("sendMessage", retry_after=7)
    with pytest.raises(DeliveryRetry) as raised:
        await TelegramSender(fake_telegram_bot).send(outbox(5004, "halo"))
    assert raised.value.after_seconds == 7


async def test_ticket_card_opens_a_forum_topic(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    fake_bot_api.add_chat(STAFF, "supergroup", is_forum=True)
    fake_bot_api.add_chat_member(STAFF, fake_bot_api.bot_id, "administrator")
    sent = await TelegramSender(fake_telegram_bot).send(
        outbox(STAFF, "🎫 JNJ-000001", topic_title="JNJ-000001 · Siti", purpose="ticket_card")
    )
    topics = fake_bot_api.forum_topics(STAFF)
    assert [t["name"] for t in topics] == ["JNJ-000001 · Siti"]
    assert sent.thread_id == topics[0]["message_thread_id"]


async def test_no_topic_in_an_ordinary_group(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    fake_bot_api.add_chat(STAFF, "supergroup")
    sent = await TelegramSender(fake_telegram_bot).send(
        outbox(STAFF, "🎫 JNJ-000002", topic_title="JNJ-000002 · Budi", purpose="ticket_card")
    )
    assert sent.thread_id is None and fake_bot_api.forum_topics(STAFF) == []


async def test_attachment_goes_as_a_file_with_caption(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    update = fake_bot_api.inject_message(user_id=5005, photo=b"\x89PNG ktp")
    file_id = update["message"]["photo"][-1]["file_id"]
    await TelegramSender(fake_telegram_bot).send(
        outbox(
            STAFF,
            "💬 JNJ-000003 · Siti:\n[photo] <ktp>",
            attachment_kind="photo",
            attachment_file_id=file_id,
        )
    )
    message = fake_bot_api.sent_messages(STAFF)[0]
    assert "photo" in message and message["caption"] == "💬 JNJ-000003 · Siti:\n[photo] <ktp>"
