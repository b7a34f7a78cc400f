"""ServiceDesk: the one object the Telegram handlers, the console chat and the CLI talk to.

Every method takes plain data and returns plain data (text + neutral buttons); nothing here
knows Telegram. CPU work (retrieval, embeddings) runs in a worker thread so the event loop keeps
serving other citizens.

Updates from the chat platform are handled exactly once, even across crashes:
- ``receive`` stores each update in the inbox before the platform is told it arrived;
- each desk call takes the update's ``Origin`` and runs in ``handling(origin)``: one transaction
  holding every effect, the answer (queued in the outbox as ``reply:<update id>``) and the
  update's "handled" mark, so the update happened completely or not at all;
- at start ``updates_to_replay`` lists the updates a crashed run received but never handled;
  the chat layer feeds them through the same handlers again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import timedelta

from bot.domain.answering import AnswerEngine
from bot.domain.compose import summary
from bot.domain.intent import detect_language
from bot.domain.models import (
    Answer,
    Button,
    EscalationReason,
    Event,
    EventKind,
    InboxUpdate,
    KnowledgeBase,
    Language,
    Origin,
    OutboxMessage,
)
from bot.domain.ports import Clock, StepHook, Store
from bot.domain.tickets import CitizenRef, TicketDesk
from bot.errors import AlreadyHandled, JanjiError

logger = logging.getLogger(__name__)

CONTEXT_TURNS = 6
NOT_HELPFUL_SUFFIX = ":nh"  # on the officer button offered after "not helpful"
MAX_REPLAYS = 3  # starts that may replay an update before it is given up
REPLAY_LIMIT = 10_000
INBOX_RETENTION = timedelta(days=2)  # > Telegram's 24 h of redeliveries, < its quiet week

FEEDBACK_LABELS: dict[Language, tuple[str, str, str]] = {
    "id": ("👍 Membantu", "👎 Tidak membantu", "🙋 Hubungi petugas"),
    "en": ("👍 Helpful", "👎 Not helpful", "🙋 Talk to an officer"),
}

DESK_TEXT: dict[str, dict[Language, str]] = {
    "thanks_feedback": {"id": "Terima kasih atas masukannya!", "en": "Thank you for the feedback!"},
    "offer_officer": {
        "id": "Maaf jawabannya belum membantu. Mau kami teruskan ke petugas?",
        "en": "Sorry that did not help. Shall we pass your question to an officer?",
    },
    "unknown_service": {
        "id": "Layanan itu tidak ditemukan. Ketik /layanan untuk melihat daftar layanan.",
        "en": "That service was not found. Type /services to see the list.",
    },
    "language_set": {
        "id": "Baik, saya akan menjawab dalam Bahasa Indonesia.",
        "en": "Okay, I will answer in English.",
    },
    "services_title": {
        "id": "Pilih layanan untuk melihat biaya, waktu, jam layanan dan persyaratannya:",
        "en": "Pick a service to see its fee, time, hours and requirements:",
    },
    "no_question": {
        "id": "Silakan tulis dulu pertanyaan Anda, lalu saya teruskan ke petugas.",
        "en": "Please type your question first, then I will pass it to an officer.",
    },
}


@dataclass(frozen=True)
class Reply:
    """What the chat layer should send back right away."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    answer: Answer | None = None
    ticket_number: str | None = None
    language: Language = "id"
    extra: dict[str, str] = field(default_factory=dict)


def desk_text(key: str, language: Language) -> str:
    return DESK_TEXT[key][language]


def reply_key(update_id: int) -> str:
    """The outbox key of the answer to an update: one answer per update, ever."""
    return f"reply:{update_id}"


@dataclass
class Handling:
    """One update being handled (see ``ServiceDesk.handling``): what it will answer."""

    reply: Reply | None = None

    def answer(self, reply: Reply | str) -> Reply:
        """Make ``reply`` the update's answer, queued when the handling commits; returns it."""
        self.reply = reply if isinstance(reply, Reply) else Reply(reply)
        return self.reply


class ServiceDesk:
    def __init__(
        self,
        *,
        knowledge: KnowledgeBase,
        answers: AnswerEngine,
        tickets: TicketDesk,
        store: Store,
        clock: Clock,
        step_hook: StepHook | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.answers = answers
        self.tickets = tickets
        self.store = store
        self.clock = clock
        self.step_hook = step_hook

    # -- updates: inbox, unit of work, replay ---------------------------------------------------

    async def receive(self, update_id: int, payload: str) -> bool:
        """Store an arriving update (its raw JSON) before the chat platform is told it arrived.

        False for an update stored before (a redelivery): it is handled, or being handled, or
        will be replayed at the next start, so the caller must not queue it again."""
        new = await self.store.receive_update(update_id, payload, self.clock.now())
        if new:
            self._step("received", update_id)
        return new

    @asynccontextmanager
    async def handling(self, origin: Origin | None) -> AsyncIterator[Handling]:
        """The unit of work of one update: every store call awaited in the block, its answer
        (``Handling.answer``, queued to the origin's chat under ``reply_key``) and the update's
        "handled" mark commit together, or none of them does.

        The mark is taken first: a second handling of the same update (a replay racing the
        original, or another process) waits for the first to end, then raises
        ``AlreadyHandled`` instead of repeating anything. A crash before the commit leaves no
        trace and the replay does the work once; a crash after it leaves the update handled
        and its answer in the outbox. Keep chat-platform calls out of the block (they would
        hold the transaction open) and do not nest two handlings of one update (the inner one
        would find it handled). Without an origin (console, CLI): one transaction."""
        handling = Handling()
        async with self.store.transaction():
            if origin is not None and not await self.store.finish_update(
                origin.update_id, self.clock.now()
            ):
                raise AlreadyHandled(origin.update_id)
            yield handling
            if origin is not None:
                if handling.reply is not None and handling.reply.text.strip():
                    await self.store.enqueue(self._reply_message(origin, handling.reply))
                self._step("handling", origin.update_id)
        if origin is not None:
            self._step("handled", origin.update_id)

    async def say(
        self, origin: Origin, text: str, buttons: tuple[tuple[Button, ...], ...] = ()
    ) -> None:
        """Answer an update with a text that changes nothing else (help, a list, an error
        message): queued once, like every answer."""
        async with self.handling(origin) as handling:
            handling.answer(Reply(text, buttons))

    async def finish(self, update_id: int) -> None:
        """The handling of an update is over: mark it handled unless its desk call did (it
        changed nothing, was refused, or failed)."""
        await self.store.finish_update(update_id, self.clock.now())

    async def updates_to_replay(self) -> list[InboxUpdate]:
        """Updates received but never handled (the process died first), lowest id first.

        Each replay is counted; an update found unhandled after ``MAX_REPLAYS`` replays is
        closed instead, with an error line, so one that kills the process every time cannot
        stop every start."""
        replay: list[InboxUpdate] = []
        for update in await self.store.unhandled_updates(REPLAY_LIMIT):
            replays = await self.store.note_replay(update.update_id)
            if replays > MAX_REPLAYS:
                await self.give_up(update.update_id, f"given up after {MAX_REPLAYS} replays")
                continue
            replay.append(replace(update, replays=replays))
        return replay

    async def give_up(self, update_id: int, reason: str) -> None:
        """Close an update that cannot be handled, recording why (and logging it)."""
        logger.error("update %s is not handled: %s", update_id, reason)
        await self.store.finish_update(update_id, self.clock.now(), error=reason)

    async def forget_old_updates(self) -> int:
        """Drop updates handled more than ``INBOX_RETENTION`` ago."""
        return await self.store.forget_updates(self.clock.now() - INBOX_RETENTION)

    def _reply_message(self, origin: Origin, reply: Reply) -> OutboxMessage:
        now = self.clock.now()
        return OutboxMessage(
            chat_id=origin.chat_id,
            text=reply.text,
            dedupe_key=reply_key(origin.update_id),
            created_at=now,
            next_attempt_at=now,
            buttons=reply.buttons,
            thread_id=origin.thread_id,
            reply_to_message_id=origin.reply_to_message_id,
            purpose="reply",
        )

    def _step(self, step: str, update_id: int) -> None:
        if self.step_hook is not None:
            self.step_hook(step, update_id)

    # -- citizens -------------------------------------------------------------------------------

    async def language_for(self, chat_id: int, text: str | None = None) -> Language:
        chosen = await self.store.get_language(chat_id)
        if chosen is not None:
            return chosen
        return detect_language(text) if text else "id"

    async def set_language(
        self, chat_id: int, language: Language, origin: Origin | None = None
    ) -> Reply:
        async with self.handling(origin) as handling:
            return handling.answer(await self._set_language(chat_id, language))

    async def toggle_language(self, chat_id: int, origin: Origin | None = None) -> Reply:
        async with self.handling(origin) as handling:
            current = await self.language_for(chat_id)
            return handling.answer(
                await self._set_language(chat_id, "en" if current == "id" else "id")
            )

    async def _set_language(self, chat_id: int, language: Language) -> Reply:
        await self.store.set_language(chat_id, language)
        return Reply(desk_text("language_set", language), language=language)

    async def ask(self, citizen: CitizenRef, text: str, origin: Origin | None = None) -> Reply:
        """A citizen's message: to their open ticket if they have one, else to the engine.

        The engine's answer is computed before the update's transaction (CPU work must not
        hold the database); everything the message changes is written inside it."""
        language = await self.language_for(citizen.chat_id, text)
        citizen = CitizenRef(citizen.chat_id, citizen.user_id, citizen.name, language)
        chosen = await self.store.get_language(citizen.chat_id)  # set with /bahasa
        answer: Answer | None = None
        if not await self.tickets.takes_message(citizen.chat_id, text):
            answer = await asyncio.to_thread(self.answers.answer, text, chosen)
        async with self.handling(origin) as handling:
            forwarded = await self.tickets.citizen_message(citizen, text)
            if forwarded is not None:
                return handling.answer(Reply(forwarded, language=language))
            if answer is None:  # the ticket was closed a moment ago: the bot answers after all
                answer = await asyncio.to_thread(self.answers.answer, text, chosen)
            return handling.answer(await self._answered(citizen, text, answer, chosen))

    async def _answered(
        self, citizen: CitizenRef, text: str, answer: Answer, chosen: Language | None
    ) -> Reply:
        """Record the engine's answer (turns, event) and open a ticket when it escalates."""
        now = self.clock.now()
        language = citizen.language
        if chosen is None:
            citizen = CitizenRef(citizen.chat_id, citizen.user_id, citizen.name, answer.language)
            language = answer.language
        turn = await self.store.add_turn(citizen.chat_id, "citizen", text[:4000], now)
        if not answer.escalate and not answer.guardrail.ok:
            # The composed answer contradicts a promise: never send it; a person takes over.
            logger.error("composed answer failed the guardrail: %s", answer.guardrail.explanation)
            answer = self.answers.escalation(answer, EscalationReason.LOW_CONFIDENCE)
        await self.store.append(
            Event(
                EventKind.QUESTION_ESCALATED if answer.escalate else EventKind.QUESTION_ANSWERED,
                now,
                actor_id=citizen.user_id,
                data={
                    "service_id": answer.service_id,
                    "reason": answer.reason.value if answer.reason else None,
                    "kind": answer.kind.value if answer.kind else None,
                    "confidence": round(answer.confidence, 3),
                    "language": answer.language,
                    "turn": turn,
                },
            )
        )
        await self.store.add_turn(citizen.chat_id, "bot", answer.text, now)
        if answer.escalate and answer.reason is not None:
            return await self._open(citizen, answer.reason, text, answer)
        labels = FEEDBACK_LABELS[language]
        buttons = (
            (Button(labels[0], f"fb:up:{turn}"), Button(labels[1], f"fb:down:{turn}")),
            (Button(labels[2], f"officer:{turn}"),),
        )
        return Reply(answer.text, buttons, answer=answer, language=language)

    async def _open(
        self, citizen: CitizenRef, reason: EscalationReason, question: str, answer: Answer | None
    ) -> Reply:
        turns = await self.store.recent_turns(citizen.chat_id, CONTEXT_TURNS)
        context = [f"{'Warga' if role == 'citizen' else 'Bot'}: {text}" for role, text in turns]
        opened = await self.tickets.open_ticket(citizen, reason, question, answer, context)
        lead = answer.text + "\n\n" if answer is not None and opened.created else ""
        return Reply(
            lead + opened.citizen_text,
            answer=answer,
            ticket_number=opened.ticket.number,
            language=citizen.language,
        )

    async def feedback(
        self, citizen: CitizenRef, turn: int, helpful: bool, origin: Origin | None = None
    ) -> Reply:
        """The feedback buttons under an answer. "Helpful" is thanked with the returned text
        only (a short notice, nothing queued); "not helpful" answers with the offer of an
        officer."""
        language = await self.language_for(citizen.chat_id)
        async with self.handling(origin) as handling:
            await self.store.append(
                Event(
                    EventKind.FEEDBACK,
                    self.clock.now(),
                    actor_id=citizen.user_id,
                    data={"turn": turn, "helpful": helpful},
                )
            )
            if helpful:
                return Reply(desk_text("thanks_feedback", language), language=language)
            label = FEEDBACK_LABELS[language][2]
            return handling.answer(
                Reply(
                    desk_text("offer_officer", language),
                    ((Button(label, f"officer:{turn}{NOT_HELPFUL_SUFFIX}"),),),
                    language=language,
                )
            )

    async def talk_to_officer(
        self,
        citizen: CitizenRef,
        question: str | None = None,
        *,
        not_helpful: bool = False,
        origin: Origin | None = None,
    ) -> Reply:
        """/petugas, the "talk to an officer" button, or "not helpful" followed by the button."""
        language = await self.language_for(citizen.chat_id, question)
        citizen = CitizenRef(citizen.chat_id, citizen.user_id, citizen.name, language)
        async with self.handling(origin) as handling:
            if not question:
                turns = await self.store.recent_turns(citizen.chat_id, CONTEXT_TURNS)
                asked = [text for role, text in turns if role == "citizen"]
                question = asked[-1] if asked else ""
            if not question.strip():
                question = (
                    "(Warga meminta dihubungi petugas)"
                    if language == "id"
                    else ("(The citizen asked for an officer)")
                )
            reason = EscalationReason.NOT_HELPFUL if not_helpful else EscalationReason.HUMAN_REQUEST
            return handling.answer(await self._open(citizen, reason, question, None))

    def services(self) -> list[tuple[str, str]]:
        return sorted(
            ((s.id, s.name) for s in self.knowledge.services.values()),
            key=lambda item: item[1].lower(),
        )

    def service_card(self, service_id: str, language: Language) -> str:
        service = self.knowledge.services.get(service_id)
        if service is None:
            raise JanjiError(desk_text("unknown_service", language))
        source = {"id": "Sumber", "en": "Source"}[language]
        return f"{summary(service, language)}\n\n{source}: {service.file}"

    # -- maintenance ----------------------------------------------------------------------------

    def use_knowledge(self, knowledge: KnowledgeBase, answers: AnswerEngine) -> None:
        """Serve a freshly indexed knowledge base (admin reload) without a restart."""
        self.knowledge = knowledge
        self.answers = answers
        self.tickets.services = knowledge.services
        self.tickets.checker = answers.checker

    async def sla_tick(self) -> int:
        return await self.tickets.sla_tick()
