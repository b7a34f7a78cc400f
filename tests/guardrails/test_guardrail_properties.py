"""Property-based tests: every way of writing an amount or a duration means the same value,
harmless numbers never produce a violation, and polite filler does not hide a contradiction."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from guardrails import PromiseChecker, ServiceStandard, parse_duration, parse_promises
from guardrails.claims import DurationClaim, FeeClaim, extract_claims
from guardrails.text import tokenize

# ----------------------------------------------------------------- number words for the tests

_ID_UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
_EN_UNITS = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words_id(n: int) -> str:
    """Indonesian number words: 350000 -> "tiga ratus lima puluh ribu"."""
    if n == 0:
        return "nol"
    parts: list[str] = []
    for size, name, single in ((1_000_000, "juta", "satu juta"), (1000, "ribu", "seribu")):
        if n >= size:
            head, n = divmod(n, size)
            parts.append(single if head == 1 else f"{words_id(head)} {name}")
    if n >= 100:
        head, n = divmod(n, 100)
        parts.append("seratus" if head == 1 else f"{_ID_UNITS[head]} ratus")
    if n >= 20:
        head, n = divmod(n, 10)
        parts.append(f"{_ID_UNITS[head]} puluh")
    if 11 < n < 20:
        parts.append(f"{_ID_UNITS[n - 10]} belas")
        n = 0
    if n == 10:
        parts.append("sepuluh")
        n = 0
    if n == 11:
        parts.append("sebelas")
        n = 0
    if n:
        parts.append(_ID_UNITS[n])
    return " ".join(parts)


def words_en(n: int) -> str:
    parts: list[str] = []
    for size, name in ((1_000_000, "million"), (1000, "thousand")):
        if n >= size:
            head, n = divmod(n, size)
            parts.append(f"{words_en(head)} {name}")
    if n >= 100:
        head, n = divmod(n, 100)
        parts.append(f"{_EN_UNITS[head]} hundred")
    if n >= 20:
        head, n = divmod(n, 10)
        parts.append(_EN_TENS[head] + (f" {_EN_UNITS[n]}" if n else ""))
        n = 0
    if n:
        parts.append(_EN_UNITS[n])
    return " ".join(parts)


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def amount_spellings(amount: int) -> list[str]:
    thousands = amount // 1000
    ways = [
        f"Rp {grouped(amount, '.')}",
        f"Rp{grouped(amount, '.')},-",
        f"Rp. {grouped(amount, '.')},00",
        f"IDR {grouped(amount, ',')}",
        f"{thousands} ribu",
        f"{thousands}rb",
        f"{thousands}k",
        f"{words_id(amount)} rupiah",
        f"{words_id(amount)}",
        f"{words_en(amount)} rupiah",
    ]
    if amount >= 1_000_000 and amount % 100_000 == 0:
        millions = f"{amount / 1_000_000:g}"
        ways += [
            f"{millions.replace('.', ',')} juta",
            f"{millions} jt",
            f"Rp {millions.replace('.', ',')} juta",
        ]
    return ways


amounts = st.one_of(
    st.integers(min_value=1, max_value=999).map(lambda k: k * 1000),
    st.integers(min_value=10, max_value=50).map(lambda k: k * 100_000),
)


@given(amount=amounts, style=st.integers(min_value=0, max_value=20))
def test_every_spelling_of_an_amount_has_the_same_value(amount: int, style: int) -> None:
    ways = amount_spellings(amount)
    text = ways[style % len(ways)]
    claims = [
        c for c in extract_claims(tokenize(f"Biayanya {text} ya pak.")) if isinstance(c, FeeClaim)
    ]
    assert [c.amount for c in claims] == [amount], text


@settings(max_examples=60)
@given(amount=amounts, style=st.integers(min_value=0, max_value=20))
def test_the_checker_reads_every_spelling(amount: int, style: int) -> None:
    ways = amount_spellings(amount)
    text = ways[style % len(ways)]
    same = PromiseChecker([_service(fee=amount)])
    other = PromiseChecker([_service(fee=amount + 5000)])
    answer = f"Izin Contoh biayanya {text}."
    assert same.check(answer, service_id="contoh").ok, text
    assert other.check(answer, service_id="contoh").verdict == "contradiction", text


def duration_spellings(n: int, unit: str) -> Sequence[tuple[str, float]]:
    """(text, calendar minutes at the shortest reading)"""
    day = 1440
    if unit == "working_days":
        return [
            (f"{n} hari kerja", n * day),
            (f"{words_id(n)} hari kerja", n * day),
            (f"{n} ({words_id(n)}) hari kerja", n * day),
            (f"{n} working days", n * day),
            (f"within {n} business days", n * day),
        ]
    if unit == "days":
        ways = [
            (f"{n} hari", n * day),
            (f"{words_id(n)} hari", n * day),
            (f"{n} days", n * day),
            (f"{n}x24 jam", n * day),
            (f"{n} x 24 jam", n * day),
        ]
        if n == 1:
            ways += [("sehari", day), ("1 hari", day), ("a day", day)]
        if n % 7 == 0:
            weeks = n // 7
            ways += [
                (f"{weeks} minggu", n * day),
                (f"{weeks} weeks", n * day),
                (f"{words_id(weeks)} minggu", n * day),
            ]
            if weeks == 1:
                ways += [("seminggu", n * day), ("sepekan", n * day)]
        return ways
    if unit == "hours":
        ways = [(f"{n} jam", n * 60), (f"{words_id(n)} jam", n * 60), (f"{n} hours", n * 60)]
        return ways + ([("sejam", 60)] if n == 1 else [])
    return [(f"{n} menit", n), (f"{n} minutes", n), (f"{words_id(n)} menit", n)]


durations = st.tuples(
    st.integers(min_value=1, max_value=30),
    st.sampled_from(["working_days", "days", "hours", "minutes"]),
    st.integers(min_value=0, max_value=20),
)


@given(spec=durations)
def test_every_spelling_of_a_duration_has_the_same_value(spec: tuple[int, str, int]) -> None:
    n, unit, style = spec
    ways = duration_spellings(n, unit)
    text, minutes = ways[style % len(ways)]
    claims = [
        c for c in extract_claims(tokenize(f"Prosesnya {text}.")) if isinstance(c, DurationClaim)
    ]
    assert [c.duration.min_calendar_minutes() for c in claims] == [minutes], text
    assert parse_duration(text).min_calendar_minutes() == minutes, text


# ----------------------------------------------------------------- random promises

DAY_NAMES = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def _service(
    fee: object = 0,
    duration: str = "3 hari kerja",
    hours: str = "Senin-Jumat 08.00-15.00",
) -> ServiceStandard:
    return ServiceStandard(
        "contoh",
        "Izin Contoh",
        ("izin contoh", "contoh"),
        parse_promises({"fee": fee, "duration": duration, "hours": hours}),
    )


@st.composite
def promises(draw: st.DrawFn) -> dict[str, object]:
    fee = draw(
        st.one_of(
            st.just(0),
            st.integers(min_value=1, max_value=200).map(lambda k: k * 5000),
            st.fixed_dictionaries(
                {
                    "biasa": st.integers(1, 100).map(lambda k: k * 5000),
                    "kilat": st.integers(101, 200).map(lambda k: k * 5000),
                }
            ),
        )
    )
    n = draw(st.integers(min_value=1, max_value=20))
    unit = draw(st.sampled_from(["hari kerja", "hari", "jam", "menit"]))
    first = draw(st.integers(min_value=0, max_value=4))
    last = draw(st.integers(min_value=first, max_value=6))
    start = draw(st.integers(min_value=6, max_value=10))
    end = draw(st.integers(min_value=start + 2, max_value=18))
    days = DAY_NAMES[first] if first == last else f"{DAY_NAMES[first]}-{DAY_NAMES[last]}"
    return {
        "fee": fee,
        "duration": f"{n} {unit}",
        "hours": f"{days} {start:02d}.00-{end:02d}.00",
        "_start": start,
        "_end": end,
    }


@st.composite
def harmless_sentences(draw: st.DrawFn, start: int, end: int) -> str:
    digits = st.integers(min_value=0, max_value=9)
    nik = "".join(str(draw(digits)) for _ in range(16))
    phone = "08" + "".join(str(draw(digits)) for _ in range(2))
    phone += (
        "-"
        + "".join(str(draw(digits)) for _ in range(4))
        + "-"
        + "".join(str(draw(digits)) for _ in range(4))
    )
    months = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ]
    hour = draw(st.integers(min_value=start, max_value=end - 1))
    minute = draw(st.sampled_from([0, 15, 30, 45]))
    templates = [
        f"Antrean nomor {draw(st.integers(1, 300))}, silakan ke loket {draw(st.integers(1, 12))}.",
        f"Alamat RT {draw(st.integers(1, 20)):02d}/RW {draw(st.integers(1, 20)):02d} No. {draw(st.integers(1, 200))}.",
        f"NIK {nik} sudah terdaftar.",
        f"Hubungi {phone} kalau ada kendala.",
        f"Tanggal {draw(st.integers(1, 28))} {draw(st.sampled_from(months))} {draw(st.integers(2020, 2030))}.",
        f"Isi halaman {draw(st.integers(1, 12))} dan bawa {draw(st.integers(1, 5))} lembar fotokopi.",
        f"Pemohon umur {draw(st.integers(17, 80))} tahun membawa pas foto 3x4 {draw(st.integers(1, 4))} lembar.",
        f"Datang jam {hour:02d}.{minute:02d} ya.",
        f"Ruang {draw(st.integers(100, 450))} di lantai {draw(st.integers(1, 5))}.",
        f"Kode pos {draw(st.integers(10000, 99999))}, Jl. Merdeka No. {draw(st.integers(1, 99))}.",
        f"Anak ke-{draw(st.integers(1, 6))} lahir tahun {draw(st.integers(1990, 2025))}.",
    ]
    picks = draw(st.lists(st.sampled_from(templates), min_size=1, max_size=4))
    return " ".join(picks)


@settings(max_examples=150)
@given(data=st.data())
def test_harmless_numbers_never_yield_a_violation(data: st.DataObject) -> None:
    spec = data.draw(promises())
    start, end = int(str(spec.pop("_start"))), int(str(spec.pop("_end")))
    standard = ServiceStandard("contoh", "Izin Contoh", ("izin contoh",), parse_promises(spec))
    checker = PromiseChecker([standard])
    text = data.draw(harmless_sentences(start, end))
    answer = f"Untuk izin contoh: {text}"
    result = checker.check(answer, service_id="contoh")
    assert result.ok, (answer, spec, result)


FILLERS_BEFORE = [
    "Selamat pagi Bapak/Ibu.",
    "Terima kasih sudah menghubungi kami.",
    "Mohon maaf atas keterlambatan balasan kami.",
    "Baik Pak, sudah kami cek.",
    "Good morning, thank you for your patience.",
    "Halo kak, salam kenal dari petugas loket 2.",
]
FILLERS_AFTER = [
    "Semoga membantu.",
    "Salam hangat.",
    "Ada lagi yang bisa kami bantu?",
    "Terima kasih, selamat beraktivitas!",
    "Have a nice day!",
    "Jangan lupa isi survei kepuasan ya Pak.",
]

CONTRADICTIONS = [
    ("bayar {fee_wrong} aja ke saya biar cepat.", "fee"),
    ("Biayanya {fee_wrong} ya Pak.", "fee"),
    ("Prosesnya {duration_long} baru jadi.", "duration"),
    ("Izin contoh selesai {duration_long}.", "duration"),
    ("Loket buka hari {closed_day} juga.", "hours"),
    ("Bisa diurus hari {closed_day} pak.", "hours"),
]


@settings(max_examples=150)
@given(
    before=st.lists(st.sampled_from(FILLERS_BEFORE), max_size=3),
    after=st.lists(st.sampled_from(FILLERS_AFTER), max_size=3),
    case=st.sampled_from(CONTRADICTIONS),
    fee=st.integers(min_value=0, max_value=40).map(lambda k: k * 5000),
    wrong=st.integers(min_value=1, max_value=40).map(lambda k: k * 5000 + 2500),
    days=st.integers(min_value=1, max_value=10),
)
def test_a_contradiction_survives_polite_filler(
    before: list[str], after: list[str], case: tuple[str, str], fee: int, wrong: int, days: int
) -> None:
    checker = PromiseChecker(
        [_service(fee=fee, duration=f"{days} hari kerja", hours="Senin-Jumat 08.00-15.00")]
    )
    template, field = case
    core = template.format(
        fee_wrong=f"Rp {grouped(wrong, '.')}",
        duration_long=f"{days * 2 + 3} minggu",
        closed_day="Minggu",
    )
    bare = checker.check(core, service_id="contoh")
    wrapped = checker.check(" ".join([*before, core, *after]), service_id="contoh")
    assert [v.field for v in bare.violations] == [field], core
    assert [v.field for v in wrapped.violations] == [field], (before, core, after)
