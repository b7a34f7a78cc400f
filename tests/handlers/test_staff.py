"""The staff side in the staff group: cards, claims, replies, the guardrail, SLA, ratings."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest

from bot.domain.models import EventKind, TicketStatus
from tests.handlers.conftest import ANI, BUDI, LISTED_OFFICER, STAFF_CHAT, Harness
from tests.handlers.test_citizen import buttons, ticket_number

JsonDict = dict[str, Any]

BOTH_BACKENDS = pytest.mark.parametrize(
    "backend",
    ["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)],
    indirect=True,
)


async def open_ticket(harness: Harness, citizen: int, text: str) -> tuple[str, JsonDict]:
    """A citizen asks for an officer; returns the ticket number and its card."""
    opened = await harness.ask(citizen, f"/petugas {text}")
    number = ticket_number(opened["text"])
    return number, await harness.card_for(number)


def ticket_id(number: str) -> int:
    return int(number[4:])


@BOTH_BACKENDS
async def test_officer_reply_to_the_card_reaches_the_citizen(harness: Harness) -> None:
    number, card = await open_ticket(harness, 2001, "KTP saya belum jadi sudah 2 minggu")
    harness.officer_says(BUDI, "Mohon maaf, KTP Anda sudah bisa diambil besok.", card["message_id"])
    relayed = await harness.reply_in(2001)
    assert relayed["text"] == (
        f"Petugas Budi ({number}):\nMohon maaf, KTP Anda sudah bisa diambil besok."
    )
    ack = await harness.staff_message(lambda m: m.get("text", "").startswith("✅"))
    assert number in ack["text"]
    ticket = await harness.bundle.store.get_ticket(ticket_id(number))
    assert ticket is not None and ticket.status is TicketStatus.CLAIMED
    assert ticket.claimed_by_id == BUDI and ticket.first_response_at is not None


@BOTH_BACKENDS
async def test_two_officers_claiming_at_once_exactly_one_wins(harness: Harness) -> None:
    number, card = await open_ticket(harness, 2002, "tolong bantu urus akta")
    first = harness.fake.press_button(STAFF_CHAT, card["message_id"], "Ambil", from_user_id=BUDI)
    second = harness.fake.press_button(STAFF_CHAT, card["message_id"], "Ambil", from_user_id=ANI)
    await harness.fake.wait_for_calls("answerCallbackQuery", 2, ok_only=True)
    answers = [
        harness.fake.callback_answers[update["callback_query"]["id"]]["text"]
        for update in (first, second)
    ]
    won = [a for a in answers if "sekarang Anda tangani" in a]
    lost = [a for a in answers if "sudah diambil oleh" in a]
    assert len(won) == 1 and len(lost) == 1, answers
    notice = await harness.staff_message(lambda m: m.get("text", "").startswith("✋"))
    assert number in notice["text"]
    await harness.idle()
    claims = await harness.bundle.store.events(kinds=[EventKind.TICKET_CLAIMED])
    assert len(claims) == 1


async def test_jawab_command_in_the_staff_chat_and_from_a_listed_officer(harness: Harness) -> None:
    number, _ = await open_ticket(harness, 2003, "apakah bisa bikin KK online?")
    harness.officer_says(ANI, f"/jawab {number} Bisa, lewat aplikasi Sukamaju Online.")
    relayed = await harness.reply_in(2003)
    assert relayed["text"].endswith("Bisa, lewat aplikasi Sukamaju Online.")
    assert relayed["text"].startswith(f"Petugas Ani ({number})")
    harness.fake.inject_message(
        f"/jawab {number} Jangan lupa bawa KK lama.", user_id=LISTED_OFFICER, first_name="Rudi"
    )
    second = await harness.reply_in(2003)
    assert second["text"].startswith(f"Petugas Rudi ({number})")


async def test_strangers_cannot_act_on_tickets(harness: Harness) -> None:
    number, _ = await open_ticket(harness, 2004, "mau tanya soal reklame")
    reply = await harness.ask(2099, f"/jawab {number} saya bukan petugas")
    assert reply["text"] == "Hanya petugas yang dapat melakukan ini."
    await harness.idle()
    assert len(harness.fake.sent_texts(2004)) == 1  # only the ticket confirmation


async def test_a_member_of_the_staff_chat_may_answer_from_a_private_chat(harness: Harness) -> None:
    number, _ = await open_ticket(harness, 2005, "izin reklame butuh berapa lama?")
    harness.fake.inject_message(
        f"/jawab {number} Lima hari kerja.", user_id=BUDI, first_name="Budi"
    )
    relayed = await harness.reply_in(2005)
    assert relayed["text"].endswith("Lima hari kerja.")


@BOTH_BACKENDS
async def test_reply_contradicting_a_promise_is_held_then_overridden_with_a_reason(
    harness: Harness,
) -> None:
    opened = await harness.ask(2006, "berapa biaya bikin KTP?")
    harness.fake.press_button(2006, opened["message_id"], "🙋 Hubungi petugas")
    number = ticket_number((await harness.reply_in(2006))["text"])
    card = await harness.card_for(number)
    harness.officer_says(BUDI, "Biaya pembuatan KTP Rp 50.000 ya pak.", card["message_id"])
    notice = await harness.staff_message(lambda m: "DITAHAN" in m.get("text", ""))
    assert "Biaya" in notice["text"] and "Rp 50.000" in notice["text"]
    assert "dijanjikan" in notice["text"]  # the broken promise is shown
    assert [label for label, _ in buttons(notice)] == ["Kirim tetap", "Batal"]
    await harness.idle()
    assert len(harness.fake.sent_texts(2006)) == 2  # answer + ticket; the reply was not sent

    press = harness.fake.press_button(
        STAFF_CHAT, notice["message_id"], "Kirim tetap", from_user_id=ANI
    )
    await harness.fake.wait_for_calls("answerCallbackQuery", 2, ok_only=True)
    prompt = harness.fake.callback_answers[press["callback_query"]["id"]]
    assert "alasan" in prompt["text"] and prompt.get("show_alert")
    harness.officer_says(ANI, "Denda keterlambatan, bukan biaya KTP", notice["message_id"])
    relayed = await harness.reply_in(2006)
    assert relayed["text"].endswith("Biaya pembuatan KTP Rp 50.000 ya pak.")
    assert relayed["text"].startswith(f"Petugas Budi ({number})")
    logged = await harness.bundle.store.events(kinds=[EventKind.REPLY_OVERRIDDEN])
    assert len(logged) == 1
    assert (
        logged[0].actor_id == ANI
        and logged[0].data["reason"] == "Denda keterlambatan, bukan biaya KTP"
    )
    overridden = await harness.staff_message(lambda m: m.get("text", "").startswith("📨"))
    assert "Denda keterlambatan" in overridden["text"]


async def test_held_reply_can_be_discarded_and_replaced(harness: Harness) -> None:
    _number, card = await open_ticket(harness, 2007, "berapa biaya KTP sebenarnya?")
    harness.officer_says(BUDI, "Biaya KTP Rp 25.000.", card["message_id"])
    notice = await harness.staff_message(lambda m: "DITAHAN" in m.get("text", ""))
    harness.fake.press_button(STAFF_CHAT, notice["message_id"], "Batal", from_user_id=BUDI)
    await harness.fake.wait_for_calls("answerCallbackQuery", ok_only=True)
    harness.officer_says(BUDI, "Maaf, KTP-el gratis, tidak dipungut biaya.", card["message_id"])
    relayed = await harness.reply_in(2007)
    assert relayed["text"].endswith("Maaf, KTP-el gratis, tidak dipungut biaya.")


@BOTH_BACKENDS
async def test_resolve_asks_for_a_rating_then_a_comment(harness: Harness) -> None:
    _number, card = await open_ticket(harness, 2008, "bagaimana cara daftar kartu kuning?")
    harness.officer_says(BUDI, "Silakan datang ke loket Disnaker dengan KTP.", card["message_id"])
    await harness.reply_in(2008)
    harness.fake.press_button(STAFF_CHAT, card["message_id"], "Selesai", from_user_id=BUDI)
    request = await harness.reply_in(2008)
    assert "penilaian" in request["text"]
    labels = [label for label, _ in buttons(request)]
    assert labels == ["Tidak puas", "Kurang puas", "Puas", "Sangat puas", "Buka lagi"]
    harness.fake.press_button(2008, request["message_id"], "Sangat puas")
    thanks = await harness.reply_in(2008)
    assert "Sangat puas" in thanks["text"]
    await harness.idle()
    rating_message = harness.fake.sent_messages(2008)[-2]
    assert "reply_markup" not in rating_message  # the buttons are gone after rating
    comment = await harness.ask(2008, "Petugasnya ramah sekali, terima kasih")
    assert "komentar" in comment["text"]
    await harness.staff_message(lambda m: m.get("text", "").startswith("⭐"))
    noted = await harness.staff_message(lambda m: m.get("text", "").startswith("📝"))
    assert "ramah sekali" in noted["text"]


async def test_reopen_after_resolve(harness: Harness) -> None:
    _number, card = await open_ticket(harness, 2009, "berkas saya hilang")
    harness.fake.press_button(STAFF_CHAT, card["message_id"], "Selesai", from_user_id=ANI)
    request = await harness.reply_in(2009)
    harness.fake.press_button(2009, request["message_id"], "Buka lagi")
    reopened = await harness.reply_in(2009)
    assert "dibuka kembali" in reopened["text"]
    await harness.staff_message(lambda m: m.get("text", "").startswith("🔁"))


async def test_sla_reminder_then_breach_appear_in_the_staff_chat(harness: Harness) -> None:
    number, _ = await open_ticket(harness, 2010, "pengaduan: antrean terlalu panjang")
    harness.clock.advance(hours=19)  # 1x24 jam promised; reminder after 75 %
    reminder = await harness.staff_message(lambda m: m.get("text", "").startswith("⏰"))
    assert number in reminder["text"]
    harness.clock.advance(hours=6)
    breach = await harness.staff_message(lambda m: m.get("text", "").startswith("🚨"))
    assert number in breach["text"] and "MELEWATI" in breach["text"]


async def test_a_citizen_who_blocked_the_bot_is_shown_to_staff(harness: Harness) -> None:
    number, card = await open_ticket(harness, 2011, "saya mau komplain")
    harness.fake.block_chat(2011)
    harness.officer_says(BUDI, "Baik, kami cek dulu.", card["message_id"])
    blocked = await harness.staff_message(lambda m: m.get("text", "").startswith("🚫"))
    assert number in blocked["text"]
    ticket = await harness.bundle.store.get_ticket(ticket_id(number))
    assert ticket is not None and ticket.citizen_blocked


async def test_officer_photo_reply_is_relayed_as_a_photo(harness: Harness) -> None:
    _number, card = await open_ticket(harness, 2012, "contoh formulirnya seperti apa?")
    harness.fake.inject_message(
        user_id=BUDI,
        chat_id=STAFF_CHAT,
        chat_type="supergroup",
        first_name="Budi",
        photo=b"\x89PNG formulir",
        caption="Ini contoh formulir F-1.01",
        reply_to_message_id=card["message_id"],
    )
    relayed = await harness.reply_in(2012, predicate=lambda m: "photo" in m)
    assert relayed["caption"].endswith("Ini contoh formulir F-1.01")


async def test_officer_chatter_replying_to_each_other_is_not_a_ticket_reply(
    harness: Harness,
) -> None:
    said = harness.officer_says(BUDI, "siapa yang piket hari ini?")
    harness.officer_says(ANI, "saya", said["message_id"])
    await harness.idle()
    assert harness.fake.sent_texts(STAFF_CHAT) == []


@pytest.mark.parametrize("settings_overrides", [{}])
async def test_forum_staff_chat_gets_one_topic_per_ticket(harness: Harness) -> None:
    harness.fake.add_chat(STAFF_CHAT, "supergroup", title="Petugas MPP", is_forum=True)
    number, card = await open_ticket(harness, 2013, "tolong hubungi saya soal PBG")
    other, other_card = await open_ticket(harness, 2014, "saya mau tanya soal NIB")
    topics = harness.fake.forum_topics(STAFF_CHAT)
    assert [t["name"] for t in topics] == [f"{number} · Warga2013", f"{other} · Warga2014"]
    assert card["message_thread_id"] == topics[0]["message_thread_id"]
    assert other_card["message_thread_id"] == topics[1]["message_thread_id"]
    # An officer writes in the ticket's topic without replying to anything in particular.
    harness.officer_says(
        BUDI,
        "Baik, besok kami telepon.",
        message_thread_id=topics[0]["message_thread_id"],
        is_topic_message=True,
    )
    relayed = await harness.reply_in(2013)
    assert relayed["text"].endswith("Baik, besok kami telepon.")
    ack = await harness.staff_message(lambda m: m.get("text", "").startswith("✅"))
    assert ack["message_thread_id"] == topics[0]["message_thread_id"]
    follow_up = await harness.ask(2013, "terima kasih, saya tunggu")
    assert "diteruskan" in follow_up["text"]
    forwarded = await harness.staff_message(lambda m: "saya tunggu" in m.get("text", ""))
    assert forwarded["message_thread_id"] == topics[0]["message_thread_id"]


async def test_a_telegram_hiccup_loses_neither_the_answer_nor_the_card(harness: Harness) -> None:
    harness.fake.fail_next("sendMessage", 502, times=2)  # whichever messages come first
    opened = await harness.ask(2015, "/petugas tolong dicek berkas saya")
    number = ticket_number(opened["text"])
    card = await harness.card_for(number, timeout=15)
    assert card["text"].startswith(f"🎫 {number}")
    failed = [c for c in harness.fake.failed_calls() if c.method == "sendMessage"]
    assert len(failed) == 2


async def test_nothing_is_logged_as_an_error_in_a_normal_conversation(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    number, card = await open_ticket(harness, 2016, "halo, saya mau tanya")
    harness.officer_says(BUDI, "Silakan, ada yang bisa dibantu?", card["message_id"])
    await harness.reply_in(2016)
    await asyncio.sleep(0.2)
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
    assert re.fullmatch(r"JNJ-\d{6}", number)
