"""Incremental indexing: only changed files are re-embedded; a bad file never half-updates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.app import open_engine, open_vectors, update_index
from bot.errors import KnowledgeError
from bot.retrieval.indexer import load_snapshot
from tests.retrieval.conftest import SAMPLE, settings_for

SERVICES = ["disdukcapil/ktp-el.md", "disdukcapil/kartu-keluarga.md", "polres/skck.md"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    for rel in [*SERVICES, "faq.md", "maklumat.md"]:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE / rel, target)
    return root


def test_first_build_then_nothing_to_do(folder: Path, tmp_path: Path) -> None:
    settings = settings_for(folder, tmp_path / "index")
    _snapshot, first = update_index(settings)
    assert (first.added, first.changed, first.removed) == (5, 0, 0)
    assert first.embedded == first.chunks > 0
    assert open_vectors(settings).count() == first.chunks
    _, again = update_index(settings)
    assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, 5)
    assert again.embedded == 0
    assert "5 tetap" in again.describe()


def test_changed_file_is_reembedded_alone_and_deleted_file_disappears(
    folder: Path, tmp_path: Path
) -> None:
    settings = settings_for(folder, tmp_path / "index")
    before, _ = update_index(settings)
    skck = folder / "polres/skck.md"
    skck.write_text(
        skck.read_text(encoding="utf-8") + "\n\nCatatan baru: bawa map biru.\n", encoding="utf-8"
    )
    (folder / "disdukcapil/kartu-keluarga.md").unlink()
    after, summary = update_index(settings)
    assert (summary.added, summary.changed, summary.removed, summary.unchanged) == (0, 1, 1, 3)
    skck_chunks = [c for c in after.chunks if c.file == "polres/skck.md"]
    old_skck = {c.chunk_id for c in before.chunks if c.file == "polres/skck.md"}
    assert 0 < summary.embedded <= len(skck_chunks)
    assert summary.embedded == len([c for c in skck_chunks if c.chunk_id not in old_skck])
    stored = open_vectors(settings).ids()
    assert stored == {c.chunk_id for c in after.chunks}
    assert not any(c.service_id == "kartu-keluarga" for c in after.chunks)


def test_bad_file_leaves_the_served_index_untouched(folder: Path, tmp_path: Path) -> None:
    settings = settings_for(folder, tmp_path / "index")
    update_index(settings)
    served = (tmp_path / "index" / "snapshot.json").read_bytes()
    ids_before = open_vectors(settings).ids()
    (folder / "polres/new.md").write_text(
        "---\nid: ktp-el\nservice: Duplikat\npromises:\n  fee: 0\n---\n", encoding="utf-8"
    )
    (folder / "disdukcapil/ktp-el.md").write_text("---\nid: ktp-el\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        update_index(settings)
    assert (tmp_path / "index" / "snapshot.json").read_bytes() == served
    assert open_vectors(settings).ids() == ids_before
    engine = open_engine(settings)  # the bot restarted now still serves the previous good index
    answer = engine.answers.answer("berapa biaya bikin ktp?")
    assert answer.service_id == "ktp-el" and not answer.escalate


def test_snapshot_rebuilds_knowledge_without_the_folder(folder: Path, tmp_path: Path) -> None:
    settings = settings_for(folder, tmp_path / "index")
    update_index(settings)
    shutil.rmtree(folder)
    snapshot = load_snapshot(tmp_path / "index")
    assert snapshot is not None
    assert set(snapshot.knowledge().services) == {"ktp-el", "kartu-keluarga", "skck"}
