"""Composition root: settings -> index -> engine -> desk. The CLI and the Telegram app start here."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from bot.config import Settings
from bot.domain.answering import AnswerEngine, DecisionThresholds
from bot.domain.desk import ServiceDesk
from bot.domain.models import KnowledgeBase
from bot.domain.ports import Clock, StepHook, Store
from bot.domain.tickets import TicketDesk
from bot.errors import ConfigError
from bot.retrieval.encoder import Encoder, get_encoder
from bot.retrieval.hybrid import HybridRetriever
from bot.retrieval.indexer import IndexSummary, Snapshot, build_index, load_snapshot
from bot.retrieval.vectors import VectorIndex
from guardrails.check import PromiseChecker
from guardrails.promises import parse_duration

logger = logging.getLogger(__name__)

# TEST ONLY: see ``crash_hook``. Never set in production.
CRASH_AT_ENV = "JANJI_TEST_CRASH_AT"
CRASH_STEPS = ("received", "handling", "handled")


@dataclass
class Engine:
    knowledge: KnowledgeBase
    snapshot: Snapshot
    retriever: HybridRetriever
    answers: AnswerEngine
    checker: PromiseChecker
    summary: IndexSummary | None = None


def open_vectors(settings: Settings) -> VectorIndex:
    try:
        return VectorIndex.open(
            settings.index_dir, settings.embedding_model, settings.chroma_host, settings.chroma_port
        )
    except Exception as exc:  # chromadb raises many kinds; one clear line for the admin
        where = (
            f"server Chroma {settings.chroma_host}:{settings.chroma_port}"
            if settings.chroma_host
            else f"indeks {settings.index_dir}"
        )
        raise ConfigError(f"Tidak dapat membuka {where}: {exc}") from exc


def encoder_factory(settings: Settings) -> partial[Encoder]:
    return partial(get_encoder, settings.embedding_model)


def update_index(
    settings: Settings, knowledge_dir: Path | None = None, *, progress: bool = False
) -> tuple[Snapshot, IndexSummary]:
    folder = knowledge_dir or settings.knowledge_dir
    if not folder.is_dir():
        raise ConfigError(f"Folder pengetahuan tidak ditemukan: {folder}")
    return build_index(
        folder,
        settings.index_dir,
        settings.embedding_model,
        encoder_factory(settings),
        open_vectors(settings),
        progress=progress,
    )


def open_engine(
    settings: Settings,
    knowledge_dir: Path | None = None,
    *,
    reindex: bool = False,
    progress: bool = False,
    preload: bool = False,
) -> Engine:
    """Open the served index; (re)build it first when asked or when there is none yet.

    ``preload`` loads the embedding model now (long-running processes: the first citizen should
    not wait for it); otherwise it is loaded the first time a question needs the dense side."""
    summary: IndexSummary | None = None
    snapshot = None if reindex else load_snapshot(settings.index_dir)
    if snapshot is not None and snapshot.model != settings.embedding_model:
        logger.info("embedding model changed: rebuilding the index")
        snapshot = None
    if snapshot is None:
        snapshot, summary = update_index(settings, knowledge_dir, progress=progress)
    knowledge = snapshot.knowledge()
    checker = PromiseChecker(knowledge.standards())
    retriever = HybridRetriever(
        knowledge, snapshot.chunks, open_vectors(settings), encoder_factory(settings)
    )
    thresholds = DecisionThresholds(answer=settings.answer_min_confidence)
    answers = AnswerEngine(knowledge, retriever, checker, thresholds)
    if preload:
        encoder_factory(settings)()
    return Engine(knowledge, snapshot, retriever, answers, checker, summary)


class SystemClock:
    """The real clock (UTC, timezone-aware). Tests inject their own."""

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class Desk:
    """Everything a running janji needs: the engine, the store and the desk over them."""

    engine: Engine
    store: Store
    desk: ServiceDesk
    tickets: TicketDesk

    async def close(self) -> None:
        await self.store.close()


def crash_hook(environ: Mapping[str, str] | None = None) -> StepHook | None:
    """TEST ONLY: ``JANJI_TEST_CRASH_AT=<step>`` makes the process SIGKILL itself (no clean-up,
    like a power cut) the first time an update reaches ``step`` of its handling: ``received``
    (stored in the inbox, not yet confirmed to Telegram), ``handling`` (every effect written,
    not yet committed) or ``handled`` (committed, the answer not yet delivered); see
    ``bot.domain.ports.StepHook``. The black-box tests use it to crash ``janji run`` at a
    precise point, then restart it without the variable. Unset: no hook, nothing is checked."""
    step = (os.environ if environ is None else environ).get(CRASH_AT_ENV, "").strip()
    if not step:
        return None
    if step not in CRASH_STEPS:
        raise ConfigError(f"{CRASH_AT_ENV} harus salah satu dari: {', '.join(CRASH_STEPS)}")
    logger.warning("%s=%s: this process kills itself there (tests only)", CRASH_AT_ENV, step)

    def crash(reached: str, update_id: int) -> None:
        if reached != step:
            return
        logger.warning("%s: SIGKILL at %s of update %s", CRASH_AT_ENV, reached, update_id)
        for handler in logging.getLogger().handlers:
            handler.flush()
        os.kill(os.getpid(), signal.SIGKILL)

    return crash


async def open_desk(
    settings: Settings, *, clock: Clock | None = None, engine: Engine | None = None
) -> Desk:
    """Open the store (migrations applied) and build the ServiceDesk over the served index."""
    from bot.store.sql import open_store

    if engine is None:
        engine = await asyncio.to_thread(partial(open_engine, settings, preload=True))
    knowledge = engine.knowledge
    complaint_response = (
        knowledge.maklumat.promises.complaint_response if knowledge.maklumat else None
    )
    if settings.complaint_response_override:  # e.g. "1 menit" to watch SLA timers in a demo
        try:
            complaint_response = parse_duration(settings.complaint_response_override)
        except ValueError as exc:
            raise ConfigError(f"COMPLAINT_RESPONSE_OVERRIDE tidak valid: {exc}") from exc
    try:
        store = await open_store(settings.database_url)
    except Exception as exc:
        raise ConfigError(
            f"Tidak dapat membuka basis data {_mask_url(settings.database_url)}: {exc}"
        ) from exc
    clock = clock or SystemClock()
    tickets = TicketDesk(
        store=store,
        clock=clock,
        checker=engine.checker,
        services=knowledge.services,
        complaint_response=complaint_response,
        staff_chat_id=settings.staff_chat_id,
        staff_prefix=settings.staff_display_prefix,
        staff_user_ids=frozenset(settings.staff_user_ids),
        sla_reminder_fraction=settings.sla_reminder_fraction,
    )
    desk = ServiceDesk(
        knowledge=knowledge,
        answers=engine.answers,
        tickets=tickets,
        store=store,
        clock=clock,
        step_hook=crash_hook(),  # the environment is read once, here
    )
    return Desk(engine, store, desk, tickets)


def _mask_url(url: str) -> str:
    """Never print a database password."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in creds else f"{scheme}://{user}@{host}"


async def reload_knowledge(settings: Settings, bundle: Desk) -> IndexSummary | None:
    """Re-index the knowledge folder inside the running process (the model is already loaded,
    so one changed file takes about 2-3 s) and switch the desk to it. A bad file raises
    KnowledgeError and the desk keeps serving the previous index."""
    engine = await asyncio.to_thread(open_engine, settings, reindex=True)
    bundle.engine = engine
    bundle.desk.use_knowledge(engine.knowledge, engine.answers)
    return engine.summary
