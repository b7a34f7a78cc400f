"""The ticket flow end to end against a real store: what citizens and officers would see."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.domain.models import (
    Answer,
    EscalationReason,
    EventKind,
    OutboxMessage,
    OutboxStatus,
    Source,
    Ticket,
    TicketStatus,
)
from bot.domain.outbox import OutboxDispatcher
from bot.domain.ticket_texts import mask_personal
from bot.domain.tickets import CitizenRef, Officer, TicketDesk, TicketOpened
from bot.errors import TicketError
from bot.store import SqlStore
from bot.store.tables import metadata
from guardrails.check import PromiseChecker, Verdict
from guardrails.promises import parse_duration
from tests.domain.conftest import (
    ANI,
    BUDI,
    JOHN,
    LISTED_OFFICER,
    SITI,
    STAFF_CHAT,
    STRANGER,
    FakeClock,
    RecordingSender,
    make_desk,
)

KTP_QUESTION = "KTP saya sudah 2 minggu belum jadi, kenapa ya?"


def ktp_answer(question: str = KTP_QUESTION) -> Answer:
    return Answer(
        question=question,
        text="Penerbitan KTP-el selesai paling lama 1 hari kerja dan tidak dipungut biaya.",
        language="id",
        escalate=True,
        reason=EscalationReason.COMPLAINT,
        sources=(Source("ktp-el", "disdukcapil/ktp-el.md", 0.82, "Penerbitan KTP-el"),),
        guardrail=Verdict("ok"),
        service_id="ktp-el",
    )


async def open_ktp_complaint(desk: TicketDesk, citizen: CitizenRef = SITI) -> TicketOpened:
    return await desk.open_ticket(
        citizen,
        EscalationReason.COMPLAINT,
        KTP_QUESTION,
        ktp_answer(),
        context=["halo min", "mau tanya soal KTP"],
    )


async def pending(store: SqlStore) -> list[OutboxMessage]:
    return await store.due(datetime(2100, 1, 1, tzinfo=UTC), limit=1000)


async def ticket_of(store: SqlStore, ticket_id: int) -> Ticket:
    ticket = await store.get_ticket(ticket_id)
    assert ticket is not None
    return ticket


async def kinds(store: SqlStore, ticket_id: int) -> list[EventKind]:
    return [event.kind for event in await store.events(ticket_id=ticket_id)]


async def snapshot(store: SqlStore) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: what a bad request must leave untouched."""
    rows: dict[str, list[tuple[object, ...]]] = {}
    async with store.engine.connect() as connection:
        for name, table in metadata.tables.items():
            result = await connection.execute(select(table).order_by(*table.primary_key))
            rows[name] = [tuple(row) for row in result]
    return rows


# -- opening ----------------------------------------------------------------------------------


async def test_an_escalation_opens_a_ticket_and_tells_the_citizen_number_and_promise(
    store: SqlStore, desk: TicketDesk
) -> None:
    opened = await open_ktp_complaint(desk)

    assert opened.created
    assert opened.ticket.number == "JNJ-000001"
    assert "JNJ-000001" in opened.citizen_text
    assert "paling lambat 1x24 jam" in opened.citizen_text
    assert "3 Mar 2026 08.00 WIB" in opened.citizen_text  # Monday 08.00 WIB + 24 h
    ticket = await ticket_of(store, opened.ticket.id)
    assert ticket.status is TicketStatus.OPEN
    assert ticket.due_at == ticket.created_at + timedelta(hours=24)
    assert ticket.context == ("halo min", "mau tanya soal KTP")
    assert await kinds(store, ticket.id) == [EventKind.TICKET_CREATED]


async def test_the_staff_card_carries_everything_an_officer_needs(
    store: SqlStore, desk: TicketDesk
) -> None:
    opened = await open_ktp_complaint(desk)

    [card] = await pending(store)
    assert card.chat_id == STAFF_CHAT
    assert card.purpose == "ticket_card"
    assert card.ticket_id == opened.ticket.id
    for expected in (
        "JNJ-000001",
        "Pengaduan",
        "Siti Aminah",
        "Penerbitan KTP-el",
        KTP_QUESTION,
        "tidak dipungut biaya",  # the bot's answer
        "disdukcapil/ktp-el.md",  # its source
        "mau tanya soal KTP",  # recent messages
        "3 Mar 2026 08.00 WIB",
    ):
        assert expected in card.text
    assert [[(b.label, b.action) for b in row] for row in card.buttons] == [
        [("Ambil", "claim:1"), ("Selesai", "resolve:1")]
    ]
    assert card.topic_title is not None and card.topic_title.startswith("JNJ-000001")


async def test_an_english_citizen_is_answered_in_english(desk: TicketDesk) -> None:
    opened = await desk.open_ticket(JOHN, EscalationReason.HUMAN_REQUEST, "I want a person")
    assert "JNJ-000001" in opened.citizen_text
    assert "within 24 hours" in opened.citizen_text
    assert "3 Mar 2026 08:00 WIB" in opened.citizen_text


async def test_a_second_escalation_joins_the_open_ticket(store: SqlStore, desk: TicketDesk) -> None:
    first = await open_ktp_complaint(desk)
    again = await desk.open_ticket(SITI, EscalationReason.HUMAN_REQUEST, "tolong dibantu min")

    assert not again.created
    assert again.ticket.id == first.ticket.id
    assert "JNJ-000001" in again.citizen_text
    assert await store.count("tickets") == 1
    forwarded = [m for m in await pending(store) if m.purpose == "citizen_message"]
    assert [m.text.endswith("tolong dibantu min") for m in forwarded] == [True]


async def test_working_day_promises_skip_the_weekend(
    store: SqlStore, clock: FakeClock, checker: PromiseChecker
) -> None:
    desk = make_desk(store, clock, checker, complaint_response=parse_duration("1 hari kerja"))
    clock.current = datetime(2026, 3, 6, 3, 0, tzinfo=UTC)  # Friday 10.00 WIB
    opened = await desk.open_ticket(SITI, EscalationReason.COMPLAINT, "kok lama")
    assert opened.ticket.due_at == datetime(2026, 3, 9, 3, 0, tzinfo=UTC)  # Monday 10.00 WIB
    assert "paling lambat 1 hari kerja" in opened.citizen_text


# -- citizen messages while a ticket is open ----------------------------------------------------


async def test_messages_go_to_the_open_ticket_instead_of_the_bot(
    store: SqlStore, desk: TicketDesk, dispatcher: OutboxDispatcher, sender: RecordingSender
) -> None:
    assert await desk.citizen_message(SITI, "berapa biaya KTP?") is None  # no ticket: the bot

    opened = await open_ktp_complaint(desk)
    ack = await desk.citizen_message(SITI, "ini nomor antrean saya: A-17")
    photo_ack = await desk.citizen_message(
        SITI, "", attachment_kind="photo", attachment_file_id="AgAD-foto"
    )
    assert ack is not None and "JNJ-000001" in ack
    assert photo_ack is not None
    await dispatcher.run_once()

    card_id = sender.message_id_of("ticket_card")
    forwards = [m for m in sender.to_chat(STAFF_CHAT) if m.purpose == "citizen_message"]
    assert [m.text.splitlines()[-1] for m in forwards] == [
        "ini nomor antrean saya: A-17",
        "[photo]",
    ]
    assert all(m.reply_to_message_id == card_id for m in forwards)
    assert forwards[1].attachment_file_id == "AgAD-foto"
    messages = await store.messages(opened.ticket.id)
    assert [m.text for m in messages] == [KTP_QUESTION, "ini nomor antrean saya: A-17", ""]
    # an officer replying to a forwarded message answers the same ticket
    forwarded_id = sender.delivered[-1][1].message_id
    found = await store.find_by_staff_message(forwarded_id)
    assert found is not None and found.id == opened.ticket.id


async def test_in_a_forum_staff_group_each_ticket_gets_its_own_topic(
    store: SqlStore, clock: FakeClock, desk: TicketDesk
) -> None:
    sender = RecordingSender(forum=True)
    dispatcher = OutboxDispatcher(store, clock, sender, desk)
    first = await open_ktp_complaint(desk)
    second = await desk.open_ticket(JOHN, EscalationReason.HUMAN_REQUEST, "I need help")
    await desk.citizen_message(SITI, "tambahan info")
    await dispatcher.run_once()

    first_ticket = await ticket_of(store, first.ticket.id)
    second_ticket = await ticket_of(store, second.ticket.id)
    assert first_ticket.staff_thread_id is not None
    assert first_ticket.staff_thread_id != second_ticket.staff_thread_id
    [forward] = [m for m in sender.to_chat(STAFF_CHAT) if m.purpose == "citizen_message"]
    assert forward.thread_id == first_ticket.staff_thread_id


# -- claiming and replying -------------------------------------------------------------------


async def test_two_officers_claiming_at_once_exactly_one_wins(
    store: SqlStore,
    second_store: SqlStore,
    clock: FakeClock,
    checker: PromiseChecker,
    desk: TicketDesk,
) -> None:
    opened = await open_ktp_complaint(desk)
    other_worker = make_desk(second_store, clock, checker)

    results = await asyncio.gather(
        desk.claim(opened.ticket.id, BUDI), other_worker.claim(opened.ticket.id, ANI)
    )

    ticket = await ticket_of(store, opened.ticket.id)
    winner, loser = (BUDI, ANI) if ticket.claimed_by_id == BUDI.user_id else (ANI, BUDI)
    assert sorted(results) == sorted(
        [
            "Tiket JNJ-000001 sekarang Anda tangani.",
            f"Tiket JNJ-000001 sudah diambil oleh {winner.name}.",
        ]
    )
    assert ticket.status is TicketStatus.CLAIMED
    assert ticket.claimed_by_name == winner.name != loser.name
    assert (await kinds(store, ticket.id)).count(EventKind.TICKET_CLAIMED) == 1
    claimed_notices = [m for m in await pending(store) if m.dedupe_key.startswith("claimed:")]
    assert [m.text for m in claimed_notices] == [f"✋ JNJ-000001 diambil oleh {winner.name}."]
    assert await desk.claim(opened.ticket.id, winner) == "Tiket JNJ-000001 sudah Anda tangani."


async def test_an_officer_reply_to_the_card_is_relayed_as_petugas_first_name(
    store: SqlStore, desk: TicketDesk, dispatcher: OutboxDispatcher, sender: RecordingSender
) -> None:
    opened = await open_ktp_complaint(desk)
    await dispatcher.run_once()
    card_id = sender.message_id_of("ticket_card")

    outcome = await desk.staff_reply_to_message(
        card_id, BUDI, "Mohon maaf, blanko sedang kosong. KTP Anda bisa diambil besok pagi."
    )
    await dispatcher.run_once()

    assert outcome.relayed
    [relay] = sender.to_chat(SITI.chat_id)
    assert relay.text == (
        "Petugas Budi (JNJ-000001):\n"
        "Mohon maaf, blanko sedang kosong. KTP Anda bisa diambil besok pagi."
    )
    ticket = await ticket_of(store, opened.ticket.id)
    assert ticket.first_response_at is not None
    assert (ticket.status, ticket.claimed_by_name) == (TicketStatus.CLAIMED, "Budi Santoso")
    assert await kinds(store, ticket.id) == [
        EventKind.TICKET_CREATED,
        EventKind.TICKET_CLAIMED,
        EventKind.STAFF_REPLIED,
        EventKind.REPLY_RELAYED,
    ]


async def test_jawab_by_number_and_a_configurable_prefix(
    store: SqlStore, clock: FakeClock, checker: PromiseChecker
) -> None:
    desk = make_desk(store, clock, checker, staff_prefix="Staf")
    await open_ktp_complaint(desk)
    listed = Officer(LISTED_OFFICER, "Rina", in_staff_chat=False)  # in STAFF_USER_IDS, private chat

    outcome = await desk.staff_reply_by_number("jnj-1", listed, "Sudah kami cek, besok jadi.")

    assert outcome.relayed
    [relay] = [m for m in await pending(store) if m.chat_id == SITI.chat_id]
    assert relay.text.startswith("Staf Rina (JNJ-000001):")


async def test_a_reply_promising_a_fee_for_a_free_service_is_held_with_the_promise_shown(
    store: SqlStore, desk: TicketDesk, dispatcher: OutboxDispatcher, sender: RecordingSender
) -> None:
    opened = await open_ktp_complaint(desk)
    await dispatcher.run_once()

    outcome = await desk.staff_reply(
        opened.ticket.id, BUDI, "Untuk cetak ulang KTP biayanya Rp 50.000 ya, bayar di loket 3."
    )
    await dispatcher.run_once()

    assert not outcome.relayed
    assert outcome.held is not None
    assert sender.to_chat(SITI.chat_id) == []  # nothing reached the citizen
    [notice] = [m for m in sender.to_chat(STAFF_CHAT) if m.purpose == "held_notice"]
    assert "DITAHAN" in notice.text
    assert "Biaya" in notice.text  # the broken promise
    assert "Rp 50.000" in notice.text
    assert "balas pesan ini dengan alasannya" in notice.text
    assert [[(b.label, b.action) for b in row] for row in notice.buttons] == [
        [("Kirim tetap", f"override:{outcome.held.id}"), ("Batal", f"discard:{outcome.held.id}")]
    ]
    assert notice.reply_to_message_id == sender.message_id_of("ticket_card")
    ticket = await ticket_of(store, opened.ticket.id)
    assert ticket.first_response_at is None
    assert EventKind.REPLY_BLOCKED in await kinds(store, ticket.id)


async def test_a_held_reply_is_sent_anyway_with_a_reason_that_is_recorded(
    store: SqlStore, desk: TicketDesk, dispatcher: OutboxDispatcher, sender: RecordingSender
) -> None:
    opened = await open_ktp_complaint(desk)
    held = await desk.staff_reply(opened.ticket.id, BUDI, "Biayanya Rp 50.000 untuk KTP.")
    await dispatcher.run_once()
    assert held.held is not None
    notice_id = sender.message_id_of("held_notice")

    prompt = await desk.request_override(held.held.id, ANI)
    assert "alasan" in prompt
    before = await snapshot(store)
    with pytest.raises(TicketError, match="alasan"):
        await desk.staff_reply_to_message(notice_id, ANI, "   ")
    assert await snapshot(store) == before

    outcome = await desk.staff_reply_to_message(
        notice_id, ANI, "Warga meminta legalisir 10 lembar, itu layanan lain yang berbayar."
    )
    await dispatcher.run_once()

    assert outcome.relayed
    [relay] = sender.to_chat(SITI.chat_id)
    assert relay.text == "Petugas Budi (JNJ-000001):\nBiayanya Rp 50.000 untuk KTP."
    [override] = await store.events(kinds=[EventKind.REPLY_OVERRIDDEN])
    assert override.actor_id == ANI.user_id
    assert override.data["reason"] == (
        "Warga meminta legalisir 10 lembar, itu layanan lain yang berbayar."
    )
    assert override.data["author_id"] == BUDI.user_id
    stored = await store.get_held_reply(held.held.id)
    assert stored is not None and stored.status == "overridden"
    with pytest.raises(TicketError, match="tidak menunggu"):
        await desk.override(held.held.id, ANI, "sekali lagi")


async def test_an_officer_edits_a_held_reply_by_replying_again(
    store: SqlStore, desk: TicketDesk
) -> None:
    opened = await open_ktp_complaint(desk)
    held = await desk.staff_reply(opened.ticket.id, BUDI, "Bayar Rp 50.000 di loket ya.")
    assert held.held is not None

    fixed = await desk.staff_reply(opened.ticket.id, BUDI, "Maaf, pembuatan KTP-el gratis.")

    assert fixed.relayed
    stored = await store.get_held_reply(held.held.id)
    assert stored is not None and stored.status == "discarded"
    with pytest.raises(TicketError):
        await desk.override(held.held.id, BUDI, "alasan")
    relays = [m for m in await pending(store) if m.chat_id == SITI.chat_id]
    assert [m.text.splitlines()[-1] for m in relays] == ["Maaf, pembuatan KTP-el gratis."]


async def test_a_held_reply_can_be_dropped(store: SqlStore, desk: TicketDesk) -> None:
    opened = await open_ktp_complaint(desk)
    held = await desk.staff_reply(opened.ticket.id, BUDI, "Biayanya Rp 50.000.")
    assert held.held is not None
    assert "dibatalkan" in await desk.discard(held.held.id, BUDI)
    assert [m for m in await pending(store) if m.chat_id == SITI.chat_id] == []
    with pytest.raises(TicketError):
        await desk.request_override(held.held.id, BUDI)


# -- SLA --------------------------------------------------------------------------------------


async def test_sla_reminder_then_breach_each_once_and_restart_safe(
    store: SqlStore,
    second_store: SqlStore,
    clock: FakeClock,
    checker: PromiseChecker,
    desk: TicketDesk,
) -> None:
    opened = await open_ktp_complaint(desk)

    clock.advance(hours=17, minutes=59)
    assert await desk.sla_tick() == 0
    clock.advance(minutes=1)  # 75 % of 24 h
    assert await desk.sla_tick() == 1
    assert await desk.sla_tick() == 0
    restarted = make_desk(second_store, clock, checker)  # another process, same database
    assert await restarted.sla_tick() == 0

    clock.advance(hours=6)  # due
    assert await restarted.sla_tick() == 1
    assert await desk.sla_tick() == 0

    ticket = await ticket_of(store, opened.ticket.id)
    assert ticket.reminder_sent and ticket.breached
    assert [
        e.kind for e in await store.events(kinds=[EventKind.SLA_REMINDER, EventKind.SLA_BREACH])
    ] == [
        EventKind.SLA_REMINDER,
        EventKind.SLA_BREACH,
    ]
    notices = [m for m in await pending(store) if m.purpose == "sla_notice"]
    assert len(notices) == 2
    assert "belum dibalas" in notices[0].text and "sisa 6 jam" in notices[0].text
    assert "MELEWATI" in notices[1].text


async def test_an_answered_ticket_gets_no_reminder_and_a_long_outage_gives_one_breach(
    store: SqlStore, clock: FakeClock, desk: TicketDesk
) -> None:
    answered = await open_ktp_complaint(desk)
    await desk.staff_reply(answered.ticket.id, BUDI, "Baik, kami cek dulu ya.")
    waiting = await desk.open_ticket(JOHN, EscalationReason.HUMAN_REQUEST, "hello?")

    clock.advance(days=3)
    assert await desk.sla_tick() == 1
    assert [e.ticket_id for e in await store.events(kinds=[EventKind.SLA_BREACH])] == [
        waiting.ticket.id
    ]
    assert await store.events(kinds=[EventKind.SLA_REMINDER]) == []


# -- resolve, rate, comment, reopen -----------------------------------------------------------


async def test_resolve_asks_for_an_skm_rating_then_takes_a_comment(
    store: SqlStore, clock: FakeClock, desk: TicketDesk
) -> None:
    opened = await open_ktp_complaint(desk)
    ticket_id = opened.ticket.id
    await desk.staff_reply(ticket_id, BUDI, "KTP Anda sudah jadi, silakan diambil.")

    assert await desk.resolve(ticket_id, BUDI) == "Tiket JNJ-000001 selesai."
    [request] = [m for m in await pending(store) if m.purpose == "rating_request"]
    assert request.chat_id == SITI.chat_id
    assert "JNJ-000001" in request.text
    assert [[(b.label, b.action) for b in row] for row in request.buttons] == [
        [
            ("Tidak puas", "rate:1:1"),
            ("Kurang puas", "rate:1:2"),
            ("Puas", "rate:1:3"),
            ("Sangat puas", "rate:1:4"),
        ],
        [("Buka lagi", "reopen:1")],
    ]
    assert await desk.citizen_message(SITI, "terima kasih") is None  # not rated yet: the bot

    thanks = await desk.rate(ticket_id, SITI.chat_id, 3)
    assert "Puas" in thanks and "komentar" in thanks
    assert "sudah tercatat" in await desk.rate(ticket_id, SITI.chat_id, 1)  # no second rating
    comment = await desk.citizen_message(SITI, "Petugasnya ramah, tapi antre lama.")
    assert comment is not None and "komentar" in comment
    assert await desk.citizen_message(SITI, "cara buat KK gimana?") is None  # back to the bot

    ticket = await ticket_of(store, ticket_id)
    assert (ticket.status, ticket.rating, ticket.comment) == (
        TicketStatus.RESOLVED,
        3,
        "Petugasnya ramah, tapi antre lama.",
    )
    assert [e.data for e in await store.events(kinds=[EventKind.TICKET_RATED])] == [{"score": 3}]
    staff_texts = [m.text for m in await pending(store) if m.chat_id == STAFF_CHAT]
    assert "⭐ JNJ-000001 dinilai warga: Puas (3/4)." in staff_texts
    assert any("Petugasnya ramah" in text for text in staff_texts)


async def test_english_rating_labels_and_a_late_text_is_not_a_comment(
    store: SqlStore, clock: FakeClock, desk: TicketDesk
) -> None:
    opened = await desk.open_ticket(JOHN, EscalationReason.HUMAN_REQUEST, "help please")
    await desk.resolve(opened.ticket.id, BUDI)
    [request] = [m for m in await pending(store) if m.purpose == "rating_request"]
    assert [b.label for b in request.buttons[0]][::3] == ["Not satisfied", "Very satisfied"]
    assert request.buttons[1][0].label == "Reopen"

    assert "Very satisfied" in await desk.rate(opened.ticket.id, JOHN.chat_id, 4)
    clock.advance(hours=2)
    assert await desk.citizen_message(JOHN, "how do I renew my passport?") is None
    assert (await ticket_of(store, opened.ticket.id)).comment is None


async def test_a_citizen_reopens_a_resolved_ticket(store: SqlStore, desk: TicketDesk) -> None:
    opened = await open_ktp_complaint(desk)
    await desk.claim(opened.ticket.id, BUDI)
    await desk.resolve(opened.ticket.id, BUDI)

    text = await desk.reopen(opened.ticket.id, SITI.chat_id)

    assert "dibuka kembali" in text
    ticket = await ticket_of(store, opened.ticket.id)
    assert (ticket.status, ticket.claimed_by_id, ticket.resolved_at) == (
        TicketStatus.CLAIMED,
        BUDI.user_id,
        None,
    )
    assert await desk.citizen_message(SITI, "KTP-nya ternyata salah nama") is not None
    reopen_notices = [m for m in await pending(store) if m.dedupe_key.startswith("reopened:")]
    assert len(reopen_notices) == 1
    assert await kinds(store, ticket.id) == [
        EventKind.TICKET_CREATED,
        EventKind.TICKET_CLAIMED,
        EventKind.TICKET_RESOLVED,
        EventKind.TICKET_REOPENED,
        EventKind.CITIZEN_MESSAGE,
    ]


async def test_batal_cancels_the_open_ticket_and_the_bot_answers_again(
    store: SqlStore, desk: TicketDesk
) -> None:
    opened = await open_ktp_complaint(desk)

    assert "dibatalkan" in await desk.cancel(SITI.chat_id)

    assert (await ticket_of(store, opened.ticket.id)).status is TicketStatus.CANCELLED
    assert await desk.citizen_message(SITI, "berapa biaya SKCK?") is None
    assert any(m.text == "❌ Warga membatalkan JNJ-000001." for m in await pending(store))
    with pytest.raises(TicketError, match="tidak memiliki tiket"):
        await desk.cancel(SITI.chat_id)
    with pytest.raises(TicketError, match="sudah dibatalkan"):
        await desk.staff_reply(opened.ticket.id, BUDI, "halo")


async def test_status_lists_the_citizens_tickets(store: SqlStore, desk: TicketDesk) -> None:
    assert "belum memiliki tiket" in await desk.status(SITI.chat_id)
    first = await open_ktp_complaint(desk)
    await desk.claim(first.ticket.id, BUDI)
    await desk.resolve(first.ticket.id, BUDI)
    second = await desk.open_ticket(SITI, EscalationReason.HUMAN_REQUEST, "tanya lagi")
    await desk.claim(second.ticket.id, ANI)

    text = await desk.status(SITI.chat_id)

    lines = text.splitlines()
    assert lines[0] == "Tiket Anda:"
    assert lines[1].startswith("• JNJ-000002 — ditangani Petugas Ani")
    assert lines[2].startswith("• JNJ-000001 — selesai")
    assert "/batal" in lines[3]
    assert "Your tickets:" in await desk.status(SITI.chat_id, "en")
    assert "You have no tickets yet" in await desk.status(JOHN.chat_id, "en")


# -- a citizen who blocked the bot ------------------------------------------------------------


async def test_a_citizen_who_blocked_the_bot_is_shown_to_staff_once(
    store: SqlStore, desk: TicketDesk, dispatcher: OutboxDispatcher, sender: RecordingSender
) -> None:
    opened = await open_ktp_complaint(desk)
    sender.blocked_chats.add(SITI.chat_id)
    await desk.staff_reply(opened.ticket.id, BUDI, "Baik, kami bantu cek.")
    await dispatcher.run_once()
    await dispatcher.run_once()

    ticket = await ticket_of(store, opened.ticket.id)
    assert ticket.citizen_blocked
    assert await kinds(store, ticket.id) == [
        EventKind.TICKET_CREATED,
        EventKind.TICKET_CLAIMED,
        EventKind.STAFF_REPLIED,
        EventKind.CITIZEN_BLOCKED_BOT,
    ]
    blocked_notices = [m for m in sender.to_chat(STAFF_CHAT) if "memblokir" in m.text]
    assert len(blocked_notices) == 1
    relay = await store.get_by_key("relay:2")
    assert relay is not None and relay.status is OutboxStatus.BLOCKED

    before = await snapshot(store)
    with pytest.raises(TicketError, match="memblokir"):
        await desk.staff_reply(opened.ticket.id, BUDI, "Halo?")
    assert await snapshot(store) == before

    # the citizen writes again: they unblocked the bot
    await desk.citizen_message(SITI, "maaf tadi saya blokir")
    assert not (await ticket_of(store, opened.ticket.id)).citizen_blocked


# -- bad input changes nothing ----------------------------------------------------------------


async def test_bad_staff_input_gets_a_clear_answer_and_changes_nothing(
    store: SqlStore, desk: TicketDesk, dispatcher: OutboxDispatcher, sender: RecordingSender
) -> None:
    opened = await open_ktp_complaint(desk)
    await dispatcher.run_once()
    ticket_id = opened.ticket.id
    card_id = sender.message_id_of("ticket_card")
    held = await desk.staff_reply(ticket_id, BUDI, "Biayanya Rp 50.000.")
    assert held.held is not None
    other = await desk.open_ticket(JOHN, EscalationReason.HUMAN_REQUEST, "hello")
    await desk.resolve(other.ticket.id, ANI)
    before = await snapshot(store)

    cases = [
        (desk.staff_reply_by_number("JNJ-999999", BUDI, "halo"), "JNJ-999999 tidak ditemukan"),
        (desk.staff_reply_by_number("ABC", BUDI, "halo"), "tidak dikenali"),
        (desk.staff_reply_to_message(987654, BUDI, "halo"), "bukan bagian dari tiket"),
        (desk.staff_reply(ticket_id, BUDI, "   "), "kosong"),
        (desk.staff_reply(ticket_id, BUDI, "x" * 4001), "terlalu panjang"),
        (desk.staff_reply_to_message(card_id, BUDI, "y" * 5000), "terlalu panjang"),
        (desk.staff_reply(ticket_id, STRANGER, "saya petugas"), "Hanya petugas"),
        (desk.claim(ticket_id, STRANGER), "Hanya petugas"),
        (desk.resolve(ticket_id, STRANGER), "Hanya petugas"),
        (desk.claim(999, BUDI), "JNJ-000999 tidak ditemukan"),
        (desk.resolve(other.ticket.id, BUDI), "sudah selesai"),
        (desk.claim(other.ticket.id, BUDI), "sudah selesai"),
        (desk.staff_reply(other.ticket.id, BUDI, "halo"), "sudah selesai"),
        (desk.override(held.held.id, BUDI, ""), "alasan"),
        (desk.override(held.held.id + 50, BUDI, "alasan"), "tidak ditemukan"),
        (desk.discard(held.held.id, STRANGER), "Hanya petugas"),
    ]
    for call, message in cases:
        with pytest.raises(TicketError) as raised:
            await call
        assert message in raised.value.user_message
        assert await snapshot(store) == before, message


async def test_bad_citizen_input_gets_a_clear_answer_and_changes_nothing(
    store: SqlStore, desk: TicketDesk
) -> None:
    siti = await open_ktp_complaint(desk)
    john = await desk.open_ticket(JOHN, EscalationReason.HUMAN_REQUEST, "hello")
    await desk.resolve(john.ticket.id, BUDI)
    before = await snapshot(store)

    cases = [
        (desk.rate(john.ticket.id, SITI.chat_id, 4), "tidak ditemukan"),  # another chat's
        (desk.reopen(john.ticket.id, SITI.chat_id), "tidak ditemukan"),
        (desk.rate(siti.ticket.id, SITI.chat_id, 4), "belum selesai"),  # not resolved yet
        (desk.rate(john.ticket.id, JOHN.chat_id, 5), "from 1 to 4"),
        (desk.rate(12345, JOHN.chat_id, 3, "en"), "not found"),
        (desk.reopen(siti.ticket.id, SITI.chat_id), "tidak dapat dibuka kembali"),
        (desk.citizen_message(SITI, "z" * 4001), "terlalu panjang"),
        (desk.citizen_message(SITI, "  "), "kosong"),
        (desk.cancel(JOHN.chat_id, "en"), "no open ticket"),
        (desk.comment(siti.ticket.id, SITI.chat_id, "komentar"), "belum selesai"),
    ]
    for call, message in cases:
        with pytest.raises(TicketError) as raised:
            await call
        assert message in raised.value.user_message
        assert await snapshot(store) == before, message


async def test_reopening_while_another_ticket_is_open_is_refused(
    store: SqlStore, desk: TicketDesk
) -> None:
    first = await open_ktp_complaint(desk)
    await desk.resolve(first.ticket.id, BUDI)
    await desk.open_ticket(SITI, EscalationReason.HUMAN_REQUEST, "pertanyaan baru")
    before = await snapshot(store)
    with pytest.raises(TicketError, match="JNJ-000002 yang terbuka"):
        await desk.reopen(first.ticket.id, SITI.chat_id)
    assert await snapshot(store) == before


async def test_the_sla_loop_runs_until_stopped(
    store: SqlStore, clock: FakeClock, desk: TicketDesk
) -> None:
    await open_ktp_complaint(desk)
    clock.advance(hours=25)
    stop = asyncio.Event()
    running = asyncio.create_task(desk.run_sla_forever(stop, every_seconds=0.01))

    async def breach_recorded() -> None:
        while not await store.events(kinds=[EventKind.SLA_BREACH]):
            await asyncio.sleep(0.01)

    await asyncio.wait_for(breach_recorded(), timeout=30)
    stop.set()
    await asyncio.wait_for(running, timeout=30)
    assert len(await store.events(kinds=[EventKind.SLA_BREACH])) == 1


def test_personal_numbers_are_masked_for_logs() -> None:
    text = "NIK saya 3201234567890001, hp 0812-3456-7890 atau +6281234567890"
    masked = mask_personal(text)
    assert "3201234567890001" not in masked and "3201********0001" in masked
    assert "3456" not in masked
    assert mask_personal("antrean A-17, biaya Rp 30.000") == "antrean A-17, biaya Rp 30.000"
