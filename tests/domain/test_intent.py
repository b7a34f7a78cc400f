"""Intent and language detection: what the citizen wants decides whether a person sees the message.

Run as a script (``.venv/bin/python -m tests.domain.test_intent``) to print the figures reported
in docs/intent.md for the dev and the held-out test split of eval/intents.jsonl.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain import intent
from bot.domain.intent import Intent, classify_intent, detect_language, normalise
from bot.domain.intent_data import EXAMPLES

EVAL_FILE = Path(__file__).resolve().parents[2] / "eval" / "intents.jsonl"
ESCALATING = frozenset({"complaint", "human_request"})
KINDS = ("question", "complaint", "human_request", "greeting", "thanks")


# --------------------------------------------------------------------------- questions stay questions

SERVICE_QUESTIONS_MENTIONING_PROBLEMS = [
    "ktp saya hilang, gimana cara buat baru?",
    "kalau KK rusak bisa diganti?",
    "What if my passport is lost?",
    "berapa lama kalau telat perpanjang SIM?",
    "apakah ada denda kalau telat?",
    "dompet kecopetan, KTP SIM ilang semua, urus yg mana duluan?",
    "rumah kebanjiran, dokumen KK sama akta basah semua. bisa cetak ulang?",
    "akta lahir anak saya salah nama, gmn cara benerinnya?",
    "my KTP got damaged in the wash, can I get a new one?",
    "my driving license was stolen, how to replace it?",
    "kalau pengajuan NIB ditolak apa yang harus dilakukan?",
    "kalo aplikasinya error, bisa daftar manual di loket?",
    "what should I do if the queue app is down?",
    "ktp saya belum jadi, kira2 berapa lama biasanya?",
    "katanya bikin ktp gratis ya min?",
    "anak saya belum 17 tahun tapi sudah menikah, bisa bikin ktp?",
    "I heard the KTP is free, is that true?",
    "pajak motor telat 3 bulan dendanya brp?",
    "bpjs kesehatan saya nunggak, gimana cara aktifin lagi?",
    "kalau blangko habis biasanya berapa lama nunggunya?",
]

QUESTIONS_ABOUT_STAFF_OR_CONTACTS = [
    "jam berapa petugas datang?",
    "nomor telepon kantor Disdukcapil berapa?",
    "What's the phone number of the immigration office?",
    "jam berapa CS buka?",
    "petugas yg melayani paspor ada di lantai berapa?",
    "nomor whatsapp admin berapa ya?",
    "can someone else pick up my KTP for me?",
    "bisa tolong jelaskan prosedur pembuatan paspor?",
]

# A short negator or "belum" hidden inside a longer word must not read as a negation.
NEGATOR_LOOKALIKES = [
    "berapa harga ganti KTP yang rusak?",  # "ga" inside "harga"
    "kontak kantor samsat ada?",  # "tak" inside "kontak"
    "sebelum ambil KK, berkas apa yang harus dibawa?",  # "belum" inside "sebelum"
    "tagihan pajak motor bisa dicek dimana?",  # "tag", "gih"
    "gagal cetak KTP di mesin, bisa ulang?",  # "ga" opening "gagal"
]


@pytest.mark.parametrize(
    "text",
    SERVICE_QUESTIONS_MENTIONING_PROBLEMS + QUESTIONS_ABOUT_STAFF_OR_CONTACTS + NEGATOR_LOOKALIKES,
)
def test_service_questions_are_answered_not_escalated(text: str) -> None:
    assert classify_intent(text).kind == "question"


# --------------------------------------------------------------------------- complaints

COMPLAINT_STORIES = [
    "udah 3 minggu KK saya blm jadi padahal katanya 3 hari",
    "tadi di loket 2 disuruh bayar 50rb buat KTP",
    "sudah bolak balik 4x tetap ditolak",
    "aplikasi antrean error terus dari pagi",
    "My passport was supposed to be ready last week and nobody answers the phone",
    "saya datang jam 7 pagi, sampai jam 2 siang belum dipanggil juga",
    "kata satpamnya kalau mau cepet bayar 100rb",
    "I was told it would take 3 days, it's been 3 weeks",
    "kemarin ke kantor jam 1 siang udah tutup, padahal di papan tulisnya buka sampai jam 3",
    "They charged me 200k for a form that's supposed to be free",
    "dari kemarin chat saya ke admin cuma diread doang",
    "ktp saya udah setahun masih pake suket, kapan jadinya sih?",
    "luar biasa, 3 bulan ktp belum jadi 👏👏",
]

EXPLICIT_COMPLAINTS = [
    "petugasnya ketus bgt",
    "petugasnya ketus bangeeeet",
    "kecewa bgt sama pelayanannya",
    "ada pungli di kantor kelurahan",
    "banyak calo di depan kantor samsat",
    "dipersulit terus sama petugasnya",
    "The officer at counter 3 was really rude to my mother",
    "I want to file a complaint about the staff",
    "bagaimana cara membuat pengaduan?",  # wanting to complain is escalated even as a question
    "kok KTP harus bayar 30rb? bukannya gratis?",
]


@pytest.mark.parametrize("text", COMPLAINT_STORIES + EXPLICIT_COMPLAINTS)
def test_complaints_are_recognised_with_their_cues(text: str) -> None:
    result = classify_intent(text)
    assert result.kind == "complaint"
    assert result.score >= 0.5
    assert result.cues, "a complaint names the cues that made it one"


# --------------------------------------------------------------------------- requests for a person

HUMAN_REQUESTS = [
    "bisa bicara dgn petugas?",
    "min tolong telp saya",
    "mau ngobrol sama orang beneran",
    "I want to talk to a human",
    "hubungkan ke CS",
    "chat admin dong",
    "saya butuh bantuan petugas, urgent",
    "mohon dihubungi kembali ke nomor 0813xxxx",
    "lu bot ya? panggil admin lah",
    "Can someone from the office contact me?",
    "I'd rather speak with a staff member directly",
    "bot nya ga nyambung, minta admin",
]


@pytest.mark.parametrize("text", HUMAN_REQUESTS)
def test_requests_for_a_person_are_recognised(text: str) -> None:
    assert classify_intent(text).kind == "human_request"


def test_a_complaint_about_an_unanswered_callback_is_not_a_new_request_for_one() -> None:
    assert classify_intent("i was promised a callback 3 days ago and never got one").kind == (
        "complaint"
    )


# --------------------------------------------------------------------------- small talk


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("halo min", "greeting"),
        ("selamat pagi", "greeting"),
        ("hi", "greeting"),
        ("Hello there!", "greeting"),
        ("assalamualaikum wr wb", "greeting"),
        ("pagiii minnn", "greeting"),
        ("hai min, apa kabar?", "greeting"),
        ("min", "greeting"),
        ("makasih", "thanks"),
        ("thanks", "thanks"),
        ("terima kasih min 🙏", "thanks"),
        ("makasih banyak kak, sangat membantu", "thanks"),
        ("siap kak", "thanks"),
        ("🙏", "thanks"),
    ],
)
def test_greetings_and_thanks_without_question_content(text: str, kind: str) -> None:
    assert classify_intent(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "halo min, syarat bikin KK apa aja?",
        "hi, what documents do I need for a family card",
        "selamat pagi, mau tanya syarat KK",
        "makasih, terus kalau KTP hilang gimana?",
    ],
)
def test_a_greeting_with_a_question_is_a_question(text: str) -> None:
    assert classify_intent(text).kind == "question"


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("min mau tanya, brp biaya bikin KTP?", "id"),
        ("how much is a passport", "en"),
        ("ktp saya hilang gimana", "id"),
        ("Can I renew my SIM on Saturday?", "en"),
        ("hi, what documents do I need for a family card", "en"),
        ("KTP?", "id"),
        ("hi", "en"),
        ("hello", "en"),
        ("halo", "id"),
        ("min", "id"),
        ("thanks", "en"),
        ("makasih", "id"),
        ("petugasnya ketus bgt", "id"),
        ("My passport was supposed to be ready last week", "en"),
        ("SKCK", "id"),
        ("", "id"),
        ("🙏🙏", "id"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("Udh 3 mgg blm jadi!!!", "sudah 3 minggu belum jadi"),
        ("petugasnya ketus bangeeeet 😡", "petugasnya ketus banget"),
        ("disuruh bayar 50rb", "disuruh bayar 50 rb"),
        ("ditelpon ga diangkat2", "ditelepon tidak diangkat diangkat"),
        ("berapa harga kontak", "berapa harga kontak"),  # no negator cut out of a longer word
        ("It's been 3 weeks", "its been 3 weeks"),
        ("tab\tnew\nline\x00null", "tab new line null"),
    ],
)
def test_normalise(text: str, normal: str) -> None:
    assert normalise(text) == normal


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "?",
        "😀😀😀",
        "\x00\x01\x02\x1b[31m",
        "КТП потерян, что делать?",
        "身份证丢了怎么办",
        "مرحبا، كيف أجدد جواز السفر؟",
        "ktp saya hilang 😭 身份证 паспорт",
        "a" * 10_000,
        "saya mau komplain " * 600,
        "\u202e\u200b\ufeffktp",
    ],
)
def test_never_crashes_and_stays_in_range(text: str) -> None:
    result = classify_intent(text)
    assert result.kind in KINDS
    assert 0.0 <= result.score <= 1.0
    assert detect_language(text) in ("id", "en")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gets_a_valid_intent(text: str) -> None:
    result = classify_intent(text)
    assert isinstance(result, Intent)
    assert result.kind in KINDS
    assert 0.0 <= result.score <= 1.0
    assert all(isinstance(cue, str) for cue in result.cues)
    assert detect_language(text) in ("id", "en")


def test_content_free_messages_are_small_talk_not_questions() -> None:
    """Stickers and emoji should get a friendly prompt, not a search or a ticket."""
    assert classify_intent("").kind == "greeting"
    assert classify_intent("😀").kind == "greeting"
    assert classify_intent("👍").kind == "thanks"


# --------------------------------------------------------------------------- the labelled set


def load_eval(split: str) -> list[dict[str, str]]:
    """Rows of eval/intents.jsonl: ids ending 0-6 are "dev", 7-9 the held-out "test"."""
    rows = [json.loads(line) for line in EVAL_FILE.read_text(encoding="utf-8").splitlines()]
    return [row for row in rows if (row["id"] % 10 <= 6) == (split == "dev")]


def escalation_figures(
    rows: Iterable[dict[str, str]], predict: Callable[[str], str] | None = None
) -> dict[str, float]:
    """Escalation (complaint + human_request) precision/recall/F1 and the question FP rate."""
    predict = predict or (lambda text: classify_intent(text).kind)
    true_pos = false_pos = false_neg = questions = questions_escalated = 0
    for row in rows:
        predicted = predict(row["text"])
        wanted = row["kind"]
        if wanted in ESCALATING and predicted in ESCALATING:
            true_pos += 1
        elif predicted in ESCALATING:
            false_pos += 1
        elif wanted in ESCALATING:
            false_neg += 1
        if wanted == "question":
            questions += 1
            questions_escalated += predicted in ESCALATING
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "question_fp_rate": questions_escalated / questions if questions else 0.0,
    }


def test_eval_file_is_balanced_as_intended() -> None:
    rows = load_eval("dev") + load_eval("test")
    kinds = Counter(row["kind"] for row in rows)
    assert len(rows) >= 300
    assert 0.40 <= kinds["question"] / len(rows) <= 0.50
    assert 0.25 <= kinds["complaint"] / len(rows) <= 0.35
    assert {row["lang"] for row in rows} == {"id", "en"}
    assert len({row["text"] for row in rows}) == len(rows)


def test_dev_split_escalation_f1_and_question_false_positives() -> None:
    figures = escalation_figures(load_eval("dev"))
    assert figures["f1"] >= 0.9, figures
    assert figures["question_fp_rate"] <= 0.03, figures


def test_dev_split_language_detection() -> None:
    rows = load_eval("dev")
    right = sum(detect_language(row["text"]) == row["lang"] for row in rows)
    assert right / len(rows) >= 0.95


def test_answer_engine_questions_escalate_only_complaints_and_requests_for_a_person() -> None:
    """eval/questions.jsonl (the answer engine's set, written separately) labels the same reasons."""
    path = EVAL_FILE.parent / "questions.jsonl"
    if not path.exists():
        pytest.skip("eval/questions.jsonl is not there")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    labelled = [
        {"text": row["question"], "kind": row["expected_reason"] or "question"} for row in rows
    ]
    for row in labelled:  # other escalation reasons are retrieval's business: a question here
        if row["kind"] not in ESCALATING:
            row["kind"] = "question"
    figures = escalation_figures(labelled)
    assert figures["recall"] >= 0.9, figures
    assert figures["question_fp_rate"] <= 0.03, figures


def test_held_out_test_split_is_not_in_the_training_examples() -> None:
    """The n-gram model learns from intent_data; the test split must stay unseen by it."""
    trained_on = {text for _, text in EXAMPLES}
    assert not trained_on.intersection(row["text"] for row in load_eval("test"))


# --------------------------------------------------------------------------- report for docs


def _predict_with(weight: float) -> Callable[[str], str]:
    """Prediction with the n-gram model's weight overridden (0.0 = rules alone)."""

    def predict(text: str) -> str:
        raw = text[: intent.MAX_CHARS]
        normal = normalise(raw)
        small_talk = intent._small_talk(intent._HOW_ARE_YOU.sub(" halo ", normal).split(), raw)
        if small_talk is not None:
            return small_talk.kind
        evidence = intent._gather(normal, "?" in raw, intent._MODEL)
        return intent._decide(evidence, weight, weight).kind

    return predict


def _report() -> None:  # pragma: no cover - prints the figures for docs/intent.md
    for split in ("dev", "test"):
        rows = load_eval(split)
        print(f"\n## {split} split: {len(rows)} messages")
        for name, weight in (("rules + n-gram model", 1.0), ("rules alone", 0.0)):
            figures = escalation_figures(rows, _predict_with(weight))
            print(
                f"{name:22} escalation P={figures['precision']:.3f} R={figures['recall']:.3f} "
                f"F1={figures['f1']:.3f}  questions escalated={figures['question_fp_rate']:.3f}"
            )
        confusion: Counter[tuple[str, str]] = Counter(
            (row["kind"], classify_intent(row["text"]).kind) for row in rows
        )
        print("per kind (rules + model):")
        for kind in KINDS:
            tp = confusion[(kind, kind)]
            predicted = sum(n for (_, p), n in confusion.items() if p == kind)
            actual = sum(n for (g, _), n in confusion.items() if g == kind)
            precision = tp / predicted if predicted else 0.0
            recall = tp / actual if actual else 0.0
            print(f"  {kind:14} n={actual:3}  P={precision:.3f} R={recall:.3f}")
        print("confusion (rows = labelled, columns = predicted): " + " ".join(k[:5] for k in KINDS))
        for kind in KINDS:
            print(f"  {kind:14} " + " ".join(f"{confusion[(kind, p)]:5}" for p in KINDS))
        languages = sum(detect_language(row["text"]) == row["lang"] for row in rows)
        print(f"language: {languages}/{len(rows)} right")
        for row in rows:
            result = classify_intent(row["text"])
            if result.kind != row["kind"]:
                print(f"  MISS {row['kind']} -> {result.kind}: {row['text']!r} {result.cues}")


if __name__ == "__main__":  # pragma: no cover
    _report()
