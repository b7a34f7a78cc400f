"""``TicketDesk``: the human side of janji, without Telegram.

Citizens' escalations become tickets; officers claim, answer and resolve them from the staff
chat; every officer answer passes the promise checker first; the citizen rates the service.

Rules that make it restart-safe and easy to put behind any chat layer:
- every public method runs in one store transaction: it happens completely or not at all;
  called inside ``ServiceDesk.handling`` it joins the update's transaction, so the update's
  "handled" mark commits with it and a replayed update never repeats it;
- nothing is sent from here: every outbound message is put in the outbox with a deterministic
  ``dedupe_key`` (``card:12``, ``relay:57`` ...), so repeating an operation never sends twice;
  the ``OutboxDispatcher`` delivers and calls back ``delivered`` / ``recipient_blocked``;
- methods return the text the caller should answer right away (a reply, a button alert);
- bad input raises ``TicketError`` with a message for the person who caused it, before any write.

Time rules:
- first-response due time = created + the maklumat's ``complaint_response`` (default 1x24 jam).
  Working-day promises ("1 hari kerja") count whole days Monday to Friday in the organisation's
  time zone (WIB by default), keeping the time of day: Friday 10.00 + 1 hari kerja = Monday
  10.00, Saturday 10.00 + 1 hari kerja = Monday 10.00. Public holidays are not modelled.
- SLA reminder once ``sla_reminder_fraction`` of that window has passed without a first
  response; breach at the due time. Each at most once per ticket (flags in the database).
- after rating, the citizen's next free text within ``COMMENT_WINDOW`` is taken as the comment
  (the rating reply invites it); later texts go to the bot as usual.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo

from bot.domain import ticket_texts as texts
from bot.domain.models import (
    Answer,
    Button,
    EscalationReason,
    Event,
    EventKind,
    Language,
    MessageDirection,
    OutboxMessage,
    OutboxStatus,
    Service,
    Ticket,
    TicketMessage,
    TicketStatus,
    parse_ticket_number,
    ticket_number,
)
from bot.domain.ports import Clock, HeldReply, SentMessage, Store
from bot.errors import TicketError
from guardrails.check import PromiseChecker, Verdict
from guardrails.promises import Duration

log = logging.getLogger(__name__)

MAX_TEXT = 4000  # characters per message, both directions (Telegram's limit is 4096)
MAX_CARD_FIELD = 700
MAX_CONTEXT_LINES = 5
DEFAULT_RESPONSE = Duration(24, "hours", "1x24 jam")
COMMENT_WINDOW = timedelta(hours=1)
HELD, OVERRIDDEN, DISCARDED = "held", "overridden", "discarded"


@dataclass(frozen=True)
class CitizenRef:
    """Who is writing, as the chat layer knows them."""

    chat_id: int
    user_id: int
    name: str
    language: Language = "id"


@dataclass(frozen=True)
class Officer:
    """Who acts on the staff side. ``in_staff_chat``: the action came from the staff chat (only
    its members can post or press buttons there); otherwise the user must be in
    ``staff_user_ids``."""

    user_id: int
    name: str
    in_staff_chat: bool = False

    @property
    def first_name(self) -> str:
        return _first_name(self.name)


def _first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else ""


@dataclass(frozen=True)
class TicketOpened:
    ticket: Ticket
    citizen_text: str
    created: bool  # False: the citizen already had an open ticket; the message joined it


@dataclass(frozen=True)
class StaffReplyOutcome:
    ticket: Ticket
    relayed: bool  # False: held back by the promise checker
    staff_text: str  # a short line for the officer (the held notice itself is in the outbox)
    held: HeldReply | None = None
    verdict: Verdict | None = None


# Deterministic outbox keys: the same logical message is never queued twice.
def card_key(ticket_id: int) -> str:
    return f"card:{ticket_id}"


def held_key(held_id: int) -> str:
    return f"held:{held_id}"


def _held_id_from_key(key: str) -> int | None:
    prefix, _, value = key.partition(":")
    return int(value) if prefix == "held" and value.isdigit() else None


class TicketDesk:
    """Tickets between citizens and officers; Telegram-free, every change stored first."""

    def __init__(
        self,
        *,
        store: Store,
        clock: Clock,
        checker: PromiseChecker,
        services: Mapping[str, Service],
        complaint_response: Duration | None,
        staff_chat_id: int | None,
        staff_prefix: str = "Petugas",
        staff_user_ids: frozenset[int] = frozenset(),
        sla_reminder_fraction: float = 0.75,
        time_zone: tzinfo = texts.WIB,
    ) -> None:
        if not 0 < sla_reminder_fraction < 1:
            raise ValueError("sla_reminder_fraction must be between 0 and 1")
        self.store = store
        self.clock = clock
        self.checker = checker
        self.services = services
        self.complaint_response = complaint_response or DEFAULT_RESPONSE
        self.staff_chat_id = staff_chat_id
        self.staff_prefix = staff_prefix
        self.staff_user_ids = staff_user_ids
        self.sla_reminder_fraction = sla_reminder_fraction
        self.time_zone = time_zone

    # -- citizen side ---------------------------------------------------------------------------

    async def open_ticket(
        self,
        citizen: CitizenRef,
        reason: EscalationReason,
        question: str,
        answer: Answer | None = None,
        context: Sequence[str] = (),
    ) -> TicketOpened:
        """Open a ticket for an escalation and queue its card to the staff chat.

        When the citizen already has an open ticket the message joins it instead."""
        question = question.strip()
        self._check_citizen_text(question, citizen.language, attachment=False)
        async with self.store.transaction():
            existing = await self.store.open_ticket_for_citizen(citizen.chat_id)
            if existing is not None:
                await self._add_citizen_message(existing, citizen, question, None, None)
                text = texts.citizen("already_open", existing.language, number=existing.number)
                return TicketOpened(existing, text, created=False)

            now = self.clock.now()
            ticket = await self.store.create_ticket(
                Ticket(
                    id=0,
                    citizen_chat_id=citizen.chat_id,
                    citizen_user_id=citizen.user_id,
                    citizen_name=citizen.name.strip() or str(citizen.user_id),
                    language=citizen.language,
                    reason=reason,
                    status=TicketStatus.OPEN,
                    question=question,
                    created_at=now,
                    due_at=self.due_time(now),
                    service_id=answer.service_id if answer else None,
                    bot_answer=answer.text if answer else None,
                    sources=answer.sources if answer else (),
                    context=tuple(line for line in context if line.strip())[-MAX_CONTEXT_LINES:],
                )
            )
            await self.store.add_message(
                TicketMessage(
                    ticket.id,
                    MessageDirection.CITIZEN,
                    citizen.user_id,
                    ticket.citizen_name,
                    question,
                    now,
                )
            )
            await self._event(
                EventKind.TICKET_CREATED,
                ticket,
                actor_id=citizen.user_id,
                reason=reason.value,
                service_id=ticket.service_id,
                language=ticket.language,
                due_at=ticket.due_at.isoformat() if ticket.due_at else None,
            )
            if self.staff_chat_id is not None:
                await self._enqueue(
                    self.staff_chat_id,
                    self._card_text(ticket),
                    card_key(ticket.id),
                    ticket=ticket,
                    purpose="ticket_card",
                    buttons=self._card_buttons(ticket.id),
                    topic_title=texts.clip(
                        texts.staff(
                            "card_topic", number=ticket.number, citizen=ticket.citizen_name
                        ),
                        128,
                    ),
                )
            else:
                log.warning("ticket %s opened but STAFF_CHAT_ID is not set", ticket.number)
        log.info("ticket %s opened (%s)", ticket.number, reason.value)
        promise = self.complaint_response.describe(ticket.language)
        due = texts.format_time(ticket.due_at or now, ticket.language, self.time_zone)
        text = texts.citizen(
            "opened", ticket.language, number=ticket.number, promise=promise, due=due
        )
        return TicketOpened(ticket, text, created=True)

    async def citizen_message(
        self,
        citizen: CitizenRef,
        text: str,
        attachment_kind: str | None = None,
        attachment_file_id: str | None = None,
    ) -> str | None:
        """A citizen wrote while they may have a ticket.

        Open ticket: the message goes to it (and to the staff chat); returns the
        acknowledgement. Just rated a resolved ticket: the text is its comment. Otherwise None:
        the caller lets the bot answer."""
        text = text.strip()
        ticket = await self.store.open_ticket_for_citizen(citizen.chat_id)
        if ticket is None:
            if attachment_file_id is None:
                return await self._maybe_comment(citizen, text)
            return None
        self._check_citizen_text(text, ticket.language, attachment=attachment_file_id is not None)
        async with self.store.transaction():
            locked = await self._lock(ticket.id)
            if not locked.is_open:  # closed meanwhile by someone else
                return None
            await self._add_citizen_message(
                locked, citizen, text, attachment_kind, attachment_file_id
            )
        return texts.citizen("forwarded", ticket.language, number=ticket.number)

    async def takes_message(self, citizen_chat_id: int, text: str) -> bool:
        """Would ``citizen_message`` take this text now (an open ticket, or the comment the last
        rating asked for)? A read only: lets a caller skip work the text will not need."""
        if await self.store.open_ticket_for_citizen(citizen_chat_id) is not None:
            return True
        return bool(text.strip()) and await self._awaiting_comment(citizen_chat_id) is not None

    async def comment(self, ticket_id: int, citizen_chat_id: int, text: str) -> str:
        """Store the citizen's comment on their rated ticket (one comment per ticket)."""
        text = text.strip()
        async with self.store.transaction():
            ticket = await self._citizen_ticket(ticket_id, citizen_chat_id, None)
            self._check_citizen_text(text, ticket.language, attachment=False)
            if ticket.status is not TicketStatus.RESOLVED:
                raise TicketError(
                    texts.citizen("error_not_resolved", ticket.language, number=ticket.number)
                )
            ticket.comment = text
            await self.store.save_ticket(ticket)
            event = await self._event(
                EventKind.TICKET_COMMENTED,
                ticket,
                actor_id=ticket.citizen_user_id,
                length=len(text),
            )
            await self._to_staff(
                ticket,
                texts.staff("commented", number=ticket.number, text=text),
                f"comment:{ticket.id}:{event.id}",
                purpose="rating_notice",
            )
        return texts.citizen("commented", ticket.language, number=ticket.number)

    async def cancel(self, citizen_chat_id: int, language: Language = "id") -> str:
        """``/batal``: the citizen closes their open ticket."""
        async with self.store.transaction():
            ticket = await self.store.open_ticket_for_citizen(citizen_chat_id)
            if ticket is None:
                raise TicketError(texts.citizen("error_no_open_ticket", language))
            ticket = await self._lock(ticket.id)
            if not ticket.is_open:  # closed a moment ago by an officer
                raise TicketError(texts.citizen("error_no_open_ticket", language))
            ticket.status = TicketStatus.CANCELLED
            ticket.resolved_at = self.clock.now()
            await self.store.save_ticket(ticket)
            await self._discard_held(ticket.id)
            await self._event(EventKind.TICKET_CANCELLED, ticket, actor_id=ticket.citizen_user_id)
            await self._to_staff(
                ticket,
                texts.staff("cancelled", number=ticket.number),
                f"cancelled:{ticket.id}",
                purpose="ticket_notice",
            )
        return texts.citizen("cancelled", ticket.language, number=ticket.number)

    async def status(self, citizen_chat_id: int, language: Language = "id") -> str:
        """``/status``: the citizen's latest tickets, newest first."""
        tickets = await self.store.tickets_for_citizen(citizen_chat_id, limit=10)
        if not tickets:
            return texts.citizen("status_none", language)
        lines = [texts.citizen("status_header", language)]
        for ticket in tickets:
            officer = (
                f"{self.staff_prefix} {_first_name(ticket.claimed_by_name)}".strip()
                if ticket.claimed_by_name
                else None
            )
            lines.append(
                texts.citizen(
                    "status_line",
                    language,
                    number=ticket.number,
                    status=texts.status_label(ticket.status, language, officer),
                    created=texts.format_time(ticket.created_at, language, self.time_zone),
                )
            )
        if any(ticket.is_open for ticket in tickets):
            lines.append(texts.citizen("status_open_hint", language))
        return "\n".join(lines)

    async def rate(
        self, ticket_id: int, citizen_chat_id: int, score: int, language: Language | None = None
    ) -> str:
        """The citizen pressed one of the four SKM buttons on a resolved ticket."""
        async with self.store.transaction():
            ticket = await self._citizen_ticket(ticket_id, citizen_chat_id, language)
            if ticket.status is not TicketStatus.RESOLVED:
                raise TicketError(
                    texts.citizen("error_not_resolved", ticket.language, number=ticket.number)
                )
            if not 1 <= score <= 4:
                raise TicketError(texts.citizen("error_bad_score", ticket.language))
            if ticket.rating is not None:
                return texts.citizen("already_rated", ticket.language, number=ticket.number)
            ticket.rating = score
            await self.store.save_ticket(ticket)
            event = await self._event(
                EventKind.TICKET_RATED, ticket, actor_id=ticket.citizen_user_id, score=score
            )
            label = texts.RATING_LABELS["id"][score - 1]
            await self._to_staff(
                ticket,
                texts.staff("rated", number=ticket.number, label=label, score=score),
                f"rated:{ticket.id}:{event.id}",
                purpose="rating_notice",
            )
        label = texts.RATING_LABELS[ticket.language][score - 1]
        return texts.citizen("rated", ticket.language, label=label)

    async def reopen(
        self, ticket_id: int, citizen_chat_id: int, language: Language | None = None
    ) -> str:
        """The citizen pressed "Buka lagi" on a resolved ticket: back to its officer, if any."""
        async with self.store.transaction():
            ticket = await self._citizen_ticket(ticket_id, citizen_chat_id, language)
            if ticket.status is not TicketStatus.RESOLVED:
                raise TicketError(
                    texts.citizen(
                        "error_cannot_reopen",
                        ticket.language,
                        number=ticket.number,
                        status=texts.status_label(
                            ticket.status, ticket.language, ticket.claimed_by_name
                        ),
                    )
                )
            other = await self.store.open_ticket_for_citizen(citizen_chat_id)
            if other is not None:
                raise TicketError(
                    texts.citizen("error_other_ticket_open", ticket.language, number=other.number)
                )
            ticket.status = (
                TicketStatus.CLAIMED if ticket.claimed_by_id is not None else TicketStatus.OPEN
            )
            ticket.resolved_at = None
            await self.store.save_ticket(ticket)
            event = await self._event(
                EventKind.TICKET_REOPENED, ticket, actor_id=ticket.citizen_user_id
            )
            await self._to_staff(
                ticket,
                texts.staff("reopened", number=ticket.number),
                f"reopened:{ticket.id}:{event.id}",
                purpose="ticket_notice",
                buttons=self._card_buttons(ticket.id),
            )
        return texts.citizen("reopened", ticket.language, number=ticket.number)

    # -- staff side -----------------------------------------------------------------------------

    async def claim(self, ticket_id: int, officer: Officer) -> str:
        """ "Ambil": exactly one of several officers pressing at once gets the ticket."""
        self._require_staff(officer)
        async with self.store.transaction():
            ticket = await self._staff_ticket(ticket_id)
            self._require_open(ticket)
            won = await self.store.claim(ticket.id, officer.user_id, officer.name, self.clock.now())
            if not won:
                current = await self._lock(ticket.id)
                self._require_open(current)
                if current.claimed_by_id == officer.user_id:
                    return texts.staff("claim_mine", number=ticket.number)
                return texts.staff(
                    "claim_lost", number=ticket.number, officer=current.claimed_by_name or "?"
                )
            event = await self._event(
                EventKind.TICKET_CLAIMED, ticket, actor_id=officer.user_id, officer=officer.name
            )
            await self._to_staff(
                ticket,
                texts.staff("claimed", number=ticket.number, officer=officer.name),
                f"claimed:{ticket.id}:{event.id}",
                purpose="ticket_notice",
            )
        return texts.staff("claim_won", number=ticket.number)

    async def staff_reply(
        self,
        ticket_id: int,
        officer: Officer,
        text: str,
        attachment_kind: str | None = None,
        attachment_file_id: str | None = None,
    ) -> StaffReplyOutcome:
        """An officer's answer: checked against the promises, then relayed or held back."""
        self._require_staff(officer)
        text = text.strip()
        self._check_staff_text(text, attachment=attachment_file_id is not None)
        async with self.store.transaction():
            ticket = await self._staff_ticket(ticket_id, lock=True)
            self._require_open(ticket)
            if ticket.citizen_blocked:
                raise TicketError(texts.staff("error_citizen_blocked", number=ticket.number))
            verdict = self.checker.check(
                text, service_id=ticket.service_id, question=ticket.question
            )
            await self._discard_held(ticket.id)  # a new reply replaces any held one
            if ticket.status is TicketStatus.OPEN:
                if await self.store.claim(
                    ticket.id, officer.user_id, officer.name, self.clock.now()
                ):
                    await self._event(
                        EventKind.TICKET_CLAIMED,
                        ticket,
                        actor_id=officer.user_id,
                        officer=officer.name,
                        by_reply=True,
                    )
                ticket = await self._lock(ticket.id)
            if not verdict.ok:
                return await self._hold(ticket, officer, text, verdict)
            await self._relay(ticket, officer, text, attachment_kind, attachment_file_id)
            await self._event(
                EventKind.STAFF_REPLIED, ticket, actor_id=officer.user_id, verdict=verdict.verdict
            )
        return StaffReplyOutcome(
            ticket, True, texts.staff("relayed", number=ticket.number), verdict=verdict
        )

    async def staff_reply_by_number(
        self, number_text: str, officer: Officer, text: str
    ) -> StaffReplyOutcome:
        """``/jawab JNJ-000123 text``."""
        self._require_staff(officer)
        ticket_id = parse_ticket_number(number_text)
        if ticket_id is None:
            raise TicketError(texts.staff("error_bad_number", text=texts.clip(number_text, 40)))
        return await self.staff_reply(ticket_id, officer, text)

    async def staff_reply_to_message(
        self,
        replied_message_id: int,
        officer: Officer,
        text: str,
        attachment_kind: str | None = None,
        attachment_file_id: str | None = None,
    ) -> StaffReplyOutcome:
        """An officer replied to a message in the staff chat.

        To a held-reply notice that is still waiting: the text is the reason to send it anyway.
        To a ticket card or any other message of a ticket: an answer to that ticket."""
        self._require_staff(officer)
        held = await self.store.find_held_by_notice(replied_message_id)
        if held is not None and held.status == HELD:
            return await self.override(held.id, officer, text)
        ticket = await self.store.find_by_staff_message(replied_message_id)
        if ticket is None:
            raise TicketError(texts.staff("error_not_a_ticket_message"))
        return await self.staff_reply(ticket.id, officer, text, attachment_kind, attachment_file_id)

    async def request_override(self, held_id: int, officer: Officer) -> str:
        """ "Kirim tetap" pressed: a reason is needed, given by replying to the notice."""
        self._require_staff(officer)
        await self._waiting_held(held_id)
        return texts.staff("override_prompt")

    async def override(self, held_id: int, officer: Officer, reason: str) -> StaffReplyOutcome:
        """Send a held reply anyway; the officer and the reason go to the event log."""
        self._require_staff(officer)
        reason = reason.strip()
        if not reason:
            raise TicketError(texts.staff("error_reason_required"))
        self._check_staff_text(reason, attachment=False)
        async with self.store.transaction():
            held = await self._waiting_held(held_id)
            ticket = await self._staff_ticket(held.ticket_id, lock=True)
            self._require_open(ticket)
            if ticket.citizen_blocked:
                raise TicketError(texts.staff("error_citizen_blocked", number=ticket.number))
            await self.store.save_held_reply(replace(held, status=OVERRIDDEN))
            author = Officer(held.officer_id, held.officer_name)
            await self._relay(ticket, author, held.text, None, None)
            await self._event(
                EventKind.REPLY_OVERRIDDEN,
                ticket,
                actor_id=officer.user_id,
                officer=officer.name,
                author_id=held.officer_id,
                reason=reason,
                held_id=held.id,
                explanation=held.explanation,
            )
            await self._to_staff(
                ticket,
                texts.staff(
                    "overridden", number=ticket.number, officer=officer.name, reason=reason
                ),
                f"overridden:{held.id}",
                purpose="ticket_notice",
            )
        return StaffReplyOutcome(ticket, True, texts.staff("relayed", number=ticket.number))

    async def discard(self, held_id: int, officer: Officer) -> str:
        """ "Batal" on a held-reply notice: the reply is dropped."""
        self._require_staff(officer)
        async with self.store.transaction():
            held = await self._waiting_held(held_id)
            await self.store.save_held_reply(replace(held, status=DISCARDED))
            number = ticket_number(held.ticket_id)
        return texts.staff("discarded", number=number)

    async def resolve(self, ticket_id: int, officer: Officer) -> str:
        """ "Selesai": close the ticket and ask the citizen to rate the service (SKM scale)."""
        self._require_staff(officer)
        async with self.store.transaction():
            ticket = await self._staff_ticket(ticket_id, lock=True)
            self._require_open(ticket)
            now = self.clock.now()
            ticket.status = TicketStatus.RESOLVED
            ticket.resolved_at = now
            ticket.rating = None
            ticket.comment = None
            if ticket.claimed_by_id is None:
                ticket.claimed_by_id, ticket.claimed_by_name = officer.user_id, officer.name
            await self.store.save_ticket(ticket)
            await self._discard_held(ticket.id)
            event = await self._event(
                EventKind.TICKET_RESOLVED, ticket, actor_id=officer.user_id, officer=officer.name
            )
            labels = texts.RATING_LABELS[ticket.language]
            await self._enqueue(
                ticket.citizen_chat_id,
                texts.citizen("rate_request", ticket.language, number=ticket.number),
                f"rate-request:{ticket.id}:{event.id}",
                ticket=ticket,
                purpose="rating_request",
                buttons=(
                    tuple(
                        Button(label, f"rate:{ticket.id}:{score}")
                        for score, label in enumerate(labels, start=1)
                    ),
                    (
                        Button(
                            texts.citizen("reopen_button", ticket.language),
                            f"reopen:{ticket.id}",
                        ),
                    ),
                ),
            )
            await self._to_staff(
                ticket,
                texts.staff("resolved", number=ticket.number, officer=officer.name),
                f"resolved:{ticket.id}:{event.id}",
                purpose="ticket_notice",
            )
        return texts.staff("resolved_short", number=ticket.number)

    # -- timers ---------------------------------------------------------------------------------

    async def sla_tick(self) -> int:
        """Queue due SLA reminders and breach notices; returns how many were queued.

        Safe to call from several workers and after restarts: flags live on the ticket."""
        queued = 0
        now = self.clock.now()
        for candidate in await self.store.open_tickets():
            if candidate.first_response_at is not None or candidate.due_at is None:
                continue
            if candidate.breached or now < self._reminder_time(candidate):
                continue
            if candidate.reminder_sent and now < candidate.due_at:
                continue
            async with self.store.transaction():
                ticket = await self._lock(candidate.id)
                if not ticket.is_open or ticket.first_response_at is not None or ticket.breached:
                    continue
                assert ticket.due_at is not None
                promise = self.complaint_response.describe("id")
                due = texts.format_time(ticket.due_at, "id", self.time_zone)
                if now >= ticket.due_at:
                    ticket.breached = True
                    ticket.reminder_sent = True
                    await self.store.save_ticket(ticket)
                    await self._event(
                        EventKind.SLA_BREACH,
                        ticket,
                        due_at=ticket.due_at.isoformat(),
                        late_seconds=int((now - ticket.due_at).total_seconds()),
                    )
                    await self._to_staff(
                        ticket,
                        texts.staff("sla_breach", number=ticket.number, promise=promise, due=due),
                        f"sla-breach:{ticket.id}",
                        purpose="sla_notice",
                    )
                    queued += 1
                elif not ticket.reminder_sent:
                    ticket.reminder_sent = True
                    await self.store.save_ticket(ticket)
                    await self._event(
                        EventKind.SLA_REMINDER, ticket, due_at=ticket.due_at.isoformat()
                    )
                    await self._to_staff(
                        ticket,
                        texts.staff(
                            "sla_reminder",
                            number=ticket.number,
                            promise=promise,
                            due=due,
                            remaining=texts.format_span(ticket.due_at - now),
                        ),
                        f"sla-reminder:{ticket.id}",
                        purpose="sla_notice",
                        buttons=self._card_buttons(ticket.id)
                        if ticket.status is TicketStatus.OPEN
                        else (),
                    )
                    queued += 1
        return queued

    async def run_sla_forever(self, stop: asyncio.Event, every_seconds: float = 30.0) -> None:
        """Call ``sla_tick`` every ``every_seconds`` until ``stop`` is set (state is in the
        database, so a restarted loop simply carries on)."""
        while not stop.is_set():
            try:
                await self.sla_tick()
            except Exception:
                log.exception("SLA check failed; trying again in %s s", every_seconds)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=every_seconds)

    def due_time(self, start: datetime) -> datetime:
        """When the first human response is due for a ticket opened at ``start``."""
        promise = self.complaint_response
        if promise.unit != "working_days":
            return start + timedelta(minutes=promise.max_calendar_minutes())
        whole_days = int(promise.amount)
        local = start.astimezone(self.time_zone)
        while whole_days > 0:
            local += timedelta(days=1)
            if local.weekday() < 5:
                whole_days -= 1
        while local.weekday() >= 5:  # a fraction never ends on a weekend
            local += timedelta(days=1)
        local += timedelta(days=promise.amount - int(promise.amount))
        return local.astimezone(start.tzinfo)

    def _reminder_time(self, ticket: Ticket) -> datetime:
        assert ticket.due_at is not None
        return ticket.created_at + (ticket.due_at - ticket.created_at) * self.sla_reminder_fraction

    # -- outbox callbacks -----------------------------------------------------------------------

    async def prepare(self, message: OutboxMessage) -> OutboxMessage | None:
        """Called by the dispatcher right before sending: anchors staff-chat messages of a
        ticket to its card (reply + forum topic). None: the card is not sent yet, wait."""
        if (
            message.ticket_id is None
            or message.chat_id != self.staff_chat_id
            or message.purpose == "ticket_card"
        ):
            return message
        ticket = await self.store.get_ticket(message.ticket_id)
        if ticket is None:
            return message
        if ticket.staff_message_id is not None:
            return replace(
                message,
                reply_to_message_id=message.reply_to_message_id or ticket.staff_message_id,
                thread_id=message.thread_id or ticket.staff_thread_id,
            )
        card = await self.store.get_by_key(card_key(ticket.id))
        if card is not None and card.status is OutboxStatus.PENDING:
            return None
        return message

    async def delivered(self, message: OutboxMessage, sent: SentMessage) -> None:
        """The dispatcher delivered ``message``: remember card/notice ids, log relays."""
        if message.ticket_id is None:
            return
        async with self.store.transaction():
            if message.purpose == "ticket_card":
                ticket = await self.store.lock_ticket(message.ticket_id)
                if ticket is not None:
                    ticket.staff_message_id = sent.message_id
                    ticket.staff_thread_id = sent.thread_id or message.thread_id
                    await self.store.save_ticket(ticket)
                    if sent.thread_id is not None and message.thread_id is None:
                        # A forum topic opened for this ticket: its root message (id = thread
                        # id) is what an officer writing in the topic implicitly replies to.
                        await self.store.link_staff_message(ticket.id, sent.thread_id)
            if message.chat_id == self.staff_chat_id:
                await self.store.link_staff_message(message.ticket_id, sent.message_id)
            held_id = _held_id_from_key(message.dedupe_key)
            if message.purpose == "held_notice" and held_id is not None:
                held = await self.store.get_held_reply(held_id)
                if held is not None:
                    await self.store.save_held_reply(
                        replace(held, notice_message_id=sent.message_id)
                    )
            if message.purpose == "staff_reply":
                now = self.clock.now()
                await self.store.append(
                    Event(
                        EventKind.REPLY_RELAYED,
                        now,
                        ticket_id=message.ticket_id,
                        data={
                            "outbox_id": message.id,
                            "queued_seconds": round((now - message.created_at).total_seconds(), 3),
                        },
                    )
                )

    async def recipient_blocked(self, chat_id: int, ticket_ids: Sequence[int] = ()) -> None:
        """A chat blocked the bot (403). Citizens: marked on their tickets, staff told once."""
        if chat_id == self.staff_chat_id:
            log.error("the bot cannot post in the staff chat %s any more (403)", chat_id)
            return
        async with self.store.transaction():
            tickets = {t.id: t for t in await self.store.tickets_for_citizen(chat_id, limit=20)}
            for ticket_id in ticket_ids:
                if ticket_id not in tickets:
                    found = await self.store.get_ticket(ticket_id)
                    if found is not None and found.citizen_chat_id == chat_id:
                        tickets[ticket_id] = found
            for ticket in tickets.values():
                if ticket.citizen_blocked or not (ticket.is_open or ticket.id in ticket_ids):
                    continue
                ticket.citizen_blocked = True
                await self.store.save_ticket(ticket)
                await self._event(EventKind.CITIZEN_BLOCKED_BOT, ticket)
                await self._to_staff(
                    ticket,
                    texts.staff("citizen_blocked", number=ticket.number),
                    f"blocked:{ticket.id}",
                    purpose="ticket_notice",
                )

    async def delivery_failed(self, message: OutboxMessage, error: str) -> None:
        """The dispatcher gave up on ``message``: an officer's reply must not vanish silently."""
        if message.purpose != "staff_reply" or message.ticket_id is None:
            return
        ticket = await self.store.get_ticket(message.ticket_id)
        if ticket is None:
            return
        await self._to_staff(
            ticket,
            texts.staff(
                "delivery_failed",
                number=ticket.number,
                attempts=message.attempts + 1,
                error=texts.clip(error, 200),
            ),
            f"failed:{message.id}",
            purpose="ticket_notice",
        )

    # -- internals ------------------------------------------------------------------------------

    def _require_staff(self, officer: Officer) -> None:
        if not (officer.in_staff_chat or officer.user_id in self.staff_user_ids):
            raise TicketError(texts.staff("error_not_staff"))

    @staticmethod
    def _require_open(ticket: Ticket) -> None:
        if not ticket.is_open:
            raise TicketError(
                texts.staff(
                    "error_closed",
                    number=ticket.number,
                    status=texts.status_label(ticket.status, "id"),
                )
            )

    async def _lock(self, ticket_id: int) -> Ticket:
        ticket = await self.store.lock_ticket(ticket_id)
        if ticket is None:  # pragma: no cover - callers found it a moment ago
            raise TicketError(texts.staff("error_unknown_ticket", number=ticket_number(ticket_id)))
        return ticket

    async def _staff_ticket(self, ticket_id: int, *, lock: bool = False) -> Ticket:
        found = await (self.store.lock_ticket if lock else self.store.get_ticket)(ticket_id)
        if found is None:
            raise TicketError(texts.staff("error_unknown_ticket", number=ticket_number(ticket_id)))
        return found

    async def _citizen_ticket(
        self, ticket_id: int, citizen_chat_id: int, language: Language | None
    ) -> Ticket:
        """The citizen's own ticket, locked; another chat's ticket looks like a missing one."""
        ticket = await self.store.lock_ticket(ticket_id)
        if ticket is None or ticket.citizen_chat_id != citizen_chat_id:
            raise TicketError(texts.citizen("error_not_your_ticket", language or "id"))
        return ticket

    async def _waiting_held(self, held_id: int) -> HeldReply:
        held = await self.store.get_held_reply(held_id)
        if held is None:
            raise TicketError(texts.staff("error_unknown_held"))
        if held.status != HELD:
            raise TicketError(texts.staff("error_held_done", status=held.status))
        return held

    async def _discard_held(self, ticket_id: int) -> None:
        for held in await self.store.held_replies(ticket_id):
            if held.status == HELD:
                await self.store.save_held_reply(replace(held, status=DISCARDED))

    @staticmethod
    def _check_citizen_text(text: str, language: Language, *, attachment: bool) -> None:
        if not text and not attachment:
            raise TicketError(texts.citizen("error_empty", language))
        if len(text) > MAX_TEXT:
            raise TicketError(
                texts.citizen("error_too_long", language, length=len(text), limit=MAX_TEXT)
            )

    @staticmethod
    def _check_staff_text(text: str, *, attachment: bool) -> None:
        if not text and not attachment:
            raise TicketError(texts.staff("error_empty"))
        if len(text) > MAX_TEXT:
            raise TicketError(texts.staff("error_too_long", length=len(text), limit=MAX_TEXT))

    async def _maybe_comment(self, citizen: CitizenRef, text: str) -> str | None:
        """The first free text shortly after rating a ticket is its comment."""
        if not text:
            return None
        ticket = await self._awaiting_comment(citizen.chat_id)
        if ticket is None:
            return None
        return await self.comment(ticket.id, citizen.chat_id, text)

    async def _awaiting_comment(self, citizen_chat_id: int) -> Ticket | None:
        """The citizen's latest ticket when it was rated within ``COMMENT_WINDOW`` and has no
        comment yet."""
        latest = await self.store.tickets_for_citizen(citizen_chat_id, limit=1)
        if not latest:
            return None
        ticket = latest[0]
        if ticket.status is not TicketStatus.RESOLVED or ticket.rating is None or ticket.comment:
            return None
        rated = await self.store.events(ticket_id=ticket.id, kinds=[EventKind.TICKET_RATED])
        if not rated or self.clock.now() - rated[-1].at > COMMENT_WINDOW:
            return None
        return ticket

    async def _add_citizen_message(
        self,
        ticket: Ticket,
        citizen: CitizenRef,
        text: str,
        attachment_kind: str | None,
        attachment_file_id: str | None,
    ) -> None:
        now = self.clock.now()
        stored = await self.store.add_message(
            TicketMessage(
                ticket.id,
                MessageDirection.CITIZEN,
                citizen.user_id,
                ticket.citizen_name,
                text,
                now,
                attachment_kind=attachment_kind,
                attachment_file_id=attachment_file_id,
            )
        )
        if ticket.citizen_blocked:  # they are writing again, so they unblocked the bot
            ticket.citizen_blocked = False
            await self.store.save_ticket(ticket)
        await self._event(
            EventKind.CITIZEN_MESSAGE,
            ticket,
            actor_id=citizen.user_id,
            length=len(text),
            attachment=attachment_kind,
        )
        body = text
        if attachment_kind:
            marker = texts.staff("attachment", kind=attachment_kind)
            body = f"{marker} {text}".strip()
        await self._to_staff(
            ticket,
            texts.staff(
                "citizen_message", number=ticket.number, citizen=ticket.citizen_name, text=body
            ),
            f"citizen:{stored.id}",
            purpose="citizen_message",
            attachment_kind=attachment_kind,
            attachment_file_id=attachment_file_id,
        )

    async def _relay(
        self,
        ticket: Ticket,
        officer: Officer,
        text: str,
        attachment_kind: str | None,
        attachment_file_id: str | None,
    ) -> None:
        now = self.clock.now()
        stored = await self.store.add_message(
            TicketMessage(
                ticket.id,
                MessageDirection.STAFF,
                officer.user_id,
                officer.name,
                text,
                now,
                attachment_kind=attachment_kind,
                attachment_file_id=attachment_file_id,
            )
        )
        if ticket.first_response_at is None:
            ticket.first_response_at = now
            await self.store.save_ticket(ticket)
        author = f"{self.staff_prefix} {officer.first_name}".strip()
        await self._enqueue(
            ticket.citizen_chat_id,
            texts.citizen(
                "staff_reply", ticket.language, officer=author, number=ticket.number, text=text
            ),
            f"relay:{stored.id}",
            ticket=ticket,
            purpose="staff_reply",
            attachment_kind=attachment_kind,
            attachment_file_id=attachment_file_id,
        )

    async def _hold(
        self, ticket: Ticket, officer: Officer, text: str, verdict: Verdict
    ) -> StaffReplyOutcome:
        explanation = verdict.explanation or "; ".join(
            f"{v.field}: {v.promised} / {v.claimed}" for v in verdict.violations
        )
        held = await self.store.hold_reply(
            HeldReply(
                id=0,
                ticket_id=ticket.id,
                officer_id=officer.user_id,
                officer_name=officer.name,
                text=text,
                explanation=explanation,
                created_at=self.clock.now(),
            )
        )
        await self._event(
            EventKind.REPLY_BLOCKED,
            ticket,
            actor_id=officer.user_id,
            held_id=held.id,
            verdict=verdict.verdict,
            explanation=verdict.explanation,
            violations=[
                {
                    "service_id": v.service_id,
                    "field": v.field,
                    "promised": v.promised,
                    "claimed": v.claimed,
                }
                for v in verdict.violations
            ],
        )
        violations = "".join(
            texts.staff(
                "held_violation",
                field=texts.PROMISE_FIELD_LABELS.get(v.field, v.field),
                promised=v.promised,
                claimed=v.claimed,
            )
            for v in verdict.violations
        )
        notice = texts.staff(
            "held_notice",
            officer=officer.name,
            number=ticket.number,
            violations=violations,
            explanation=texts.staff("held_explanation", explanation=verdict.explanation)
            if verdict.explanation
            else "",
            text=texts.clip(text, 1500),
        )
        await self._enqueue(
            self.staff_chat_id if self.staff_chat_id is not None else officer.user_id,
            notice,
            held_key(held.id),
            ticket=ticket,
            purpose="held_notice",
            buttons=(
                (
                    Button(texts.staff("button_override"), f"override:{held.id}"),
                    Button(texts.staff("button_discard"), f"discard:{held.id}"),
                ),
            ),
        )
        return StaffReplyOutcome(
            ticket, False, texts.staff("held_short", number=ticket.number), held, verdict
        )

    def _card_text(self, ticket: Ticket) -> str:
        service = self.services.get(ticket.service_id or "")
        service_name = service.name if service else ticket.service_id or texts.staff("no_service")
        answer_block = ""
        if ticket.bot_answer:
            answer_block = texts.staff(
                "card_answer", answer=texts.clip(ticket.bot_answer, MAX_CARD_FIELD)
            )
            if ticket.sources:
                sources = ", ".join(
                    f"{source.file} ({source.score:.2f})" for source in ticket.sources[:3]
                )
                answer_block += texts.staff("card_sources", sources=sources)
        context_block = ""
        if ticket.context:
            lines = "\n".join(f"• {texts.clip(line, 200)}" for line in ticket.context)
            context_block = texts.staff("card_context", lines=lines)
        assert ticket.due_at is not None
        return texts.staff(
            "card",
            number=ticket.number,
            reason=texts.REASON_LABELS.get(ticket.reason, ticket.reason.value),
            citizen=ticket.citizen_name,
            language=ticket.language,
            service=service_name,
            question=texts.clip(ticket.question, MAX_CARD_FIELD),
            answer_block=answer_block,
            context_block=context_block,
            due=texts.format_time(ticket.due_at, "id", self.time_zone),
            promise=self.complaint_response.describe("id"),
        )

    @staticmethod
    def _card_buttons(ticket_id: int) -> tuple[tuple[Button, ...], ...]:
        return (
            (
                Button(texts.staff("button_claim"), f"claim:{ticket_id}"),
                Button(texts.staff("button_resolve"), f"resolve:{ticket_id}"),
            ),
        )

    async def _to_staff(
        self,
        ticket: Ticket,
        text: str,
        key: str,
        *,
        purpose: str,
        buttons: tuple[tuple[Button, ...], ...] = (),
        attachment_kind: str | None = None,
        attachment_file_id: str | None = None,
    ) -> None:
        """A message about ``ticket`` in the staff chat (anchored to its card when sent)."""
        if self.staff_chat_id is None:
            return
        await self._enqueue(
            self.staff_chat_id,
            text,
            key,
            ticket=ticket,
            purpose=purpose,
            buttons=buttons,
            attachment_kind=attachment_kind,
            attachment_file_id=attachment_file_id,
        )

    async def _enqueue(
        self,
        chat_id: int,
        text: str,
        key: str,
        *,
        ticket: Ticket | None,
        purpose: str,
        buttons: tuple[tuple[Button, ...], ...] = (),
        topic_title: str | None = None,
        attachment_kind: str | None = None,
        attachment_file_id: str | None = None,
    ) -> OutboxMessage:
        now = self.clock.now()
        return await self.store.enqueue(
            OutboxMessage(
                chat_id=chat_id,
                text=text,
                dedupe_key=key,
                created_at=now,
                next_attempt_at=now,
                buttons=buttons,
                ticket_id=ticket.id if ticket else None,
                purpose=purpose,
                topic_title=topic_title,
                attachment_kind=attachment_kind,
                attachment_file_id=attachment_file_id,
            )
        )

    async def _event(
        self, kind: EventKind, ticket: Ticket, *, actor_id: int | None = None, **data: object
    ) -> Event:
        return await self.store.append(
            Event(kind, self.clock.now(), ticket_id=ticket.id, actor_id=actor_id, data=data)
        )
