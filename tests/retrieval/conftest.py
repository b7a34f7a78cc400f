from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import Engine, open_engine
from bot.config import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "knowledge"
HELDOUT = ROOT / "tests" / "data" / "heldout_knowledge"


def settings_for(knowledge: Path, index: Path) -> Settings:
    return load_settings(
        knowledge_dir=knowledge, index_dir=index, chroma_host=None, answer_min_confidence=0.35
    )


@pytest.fixture(scope="session")
def sample_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The sample knowledge, indexed once per session with the real model and embedded Chroma."""
    index = tmp_path_factory.mktemp("sample-index")
    return open_engine(settings_for(SAMPLE, index), reindex=True)


@pytest.fixture(scope="session")
def heldout_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    index = tmp_path_factory.mktemp("heldout-index")
    return open_engine(settings_for(HELDOUT, index), reindex=True)
