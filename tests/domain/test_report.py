"""The admin report is recomputed from the raw event log the desk wrote (on every backend)."""

from __future__ import annotations

from bot.domain.models import EscalationReason
from bot.domain.tickets import TicketDesk
from bot.reports.figures import build_report, format_report
from bot.store import SqlStore
from tests.domain.conftest import BUDI, JOHN, SITI, FakeClock
from tests.domain.test_tickets import open_ktp_complaint


async def test_report_counts_promise_against_reality(
    store: SqlStore, clock: FakeClock, desk: TicketDesk
) -> None:
    late = await open_ktp_complaint(desk)  # first response after the promised 1x24 jam
    quick = await desk.open_ticket(JOHN, EscalationReason.HUMAN_REQUEST, "can I talk to someone?")
    clock.advance(hours=1)
    await desk.staff_reply(quick.ticket.id, BUDI, "Hello, how can we help?")
    held = await desk.staff_reply(late.ticket.id, BUDI, "Biayanya Rp 50.000 untuk KTP.")
    assert held.held is not None
    clock.advance(hours=30)
    await desk.sla_tick()
    await desk.staff_reply(late.ticket.id, BUDI, "Mohon maaf, KTP Anda sudah jadi, gratis.")
    await desk.resolve(late.ticket.id, BUDI)
    await desk.rate(late.ticket.id, SITI.chat_id, 2)

    report = build_report(await store.events(), now=clock.now())

    assert report.tickets_created == 2
    assert report.tickets_by_reason == {"complaint": 1, "human_request": 1}
    assert report.complaints_by_service == {"ktp-el": 1}
    assert report.first_responses == 2
    assert report.first_response_within_promise == 1  # the KTP reply came 31 h after opening
    assert report.sla_breaches == 1
    assert report.replies_held_by_guardrail == 1
    assert report.tickets_resolved == 1
    assert report.ratings == {"kurang puas": 1}
    assert report.rating_mean == 2.0
    text = format_report(report)
    assert "1 dari 2 (50%)" in text
    assert "kurang puas 1" in text


async def test_empty_log_gives_an_empty_report_not_an_error(
    store: SqlStore, clock: FakeClock
) -> None:
    report = build_report(await store.events(), now=clock.now())
    assert report.tickets_created == 0 and report.rating_mean is None
    assert "Tiket: 0 dibuat" in format_report(report)
