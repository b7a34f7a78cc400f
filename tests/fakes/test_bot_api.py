"""The fake Bot API behaves like Telegram for a real python-telegram-bot client.

Happy paths go through ``telegram.Bot``; the rejections a bot must never provoke go through
plain HTTP so the exact status and description are visible.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import html
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import telegram
from aiohttp import web
from hypothesis import given
from hypothesis import strategies as st
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Update,
)
from telegram.error import BadRequest, Conflict, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application, ContextTypes, MessageHandler, filters
from telegram.helpers import escape_markdown

from tests.fakes.bot_api import FakeBotAPI, load_spec, parse_formatted_text

pytest_plugins = ["tests.fakes.fixtures"]

CITIZEN = 1001
STAFF_GROUP = -1001234567890
OFFICER = 2002


def keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(text, callback_data=data)] for text, data in pairs]
    )


async def post_form(
    fake: FakeBotAPI, method: str, token: str | None = None, **fields: Any
) -> tuple[int, dict[str, Any]]:
    """POST like python-telegram-bot does: form-encoded, nested values as JSON strings."""
    form = {
        key: value if isinstance(value, str) else json.dumps(value) for key, value in fields.items()
    }
    async with (
        aiohttp.ClientSession() as session,
        session.post(fake.method_url(method, token), data=form) as response,
    ):
        return response.status, await response.json()


def parse_update(raw: dict[str, Any], bot: telegram.Bot) -> Update:
    update = Update.de_json(raw, bot)
    assert update is not None
    return update


def parse_message(raw: dict[str, Any], bot: telegram.Bot) -> telegram.Message:
    message = parse_update(raw, bot).effective_message
    assert message is not None
    return message


def seconds(value: int | float | dtm.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


class ManualClock:
    """Rate accounting reads this clock, so rate tests do not depend on machine speed."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, delta: float) -> None:
        self.now += delta


@pytest.fixture
async def clocked_fake() -> AsyncIterator[tuple[FakeBotAPI, ManualClock, telegram.Bot]]:
    clock = ManualClock()
    async with FakeBotAPI(clock=clock) as fake:
        bot = telegram.Bot(fake.token, base_url=fake.base_url)
        async with bot:
            yield fake, clock, bot


# ------------------------------------------------------------------------- a real telegram.Bot


async def test_get_me_identifies_the_bot_from_its_token(fake_telegram_bot: telegram.Bot) -> None:
    me = await fake_telegram_bot.get_me()

    assert me.id == 123456
    assert me.is_bot
    assert me.username == "janji_test_bot"
    assert me.can_join_groups


async def test_send_message_with_keyboard_is_stored_as_telegram_shows_it(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    sent = await fake_telegram_bot.send_message(
        CITIZEN,
        "<b>KTP baru</b>: gratis, selesai 14 hari &amp; bisa diwakilkan",
        parse_mode="HTML",
        reply_markup=keyboard(("Sudah jelas", "ok"), ("Tanya petugas", "escalate")),
    )

    assert sent.text == "KTP baru: gratis, selesai 14 hari & bisa diwakilkan"
    assert sent.entities[0].type == "bold"
    assert (sent.entities[0].offset, sent.entities[0].length) == (0, 8)
    assert sent.from_user is not None
    assert sent.from_user.id == fake_bot_api.bot_id
    [stored] = fake_bot_api.sent_messages(CITIZEN)
    assert stored["message_id"] == sent.message_id
    assert [
        b["callback_data"] for row in stored["reply_markup"]["inline_keyboard"] for b in row
    ] == [
        "ok",
        "escalate",
    ]
    call = fake_bot_api.calls_to("sendMessage")[0]
    assert call.params["chat_id"] == CITIZEN  # decoded to int
    assert call.params["reply_markup"]["inline_keyboard"][1][0]["text"] == "Tanya petugas"


async def test_message_ids_increase_per_chat(fake_telegram_bot: telegram.Bot) -> None:
    first = await fake_telegram_bot.send_message(CITIZEN, "satu")
    other_chat = await fake_telegram_bot.send_message(CITIZEN + 1, "lain")
    second = await fake_telegram_bot.send_message(CITIZEN, "dua")

    assert second.message_id == first.message_id + 1
    assert other_chat.message_id == 1


async def test_edit_message_text_replaces_text_and_drops_keyboard_unless_resent(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    sent = await fake_telegram_bot.send_message(
        CITIZEN, "Sedang dicari...", reply_markup=keyboard(("Batal", "cancel"))
    )

    edited = await fake_telegram_bot.edit_message_text(
        "Biaya: gratis", chat_id=CITIZEN, message_id=sent.message_id
    )

    assert isinstance(edited, telegram.Message)
    assert edited.text == "Biaya: gratis"
    assert edited.edit_date is not None
    [stored] = fake_bot_api.sent_messages(CITIZEN)
    assert stored["text"] == "Biaya: gratis"
    assert "reply_markup" not in stored


async def test_editing_to_the_same_content_is_refused_as_not_modified(
    fake_telegram_bot: telegram.Bot,
) -> None:
    markup = keyboard(("Ya", "yes"))
    sent = await fake_telegram_bot.send_message(CITIZEN, "Sudah jelas?", reply_markup=markup)

    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await fake_telegram_bot.edit_message_text(
            "Sudah jelas?", chat_id=CITIZEN, message_id=sent.message_id, reply_markup=markup
        )


async def test_edit_reply_markup_removes_keyboard_once(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    sent = await fake_telegram_bot.send_message(CITIZEN, "Pilih", reply_markup=keyboard(("A", "a")))

    await fake_telegram_bot.edit_message_reply_markup(chat_id=CITIZEN, message_id=sent.message_id)

    assert "reply_markup" not in fake_bot_api.sent_messages(CITIZEN)[0]
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await fake_telegram_bot.edit_message_reply_markup(
            chat_id=CITIZEN, message_id=sent.message_id
        )


async def test_bot_cannot_edit_a_citizens_message(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    update = fake_bot_api.inject_message("halo", user_id=CITIZEN)

    with pytest.raises(BadRequest, match=r"(?i)message can't be edited"):
        await fake_telegram_bot.edit_message_text(
            "x", chat_id=CITIZEN, message_id=update["message"]["message_id"]
        )
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await fake_telegram_bot.edit_message_text("x", chat_id=CITIZEN, message_id=999)


async def test_button_press_reaches_the_bot_and_is_answered_once(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    sent = await fake_telegram_bot.send_message(
        CITIZEN, "Sudah jelas?", reply_markup=keyboard(("Ya", "yes"), ("Tidak", "no"))
    )

    raw = fake_bot_api.press_button(CITIZEN, sent.message_id, "Tidak")
    query = parse_update(raw, fake_telegram_bot).callback_query

    assert query is not None
    assert query.data == "no"
    assert query.from_user.id == CITIZEN
    assert isinstance(query.message, telegram.Message)
    assert query.message.message_id == sent.message_id
    assert query.message.reply_markup == sent.reply_markup
    assert await fake_telegram_bot.answer_callback_query(
        query.id, text="Baik, kami teruskan ke petugas."
    )
    assert fake_bot_api.callback_answers[query.id]["text"] == "Baik, kami teruskan ke petugas."
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await fake_telegram_bot.answer_callback_query(query.id)


async def test_button_press_needs_a_button_that_exists(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    sent = await fake_telegram_bot.send_message(CITIZEN, "Pilih", reply_markup=keyboard(("A", "a")))

    with pytest.raises(ValueError, match="no button"):
        fake_bot_api.inject_callback_query(CITIZEN, CITIZEN, sent.message_id, "b")
    update = fake_bot_api.inject_callback_query(
        CITIZEN, CITIZEN, sent.message_id, "stale", require_button=False
    )
    assert update["callback_query"]["data"] == "stale"


async def test_blocked_user_gets_forbidden(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    fake_bot_api.block_chat(CITIZEN)

    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await fake_telegram_bot.send_message(CITIZEN, "Tiket Anda sudah selesai")
    with pytest.raises(Forbidden):
        await fake_telegram_bot.send_chat_action(CITIZEN, "typing")
    assert fake_bot_api.sent_messages(CITIZEN) == []
    assert fake_bot_api.failed_calls()[0].description == "Forbidden: bot was blocked by the user"


async def test_migrated_group_surfaces_as_chat_migrated(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    fake_bot_api.migrate_chat(-5000, STAFF_GROUP)

    with pytest.raises(telegram.error.ChatMigrated) as info:
        await fake_telegram_bot.send_message(-5000, "halo")
    assert info.value.new_chat_id == STAFF_GROUP


async def test_photo_and_document_round_trip_through_get_file(
    fake_telegram_bot: telegram.Bot,
) -> None:
    photo_message = await fake_telegram_bot.send_photo(
        CITIZEN, b"\x89PNG grafik", caption="<i>Antrian hari ini</i>", parse_mode="HTML"
    )
    document_message = await fake_telegram_bot.send_document(
        CITIZEN, InputFile(b"%PDF laporan", filename="laporan.pdf"), caption="Laporan"
    )

    assert photo_message.caption == "Antrian hari ini"
    assert photo_message.caption_entities[0].type == "italic"
    photo_file = await fake_telegram_bot.get_file(photo_message.photo[-1].file_id)
    assert bytes(await photo_file.download_as_bytearray()) == b"\x89PNG grafik"
    document = document_message.document
    assert document is not None
    assert document.file_name == "laporan.pdf"
    document_file = await fake_telegram_bot.get_file(document.file_id)
    assert bytes(await document_file.download_as_bytearray()) == b"%PDF laporan"
    resent = await fake_telegram_bot.send_document(STAFF_GROUP, document.file_id)
    assert resent.document is not None
    assert resent.document.file_id == document.file_id


async def test_unknown_file_id_is_refused(fake_telegram_bot: telegram.Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await fake_telegram_bot.send_photo(CITIZEN, "not-a-file-id")


async def test_copy_and_forward_a_citizen_message_to_staff(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    question = fake_bot_api.inject_message("Berapa biaya akta lahir?", user_id=CITIZEN)["message"]

    copied = await fake_telegram_bot.copy_message(STAFF_GROUP, CITIZEN, question["message_id"])
    forwarded = await fake_telegram_bot.forward_message(
        STAFF_GROUP, CITIZEN, question["message_id"]
    )

    texts = fake_bot_api.sent_texts(STAFF_GROUP)
    assert texts == ["Berapa biaya akta lahir?", "Berapa biaya akta lahir?"]
    assert fake_bot_api.sent_messages(STAFF_GROUP)[0]["message_id"] == copied.message_id
    assert isinstance(forwarded.forward_origin, telegram.MessageOriginUser)
    assert forwarded.forward_origin.sender_user.id == CITIZEN


async def test_commands_are_stored_and_validated(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    commands = [BotCommand("start", "Mulai"), BotCommand("bantuan", "Cara bertanya")]

    assert await fake_telegram_bot.set_my_commands(commands)

    assert [c.command for c in await fake_telegram_bot.get_my_commands()] == ["start", "bantuan"]
    assert fake_bot_api.bot_commands()[1]["description"] == "Cara bertanya"
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await fake_telegram_bot.set_my_commands([BotCommand("Bantuan", "huruf besar tidak boleh")])


async def test_chat_members_and_chat_info(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    fake_bot_api.add_chat(STAFF_GROUP, "supergroup", title="Loket Staf")
    fake_bot_api.add_chat_member(STAFF_GROUP, OFFICER, "administrator", first_name="Sari")

    officer = await fake_telegram_bot.get_chat_member(STAFF_GROUP, OFFICER)
    stranger = await fake_telegram_bot.get_chat_member(STAFF_GROUP, 777)
    chat = await fake_telegram_bot.get_chat(STAFF_GROUP)

    assert isinstance(officer, telegram.ChatMemberAdministrator)
    assert officer.user.first_name == "Sari"
    assert isinstance(stranger, telegram.ChatMemberLeft)
    assert chat.title == "Loket Staf"
    assert chat.type == "supergroup"


async def test_unhandled_but_known_methods_get_a_plausible_answer(
    fake_telegram_bot: telegram.Bot,
) -> None:
    assert await fake_telegram_bot.set_my_description("Asisten layanan publik")
    assert await fake_telegram_bot.pin_chat_message(CITIZEN, 1)
    sent = await fake_telegram_bot.send_venue(
        CITIZEN, -6.17, 106.82, "Kantor Dukcapil", "Jl. Merdeka 1"
    )
    assert sent.chat.id == CITIZEN


# ------------------------------------------------------------------------- forum topics


async def test_forum_topic_threads_messages_like_telegram(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    fake_bot_api.add_chat(STAFF_GROUP, "supergroup", title="Loket Staf", is_forum=True)
    topic = await fake_telegram_bot.create_forum_topic(STAFF_GROUP, "Tiket #12")
    ticket = await fake_telegram_bot.send_message(
        STAFF_GROUP, "Warga bertanya biaya KTP", message_thread_id=topic.message_thread_id
    )

    in_topic = fake_bot_api.inject_message(
        "Sudah saya cek",
        user_id=OFFICER,
        chat_id=STAFF_GROUP,
        chat_type="supergroup",
        message_thread_id=topic.message_thread_id,
        is_topic_message=True,
    )
    explicit_reply = fake_bot_api.inject_message(
        "Gratis, 14 hari",
        user_id=OFFICER,
        chat_id=STAFF_GROUP,
        chat_type="supergroup",
        message_thread_id=topic.message_thread_id,
        reply_to_message_id=ticket.message_id,
    )

    assert ticket.is_topic_message
    assert ticket.message_thread_id == topic.message_thread_id
    plain = parse_message(in_topic, fake_telegram_bot)
    assert plain.is_topic_message
    assert plain.chat.is_forum
    # Telegram's quirk: a topic message "replies" to the topic's creation service message.
    topic_start = plain.reply_to_message
    assert topic_start is not None
    assert topic_start.forum_topic_created is not None
    assert topic_start.forum_topic_created.name == "Tiket #12"
    quoted = parse_message(explicit_reply, fake_telegram_bot).reply_to_message
    assert quoted is not None
    assert quoted.text == "Warga bertanya biaya KTP"
    assert quoted.from_user is not None
    assert quoted.from_user.id == fake_bot_api.bot_id


async def test_forum_topic_errors(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    fake_bot_api.add_chat(STAFF_GROUP, "supergroup", is_forum=True)
    fake_bot_api.add_chat(-1009999, "supergroup")
    topic = await fake_telegram_bot.create_forum_topic(STAFF_GROUP, "Tiket #1")

    with pytest.raises(BadRequest, match=r"(?i)message thread not found"):
        await fake_telegram_bot.send_message(STAFF_GROUP, "x", message_thread_id=424242)
    with pytest.raises(BadRequest, match=r"(?i)the chat is not a forum"):
        await fake_telegram_bot.create_forum_topic(-1009999, "Tiket")
    await fake_telegram_bot.close_forum_topic(STAFF_GROUP, topic.message_thread_id)
    with pytest.raises(BadRequest, match=r"(?i)TOPIC_CLOSED"):
        await fake_telegram_bot.send_message(
            STAFF_GROUP, "x", message_thread_id=topic.message_thread_id
        )


# ------------------------------------------------------------------------- injected updates


async def test_injected_messages_parse_into_real_updates(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    command = fake_bot_api.inject_message(
        "/start@janji_test_bot halo", user_id=CITIZEN, first_name="Budi", username="budi"
    )
    mention = fake_bot_api.inject_message(
        "@janji_test_bot biaya SIM 😀", user_id=OFFICER, chat_id=STAFF_GROUP, chat_type="supergroup"
    )
    photo = fake_bot_api.inject_message(photo=b"foto KTP", caption="ini KTP saya", user_id=CITIZEN)
    document = fake_bot_api.inject_message(
        document=b"%PDF", document_name="kk.pdf", user_id=CITIZEN
    )
    others = [
        fake_bot_api.inject_message(voice=True, user_id=CITIZEN),
        fake_bot_api.inject_message(sticker="🙏", user_id=CITIZEN),
        fake_bot_api.inject_message(location=(-6.2, 106.8), user_id=CITIZEN),
        fake_bot_api.inject_message(contact="+628111", user_id=CITIZEN),
    ]

    start = parse_message(command, fake_telegram_bot)
    assert start.from_user is not None
    assert (start.from_user.first_name, start.from_user.language_code) == ("Budi", "id")
    assert start.chat.type == "private"
    assert start.entities[0].type == "bot_command"
    assert start.parse_entity(start.entities[0]) == "/start@janji_test_bot"
    group = parse_message(mention, fake_telegram_bot)
    assert group.chat.id == STAFF_GROUP
    assert group.parse_entity(group.entities[0]) == "@janji_test_bot"
    with_photo = parse_message(photo, fake_telegram_bot)
    assert with_photo.caption == "ini KTP saya"
    photo_file = await fake_telegram_bot.get_file(with_photo.photo[-1].file_id)
    assert bytes(await photo_file.download_as_bytearray()) == b"foto KTP"
    with_document = parse_message(document, fake_telegram_bot).document
    assert with_document is not None
    assert with_document.file_name == "kk.pdf"
    voice, sticker, location, contact = (parse_message(u, fake_telegram_bot) for u in others)
    assert voice.voice is not None
    assert sticker.sticker is not None
    assert sticker.sticker.emoji == "🙏"
    assert location.location is not None
    assert location.location.latitude == pytest.approx(-6.2)
    assert contact.contact is not None
    assert contact.contact.phone_number == "+628111"


async def test_mention_offsets_count_utf16_units() -> None:
    fake = FakeBotAPI()
    update = fake.inject_message("😀 @janji_test_bot", user_id=CITIZEN)

    assert update["message"]["entities"] == [{"type": "mention", "offset": 3, "length": 15}]


async def test_reply_to_a_bot_message_carries_the_quoted_message(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    answer = await fake_telegram_bot.send_message(CITIZEN, "Biaya KTP: gratis")

    raw = fake_bot_api.inject_message(
        "kalau hilang?", user_id=CITIZEN, reply_to_message_id=answer.message_id
    )

    quoted = parse_message(raw, fake_telegram_bot).reply_to_message
    assert quoted is not None
    assert quoted.text == "Biaya KTP: gratis"
    assert quoted.from_user is not None
    assert quoted.from_user.is_bot


async def test_edited_message_and_chat_member_updates(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    original = fake_bot_api.inject_message("biaya ktp brp", user_id=CITIZEN)["message"]
    edited = fake_bot_api.inject_edited_message(
        CITIZEN, original["message_id"], "biaya KTP berapa?"
    )
    added = fake_bot_api.inject_chat_member_update(
        STAFF_GROUP, fake_bot_api.bot_id, "administrator", from_user_id=OFFICER
    )

    edited_update = parse_update(edited, fake_telegram_bot)
    assert edited_update.edited_message is not None
    assert edited_update.edited_message.text == "biaya KTP berapa?"
    my_member = parse_update(added, fake_telegram_bot).my_chat_member
    assert my_member is not None
    assert my_member.new_chat_member.status == "administrator"
    assert my_member.from_user.id == OFFICER


# ------------------------------------------------------------------------- getUpdates


async def test_get_updates_honours_offset_and_limit(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    ids = [
        fake_bot_api.inject_message(f"pesan {n}", user_id=CITIZEN)["update_id"] for n in range(3)
    ]

    assert [u.update_id for u in await fake_telegram_bot.get_updates(limit=2)] == ids[:2]
    assert [
        u.update_id for u in await fake_telegram_bot.get_updates()
    ] == ids  # nothing confirmed yet
    assert [u.update_id for u in await fake_telegram_bot.get_updates(offset=ids[1])] == ids[1:]
    assert await fake_telegram_bot.get_updates(offset=ids[2] + 1) == ()
    assert fake_bot_api.pending_updates() == []


async def test_negative_offset_keeps_only_the_newest(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    ids = [
        fake_bot_api.inject_message(f"pesan {n}", user_id=CITIZEN)["update_id"] for n in range(3)
    ]

    assert [u.update_id for u in await fake_telegram_bot.get_updates(offset=-1)] == ids[-1:]
    assert [u["update_id"] for u in fake_bot_api.pending_updates()] == ids[-1:]


async def test_long_poll_returns_as_soon_as_an_update_arrives(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    poll = asyncio.create_task(fake_telegram_bot.get_updates(timeout=30))
    await fake_bot_api.wait_until_polling()

    fake_bot_api.inject_message("halo", user_id=CITIZEN)

    [update] = await asyncio.wait_for(poll, timeout=10)
    assert update.message is not None
    assert update.message.text == "halo"


async def test_empty_long_poll_is_held_for_its_timeout(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    # A fake that answered empty polls at once would make the bot's poll loop spin.
    assert await fake_telegram_bot.get_updates(timeout=1) == ()

    assert fake_bot_api.calls_to("getUpdates")[-1].duration >= 0.9


async def test_second_poller_terminates_the_first_with_conflict(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    first = asyncio.create_task(fake_telegram_bot.get_updates(timeout=30))
    await fake_bot_api.wait_until_polling()

    async with telegram.Bot(fake_bot_api.token, base_url=fake_bot_api.base_url) as second_instance:
        await second_instance.get_updates(timeout=0)

    with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates request"):
        await first


async def test_allowed_updates_filters_update_kinds(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    sent = await fake_telegram_bot.send_message(CITIZEN, "Pilih", reply_markup=keyboard(("A", "a")))
    fake_bot_api.inject_message("teks", user_id=CITIZEN)
    fake_bot_api.press_button(CITIZEN, sent.message_id, "A")

    updates = await fake_telegram_bot.get_updates(allowed_updates=["callback_query"])

    assert [u.callback_query.data for u in updates if u.callback_query] == ["a"]
    assert len(updates) == 1


async def test_application_polling_echoes_an_injected_message(fake_bot_api: FakeBotAPI) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(f"Anda menulis: {update.message.text}")

    app = Application.builder().token(fake_bot_api.token).base_url(fake_bot_api.base_url).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        fake_bot_api.inject_message("jam buka kantor?", user_id=CITIZEN)
        answer = await fake_bot_api.wait_for_message(CITIZEN, timeout=10)
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()

    assert answer["text"] == "Anda menulis: jam buka kantor?"
    assert fake_bot_api.pending_updates() == []  # the library confirmed the update


# ------------------------------------------------------------------------- faults


async def test_429_surfaces_as_retry_after(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    fake_bot_api.rate_limit_next("sendMessage", retry_after=7)

    with pytest.raises(RetryAfter) as info:
        await fake_telegram_bot.send_message(CITIZEN, "halo")

    assert seconds(info.value.retry_after) == 7
    assert fake_bot_api.sent_messages(CITIZEN) == []
    await fake_telegram_bot.send_message(CITIZEN, "halo lagi")
    assert fake_bot_api.sent_texts(CITIZEN) == ["halo lagi"]


async def test_500_surfaces_as_network_error_for_the_given_number_of_calls(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    fake_bot_api.fail_next("sendMessage", status=500, times=2)

    for _ in range(2):
        with pytest.raises(NetworkError):
            await fake_telegram_bot.send_message(CITIZEN, "halo")
    await fake_telegram_bot.send_message(CITIZEN, "halo")

    assert [call.status for call in fake_bot_api.calls_to("sendMessage")] == [500, 500, 200]


async def test_slow_send_times_out_on_the_client_but_still_arrives(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    # Like the real Telegram: a request the client gave up on may still be delivered,
    # so blindly retrying a timed-out send can answer a citizen twice.
    fake_bot_api.delay("sendMessage", 1.0)

    with pytest.raises(TimedOut):
        await fake_telegram_bot.send_message(CITIZEN, "Biaya: gratis", read_timeout=0.1)

    delivered = await fake_bot_api.wait_for_message(CITIZEN, timeout=10)
    assert delivered["text"] == "Biaya: gratis"


# ------------------------------------------------------------------------- webhook


@pytest.fixture
async def webhook_receiver() -> AsyncIterator[
    tuple[str, list[tuple[dict[str, str], dict[str, Any]]], list[int]]
]:
    """A local HTTP endpoint; answers the statuses in ``replies`` first, then 200."""
    received: list[tuple[dict[str, str], dict[str, Any]]] = []
    replies: list[int] = []

    async def handle(request: web.Request) -> web.Response:
        received.append((dict(request.headers), await request.json()))
        return web.Response(status=replies.pop(0) if replies else 200)

    app = web.Application()
    app.router.add_post("/telegram", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}/telegram", received, replies
    finally:
        await runner.cleanup()


async def test_webhook_delivers_updates_with_the_secret_header(
    fake_bot_api: FakeBotAPI,
    fake_telegram_bot: telegram.Bot,
    webhook_receiver: tuple[str, list[tuple[dict[str, str], dict[str, Any]]], list[int]],
) -> None:
    url, received, _ = webhook_receiver
    assert await fake_telegram_bot.set_webhook(url, secret_token="rahasia-123")

    fake_bot_api.inject_message("halo lewat webhook", user_id=CITIZEN)
    [delivery] = await fake_bot_api.wait_for_webhook_deliveries(1)

    headers, body = received[0]
    assert headers["X-Telegram-Bot-Api-Secret-Token"] == "rahasia-123"
    assert parse_message(body, fake_telegram_bot).text == "halo lewat webhook"
    assert delivery.status == 200
    info = await fake_telegram_bot.get_webhook_info()
    assert info.url == url
    assert info.pending_update_count == 0
    with pytest.raises(Conflict, match=r"(?i)webhook is active"):
        await fake_telegram_bot.get_updates()


async def test_webhook_retries_after_an_error_and_reports_it(
    fake_bot_api: FakeBotAPI,
    fake_telegram_bot: telegram.Bot,
    webhook_receiver: tuple[str, list[tuple[dict[str, str], dict[str, Any]]], list[int]],
) -> None:
    url, received, replies = webhook_receiver
    replies.append(500)
    await fake_telegram_bot.set_webhook(url)

    fake_bot_api.inject_message("halo", user_id=CITIZEN)
    await fake_bot_api.wait_for_webhook_deliveries(1)

    assert [d.status for d in fake_bot_api.webhook_deliveries] == [500, 200]
    assert len(received) == 2
    assert "X-Telegram-Bot-Api-Secret-Token" not in received[0][0]
    info = await fake_telegram_bot.get_webhook_info()
    assert "500" in (info.last_error_message or "")


async def test_updates_wait_for_polling_again_after_delete_webhook(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    await fake_telegram_bot.set_webhook("https://janji.example.go.id/telegram")
    fake_bot_api.inject_message("disimpan", user_id=CITIZEN)  # not local: kept pending

    await fake_telegram_bot.delete_webhook()

    [update] = await fake_telegram_bot.get_updates()
    assert update.message is not None
    assert update.message.text == "disimpan"


async def test_webhook_must_be_https_unless_local(fake_telegram_bot: telegram.Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)HTTPS URL must be provided"):
        await fake_telegram_bot.set_webhook("http://janji.example.go.id/telegram")


# ------------------------------------------------------------------------- rates


async def test_rate_report_counts_bursts_per_private_chat(
    clocked_fake: tuple[FakeBotAPI, ManualClock, telegram.Bot],
) -> None:
    fake, clock, bot = clocked_fake
    for n in range(4):
        await bot.send_message(CITIZEN, f"jawaban {n}")
    clock.advance(10)
    for n in range(3):
        await bot.send_message(CITIZEN + 1, f"jawaban {n}")
        clock.advance(1)

    report = fake.rate_report()

    assert report.sends == 7
    assert report.private_chat_max_per_second == {CITIZEN: 4, CITIZEN + 1: 1}
    assert len(report.violations) == 1  # the 4th message of a same-second burst of 4
    assert f"chat {CITIZEN}" in report.violations[0]
    assert not report.ok


async def test_rate_report_counts_groups_per_minute_and_the_global_rate(
    clocked_fake: tuple[FakeBotAPI, ManualClock, telegram.Bot],
) -> None:
    fake, clock, bot = clocked_fake
    for n in range(21):  # one message every 3 s is 20/min: the group's bucket never fills
        await bot.send_message(STAFF_GROUP, f"tiket {n}")
        clock.advance(3)
    assert fake.rate_report().ok
    for n in range(35):  # then one a second: within the chat's limit, beyond the group's
        await bot.send_message(STAFF_GROUP, f"ramai {n}")
        clock.advance(1)
    clock.advance(100)
    for chat in range(40):  # 40 citizens at the same instant: 33 pass (30/s + jitter)
        await bot.send_message(5000 + chat, "pengumuman")

    report = fake.rate_report()

    assert report.max_group_per_minute > 20
    assert report.global_max_per_second == 40
    assert not any(f"in chat {STAFF_GROUP}" in v for v in report.violations)
    assert any("messages/min in group" in v for v in report.violations)
    assert len([v for v in report.violations if "messages/s overall" in v]) == 7


async def test_enforced_limits_answer_429_until_the_bucket_refills() -> None:
    clock = ManualClock()
    async with FakeBotAPI(clock=clock, enforce_rate_limits=True) as fake:
        bot = telegram.Bot(fake.token, base_url=fake.base_url)
        async with bot:
            for n in range(3):  # a short burst is tolerated
                await bot.send_message(CITIZEN, f"bagian {n}")
            with pytest.raises(RetryAfter) as info:
                await bot.send_message(CITIZEN, "bagian 3")
            clock.advance(seconds(info.value.retry_after))
            await bot.send_message(CITIZEN, "bagian 3")

    report = fake.rate_report()
    assert seconds(info.value.retry_after) == 1
    assert fake.sent_texts(CITIZEN) == ["bagian 0", "bagian 1", "bagian 2", "bagian 3"]
    assert report.ok
    assert report.rejected_with_429 == 1


# ------------------------------------------------------------------------- waiting helpers


async def test_wait_for_message_returns_each_message_once_in_order(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    await fake_telegram_bot.send_message(CITIZEN, "satu")
    await fake_telegram_bot.send_message(CITIZEN, "dua")

    assert (await fake_bot_api.wait_for_message(CITIZEN))["text"] == "satu"
    assert (await fake_bot_api.wait_for_message(CITIZEN))["text"] == "dua"
    with pytest.raises(TimeoutError, match="bot sent: \\['satu', 'dua'\\]"):
        await fake_bot_api.wait_for_message(CITIZEN, timeout=0.05)


async def test_wait_for_message_with_predicate_and_transcript(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    fake_bot_api.inject_message("biaya KTP?", user_id=CITIZEN)
    await fake_telegram_bot.send_message(CITIZEN, "Sebentar...")
    await fake_telegram_bot.send_message(
        CITIZEN, "Biaya KTP: gratis", reply_markup=keyboard(("Jelas", "ok"))
    )

    answer = await fake_bot_api.wait_for_message(CITIZEN, lambda m: "gratis" in m["text"])
    calls = await fake_bot_api.wait_for_calls("sendMessage", 2)

    assert answer["text"] == "Biaya KTP: gratis"
    assert len(calls) == 2
    assert fake_bot_api.transcript(CITIZEN).splitlines() == [
        f"#1 user {CITIZEN}: biaya KTP?",
        "#2 bot: Sebentar...",
        "#3 bot: Biaya KTP: gratis  [buttons: Jelas]",
    ]
    fake_bot_api.clear()
    assert fake_bot_api.calls == []
    assert fake_bot_api.sent_messages() == []


# ------------------------------------------------------------------------- raw HTTP: rejections


async def test_unknown_method_is_404_like_telegram(fake_bot_api: FakeBotAPI) -> None:
    status, body = await post_form(fake_bot_api, "sendMesage", chat_id=CITIZEN, text="halo")

    assert status == 404
    assert body == {"ok": False, "error_code": 404, "description": "Not Found: method not found"}


async def test_wrong_token_is_401_like_telegram(fake_bot_api: FakeBotAPI) -> None:
    status, body = await post_form(fake_bot_api, "getMe", token="123456:WRONG")

    assert status == 401
    assert body == {"ok": False, "error_code": 401, "description": "Unauthorized"}


REJECTED_REQUESTS: list[tuple[str, str, dict[str, Any], str]] = [
    ("missing chat_id", "sendMessage", {"text": "halo"}, "Bad Request: chat_id is empty"),
    ("missing text", "sendMessage", {"chat_id": CITIZEN}, "Bad Request: message text is empty"),
    (
        "whitespace text",
        "sendMessage",
        {"chat_id": CITIZEN, "text": " \n "},
        "Bad Request: message text is empty",
    ),
    (
        "text over 4096",
        "sendMessage",
        {"chat_id": CITIZEN, "text": "a" * 4097},
        "Bad Request: message is too long",
    ),
    (
        "callback_data over 64 bytes",
        "sendMessage",
        {
            "chat_id": CITIZEN,
            "text": "x",
            "reply_markup": {"inline_keyboard": [[{"text": "A", "callback_data": "é" * 33}]]},
        },
        "Bad Request: BUTTON_DATA_INVALID",
    ),
    (
        "empty callback_data",
        "sendMessage",
        {
            "chat_id": CITIZEN,
            "text": "x",
            "reply_markup": {"inline_keyboard": [[{"text": "A", "callback_data": ""}]]},
        },
        "Bad Request: BUTTON_DATA_INVALID",
    ),
    (
        "inline button without action",
        "sendMessage",
        {"chat_id": CITIZEN, "text": "x", "reply_markup": {"inline_keyboard": [[{"text": "A"}]]}},
        "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    ),
    (
        "keyboard rows not arrays",
        "sendMessage",
        {
            "chat_id": CITIZEN,
            "text": "x",
            "reply_markup": {"inline_keyboard": [{"text": "A", "callback_data": "a"}]},
        },
        'Bad Request: can\'t parse inline keyboard button: Field "inline_keyboard" of the '
        "InlineKeyboardMarkup should be an Array of Arrays",
    ),
    (
        "reply_markup not JSON",
        "sendMessage",
        {"chat_id": CITIZEN, "text": "x", "reply_markup": "{inline_keyboard"},
        "Bad Request: can't parse reply keyboard markup JSON object",
    ),
    (
        "unclosed HTML tag",
        "sendMessage",
        {"chat_id": CITIZEN, "text": "<b>Biaya</b> <i>gratis", "parse_mode": "HTML"},
        "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"i\"",
    ),
    (
        "unescaped < from a citizen",
        "sendMessage",
        {"chat_id": CITIZEN, "text": "Anda menulis: aku <3 kantor ini", "parse_mode": "HTML"},
        'Bad Request: can\'t parse entities: Unsupported start tag "3" at byte offset 18',
    ),
    (
        "unknown HTML tag",
        "sendMessage",
        {"chat_id": CITIZEN, "text": "baris<br>baru", "parse_mode": "HTML"},
        'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 5',
    ),
    (
        "crossed HTML tags",
        "sendMessage",
        {"chat_id": CITIZEN, "text": "<b><i>x</b></i>", "parse_mode": "HTML"},
        'Bad Request: can\'t parse entities: Unmatched end tag at byte offset 7, expected "</i>", found "</b>"',
    ),
    (
        "unescaped MarkdownV2 dot",
        "sendMessage",
        {"chat_id": CITIZEN, "text": "Biaya *Rp 50.000*", "parse_mode": "MarkdownV2"},
        "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    ),
    (
        "unclosed MarkdownV2 bold",
        "sendMessage",
        {"chat_id": CITIZEN, "text": "Biaya *gratis", "parse_mode": "MarkdownV2"},
        "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 6",
    ),
    (
        "unknown parse mode",
        "sendMessage",
        {"chat_id": CITIZEN, "text": "x", "parse_mode": "RichText"},
        "Bad Request: unsupported parse_mode",
    ),
    (
        "caption over 1024",
        "sendPhoto",
        {"chat_id": CITIZEN, "photo": "https://example.go.id/a.jpg", "caption": "a" * 1025},
        "Bad Request: message caption is too long",
    ),
    (
        "missing photo",
        "sendPhoto",
        {"chat_id": CITIZEN},
        "Bad Request: there is no photo in the request",
    ),
    (
        "integer field not a number",
        "editMessageText",
        {"chat_id": CITIZEN, "message_id": "pertama", "text": "x"},
        'Bad Request: field "message_id" must be of type Integer',
    ),
    (
        "chat_id not a chat",
        "sendMessage",
        {"chat_id": "kantor", "text": "x"},
        "Bad Request: chat not found",
    ),
    (
        "boolean field not a boolean",
        "sendMessage",
        {"chat_id": CITIZEN, "text": "x", "disable_notification": "mungkin"},
        'Bad Request: field "disable_notification" must be of type Boolean',
    ),
    (
        "unknown callback query",
        "answerCallbackQuery",
        {"callback_query_id": "123"},
        "Bad Request: query is too old and response timeout expired or query ID is invalid",
    ),
    (
        "wrong chat action",
        "sendChatAction",
        {"chat_id": CITIZEN, "action": "thinking"},
        "Bad Request: wrong parameter action in request",
    ),
    (
        "command with capitals",
        "setMyCommands",
        {"commands": [{"command": "Mulai", "description": "x"}]},
        "Bad Request: BOT_COMMAND_INVALID",
    ),
    (
        "edit unknown message",
        "editMessageText",
        {"chat_id": CITIZEN, "message_id": 77, "text": "x"},
        "Bad Request: message to edit not found",
    ),
    (
        "delete unknown message",
        "deleteMessage",
        {"chat_id": CITIZEN, "message_id": 77},
        "Bad Request: message to delete not found",
    ),
]


@pytest.mark.parametrize(
    ("method", "fields", "description"),
    [case[1:] for case in REJECTED_REQUESTS],
    ids=[case[0] for case in REJECTED_REQUESTS],
)
async def test_requests_telegram_rejects_are_rejected(
    fake_bot_api: FakeBotAPI, method: str, fields: dict[str, Any], description: str
) -> None:
    status, body = await post_form(fake_bot_api, method, **fields)

    assert (status, body) == (400, {"ok": False, "error_code": 400, "description": description})
    assert fake_bot_api.sent_messages() == []


async def test_answer_callback_query_text_is_limited_to_200_characters(
    fake_bot_api: FakeBotAPI, fake_telegram_bot: telegram.Bot
) -> None:
    sent = await fake_telegram_bot.send_message(CITIZEN, "Pilih", reply_markup=keyboard(("A", "a")))
    query_id = fake_bot_api.press_button(CITIZEN, sent.message_id, "A")["callback_query"]["id"]

    status, body = await post_form(
        fake_bot_api, "answerCallbackQuery", callback_query_id=query_id, text="a" * 201
    )

    assert status == 400
    assert body["description"] == "Bad Request: MESSAGE_TOO_LONG"


@pytest.mark.parametrize(
    ("text", "parse_mode"),
    [
        ("a" * 4096, None),
        ("é" * 4096, None),  # characters, not bytes
        ("<b>" + "a" * 4096 + "</b>", "HTML"),  # counted after entity parsing
        ("&lt;" * 4096, "HTML"),
        ("\\." * 4096, "MarkdownV2"),
    ],
    ids=["plain", "multibyte", "html-tags", "html-escapes", "markdownv2-escapes"],
)
async def test_4096_characters_after_parsing_are_accepted(
    fake_bot_api: FakeBotAPI, text: str, parse_mode: str | None
) -> None:
    fields: dict[str, Any] = {"chat_id": CITIZEN, "text": text}
    if parse_mode:
        fields["parse_mode"] = parse_mode

    status, body = await post_form(fake_bot_api, "sendMessage", **fields)

    assert status == 200, body
    assert len(body["result"]["text"]) == 4096


async def test_json_bodies_and_query_strings_are_accepted_too(fake_bot_api: FakeBotAPI) -> None:
    payload = {
        "chat_id": CITIZEN,
        "text": "json",
        "reply_markup": {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]},
    }
    async with aiohttp.ClientSession() as session:
        async with session.post(fake_bot_api.method_url("sendMessage"), json=payload) as response:
            sent = await response.json()
        async with session.get(
            fake_bot_api.method_url("getChat"), params={"chat_id": str(CITIZEN)}
        ) as response:
            chat = await response.json()
        async with session.get(
            fake_bot_api.method_url("getme")
        ) as response:  # names are case-insensitive
            me = await response.json()

    assert sent["result"]["reply_markup"] == payload["reply_markup"]
    assert chat["result"]["id"] == CITIZEN
    assert me["result"]["username"] == "janji_test_bot"


def _plausible_value(field: dict[str, Any]) -> Any:
    kind = field["types"][0]
    if field["name"] in {"chat_id", "user_id", "from_chat_id"}:
        return CITIZEN
    return {
        "Integer": 1,
        "Float": 1.0,
        "Boolean": True,
        "String": "x",
        "InputFile": "https://example.go.id/a.jpg",
    }.get(kind, [] if kind.startswith("Array of") else {})


async def test_every_method_in_the_spec_is_known_and_answers_in_telegrams_shape(
    fake_bot_api: FakeBotAPI,
) -> None:
    fake_bot_api.inject_message("halo", user_id=CITIZEN)
    answers: dict[str, tuple[int, dict[str, Any]]] = {}
    for name, method in load_spec()["methods"].items():
        required = {
            f["name"]: _plausible_value(f) for f in method.get("fields", []) if f["required"]
        }
        answers[name] = await post_form(fake_bot_api, name, **required)

    assert len(answers) == 180
    assert {status for status, _ in answers.values()} <= {200, 400}
    for status, body in answers.values():
        assert body["ok"] is (status == 200)
        assert (
            ("result" in body) if status == 200 else body["description"].startswith("Bad Request: ")
        )
    assert answers["getMe"][1]["result"]["is_bot"] is True
    assert fake_bot_api.internal_errors == []


async def test_every_call_is_recorded_with_status(fake_bot_api: FakeBotAPI) -> None:
    await post_form(fake_bot_api, "sendMessage", chat_id=CITIZEN, text="halo")
    await post_form(fake_bot_api, "sendMessage", chat_id=CITIZEN, text="")
    await post_form(fake_bot_api, "nope")

    recorded = [(method, status) for method, _params, _timestamp, status in fake_bot_api.calls]
    assert recorded == [("sendMessage", 200), ("sendMessage", 400), ("nope", 404)]
    assert fake_bot_api.calls[1].description == "Bad Request: message text is empty"


# ------------------------------------------------------------------------- formatting, pure


@pytest.mark.parametrize(
    ("text", "mode", "plain", "entities"),
    [
        ("<b>a</b><i>b</i>", "HTML", "ab", [("bold", 0, 1), ("italic", 1, 1)]),
        ('<a href="https://x.go.id">situs</a>', "HTML", "situs", [("text_link", 0, 5)]),
        ('<pre><code class="language-python">x</code></pre>', "HTML", "x", [("pre", 0, 1)]),
        ("<tg-spoiler>r</tg-spoiler> &#65;&#x42;", "HTML", "r AB", [("spoiler", 0, 1)]),
        ("AT&T &nbsp;", "HTML", "AT&T &nbsp;", []),
        ("😀<b>x</b>", "HTML", "😀x", [("bold", 2, 1)]),
        (
            "*tebal* _miring_ __garis__ ~coret~ ||rahasia||",
            "MarkdownV2",
            "tebal miring garis coret rahasia",
            [
                ("bold", 0, 5),
                ("italic", 6, 6),
                ("underline", 13, 5),
                ("strikethrough", 19, 5),
                ("spoiler", 25, 7),
            ],
        ),
        (
            "[situs](https://x.go.id/a\\)b) `kode`",
            "MarkdownV2",
            "situs kode",
            [("text_link", 0, 5), ("code", 6, 4)],
        ),
        ("Rp 50\\.000", "MarkdownV2", "Rp 50.000", []),
        (
            "*tebal* _miring_ `kode`",
            "Markdown",
            "tebal miring kode",
            [("bold", 0, 5), ("italic", 6, 6), ("code", 13, 4)],
        ),
        ("  <b>x</b>  ", "HTML", "x", [("bold", 0, 1)]),
    ],
)
def test_parse_formatted_text_matches_telegram(
    text: str, mode: str, plain: str, entities: list[tuple[str, int, int]]
) -> None:
    parsed_text, parsed_entities = parse_formatted_text(text, mode)

    assert parsed_text == plain
    assert [(e["type"], e["offset"], e["length"]) for e in parsed_entities] == entities


# Telegram text is valid UTF-8: no lone surrogates.
citizen_text = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=200)


@given(citizen_text)
def test_html_escaped_text_is_never_rejected(text: str) -> None:
    plain, entities = parse_formatted_text(f"<b>Anda:</b> {html.escape(text)}", "HTML")

    assert plain == f"Anda: {text}".strip()
    assert entities[0]["type"] == "bold"


@given(citizen_text)
def test_markdown_v2_escaped_text_is_never_rejected(text: str) -> None:
    plain, _ = parse_formatted_text(f"*Anda:* {escape_markdown(text, version=2)}", "MarkdownV2")

    assert plain == f"Anda: {text}".strip()
