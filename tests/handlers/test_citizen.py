"""Citizen conversations through the real application and the fake Bot API."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.handlers.conftest import ADMIN, STAFF_CHAT, Harness

JsonDict = dict[str, Any]


def buttons(message: JsonDict) -> list[tuple[str, str]]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]


def ticket_number(text: str) -> str:
    found = re.search(r"JNJ-\d{6}", text)
    assert found, f"no ticket number in {text!r}"
    return found.group(0)


async def test_start_greets_and_says_how_to_reach_a_person(harness: Harness) -> None:
    reply = await harness.ask(1001, "/start", first_name="Siti")
    text = reply["text"]
    assert text.startswith("Halo, Siti!")
    assert "/layanan" in text and "/petugas" in text
    menu = [c["command"] for c in harness.fake.bot_commands()]
    assert {"start", "layanan", "petugas", "status", "batal", "bahasa"} <= set(menu)
    assert "services" in [c["command"] for c in harness.fake.bot_commands(language_code="en")]


async def test_help(harness: Harness) -> None:
    reply = await harness.ask(1001, "/help")
    assert "/layanan" in reply["text"] and "/batal" in reply["text"]


@pytest.mark.parametrize(
    ("question", "expected", "source"),
    [
        ("berapa biaya bikin KTP?", "gratis", "disdukcapil/ktp-el.md"),
        ("berapa lama bikin akta kelahiran", "5 hari kerja", "disdukcapil/akta-kelahiran.md"),
        ("jam buka SKCK", "08.00-14.00", "polres/skck.md"),
        ("syarat kartu keluarga apa aja", "Formulir biodata keluarga", "kartu-keluarga.md"),
    ],
    ids=["fee", "duration", "hours", "requirements"],
)
async def test_a_question_per_field_gets_the_answer_with_its_source(
    harness: Harness, question: str, expected: str, source: str
) -> None:
    reply = await harness.ask(1001, question)
    assert expected in reply["text"]
    assert "Sumber:" in reply["text"] and source in reply["text"]
    actions = [data for _, data in buttons(reply)]
    assert [a.split(":")[0] for a in actions] == ["fb", "fb", "officer"]
    methods = [call.method for call in harness.fake.calls if call.params.get("chat_id") == 1001]
    assert methods == ["sendChatAction", "sendMessage"]  # typing first, then the answer
    assert harness.fake.calls_to("sendChatAction")[0].params["action"] == "typing"


async def test_english_question_gets_an_english_answer(harness: Harness) -> None:
    reply = await harness.ask(1002, "how much does a passport cost?")
    assert "Source:" in reply["text"] and "350.000" in reply["text"]
    assert [label for label, _ in buttons(reply)][1] == "👎 Not helpful"


async def test_language_command_switches_the_bots_own_language(harness: Harness) -> None:
    reply = await harness.ask(1003, "/language")
    assert "English" in reply["text"]
    helped = await harness.ask(1003, "/help")
    assert helped["text"].startswith("How to use janji")
    answer = await harness.ask(1003, "berapa biaya skck")
    assert next(label for label, _ in buttons(answer)) == "👍 Helpful"
    assert answer["text"].startswith("Fee for")  # the chosen language, not the question's
    assert "Source:" in answer["text"]
    back = await harness.ask(1003, "/bahasa id")
    assert "Bahasa Indonesia" in back["text"]
    again = await harness.ask(1003, "how much is the skck")
    assert again["text"].startswith("Biaya")


async def test_services_keyboard_shows_promises_of_the_service_picked(harness: Harness) -> None:
    listing = await harness.ask(1004, "/layanan")
    offered = buttons(listing)
    assert len(offered) == len(harness.bundle.engine.knowledge.services)
    assert all(len(data.encode()) <= 64 for _, data in offered)
    harness.fake.press_button(1004, listing["message_id"], "Penerbitan KTP-el")
    card = await harness.reply_in(1004)
    text = card["text"]
    assert "KTP-el" in text and "gratis" in text.lower()
    assert "1 hari kerja" in text
    assert "08.00" in text
    assert "Sumber: disdukcapil/ktp-el.md" in text


async def test_not_helpful_offers_an_officer_and_opens_a_ticket(harness: Harness) -> None:
    answer = await harness.ask(1005, "berapa biaya paspor")
    harness.fake.press_button(1005, answer["message_id"], "👎 Tidak membantu")
    offer = await harness.reply_in(1005)
    assert "petugas" in offer["text"]
    assert [data for _, data in buttons(offer)] == [buttons(answer)[2][1] + ":nh"]
    harness.fake.press_button(1005, offer["message_id"], "🙋 Hubungi petugas")
    opened = await harness.reply_in(1005)
    number = ticket_number(opened["text"])
    assert "paling lambat" in opened["text"]
    card = await harness.card_for(number)
    assert "Jawaban bot tidak membantu" in card["text"]
    assert "berapa biaya paspor" in card["text"]


async def test_helpful_press_is_thanked_quietly(harness: Harness) -> None:
    answer = await harness.ask(1006, "berapa biaya skck")
    update = harness.fake.press_button(1006, answer["message_id"], "👍 Membantu")
    await harness.fake.wait_for_calls("answerCallbackQuery", ok_only=True)
    await harness.idle()
    query_id = update["callback_query"]["id"]
    assert "Terima kasih" in harness.fake.callback_answers[query_id].get("text", "")
    assert len(harness.fake.sent_messages(1006)) == 1


async def test_complaint_is_escalated_with_ticket_number_and_promise(harness: Harness) -> None:
    reply = await harness.ask(1007, "pelayanannya lambat sekali, saya kecewa, petugasnya kasar")
    text = reply["text"]
    number = ticket_number(text)
    assert "Mohon maaf" in text and "1x24 jam" in text
    card = await harness.card_for(number)
    assert "Pengaduan" in card["text"]
    assert [data for _, data in buttons(card)] == [
        f"claim:{int(number[4:])}",
        f"resolve:{int(number[4:])}",
    ]


async def test_petugas_command_and_status_and_cancel(harness: Harness) -> None:
    opened = await harness.ask(1008, "/petugas saya butuh bantuan soal tanah warisan")
    number = ticket_number(opened["text"])
    await harness.card_for(number)
    status = await harness.ask(1008, "/status")
    assert number in status["text"] and "menunggu petugas" in status["text"]
    follow_up = await harness.ask(1008, "ini tambahan informasinya")
    assert "diteruskan ke petugas" in follow_up["text"]
    forwarded = await harness.staff_message(
        lambda m: "ini tambahan informasinya" in m.get("text", "")
    )
    assert forwarded["text"].startswith(f"💬 {number}")
    cancelled = await harness.ask(1008, "/batal")
    assert "dibatalkan" in cancelled["text"]
    again = await harness.ask(1008, "/batal")
    assert again["text"] == "Anda tidak memiliki tiket yang sedang terbuka."


@pytest.mark.parametrize(
    "media",
    [
        {"photo": True},
        {"voice": True},
        {"sticker": True},
        {"document": True},
        {"location": True},
        {"contact": True},
    ],
    ids=lambda media: next(iter(media)),
)
async def test_non_text_messages_get_a_polite_reply(
    harness: Harness, media: dict[str, Any]
) -> None:
    harness.fake.inject_message(user_id=1009, **media)
    reply = await harness.reply_in(1009)
    assert reply["text"].startswith("Maaf, saya hanya dapat membaca pesan teks.")


async def test_attachments_to_an_open_ticket_go_to_staff(harness: Harness) -> None:
    opened = await harness.ask(1010, "/petugas KTP saya rusak, ini fotonya")
    number = ticket_number(opened["text"])
    await harness.card_for(number)
    harness.fake.inject_message(user_id=1010, photo=b"\x89PNG ktp rusak", caption="foto KTP")
    ack = await harness.reply_in(1010)
    assert "diteruskan ke petugas" in ack["text"]
    photo = await harness.staff_message(lambda m: "photo" in m)
    assert photo["caption"].startswith(f"💬 {number}") and "foto KTP" in photo["caption"]
    harness.fake.inject_message(user_id=1010, location=(-6.2, 106.8))
    await harness.reply_in(1010)
    where = await harness.staff_message(lambda m: "📍" in m.get("text", ""))
    assert "-6.20000, 106.80000" in where["text"]


async def test_edited_message_is_answered_as_a_new_question(harness: Harness) -> None:
    asked = harness.say(1011, "berapa biaya skck")
    first = await harness.reply_in(1011)
    assert "30.000" in first["text"]
    harness.fake.inject_edited_message(1011, asked["message_id"], "berapa biaya paspor")
    second = await harness.reply_in(1011)
    assert "350.000" in second["text"]


async def test_in_groups_the_bot_answers_only_when_mentioned_or_replied_to(
    harness: Harness,
) -> None:
    group = -100555
    common: dict[str, Any] = {"chat_id": group, "chat_type": "supergroup", "user_id": 1012}
    harness.fake.inject_message("berapa biaya skck", **common)
    mentioned = harness.fake.inject_message("@janji_test_bot berapa biaya paspor", **common)
    answer = await harness.reply_in(group)
    assert "350.000" in answer["text"]
    assert answer["reply_to_message"]["message_id"] == mentioned["message"]["message_id"]
    harness.fake.inject_message(
        "kalau KTP berapa biayanya?", reply_to_message_id=answer["message_id"], **common
    )
    followed = await harness.reply_in(group)
    assert "KTP-el" in followed["text"]
    await harness.idle()
    assert len(harness.fake.sent_messages(group)) == 2


async def test_echoed_user_text_is_escaped(harness: Harness) -> None:
    nasty = "petugas <b>kasar</b> & *tidak_sopan* [link](x) <script>"
    opened = await harness.ask(1013, f"/petugas {nasty}", first_name="<i>Budi</i> & *co*")
    number = ticket_number(opened["text"])
    card = await harness.card_for(number)
    assert nasty in card["text"]
    assert "<i>Budi</i> & *co*" in card["text"]
    assert "entities" not in card  # nothing was interpreted as formatting


@pytest.mark.parametrize("settings_overrides", [{"user_rate_limit": 3}])
async def test_flood_from_one_citizen_gets_answers_then_one_please_wait(harness: Harness) -> None:
    for i in range(10):
        harness.say(1014, f"berapa biaya skck {i}")
    await harness.idle()
    texts = harness.fake.sent_texts(1014)
    assert len(texts) == 4, texts
    assert all("30.000" in t for t in texts[:3])
    assert texts[3].startswith("Mohon tunggu sebentar")
    report = harness.fake.rate_report()
    assert report.ok, report.violations


@pytest.mark.parametrize("settings_overrides", [{"user_rate_limit": 3}])
async def test_admins_are_not_rate_limited(harness: Harness) -> None:
    for i in range(5):
        harness.say(ADMIN, f"jam buka skck {i}")
    await harness.idle()
    assert len(harness.fake.sent_texts(ADMIN)) == 5


async def test_an_update_delivered_twice_is_answered_once(harness: Harness) -> None:
    from telegram import Update

    update = harness.fake.inject_message("berapa biaya skck", user_id=1015)
    await harness.reply_in(1015)
    await harness.app.update_queue.put(Update.de_json(update, harness.app.bot))
    await harness.idle()
    assert len(harness.fake.sent_texts(1015)) == 1


async def test_staff_chat_chatter_is_ignored(harness: Harness) -> None:
    harness.officer_says(701, "pagi semua, berapa biaya skck?")
    await harness.idle()
    assert harness.fake.sent_texts(STAFF_CHAT) == []


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("lowongan kerja pabrik di lembah hijau ada ga", "Di luar cakupan"),
        ("harga cabai di pasar wana brp skrg", "Bot kurang yakin"),
    ],
    ids=["out-of-scope", "low-confidence"],
)
async def test_questions_the_engine_cannot_answer_go_to_an_officer(
    harness: Harness, question: str, reason: str
) -> None:
    reply = await harness.ask(1016, question)
    number = ticket_number(reply["text"])
    card = await harness.card_for(number)
    assert reason in card["text"]


async def test_telegram_flood_wait_is_honoured_and_the_answer_still_arrives(
    harness: Harness,
) -> None:
    harness.fake.rate_limit_next("sendMessage", retry_after=1)
    reply = await harness.ask(1017, "berapa biaya skck")
    assert "30.000" in reply["text"]
    await harness.idle()
    assert len(harness.fake.sent_texts(1017)) == 1
    assert [c.status for c in harness.fake.failed_calls()] == [429]
