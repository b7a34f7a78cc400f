"""Composition root: settings -> index -> engine -> desk. The CLI and the Telegram app start here."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bot.config import Settings
from bot.domain.answering import AnswerEngine, DecisionThresholds
from bot.domain.models import KnowledgeBase
from bot.errors import ConfigError
from bot.retrieval.encoder import Encoder, get_encoder
from bot.retrieval.hybrid import HybridRetriever
from bot.retrieval.indexer import IndexSummary, Snapshot, build_index, load_snapshot
from bot.retrieval.vectors import VectorIndex
from guardrails.check import PromiseChecker

logger = logging.getLogger(__name__)


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
        folder, settings.index_dir, settings.embedding_model, encoder_factory(settings),
        open_vectors(settings), progress=progress,
    )


def open_engine(
    settings: Settings, knowledge_dir: Path | None = None, *, reindex: bool = False,
    progress: bool = False,
) -> Engine:
    """Open the served index; (re)build it first when asked or when there is none yet."""
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
    return Engine(knowledge, snapshot, retriever, answers, checker, summary)
