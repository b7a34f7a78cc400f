"""The promise checker on the cases staff care about, including the traps a blind attempt fell into."""

from __future__ import annotations

import re

import pytest

from guardrails import PromiseChecker, ServiceStandard, Verdict, check, parse_promises
from guardrails.claims import DurationClaim, FeeClaim, extract_claims
from guardrails.text import tokenize
from tests.guardrails.guardrail_eval import sample_standards

CHECKER = PromiseChecker(sample_standards())


def verdict(answer: str, service_id: str | None = None, question: str | None = None) -> Verdict:
    return CHECKER.check(answer, service_id=service_id, question=question)


def fields(answer: str, service_id: str | None = None, question: str | None = None) -> list[str]:
    return sorted({v.field for v in verdict(answer, service_id, question).violations})


# ----------------------------------------------------------------- the issue's examples


def test_officer_asking_money_for_a_free_service() -> None:
    result = verdict("bayar 50rb aja ke saya biar cepat", "ktp-el")
    assert result.verdict == "contradiction"
    assert not result.ok
    (violation,) = result.violations
    assert (violation.service_id, violation.field) == ("ktp-el", "fee")
    assert (violation.promised, violation.claimed) == ("gratis", "Rp 50.000")
    assert result.explanation == (
        "Jawaban menyebut biaya Rp 50.000, padahal Standar Pelayanan Penerbitan KTP-el: gratis."
    )
    assert result.to_dict() == {
        "verdict": "contradiction",
        "violations": [
            {"service_id": "ktp-el", "field": "fee", "promised": "gratis", "claimed": "Rp 50.000"}
        ],
        "explanation": result.explanation,
    }


def test_two_weeks_for_five_working_days() -> None:
    result = verdict("Akta kelahiran selesai 2 minggu.", "akta-kelahiran")
    (violation,) = result.violations
    assert (violation.field, violation.promised, violation.claimed) == (
        "duration",
        "5 hari kerja",
        "2 minggu",
    )
    assert result.explanation is not None and "waktu penyelesaian 2 minggu" in result.explanation


def test_ok_verdict_shape() -> None:
    result = verdict("KTP-el gratis dan selesai 1 hari kerja.", "ktp-el")
    assert result.ok
    assert result.to_dict() == {"verdict": "ok", "violations": [], "explanation": None}


def test_module_level_check_function() -> None:
    standards = [
        ServiceStandard(
            "izin-x", "Izin X", ("izin x",), parse_promises({"fee": 0, "duration": "2 hari kerja"})
        )
    ]
    assert check("Izin X bayar 100rb.", standards).verdict == "contradiction"
    assert check("Izin X gratis.", standards).ok


# ----------------------------------------------------------------- fee

FEE_CASES = [
    # (answer, service_id, expected contradiction)
    ("Biaya KTP 0 rupiah pak alias gratis.", "ktp-el", False),
    ("KTP tidak gratis pak, ada biaya cetak.", "ktp-el", True),
    ("SKCK gratis buat pencari kerja.", "skck", True),
    ("SKCK tidak gratis ya mas, Rp 30.000.", "skck", False),
    ("SIM A 80rb, SIM C 75rb.", "sim-perpanjangan", False),
    ("SIM C 80rb ya mas.", "sim-perpanjangan", True),  # the amount of another variant
    ("Paspor biasa 650rb pak.", "paspor", True),
    ("E-paspor 650rb, jadi 4 hari kerja.", "paspor", False),
    ("Paspor tiga ratus lima puluh ribu rupiah ya pak.", "paspor", False),
    ("Paspor bisa jadi 1,5 juta pak lewat jalur cepat.", "paspor", True),
    ("SKCK goceng doang mas.", "skck", True),
    ("Passport: IDR 350,000 for the regular passport.", "paspor", False),
    ("The passport costs 1.5 million if you want express service.", "paspor", True),
    ("Validasi BPHTB bayar 200rb pak biar cepat.", "bphtb", True),
    ("Untuk KTP-el tidak dipungut biaya.", "ktp-el", False),
    ("KTP gak bayar pak.", "ktp-el", False),
    ("Tak perlu bayar pak.", "paspor", True),  # "free" for a paid service
    ("Tidak perlu bayar di loket, bayar Rp 350.000 lewat bank.", "paspor", False),
]


@pytest.mark.parametrize(("answer", "service_id", "contradiction"), FEE_CASES)
def test_fee_claims(answer: str, service_id: str, contradiction: bool) -> None:
    assert fields(answer, service_id) == (["fee"] if contradiction else [])


@pytest.mark.parametrize(
    "answer",
    [
        # a stated multiple of the promised fee
        "Perpanjang SIM A untuk dua orang jadi Rp 160.000 ya pak.",
        "SKCK untuk 3 orang jadi 90rb pak.",
        "PBG rumah 100 m2 jadi Rp 1.000.000 pak.",
        # thresholds and limits are not fees
        "NIB untuk usaha dengan modal di bawah 5 miliar gratis, terbit 30 menit.",
        "NIB khusus UMK, penghasilan maksimal 3 juta per bulan, tidak dipungut biaya.",
        "Harga rumah Rp 500 juta, BPHTB-nya sekitar Rp 21 juta, validasinya gratis.",
        # fines, stamp duty, photocopies, parking
        "Akta kelahiran yang terlambat lebih dari 1 tahun kena denda Rp 100.000 pak.",
        "Biaya materai dan fotokopi sendiri ya bu, KK-nya gratis.",
        "Tambah anggota KK gratis bu; materai Rp 10.000 disiapkan sendiri.",
        "KIR mobil penumpang 87rb, parkir 5 ribu bayar di depan.",
        # another service's fee in passing
        "KTP gratis pak. Kalau paspor bayar Rp 350.000 di bank.",
        # reporting illegal levies
        "Kalau ada petugas yang meminta Rp 50.000 untuk KTP, itu pungli, laporkan ke 0800-123-456.",
        # negators inside longer words
        "Isi formulir F-1.01 lalu ditakar kelengkapannya oleh petugas; KK gratis, selesai 3 hari kerja.",
        "Untuk warga gakin (keluarga miskin) kartu kuning tetap gratis, selesai 1 hari kerja.",
    ],
)
def test_amounts_that_are_not_fee_claims(answer: str) -> None:
    service = {
        "Perpanjang": "sim-perpanjangan",
        "SKCK": "skck",
        "PBG": "pbg",
        "NIB": "nib",
        "Harga": "bphtb",
        "Akta": "akta-kelahiran",
        "Biaya": "kartu-keluarga",
        "Tambah": "kartu-keluarga",
        "KIR": "uji-kir",
        "KTP": "ktp-el",
        "Kalau": "ktp-el",
        "Isi": "kartu-keluarga",
        "Untuk": "kartu-kuning",
    }[answer.split()[0]]
    assert verdict(answer, service).ok, verdict(answer, service)


def test_a_total_without_a_stated_count_is_a_contradiction() -> None:
    assert fields("Perpanjang SIM A bayar Rp 160.000 ya pak.", "sim-perpanjangan") == ["fee"]


# ----------------------------------------------------------------- duration

DURATION_CASES = [
    ("Akta lahir seminggu jadi bu.", "akta-kelahiran", False),  # 5 hari kerja allows a week
    ("Akte kelahiran 2 minggu bu.", "akta-kelahiran", True),
    ("KK 3 hari pak.", "kartu-keluarga", False),  # 3 calendar days for 3 working days
    ("KK seminggu bu.", "kartu-keluarga", True),
    ("Pecah KK gratis, 3-5 hari kerja ya bu.", "kartu-keluarga", True),  # the upper bound counts
    ("Paspor 3-4 hari kerja pak.", "paspor", False),
    ("Paspor 1-2 minggu pak.", "paspor", True),
    ("Sudah saya cek, KTP-nya besok sudah jadi pak.", "ktp-el", False),
    ("SKCK jadinya besok pak.", "skck", True),  # 3 jam promised
    ("KK paling lambat 3 hari kerja bu.", "kartu-keluarga", False),
    ("Akta kelahiran paling lambat 14 hari kerja bu.", "akta-kelahiran", True),
    ("NIB dalam waktu 1x24 jam pak.", "nib", True),  # 1 jam promised
    ("SIM jadi 3 hari pak, blangkonya habis.", "sim-perpanjangan", True),
    ("SIP dokter 2 minggu jadi dok.", "sip-nakes", False),  # 10 hari kerja = 2 weeks
    ("PBG sebulan lah pak.", "pbg", False),
    ("PBG 3 bulan pak baru jadi.", "pbg", True),
    ("Birth certificates take a month at the moment.", "akta-kelahiran", True),
    ("The family card is free and takes up to 3 working days.", "kartu-keluarga", False),
    ("SKCK within 3 working days.", "skck", True),
]


@pytest.mark.parametrize(("answer", "service_id", "contradiction"), DURATION_CASES)
def test_duration_claims(answer: str, service_id: str, contradiction: bool) -> None:
    assert fields(answer, service_id) == (["duration"] if contradiction else [])


def test_working_days_claimed_for_calendar_days() -> None:
    standards = [
        ServiceStandard("kir", "Uji KIR", ("kir",), parse_promises({"duration": "3 hari"})),
    ]
    checker = PromiseChecker(standards)
    # 5 working days always exceed 3 calendar days; 3 working days may take exactly 3.
    assert checker.check("KIR selesai 5 hari kerja.", service_id="kir").verdict == "contradiction"
    assert checker.check("KIR selesai 3 hari kerja.", service_id="kir").ok


@pytest.mark.parametrize(
    ("answer", "service_id"),
    [
        ("Untuk anak yang umurnya sudah 17 tahun bisa langsung rekam KTP, gratis.", "ktp-el"),
        ("KIA gratis untuk anak di bawah 17 tahun, jadi 1 hari kerja.", "kia"),
        (
            "Kalau belum 30 hari sejak lahir, akta kelahiran gratis dan tanpa denda.",
            "akta-kelahiran",
        ),
        (
            "SIM yang sudah mati lebih dari 30 hari harus bikin baru, tidak bisa perpanjang.",
            "sim-perpanjangan",
        ),
        (
            "Masa berlaku SIM 5 tahun. Perpanjangan SIM C Rp 75.000, selesai 1 hari kerja.",
            "sim-perpanjangan",
        ),
        ("SKCK berlaku 6 bulan, biaya Rp 30.000.", "skck"),
        (
            "Akta kelahiran gratis, selesai 5 hari kerja. Lapor paling lambat 60 hari setelah kelahiran.",
            "akta-kelahiran",
        ),
        ("Wawancara paspor jam 10.00 ya bu, datang 30 menit sebelumnya.", "paspor"),
        (
            "Bayinya lahir 3 hari yang lalu ya bu? Aktanya jadi 5 hari kerja, gratis.",
            "akta-kelahiran",
        ),
        ("Kartu kuning berlaku 2 tahun, lapor ulang tiap 6 bulan. Gratis.", "kartu-kuning"),
        (
            "Paspor 48 halaman tidak ada lagi, sekarang 24 halaman dengan biaya Rp 350.000.",
            "paspor",
        ),
    ],
)
def test_ages_validity_and_waiting_are_not_completion_times(answer: str, service_id: str) -> None:
    assert verdict(answer, service_id).ok, verdict(answer, service_id)


# ----------------------------------------------------------------- hours

HOURS_CASES = [
    ("Rekam KTP bisa hari Sabtu pak, jam 8 sampai 12.", "ktp-el", True),
    ("Pelayanan KTP sampai jam 3 sore pak, Senin sampai Jumat.", "ktp-el", False),
    ("Maaf pak, loket KTP tutup jam 5 sore kok, masih sempat.", "ktp-el", True),
    ("Loket KTP tutup jam 12 pak hari Jumat.", "ktp-el", True),  # a shorter window than promised
    ("KIR tutup jam 14.30 pak.", "uji-kir", True),  # a closing time, not a closed day
    ("KIR buka jam setengah 8 sampai jam 1 siang, Senin sampai Sabtu.", "uji-kir", False),
    ("Satpas buka Sabtu juga pak sampai jam 12 siang.", "sim-perpanjangan", False),
    ("Perpanjang SIM bisa hari Minggu pak.", "sim-perpanjangan", True),
    ("Loket SIM buka jam 7 pak.", "sim-perpanjangan", True),
    ("Hari Jumat loket Dinkes buka sampai jam 3 sore dok.", "sip-nakes", True),
    ("Jumat buka sampai jam 11 dok.", "sip-nakes", False),
    ("SKCK buka Sabtu pak.", "skck", True),
    ("KTP bisa diambil dari jam 8 pagi pak, loket 3.", "ktp-el", False),  # an appointment
    ("Silakan datang jam 09.30 ke loket 2.", "ktp-el", False),
    ("Datang jam 4 sore pak, masih dilayani.", "ktp-el", True),
    ("Sabtu Minggu libur pak.", "ktp-el", False),
    ("Buka setiap hari kecuali Sabtu dan Minggu, jam 8 sampai 3 sore.", "ktp-el", False),
    ("Pengambilan KTP tanggal 17 Agustus 2026 libur nasional.", "ktp-el", False),
    ("We are closed on Saturdays.", "sim-perpanjangan", True),
    ("The Disdukcapil counter is open Monday to Saturday, 8 am to 3 pm.", "ktp-el", True),
]


@pytest.mark.parametrize(("answer", "service_id", "contradiction"), HOURS_CASES)
def test_hours_claims(answer: str, service_id: str, contradiction: bool) -> None:
    assert fields(answer, service_id) == (["hours"] if contradiction else [])


def test_weekday_range_answering_an_hours_question() -> None:
    assert verdict("Senin sampai Jumat pak.", question="SKCK buka hari apa?").ok
    assert fields("Senin sampai Sabtu pak.", question="SKCK buka hari apa?") == ["hours"]


# ----------------------------------------------------------------- attribution


def test_an_answer_about_two_services_is_split() -> None:
    assert verdict("KTP-el gratis, sedangkan paspor biasa Rp 350.000.").ok
    result = verdict("KK seminggu, akta kelahiran 5 hari kerja.")
    assert [(v.service_id, v.field) for v in result.violations] == [("kartu-keluarga", "duration")]
    result = verdict("KTP gratis, KK juga gratis, tapi akta kelahiran 50rb bu.", "ktp-el")
    assert [(v.service_id, v.field) for v in result.violations] == [("akta-kelahiran", "fee")]


def test_service_inferred_from_the_question() -> None:
    assert verdict("gratis bu", question="KTP bayar?").ok
    assert fields("50rb bu", question="KTP bayar?") == ["fee"]
    assert fields("paling 2 mingguan lah pak", question="berapa lama bikin paspor?") == ["duration"]


def test_requirements_do_not_change_the_topic() -> None:
    assert verdict("Bawa KTP dan KK asli ya pak, paspor biasa Rp 350.000.", "paspor").ok
    assert verdict("Cukup pakai NIK KTP untuk daftar NIB, gratis, terbit dalam 1 jam.", "nib").ok


def test_unattributable_claims_are_not_checked() -> None:
    assert verdict("Bayar 50rb ya.").ok
    assert verdict("Bayar 50rb ya.", service_id="unknown-service").ok


def test_sip_as_an_interjection_is_not_the_sip_service() -> None:
    assert fields("Sip pak, besok jadi ya.", "skck") == ["duration"]


def test_every_field_reported_once_per_service() -> None:
    result = verdict(
        "Akta kelahiran dikenakan biaya Rp 25.000 dan jadi dalam 14 hari kerja.", "akta-kelahiran"
    )
    assert [v.field for v in result.violations] == ["fee", "duration"]
    assert result.explanation is not None
    assert result.explanation.endswith(".")
    assert not re.search(r"\.\s+[A-Z]", result.explanation)  # one sentence
    assert "Rp 25.000" in result.explanation and "14 hari kerja" in result.explanation


# ----------------------------------------------------------------- claim extraction


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Rp 350.000", 350000),
        ("Rp350.000,-", 350000),
        ("Rp. 350.000,00", 350000),
        ("350 ribu", 350000),
        ("350rb", 350000),
        ("350k", 350000),
        ("IDR 350,000", 350000),
        ("1,5 juta", 1500000),
        ("1.5 jt", 1500000),
        ("1 juta 200 ribu", 1200000),
        ("tiga ratus lima puluh ribu rupiah", 350000),
        ("seratus ribu", 100000),
        ("ceban", 10000),
        ("gratis", 0),
        ("tidak dipungut biaya", 0),
        ("tanpa biaya", 0),
        ("free of charge", 0),
        ("Rp 0", 0),
    ],
)
def test_money_written_many_ways(text: str, amount: int) -> None:
    claims = [
        c for c in extract_claims(tokenize(f"Biayanya {text} ya.")) if isinstance(c, FeeClaim)
    ]
    assert [c.amount for c in claims][:1] == [amount]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("3 hari kerja", 3 * 1440),
        ("sehari", 1440),
        ("seminggu", 7 * 1440),
        ("2 minggu", 14 * 1440),
        ("1x24 jam", 1440),
        ("30 menit", 30),
        ("within 3 working days", 3 * 1440),
        ("tiga hari kerja", 3 * 1440),
        ("setengah jam", 30),
        ("2 mingguan", 14 * 1440),
    ],
)
def test_durations_written_many_ways(text: str, minutes: float) -> None:
    claims = [
        c for c in extract_claims(tokenize(f"Selesai {text}.")) if isinstance(c, DurationClaim)
    ]
    assert [c.duration.min_calendar_minutes() for c in claims] == [minutes]


@pytest.mark.parametrize(
    "text",
    [
        "Antrean nomor 57, loket 3, lantai 2.",
        "RT 05/RW 02, NIK 3201123456780002.",
        "Telepon 0812-3456-7890 atau (022) 555-1234.",
        "Tanggal 17 Agustus 2026, halaman 2, 2 lembar fotokopi.",
        "NPWP 12.345.678.9-012.000 dan kode pos 40111.",
    ],
)
def test_harmless_numbers_are_not_claims(text: str) -> None:
    assert extract_claims(tokenize(text)) == []


# ------------------------------------------- general causes found by the second blind batches


@pytest.mark.parametrize(
    ("answer", "service_id"),
    [
        # another premise or party is the subject: its hours and prices are its own
        ("Kantin buka sampai jam 11 malam ya pak.", "ktp-el"),
        ("Kantin KTP buka sampai jam 11 malam.", "ktp-el"),
        ("Kafe di lantai 1 buka dari jam 7 pagi, kopi 15rb.", "ktp-el"),
        ("Pojok baca anak buka jam 10.00-16.00.", "ktp-el"),
        ("Obat di apotek rumah sakit buka 24 jam.", "ktp-el"),
        ("Kaos bisa pesan di koperasi KIR, 85rb per stel.", "uji-kir"),
        ("Map plastik harganya di toko sekitar 5 ribu, beli sendiri ya.", "ktp-el"),
        (
            "Jasa kontraktor biasanya Rp 300.000 per meter, urusan bapak dengan kontraktornya.",
            "uji-kir",
        ),
        ("Armada derek beroperasi jam 5 pagi.", "uji-kir"),
        # paid separately, traded, or an example
        ("Uji sampel di lab Rp 150.000, dibayar terpisah dari KTP.", "ktp-el"),
        ("Tiket pertunjukan boleh dijual Rp 25.000.", "ktp-el"),
        ("Tiketnya Rp 45.000 beli di loket penyeberangan.", "ktp-el"),
        ("Biaya kursus boleh ditentukan sendiri, misal Rp 1.500.000 per paket.", "ktp-el"),
        ("Drug-free area. KIR mobil penumpang Rp 87.000.", "uji-kir"),
    ],
)
def test_other_premises_parties_and_trades_are_not_the_service(
    answer: str, service_id: str
) -> None:
    assert verdict(answer, service_id).ok, verdict(answer, service_id)


@pytest.mark.parametrize(
    ("answer", "service_id"),
    [
        ("Sampel disimpan 30 hari setelah hasil keluar.", "ktp-el"),
        ("Berkas diarsipkan 5 tahun.", "ktp-el"),
        ("KTP bisa diambil sampai 30 hari setelah jadi.", "ktp-el"),
        ("Pelatihan berlangsung 3 bulan.", "ktp-el"),
        ("The KIR test costs Rp 87,000 a month for fleets.", "uji-kir"),
        ("KIR 87rb sebulan untuk armada langganan.", "uji-kir"),
    ],
)
def test_kept_lasting_and_rates_are_not_completion_times(answer: str, service_id: str) -> None:
    assert verdict(answer, service_id).ok, verdict(answer, service_id)


@pytest.mark.parametrize(
    ("answer", "service_id", "field"),
    [
        # the general rules above must not hide the desk's own claims
        ("Pembuatan KTP bisa 2 minggu pak.", None, "duration"),
        ("Kantin tutup, loket KTP buka hari Sabtu.", "ktp-el", "hours"),
        ("Kantin buka jam 6. Loket buka hari Sabtu.", "ktp-el", "hours"),
        ("KTP bayar 50rb di loket ya.", "ktp-el", "fee"),
        ("Drug-free or not, KTP costs Rp 50.000.", "ktp-el", "fee"),
    ],
)
def test_the_desk_own_claims_still_count(answer: str, service_id: str | None, field: str) -> None:
    assert fields(answer, service_id) == [field]


# ------------------------------------------------- wordings a blind set taught us (general forms)

ROOMS_AND_DEEDS = PromiseChecker(
    [
        ServiceStandard(
            "sewa-aula",
            "Sewa Aula Serbaguna",
            ("sewa aula", "aula serbaguna"),
            parse_promises(
                {
                    "fee": {"hari_kerja": 1_500_000, "akhir_pekan": 2_500_000},
                    "duration": "2 hari kerja",
                    "hours": "Senin-Jumat 08.00-15.30, Sabtu 08.00-12.00",
                }
            ),
        ),
        ServiceStandard(
            "balik-nama",
            "Balik Nama Sertipikat",
            ("balik nama", "peralihan hak"),
            parse_promises(
                {
                    "fee": {"jual_beli": 350_000, "waris_hibah": 250_000},
                    "duration": "5 hari kerja",
                    "hours": "Senin-Jumat 08.00-16.00",
                }
            ),
        ),
        ServiceStandard(
            "konsultasi",
            "Konsultasi Investasi",
            ("konsultasi investasi", "klinik investasi"),
            parse_promises({"fee": 0, "duration": "30 menit", "hours": "Senin-Sabtu 08.00-12.00"}),
        ),
        ServiceStandard(
            "sewa-alat",
            "Sewa Alat Berat",
            ("sewa alat berat", "ekskavator"),
            parse_promises({"fee": 2_000_000, "duration": "5 hari kerja"}),
        ),
    ]
)


@pytest.mark.parametrize(
    ("answer", "question", "service_id", "expected"),
    [
        # a day with an "until" time is that day's closing time ("setengah 3" = 14.30)
        ("jumat full kok sampe setengah 3", "jumat siang bisa urus SIP?", "sip-nakes", ["hours"]),
        # a time of day in the question makes the answer's time an hours claim
        (
            "dateng aja jam 5 sore, masih ada petugas",
            "saya baru bisa sore, KTP bisa?",
            "ktp-el",
            ["hours"],
        ),
        ("yes, until 4pm", "can I come at 2pm for the vehicle inspection?", None, ["hours"]),
        ("bisa, datang jam 10 aja", "saya baru bisa siang, KTP bisa?", "ktp-el", []),
        # "aktif ... setelah pendaftaran" is when the result starts to work
        (
            "SIP biasanya aktif sekitar 3 minggu setelah pendaftaran.",
            None,
            "sip-nakes",
            ["duration"],
        ),
        ("KTP-el berlaku seumur hidup dan aktif selama 5 tahun.", None, "ktp-el", []),
        # a form is part of the service: charging for it is a fee
        ("Pendaftaran KK bayar Rp 10.000 untuk formulirnya.", None, "kartu-keluarga", ["fee"]),
        # a duration is no multiplier of a fee unless the fee is a rate or a total
        ("KTP 100rb pak, 2 minggu jadi", None, "ktp-el", ["duration", "fee"]),
    ],
)
def test_blind_set_wordings(
    answer: str, question: str | None, service_id: str | None, expected: list[str]
) -> None:
    assert fields(answer, service_id, question) == expected


@pytest.mark.parametrize(
    ("answer", "question", "service_id", "expected"),
    [
        # words of a fee variant's name are no trade ("jual beli" is the variant, not a sale)
        ("Biaya peralihan hak karena jual beli adalah Rp 375.000.", None, "balik-nama", ["fee"]),
        ("Biaya peralihan hak karena jual beli adalah Rp 350.000.", None, "balik-nama", []),
        # rates and totals over days
        ("Sewa ekskavator 3 hari jadi Rp 6.000.000 pak.", None, "sewa-alat", []),
        (
            "Aula akhir pekan 2,5jt per hari, jadi sabtu minggu 2 hari = 5jt",
            "sewa aula sabtu minggu berapa?",
            None,
            [],
        ),
        # how long the desk opens on a day is no completion time
        (
            "Minggu buka kak klinik investasinya, tapi cuma setengah hari",
            "klinik investasi minggu buka?",
            None,
            ["hours"],
        ),
    ],
)
def test_variant_names_rates_and_opening_spans(
    answer: str, question: str | None, service_id: str | None, expected: list[str]
) -> None:
    result = ROOMS_AND_DEEDS.check(answer, service_id=service_id, question=question)
    assert sorted({v.field for v in result.violations}) == expected, result


# ----------------------------------------- wordings a second blind set taught us (general forms)

TOWN_SERVICES = PromiseChecker(
    [
        ServiceStandard(
            "kartu-pustaka",
            "Kartu Anggota Perpustakaan",
            ("kartu anggota", "kartu perpus"),
            parse_promises(
                {
                    "fee": {"baru": 0, "ganti_hilang": 15_000},
                    "duration": "30 menit",
                    "hours": "Senin-Kamis 08.00-15.30, Jumat 08.00-11.30",
                }
            ),
        ),
        ServiceStandard(
            "bebas-pustaka",
            "Surat Keterangan Bebas Pustaka",
            ("SKBP", "bebas pustaka"),
            parse_promises({"fee": 10_000, "duration": "2 hari kerja"}),
        ),
        ServiceStandard(
            "salinan-arsip",
            "Salinan Arsip",
            ("salinan arsip", "legalisir arsip"),
            parse_promises({"fee": 15_000, "duration": "5 hari kerja"}),
        ),
        ServiceStandard(
            "uji-air",
            "Uji Kualitas Air",
            ("uji lab air", "uji air"),
            parse_promises(
                {"fee": {"air_bersih": 250_000, "air_minum": 300_000}, "duration": "10 hari kerja"}
            ),
        ),
        ServiceStandard(
            "sedot-tinja",
            "Sedot Tinja",
            ("sedot tinja", "sedot wc"),
            parse_promises({"fee": 150_000, "duration": "3 hari kerja"}),
        ),
        ServiceStandard(
            "keliling",
            "Perpustakaan Keliling",
            ("perpus keliling", "pusling"),
            parse_promises({"fee": 0, "duration": "14 hari"}),
        ),
        ServiceStandard(
            "izin-tps",
            "Izin TPS Limbah",
            ("izin TPS", "TPS limbah"),
            parse_promises(
                {"fee": 0, "duration": "14 hari kerja", "hours": "Senin-Jumat 08.00-15.00"}
            ),
        ),
        ServiceStandard(
            "evakuasi",
            "Evakuasi Hewan",
            ("evakuasi hewan", "animal rescue"),
            parse_promises({"fee": 0, "duration": "1x24 jam", "hours": "Setiap hari 24 jam"}),
        ),
        ServiceStandard(
            "rekom-kebakaran",
            "Rekomendasi Proteksi Kebakaran",
            ("fire protection recommendation", "rekom damkar"),
            parse_promises(
                {"fee": 500_000, "duration": "14 hari kerja", "hours": "Senin-Jumat 08.00-15.00"}
            ),
        ),
    ]
)


@pytest.mark.parametrize(
    ("answer", "question", "service_id", "expected"),
    [
        # a fee variant's name beside the amount: "ganti" is no compensation word here
        ("ganti kartu hilang 50rb kak, bayar di kasir lt 1", None, "kartu-pustaka", ["fee"]),
        # counted from when the papers are received, the completion verb before the duration
        (
            "Hasil uji diterbitkan dalam 30 hari kerja sejak sampel diterima.",
            None,
            "uji-air",
            ["duration"],
        ),
        (
            "Kunjungan dijadwalkan paling lambat 45 hari setelah surat permohonan diterima.",
            None,
            "keliling",
            ["duration"],
        ),
        # a duration quoted in the question, confirmed in the answer
        (
            "itu kalau arsipnya blm dialihmediakan pak, memang bisa 3 bulan",
            "legalisir arsip kok katanya bisa 3 bulan?",
            "salinan-arsip",
            ["duration"],
        ),
        (
            "gak sampe sebulan pak, max 14 hari kerja",
            "izin tps katanya sebulanan ya?",
            "izin-tps",
            [],
        ),
        ("paling tidak 2 bulan pak", "izin tps brp lama?", "izin-tps", ["duration"]),
        # the first time answering "buka jam berapa?" is the opening time
        (
            "jam 9 pagi bu, senin-kamis sampe setengah 4",
            "kartu perpus buka jam brp bu?",
            "kartu-pustaka",
            ["hours"],
        ),
        (
            "jam 8 pagi bu, senin-kamis sampe setengah 4",
            "kartu perpus buka jam brp bu?",
            "kartu-pustaka",
            [],
        ),
        # not yet open at 7; a service noun before "tutup" is its subject
        ("jam 7 blm buka pak, mulai jam 8", "izin tps bisa jam 7 pagi?", "izin-tps", []),
        ("Pada hari Sabtu dan Minggu layanan tutup.", None, "izin-tps", []),
        # only office hours, a line staffed part of the day: narrower than 24 hours every day
        ("kalau malem ga bisa pak, tim evakuasi cuma jam kerja", None, "evakuasi", ["hours"]),
        ("The animal rescue line is staffed from 06.00 to 22.00 every day.", None, None, ["hours"]),
        # stamps, reduplications, a corrected quote, another party's price
        ("Syarat: surat permohonan bermeterai Rp 10.000 dan NIB.", None, "izin-tps", []),
        ("gak perlu bayar apa2 pak, gratis", None, "evakuasi", []),
        (
            "yg 150rb itu tarif lama kak, skrg 250rb/sampel",
            "uji air bersih katanya 150rb?",
            None,
            [],
        ),
        (
            "no fee from us. the consultant who prepares your documents charges 5-10 mio",
            None,
            "izin-tps",
            [],
        ),
        # the service's own words are no extras; a plural names the service too
        ("legalisir 50rb per dokumen bu", "legalisir arsip brp bu?", "salinan-arsip", ["fee"]),
        (
            "Fire protection recommendations are open 24 hours at the main station.",
            None,
            None,
            ["hours"],
        ),
        # amounts beside variant names; a three-letter word of a service the question names
        (
            "kartu baru gratis, SKBP 10rb. jadi 10rb aja bu",
            "kartu anggota baru sama SKBP brp?",
            None,
            [],
        ),
        (
            "uji air minum 300rb, sedot wc 150rb. hasil lab paling lama 10 hari kerja ya",
            "uji air minum sm sedot wc brp?",
            None,
            [],
        ),
        # a deadline after an event is the citizen's
        (
            "Insurers usually require the animal rescue letter within 30 days of the fire.",
            None,
            "evakuasi",
            [],
        ),
    ],
)
def test_second_blind_set_wordings(
    answer: str, question: str | None, service_id: str | None, expected: list[str]
) -> None:
    result = TOWN_SERVICES.check(answer, service_id=service_id, question=question)
    assert sorted({v.field for v in result.violations}) == expected, result


@pytest.mark.parametrize(
    ("answer", "service_id", "expected"),
    [
        ("KTP kami layani jam 8-12 saja", "ktp-el", ["hours"]),
        ("Pelayanan KTP hanya pagi hari", "ktp-el", ["hours"]),
        ("Uji KIR hanya pagi hari", "uji-kir", []),  # 07.30-13.00 is a morning desk
        ("KTP on weekends as well", "ktp-el", ["hours"]),
        ("KK baru 3 hari kerja, tapi kalau ramai bisa seminggu.", "kartu-keluarga", ["duration"]),
        ("KTP gratis pak. Parkir motor 2rb, mobil 5rb.", "ktp-el", []),
        ("Pembayaran paspor lewat bank sampai jam 8 malam lewat mobile banking.", "paspor", []),
        ("Paspor bayar di bank 500rb ya pak", "paspor", ["fee"]),
    ],
)
def test_may_take_only_parts_of_the_day_and_other_channels(
    answer: str, service_id: str, expected: list[str]
) -> None:
    assert fields(answer, service_id) == expected


@pytest.mark.parametrize(
    ("answer", "service_id", "expected"),
    [
        ("office open mon-sat", "ktp-el", ["hours"]),
        ("office open mon-fri 8 until 3", "ktp-el", []),
        ("Friday we only open half day", "ktp-el", ["hours"]),
        ("passport fee is 350 thousand for regular, 650 for electronic", "paspor", []),
        ("passport fee is 350 thousand for regular, 750 for electronic", "paspor", ["fee"]),
        ("paspor biasa 350rb pak, mau 2 lantai atau 120 m2 sama aja", "paspor", []),
        (
            "birth certificate need 10 working days now because system down",
            "akta-kelahiran",
            ["duration"],
        ),
        ("friday we close at 11.00 sir, better come mon-thu before 3pm", "sip-nakes", []),
    ],
)
def test_english_abbreviations_list_magnitudes_and_day_spans(
    answer: str, service_id: str, expected: list[str]
) -> None:
    assert fields(answer, service_id) == expected


# ------------------------------------------- wordings blind sets 5 and 6 taught us (general forms)

PORT_AND_WATER = PromiseChecker(
    [
        ServiceStandard(
            "spb",
            "Surat Persetujuan Berlayar",
            ("SPB", "port clearance"),
            parse_promises({"fee": 25_000, "duration": "3 jam", "hours": "Setiap hari 24 jam"}),
        ),
        ServiceStandard(
            "pas-kecil",
            "Pas Kecil Kapal",
            ("pas kecil", "small vessel pass"),
            parse_promises(
                {"fee": 0, "duration": "3 hari kerja", "hours": "Senin-Jumat 08.00-15.00"}
            ),
        ),
        ServiceStandard(
            "sijil",
            "Penyijilan Awak Kapal",
            ("sign on", "sijil"),
            parse_promises(
                {"fee": 50_000, "duration": "1 jam", "hours": "Setiap hari 07.00-22.00"}
            ),
        ),
        ServiceStandard(
            "balik-nama",
            "Balik Nama Pelanggan",
            ("balik nama",),
            parse_promises(
                {
                    "fee": 50_000,
                    "duration": "3 hari kerja",
                    "hours": "Senin-Kamis 08.00-15.00, Jumat 08.00-11.00",
                }
            ),
        ),
        ServiceStandard(
            "laik",
            "Sertifikat Kelaikan Perahu",
            ("sertifikat laik", "sertifikat kelaikan"),
            parse_promises({"fee": 150_000, "duration": "10 hari kerja"}),
        ),
        ServiceStandard(
            "ugd",
            "Unit Gawat Darurat",
            ("UGD", "emergency unit"),
            parse_promises({"fee": 0, "duration": "5 menit", "hours": "Setiap hari 24 jam"}),
        ),
    ]
)


@pytest.mark.parametrize(
    ("answer", "question", "service_id", "expected"),
    [
        # the queue system's own times; a bank's own counter
        (
            "antrian online utk besok ditutup jam 20.00 kak, loketnya senin-kamis 8-3",
            None,
            "balik-nama",
            [],
        ),
        (
            "Pay at the bank's counter, open Monday to Friday 08.00-16.00; balik nama Monday-Thursday"
            " 08.00-15.00, Friday 08.00-11.00.",
            None,
            "balik-nama",
            [],
        ),
        # "malem", midnight, a round-the-clock desk never closes
        ("sampe jam 7 malem kak senin-kamis", None, "balik-nama", ["hours"]),
        ("sijil buka sampe tengah malam", None, "sijil", ["hours"]),
        ("UGD only open until midnight 12, after that go to the hospital", None, "ugd", ["hours"]),
        ("SPB terbit paling lama 3 jam dan dilayani setiap hari 24 jam.", None, "spb", []),
        # next working day, the day after; "urus besok pagi" is when to come
        ("The clearance is completed on the next working day.", None, "spb", ["duration"]),
        ("gak bisa pak, kantor tutup jam 3 sore. urus besok pagi", None, "pas-kecil", []),
        ("estimasi sebulan-an baru jadi", None, "pas-kecil", ["duration"]),
        # a citizen's own deadline anywhere before in the clause; "must wait" is waiting
        (
            "You must register the boat at the destination port within 3 months.",
            None,
            "pas-kecil",
            [],
        ),
        (
            "For pas kecil you must wait one week, the officer is out of town.",
            None,
            "pas-kecil",
            ["duration"],
        ),
        # a closing time keeps its day open; "gak bisa Sabtu" closes it
        ("Friday we close at 11 ya, better come Monday to Thursday.", None, "balik-nama", []),
        ("balik nama gak bisa Sabtu ya, Senin-Kamis 8-15, Jumat sampe 11", None, "balik-nama", []),
        # "gak kak, gratis" answers the question; a name in a requirements list is a requirement
        (
            "gak kak gratis, cuma siapin fotokopi sendiri ya",
            "pas kecil kena biaya gak kak?",
            "pas-kecil",
            [],
        ),
        (
            "Port clearance:\n**Documents:**\n- Small Vessel Pass\n- crew list\n\n**Fee:** IDR"
            " 25,000.\n**Processing time:** up to 3 hours.",
            None,
            None,
            [],
        ),
        # a distinctive word joined to the full name is the same service; a quoted rumour
        ("gratis pak utk perahu kecil", "sertifikat laik perahu 5 GT bayar?", None, ["fee"]),
        (
            "Siapa yg bilang sebulan bu, paling lama 3 hari kerja kok.",
            "bu katanya balik nama harus nunggu sebulan ya?",
            "balik-nama",
            [],
        ),
        # days with a long span state the hours even in an invitation
        (
            "Please visit us Monday to Friday from 08.00 to 15.00 for balik nama.",
            None,
            "balik-nama",
            ["hours"],
        ),
    ],
)
def test_blind_sets_five_and_six_wordings(
    answer: str, question: str | None, service_id: str | None, expected: list[str]
) -> None:
    result = PORT_AND_WATER.check(answer, service_id=service_id, question=question)
    assert sorted({v.field for v in result.violations}) == expected, result


@pytest.mark.parametrize(
    ("answer", "question", "service_id", "expected"),
    [
        # an emoji ends a chat sentence: "tutup" does not reach the days after it
        (
            "Sabtu tutup kak 🙏 Senin-Kamis jam 8 pagi-3 sore, Jumat sampe jam 11",
            None,
            "balik-nama",
            [],
        ),
        # decided / settled within; a banner's display time; valid from a date
        (
            "Balik nama diputus paling lama 12 bulan sejak berkas diterima.",
            None,
            "balik-nama",
            ["duration"],
        ),
        (
            "Balik nama diselesaikan dalam 14 hari kerja sejak permohonan diterima.",
            None,
            "balik-nama",
            ["duration"],
        ),
        ("Spanduk max dipasang 30 hari ya. Balik nama max 3 hari kerja", None, "balik-nama", []),
        ("Surat berlaku 3 bulan sejak 12/08/2026, balik nama sudah jadi", None, "balik-nama", []),
        # a quoted rumour, denied; a charge in parentheses after an extra
        (
            "Kata siapa balik nama harus bayar 100rb pak? Gak ada biaya tambahan, itu hoaks.",
            None,
            "balik-nama",
            [],
        ),
        (
            "Balik nama 50rb. Parkir di kantor pusat bayar sendiri ya (biasanya 5rb)",
            None,
            "balik-nama",
            [],
        ),
        # a list to bring is requirements; "Sabtu gak ada" closes the day; "aja" limits
        (
            "For pas kecil bring the form and your sijil book, done within 3 working days.",
            None,
            None,
            [],
        ),
        ("Balik nama hari Sabtu gak ada kak", None, "balik-nama", []),
        ("Pas kecil hari Jumat gak ada kak", None, "pas-kecil", ["hours"]),
        ("Pas kecil Senin-Kamis aja ya pak", None, "pas-kecil", ["hours"]),
        # "baru bisa ... 2 jam lagi", on standby round the clock
        ("SPB baru bisa jalan 2 jam lagi pak, petugas lagi di kapal lain", None, "spb", []),
        ("UGD baru bisa menangani 2 jam lagi", None, "ugd", ["duration"]),
        ("UGD siaga 24 jam dan menangani paling lama 5 menit", None, "ugd", []),
    ],
)
def test_blind_set_three_wordings(
    answer: str, question: str | None, service_id: str | None, expected: list[str]
) -> None:
    result = PORT_AND_WATER.check(answer, service_id=service_id, question=question)
    assert sorted({v.field for v in result.violations}) == expected, result


@pytest.mark.parametrize(
    ("answer", "question", "service_id", "expected"),
    [
        # regional chat: Javanese days, "nganti", "mung ... thok", "dalu", Betawi "kagak"
        ("Setu mung nganti jam 10 mbak, monggo teko esuk wae.", None, "balik-nama", ["hours"]),
        ("Sijil mung jam 7-8 dalu thok nggih.", None, "sijil", ["hours"]),
        ("Kagak ada biaya ngambil bang, gratis.", None, "pas-kecil", []),
        ("Balik nama dikonfirmasi rong minggu malih mas.", None, "balik-nama", ["duration"]),
        # handed over, followed up: completion; served time is an activity
        ("Pas kecil diserahkan paling lambat 3x24 jam setelah diterima.", None, "pas-kecil", []),
        (
            "Pas kecil ditindaklanjuti dalam 30 hari kerja sejak diterima.",
            None,
            "pas-kecil",
            ["duration"],
        ),
        # a fine before a parenthesis; an agency's price; "di luar kami"
        (
            "the fine is set by the judge, u pay it at BRI (Rp 250.000 for ur case). balik nama"
            " 50rb",
            None,
            "balik-nama",
            [],
        ),
        (
            "Kalo lewat biro jasa emang 300rb-an kak. Di sini pas kecil gratis.",
            None,
            "pas-kecil",
            [],
        ),
        ("Akta notaris di luar kami, biasanya 2-3 juta. Pas kecil gratis.", None, "pas-kecil", []),
        # a payment per package for the service is a fee; "Gak ada bayar 10rb" denies it
        (
            "Pas kecil gratis, tapi bayar 15rb per bungkus di loket 3 ya.",
            None,
            "pas-kecil",
            ["fee"],
        ),
        ("Gak ada bayar 10rb kak, pas kecil gratis.", None, "pas-kecil", []),
        # days written before the time; arriving early is no duration
        (
            "Balik nama is held Monday to Thursday, 08.00-15.00, and on Friday, 08.00-11.00. Arrive"
            " 30 minutes early.",
            None,
            "balik-nama",
            [],
        ),
        # an aside in parentheses names its own service; a list to bring crosses a closed aside
        (
            "Siapkan KTP (asli), surat kuasa, dan buku sijil. Balik nama selesai 3 hari kerja.",
            None,
            None,
            [],
        ),
    ],
)
def test_regional_chat_and_asides(
    answer: str, question: str | None, service_id: str | None, expected: list[str]
) -> None:
    result = PORT_AND_WATER.check(answer, service_id=service_id, question=question)
    assert sorted({v.field for v in result.violations}) == expected, result


@pytest.mark.parametrize(
    ("answer", "question", "service_id", "expected"),
    [
        # "tutup jam berapa?": the first time of the answer is the closing time
        (
            "jam 12 siang bu, abis itu petugasnya ke lapangan",
            "balik nama tutup jam brp?",
            None,
            ["hours"],
        ),
        ("jam 3 sore bu", "balik nama tutup jam brp?", None, []),
        # "jam 1 udah tutup": closed by then; "datang sebelum jam 1.30" is advice
        ("sabtu cuma sampe jam 11 pak, jam 1 udah tutup. dateng jam 8 aja", None, "spb", ["hours"]),
        (
            "senin-kamis sampai jam 3 pas kak, mending dateng sebelum jam 1.30",
            "balik nama masih buka jam 2 siang senin?",
            "balik-nama",
            [],
        ),
        # Sundanese and Minang chat
        ("Saptu mah pere Kang, buka Senen-Jumaah wungkul", None, "sijil", ["hours"]),
        ("Paliang lamo 2 minggu Pak, harus survei dulu", None, "balik-nama", ["duration"]),
        (
            "Biasonyo duo bulan Pak, kadang labiah",
            "balik nama ko bara lamo?",
            "balik-nama",
            ["duration"],
        ),
        ("Data mah 3 dinten kerja, pas kecil mah sasasih", None, None, ["duration"]),
        # not available on a day; a post office's or another agency's hours; a private lab
        (
            "Mohon maaf, balik nama tidak tersedia pada hari Sabtu dan Minggu.",
            None,
            "balik-nama",
            [],
        ),
        (
            "bisa bu, Kantor Pos buka sampe Sabtu jam 12 kok. balik nama Senin-Kamis jam 8-3",
            None,
            "balik-nama",
            [],
        ),
        (
            "The private lab on Jl. Magelang takes 3 days. Our pas kecil is ready in 2 working days.",
            None,
            "pas-kecil",
            [],
        ),
        # a given service keeps a claim whose sentence names another service only later
        (
            "Paling lama 2 minggu Mang, engke dikabaran ku sijil di desa",
            None,
            "balik-nama",
            ["duration"],
        ),
        # "report" names a service; a levy warning needs a cue
        (
            "Lost item reports at the terminal require an administration fee of IDR 10,000.",
            None,
            "pas-kecil",
            ["fee"],
        ),
    ],
)
def test_blind_set_eight_wordings(
    answer: str, question: str | None, service_id: str | None, expected: list[str]
) -> None:
    result = PORT_AND_WATER.check(answer, service_id=service_id, question=question)
    assert sorted({v.field for v in result.violations}) == expected, result


def test_english_cognates_name_indonesian_services() -> None:
    checker = PromiseChecker(
        [
            ServiceStandard(
                "inspeksi",
                "Inspeksi Hidran",
                ("cek hidran",),
                parse_promises({"fee": 0, "duration": "2 hari kerja"}),
            ),
            ServiceStandard(
                "vaksin",
                "Vaksinasi Rabies",
                ("vaksin rabies",),
                parse_promises({"fee": 0, "duration": "1 hari"}),
            ),
        ]
    )
    # no service given, no name written: the English word is the Indonesian one spelt otherwise
    assert checker.check("The inspection costs IDR 100,000.").violations[0].service_id == (
        "inspeksi"
    )
    assert checker.check("The vaccination is free of charge.").ok
    assert checker.check("Vaccination takes two weeks.").violations[0].service_id == "vaksin"
    # Indonesian words sharing a prefix are no cognates
    assert checker.check("Penyelesaian 3 minggu.").ok


@pytest.mark.parametrize(
    ("answer", "service_id", "expected"),
    [
        # "lewat" as "via" does not make a condition when a completion verb follows
        (
            "Pertanyaan lewat WA dibales 3-5 hari kerja kak, antri soalnya.",
            "balik-nama",
            ["duration"],
        ),
        # a denied day is closed; the weekday span then leaves out a promised Saturday
        ("sorry, sijil is only on weekdays, no saturday.", "sijil", ["hours"]),
        ("sorry, pas kecil is only on weekdays, no saturday.", "pas-kecil", []),
    ],
)
def test_via_and_denied_days(answer: str, service_id: str, expected: list[str]) -> None:
    result = PORT_AND_WATER.check(answer, service_id=service_id)
    assert sorted({v.field for v in result.violations}) == expected, result


@pytest.mark.parametrize(
    ("answer", "question", "service_id", "expected"),
    [
        # English number words with a point, hyphenated tens
        ("The fee is three point one million rupiah for balik nama.", None, "balik-nama", ["fee"]),
        ("Balik nama is fifty thousand rupiah.", None, "balik-nama", []),
        ("Sijil is forty-five thousand rupiah.", None, "sijil", ["fee"]),
        ("Sijil is fifty thousand rupiah.", None, "sijil", []),
        # overstay fines; a condition clause; "at least N days after"
        (
            "Pas kecil gratis. Overstay is charged IDR 1,000,000 per day as set by regulation.",
            None,
            "pas-kecil",
            [],
        ),
        (
            "Pas kecil 3 hari kerja, dan wajib lapor bila pindah alamat paling lambat 14 hari.",
            None,
            "pas-kecil",
            [],
        ),
        (
            "Pas kecil paling lama 3 hari kerja, minimal 60 hari setelah kapal dibeli.",
            None,
            "pas-kecil",
            [],
        ),
        # a service as the place to go beside the one asked about; a service's own channel
        ("Datang ke sijil Senin-Jumat pukul 08.00-15.00 untuk pas kecil.", None, "pas-kecil", []),
        ("Hotline UGD cuma sampe jam 9 malem kak", None, "ugd", []),  # a hotline's own hours
        # another party after the amount, unless it is bundled in
        (
            "Bukan bayar pak, pas kecil gratis. Yg 500rb itu biaya uji dari lab swasta.",
            None,
            "pas-kecil",
            [],
        ),
        ("Pas kecil bayar 500rb pak sudah sama notaris.", None, "pas-kecil", ["fee"]),
        # not on duty
        ("Pada hari Sabtu dan Minggu petugas sijil tidak bertugas.", None, "sijil", ["hours"]),
    ],
)
def test_blind_set_nine_wordings(
    answer: str, question: str | None, service_id: str | None, expected: list[str]
) -> None:
    result = PORT_AND_WATER.check(answer, service_id=service_id, question=question)
    assert sorted({v.field for v in result.violations}) == expected, result


def test_a_service_that_is_a_hotline_keeps_its_hours() -> None:
    checker = PromiseChecker(
        [
            ServiceStandard(
                "darurat",
                "Hotline Darurat Hewan",
                ("hotline darurat",),
                parse_promises({"fee": 0, "hours": "Setiap hari 24 jam"}),
            )
        ]
    )
    result = checker.check("Hotline darurat cuma sampe jam 9 malem kak", service_id="darurat")
    assert [v.field for v in result.violations] == ["hours"]


def test_names_bookings_and_emoji() -> None:
    checker = PromiseChecker(
        [
            ServiceStandard(
                "malam",
                "Pelayanan Malam Kamis",
                ("pelayanan malam", "layanan malam kamis"),
                parse_promises({"fee": 0, "duration": "2 hari kerja", "hours": "Rabu 18.30-21.00"}),
            ),
            ServiceStandard(
                "futsal",
                "Sewa Lapangan Futsal",
                ("sewa futsal", "futsal"),
                parse_promises({"fee": {"per_jam": 150_000}, "hours": "Setiap hari 07.00-22.00"}),
            ),
        ]
    )
    # the words of a service's name are no day or time of day
    assert checker.check(
        "Pelayanan Malam Kamis setiap Rabu 18.30-21.00, gratis.", service_id="malam"
    ).ok
    # a booked slot inside the hours is an appointment
    assert checker.check(
        "your futsal booking 19.00-21.00 (2 hrs) is confirmed ✅ total 300k", service_id="futsal"
    ).ok
    # "Minggu bisa" at the start of a reply is Sunday
    assert not checker.check("Minggu bisa pak jam 8-12", service_id="malam").ok
    # "ready within 24 hours" is a time span, not round-the-clock opening
    assert [
        v.field
        for v in checker.check(
            "closed on Sunday, ready within 24 hours", service_id="malam"
        ).violations
    ] == []


def test_totals_of_counted_prices() -> None:
    checker = PromiseChecker(
        [
            ServiceStandard(
                "kolam",
                "Kolam Renang Umum",
                ("kolam renang",),
                parse_promises({"fee": {"dewasa": 15_000, "anak": 10_000}}),
            ),
            ServiceStandard(
                "badminton",
                "Sewa Lapangan Badminton",
                ("badminton",),
                parse_promises({"fee": {"per_jam": 60_000}}),
            ),
        ]
    )
    # 2 x 15.000 + 3 x 10.000, a total of the counted prices
    assert checker.check(
        "Kolam renang: 2 dewasa dan 3 anak, jadi total Rp 60.000.", service_id="kolam"
    ).ok
    # hours priced right before the amount
    assert checker.check("badminton 2 jam 120rb", service_id="badminton").ok
    # without a total word, a wrong amount stays wrong
    assert not checker.check("Kolam renang 2 dewasa Rp 45.000.", service_id="kolam").ok


def test_weekly_days_pm_ranges_and_malay_free() -> None:
    checker = PromiseChecker(
        [
            ServiceStandard(
                "malam",
                "Pelayanan Malam",
                ("pelayanan malam",),
                parse_promises({"fee": 0, "hours": "Rabu 18.30-21.00"}),
            ),
            ServiceStandard(
                "tera",
                "Tera Timbangan",
                ("tera timbangan",),
                parse_promises({"fee": 75_000}),
            ),
        ]
    )
    # "setiap hari Rabu" is every Wednesday; "6:30-9pm" is an evening range
    assert checker.check(
        "Pelayanan malam setiap hari Rabu pukul 18.30-21.00, gratis.", service_id="malam"
    ).ok
    assert checker.check("every Wednesday 6:30-9pm sir, free of charge", service_id="malam").ok
    assert not checker.check("every Wednesday 5:30-9pm sir", service_id="malam").ok
    # Malay "percuma je" is free
    assert not checker.check(
        "Tak payah bayar cik, tera timbangan percuma je.", service_id="tera"
    ).ok


def test_a_balance_is_no_fee() -> None:
    checker = PromiseChecker(
        [
            ServiceStandard(
                "sisa-panjar",
                "Pengembalian Sisa Panjar",
                ("sisa panjar",),
                parse_promises({"fee": 0, "duration": "7 hari kerja"}),
            )
        ]
    )
    assert checker.check(
        "sisa panjar ibu 175.500 bu. Ambilnya gratis, max 7 hari kerja", service_id="sisa-panjar"
    ).ok
    assert not checker.check("sisa panjar ambilnya bayar 20rb bu", service_id="sisa-panjar").ok


def test_event_words_in_a_name_and_slang_visits() -> None:
    checker = PromiseChecker(
        [
            ServiceStandard(
                "kegiatan",
                "Surat Pemberitahuan Kegiatan",
                ("pemberitahuan kegiatan",),
                parse_promises({"fee": 0, "hours": "Senin-Kamis 08.00-15.30, Jumat 08.00-11.00"}),
            )
        ]
    )
    # "kegiatan" in the name is no event whose time it is
    result = checker.check(
        "pemberitahuan kegiatan cuma dilayani jam 8-12 bu", service_id="kegiatan"
    )
    assert [v.field for v in result.violations] == ["hours"]
    # "dtg jam 5 sore": a visit after closing
    assert not checker.check("dtg aja jam 5 sore bu, lebih sepi", service_id="kegiatan").ok
    assert checker.check("dtg aja jam 9 pagi bu", service_id="kegiatan").ok


def test_the_day_asked_about_scopes_a_bare_time() -> None:
    # "Jumat ... tutup jam berapa?" - "jam 3": the Friday closing time (11.00 promised)
    assert fields("jam 3 bu", None, "SIP Jumat tutup jam brp?") == ["hours"]
    assert fields("jam 11 bu", None, "SIP Jumat tutup jam brp?") == []
    assert fields("jam 3 bu", None, "SIP Kamis tutup jam brp?") == []


# ------------------------------------------------- blind sets 12 and 13: general causes


def _standard(
    service_id: str, name: str, aliases: tuple[str, ...], promises: dict
) -> ServiceStandard:  # type: ignore[type-arg]
    return ServiceStandard(service_id, name, aliases, parse_promises(promises))


def test_a_number_in_parentheses_names_no_service() -> None:
    checker = PromiseChecker(
        [
            _standard("kp", "Kartu Peserta (KP/2)", ("kartu peserta",), {"fee": 0}),
            _standard(
                "legal",
                "Legalisir Akta",
                ("legalisir",),
                {"fee": 0, "hours": "Senin-Kamis 08.00-15.00, Jumat 08.00-11.00"},
            ),
            _standard("makam", "Izin Makam (3 tahun)", ("izin makam",), {"fee": 100_000}),
        ]
    )
    # "jam 2" is no mention of "KP/2": the question stays about legalisir
    result = checker.check(
        "bisa bu, jumat buka sampai jam 4", question="legalisir bisa jumat jam 2 siang?"
    )
    assert [(v.service_id, v.field) for v in result.violations] == [("legal", "hours")]
    # "3 tahun" is how long the lease runs, not the name of the permit
    assert checker.check("legalisir gratis bu, berlaku 3 tahun", service_id="legal").ok


def test_repair_and_verification_times_and_delay_questions() -> None:
    checker = PromiseChecker(
        [
            _standard("lampu", "Pengaduan Lampu Taman", ("lampu taman",), {"duration": "3x24 jam"}),
            _standard(
                "lapor", "Laporan Usaha Online", ("laporan usaha",), {"duration": "5 hari kerja"}
            ),
        ]
    )
    assert fields_of(checker, "lampunya diperbaiki sebulan lagi pak", "lampu") == ["duration"]
    assert fields_of(checker, "lampunya diperbaiki besok pagi pak", "lampu") == []
    # a question about a delay asks how long it takes
    assert fields_of(
        checker, "verifikasinya 10 hari kerja bu", None, "laporan usaha kok belum keluar?"
    ) == ["duration"]
    assert (
        fields_of(checker, "verifikasinya 3 hari kerja bu", None, "laporan usaha kok belum keluar?")
        == []
    )


def test_a_total_of_amounts_stated_before() -> None:
    checker = PromiseChecker(
        [
            _standard("tenda", "Sewa Tenda", ("tenda",), {"fee": 200_000}),
            _standard("kursi", "Sewa Kursi", ("kursi",), {"fee": 50_000}),
        ]
    )
    assert checker.check(
        "Tenda 200rb, kursi 50rb. Jadi total 250rb ya pak", question="tenda sama kursi brp?"
    ).ok
    assert not checker.check("Tenda 300rb, kursi 50rb ya pak", question="tenda sama kursi brp?").ok


def test_extras_named_around_an_amount() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "izin",
                "Izin Usaha Perdagangan",
                ("izin dagang",),
                {"fee": 0, "duration": "3 hari kerja"},
            ),
            _standard(
                "aula", "Sewa Aula", ("aula",), {"fee": 2_000_000, "duration": "2 hari kerja"}
            ),
        ]
    )
    # the citizen's own business after "buat" is no other premise
    assert fields_of(checker, "buat warung 100rb bu", "izin") == ["fee"]
    assert fields_of(checker, "kopi di warung depan 5rb bu", "izin") == []
    # a duty stamp glossed in parentheses, a deposit named after its amount
    assert checker.check("A duty stamp (meterai) of IDR 10,000 is required.", service_id="izin").ok
    assert checker.check(
        "aula 2 juta, plus 500rb deposit yg nanti dikembalikan", service_id="aula"
    ).ok
    # the term an amount buys, a deposit measured in months of rent
    assert checker.check(
        "Rp 2.000.000 untuk 2 hari acara, jaminan 1 bulan sewa", service_id="aula"
    ).ok
    assert checker.check("IDR 2,000,000 for another 3 days", service_id="aula").ok
    assert fields_of(checker, "konfirmasi aula 2 minggu pak", "aula") == ["duration"]


def fields_of(
    checker: PromiseChecker, answer: str, service_id: str | None, question: str | None = None
) -> list[str]:
    result = checker.check(answer, service_id=service_id, question=question)
    return sorted({v.field for v in result.violations})


# ------------------------------------------------- blind sets 15 and 16: general causes


def test_a_claim_about_both_services_is_checked_against_each() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "izin-a",
                "Izin Praktik Psikolog",
                ("izin psikolog",),
                {"hours": "Senin-Jumat 08.00-14.00"},
            ),
            _standard(
                "izin-b",
                "Izin Usaha Klinik",
                ("izin klinik",),
                {"hours": "Senin-Sabtu 08.00-12.00"},
            ),
        ]
    )
    question = "izin psikolog sama izin klinik bisa hari sabtu?"
    assert fields_of(checker, "bisa pak, dua2nya buka sabtu jam 8-12", None, question) == ["hours"]
    assert fields_of(checker, "both desks are open on Saturday 8-12", None, question) == ["hours"]
    assert fields_of(checker, "izin klinik buka sabtu jam 8-12 pak", None, question) == []


def test_counter_numbers_and_copies_multiply_no_fee() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "leg", "Legalisir Akta", ("legalisir",), {"fee": 20_000, "duration": "1 hari kerja"}
            )
        ]
    )
    # 60rb is no "3 x 20rb" because of "loket 3", nor 40rb "2 x" because of two photocopies
    assert fields_of(checker, "legalisir 60rb bu, bayar di loket 3", "leg") == ["fee"]
    assert fields_of(checker, "legalisir 40rb, bawa fotokopi akta 2 lembar", "leg") == ["fee"]
    # a count of the service itself still multiplies
    assert fields_of(checker, "legalisir 2 lembar jadi 40rb bu", "leg") == []


def test_currency_between_two_numbers_and_included_periods() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "pasang",
                "Pasang Baru Listrik Desa",
                ("pasang baru",),
                {"fee": {"R1": 900_000, "R2": 1_400_000}, "hours": "Setiap hari 24 jam"},
            )
        ]
    )
    # "R1 IDR 900,000": the currency opens the next amount, it is no "1 IDR"
    assert checker.check("R1 IDR 900,000, R2 IDR 1.4 million", service_id="pasang").ok
    # included night hours are open hours
    assert checker.check(
        "Layanan buka 24 jam setiap hari, termasuk malam hari dan hari libur.", service_id="pasang"
    ).ok


def test_a_trade_named_as_the_purpose_and_closed_by_a_time() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "cek",
                "Pengecekan Dokumen Kendaraan",
                ("cek dokumen",),
                {"fee": 30_000, "hours": "Senin-Jumat 08.00-15.00"},
            )
        ]
    )
    answer = "Biaya cek dokumen untuk keperluan jual beli kendaraan adalah Rp45.000 per dokumen."
    assert fields_of(checker, answer, "cek") == ["fee"]
    # "jam 12 udah tutup": closed by noon, narrower than 15.00; "jam 4 sore udah tutup" is true
    assert fields_of(checker, "jam 12 udah tutup pak, besok pagi aja", "cek") == ["hours"]
    assert fields_of(checker, "jam 4 sore udah tutup pak", "cek") == []


# ------------------------------------------------- blind sets 17 and 18: general causes


def test_ranges_with_a_polite_word_or_bare_hours() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "kir", "Uji Emisi Kendaraan", ("uji emisi",), {"hours": "Senin-Sabtu 08.00-14.00"}
            )
        ]
    )
    question = "uji emisi jam brp bukanya?"
    # "jam 10 pak sampai jam 2": a range with a polite word inside (opens later than 08.00)
    assert fields_of(checker, "jam 10 pak sampai jam 2 siang", None, question) == ["hours"]
    assert fields_of(checker, "jam 8 pak sampai jam 2 siang", None, question) == []
    # bare hours in a clause about opening hours; but a unit number or a date span is no time
    assert fields_of(checker, "Monday only 10 till 12, sir", "kir") == ["hours"]
    assert checker.check(
        "Ruang uji di unit 3-17, buka Senin-Sabtu 08.00-14.00", service_id="kir"
    ).ok
    assert checker.check(
        "Pendaftaran dibuka 2-12 Juni, Senin-Sabtu 08.00-14.00", service_id="kir"
    ).ok


def test_times_that_are_no_completion_time() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "tiket",
                "Tiket Kapal Cepat",
                ("tiket kapal",),
                {"fee": 40_000, "duration": "15 menit"},
            ),
            _standard(
                "titip",
                "Penitipan Barang",
                ("titip barang",),
                {"fee": 15_000, "duration": "10 menit"},
            ),
            _standard(
                "pindah", "Pindah Klinik", ("pindah klinik",), {"fee": 0, "duration": "1x24 jam"}
            ),
            _standard(
                "kontrak", "Kontrak Sewa Kios", ("sewa kios",), {"duration": "14 hari kerja"}
            ),
        ]
    )
    assert checker.check("The crossing itself takes about 90 minutes.", service_id="tiket").ok
    assert checker.check(
        "A bag costs IDR 15,000 per day, so 3 days would be IDR 45,000 in total.",
        service_id="titip",
    ).ok
    assert checker.check(
        "minimal 3 bulan dulu di klinik lama ya kak, prosesnya 1x24 jam", service_id="pindah"
    ).ok
    assert fields_of(checker, "pindahnya bisa 3 bulan kak", "pindah") == ["duration"]
    # working days count a process even after "kontrak"
    assert fields_of(checker, "kontrak sewa emang 30 hari kerja prosesnya", "kontrak") == [
        "duration"
    ]
    # "half an hour" is thirty minutes
    assert fields_of(checker, "ticket issuing takes about half an hour", "tiket") == ["duration"]
    assert checker.check("issuing takes a quarter of an hour at most", service_id="tiket").ok


def test_photo_sizes_and_copies_in_words_multiply_no_fee() -> None:
    checker = PromiseChecker(
        [_standard("setara", "Penyetaraan Ijazah", ("penyetaraan",), {"fee": 25_000})]
    )
    answer = "Biaya penyetaraan Rp50.000. Lampirkan pas foto 3x4 dua lembar."
    assert fields_of(checker, answer, "setara") == ["fee"]


def test_a_rate_in_parentheses_names_no_service() -> None:
    checker = PromiseChecker(
        [
            _standard("fisio", "Fisioterapi (per sesi)", ("fisioterapi",), {"fee": 120_000}),
            _standard("hd", "Hemodialisa (Cuci Darah)", ("cuci darah",), {"fee": 950_000}),
        ]
    )
    # "per sesi" is how the physiotherapy fee is counted, not a name of physiotherapy
    assert checker.check("Hemodialisa Rp 950.000 per sesi.", service_id="hd").ok
    assert checker.check("Cuci darah Rp 950.000 per sesi, fisioterapi Rp 120.000 per sesi.").ok


def test_verdicts_do_not_depend_on_the_hash_seed() -> None:
    """A distinctive word two services share ("... madrasah") once picked a service from a set,
    so the verdict changed with PYTHONHASHSEED; now the caller or the question must settle it."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    script = (
        "import json; from pathlib import Path;"
        "from tests.guardrails.guardrail_eval import load_records, standards_from_records;"
        "from guardrails import PromiseChecker;"
        "r = load_records(Path('eval/guardrail_blind13.jsonl'))[57];"
        "c = PromiseChecker(standards_from_records(r['standards']));"
        "print(json.dumps(c.check(r['answer'], service_id=r['service_id'],"
        " question=r['question']).to_dict()))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(outputs) == 1, outputs


# ------------------------------------------------- blind sets 19 and 20: general causes


def _hall_and_cards() -> PromiseChecker:
    return PromiseChecker(
        [
            _standard(
                "gedung",
                "Sewa Gedung Serbaguna (per hari)",
                ("sewa gedung", "gedung serbaguna", "hall rental"),
                {
                    "fee": {"ruang reguler": 400_000, "ruang VIP": 900_000},
                    "duration": "3 hari kerja",
                    "hours": "Senin-Jumat 08.00-16.00, Sabtu 08.00-12.00",
                },
            ),
            _standard(
                "kartu",
                "Kartu Pemustaka",
                ("kartu pemustaka", "member card"),
                {
                    "fee": {"pelajar": 0, "umum": 15_000, "ganti kartu rusak": 30_000},
                    "duration": "30 menit",
                    "hours": "Senin-Jumat 08.00-19.00",
                },
            ),
            _standard(
                "sampah",
                "Angkut Sampah Mandiri",
                ("angkut sampah",),
                {"fee": 0, "duration": "1x24 jam", "hours": "Setiap hari 24 jam"},
            ),
        ]
    )


def test_a_variant_named_by_a_value_word_and_rates_with_a_separate_subject() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "stan",
                "Sewa Stan Bazar (per hari)",
                ("sewa stan",),
                {"fee": {"stan reguler": 200_000, "stan premium": 500_000}},
            )
        ]
    )
    # "premium" names the variant here, it is no insurance premium
    assert fields_of(checker, "Premium 700rb per hari kak", None, "sewa stan premium brp?") == [
        "fee"
    ]
    assert checker.check("Premium 500rb per hari kak", question="sewa stan premium brp?").ok
    # ", listrik dan air terpisah": the utilities are separate, the rent is the stall's
    assert fields_of(checker, "Regular stall is IDR 260k a day, power and water separate", "stan")
    assert checker.check("Listrik Rp 50.000, dibayar terpisah ya", service_id="stan").ok


def test_counts_of_what_is_left_or_included_and_times_multiply_no_fee() -> None:
    checker = _hall_and_cards()
    # 2 rooms left x 400rb would be 800rb: availability is no multiplier
    assert fields_of(checker, "reguler tinggal 2 kamar pak, sewanya 800rb sehari", "gedung")
    # "including two tables": what comes with it
    assert fields_of(
        checker,
        "The VIP room rents for IDR 1,800,000 a day, including two sound systems.",
        "gedung",
    )
    # "jam 2" is a time of day, 2 x 400rb is no stated total
    assert fields_of(checker, "Bisa kak sampe jam 2, VIP 800rb/hari.", "gedung") == ["fee"]


def test_a_rate_asked_by_the_question_and_dates_and_frequencies() -> None:
    checker = _hall_and_cards()
    # "brp selembar?" asks a price: "20000 per hari" is one
    assert fields_of(checker, "20000 per hari pak", "gedung", "gedung reguler brp sehari?") == [
        "fee"
    ]
    # "paling lambat tanggal 15 bulan depan" is a date, "2 kali seminggu" a frequency
    assert checker.check(
        "Kartu jadi 30 menit. Perpanjangan paling lambat tanggal 15 bulan depan.",
        service_id="kartu",
    ).ok
    assert checker.check("Sampah diangkut 2 kali seminggu, gratis.", service_id="sampah").ok


def test_closing_after_the_time_weekdays_and_booked_slots() -> None:
    checker = _hall_and_cards()
    # "abis itu tutup": closed after the time just given, not on the day
    assert checker.check("sabtu 8 sampe 12 pak, abis itu tutup", service_id="gedung").ok
    # "hari biasa" are the weekdays
    assert checker.check(
        "Sabtu cuma sampe jam 12. Hari biasa sampe jam 4 sore.", service_id="gedung"
    ).ok
    assert fields_of(checker, "Sabtu sampe jam 12. Hari biasa sampe jam 6 sore.", "gedung") == [
        "hours"
    ]
    # "sudah dicatat 14/10 jam 09.00-11.00": a booked slot inside the hours
    assert checker.check("siap bu, sudah dicatat 14/10 jam 09.00-11.00", service_id="gedung").ok
    # the last shift starting at 4 is no opening time
    assert checker.check("tutup jam 4 sore, shift terakhir mulai jam 3", service_id="gedung").ok
    # "jam brp ... tutup?": the first time answers the closing time
    assert fields_of(checker, "jam 2 siang bu", "gedung", "jam brp gedung tutup?") == ["hours"]


def test_a_deposit_refunded_after_a_gloss() -> None:
    checker = _hall_and_cards()
    answer = "iya balik bu, 800rb (2 hari sewa reguler) dikembalikan setelah acara"
    assert checker.check(answer, service_id="gedung").ok
    assert fields_of(checker, "sewanya 800rb (reguler) per hari", "gedung") == ["fee"]


def test_the_variant_the_question_asks_and_free_for_everyone() -> None:
    checker = _hall_and_cards()
    question = "kartu saya rusak, gantinya bayar?"
    assert fields_of(checker, "gratis kak", "kartu", question) == ["fee"]
    assert fields_of(checker, "15rb kak", "kartu", question) == ["fee"]
    assert checker.check("30rb kak", service_id="kartu", question=question).ok
    # the answer names the variants itself
    assert checker.check(
        "kartu baru gratis utk pelajar, kalo rusak 30rb", service_id="kartu", question=question
    ).ok
    # a question that denies a variant asks none
    assert checker.check("gratis kak", service_id="kartu", question="bukan pelajar, brp?").ok
    # "free for everyone" where only students are free
    assert fields_of(checker, "it's free for everyone, just bring your ID", "kartu") == ["fee"]
    assert checker.check("gratis kak, bawa KTP aja", service_id="kartu").ok
    # "with a member card" is a condition, not the service the claim is about
    assert fields_of(checker, "yes, the hall is free with a member card", "gedung") == ["fee"]


def test_dates_sums_and_between_ranges() -> None:
    checker = _hall_and_cards()
    # "tgl 24 jam 10.00" is a visit on the 24th, not "24 jam"; "tgl 16 pagi" no time of day
    assert checker.check("iya bu, petugas datang tgl 24 jam 10.00", service_id="gedung").ok
    assert checker.check("gedung diambil lagi tgl 16 pagi ya pak", service_id="gedung").ok
    # "3 bulan x 15rb": a count of months in a sum
    assert checker.check("tunggakan 3 bulan x 15rb = 45rb", service_id="kartu").ok
    # "between 9 and 12 on weekdays": narrower than 08.00-16.00
    assert fields_of(checker, "anytime between 9 and 12 on weekdays", "gedung") == ["hours"]
    assert checker.check("anytime between 8 and 4 on weekdays", service_id="gedung").ok
    # a delivery window on a date
    assert checker.check(
        "Truk dijadwalkan tiba Rabu 20/05/2026, antara pukul 09.00 dan 11.00.", service_id="gedung"
    ).ok
    # "jam 8-4 hari kerja": the 4 ends a time range, "hari kerja" are the days
    assert checker.check("bisa diambil di loket 2, jam 8-4 hari kerja", service_id="gedung").ok


def test_what_a_process_takes_before_and_someone_elses_fee() -> None:
    checker = _hall_and_cards()
    # "take 2 weeks before the team can come": the completion time
    assert fields_of(checker, "pickups usually take 2 weeks before the truck comes", "sampah") == [
        "duration"
    ]
    assert checker.check(
        "please put the bags out 30 minutes before the truck", service_id="sampah"
    ).ok
    # "itu bukan biaya kami": the amount before is another party's, no free claim
    assert checker.check(
        "Fotokopi di depan 500 per lembar, itu bukan biaya kami. Kartu umum 15rb.",
        service_id="kartu",
    ).ok
    assert fields_of(checker, "kartu umum bukan biaya, gratis kak", "kartu") == ["fee"]


# ------------------------------------------------- blind sets 21 to 24: general causes


def _farm_and_lab() -> PromiseChecker:
    return PromiseChecker(
        [
            _standard(
                "sewa",
                "Sewa Mesin Perontok Padi",
                ("sewa perontok", "thresher rental", "power thresher"),
                {"fee": {"perontok kecil": 100_000, "perontok besar": 300_000}},
            ),
            _standard(
                "daftar",
                "Pendaftaran Kelompok Nelayan",
                ("daftar kelompok nelayan", "fisher group"),
                {"fee": 0, "duration": "14 hari"},
            ),
            _standard(
                "latih",
                "Pelatihan Pengolahan Ikan (per peserta)",
                ("pelatihan olahan ikan",),
                {"fee": 200_000, "duration": "10 hari kerja"},
            ),
            _standard(
                "besuk",
                "Kunjungan Pasien",
                ("jam besuk",),
                {"fee": 0, "hours": "Setiap hari 10.00-12.00 dan 16.00-18.00"},
            ),
            _standard(
                "ujian",
                "Ujian Kesetaraan (Paket A/B/C)",
                ("ujian paket",),
                {"fee": 0, "hours": "Senin-Jumat 08.00-15.00"},
            ),
            _standard(
                "legal",
                "Legalisir Ijazah",
                ("legalisir ijazah", "diploma legalisation"),
                {"fee": 0, "hours": "Senin-Kamis 08.00-14.00, Jumat 08.00-11.00"},
            ),
            _standard(
                "lapangan",
                "Sewa Lapangan Tenis",
                ("sewa lapangan tenis", "tennis court"),
                {"fee": 80_000, "duration": "1x24 jam", "hours": "Setiap hari 06.00-22.00"},
            ),
        ]
    )


def test_both_lists_and_the_words_of_an_asked_service() -> None:
    checker = _farm_and_lab()
    # "both with operator" speaks of two machines, not of the service named in another sentence
    answer = "power thresher is 100k/day, the big one 300k/day, both with operator. ask your fisher group leader"
    assert checker.check(answer, question="how much is a power thresher per day?").ok
    # a "bring" list ends where a new clause starts
    answer = "Bring 2 copies to room 105 🙂 once registered you can rent a power thresher, 100k/day"
    assert checker.check(answer, question="what do we need to register a fisher group?").ok
    # "Pelatihan" names the training the question asked about, beside another service
    answer = "Bisa bu. Pelatihan 200rb per org, sewa perontok kecil 100rb/hari."
    assert checker.check(answer, question="mau pelatihan olahan ikan sekalian sewa perontok").ok


def test_prices_of_other_parties_and_letters_of_a_list() -> None:
    checker = _farm_and_lab()
    for answer in (
        "Pelatihan 200rb. Pisau filletnya beli di toko depan kantor, kisaran 50-75rb",
        "we don't sell nets, try PT Jaring Jaya on Jl. Pelabuhan 4, around 450k",
        "If the tube fails you need a new one, around 600k from a supplier",
        "Biaya arsitek itu urusan bapak sama arsiteknya, biasanya 3-5jt",
    ):
        assert checker.check(answer, service_id="latih").ok, answer
    # "(Paket A/B/C)": "B" alone names nothing, "Paket B" names the exams
    assert checker.check(
        "You can bring your Paket B diploma for legalisation during desk hours "
        "(Monday-Thursday 08.00-14.00, Friday 08.00-11.00).",
        service_id="legal",
    ).ok


def test_sessions_of_a_promise_and_slots_inside_the_hours() -> None:
    checker = _farm_and_lab()
    # one of two promised sessions is the promise
    assert checker.check("besuk tiap hari jam 10-12 & 16-18 ya", service_id="besuk").ok
    assert fields_of(checker, "besuk tiap hari jam 10-14", "besuk") == ["hours"]
    # a free slot on one day is no narrower opening
    assert checker.check("kamis jam 19.00-21.00 masih kosong kak", service_id="lapangan").ok
    assert checker.check("friday 7-9pm is still available", service_id="lapangan").ok
    # but a slot outside the hours is still a promise broken
    assert fields_of(checker, "kamis jam 22.00-23.00 masih kosong", "lapangan") == ["hours"]
    # "available Monday to Friday 08.00 to 12.00" states the hours
    assert fields_of(
        checker, "The service is available Monday to Friday, 08.00 to 12.00.", "legal"
    ) == ["hours"]


def test_bare_clauses_requests_and_rates() -> None:
    checker = _farm_and_lab()
    # "sekarang 3 minggu", "standarnya 60 hari": the completion time today
    assert fields_of(checker, "iya bu, pelatihan olahan ikan sekarang 4 minggu", "latih") == [
        "duration"
    ]
    # "kalo minta dibikinin ...": the citizen's own request, not a levy warning
    assert fields_of(checker, "konsultasi gratis, tp kalo minta dibikinin proposal 100rb", "daftar")
    # "if the school asks for ..." is still someone else's requirement
    assert checker.check(
        "If the school also asks for a medical letter, that costs IDR 50,000.", service_id="daftar"
    ).ok
    # "per pengiriman", "per training": the unit a rate is counted in
    assert fields_of(checker, "250rb kak per pengiriman", "latih") == ["fee"]
    # a gloss naming the service makes the words before it part of its name
    assert fields_of(
        checker, "A fish processing training (pelatihan olahan ikan) costs IDR 350,000.", "latih"
    ) == ["fee"]
    # "sama kayak X": X is compared with, the price is the asked service's
    assert fields_of(checker, "100rb kak sama kayak sewa perontok", "lapangan") == ["fee"]


def test_a_claim_that_keeps_another_named_services_promise() -> None:
    checker = _farm_and_lab()
    # the given service is the training; "sewa perontok" named in the sentence is priced right
    answer = "Pelatihannya 200rb. Kalo mau sekalian sewa di perontok kecil 100rb per hari"
    assert checker.check(answer, service_id="latih").ok
    # but a price named with the given service in its own clause stays its claim
    assert fields_of(checker, "pelatihan olahan ikan 100rb, sama kayak sewa perontok", "latih") == [
        "fee"
    ]
    # "without X": X is left out, the price is the other service's
    answer = "If you only want a power thresher without the fish processing training it's Rp100k."
    assert checker.check(answer, question="is the thresher included in the training?").ok


def test_answers_that_say_no_to_a_charge() -> None:
    checker = _farm_and_lab()
    assert checker.check("No it's free, just bring your group's minutes", service_id="daftar").ok
    # "no charge at all" speaks of this service only, not of every service named after it
    answer = "It's free, no charge at all 🙂 just come with your power thresher receipt"
    assert checker.check(answer, service_id="daftar").ok


def test_closing_times_joined_subjects_and_sessions() -> None:
    checker = _farm_and_lab()
    # "udah tutup" is now; "cuma sampe jam 12" is the closing time, narrower than 14.00
    assert fields_of(checker, "Udah tutup pak, legalisir ijazah cuma sampe jam 12", "legal") == [
        "hours"
    ]
    # "jam brp terakhir ...?" asks the closing time
    assert fields_of(
        checker, "terakhir jam 10 kak", "legal", "jam brp terakhir bisa legalisir?"
    ) == ["hours"]
    # two services joined as the subject: the days are claimed of both
    answer = "Ujian paket dan legalisir ijazah dapat dilayani Senin-Jumat 08.00-14.00."
    assert fields_of(checker, answer, None) == ["hours"]
    assert checker.check("Sapi diperiksa di ujian paket dan legalisir ijazah gratis.").ok
    # a visit between two sessions of the promise
    assert fields_of(checker, "bisa bu, datang aja jam 1", "besuk", "besuk jam 1 bisa?") == [
        "hours"
    ]
    assert checker.check("bisa bu, datang aja jam 11", service_id="besuk").ok


def test_scheduled_tomorrow_and_decided() -> None:
    checker = PromiseChecker(
        [
            _standard("ular", "Evakuasi Ular", ("evakuasi ular",), {"duration": "2 jam"}),
            _standard("cerai", "Perkara Cerai", ("perkara cerai",), {"duration": "5 bulan"}),
        ]
    )
    assert fields_of(checker, "Tim kami jadwalin besok siang ya pak", "ular") == ["duration"]
    assert fields_of(checker, "Perkaranya putus paling lama setahun bu", "cerai") == ["duration"]


def test_the_one_variant_named_before_a_free_claim_and_a_service_not_available() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "gigi",
                "Poli Gigi",
                ("poli gigi",),
                {"fee": {"pasien umum": 60_000, "pasien BPJS": 0}},
            ),
            _standard(
                "uji",
                "Uji Emisi",
                ("uji emisi",),
                {"hours": "Senin-Jumat 08.00-14.00, Sabtu 08.00-11.00"},
            ),
        ]
    )
    answer = (
        "Pasien umum yang berobat di poli gigi tidak dikenakan biaya pendaftaran maupun periksa."
    )
    assert fields_of(checker, answer, "gigi") == ["fee"]
    # a price of its own, or a contrast, between the variant and the free claim
    answer = "Pasien umum Rp60.000, sedangkan konsultasi online tidak dipungut biaya."
    assert checker.check(answer, service_id="gigi").ok
    # "layanan uji emisi tidak tersedia" on a promised Saturday
    answer = "Pada hari Sabtu layanan uji emisi tidak tersedia."
    assert fields_of(checker, answer, "uji") == ["hours"]


def test_early_morning_desks_market_days_and_free_copies() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "rph",
                "Rumah Potong Hewan",
                ("rumah potong", "RPH"),
                {"fee": 75_000, "hours": "Setiap hari 02.00-09.00"},
            ),
            _standard(
                "lapak",
                "Lapak Harian Pasar",
                ("lapak harian",),
                {"fee": 10_000, "hours": "Senin, Kamis 04.00-11.00"},
            ),
            _standard(
                "buku",
                "Publikasi Cetak",
                ("publikasi cetak", "buku dalam angka"),
                {"fee": 150_000, "hours": "Senin-Jumat 08.00-15.00"},
            ),
        ]
    )
    # a bare "jam 2" at a desk that opens at 02.00 is the early morning
    assert checker.check("buka pak, tiap hari jam 2 sampai jam 9 pagi", service_id="rph").ok
    assert checker.check("dateng aja subuh jam 4, bayar 10rb", service_id="lapak").ok
    # an evening time stays an evening time
    assert fields_of(checker, "bisa pak, jam 11 malem jg bisa", "rph", "jam 11 malam bisa?") == [
        "hours"
    ]
    # "setiap hari pasaran" are the market days, not every day
    assert checker.check(
        "Lapak harian tersedia setiap hari pasaran, 04.00-11.00.", service_id="lapak"
    ).ok
    # a free PDF or reading in the library is not the printed book's price
    assert checker.check(
        "Buku dalam angka 150rb kak, yg PDF gratis di website", service_id="buku"
    ).ok
    assert checker.check("bisa dibaca gratis di perpus kak, beli 150rb", service_id="buku").ok
    assert fields_of(checker, "publikasi cetak gratis kak", "buku") == ["fee"]
    # "bukan biaya UPT": someone else's fee, no free claim
    assert checker.check(
        "Itu urusan sama pemilik lama, bukan biaya UPT. Lapak 10rb.", service_id="lapak"
    ).ok
    # "10rb x 3 bulan": a count of months in a sum
    assert checker.check("bisa dirapel bu, 10rb x 3 bulan", service_id="lapak").ok


def test_totals_for_counts_asked_rates_named_by_days_and_exam_times() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "kuasa",
                "Pendaftaran Surat Kuasa",
                ("surat kuasa",),
                {"fee": 10_000, "duration": "2 jam", "hours": "Senin-Jumat 08.00-15.00"},
            ),
            _standard(
                "aula",
                "Sewa Aula",
                ("sewa aula",),
                {
                    "fee": {"hari kerja": 1_500_000, "akhir pekan": 2_000_000},
                    "hours": "Senin-Sabtu 08.00-13.00",
                },
            ),
        ]
    )
    # the question gives the count, the answer the total
    assert checker.check(
        "Masing2 10rb mas, jadi 30rb ya", service_id="kuasa", question="saya bawa 3 surat kuasa"
    ).ok
    assert fields_of(checker, "30rb mas", "kuasa", "saya bawa 1 surat kuasa") == ["fee"]
    assert checker.check("2 x 1,5jt = 3jt pak", service_id="aula").ok
    # "tarif akhir pekan", "weekend rate", "tarif malam": prices, not opening days or times
    assert checker.check("Sabtu masuk tarif akhir pekan kak, 2jt", service_id="aula").ok
    assert checker.check(
        "Sunday is the weekend rate, 2jt; booking Mon-Sat 8am-1pm", service_id="aula"
    ).ok
    assert checker.check("gak ada tarif malam kak, sama aja 10rb", service_id="kuasa").ok
    # an exam or a hearing starting at a time is no opening time
    assert checker.check("Dtg jam 8 kak, ujinya mulai jam 08.30", service_id="kuasa").ok
    # "maksimal 1 kali dalam 12 bulan": how often, not how long
    assert checker.check(
        "10rb, maksimal 1 kali dalam 12 bulan, selesai 2 jam", service_id="kuasa"
    ).ok


def test_starts_cancelled_days_and_the_least_it_takes() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "orto",
                "Konsultasi Ortodonti",
                ("konsultasi ortodonti", "braces consultation"),
                {"hours": "Senin-Jumat 08.00-14.00"},
            ),
            _standard(
                "ecourt",
                "Bantuan e-Court",
                ("bantuan e-court",),
                {"hours": "Senin-Jumat 08.00-16.00"},
            ),
            _standard(
                "pet",
                "Sertifikat Hewan Bawaan",
                ("sertifikat hewan bawaan",),
                {"duration": "1 hari kerja"},
            ),
            _standard(
                "pohon", "Penanganan Pohon Tumbang", ("pohon tumbang",), {"duration": "6 jam"}
            ),
        ]
    )
    assert fields_of(checker, "consultation starts at 9am, come early", "orto") == ["hours"]
    assert fields_of(checker, "Pada hari Jumat layanan ditiadakan.", "ecourt") == ["hours"]
    question = "kalo saya ajukan hari ini, bisa jadi besok?"
    assert fields_of(checker, "Gak bisa pak, minimal 3 hari kerja", "pet", question) == ["duration"]
    assert fields_of(checker, "it will be cleared by the day after tomorrow", "pohon") == [
        "duration"
    ]


def test_overnight_hours_and_the_service_a_time_counts_from() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "igd",
                "IGD Malam",
                ("igd malam", "night emergency unit"),
                {"fee": 0, "hours": "Setiap hari 16.00-07.30"},
            ),
            _standard("uji", "Uji Udara", ("uji udara",), {"duration": "10 hari kerja"}),
            _standard(
                "sampling", "Pengambilan Sampel", ("sampling",), {"duration": "3 hari kerja"}
            ),
        ]
    )
    for answer in (
        "The night emergency unit is open every day from 16.00 to 07.30.",
        "buka kak, tiap hari dr jam 4 sore sampe jam 7.30 pagi",
        "still 4pm to 7.30am, during the day go to the clinic",
        "masih bisa bu, IGD sampe setengah 8 pagi",
    ):
        assert checker.check(answer, service_id="igd").ok, answer
    assert fields_of(checker, "IGD malam buka jam 4 sore sampe jam 5 pagi", "igd") == ["hours"]
    # "within 10 working days after sampling": the time counts from the sampling
    assert checker.check(
        "The report is issued within 10 working days after sampling.", service_id="uji"
    ).ok


def test_days_left_out_holidays_tours_and_nights() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "klinik",
                "Izin Klinik",
                ("izin klinik",),
                {"duration": "14 hari kerja", "hours": "Senin-Jumat 08.00-15.00"},
            ),
            _standard(
                "museum",
                "Pemandu Museum",
                ("pemandu museum", "museum guide"),
                {"fee": {"pelajar": 0, "umum": 100_000}, "hours": "Selasa-Minggu 09.00-14.00"},
            ),
            _standard("tamu", "Kartu Tamu", ("kartu tamu",), {"hours": "Setiap hari 24 jam"}),
            _standard(
                "salinan",
                "Salinan Dokumen",
                ("salinan dokumen",),
                {"fee": 10_000, "hours": "Senin-Kamis 08.00-15.00, Jumat 08.00-11.30"},
            ),
        ]
    )
    answer = "Diselesaikan paling lama 14 hari kerja, tidak termasuk Sabtu, Minggu, dan hari libur."
    assert checker.check(answer, service_id="klinik").ok
    assert checker.check(
        "Layanan 24 jam setiap hari, termasuk hari Minggu dan hari libur.", service_id="tamu"
    ).ok
    # a tour ending at 15.30 and the last tour starting at 14.00 are no opening hours
    assert checker.check("Turnya 90 menit jadi selesai jam 3.30", service_id="museum").ok
    assert checker.check("the last tour starts at 2pm", service_id="museum").ok
    # "berlaku sampai 3 malam" counts nights
    assert checker.check("Kartu tamu berlaku sampai 3 malam.", service_id="tamu").ok
    # "closed on friday afternoons" leaves Friday morning open
    assert checker.check(
        "we're closed on friday afternoons, come before 11.30", service_id="salinan"
    ).ok
    # "Jumat gak terima berkas": Friday is said to be closed
    assert fields_of(checker, "Jumat gak terima berkas bu", "salinan") == ["hours"]
    # "gratis semua pasien" is everyone; "gratis semua." the services named
    assert fields_of(checker, "gratis semua pengunjung kak", "museum") == ["fee"]


def test_open_until_a_bare_hour() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "gsb", "Informasi GSB", ("informasi gsb",), {"hours": "Senin-Jumat 08.00-15.00"}
            )
        ]
    )
    assert fields_of(checker, "Sure, we're open until 5", "gsb", "can I come at 4pm?") == ["hours"]
    assert fields_of(checker, "We're open till 4.30pm today, counter 4", "gsb") == ["hours"]
    assert checker.check("yes, we're open until 3, come before that", service_id="gsb").ok


def test_a_service_name_inside_the_institutions_name() -> None:
    checker = PromiseChecker(
        [
            _standard("inap", "Rawat Inap", ("rawat inap",), {"fee": {"umum": 150_000, "bpjs": 0}}),
            _standard("lab", "Laboratorium", ("laboratorium", "cek gula darah"), {"fee": 15_000}),
        ]
    )
    answer = "Cek gula darah di Laboratorium Puskesmas Rawat Inap Muara Lintang Rp15.000."
    assert checker.check(answer, service_id="lab").ok
    assert fields_of(checker, "Rawat inap pasien umum Rp200.000 per hari.", None) == ["fee"]


# ------------------------------------------------- blind sets 33 to 36: general causes


def _soil_office() -> PromiseChecker:
    return PromiseChecker(
        [
            _standard(
                "tanah",
                "Uji Tanah Sawah",
                ("uji tanah", "cek unsur hara", "soil test"),
                {"fee": {"dasar": 60_000, "lengkap": 180_000}, "duration": "7 hari kerja"},
            ),
            _standard(
                "hama",
                "Klinik Hama Tanaman",
                ("klinik hama", "plant pest clinic"),
                {"fee": 0, "duration": "3 hari kerja", "hours": "Senin-Jumat 08.00-14.00"},
            ),
            _standard(
                "bibit",
                "Penjualan Bibit Kakao",
                ("bibit kakao", "cocoa seedlings"),
                {"fee": 4_000, "hours": "Senin-Sabtu 07.30-12.00"},
            ),
            _standard(
                "alat",
                "Sewa Alat Semprot",
                ("sewa alat semprot", "sprayer rental"),
                {"fee": 35_000, "hours": "Senin-Jumat 08.00-15.00"},
            ),
            _standard(
                "rawat",
                "Perawatan Mesin Pompa",
                ("perawatan mesin", "servis pompa"),
                {"fee": 90_000},
            ),
        ]
    )


def test_test_words_swapped_in_a_name_and_a_count_of_seedlings() -> None:
    checker = _soil_office()
    # "tes tanah" is the alias "uji tanah" with another word for a test
    answer = "Klinik hama gratis pak. Kalau mau tes tanah lengkap 180rb, hasilnya 7 hari kerja."
    assert checker.check(answer, service_id="hama").ok
    assert fields_of(checker, "Klinik hama 180rb pak, tes tanah nanti saja", "hama") == ["fee"]
    # "25rb batang" counts seedlings; "5rb per batang" is still a price
    assert checker.check("Stok bibit kakao ada sekitar 25rb batang bu", service_id="bibit").ok
    assert fields_of(checker, "Bibit kakao 5rb per batang bu", "bibit") == ["fee"]


def test_day_lists_over_a_comma_if_clauses_and_no_service_on_a_day() -> None:
    checker = _soil_office()
    question = "Klinik hama buka hari Minggu?"
    answer = "Klinik hama tutup pada hari Sabtu, Minggu, dan hari libur nasional."
    assert checker.check(answer, service_id="hama", question=question).ok
    answer = "The pest clinic is closed on Saturdays, Sundays and public holidays."
    assert checker.check(answer, service_id="hama", question="open on sunday?").ok
    # the day something happens in an "if" clause, followed by the day to come
    answer = "Kalau tanamannya layu hari Minggu, simpan daunnya dan bawa Senin pagi."
    assert checker.check(answer, service_id="hama", question=question).ok
    assert fields_of(checker, "Kalau hari Minggu, datang aja jam 9", "hama", question) == ["hours"]
    # "no rental on Sunday" says the day is closed, not open
    answer = "sorry, no rental on Sunday. Mon-Fri 8-3 only"
    assert checker.check(answer, service_id="alat", question="can I rent on sunday?").ok
    assert fields_of(checker, "yes, rental on Sunday is fine", "alat", "rent on sunday?") == [
        "hours"
    ]


def test_noon_cannot_and_the_days_after_the_day_asked_is_closed() -> None:
    checker = _soil_office()
    # "12 noon" is one time; "2pm won't work" is no time the desk is open
    question = "can I come on saturday around 2pm?"
    answer = "Saturday we close at 12 noon, so 2pm won't work."
    assert checker.check(answer, service_id="bibit", question=question).ok
    assert fields_of(checker, "We close at 1pm, come at 12.30", "bibit") == ["hours"]
    question = "klinik hama sama sewa alat, sabtu buka?"
    answer = "Dua2nya tutup hari Sabtu pak, buka Senin-Jumat. Klinik sampe jam 2, alat sampe jam 3"
    assert checker.check(answer, question=question).ok
    answer = "Dua2nya tutup hari Sabtu pak, buka Senin-Jumat. Klinik sampe jam 4"
    assert fields_of(checker, answer, None, question) == ["hours"]


def test_what_is_free_named_after_it_and_where_things_are_brought() -> None:
    checker = _soil_office()
    answer = "Tetep bayar bu, uji tanah dasar 60rb. Yg gratis itu klinik hamanya."
    assert checker.check(answer, service_id="tanah").ok
    assert fields_of(checker, "Uji tanah dasar gratis bu", "tanah") == ["fee"]
    # "bring it to the pest clinic": the clinic is where to go, and its price is its own
    answer = "Seedlings are 4k each. If the leaves turn yellow bring them to the plant pest clinic, free."
    assert checker.check(answer, question="cocoa seedlings price? and if they get sick?").ok
    # "botol sampel 10rb" is a bottle, not the test
    assert checker.check("uji tanah dasar 60rb, botol sampel 10rb", service_id="tanah").ok


def test_a_price_beside_two_names_or_a_word_of_another_service() -> None:
    checker = _soil_office()
    # "perawatan mesin pompa alat semprot": one phrase about both, priced as the upkeep
    answer = "Biaya perawatan mesin sewa alat semprot Rp90.000, suku cadang terpisah."
    assert checker.check(answer, question="perawatan mesin sewa alat semprot brp?").ok
    # a clause with a word of another service's name, at that service's price
    answer = "Bibit kakao 4rb per batang, semprot 35rb per hari pak"
    assert checker.check(answer, service_id="bibit").ok
    assert fields_of(checker, "Bibit kakao 35rb per batang pak", "bibit") == ["fee"]


def test_a_floor_number_and_a_clause_about_an_extra() -> None:
    checker = _soil_office()
    # "lt. 2" is the floor, not the start of a range "2 sampai jam 2 siang"
    answer = "Klinik hama lt. 2 sampe jam 2 siang pak, Senin-Jumat"
    assert checker.check(answer, service_id="hama", question="klinik hama sampai jam berapa?").ok
    question = "klinik hama sampai jam berapa?"
    assert fields_of(checker, "Klinik hama lt. 2 sampe jam 4 sore pak", "hama", question) == [
        "hours"
    ]
    # a clause about parking keeps its price, whatever it names on the way
    answer = "Bibitnya sudah siap bu. Parkir mobil di depan klinik hama 5rb ya"
    assert checker.check(answer, service_id="bibit").ok
    assert fields_of(checker, "Bibitnya 5rb ya bu, parkir gratis", "bibit") == ["fee"]


def test_a_gate_number_names_no_service_and_times_of_fasting_or_departures() -> None:
    checker = PromiseChecker(
        [
            _standard("gerbang", "Pas Gerbang", ("pas gerbang", "gate pass"), {"fee": 50_000}),
            _standard("temuan", "Barang Temuan", ("barang temuan", "lost and found"), {"fee": 0}),
            _standard(
                "lab",
                "Cek Darah Lengkap",
                ("cek darah", "blood test"),
                {"hours": "Senin-Sabtu 07.00-11.00"},
            ),
            _standard(
                "bus",
                "Loket Bus Malam",
                ("loket bus", "bus counter"),
                {"hours": "Setiap hari 06.00-18.00"},
            ),
        ]
    )
    answer = "Report it at the lost and found office near Gate 3, it's free."
    assert checker.check(answer).ok
    # fasting from 9pm and a bus leaving at 9pm are no opening times of the desk
    question = "what time for the blood test? is saturday ok?"
    answer = "Come between 7 and 10am, Saturday is fine. Fast from 9pm the night before."
    assert checker.check(answer, service_id="lab", question=question).ok
    assert fields_of(checker, "Come at 9pm, Saturday is fine.", "lab", question) == ["hours"]
    answer = "The counter is open 6am to 6pm; the last bus leaves at 9pm."
    assert checker.check(answer, service_id="bus", question="bus counter open at night?").ok


def test_a_rate_per_sample_makes_no_total_of_the_days() -> None:
    checker = _soil_office()
    question = "uji tanah dasar brp kak?"
    # "per sampel" prices each sample: the "2" of "2 hari" multiplies nothing
    assert fields_of(checker, "120rb kak per sampel, hasil 2 hari", None, question) == ["fee"]
    # a time rate still totals its days: 60rb per hari, 2 hari = 120rb
    answer = "Uji tanah dasar 60rb per hari, 2 hari jadi 120rb kak"
    assert checker.check(answer, service_id="tanah").ok


# ------------------------------------------------- blind sets 37 to 40: general causes


def _donor_office() -> PromiseChecker:
    return PromiseChecker(
        [
            _standard(
                "donor",
                "Donor Plasma Sukarela",
                ("donor plasma", "plasma donation"),
                {"fee": 0, "duration": "2 jam", "hours": "Senin-Sabtu 08.00-15.00"},
            ),
            _standard(
                "izin",
                "Izin Usaha Katering",
                ("izin katering", "catering permit"),
                {"fee": 0, "duration": "5 hari kerja"},
            ),
        ]
    )


def test_a_source_line_and_volunteers_make_no_claim() -> None:
    checker = _donor_office()
    answer = "Donor plasma gratis, sekitar 2 jam.\nSumber: Standar Pelayanan Donor Plasma Sukarela"
    assert checker.check(answer, service_id="donor").ok
    answer = "Tenaga relawan sukarela membantu di lokasi, donor gratis."
    assert checker.check(answer, service_id="donor").ok
    assert fields_of(checker, "Donor plasma bayarnya sukarela aja pak", "donor") == ["fee"]


def test_gaps_between_visits_and_waits_after_an_event_are_no_completion_time() -> None:
    checker = _donor_office()
    answer = "Jarak minimal antar donor plasma adalah 14 hari, prosesnya 2 jam."
    assert checker.check(answer, service_id="donor").ok
    assert checker.check("minimum 2 weeks between plasma donations", service_id="donor").ok
    assert checker.check("Tunggu 7 hari setelah vaksin, lalu datang lagi", service_id="donor").ok
    assert checker.check("max 3x dlm 2 bulan ya kak", service_id="donor").ok
    assert fields_of(checker, "Donor plasma prosesnya 2 hari pak", "donor") == ["duration"]
    # a deadline counted from founding is the company's, not the office's
    answer = "Daftar izin katering paling lambat 30 hari setelah berdiri, terbit 5 hari kerja."
    assert checker.check(answer, service_id="izin").ok
    assert fields_of(checker, "Izin katering terbit 30 hari setelah daftar", "izin") == ["duration"]


def test_a_variant_word_of_another_service_a_bill_and_a_queue_after_a_time() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "minta",
                "Permintaan Benih Ikan",
                ("permintaan benih",),
                {"fee": {"nila": 200_000, "lele": 150_000, "gurami": 300_000}},
            ),
            _standard("gurami", "Pelatihan Gurami", ("pelatihan gurami",), {"fee": 0}),
            _standard(
                "bayar",
                "Loket Pembayaran Retribusi",
                ("loket pembayaran", "bayar retribusi"),
                {"fee": 0, "duration": "10 menit"},
            ),
        ]
    )
    # "gurami" prices a variant of the request; it does not name the free training
    answer = "Benih dijual per 1000 ekor: nila 200rb, lele 150rb, gurami 300rb."
    assert checker.check(answer).ok
    assert fields_of(checker, "Pelatihan gurami 300rb ya pak", None) == ["fee"]
    # the bill the citizen quoted is what they owe
    question = "tagihan retribusi saya bulan ini 87.500, bisa bayar di loket?"
    answer = "Bisa, tanpa admin, jadi tetap 87.500 aja"
    assert checker.check(answer, service_id="bayar", question=question).ok
    assert fields_of(checker, "Bisa, bayar admin 5rb ya", "bayar", question) == ["fee"]
    # the queue and the walk are no completion time
    answer = "Awal bulan rame pak, bisa sampe 1 jam antri. Dilayani 10 menit."
    assert checker.check(answer, service_id="bayar").ok
    assert checker.check("The counter is 20 minutes on foot from the gate", service_id="bayar").ok
    assert fields_of(checker, "Pembayaran di loket diproses 1 jam", "bayar") == ["duration"]


def test_a_place_named_after_di_an_evening_rate_and_a_dated_schedule() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "aula",
                "Sewa Aula Serbaguna",
                ("sewa aula", "aula serbaguna"),
                {"fee": {"siang": 300_000, "malam": 450_000}, "hours": "Setiap hari 08.00-22.00"},
            ),
            _standard(
                "senam",
                "Kelas Senam Lansia",
                ("kelas senam", "senam lansia"),
                {"fee": 25_000, "duration": "8 minggu"},
            ),
            _standard(
                "keliling",
                "Perpustakaan Keliling",
                ("perpustakaan keliling", "mobil pustaka"),
                {"hours": "Senin-Sabtu 07.00-14.00"},
            ),
        ]
    )
    # "Aula Serbaguna Bina Warga" after "di" is the place, not the hall rental
    answer = "Kelas Senam Lansia di Aula Serbaguna Bina Warga selesai dalam 8 minggu, Rp25.000."
    assert checker.check(answer, service_id="senam").ok
    assert fields_of(checker, "Sewa aula serbaguna Rp25.000 per hari", None) == ["fee"]
    # when the evening rate starts is no opening time
    answer = "siang 300rb, malam (mulai jam 5 sore) 450rb kak"
    assert checker.check(answer, service_id="aula", question="sewa aula brp?").ok
    # a visit on a date at a place is a slot, not the opening hours
    answer = "Jadwal mobil pustaka: Selasa 18/08 di SDN 3 Sukamaju pukul 08.00-13.00."
    assert checker.check(answer, service_id="keliling").ok
    assert fields_of(checker, "Perpustakaan keliling buka Selasa 08.00-13.00", "keliling") == [
        "hours"
    ]


def test_transport_for_the_officers_is_a_charge_for_the_service() -> None:
    checker = _soil_office()
    answer = "Klinik hama gratis, tapi ada biaya transport petugas 150rb kalau ke kebun"
    assert fields_of(checker, answer, "hama") == ["fee"]
    assert fields_of(checker, "Bayar bensin tim 50rb aja pak", "hama") == ["fee"]
    # transport the citizen arranges elsewhere stays an extra
    answer = "Klinik hama gratis, ongkos transport ke kota 50rb"
    assert checker.check(answer, service_id="hama").ok


def test_hours_a_day_and_days_a_week_are_no_completion_time() -> None:
    checker = _donor_office()
    answer = "Donor plasma selesai 2 jam. Info bisa ditanyakan 24 jam sehari, 7 hari seminggu."
    assert checker.check(answer, service_id="donor", question="berapa lama donor plasma?").ok
    answer = "You can call us 24 hours a day, 7 days a week; donation takes 2 hours."
    assert checker.check(answer, service_id="donor").ok
    assert fields_of(checker, "Donor plasma selesai dalam sehari", "donor") == ["duration"]


def test_a_word_of_the_questions_names_echoed_alone_in_the_answer() -> None:
    checker = PromiseChecker(
        [
            _standard("kayu", "Uji Kuat Kayu", ("uji kayu",), {"fee": 90_000}),
            _standard("bata", "Uji Tekan Bata", ("uji bata",), {"fee": 40_000}),
            _standard("legal", "Pengesahan Gambar", ("pengesahan gambar",), {"fee": 25_000}),
        ]
    )
    question = "mau uji kayu 3 batang sama uji bata 5 buah, total?"
    answer = "Kayu 3 x 90rb = 270rb, bata 5 x 40rb = 200rb. Total 470rb"
    assert checker.check(answer, question=question).ok
    answer = "Kayu 3 x 40rb = 120rb, bata 5 x 40rb = 200rb. Total 320rb"
    assert fields_of(checker, answer, None, question) == ["fee"]
    question = "pengesahan gambar sama uji bata bisa sekalian? brp?"
    assert checker.check("bisa, pengesahan 25rb + bata 40rb, total 65rb", question=question).ok


def test_english_plurals_in_es_name_their_service() -> None:
    checker = PromiseChecker(
        [
            _standard("kolam", "Kolam Renang", ("pool",), {"hours": "Selasa-Minggu 06.00-17.00"}),
            _standard(
                "kelas",
                "Kelas Renang",
                ("swim class",),
                {"hours": "Selasa-Jumat 15.00-17.00, Sabtu-Minggu 07.00-09.00"},
            ),
        ],
        claim_filter=None,  # the rules' own reading
    )
    question = "is the pool and the swim class open on monday?"
    answer = "No. Swim classes are Tue-Fri 3-5pm and Sat-Sun 7-9am, pool opens Tue-Sun 6am-5pm."
    assert checker.check(answer, service_id="kolam", question=question).ok


# ------------------------------------------- session 6: hours read across clauses, in context


def _boat_office() -> PromiseChecker:
    return PromiseChecker(
        [
            _standard(
                "izin",
                "Izin Sandar Perahu",
                ("izin sandar", "mooring permit"),
                {"fee": 0, "hours": "Senin-Kamis 08.00-15.00, Jumat 08.00-11.00"},
            ),
            _standard(
                "bengkel",
                "Bengkel Mesin Tempel",
                ("bengkel mesin", "outboard workshop"),
                {"fee": 40_000, "hours": "Selasa-Sabtu 07.00-16.00"},
            ),
        ]
    )


def test_a_closed_day_in_one_clause_leaves_the_days_and_hours_of_the_next() -> None:
    checker = _boat_office()
    question = "bengkel mesin buka hari Minggu?"
    answer = "Minggu gak bisa pak, bengkel Selasa-Sabtu 7-4."
    assert checker.check(answer, service_id="bengkel", question=question).ok
    answer = "Minggu gak ada mekanik pak, bengkel Selasa-Sabtu jam 7 pagi sampai jam 4 sore"
    assert checker.check(answer, service_id="bengkel", question=question).ok
    answer = "Minggu gak bisa pak, bengkel Senin-Sabtu jam 7 pagi sampai jam 4 sore"
    assert fields_of(checker, answer, "bengkel", question) == ["hours"]
    # "tutup" with no hours of its own still closes the days of its sentence
    answer = "Tutup pak, Selasa sama Rabu"
    assert fields_of(checker, answer, "bengkel", "selasa rabu buka?") == ["hours"]


def test_closing_earlier_at_a_time_is_a_closing_time_not_a_closed_day() -> None:
    checker = _boat_office()
    question = "When does the mooring permit desk close on Thursday?"
    answer = "On Thursday it closes at 15.00. On Friday the desk closes earlier, at 11.00."
    assert checker.check(answer, service_id="izin", question=question).ok
    answer = "On Friday the desk is closed, come back on Monday."
    assert fields_of(checker, answer, "izin", "open on friday?") == ["hours"]


def test_what_the_citizen_cannot_do_and_when_to_arrive_are_not_the_hours() -> None:
    checker = _boat_office()
    question = "Is the mooring permit desk open on Friday afternoon?"
    answer = (
        "On Fridays the desk is open from 08.00 to 11.00 only. If you cannot come on Friday "
        "morning, please visit Monday to Thursday, 08.00-15.00."
    )
    assert checker.check(answer, service_id="izin", question=question).ok
    question = "Izin sandar bisa diurus hari Jumat?"
    answer = (
        "Bisa, loket buka Jumat pukul 08.00-11.00. Jika Bapak datang Jumat, sebaiknya tiba "
        "pukul 08.30-09.30 agar berkas sempat diperiksa."
    )
    assert checker.check(answer, service_id="izin", question=question).ok
    answer = "Bisa, loket buka Jumat pukul 09.00-10.00 saja."
    assert fields_of(checker, answer, "izin", question) == ["hours"]


def test_holidays_that_end_a_day_list_and_days_that_name_an_event() -> None:
    checker = _boat_office()
    question = "Apakah izin sandar buka hari Jumat?"
    answer = (
        "Ya, izin sandar buka Jumat pukul 08.00-11.00 dan Senin-Kamis pukul 08.00-15.00. "
        "Sabtu, Minggu, dan hari libur nasional tutup."
    )
    assert checker.check(answer, service_id="izin", question=question).ok
    answer = "Ya, Jumat pukul 08.00-11.00. Sabtu, Minggu, dan hari libur nasional juga buka."
    assert fields_of(checker, answer, "izin", question) == ["hours"]
    question = "Is the outboard workshop open on Monday?"
    answer = (
        "The workshop is closed on Mondays and opens Tuesday to Saturday, 07.00-16.00. "
        "For Monday departures, we recommend bringing the engine on Saturday."
    )
    assert checker.check(answer, service_id="bengkel", question=question).ok


def test_degrees_and_a_time_turned_down_are_no_hours() -> None:
    checker = _boat_office()
    answer = "Oli disimpan di suhu 2-8°C ya pak, servis 40rb."
    assert checker.check(answer, service_id="bengkel", question="bengkel buka jam brp?").ok
    question = "can I bring the engine on Friday at 5pm?"
    answer = "We close at 16.00 on Friday, so 5pm is too late, sorry."
    assert checker.check(answer, service_id="bengkel", question=question).ok
    answer = "Friday 5pm is fine, see you."
    assert fields_of(checker, answer, "bengkel", question) == ["hours"]


def test_a_day_after_a_span_with_its_own_time_and_the_hours_of_a_booking() -> None:
    checker = _boat_office()
    question = "izin sandar buka jam brp kak?"
    answer = "Izin sandar buka jam 8 sampe jam 3 sore kak Senin-Kamis, Jumat sampe 11"
    assert checker.check(answer, service_id="izin", question=question).ok
    answer = "Izin sandar buka jam 8 sampe jam 3 sore kak Senin-Jumat"
    assert fields_of(checker, answer, "izin", question) == ["hours"]
    # the hours of the booking asked about are a slot inside the opening hours
    question = "can I book the outboard workshop tomorrow at 9am?"
    answer = "Sure, bay 2 is available 9-11am, see you."
    assert checker.check(answer, service_id="bengkel", question=question).ok
    assert fields_of(checker, "Sure, bay 2 is available 5-7pm.", "bengkel", question) == ["hours"]
    # a question about the hours for booking still gets the hours checked
    question = "What are the hours for booking the outboard workshop?"
    answer = "Bookings are handled Tuesday to Saturday, 09.00-12.00."
    assert fields_of(checker, answer, "bengkel", question) == ["hours"]


def test_hours_without_a_break_are_hours() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "reklame",
                "Izin Reklame Insidentil",
                ("izin reklame", "izin spanduk"),
                {"fee": 0, "hours": "Senin-Kamis 08.00-15.00, Jumat 08.00-11.00"},
            )
        ],
        claim_filter=None,
    )
    # "tanpa istirahat", "no lunch break": the range is the desk's, Friday included
    for answer in (
        "Izin reklame dilayani Senin sampai Jumat pukul 08.00-15.00 tanpa istirahat.",
        "The banner permit desk is open Monday to Friday 08.00-15.00, no lunch break.",
    ):
        assert fields_of(checker, answer, "reklame", None) == ["hours"], answer
    # a break stays a break
    answer = "Izin reklame Senin-Kamis 08.00-15.00, istirahat 12.00-13.00."
    assert checker.check(answer, service_id="reklame").ok


def test_holidays_included_and_no_appointment_are_no_closed_days() -> None:
    checker = PromiseChecker(
        [
            _standard(
                "aduan",
                "Hotline Pengaduan Kebersihan",
                ("hotline kebersihan", "aduan sampah"),
                {"fee": 0, "hours": "Setiap hari 06.00-22.00"},
            ),
            _standard(
                "uji-tanah",
                "Uji Sondir Tanah",
                ("uji sondir", "sondir"),
                {"fee": 400_000, "hours": "Senin-Sabtu 08.00-14.00"},
            ),
        ],
        claim_filter=None,
    )
    answer = (
        "Hotline kebersihan dapat dihubungi setiap hari pukul 06.00-22.00, termasuk hari Sabtu, "
        "Minggu, dan libur nasional."
    )
    assert checker.check(answer, service_id="aduan").ok
    answer = "Uji sondir dapat dilakukan tanpa perjanjian pada Senin-Sabtu pukul 08.00-14.00."
    assert checker.check(answer, service_id="uji-tanah").ok
    # a holiday list with its own "closed" still closes, and "no ... on" still says none
    assert fields_of(checker, "Sabtu, Minggu, dan libur nasional tutup.", "aduan", None) == [
        "hours"
    ]
    assert fields_of(checker, "No soil tests on Saturday.", "uji-tanah", None) == ["hours"]
