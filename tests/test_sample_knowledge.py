"""The shipped sample knowledge, the held-out folder and the evaluation question sets.

Deliberately independent of ``bot.knowledge`` (yaml + stdlib only): these tests state what an
admin's folder must look like and what the sample promises are, so that a loader bug and a data
bug cannot hide each other.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
KNOWLEDGE = REPO / "knowledge"
HELDOUT = REPO / "tests" / "data" / "heldout_knowledge"
PLAN = REPO / "docs" / "sample-services-plan.md"
QUESTIONS = REPO / "eval" / "questions.jsonl"
HELDOUT_QUESTIONS = REPO / "eval" / "heldout_questions.jsonl"

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VARIANT = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
DURATION = re.compile(r"^(?:\d+ (?:menit|jam|hari kerja|hari kalender|hari)|\d+x24 jam)$")
DAYS = "(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)"
HOURS_PART = rf"{DAYS}(?:-{DAYS})? \d{{2}}\.\d{{2}}-\d{{2}}\.\d{{2}}|Setiap hari 24 jam"
HOURS = re.compile(rf"^(?:{HOURS_PART})(?:, (?:{HOURS_PART}))*$")
SERVICE_KEYS = {"id", "service", "unit", "aliases", "promises"}
PROMISE_KEYS = {"fee", "duration", "hours", "requirements", "channels", "complaint_response"}
REQUIRED_PROMISES = {"fee", "duration", "hours", "requirements"}
BODY_SECTIONS = ("## Persyaratan", "## Prosedur", "## Biaya", "## Waktu Penyelesaian", "## Catatan")
QUESTION_KEYS = {
    "id",
    "question",
    "expected_service",
    "expected_escalate",
    "expected_reason",
    "lang",
}
REASONS = {"complaint", "human_request", "out_of_scope", "low_confidence"}


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """(front matter mapping or None, body). Front matter: first line ``---`` up to the next."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, text
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            mapping = yaml.safe_load("".join(lines[1:index]))
            assert isinstance(mapping, dict), "front matter must be a mapping"
            return mapping, "".join(lines[index + 1 :])
    raise AssertionError("front matter is not closed by a '---' line")


def load_folder(folder: Path) -> dict[str, tuple[Path, dict[str, Any], str]]:
    """id -> (path, front matter, body) for every Markdown file that has front matter."""
    found: dict[str, tuple[Path, dict[str, Any], str]] = {}
    for path in sorted(folder.rglob("*.md")):
        front, body = split_front_matter(path.read_text(encoding="utf-8"))
        if front is None:
            continue
        service_id = front.get("id")
        assert isinstance(service_id, str), f"{path}: id missing"
        assert service_id not in found, f"{path}: duplicate id {service_id!r}"
        found[service_id] = (path, front, body)
    return found


def plan_rows() -> dict[str, dict[str, Any]]:
    """The table of docs/sample-services-plan.md, fee cells parsed as YAML."""
    rows: dict[str, dict[str, Any]] = {}
    for line in PLAN.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 6 or cells[0] in ("id", "") or set(cells[0]) <= {"-"}:
            continue
        service_id, service, unit, fee, duration, hours = cells
        rows[service_id] = {
            "service": service,
            "unit": unit,
            "fee": yaml.safe_load(fee),
            "duration": duration,
            "hours": hours,
        }
    return rows


def amounts(fee: int | dict[str, int]) -> set[int]:
    return set(fee.values()) if isinstance(fee, dict) else {fee}


def section(body: str, heading: str) -> str:
    start = body.index(heading) + len(heading)
    following = body.find("\n## ", start)
    return body[start : following if following != -1 else len(body)]


def problems_of_service(front: dict[str, Any], body: str) -> list[str]:
    """Every way a service file breaks docs/knowledge-format.md (empty list = fine)."""
    problems: list[str] = []
    missing = SERVICE_KEYS - front.keys()
    if missing:
        return [f"missing keys {sorted(missing)}"]
    if not SLUG.match(front["id"]):
        problems.append(f"id {front['id']!r} is not a lowercase slug")
    if not isinstance(front["service"], str) or not front["service"].strip():
        problems.append("service must be a non-empty text")
    aliases = front["aliases"]
    if not (isinstance(aliases, list) and aliases and all(isinstance(a, str) for a in aliases)):
        problems.append("aliases must be a non-empty list of texts")
    promises = front["promises"]
    if not isinstance(promises, dict):
        return [*problems, "promises must be a mapping"]
    if unknown := promises.keys() - PROMISE_KEYS:
        problems.append(f"unknown promise keys {sorted(unknown)}")
    if missing_promises := REQUIRED_PROMISES - promises.keys():
        return [*problems, f"missing promises {sorted(missing_promises)}"]
    fee = promises["fee"]
    if isinstance(fee, dict):
        for variant, amount in fee.items():
            if not (isinstance(variant, str) and VARIANT.match(variant)):
                problems.append(f"fee variant {variant!r} is not snake_case")
            if type(amount) is not int or amount < 0:
                problems.append(f"fee {variant}: {amount!r} is not a whole Rupiah amount")
    elif type(fee) is not int or fee < 0:
        problems.append(f"fee {fee!r} is not a whole Rupiah amount")
    if not DURATION.match(str(promises["duration"])):
        problems.append(f"duration {promises['duration']!r} has an unknown spelling")
    if not HOURS.match(str(promises["hours"])):
        problems.append(f"hours {promises['hours']!r} has an unknown spelling")
    requirements = promises["requirements"]
    if not (isinstance(requirements, list) and 3 <= len(requirements) <= 6):
        problems.append("requirements must list 3 to 6 items")
        requirements = []
    channels = promises.get("channels", [])
    if not (isinstance(channels, list) and all(isinstance(c, str) for c in channels)):
        problems.append("channels must be a list of texts")

    for heading in BODY_SECTIONS:
        if heading not in body:
            problems.append(f"body lacks the section {heading!r}")
    if problems:
        return problems
    listed = section(body, "## Persyaratan")
    for item in requirements:
        if f"- {item}\n" not in listed:
            problems.append(f"requirement {item!r} is not listed under ## Persyaratan")
    if not re.search(r"^1\. ", section(body, "## Prosedur"), re.MULTILINE):
        problems.append("## Prosedur has no numbered steps")
    if str(promises["duration"]) not in section(body, "## Waktu Penyelesaian"):
        problems.append("## Waktu Penyelesaian does not state the promised duration")
    stated = {int(m.replace(".", "")) for m in re.findall(r"Rp ?(\d{1,3}(?:\.\d{3})+)", body)}
    if unpromised := stated - amounts(fee):
        problems.append(f"body states amounts that are not promised: {sorted(unpromised)}")
    return problems


# The shipped sample folder ------------------------------------------------------------------

SAMPLE = load_folder(KNOWLEDGE)
PLAN_ROWS = plan_rows()


def test_the_sample_holds_exactly_the_planned_services_and_the_maklumat() -> None:
    assert len(PLAN_ROWS) == 15
    assert set(SAMPLE) == set(PLAN_ROWS) | {"maklumat"}


@pytest.mark.parametrize("service_id", sorted(PLAN_ROWS))
def test_each_service_file_follows_the_format(service_id: str) -> None:
    path, front, body = SAMPLE[service_id]
    assert problems_of_service(front, body) == [], path


@pytest.mark.parametrize("service_id", sorted(PLAN_ROWS))
def test_each_service_promises_what_the_plan_says(service_id: str) -> None:
    path, front, _ = SAMPLE[service_id]
    planned = PLAN_ROWS[service_id]
    promises = front["promises"]
    assert front["service"] == planned["service"]
    abbreviation = re.search(r"\(([^)]+)\)", planned["unit"])
    assert (abbreviation.group(1) if abbreviation else planned["unit"]) in front["unit"]
    assert promises["fee"] == planned["fee"]
    assert promises["duration"] == planned["duration"]
    assert promises["hours"] == planned["hours"]
    assert path.parent != KNOWLEDGE, "service files live in one sub-folder per agency"
    assert path.name == f"{service_id}.md"


def test_fee_variants_that_people_ask_about_are_named_as_promised() -> None:
    assert SAMPLE["sim-perpanjangan"][1]["promises"]["fee"] == {
        "sim_a": 80000,
        "sim_c": 75000,
        "sim_b1": 80000,
    }
    assert SAMPLE["paspor"][1]["promises"]["fee"] == {
        "paspor_biasa": 350000,
        "paspor_elektronik": 650000,
    }


@pytest.mark.parametrize(
    ("service_id", "alias"),
    [
        ("kartu-keluarga", "KK"),
        ("kartu-keluarga", "family card"),
        ("skck", "surat kelakuan baik"),
        ("skck", "police clearance"),
        ("uji-kir", "buku KIR"),
        ("uji-kir", "vehicle inspection"),
        ("kartu-kuning", "AK/I"),
        ("kartu-kuning", "job seeker card"),
        ("akta-kelahiran", "akte lahir"),
        ("akta-kelahiran", "birth certificate"),
        ("paspor", "passport"),
        ("pindah-datang", "surat pindah"),
        ("pindah-datang", "SKPWNI"),
    ],
)
def test_the_names_citizens_use_are_aliases(service_id: str, alias: str) -> None:
    assert alias in SAMPLE[service_id][1]["aliases"]


def test_aliases_are_not_shared_between_services() -> None:
    owners = Counter(
        alias.casefold() for _, front, _ in SAMPLE.values() for alias in front.get("aliases", [])
    )
    assert [alias for alias, count in owners.items() if count > 1] == []


def test_the_maklumat_promises_a_first_reply_to_complaints_within_a_day() -> None:
    _, front, body = SAMPLE["maklumat"]
    assert front["service"] == "Maklumat Pelayanan"
    assert front["promises"] == {"complaint_response": "1x24 jam"}
    assert "1x24 jam" in body


def test_the_faq_is_a_general_document_without_promises() -> None:
    front, body = split_front_matter((KNOWLEDGE / "faq.md").read_text(encoding="utf-8"))
    assert front is None
    for topic in ("Jl. Merdeka No. 10", "arkir", "ntrean online", "libur", "engaduan"):
        assert topic in body


def test_the_pdf_and_docx_are_real_documents() -> None:
    pdf = (KNOWLEDGE / "dokumen" / "tata-tertib-mpp.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-32:]
    with zipfile.ZipFile(KNOWLEDGE / "dokumen" / "panduan-pengaduan.docx") as docx:
        document_xml = docx.read("word/document.xml").decode("utf-8")
    assert "SP4N-LAPOR!" in document_xml and "1x24 jam" in document_xml


def test_nothing_in_the_knowledge_folder_is_code() -> None:
    suffixes = {path.suffix for path in KNOWLEDGE.rglob("*") if path.is_file()}
    assert suffixes <= {".md", ".pdf", ".docx", ".txt"}


def test_the_sample_documents_are_regenerated_byte_for_byte(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "make_sample_documents.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("tata-tertib-mpp.pdf", "panduan-pengaduan.docx"):
        shipped = (KNOWLEDGE / "dokumen" / name).read_bytes()
        assert (tmp_path / name).read_bytes() == shipped, f"{name}: rerun the generator"


def test_the_benchmark_generator_writes_valid_varied_services(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "make_many_services.py"), "40", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    generated = load_folder(tmp_path)
    assert len(generated) == 41  # 40 services and the maklumat
    for service_id, (path, front, body) in generated.items():
        if service_id != "maklumat":
            assert problems_of_service(front, body) == [], path
    fees = [front["promises"].get("fee") for _, front, _ in generated.values()]
    assert any(fee == 0 for fee in fees) and any(isinstance(fee, dict) for fee in fees)
    assert len({front["promises"].get("duration") for _, front, _ in generated.values()}) > 5


def test_the_checks_catch_a_broken_service() -> None:
    """The validator above must not be toothless: a typical admin mistake is reported."""
    _, front, body = SAMPLE["ktp-el"]
    broken = {**front, "promises": {**front["promises"], "fee": 50.0, "duration": "secepatnya"}}
    problems = problems_of_service(broken, body.replace("## Catatan", "## Lain-lain"))
    assert len(problems) == 3


# The held-out folder ------------------------------------------------------------------------

HELDOUT_FOLDER = load_folder(HELDOUT)


def test_the_heldout_folder_is_a_different_organisation_with_ten_services() -> None:
    services = {key for key in HELDOUT_FOLDER if key != "maklumat"}
    assert len(services) == 10
    assert not services & set(PLAN_ROWS)
    assert HELDOUT_FOLDER["maklumat"][1]["promises"] == {"complaint_response": "2x24 jam"}
    faq_front, _ = split_front_matter((HELDOUT / "faq.md").read_text(encoding="utf-8"))
    assert faq_front is None


@pytest.mark.parametrize("service_id", sorted(set(HELDOUT_FOLDER) - {"maklumat"}))
def test_each_heldout_service_follows_the_format(service_id: str) -> None:
    path, front, body = HELDOUT_FOLDER[service_id]
    assert problems_of_service(front, body) == [], path


# The evaluation question sets ---------------------------------------------------------------


def read_questions(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    ("path", "folder", "minimum"),
    [(QUESTIONS, SAMPLE, 140), (HELDOUT_QUESTIONS, HELDOUT_FOLDER, 60)],
    ids=["sample", "heldout"],
)
def test_question_sets_are_well_formed(path: Path, folder: dict[str, Any], minimum: int) -> None:
    records = read_questions(path)
    assert len(records) >= minimum
    ids = [record["id"] for record in records]
    assert len(set(ids)) == len(ids)
    assert len({record["question"].casefold() for record in records}) == len(records)
    for record in records:
        assert set(record) == QUESTION_KEYS, record
        assert isinstance(record["question"], str) and record["question"].strip(), record
        assert record["lang"] in ("id", "en"), record
        assert isinstance(record["expected_escalate"], bool), record
        service = record["expected_service"]
        assert service is None or service in folder, record
        if record["expected_escalate"]:
            assert record["expected_reason"] in REASONS, record
            if record["expected_reason"] in ("out_of_scope", "human_request"):
                assert service is None, record
        else:
            assert record["expected_reason"] is None, record


@pytest.mark.parametrize(
    ("path", "folder"),
    [(QUESTIONS, SAMPLE), (HELDOUT_QUESTIONS, HELDOUT_FOLDER)],
    ids=["sample", "heldout"],
)
def test_question_sets_have_the_intended_mix(path: Path, folder: dict[str, Any]) -> None:
    records = read_questions(path)
    escalated = sum(record["expected_escalate"] for record in records) / len(records)
    english = sum(record["lang"] == "en" for record in records) / len(records)
    assert 0.2 <= escalated <= 0.33
    assert 0.2 <= english <= 0.33
    reasons = Counter(record["expected_reason"] for record in records)
    assert all(reasons[reason] for reason in ("complaint", "human_request", "out_of_scope"))
    answered = Counter(
        record["expected_service"] for record in records if not record["expected_escalate"]
    )
    for service_id in set(folder) - {"maklumat"}:
        assert answered[service_id] >= 4, f"{service_id} is asked about too rarely"
