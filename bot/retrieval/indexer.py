"""Incremental indexing with an atomic snapshot.

``janji index`` validates the whole folder first: a bad file stops it before anything is written,
so the index in service stays the previous good one. New chunk vectors are added to Chroma, then
the snapshot (the list of live chunks and the knowledge it came from) is replaced atomically, and
only then are stale vectors deleted. A crash at any point leaves a consistent previous snapshot.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from bot.domain.models import Chunk, Document, KnowledgeBase
from bot.knowledge.loader import SourceFile, build_knowledge, read_folder
from bot.retrieval.chunking import chunk_document, chunk_service
from bot.retrieval.encoder import Encoder
from bot.retrieval.vectors import VectorIndex

logger = logging.getLogger(__name__)

SNAPSHOT_FILE = "snapshot.json"
SNAPSHOT_VERSION = 1
EMBED_BATCH = 64
EMBED_GROUP = 512  # chunks per encode call: the model sorts them by length, so less padding


@dataclass(frozen=True)
class IndexSummary:
    added: int
    changed: int
    removed: int
    unchanged: int
    chunks: int
    embedded: int
    seconds: float

    def describe(self) -> str:
        return (
            f"Indeks diperbarui: {self.added} berkas baru, {self.changed} berubah, "
            f"{self.removed} dihapus, {self.unchanged} tetap; {self.chunks} potongan "
            f"({self.embedded} di-embed) dalam {self.seconds:.1f} detik."
        )


@dataclass(frozen=True)
class Snapshot:
    """What the index serves: the knowledge it was built from and its live chunks."""

    model: str
    knowledge_dir: str
    sources: tuple[SourceFile, ...]
    chunks: tuple[Chunk, ...]

    @property
    def file_hashes(self) -> dict[str, str]:
        return {s.path: s.content_hash for s in self.sources}

    def knowledge(self) -> KnowledgeBase:
        return build_knowledge(list(self.sources))


def snapshot_path(index_dir: Path) -> Path:
    return index_dir / SNAPSHOT_FILE


def load_snapshot(index_dir: Path) -> Snapshot | None:
    path = snapshot_path(index_dir)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        logger.warning("index snapshot %s is unreadable; it will be rebuilt", path)
        return None
    if data.get("version") != SNAPSHOT_VERSION:
        return None
    return Snapshot(
        model=data["model"],
        knowledge_dir=data["knowledge_dir"],
        sources=tuple(SourceFile(**s) for s in data["sources"]),
        chunks=tuple(Chunk(**c) for c in data["chunks"]),
    )


def write_snapshot(index_dir: Path, snapshot: Snapshot) -> None:
    index_dir.mkdir(parents=True, exist_ok=True)
    payload = {
        "version": SNAPSHOT_VERSION,
        "model": snapshot.model,
        "knowledge_dir": snapshot.knowledge_dir,
        "sources": [asdict(s) for s in snapshot.sources],
        "chunks": [asdict(c) for c in snapshot.chunks],
    }
    tmp = snapshot_path(index_dir).with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(payload, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, snapshot_path(index_dir))


def chunk_knowledge(knowledge: KnowledgeBase) -> list[Chunk]:
    chunks: list[Chunk] = []
    for service in knowledge.services.values():
        chunks.extend(chunk_service(service))
    if knowledge.maklumat is not None:
        m = knowledge.maklumat
        chunks.extend(chunk_document(Document(file=m.file, title=m.name, text=m.body)))
    for document in knowledge.documents:
        chunks.extend(chunk_document(document))
    return chunks


def _metadata(chunk: Chunk) -> dict[str, str | int | float | bool]:
    return {
        "file": chunk.file,
        "section": chunk.section,
        "service_id": chunk.service_id or "",
        "content_hash": chunk.content_hash,
    }


def _progress(total: int, enabled: bool) -> Callable[[int], None]:
    if not enabled:
        return lambda _n: None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="potongan", desc="Embedding", file=sys.stderr, leave=False)

    def advance(n: int) -> None:
        bar.update(n)
        if bar.n >= total:
            bar.close()

    return advance


def build_index(
    knowledge_dir: Path,
    index_dir: Path,
    model_name: str,
    encoder: Callable[[], Encoder],
    vectors: VectorIndex,
    *,
    progress: bool = False,
) -> tuple[Snapshot, IndexSummary]:
    """Bring the index up to date with the folder. Raises KnowledgeError before writing anything."""
    started = time.perf_counter()
    sources = read_folder(knowledge_dir)
    knowledge = build_knowledge(sources)  # validates everything first
    chunks = chunk_knowledge(knowledge)

    old = load_snapshot(index_dir)
    old_hashes = old.file_hashes if old else {}
    new_hashes = {s.path: s.content_hash for s in sources}
    added = sum(1 for p in new_hashes if p not in old_hashes)
    changed = sum(1 for p, h in new_hashes.items() if p in old_hashes and old_hashes[p] != h)
    removed = sum(1 for p in old_hashes if p not in new_hashes)
    unchanged = len(new_hashes) - added - changed

    stored = vectors.ids()
    missing = [c for c in chunks if c.chunk_id not in stored]
    if missing:
        model = encoder()
        advance = _progress(len(missing), progress and len(missing) > EMBED_BATCH)
        for start in range(0, len(missing), EMBED_GROUP):
            batch = missing[start : start + EMBED_GROUP]
            vecs = model.encode([c.text for c in batch], batch_size=EMBED_BATCH)
            vectors.upsert(
                [c.chunk_id for c in batch],
                vecs,
                [c.text for c in batch],
                [_metadata(c) for c in batch],
            )
            advance(len(batch))

    snapshot = Snapshot(
        model=model_name,
        knowledge_dir=str(knowledge_dir.resolve()),
        sources=tuple(sources),
        chunks=tuple(chunks),
    )
    write_snapshot(index_dir, snapshot)
    live = {c.chunk_id for c in chunks}
    stale = [i for i in stored if i not in live]
    if stale:
        vectors.delete(stale)
    summary = IndexSummary(
        added=added,
        changed=changed,
        removed=removed,
        unchanged=unchanged,
        chunks=len(chunks),
        embedded=len(missing),
        seconds=time.perf_counter() - started,
    )
    logger.info("%s", summary.describe())
    return snapshot, summary
