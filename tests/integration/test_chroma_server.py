"""The same index and answers through a Chroma server (`chroma run`), as in a scaled deployment.

.ci/run starts the server and sets JANJI_TEST_CHROMA_HOST / JANJI_TEST_CHROMA_PORT.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.app import open_engine, open_vectors, update_index
from bot.config import load_settings
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]
HOST = os.environ.get("JANJI_TEST_CHROMA_HOST")
PORT = int(os.environ.get("JANJI_TEST_CHROMA_PORT", "0") or 0)

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not HOST, reason="set JANJI_TEST_CHROMA_HOST/PORT (.ci/run does)"),
]


def test_index_and_answer_through_a_chroma_server(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    settings = load_settings(
        knowledge_dir=folder, index_dir=tmp_path / "index", chroma_host=HOST, chroma_port=PORT
    )
    _, first = update_index(settings)
    assert first.embedded == first.chunks > 0
    assert open_vectors(settings).count() == first.chunks
    (folder / "faq.md").unlink()
    _, second = update_index(settings)
    assert second.removed == 1 and second.embedded == 0
    assert open_vectors(settings).count() == second.chunks
    engine = open_engine(settings)
    answer = engine.answers.answer("What documents do I need for a birth certificate?")
    assert answer.service_id == "akta-kelahiran" and not answer.escalate
    dense = engine.retriever.dense_scores(["passport fee"])[0]
    assert dense, "the dense side really queried the server"


def test_unreachable_chroma_server_is_one_clear_error(tmp_path: Path) -> None:
    settings = load_settings(
        knowledge_dir=ROOT / "knowledge",
        index_dir=tmp_path / "index",
        chroma_host="127.0.0.1",
        chroma_port=9,
    )
    with pytest.raises(ConfigError, match="Chroma"):
        update_index(settings)
