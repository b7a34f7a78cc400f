"""Sentence embeddings: the only module that imports sentence-transformers.

Loading the library costs seconds: load once per process (``get_encoder`` caches by model).
"""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache

from langchain_core.embeddings import Embeddings

logger = logging.getLogger(__name__)


class Encoder(Embeddings):
    """A sentence-transformers model behind LangChain's ``Embeddings`` interface (normalised)."""

    def __init__(self, model_name_or_path: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        transformers_logging.set_verbosity_error()  # type: ignore[no-untyped-call]

        self.model_name = model_name_or_path
        self._model = SentenceTransformer(model_name_or_path, device="cpu")
        self._lock = threading.Lock()  # torch inference from several threads: one at a time
        logger.info("embedding model loaded: %s", model_name_or_path)

    @property
    def dimension(self) -> int:
        get_dim = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        return int(get_dim() or 0)

    def encode(self, texts: list[str], batch_size: int = 32) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            vectors = self._model.encode(
                texts,
                batch_size=batch_size,
                normalize_embeddings=True,
                show_progress_bar=False,
                convert_to_numpy=True,
            )
        return [list(map(float, row)) for row in vectors]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text], batch_size=1)[0]


_LOAD_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _cached_encoder(model_name_or_path: str) -> Encoder:
    return Encoder(model_name_or_path)


def get_encoder(model_name_or_path: str) -> Encoder:
    """One model per process, even when the first questions arrive on several threads at once."""
    with _LOAD_LOCK:
        return _cached_encoder(model_name_or_path)
