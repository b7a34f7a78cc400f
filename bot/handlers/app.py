"""The Telegram application: handlers wired to the desk, background workers, start and stop.

``build_application(settings, desk_bundle)`` gives a ready ``telegram.ext.Application``;
``serve(app, settings, stop)`` runs it (long polling, or a webhook server when ``WEBHOOK_URL``
is set) until ``stop`` is set; ``run_bot(settings)`` is ``janji run``: checks, engine, desk,
signals, serve, clean exit.

Updates are handled concurrently across chats and in order within a chat. Three background
tasks live from ``post_init`` to ``post_shutdown``: the outbox dispatcher (woken right after each
update, polling once a second otherwise), the SLA ticker (every ``SLA_CHECK_SECONDS``) and the
inbox clean-up (hourly).

No update is lost or handled twice across crashes: the update queue stores every update in the
inbox before the updater confirms it to Telegram (``InboxQueue``); each handler's desk call
commits the update's effects, its answer and its "handled" mark together; ``serve`` replays the
updates a crashed run left unhandled before it starts polling or the webhook.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import secrets
import signal
from collections.abc import Awaitable, Callable, Coroutine
from functools import partial
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from telegram import Bot, BotCommand, Message, Update
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.config import Settings
from bot.domain.models import Language
from bot.domain.outbox import OutboxDispatcher
from bot.domain.ports import Clock
from bot.errors import AlreadyHandled, ConfigError, JanjiError
from bot.handlers import admin, citizen, render, staff
from bot.handlers.context import RUNTIME_KEY, JanjiApplication, JanjiContext, Runtime, origin_of
from bot.handlers.ratelimit import CitizenRateLimiter, TelegramRateLimiter
from bot.handlers.sender import TelegramSender
from bot.handlers.texts import COMMANDS, text

if TYPE_CHECKING:
    from bot.app import Desk

logger = logging.getLogger(__name__)

TOKEN_PATTERN = re.compile(r"\d{1,20}:[A-Za-z0-9_-]{1,200}")
SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]
POLL_TIMEOUT_SECONDS = 10
OUTBOX_POLL_SECONDS = 1.0
INBOX_CLEANUP_SECONDS = 3600.0
SHUTDOWN_GRACE_SECONDS = 10.0
INBOX_SETTLE_SECONDS = 15.0  # longer than SQLite's busy timeout: a write waiting for the lock
LEFTOVER_SECONDS = 5.0


# -- settings checks -----------------------------------------------------------------------------


def validate_token(token: str | None) -> str:
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN belum diisi (dapatkan dari @BotFather).")
    token = token.strip()
    if not TOKEN_PATTERN.fullmatch(token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN tidak valid: bentuknya <angka>:<rahasia>, "
            "misalnya 123456789:AAH... dari @BotFather."
        )
    return token


def api_base_url(settings: Settings) -> str:
    """``TELEGRAM_API_BASE_URL`` without a trailing slash (the library appends the token)."""
    return settings.telegram_api_base_url.rstrip("/")


def webhook_secret(settings: Settings) -> str:
    """``WEBHOOK_SECRET``, or a fresh random one (Telegram sends it back on every update)."""
    if settings.webhook_secret is None:
        return secrets.token_urlsafe(32)
    if not SECRET_PATTERN.fullmatch(settings.webhook_secret):
        raise ConfigError("WEBHOOK_SECRET hanya boleh berisi huruf, angka, _ dan - (1-256).")
    return settings.webhook_secret


# -- update processing ---------------------------------------------------------------------------


class InboxQueue(asyncio.Queue[object]):
    """The application's update queue with the inbox in front of it.

    The updater (long polling) and the webhook server ``put`` each update here before they
    confirm it to Telegram (the next ``getUpdates`` offset, the HTTP 200), so storing it first
    means a crash can no longer lose an update Telegram considers delivered. An update stored
    before (a redelivery) is not queued again. A failed write is raised as a ``NetworkError``:
    the updater then retries (and Telegram redelivers) instead of dropping the batch, the
    webhook answers 500 and Telegram retries.

    Each update is stored (and then queued) by a task of its own that cancelling ``put`` does
    not reach: stopping the updater cancels its polling step, ``put`` included, without waiting
    for it, and a database write cut off halfway leaves its connection to be torn down while
    the store closes and the process exits (``janji run`` then hung after "janji stopped").
    The write finishes instead: the update is stored and queued (Telegram, never told, sends it
    again and the redelivery is skipped) or not stored at all (Telegram sends it again).
    ``settle`` waits for these writes; ``serve`` calls it before the application stops."""

    def __init__(self, receive: Callable[[Update], Awaitable[bool]]) -> None:
        super().__init__()
        self._receive = receive
        self._storing: set[asyncio.Task[None]] = set()

    async def put(self, item: object) -> None:
        if not isinstance(item, Update):
            await super().put(item)
            return
        storing = asyncio.create_task(self._store(item), name=f"janji-inbox-{item.update_id}")
        self._storing.add(storing)
        storing.add_done_callback(self._storing.discard)
        try:
            await asyncio.shield(storing)
        except asyncio.CancelledError:
            storing.add_done_callback(_report_unstored)  # the caller cannot hear of a failure
            raise

    async def _store(self, update: Update) -> None:
        try:
            new = await self._receive(update)
        except Exception as error:  # logged by the updater's error callback
            raise NetworkError(f"update {update.update_id} not stored: {error!r}") from error
        if not new:
            logger.info("update %s was received before; skipped", update.update_id)
            return
        self.put_nowait(update)

    async def put_stored(self, update: Update) -> None:
        """Queue an update the inbox holds already (a replay)."""
        await super().put(update)

    async def settle(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the updates still being stored; True when every
        write has finished (and the stored updates are queued)."""
        if self._storing:
            await asyncio.wait(set(self._storing), timeout=timeout)
        return not self._storing


def _report_unstored(storing: asyncio.Task[None]) -> None:
    if not storing.cancelled() and storing.exception() is not None:
        logger.warning("an update was not stored while stopping: %s", storing.exception())


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Many chats at once, but one update at a time per chat, in arrival order (a citizen's
    complaint is stored before the photo that follows it). ``done`` runs after each update's
    handling completed (not when it was cancelled)."""

    def __init__(
        self,
        max_concurrent_updates: int = 256,
        done: Callable[[object], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(max_concurrent_updates)
        self._done = done
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_key(update)
        if key is None:
            await coroutine
            await self._finished(update)
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
                await self._finished(update)
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key]
                del self._locks[key]

    async def _finished(self, update: object) -> None:
        if self._done is not None:
            await self._done(update)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _chat_key(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return update.effective_user.id
    return None


class RepliesToBot(filters.MessageFilter):
    """A reply to one of the bot's messages (in a forum topic: a message in a bot's topic)."""

    def filter(self, message: Message) -> bool:
        reply_to = message.reply_to_message
        return (
            reply_to is not None
            and reply_to.from_user is not None
            and reply_to.from_user.id == message.get_bot().id
        )


# -- building ------------------------------------------------------------------------------------


def build_application(
    settings: Settings, desk_bundle: Desk, *, clock: Clock | None = None
) -> JanjiApplication:
    """The janji bot over an opened desk; nothing is contacted until it is initialised."""
    token = validate_token(settings.telegram_bot_token)
    runtime = Runtime(
        settings=settings,
        bundle=desk_bundle,
        clock=clock or desk_bundle.desk.clock,
        citizen_limiter=CitizenRateLimiter(settings.user_rate_limit),
    )
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(api_base_url(settings))
        .base_file_url(settings.telegram_api_file_url.rstrip("/"))
        .request(
            HTTPXRequest(
                connection_pool_size=128,
                connect_timeout=10.0,
                read_timeout=15.0,
                write_timeout=15.0,
                pool_timeout=30.0,
            )
        )
        .get_updates_request(HTTPXRequest(connection_pool_size=2, connect_timeout=10.0))
        .rate_limiter(TelegramRateLimiter())
        .update_queue(InboxQueue(runtime.receive))
        .concurrent_updates(PerChatUpdateProcessor(done=runtime.update_done))
        .context_types(ContextTypes(context=JanjiContext))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    app = cast(JanjiApplication, builder.build())
    app.bot_data[RUNTIME_KEY] = runtime
    _add_handlers(app, settings)
    app.add_error_handler(on_error)
    return app


def _add_handlers(app: JanjiApplication, settings: Settings) -> None:
    new = filters.UpdateType.MESSAGE
    any_message = filters.UpdateType.MESSAGES  # new and edited, no channel posts
    staff_chat = (
        filters.Chat(settings.staff_chat_id) if settings.staff_chat_id is not None else None
    )
    citizens = ~staff_chat if staff_chat is not None else filters.ALL
    private = filters.ChatType.PRIVATE

    app.add_handler(TypeHandler(Update, citizen.citizen_rate_gate), group=-1)

    # Staff side first: in the staff chat nothing reaches the citizen handlers.
    app.add_handler(
        CallbackQueryHandler(staff.ticket_button, pattern=r"^(claim|resolve|override|discard):")
    )
    app.add_handler(CommandHandler("jawab", staff.answer_command, filters=new))
    if staff_chat is not None:
        app.add_handler(
            MessageHandler(
                staff_chat
                & new
                & ~filters.COMMAND
                & RepliesToBot(name="replies_to_bot")
                & (filters.TEXT | filters.ATTACHMENT),
                staff.staff_reply,
            )
        )
        app.add_handler(MessageHandler(staff_chat, _ignore))

    admin_only = filters.ChatType.PRIVATE & new
    app.add_handler(CommandHandler(["laporan", "report"], admin.report_command, filters=admin_only))
    app.add_handler(CommandHandler("reload", admin.reload_command, filters=admin_only))

    commands: list[tuple[tuple[str, ...], Any]] = [
        (("start",), citizen.start),
        (("help", "bantuan"), citizen.help_command),
        (("bahasa", "language"), citizen.language_command),
        (("layanan", "services"), citizen.services_command),
        (("petugas", "officer"), citizen.officer_command),
        (("batal", "cancel"), citizen.cancel_command),
        (("status",), citizen.status_command),
    ]
    for names, callback in commands:
        app.add_handler(CommandHandler(list(names), callback, filters=citizens & new))
    app.add_handler(CallbackQueryHandler(citizen.service_pressed, pattern=r"^sv[ch]:"))
    app.add_handler(CallbackQueryHandler(citizen.feedback_pressed, pattern=r"^fb:"))
    app.add_handler(CallbackQueryHandler(citizen.officer_pressed, pattern=r"^officer:"))
    app.add_handler(CallbackQueryHandler(citizen.rating_pressed, pattern=r"^(rate|reopen):"))
    app.add_handler(CallbackQueryHandler(_stale_button))
    app.add_handler(
        MessageHandler(
            citizens & any_message & filters.TEXT & ~filters.COMMAND & citizen.ADDRESSED,
            citizen.question,
        )
    )
    app.add_handler(
        MessageHandler(
            citizens & new & ~filters.TEXT & filters.ATTACHMENT & citizen.ADDRESSED,
            citizen.attachment,
        )
    )
    app.add_handler(
        MessageHandler(citizens & new & filters.COMMAND & private, citizen.unknown_command)
    )


async def _ignore(update: Update, context: JanjiContext) -> None:
    """Officers talking among themselves in the staff chat."""


async def _stale_button(update: Update, context: JanjiContext) -> None:
    query = update.callback_query
    assert query is not None
    await render.notify(query, text("button_expired", "id"), alert=True)


# -- errors --------------------------------------------------------------------------------------


async def on_error(update: object, context: JanjiContext) -> None:
    """The one place errors are shown and logged: a ``JanjiError`` tells the person what went
    wrong; Telegram hiccups are a log line; anything else is a bug, logged with traceback."""
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(error, AlreadyHandled):
        logger.info("update %s was handled before; nothing done again", update_id)
        return
    if isinstance(error, JanjiError):
        logger.info("update %s: %s", update_id, error)
        await _tell(update, context, error.user_message)
        return
    if isinstance(error, Forbidden):
        logger.info("update %s: the chat blocked the bot (%s)", update_id, error)
        return
    if isinstance(error, Conflict):
        logger.error("another process is polling with this bot token: %s", error)
        return
    if isinstance(error, (TimedOut, NetworkError)) and not isinstance(error, BadRequest):
        logger.warning("update %s: Telegram did not answer (%s)", update_id, error)
        return
    logger.error("update %s failed", update_id, exc_info=error)
    chat = update.effective_chat if isinstance(update, Update) else None
    if chat is not None and (chat.type == "private" or cast(Update, update).callback_query):
        language: Language = "id"
        with contextlib.suppress(Exception):
            language = await context.janji.desk.language_for(chat.id)
        await _tell(update, context, text("unexpected_error", language))


async def _tell(update: object, context: JanjiContext, message_text: str) -> None:
    """Show ``message_text`` to whoever caused ``update``: a button's notice, or the update's
    answer (queued once, like any answer; sent directly when even that fails)."""
    if not isinstance(update, Update):
        return
    if update.callback_query is not None:
        await render.notify(update.callback_query, message_text, alert=True)
        return
    if update.effective_message is None:
        return
    try:
        await context.janji.desk.say(origin_of(update), message_text)
    except AlreadyHandled:
        return
    except Exception as error:  # the store may be what failed: tell them directly instead
        logger.warning("could not queue the answer to update %s: %s", update.update_id, error)
        try:
            await render.reply(update.effective_message, message_text)
        except TelegramError as failed:
            logger.warning("could not tell the user about an error: %s", failed)
        return
    context.janji.kick_outbox()


# -- lifecycle -----------------------------------------------------------------------------------


def runtime_of(app: Application[Any, Any, Any, Any, Any, Any]) -> Runtime:
    runtime = app.bot_data[RUNTIME_KEY]
    assert isinstance(runtime, Runtime)
    return runtime


async def _post_init(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    runtime = runtime_of(app)
    await _set_commands(app.bot)
    dispatcher = OutboxDispatcher(
        runtime.bundle.store, runtime.clock, TelegramSender(app.bot), runtime.tickets
    )
    runtime.dispatcher = dispatcher
    runtime.stopping.clear()
    runtime.outbox_settled.set()
    runtime.background = [
        asyncio.create_task(_outbox_loop(runtime, dispatcher), name="janji-outbox"),
        asyncio.create_task(_sla_loop(runtime), name="janji-sla"),
        asyncio.create_task(_inbox_cleanup_loop(runtime), name="janji-inbox"),
    ]


async def _post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    runtime = runtime_of(app)
    runtime.stopping.set()
    runtime.kick_outbox()
    tasks, runtime.background = runtime.background, []
    if not tasks:
        return
    _, pending = await asyncio.wait(tasks, timeout=SHUTDOWN_GRACE_SECONDS)
    for task in pending:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def _set_commands(bot: Bot) -> None:
    """The command menu in Indonesian (default) and English."""
    try:
        for language, commands in COMMANDS.items():
            await bot.set_my_commands(
                [BotCommand(name, description) for name, description in commands],
                language_code="en" if language == "en" else None,
            )
    except TelegramError as error:  # cosmetic: the bot works without a menu
        logger.warning("could not set the command menu: %s", error)


async def _outbox_loop(runtime: Runtime, dispatcher: OutboxDispatcher) -> None:
    """Deliver queued messages: at once when kicked, otherwise every second; one last round
    when stopping, so replies queued by the final updates still go out."""
    while True:
        runtime.outbox_kick.clear()
        runtime.outbox_settled.clear()
        busy = False
        try:
            busy = await dispatcher.run_once() >= dispatcher.batch_size
        except Exception:
            logger.exception("outbox round failed; trying again")
        finally:
            runtime.outbox_settled.set()
        if runtime.stopping.is_set():
            return
        if busy:
            continue
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(runtime.outbox_kick.wait(), OUTBOX_POLL_SECONDS)


async def _sla_loop(runtime: Runtime) -> None:
    """Queue SLA reminders and breach notices (state and timers live in the database)."""
    interval = max(0.05, runtime.settings.sla_check_seconds)
    while not runtime.stopping.is_set():
        try:
            if await runtime.desk.sla_tick():
                runtime.kick_outbox()
        except Exception:
            logger.exception("SLA check failed; trying again")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(runtime.stopping.wait(), interval)


async def _inbox_cleanup_loop(runtime: Runtime) -> None:
    """Forget handled updates once Telegram can no longer redeliver them."""
    while not runtime.stopping.is_set():
        try:
            forgotten = await runtime.desk.forget_old_updates()
            if forgotten:
                logger.info("forgot %s handled updates", forgotten)
        except Exception:
            logger.exception("inbox clean-up failed; trying again later")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(runtime.stopping.wait(), INBOX_CLEANUP_SECONDS)


async def replay_inbox(app: JanjiApplication) -> int:
    """Queue the updates a previous run stored but never handled (it died first), lowest id
    first, through the same handlers; returns how many. Called before polling or the webhook
    starts, so Telegram's redeliveries of them are recognised as stored and dropped."""
    runtime = runtime_of(app)
    queue = app.update_queue
    assert isinstance(queue, InboxQueue)
    stored = await runtime.desk.updates_to_replay()
    for item in stored:
        try:
            update = Update.de_json(json.loads(item.payload or ""), app.bot)
        except Exception as error:  # one unreadable update must not stop the start
            await runtime.desk.give_up(item.update_id, f"unreadable: {error}")
            continue
        await queue.put_stored(update)
    if stored:
        logger.warning(
            "replaying %s updates a previous run received but did not finish: %s",
            len(stored),
            ", ".join(str(item.update_id) for item in stored[:20]),
        )
    return len(stored)


async def serve(app: JanjiApplication, settings: Settings, stop: asyncio.Event) -> None:
    """Run ``app`` until ``stop`` is set, then stop cleanly: stop fetching, finish every update
    already fetched, deliver what they queued, stop the workers. Updates a crashed run left
    unhandled are replayed first."""
    async with app:  # initialize ... shutdown
        if app.post_init is not None:
            await app.post_init(app)
        try:
            await app.start()
            try:
                await replay_inbox(app)
                await _start_updates(app, settings)
                await stop.wait()
            finally:
                if app.updater is not None and app.updater.running:
                    await app.updater.stop()
                await _settle_inbox(app)
                if app.running:
                    await app.stop()
        finally:
            if app.post_shutdown is not None:
                await app.post_shutdown(app)


async def _settle_inbox(app: JanjiApplication) -> None:
    """Let the inbox writes the stopped updater left behind finish, so that their updates are
    handled before the application stops and no write is cut off by the store closing."""
    queue = app.update_queue
    if isinstance(queue, InboxQueue) and not await queue.settle(INBOX_SETTLE_SECONDS):
        logger.warning(
            "updates still being stored after %.0f s; they are handled at the next start",
            INBOX_SETTLE_SECONDS,
        )


async def _start_updates(app: JanjiApplication, settings: Settings) -> None:
    assert app.updater is not None
    if settings.webhook_url:
        url = settings.webhook_url
        await app.updater.start_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(url).path.lstrip("/"),
            webhook_url=url,
            secret_token=webhook_secret(settings),
            allowed_updates=ALLOWED_UPDATES,
            drop_pending_updates=False,
        )
        logger.info(
            "webhook mode: listening on %s:%s", settings.webhook_listen, settings.webhook_port
        )
        return
    await app.updater.start_polling(
        poll_interval=0.0,
        timeout=POLL_TIMEOUT_SECONDS,
        allowed_updates=ALLOWED_UPDATES,
        drop_pending_updates=False,
        error_callback=_polling_error,
    )
    logger.info("long polling started")


def _polling_error(error: TelegramError) -> None:
    """A failed getUpdates: the updater retries by itself, so one line is enough."""
    if isinstance(error, Conflict):
        logger.error("another process is polling with this bot token: %s", error)
    else:
        logger.warning("fetching updates failed, retrying: %s", error)


# -- janji run -----------------------------------------------------------------------------------


class RedactToken(logging.Filter):
    """Never let the bot token reach a log line (library messages and tracebacks included)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.token in record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, "<token>")
        return True


def _redact_logs(token: str) -> None:
    redactor = RedactToken(token)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)


async def check_bot_api(settings: Settings) -> str:
    """``getMe`` once, before anything heavy: the bot's @username, or one clear error line."""
    token = validate_token(settings.telegram_bot_token)
    base_url = api_base_url(settings)
    bot = Bot(
        token,
        base_url=base_url,
        request=HTTPXRequest(connect_timeout=5.0, read_timeout=10.0),
    )
    try:
        async with bot:
            return bot.username
    except InvalidToken as error:
        raise ConfigError(
            f"TELEGRAM_BOT_TOKEN ditolak oleh Bot API di {base_url}: periksa tokennya."
        ) from error
    except TelegramError as error:
        reason = str(error).replace(token, "<token>")
        raise ConfigError(f"Bot API di {base_url} tidak dapat dihubungi: {reason}") from error


def run_bot(settings: Settings) -> int:
    """``janji run`` with a token: returns the exit code (0 after SIGINT/SIGTERM)."""
    token = validate_token(settings.telegram_bot_token)
    if not settings.knowledge_dir.is_dir():
        raise ConfigError(f"Folder pengetahuan tidak ditemukan: {settings.knowledge_dir}")
    if settings.webhook_url:
        webhook_secret(settings)  # a malformed secret fails now, not after the model loads
    _redact_logs(token)
    return run_to_the_end(_run(settings))


def run_to_the_end(main: Coroutine[Any, Any, int]) -> int:
    """``asyncio.run(main)`` with a bounded ending.

    ``asyncio.run`` cancels the tasks ``main`` left behind and then waits for them without a
    limit, so one that cannot end (a database driver waiting for a worker thread that is gone)
    keeps the process alive after "janji stopped". ``_run`` leaves nothing behind; if something
    is left all the same, it is logged, cancelled and given ``LEFTOVER_SECONDS``, and one still
    running then is abandoned with an error line instead of hanging the exit."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(main)
    finally:
        try:
            _cancel_leftovers(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            asyncio.set_event_loop(None)
            loop.close()


def _cancel_leftovers(loop: asyncio.AbstractEventLoop) -> None:
    leftovers = asyncio.all_tasks(loop)
    if not leftovers:
        return
    for task in leftovers:
        logger.warning("task left running at exit, cancelled: %r", task)
        task.cancel()
    _, stuck = loop.run_until_complete(asyncio.wait(leftovers, timeout=LEFTOVER_SECONDS))
    for task in stuck:
        logger.error("task left running at exit did not stop; exiting without it: %r", task)


async def _run(settings: Settings) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    username = await check_bot_api(settings)
    logger.info("Bot API reachable: @%s", username)

    from bot.app import open_desk, open_engine

    # The embedding model is loaded now, before citizens arrive.
    engine = await asyncio.to_thread(partial(open_engine, settings, preload=True))
    if stop.is_set():
        return 0
    bundle = await open_desk(settings, engine=engine)
    try:
        app = build_application(settings, bundle)
        await serve(app, settings, stop)
    finally:
        await bundle.close()
    logger.info("janji stopped")
    return 0
