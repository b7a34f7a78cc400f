"""Admins: the report from the raw event log, and reloading the knowledge folder live."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.handlers.conftest import ADMIN, Harness

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def settings_overrides(tmp_path: Path) -> dict[str, Any]:
    folder = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    return {"knowledge_dir": folder, "index_dir": tmp_path / "index"}


async def test_only_admins_get_the_report(harness: Harness) -> None:
    refused = await harness.ask(1201, "/laporan")
    assert "hanya untuk admin" in refused["text"]
    await harness.ask(1202, "berapa biaya bikin KTP?")
    await harness.ask(1203, "I want to talk to a human")
    report = await harness.ask(ADMIN, "/laporan 7")
    text = report["text"]
    assert text.startswith("Laporan janji vs kenyataan")
    assert "dijawab bot 1" in text and "diteruskan ke petugas 1" in text
    assert "Tiket: 1 dibuat" in text


async def test_reload_serves_the_edited_folder_and_refuses_a_bad_file(harness: Harness) -> None:
    folder = harness.settings.knowledge_dir
    before = await harness.ask(1204, "jam buka skck?")
    assert "08.00-14.00" in before["text"]
    skck = folder / "polres" / "skck.md"
    skck.write_text(
        skck.read_text(encoding="utf-8").replace(
            "Senin-Jumat 08.00-14.00", "Senin-Sabtu 08.00-13.00"
        ),
        encoding="utf-8",
    )
    done = await harness.ask(ADMIN, "/reload", timeout=60)
    assert done["text"].startswith("Indeks diperbarui")
    after = await harness.ask(1204, "jam buka skck?")
    assert "08.00-13.00" in after["text"]

    (folder / "rusak.md").write_text(
        "---\nid: rusak\npromises:\n  fee: mahal\n---\n", encoding="utf-8"
    )
    refused = await harness.ask(ADMIN, "/reload", timeout=60)
    assert "rusak.md:4" in refused["text"]
    still = await harness.ask(1204, "jam buka skck?")
    assert "08.00-13.00" in still["text"]  # the previous good index keeps serving
