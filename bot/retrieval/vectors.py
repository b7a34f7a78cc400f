"""Chroma: embedded PersistentClient by default, HttpClient when CHROMA_HOST is set."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings

logger = logging.getLogger(__name__)

# Cosine space keeps relevance in 0..1; higher ef raises recall (default HNSW misses ~half of the
# true top 5 on random vectors, see STACK-NOTES).
COLLECTION_METADATA = {"hnsw:space": "cosine", "hnsw:search_ef": 128, "hnsw:construction_ef": 200}
ADD_BATCH = 1000


def collection_name(model: str, index_dir: Path) -> str:
    digest = hashlib.sha256(f"{model}|{index_dir.resolve()}".encode()).hexdigest()[:16]
    return f"janji-{digest}"


class VectorIndex:
    """Chunk vectors in one Chroma collection; ids are content-based chunk ids."""

    def __init__(self, client: chromadb.api.ClientAPI, name: str) -> None:
        self._client = client
        self.name = name
        self._collection = client.get_or_create_collection(
            name=name, metadata=COLLECTION_METADATA, embedding_function=None
        )

    @classmethod
    def open(
        cls, index_dir: Path, model: str, chroma_host: str | None = None, chroma_port: int = 8000
    ) -> VectorIndex:
        settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if chroma_host:
            client = chromadb.HttpClient(host=chroma_host, port=chroma_port, settings=settings)
        else:
            path = index_dir / "chroma"
            path.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(path=str(path), settings=settings)
        return cls(client, collection_name(model, index_dir))

    def ids(self) -> set[str]:
        result = self._collection.get(include=[])
        return set(result["ids"])

    def count(self) -> int:
        return int(self._collection.count())

    def upsert(
        self,
        ids: Sequence[str],
        vectors: Sequence[Sequence[float]],
        texts: Sequence[str],
        metadatas: Sequence[dict[str, str | int | float | bool]],
    ) -> None:
        for start in range(0, len(ids), ADD_BATCH):
            end = start + ADD_BATCH
            self._collection.upsert(
                ids=list(ids[start:end]),
                embeddings=[list(v) for v in vectors[start:end]],  # type: ignore[arg-type]
                documents=list(texts[start:end]),
                metadatas=[dict(m) for m in metadatas[start:end]],
            )

    def delete(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), ADD_BATCH):
            self._collection.delete(ids=list(ids[start : start + ADD_BATCH]))

    def query(self, vectors: Sequence[Sequence[float]], k: int) -> list[list[tuple[str, float]]]:
        """For each query vector: (chunk id, cosine similarity) best first."""
        if not vectors:
            return []
        n = min(k, max(self.count(), 1))
        result = self._collection.query(
            query_embeddings=[list(v) for v in vectors],  # type: ignore[arg-type]
            n_results=n,
            include=["distances"],
        )
        out: list[list[tuple[str, float]]] = []
        for ids, distances in zip(result["ids"], result["distances"] or [], strict=False):
            out.append([(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)])
        return out
