"""The knowledge format: the shipped folder loads, and every kind of bad file is named with its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.knowledge import load_knowledge

SAMPLE = Path(__file__).resolve().parents[2] / "knowledge"

GOOD_SERVICE = """---
id: ktp-el
service: Penerbitan KTP-el
unit: Disdukcapil
aliases: [KTP, e-KTP]
promises:
  fee: 0
  duration: 1 hari kerja
  hours: Senin-Jumat 08.00-15.00
  requirements: [Fotokopi Kartu Keluarga]
---
# Penerbitan KTP-el

## Prosedur
1. Ambil antrean.
2. Serahkan berkas.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_sample_folder_loads_every_service_document_and_the_maklumat() -> None:
    knowledge = load_knowledge(SAMPLE)
    assert len(knowledge.services) >= 12
    assert knowledge.maklumat is not None
    assert knowledge.maklumat.promises.complaint_response is not None
    files = {d.file for d in knowledge.documents}
    assert any(f.endswith(".pdf") for f in files)
    assert any(f.endswith(".docx") for f in files)
    pdf = next(d for d in knowledge.documents if d.file.endswith(".pdf"))
    docx = next(d for d in knowledge.documents if d.file.endswith(".docx"))
    assert len(pdf.text) > 200 and len(docx.text) > 200  # text really extracted
    ktp = knowledge.services["ktp-el"]
    assert ktp.promises.fee is not None and ktp.promises.fee.is_free
    assert ktp.procedure, "numbered steps under 'Prosedur' are picked up"
    assert ktp.file == "disdukcapil/ktp-el.md"


def test_a_minimal_service_file_loads(tmp_path: Path) -> None:
    write(tmp_path, "ktp.md", GOOD_SERVICE)
    write(tmp_path, "notes.md", "# Catatan umum\n\nTanpa front matter: dokumen umum.")
    write(tmp_path, "info.txt", "Teks biasa.")
    knowledge = load_knowledge(tmp_path)
    assert list(knowledge.services) == ["ktp-el"]
    assert knowledge.services["ktp-el"].procedure == ("Ambil antrean.", "Serahkan berkas.")
    assert {d.file for d in knowledge.documents} == {"notes.md", "info.txt"}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        pytest.param(
            GOOD_SERVICE.replace("aliases: [KTP, e-KTP]", "aliases: [KTP, e-KTP"),
            6,
            "YAML",
            id="invalid-yaml",
        ),
        pytest.param(GOOD_SERVICE.replace("id: ktp-el\n", ""), 1, "'id'", id="missing-id"),
        pytest.param(
            GOOD_SERVICE.replace("id: ktp-el", "id: KTP El!"), 2, "tidak valid", id="bad-id"
        ),
        pytest.param(
            GOOD_SERVICE.replace("  fee: 0\n", "  fee: 0\n  parking: 2000\n"),
            8,
            "parking",
            id="unknown-promise-key",
        ),
        pytest.param(GOOD_SERVICE.replace("fee: 0", "fee: murah"), 7, "biaya", id="bad-fee"),
        pytest.param(
            GOOD_SERVICE.replace("duration: 1 hari kerja", "duration: secepatnya"),
            8,
            "waktu penyelesaian",
            id="bad-duration",
        ),
        pytest.param(
            GOOD_SERVICE.replace("---\n# Penerbitan", "# Penerbitan"),
            1,
            "ditutup",
            id="front-matter-not-closed",
        ),
        pytest.param(
            "---\nid: ktp-el\nservice: KTP\nunit: X\naliases: [KTP]\npromises: [gratis]\n---\n",
            6,
            "promises",
            id="promises-not-a-mapping",
        ),
    ],
)
def test_bad_file_names_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    write(tmp_path, "dukcapil/ktp.md", text)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tmp_path)
    error = caught.value
    assert error.location.startswith("dukcapil/ktp.md:")
    assert error.location == f"dukcapil/ktp.md:{line}", error.user_message
    assert words.lower() in error.user_message.lower()


def test_unknown_top_level_key_is_named_and_ignored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(
        tmp_path,
        "dukcapil/ktp.md",
        GOOD_SERVICE.replace("unit: Disdukcapil", "unit: X\nkontak: 0812"),
    )
    knowledge = load_knowledge(tmp_path)
    assert list(knowledge.services) == ["ktp-el"]
    assert "dukcapil/ktp.md:5" in caplog.text and "kontak" in caplog.text


def test_duplicate_id_names_both_files(tmp_path: Path) -> None:
    write(tmp_path, "a/ktp.md", GOOD_SERVICE)
    write(tmp_path, "b/ktp-lagi.md", GOOD_SERVICE)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tmp_path)
    assert "a/ktp.md" in caught.value.user_message
    assert "b/ktp-lagi.md" in caught.value.user_message


def test_unreadable_pdf_and_docx_are_named(tmp_path: Path) -> None:
    write(tmp_path, "rusak.pdf", "this is not a pdf")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tmp_path)
    assert caught.value.location == "rusak.pdf:1"
    (tmp_path / "rusak.pdf").unlink()
    write(tmp_path, "rusak.docx", "not a docx either")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tmp_path)
    assert caught.value.location == "rusak.docx:1"


def test_non_utf8_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "latin.md").write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(KnowledgeError, match="UTF-8"):
        load_knowledge(tmp_path)


def test_hidden_and_underscore_files_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, "ktp.md", GOOD_SERVICE)
    write(tmp_path, ".draft.md", "---\nid: [broken\n---\n")
    write(tmp_path, "_arsip/old.md", "---\nid: [broken\n---\n")
    assert list(load_knowledge(tmp_path).services) == ["ktp-el"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="tidak ditemukan"):
        load_knowledge(tmp_path / "nope")


def test_maklumat_is_kept_apart_from_services(tmp_path: Path) -> None:
    shutil.copy(SAMPLE / "maklumat.md", tmp_path / "maklumat.md")
    write(tmp_path, "ktp.md", GOOD_SERVICE)
    knowledge = load_knowledge(tmp_path)
    assert "maklumat" not in knowledge.services
    assert knowledge.maklumat is not None
