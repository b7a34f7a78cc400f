"""Citizen-facing handlers: parse the update, make one desk call, reply.

Every answer is queued by the desk call itself (``Origin``: ``reply:<update id>`` in the outbox,
in the same transaction as the update's effects and its "handled" mark), so a replayed update
never answers twice; it is sent right after the update, through the outbox. Only a button's
short notice and the typing indicator go to Telegram directly.

No try/except here: a ``JanjiError`` (e.g. a ``TicketError``) raised by the desk is rendered to
the citizen by the application's error handler; anything else is logged there with its
traceback.
"""

from __future__ import annotations

import logging
import re

from telegram import CallbackQuery, Message, Update
from telegram.ext import ApplicationHandlerStop, filters

from bot.domain.desk import NOT_HELPFUL_SUFFIX, desk_text
from bot.domain.models import Button, Language
from bot.handlers import render
from bot.handlers.context import JanjiContext, citizen_ref, origin_of
from bot.handlers.ratelimit import Verdict
from bot.handlers.texts import text

logger = logging.getLogger(__name__)


# -- parsing helpers (shared with the staff side) -------------------------------------------------


def attachment_of(message: Message) -> tuple[str | None, str | None, str]:
    """(kind, file_id, description) of a non-text message.

    Files (photo, document, voice ...) keep their file id so they can be passed on; things
    without a file (location, contact, sticker ...) are described in words, with an empty id.
    """
    if message.photo:
        return "photo", message.photo[-1].file_id, ""
    if message.animation:  # before document: an animation also carries a document
        return "animation", message.animation.file_id, ""
    for kind in ("document", "voice", "video", "audio"):
        item = getattr(message, kind)
        if item is not None:
            return kind, item.file_id, ""
    if message.video_note:
        return "video_note", "", "[video note]"
    if message.sticker:
        return "sticker", "", f"[sticker {message.sticker.emoji or ''}]".replace(" ]", "]")
    if message.venue:
        venue = message.venue
        where = f"{venue.location.latitude:.5f}, {venue.location.longitude:.5f}"
        return "location", "", f"📍 {venue.title}, {venue.address} ({where})"
    if message.location:
        return (
            "location",
            "",
            (f"📍 {message.location.latitude:.5f}, {message.location.longitude:.5f}"),
        )
    if message.contact:
        contact = message.contact
        name = " ".join(part for part in (contact.first_name, contact.last_name) if part)
        return "contact", "", f"👤 {name} {contact.phone_number}".strip()
    if message.poll:
        return "poll", "", f"[poll] {message.poll.question}"
    if message.dice:
        return "dice", "", f"[dice {message.dice.emoji} {message.dice.value}]"
    return None, None, ""


class AddressedToBot(filters.MessageFilter):
    """Private chats always; groups only when the bot is mentioned or replied to."""

    def filter(self, message: Message) -> bool:
        if message.chat.type == "private":
            return True
        bot = message.get_bot()
        reply_to = message.reply_to_message
        if (
            reply_to is not None
            and reply_to.from_user is not None
            and reply_to.from_user.id == bot.id
            and not reply_to.forum_topic_created
        ):
            return True
        username = (bot.username or "").lower()
        if not username:
            return False
        content = message.text or message.caption or ""
        entities = message.parse_entities() if message.text else message.parse_caption_entities()
        mentions = {value.lower() for entity, value in entities.items() if entity.type == "mention"}
        return f"@{username}" in mentions or f"@{username}" in content.lower()


ADDRESSED = AddressedToBot(name="addressed_to_bot")


def question_text(message: Message) -> str:
    """The message text without the bot's @mention (groups)."""
    content = message.text or message.caption or ""
    username = message.get_bot().username
    if username:
        content = re.sub(rf"@{re.escape(username)}\b", " ", content, flags=re.IGNORECASE)
    return " ".join(content.split()) if "\n" not in content else content.strip()


def command_argument(message: Message) -> str:
    """Everything after ``/command`` (newlines kept)."""
    content = message.text or ""
    parts = content.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def _language_choice(argument: str) -> Language | None:
    word = argument.strip().lower()
    if word in {"en", "eng", "english", "inggris"}:
        return "en"
    if word in {"id", "ind", "indonesia", "indonesian", "bahasa"}:
        return "id"
    return None


def _callback_parts(query: CallbackQuery) -> list[str]:
    return (query.data or "").split(":")


# -- gates (run before the handlers, in their own groups) ----------------------------------------


async def citizen_rate_gate(update: Update, context: JanjiContext) -> None:
    """Per-citizen flood limit: one polite "please wait" per burst, then quiet until it eases."""
    runtime = context.janji
    message = update.effective_message
    chat = update.effective_chat
    user = update.effective_user
    if message is None or chat is None or update.callback_query is not None:
        return
    if runtime.is_staff_chat(chat) or not ADDRESSED.check_update(update):
        return
    who = user.id if user is not None else chat.id
    if who in runtime.settings.admin_user_ids:
        return
    decision = runtime.citizen_limiter.check(who)
    if decision.verdict is Verdict.ALLOW:
        return
    if decision.verdict is Verdict.WARN:
        logger.info("citizen %s is over the message limit", who)
        language = await runtime.desk.language_for(chat.id)
        seconds = max(1, round(decision.retry_after))
        await runtime.desk.say(origin_of(update), text("please_wait", language, seconds=seconds))
    raise ApplicationHandlerStop


# -- commands ----------------------------------------------------------------------------------


async def start(update: Update, context: JanjiContext) -> None:
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None
    desk = context.janji.desk
    language = await desk.language_for(chat.id)
    name = f", {user.first_name}" if user is not None and user.first_name else ""
    organisation = desk.knowledge.organisation or (
        "layanan publik" if language == "id" else "the public service office"
    )
    greeting = text("greeting", language, name=name, organisation=organisation)
    await desk.say(origin_of(update), greeting)


async def help_command(update: Update, context: JanjiContext) -> None:
    chat = update.effective_chat
    assert chat is not None
    desk = context.janji.desk
    await desk.say(origin_of(update), text("help", await desk.language_for(chat.id)))


async def language_command(update: Update, context: JanjiContext) -> None:
    """``/bahasa`` or ``/language`` toggles; ``/bahasa en`` / ``/language id`` choose."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    desk = context.janji.desk
    choice = _language_choice(command_argument(message))
    if choice is not None:
        await desk.set_language(chat.id, choice, origin_of(update))
    else:
        await desk.toggle_language(chat.id, origin_of(update))


async def services_command(update: Update, context: JanjiContext) -> None:
    chat = update.effective_chat
    assert chat is not None
    desk = context.janji.desk
    language = await desk.language_for(chat.id)
    services = desk.services()
    if not services:
        await desk.say(origin_of(update), text("no_services", language))
        return
    rows = tuple(
        (Button(name, render.service_action(service_id)),) for service_id, name in services
    )
    await desk.say(origin_of(update), desk_text("services_title", language), rows)


async def officer_command(update: Update, context: JanjiContext) -> None:
    """``/petugas [pesan]``: open a ticket (or add to the open one)."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    citizen = citizen_ref(chat, update.effective_user)
    question = command_argument(message) or None
    await context.janji.desk.talk_to_officer(citizen, question, origin=origin_of(update))


async def cancel_command(update: Update, context: JanjiContext) -> None:
    """``/batal``: the citizen closes their open ticket."""
    chat = update.effective_chat
    assert chat is not None
    runtime = context.janji
    language = await runtime.desk.language_for(chat.id)
    async with runtime.desk.handling(origin_of(update)) as handling:
        handling.answer(await runtime.tickets.cancel(chat.id, language))


async def status_command(update: Update, context: JanjiContext) -> None:
    chat = update.effective_chat
    assert chat is not None
    runtime = context.janji
    language = await runtime.desk.language_for(chat.id)
    await runtime.desk.say(origin_of(update), await runtime.tickets.status(chat.id, language))


async def unknown_command(update: Update, context: JanjiContext) -> None:
    """Private chats only: an unknown /command gets the help text rather than silence."""
    await help_command(update, context)


# -- messages ------------------------------------------------------------------------------------


async def question(update: Update, context: JanjiContext) -> None:
    """A text (or an edited text): the desk answers, or passes it to the open ticket."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    asked = question_text(message)
    if not asked:
        return
    citizen = citizen_ref(chat, update.effective_user)
    thread = message.message_thread_id if message.is_topic_message else None
    async with render.typing(context.bot, chat.id, thread):
        await context.janji.desk.ask(citizen, asked, origin_of(update))


async def attachment(update: Update, context: JanjiContext) -> None:
    """Photos, voice, documents ...: to the open ticket if there is one, else a polite reply."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    runtime = context.janji
    kind, file_id, description = attachment_of(message)
    language = await runtime.desk.language_for(chat.id)
    if kind is None:  # nothing a person could use (a story, a game ...)
        await runtime.desk.say(origin_of(update), text("text_only", language))
        return
    citizen = citizen_ref(chat, update.effective_user, language)
    caption = question_text(message) if message.caption else ""
    body = " ".join(part for part in (description, caption) if part)
    async with runtime.desk.handling(origin_of(update)) as handling:
        acknowledged = await runtime.tickets.citizen_message(citizen, body, kind, file_id or "")
        handling.answer(acknowledged or text("text_only", language))


# -- buttons -------------------------------------------------------------------------------------


async def service_pressed(update: Update, context: JanjiContext) -> None:
    """``svc:<id>`` (or ``svh:<digest>``) from the /layanan keyboard: the service's promises."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    desk = context.janji.desk
    kind, _, value = (query.data or "").partition(":")
    service_id = value
    if kind == "svh":
        found = [s for s, _ in desk.services() if render.service_digest(s) == value]
        service_id = found[0] if found else ""
    language = await desk.language_for(chat.id)
    await desk.say(origin_of(update), desk.service_card(service_id, language))
    await render.notify(query)


async def feedback_pressed(update: Update, context: JanjiContext) -> None:
    """``fb:up:<turn>`` / ``fb:down:<turn>``: "helpful" is thanked in a short notice, "not
    helpful" is answered with the offer of an officer."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    parts = _callback_parts(query)
    if len(parts) != 3 or not parts[2].isdigit():
        await _expired(query, context)
        return
    helpful = parts[1] == "up"
    citizen = citizen_ref(chat, update.effective_user)
    answer = await context.janji.desk.feedback(citizen, int(parts[2]), helpful, origin_of(update))
    await render.notify(query, answer.text if helpful else None)


async def officer_pressed(update: Update, context: JanjiContext) -> None:
    """``officer:<turn>`` (``:nh`` after "not helpful"): open a ticket."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    not_helpful = (query.data or "").endswith(NOT_HELPFUL_SUFFIX)
    citizen = citizen_ref(chat, update.effective_user)
    await context.janji.desk.talk_to_officer(
        citizen, not_helpful=not_helpful, origin=origin_of(update)
    )
    await render.notify(query)


async def rating_pressed(update: Update, context: JanjiContext) -> None:
    """``rate:<ticket>:<1-4>`` (SKM scale) or ``reopen:<ticket>`` after a ticket is resolved."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    parts = _callback_parts(query)
    if not all(part.isdigit() for part in parts[1:]) or len(parts) not in (2, 3):
        await _expired(query, context)
        return
    tickets = context.janji.tickets
    async with context.janji.desk.handling(origin_of(update)) as handling:
        if parts[0] == "rate" and len(parts) == 3:
            handling.answer(await tickets.rate(int(parts[1]), chat.id, int(parts[2])))
        else:
            handling.answer(await tickets.reopen(int(parts[1]), chat.id))
    await render.notify(query)
    await render.drop_buttons(query)  # one rating per request: the buttons go away


async def _expired(query: CallbackQuery, context: JanjiContext) -> None:
    language: Language = "id"
    if query.message is not None:
        language = await context.janji.desk.language_for(query.message.chat.id)
    await render.notify(query, text("button_expired", language), alert=True)
