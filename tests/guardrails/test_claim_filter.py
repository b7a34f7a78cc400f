"""The learned second reader: it may only drop violations the rules found, and it keeps the
plain contradictions the product exists for."""

from __future__ import annotations

import math

import pytest

from guardrails import PromiseChecker, claim_filter_model
from guardrails.claim_filter import ClaimFilter, SplitFilter
from guardrails.promises import ServiceStandard, parse_promises
from tests.guardrails.guardrail_eval import sample_standards

CLASSIC = [
    ("bayar 50rb aja ke saya biar cepat", "ktp-el", None, "fee"),
    ("KTP selesai 2 minggu ya pak", "ktp-el", None, "duration"),
    ("kita buka Sabtu kok bu, dateng aja", "akta-kelahiran", None, "hours"),
    ("Biaya penerbitan KTP-el Rp 100.000.", None, "Berapa biaya KTP?", "fee"),
    ("The passport is issued within 3 weeks.", "paspor", None, "duration"),
    ("SKCK gratis kok pak", "skck", None, "fee"),
    ("kantor tutup jam 12 siang bu", "kartu-keluarga", "KK buka sampe jam brp?", "hours"),
    ("Paspor elektronik 900 ribu ya", "paspor", None, "fee"),
]


@pytest.mark.parametrize(("answer", "service_id", "question", "field"), CLASSIC)
def test_the_filter_keeps_plain_contradictions(
    answer: str, service_id: str | None, question: str | None, field: str
) -> None:
    result = PromiseChecker(sample_standards()).check(
        answer, service_id=service_id, question=question
    )
    assert field in {v.field for v in result.violations}, result


def test_without_a_filter_every_violation_of_the_rules_stands() -> None:
    standards = sample_standards()
    answer = "KTP selesai 2 minggu, bayar 50rb"
    plain = PromiseChecker(standards, claim_filter=None).check(answer, service_id="ktp-el")
    candidates = PromiseChecker(standards).candidates(answer, service_id="ktp-el")
    assert {v.field for v in plain.violations} == {"fee", "duration"}
    assert {c.violation.field for c in candidates} == {"fee", "duration"}


def test_a_filter_can_only_drop_violations() -> None:
    standards = sample_standards()
    rejecting = ClaimFilter({}, bias=-30.0, threshold=0.5)
    result = PromiseChecker(standards, claim_filter=rejecting).check(
        "bayar 50rb aja ke saya biar cepat", service_id="ktp-el"
    )
    assert result.ok and result.explanation is None
    accepting = ClaimFilter({}, bias=30.0, threshold=0.5)
    assert (
        PromiseChecker(standards, claim_filter=accepting)
        .check("KTP gratis, selesai 1 hari kerja", service_id="ktp-el")
        .ok
    )


def test_features_describe_the_claim_and_its_neighbours() -> None:
    (candidate,) = PromiseChecker(sample_standards()).candidates(
        "bayar 50rb aja ke saya", service_id="ktp-el"
    )
    features = candidate.features()
    assert features == candidate.features()  # deterministic
    assert {"f:fee", "k:fee:amount", "a:given", "a:free_promise", "L2:bayar"} <= set(features)


def test_the_model_is_plain_numbers() -> None:
    for threshold, bias, weights in (
        (claim_filter_model.THRESHOLD, claim_filter_model.BIAS, claim_filter_model.WEIGHTS),
        (
            claim_filter_model.SHORT_THRESHOLD,
            claim_filter_model.SHORT_BIAS,
            claim_filter_model.SHORT_WEIGHTS,
        ),
    ):
        assert 0.0 < threshold < 1.0
        assert math.isfinite(bias)
        assert weights
        assert all(math.isfinite(w) for w in weights.values())


def test_short_replies_and_longer_answers_are_read_by_their_own_models() -> None:
    short = ClaimFilter({}, bias=30.0, threshold=0.5)
    long = ClaimFilter({}, bias=-30.0, threshold=0.5)
    split = SplitFilter(short, long)
    checker = PromiseChecker(sample_standards(), claim_filter=split)
    assert not checker.check("bayar 50rb aja ke saya biar cepat", service_id="ktp-el").ok
    answer = (
        "Untuk KTP-el silakan datang ke loket 2 dengan membawa KK asli dan surat pengantar dari "
        "kelurahan, lalu isi formulir F-1.21 dan tunggu panggilan petugas. Biayanya 50rb ya."
    )
    assert checker.check(answer, service_id="ktp-el").ok


def test_greetings_and_wishes_around_a_claim_change_none_of_its_place() -> None:
    checker = PromiseChecker(sample_standards())
    core = "bayar 50rb aja ke saya biar cepat."
    wrapped = (
        "Selamat siang Bapak/Ibu. Terima kasih sudah menghubungi kami. "
        + core
        + " Semoga membantu. Salam hangat."
    )
    (bare,) = checker.candidates(core, service_id="ktp-el")
    (inside,) = checker.candidates(wrapped, service_id="ktp-el")
    position = {f for f in bare.features() if f.startswith("x:")}
    assert position == {f for f in inside.features() if f.startswith("x:")}
    assert {"x:sent:0", "x:len:0"} <= position


def test_features_tell_a_named_services_promise_from_any_services_and_days_from_hours() -> None:
    checker = PromiseChecker(sample_standards())
    # "seminggu" keeps the birth certificate's 5 working days, and the answer names it
    named = {
        c.violation.service_id: set(c.features())
        for c in checker.candidates("KK seminggu, akta kelahiran 5 hari kerja.")
    }
    assert "a:agrees_named_other" in named["kartu-keluarga"]
    # a value that keeps only the promise of a service the text does not name
    (alone,) = checker.candidates("KK seminggu ya bu", service_id="kartu-keluarga")
    assert "a:agrees_named_other" not in alone.features()
    # an open day keeps the hours without stating them: no "promise stated" for a later time
    (late,) = checker.candidates("Senin buka bu, jam 20.00-22.00", service_id="kartu-keluarga")
    assert late.violation.field == "hours"
    assert "a:promise_stated" not in late.features()


def test_features_carry_word_classes_and_the_claims_place_in_the_text() -> None:
    checker = PromiseChecker(sample_standards())
    question = "KTP bisa cepat? 50rb?"
    answer = "Syaratnya KTP lama dan KK. Kalau mau cepat bayar 50rb ya bu"
    (candidate,) = checker.candidates(answer, service_id="ktp-el", question=question)
    features = set(candidate.features())
    # the rules' own word lists, the same in any folder
    assert {"WC:fee:CONDITIONAL_WORDS", "WL:CONDITIONAL_WORDS"} <= features
    # the claim's sentence, the answer's length, an "if" clause, the question's value
    assert {"x:sent:1", "x:last_sentence", "x:len:1"} <= features
    assert {"x:fee:conditional", "x:fee:value_in_question"} <= features
    (bracketed,) = checker.candidates("Biaya KTP-el (Rp 50.000) dibayar di loket 2.")
    assert "x:fee:in_brackets" in bracketed.features()
    (plain,) = checker.candidates("bayar 50rb aja ke saya", service_id="ktp-el")
    assert {"L:bayar", "x:sent:0", "x:len:0"} <= set(plain.features())
    assert not {f for f in plain.features() if f.startswith("x:fee:")}


def test_the_rescue_model_reads_durations_the_rules_set_aside() -> None:
    standards = sample_standards()
    checker = PromiseChecker(standards)
    # "2 minggu lagi" reads to the rules as a date to come; the rescue model reads it as the
    # card's completion time, beyond the promised one
    answer = "KK baru aktif 2 minggu lagi ya bu, nunggu kuota."
    (candidate,) = checker.candidates(answer, service_id="kartu-keluarga")
    assert candidate.context.blocked and "b:any" in candidate.features()
    verdict = checker.check(answer, service_id="kartu-keluarga")
    assert [v.field for v in verdict.violations] == ["duration"]
    # the rules alone, or without the rescue model, set it aside as before
    rules = PromiseChecker(standards, claim_filter=None)
    assert rules.check(answer, service_id="kartu-keluarga").ok
    without = PromiseChecker(standards, rescue_filter=None)
    assert without.check(answer, service_id="kartu-keluarga").ok
    assert not without.candidates(answer, service_id="kartu-keluarga")
    # a validity period stays set aside
    assert checker.check("KTP-el berlaku seumur hidup, SKCK berlaku 6 bulan.", service_id="skck").ok
    # amounts the rules set aside are read too, with their own codes; extras stay set aside
    answer = "KTP-el gratis bu, parkir motor di depan 2rb, materai 10rb kalau perlu surat."
    blocked = [c.context.blocked for c in checker.candidates(answer, service_id="ktp-el")]
    assert blocked and all(code.startswith("f") for code in blocked)
    assert checker.check(answer, service_id="ktp-el").ok


def _compost_office() -> list[ServiceStandard]:
    return [
        ServiceStandard(
            "uji-pupuk",
            "Uji Mutu Pupuk Organik",
            ("uji pupuk", "tes pupuk"),
            parse_promises(
                {
                    "fee": 120_000,
                    "duration": "10 hari kerja",
                    "hours": "Senin-Kamis 08.00-14.00, Jumat 08.00-11.00",
                }
            ),
        ),
        ServiceStandard(
            "pelatihan",
            "Pelatihan Kompos Warga",
            ("pelatihan kompos", "kelas kompos"),
            parse_promises({"fee": 0, "duration": "7 hari", "hours": "Senin-Jumat 08.00-15.00"}),
        ),
    ]


def test_the_rescue_model_reads_hours_the_rules_set_aside() -> None:
    office = _compost_office()
    checker = PromiseChecker(office)
    rules = PromiseChecker(office, claim_filter=None)
    # a lab is another premise to the rules ("kantin laboratorium"); here it is the desk itself
    answer = "Sampel pupuk diterima Senin-Sabtu pukul 08.00-14.00 di Laboratorium Pupuk lantai 2."
    question = "kapan bisa antar sampel pupuk?"
    assert rules.check(answer, service_id="uji-pupuk", question=question).ok
    verdict = checker.check(answer, service_id="uji-pupuk", question=question)
    assert [v.field for v in verdict.violations] == ["hours"]
    candidates = checker.candidates(answer, service_id="uji-pupuk", question=question)
    assert {c.context.blocked for c in candidates} == {"h_place"}
    # each feature again under its field: hours set aside are read in their own way
    assert {"b:h_place", "hours|b:h_place", "hours|a:given"} <= set(candidates[0].features())
    answer = "The fertiliser test desk at the lab is open Monday to Saturday, 08.00-14.00."
    assert not checker.check(answer, service_id="uji-pupuk").ok
    # the canteen's hours, the bank's and an event's stay set aside
    for answer, service_id in (
        ("Kantin laboratorium buka sampai jam 5 sore.", "uji-pupuk"),
        ("Uji pupuk Rp120.000, hasil 10 hari kerja. Bayar lewat bank sampai jam 8 malam.", None),
        ("Pelatihan kompos gratis, acara penutupan pukul 19.00-21.00 di balai desa.", None),
    ):
        assert checker.check(answer, service_id=service_id).ok, answer
    # the day of a mishap is never rescued
    answer = "Kalau pupuknya menggumpal hari Minggu, simpan sampelnya dan bawa Senin pagi."
    assert not checker.candidates(answer, service_id="uji-pupuk", question="buka hari Minggu?")


def _farm_office() -> list[ServiceStandard]:
    weekdays = "Senin-Jumat 08.00-15.00"
    return [
        ServiceStandard(
            "sewa-pompa",
            "Sewa Pompa Air Irigasi",
            ("sewa pompa", "pinjam pompa"),
            parse_promises({"fee": 75_000, "duration": "2 hari kerja", "hours": weekdays}),
        ),
        ServiceStandard(
            "sewa-traktor",
            "Sewa Traktor Tangan",
            ("sewa traktor", "hand traktor"),
            parse_promises(
                {
                    "fee": {"setengah hari": 150_000, "satu hari": 250_000},
                    "duration": "3 hari kerja",
                    "hours": weekdays,
                }
            ),
        ),
        ServiceStandard(
            "konsultasi",
            "Konsultasi Penyuluh Pertanian",
            ("konsultasi penyuluh", "tanya penyuluh"),
            parse_promises({"fee": 0, "duration": "1 hari kerja", "hours": weekdays}),
        ),
    ]


def test_a_claim_no_name_attributes_is_judged_against_its_likeliest_service() -> None:
    office = _farm_office()
    checker = PromiseChecker(office)
    # nothing names the tractor: no service's fee is 300.000, and a word hints at which it is
    question = "kalau traktoran sehari berapa?"
    verdict = checker.check("Rp 300.000 sehari", question=question)
    assert [(v.service_id, v.field) for v in verdict.violations] == [("sewa-traktor", "fee")]
    (candidate,) = checker.candidates("Rp 300.000 sehari", question=question)
    assert candidate.context.blocked == "o_all_hint"
    question = "how much to rent the water pump?"
    assert [v.field for v in checker.check("Rp 125.000 a day", question=question).violations] == [
        "fee"
    ]
    # weekend hours break every service's promise, whichever the citizen means
    verdict = checker.check("bisa pak, sabtu minggu juga buka kok", question="buka weekend ga?")
    assert [v.field for v in verdict.violations] == ["hours"]
    # an amount that keeps a promise, and extras, guess nothing
    assert checker.check("Rp 75.000 per hari", question="berapa sewa pompanya?").ok
    assert checker.check("parkir motor 2rb ya", question="parkir bayar?").ok
    # the rules alone, and a checker without guessing, attribute nothing
    assert PromiseChecker(office, claim_filter=None).check("Rp 125.000 a day", question=question).ok
    unguessed = PromiseChecker(office, guess_filter=None)
    assert not unguessed.candidates("Rp 125.000 a day", question=question)


def test_the_rescue_model_is_plain_numbers() -> None:
    assert 0.0 < claim_filter_model.RESCUE_THRESHOLD < 1.0
    assert math.isfinite(claim_filter_model.RESCUE_BIAS)
    assert claim_filter_model.RESCUE_WEIGHTS
    assert all(math.isfinite(w) for w in claim_filter_model.RESCUE_WEIGHTS.values())
    assert claim_filter_model.RESCUE_THRESHOLD <= claim_filter_model.GUESS_THRESHOLD < 1.0
