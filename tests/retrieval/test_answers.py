"""What a citizen gets: the right service, the asked-for promise, its source, or an escalation."""

from __future__ import annotations

import json

import pytest

from bot.app import Engine
from bot.domain.models import EscalationReason
from bot.evaluation import evaluate, read_questions
from tests.retrieval.conftest import ROOT


@pytest.mark.parametrize(
    ("question", "service"),
    [
        ("brp biaya bikin ktp yg ilang min?", "ktp-el"),
        ("e ktp sy rusak, gmn cara ganti", "ktp-el"),
        ("syarat bikin kk baru apa aja", "kartu-keluarga"),
        ("anak sy baru lahir, akte nya gmn ngurusnya", "akta-kelahiran"),
        ("kartu identitas anak bayar gk", "kia"),
        ("mau pindah domisili ke luar kota, surat pindahnya brp lama", "pindah-datang"),
        ("perpanjang sim c brp duit", "sim-perpanjangan"),
        ("surat kelakuan baik buat ngelamar kerja dmn", "skck"),
        ("bikin paspor elektronik brp", "paspor"),
        ("daftar NIB buat usaha kecil2an gmn", "nib"),
        ("imb rumah sekarang namanya pbg ya? lama ga", "pbg"),
        ("validasi bphtb jual beli tanah brp hari", "bphtb"),
        ("kartu kuning buat ngelamar kerja syaratnya", "kartu-kuning"),
        ("uji kir mobil barang brp", "uji-kir"),
        ("pasang spanduk toko perlu izin reklame ga", "izin-reklame"),
        ("izin praktik bidan ngurus dmn", "sip-nakes"),
        ("How much does a passport cost?", "paspor"),
        ("What do I need for a birth certificate?", "akta-kelahiran"),
        ("how long does a family card take", "kartu-keluarga"),
        ("Is the police clearance open on Saturday?", "skck"),
    ],
)
def test_indonesian_and_english_paraphrases_find_their_service(
    sample_engine: Engine, question: str, service: str
) -> None:
    answer = sample_engine.answers.answer(question)
    assert not answer.escalate, answer
    assert answer.service_id == service
    assert answer.sources[0].service_id == service


def test_each_field_is_answered_from_the_promise_with_its_source(sample_engine: Engine) -> None:
    ask = sample_engine.answers.answer
    fee = ask("berapa biaya bikin ktp?")
    assert "gratis" in fee.text.lower()
    assert "Sumber: Standar Pelayanan Penerbitan KTP-el (disdukcapil/ktp-el.md)" in fee.text
    sim = ask("brp biaya perpanjang SIM?")
    assert "Rp 80.000" in sim.text and "Rp 75.000" in sim.text
    duration = ask("akta kelahiran jadinya berapa lama?")
    assert "5 hari kerja" in duration.text
    hours = ask("jam buka layanan skck?")
    assert "08.00-14.00" in hours.text and "Senin-Jumat" in hours.text
    requirements = ask("syarat perpanjang sim apa aja?")
    assert "SIM lama" in requirements.text
    assert "1." in requirements.text
    procedure = ask("gimana cara daftar nib?")
    assert "1." in procedure.text and "OSS" in procedure.text
    for answer in (fee, sim, duration, hours, requirements, procedure):
        assert answer.guardrail.verdict == "ok"
        assert len(answer.text) < 4096


def test_english_question_gets_an_english_answer(sample_engine: Engine) -> None:
    answer = sample_engine.answers.answer("How much is a passport?")
    assert answer.language == "en"
    assert answer.text.startswith("Fee for Penerbitan Paspor")
    assert "Source: Service Standard" in answer.text


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("udah 3 minggu KK saya belum jadi padahal katanya 3 hari", EscalationReason.COMPLAINT),
        (
            "tadi di loket disuruh bayar 100rb buat ktp, katanya biar cepet",
            EscalationReason.COMPLAINT,
        ),
        ("bisa ngobrol sama petugas langsung?", EscalationReason.HUMAN_REQUEST),
        ("I want to talk to a human", EscalationReason.HUMAN_REQUEST),
        ("resep rendang padang dong", EscalationReason.OUT_OF_SCOPE),
        ("harga emas hari ini brp", EscalationReason.OUT_OF_SCOPE),
    ],
)
def test_escalation_reasons(sample_engine: Engine, question: str, reason: EscalationReason) -> None:
    answer = sample_engine.answers.answer(question)
    assert answer.escalate
    assert answer.reason is reason
    assert "petugas" in answer.text or "officer" in answer.text


def test_a_complaint_about_a_service_keeps_the_service_for_staff(sample_engine: Engine) -> None:
    answer = sample_engine.answers.answer("KTP saya sudah 2 minggu belum jadi, katanya sehari")
    assert answer.reason is EscalationReason.COMPLAINT
    assert answer.service_id == "ktp-el"


def test_question_naming_no_service_is_not_guessed(sample_engine: Engine) -> None:
    answer = sample_engine.answers.answer("syaratnya apa aja?")
    assert answer.escalate
    assert answer.reason in (EscalationReason.LOW_CONFIDENCE, EscalationReason.OUT_OF_SCOPE)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "🙏🙏🙏",
        "ktp " * 2500,  # 10,000 characters
        "\x00\x07 brp biaya ktp \x1b[31m",
        "KTP биография 身份证 بطاقة biaya?",
        "a" * 10_000,
        "\u202e\u200b\ufeff",
    ],
)
def test_bad_input_never_crashes_and_gets_a_short_reply(sample_engine: Engine, text: str) -> None:
    answer = sample_engine.answers.answer(text)
    assert answer.text.strip()
    assert len(answer.text) < 4096


def test_batch_answers_keep_order(sample_engine: Engine) -> None:
    questions = ["biaya paspor?", "", "syarat kk", "I want to talk to a human"]
    answers = sample_engine.answers.answer_many(questions)
    assert next(a.service_id for a in answers) == "paspor"
    assert answers[2].service_id == "kartu-keluarga"
    assert answers[3].reason is EscalationReason.HUMAN_REQUEST


def test_sample_eval_meets_the_bar(sample_engine: Engine) -> None:
    """Regression guard for our own labelled set (docs/retrieval.md has the full figures)."""
    questions = read_questions(ROOT / "eval" / "questions.jsonl")
    report = evaluate(
        questions, sample_engine.answers.answer_many([q["question"] for q in questions])
    )
    assert report["hit@1"] >= 0.95, json.dumps(report["errors"], ensure_ascii=False)
    assert report["hit@3"] >= 0.98
    assert report["escalation"]["f1"] >= 0.85
    assert report["wrongly_escalated_in_scope"] <= 0.05


def test_heldout_folder_generalises(heldout_engine: Engine) -> None:
    questions = read_questions(ROOT / "eval" / "heldout_questions.jsonl")
    report = evaluate(
        questions, heldout_engine.answers.answer_many([q["question"] for q in questions])
    )
    assert report["hit@1"] >= 0.95
    assert report["escalation"]["f1"] >= 0.85
    assert report["wrongly_escalated_in_scope"] <= 0.05
