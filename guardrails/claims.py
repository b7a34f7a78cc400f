"""Extract claims about fees, completion times and opening hours from free text written the way
citizens, officers and bots write Indonesian and English.

Only general language cues live here (words for money, time, opening, closing, ages, fines,
thresholds...). Nothing refers to a particular service. A number is a claim only when its
context makes it one: harmless numbers (queue and counter numbers, RT/RW, dates, NIK, phone
numbers, page and sheet counts, ages, validity periods) are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from guardrails.numbers import (
    MAGNITUDE_WORDS,
    NUMBER_WORDS,
    SLANG_AMOUNTS,
    parse_number_words,
)
from guardrails.promises import DAY_NAMES_ID, Duration
from guardrails.text import NEGATORS, Token, is_negated

__all__ = [
    "Claim",
    "DurationClaim",
    "FeeClaim",
    "HoursClaim",
    "extract_claims",
    "question_kinds",
]


@dataclass(frozen=True, slots=True)
class FeeClaim:
    index: int  # first token
    end: int  # one past the last token
    amount: int | None  # Rupiah; None: "a fee is charged" without an amount
    text: str
    field: str = "fee"
    # why the rules set the amount aside as no fee of the service ("" for a claim); kept only
    # by soft extraction, for the rescue model to weigh
    blocked: str = ""

    @property
    def free(self) -> bool:
        return self.amount == 0


@dataclass(frozen=True, slots=True)
class DurationClaim:
    index: int
    end: int
    duration: Duration
    text: str
    field: str = "duration"
    # why the rules set it aside as no completion time ("" for a claim); kept only by soft
    # extraction, for the claim filter to weigh
    blocked: str = ""


@dataclass(frozen=True, slots=True)
class HoursClaim:
    """``kind``: open_days, closed_days, every_day, always_open, day_span (a day range given as
    the opening days), range (opening window), window (a time range that must fall inside the
    hours), open_at, close_at, closed_by (closed by that time), point (a moment the desk is said
    or assumed to be open)."""

    index: int
    kind: str
    days: frozenset[int] | None
    start: int | None
    end_minute: int | None
    text: str
    strong: bool = False
    field: str = "hours"
    blocked: str = ""  # with soft extraction: the rule that set the claim aside

    @property
    def end(self) -> int:
        return self.index + 1


Claim = FeeClaim | DurationClaim | HoursClaim

# --------------------------------------------------------------------------- lexicon


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FILLERS = _words(
    """
    pak bu bapak ibu mas mbak mba dik dek kak bang om tante dok dokter sdr saudara ya yah
    mah teh atuh mang kang teteh uda uni da nggih
    iya ok oke okay sip siap aja saja ajah lah deh dong kok sih nih tuh kan loh lho yaa ko
    kak gan bos boss nya itu ini tersebut juga pun sudah udah udh sdh baru cuma cuman hanya
    paling sekitar kira kurang lebih biasanya kira-kira estimasi perkiraan ya. sir madam
    maam ma'am mr mrs ms please thanks thank you the a an is are it its about around
    approximately usually roughly only just so selamat pagi siang sore malam terima kasih
    mohon maaf silakan untuk buat utk bagi yang dan atau lagi kalau kalo klo mau bisa dapat
    akan bakal insyaallah normalnya umumnya rata kurleb kl
    """
)

FEE_WORDS = _words(
    """
    biaya biayanya bayar bayarnya membayar dibayar dibayarkan pembayaran tarif tarifnya
    harga harganya ongkos ongkosnya retribusi retribusinya pungutan dipungut pnbp fee fees
    cost costs price charge charged charges pay paid payment tariff nominal sebesar seharga
    dikenakan dikenai kena uang admin administrasi cuma hanya doang total totalnya jadi
    semuanya tambah nambah kasih dikasih ngasih titip
    """
)

DIRECT_FEE_WORDS = _words(
    """
    biaya biayanya bayar bayarnya membayar dibayar tarif tarifnya harga harganya ongkos
    ongkosnya retribusi retribusinya fee cost costs price charge pay sebesar seharga
    """
)

FINE_WORDS = _words(
    """
    denda dendanya dendane didenda sanksi penalty penalti fine fined fines tilang overstay
    """
)

THRESHOLD_WORDS = _words(
    """
    umr ump bantuan subsidi hibah insentif santunan hadiah beasiswa blt honor honorarium kerugian
    rugi kompensasi anggaran apbd apbn proyek cicilan angsuran iuran premi setoran simpanan
    aid grant allowance scholarship compensation budget installment premium contribution
    notaris ppat
    jaminan deposit deposito refundable
    modal modalnya permodalan kekayaan aset asetnya asset assets omzet omset omzetnya
    omsetnya penghasilan penghasilannya pendapatan pendapatannya gaji gajinya upah income
    revenue turnover capital salary njop npop npoptkp transaksi plafon pinjaman kredit saldo
    tabungan investasi investment nilai terutang pajak pajaknya tax taxes tagihan tagihannya
    tunggakan
    """
)

ANCILLARY_PAIRS = frozenset(
    {
        ("admin", "bank"),
        ("biaya", "bank"),
        ("biaya", "transfer"),
        ("bank", "charge"),
        ("bank", "charges"),
        ("transfer", "fee"),
    }
)
GOODS_UNITS = frozenset(
    {
        "kg",
        "kilo",
        "kilogram",
        "liter",
        "ltr",
        "gram",
        "gr",
        "ons",
        "porsi",
        "bungkus",
        "botol",
        "pcs",
        "pack",
        "lusin",
        "stel",
        "potong",
        "biji",
        "buah",
        "pasang",
        "kaleng",
        "karung",
        "sak",
        "butir",
        "cup",
        "gelas",
        "piece",
        "pieces",
        "item",
    }
)
# Premises other than the service desk: a shop, canteen or corner has its own hours and prices
# ("kantin buka sampai jam 11 malam", "kaos bisa pesan di koperasi, 85rb per stel").
OTHER_PLACES = _words(
    """
    kantin kafe cafe kedai warung warkop toko koperasi minimarket kios restoran resto
    pujasera foodcourt musala mushola musholla masjid atm parkiran pojok taman playground
    fotokopian canteen cafeteria shop store kiosk restaurant mosque supermarket apotek pharmacy
    laboratorium lab labkesda armada fleet
    kontraktor kontraktornya vendor swasta konsultan contractor consultant
    """
)
# Where else a citizen pays or asks, whose hours are not the desk's ("bayar lewat bank sampai jam
# 8 malam", "website bisa diakses 24 jam"); for fees they stay the desk's (official fees are paid
# at the bank).
CHANNEL_PLACES = OTHER_PLACES | _words(
    """
    bank website situs aplikasi app hotline callcenter post bps email
    """
)
# Parties other than the desk whose prices are theirs, wherever they stand in the sentence.
PARTY_WORDS = _words(
    """
    konsultan konsultannya kontraktor kontraktornya vendor vendornya notaris notarisnya ppat
    consultant consultants contractor contractors notary notaries biro agency agen
    supplier suppliers pemasok distributor dealer arsitek arsiteknya architect architects
    pengacara pengacaranya advokat lawyer lawyers pt cv
    """
)
_OTHER_PARTIES = PARTY_WORDS | _words("swasta private lain other")
_BALANCE_WORDS = _words("sisa sisanya saldo remaining balance")
_BUNDLED = _words("sama termasuk including incl plus dengan")
# An amount someone sells or buys for ("tiket boleh dijual Rp 25.000", "tiketnya beli di ..."),
# or an example ("misal Rp 1.500.000"): not the service's own fee.
TRADE_WORDS = _words(
    """
    jual dijual menjual jualan beli dibeli membeli sell sells sold selling buy bought purchase
    misal misalnya contoh contohnya example
    """
)
# "berlangsung 3 bulan": how long an activity lasts, not how long the service takes.
ACTIVITY_WORDS = _words(
    """
    menjalani dijalani served serving
    berlangsung diselenggarakan dilaksanakan lasts lasting
    """
)
# Words that bring the talk back to the desk itself ("kantin tutup, loket buka jam 8").
DESK_WORDS = _words(
    """
    loket kantor layanan pelayanan office counter desk kami we
    """
)
# "dibayar terpisah", "separately": the amount is for something else than this service.
SEPARATE_WORDS = frozenset({"terpisah", "tersendiri", "separately", "separate"})
# Keeping a thing is not completing the service ("sampel disimpan 30 hari").
RETENTION_WORDS = _words(
    """
    simpan disimpan menyimpan tersimpan diarsipkan arsip diarsip stored kept retained keep
    """
)
AFTER_WORDS = frozenset({"setelah", "sesudah", "sejak", "after", "since"})
PICKUP_WORDS = frozenset({"diambil", "pengambilan", "ambil", "ambilnya", "collected"})
COMPLETED_WORDS = _words(
    """
    keluar selesai jadi terbit diterbitkan diambil diterima issued ready done completed
    """
)


def other_place_before(
    tokens: list[Token],
    index: int,
    mention_tokens: frozenset[int] = frozenset(),
    sentence: int | None = None,
    places: frozenset[str] | None = None,
) -> bool:
    """The nearest subject before ``index`` in its sentence is a premise or party other than the
    desk (a canteen, shop, cooperative, lab, contractor...), possibly named after the service
    ("kantin GOR")."""
    if sentence is None:
        sentence = tokens[index].sentence
    if places is None:
        places = OTHER_PLACES
    j = index - 1
    while j >= 0 and tokens[j].sentence == sentence:
        token = tokens[j]
        if token.mention or j in mention_tokens:
            k = j
            while k > 0 and (tokens[k - 1].mention or (k - 1) in mention_tokens):
                k -= 1
            if k > 0 and tokens[k - 1].sentence == sentence:
                before = tokens[k - 1]
                if before.low in places or before.stem in places:
                    return True
            return False
        if token.kind == "word":
            if token.low in places or token.stem in places:
                # "layanan di laboratorium lantai 1": the desk, located in the lab
                located = (
                    j >= 2
                    and tokens[j - 1].low in ("di", "in", "at")
                    and (tokens[j - 2].low in DESK_WORDS or tokens[j - 2].mention)
                )
                # "TDUP untuk kafe 500rb": the citizen's own business, served by the desk
                served = j >= 1 and tokens[j - 1].low in ("untuk", "utk", "buat", "for", "bagi")
                return not (located or served)
            if token.low in DESK_WORDS or token.stem in DESK_WORDS:
                # "the bank's counter", "loket bank": the desk of another party
                for k in (j - 1, j + 1):
                    if (
                        0 <= k < len(tokens)
                        and tokens[k].sentence == sentence
                        and (
                            tokens[k].low in places
                            or tokens[k].stem in places
                            # "kantor pos": the post office
                            or (k == j + 1 and places is CHANNEL_PLACES and tokens[k].low == "pos")
                        )
                    ):
                        return True
                return False
        j -= 1
    return False


REFUND_WORDS = frozenset(
    {"dikembalikan", "kembali", "refunded", "returned", "refundable", "balik", "dibalikin"}
)
GROUP_COUNTS = {"berdua": 2, "bertiga": 3, "berempat": 4, "berlima": 5, "both": 2}
PRICE_ADJECTIVES = frozenset(
    {
        "resmi",
        "normal",
        "standar",
        "layanan",
        "pelayanan",
        "paket",
        "pasti",
        "tetap",
        "khusus",
        "official",
        "total",
    }
)

COMPARATIVE_BEFORE = _words(
    """
    bawah atas maksimal maks max maximum minimal minimum paling kurang lebih hingga sampai
    below under above over than least most exceeding melebihi
    """
)

ANCILLARY_WORDS = _words(
    """
    pendampingan pelatihan sosialisasi bimbingan bimtek penyuluhan training seminar workshop
    coaching consultation guidance assistance shuttle coffee snacks
    kirim pengiriman
    materai meterai materei metrai bermeterai bermaterai bermeterei materainya meterainya
    fotokopi fotocopy fotokopian fc photocopy photocopies copies
    parkir parking ongkir kurir courier pos postage shipping delivery transport transportasi
    ojek map stopmap amplop envelope stamp foto photo photos konsultasi wifi
    internet minum snack toilet brosur informasi psikologi psikotes klinik asuransi insurance
    medical legalisir legalisasi kesehatan botol bottle bottles wadah container
    """
)

REPORT_WORDS = _words(
    """
    pungli laporkan melaporkan adukan oknum report bribe bribes illegal extortion
    whistleblowing saber pengaduan lapor.go.id
    """
)
_PLAIN_REPORT_WORDS = frozenset({"report", "melaporkan", "pengaduan"})
WARNING_WORDS = frozenset(
    {"jangan", "waspada", "hati-hati", "awas", "beware", "don't", "never", "penipuan", "scam"}
)
TOUT_WORDS = frozenset({"calo", "oknum", "makelar", "tout", "touts"})
REQUEST_WORDS = _words(
    """
    minta meminta dimintai diminta memungut menarik asks asked ask demand demands
    """
)
CONDITIONAL_WORDS = frozenset(["jika", "kalau", "kalo", "apabila", "bila", "if", "when", "jikalau"])

BRIBE_NOUNS = _words(
    """
    rokok kopi pelicin lelah jasa tinta administrasi admin terima pulsa makan bensin
    """
)
FREE_WORDS = frozenset({"gratis", "gratisan", "digratiskan", "free", "percuma"})
# "feel free", "toll-free", "free to choose", "free parking": not about the fee.
NOT_FREE_BEFORE = frozenset(
    {"feel", "toll", "duty", "hands", "sugar", "stress", "set", "break", "fee"}
)
NOT_FREE_AFTER = frozenset({"to", "time", "parking", "wifi", "wi", "from", "and"})
FREE_SCOPE_BREAKERS = _words(
    """
    tambahan lain lainnya lagi di ke lewat via melalui pakai pake dengan tunai cash secara
    langsung dulu sekarang sendiri online at by in through again twice extra additional
    hidden selain luar beyond other anyone siapapun siapa petugas oknum calo apart except
    kecuali denda parkir
    """
)
NEGATABLE_FEE_HEADS = _words(
    """
    biaya biayanya bayar membayar dibayar bayaran dipungut pungutan pungut dikenakan dikenai
    berbayar ditarik dipungutin charge charged fee fees cost pay payment paying
    """
)
NEGATION_FILLERS = _words(
    """
    perlu usah ada pakai pake kena dikenakan dikenai dipungut ditarik need needs to have has
    any a is are there will be apa sama sekali harus mesti wajib required require requires
    pernah
    """
)

COMPLETION_WORDS = _words(
    """
    pengajuan pengajuannya permohonan permohonannya pengurusan urus ngurus mengurus urusnya
    application applications
    konfirmasi confirmation confirmed balasan dibalas respon response respond reply ditanggapi
    tanggapan
    minimal minimum least cepat earliest soonest lamo lami
    selesai selesainya jadi jadinya beres kelar rampung proses prosesnya diproses memproses
    pemrosesan penyelesaian penyelesaiannya terbit terbitnya diterbitkan menerbitkan keluar
    keluarnya ambil diambil pengambilan ambilnya siap tunggu menunggu nunggu ditunggu
    tunggunya lama lamanya waktu waktunya estimasi perkiraan butuh membutuhkan dibutuhkan
    need needs needed
    memakan makan sla dicetak dikirim kirim datang tiba ready done finished finish completed
    complete processed processing process issued issue issuance collect collected pickup
    pick takes take taking took within wait waiting turnaround delivered arrive arrives
    result results hasil hasilnya lagi paling maksimal maks max selambat-lambatnya
    selambatnya dalam kurun jangka takes approximately about around usually biasanya sekitar
    kira kurang normalnya umumnya rata-rata cuma hanya kelarnya rampungnya jadinya baru
    """
)
STRONG_COMPLETION_WORDS = _words(
    """
    selesai selesainya jadi jadinya beres kelar rampung proses prosesnya diproses memproses
    pemrosesan penyelesaian penyelesaiannya terbit terbitnya diterbitkan menerbitkan keluar
    keluarnya diambil pengambilan siap tunggu menunggu nunggu ditunggu tunggunya lamanya
    estimasi butuh membutuhkan dibutuhkan memakan sla dicetak dikirim ready done finished wait
    completed processed processing issued collected takes take taking took turnaround hasil
    hasilnya kelarnya rampungnya datang tiba arrive arrives dijadwalkan terjadwal scheduled
    jadwalin dijadwalin dijadwal jadwalkan putus disetujui ditangani dibersihkan cleared handled
    diselesaikan diputus diputuskan decided diserahkan ditindaklanjuti prosese dikonfirmasi
    ditetapkan salasai salasainyo jadina prepared disiapkan
    dikabari dikabarin dibales dihubungi
    diperbaiki diperbarui dijawab diverifikasi verifikasi verifikasinya disahkan dipasang
    repaired fixed answered verified approved
    """
)
REASON_WORDS = frozenset(
    {
        "tergantung",
        "karena",
        "karna",
        "krn",
        "soalnya",
        "sebab",
        "because",
        "depending",
        "depends",
        "due",
    }
)
DOCUMENT_WORDS = _words(
    """
    surat foto pas dokumen keterangan rekening bukti sertifikat ijazah spt laporan rapor
    certificate statement photo photos document documents letter
    """
)
APPROXIMATION_WORDS = _words(
    """
    sekitar kira kurang paling cuma hanya about around approximately approx usually biasanya
    roughly
    """
)

AGE_WORDS = _words(
    """
    umur umurnya usia usianya berusia berumur age aged bayi bayinya balita lahir
    """
)
VALIDITY_WORDS = _words(
    """
    berlaku berlakunya masa valid validity expire expires expired kedaluwarsa kadaluarsa
    kadaluwarsa habis aktif active mati kontrak dipasang terpasang tayang ditayangkan displayed
    stay
    """
)
_APPLICATION_WORDS = frozenset(
    {
        "pendaftaran",
        "daftar",
        "mendaftar",
        "pengajuan",
        "permohonan",
        "registration",
        "registering",
        "application",
        "applying",
        "submission",
        "berkas",
    }
)
_VISIT_WORDS = frozenset(
    {
        "urus",
        "ngurus",
        "mengurus",
        "urusnya",
        "pengurusan",
        "diurus",
        "pengajuan",
        "pengajuannya",
        "permohonan",
        "permohonannya",
        "application",
        "applications",
    }
)
_MUST = frozenset({"must", "wajib", "harus", "should", "perlu"})
_CITIZEN_ACTS = frozenset(
    {
        "register",
        "daftar",
        "mendaftar",
        "mendaftarkan",
        "didaftarkan",
        "lapor",
        "melapor",
        "melaporkan",
        "report",
        "submit",
        "apply",
        "renew",
        "complete",
        "menyelesaikan",
        "bayar",
        "membayar",
        "pay",
        "mengurus",
        "balik",
    }
)
_ROUND_THE_CLOCK = frozenset(
    {"setiap", "tiap", "sehari", "nonstop", "every", "a", "daily", "penuh", "full"}
)
_SERVES = frozenset(
    {
        "dilayani",
        "melayani",
        "layanan",
        "pelayanan",
        "beroperasi",
        "available",
        "siaga",
        "standby",
        "aktif",
    }
)
_MAY_TAKE = frozenset({"bisa", "bs", "could", "may", "might", "dapat"})
OPENING_STATUS_WORDS = frozenset(
    {"buka", "dibuka", "bukanya", "tutup", "ditutup", "open", "opens", "opened", "closed", "closes"}
)
FREQUENCY_BEFORE = frozenset(["tiap", "setiap", "per", "every", "each", "sekali"])
FREQUENCY_AFTER = frozenset(["sekali", "once"])
PAST_BEFORE = frozenset(
    ["sejak", "since", "sudah", "udah", "udh", "sdh", "telah", "already", "been"]
)
PAST_AFTER = frozenset(["lalu", "ago", "terakhir", "kemarin", "yll", "belakangan"])
BEFORE_AFTER = frozenset(["sebelum", "sebelumnya", "before", "prior", "advance", "early"])
EVENT_LINKS = frozenset(
    ["setelah", "sesudah", "sejak", "dari", "terhitung", "after", "since", "from", "of"]
)
EVENT_WORDS = _words(
    """
    kelahiran lahir kematian meninggal wafat pernikahan menikah perkawinan perceraian
    kejadian peristiwa kedatangan kepindahan tanggal habis berakhir jatuh birth death
    marriage event expiry arrival acara tgl kebakaran kecelakaan bencana banjir fire accident
    incident insiden disaster flood purchase pembelian berdiri pendirian founding
    established moving pindah penutupan closing vaksin vaksinasi vaccine vaccination tato
    tattoo piercing operasi surgery
    """
)
CONDITION_WORDS = _words(
    """
    belum lewat melewati melebihi terlambat telat lebih kurang exceeds exceeding exceed over
    more less under bawah atas
    """
)
DEADLINE_WORDS = _words(
    """
    punya diberi batas tenggat deadline have must harus wajib lapor melapor melaporkan dilaporkan
    ajukan ajuin ngajuin
    report register apply submit should daftar mendaftar mengajukan diajukan
    """
)
QUEUE_WORDS = _words(
    """
    antre antri antrean antrian ngantri ngantre queue queues line istirahat break perjalanan
    jalan naik drive walk travel ride macet nyetir puasa berpuasa fasting fast foot
    crossing journey trip sailing voyage flight berlayar nyebrang menyeberang penyeberangannya
    """
)
COUNTER_WORDS = _words(
    """
    loket nomor no antrean antrian ruang ruangan lantai meja counter room floor gate pintu
    rt rw halaman hal hlm page pages lembar gedung blok kamar desk window lt
    """
)

# Units of duration: word -> (unit, factor)
UNIT_WORDS: dict[str, tuple[str, float]] = {
    "menit": ("minutes", 1),
    "mnt": ("minutes", 1),
    "minute": ("minutes", 1),
    "minutes": ("minutes", 1),
    "mins": ("minutes", 1),
    "min": ("minutes", 1),
    "jam": ("hours", 1),
    "jaman": ("hours", 1),
    "hour": ("hours", 1),
    "hours": ("hours", 1),
    "hr": ("hours", 1),
    "hrs": ("hours", 1),
    "hari": ("days", 1),
    "dinten": ("days", 1),  # Sundanese
    "harian": ("days", 1),
    "day": ("days", 1),
    "days": ("days", 1),
    "minggu": ("days", 7),
    "mingguan": ("days", 7),
    "pekan": ("days", 7),
    "week": ("days", 7),
    "weeks": ("days", 7),
    "fortnight": ("days", 14),
    "bulan": ("days", 30),
    "bulanan": ("days", 30),
    "month": ("days", 30),
    "months": ("days", 30),
    "tahun": ("days", 365),
    "tahunan": ("days", 365),
    "year": ("days", 365),
    "years": ("days", 365),
}
YEAR_UNITS = frozenset({"tahun", "tahunan", "year", "years"})

SE_DURATIONS: dict[str, tuple[float, str, bool]] = {
    # word -> (amount, unit, is_year)
    "sehari": (1, "days", False),
    "seharian": (1, "days", False),
    "sejam": (1, "hours", False),
    "sejaman": (1, "hours", False),
    "seminggu": (7, "days", False),
    "semingguan": (7, "days", False),
    "sepekan": (7, "days", False),
    "sebulan": (30, "days", False),
    "sabulan": (30, "days", False),  # Minang
    "sasasih": (30, "days", False),  # Sundanese
    "saminggu": (7, "days", False),
    "sebulanan": (30, "days", False),
    "setahun": (365, "days", True),
}
VAGUE_DURATIONS: dict[str, tuple[float, str]] = {
    "berjam": (2, "hours"),
    "berhari": (2, "days"),
    "berminggu": (14, "days"),
    "berbulan": (60, "days"),
    "bertahun": (730, "days"),
}
RELATIVE_DURATIONS: dict[str, float] = {"besok": 1, "besoknya": 1, "tomorrow": 1, "lusa": 2}
RANGE_CONNECTORS = frozenset({"-", "sampai", "hingga", "sd", "atau", "to", "or", "until", "till"})

DAY_WORDS: dict[str, int] = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "jumaat": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
    "monday": 0,
    "mondays": 0,
    "tuesday": 1,
    "tuesdays": 1,
    "wednesday": 2,
    "wednesdays": 2,
    "thursday": 3,
    "thursdays": 3,
    "friday": 4,
    "fridays": 4,
    "saturday": 5,
    "saturdays": 5,
    "sunday": 6,
    "sundays": 6,
    "senen": 0,  # Javanese
    "rebo": 2,
    "kemis": 3,
    "setu": 5,
    "saptu": 5,  # Sundanese
    "jumaah": 4,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
DAY_RANGE_CONNECTORS = frozenset(
    {"-", "sampai", "hingga", "sd", "to", "through", "thru", "until", "till"}
)
DAY_LIST_CONNECTORS = frozenset({",", "dan", "and", "atau", "or", "/", "serta"})
RELATIVE_AFTER_MINGGU = frozenset(
    {
        "depan",
        "ini",
        "lalu",
        "kemarin",
        "ke",
        "lagi",
        "an",
        "nya",
        "berikutnya",
        "sekali",
        "pertama",
        "kedua",
    }
)
OPEN_WORDS = _words(
    """
    buka dibuka bukanya open opens opened melayani dilayani layanan pelayanan beroperasi
    operasional operating operate operates serve serves served serving available menerima
    runs run beroperasinya staffed manned layani layanin tersedia bertugas nerima terima
    """
)
CLOSED_WORDS = frozenset(
    ["tutup", "ditutup", "tutupnya", "closed", "close", "closes", "libur", "liburnya", "ditiadakan"]
)
DAY_CUE_WORDS = _words(
    """
    datang come visit bisa dapat can urus diurus ngurus mengurus rekam daftar mendaftar
    diambil ambil dilayanin layani proses diproses hanya only masuk juga also too well aja saja cuma
    """
)
APPOINTMENT_WORDS = _words(
    """
    datang come visit arrive dipanggil panggil wawancara interview jadwal janji appointment
    ambil diambil antre antri antrean antrian queue tunggu menunggu nunggu ditunggu wait
    jemput booking booked book pemesanan reservasi reservation slot dtg dateng dtng
    """
)
OPEN_AT_BEFORE = frozenset(
    {
        "buka",
        "dibuka",
        "mulai",
        "dimulai",
        "mulainya",
        "opens",
        "open",
        "start",
        "starts",
        "bukanya",
    }
)
CLOSE_AT_BEFORE = frozenset({"tutup", "ditutup", "closes", "close", "closing", "tutupnya"})
UNTIL_WORDS = frozenset({"sampai", "hingga", "until", "till", "sd", "to", "nganti", "ngantos"})
BREAK_WORDS = frozenset({"istirahat", "ishoma", "break", "rehat", "lunch"})
HOLIDAY_WORDS = frozenset(
    {
        "nasional",
        "cuti",
        "lebaran",
        "idul",
        "natal",
        "raya",
        "imlek",
        "nyepi",
        "waisak",
        "tahun baru",
    }
)
EXCEPT_WORDS = frozenset({"kecuali", "except", "selain", "excluding"})
CUTOFF_WORDS = frozenset({"terakhir", "last", "batas"})
PERIOD_WORDS = frozenset(
    {"pagi", "siang", "sore", "malam", "malem", "dalu", "subuh", "am", "pm", "wib", "wita", "wit"}
)
TIME_LEAD = frozenset({"jam", "pukul", "pkl", "jm"})
SERVICE_VERBS = frozenset(
    {
        "dilayani",
        "dilayanin",
        "melayani",
        "layani",
        "served",
        "serve",
        "buka",
        "open",
        "diproses",
        "proses",
    }
)
EVERY_DAY_LEAD = frozenset({"setiap", "tiap", "every", "tiap-tiap"})


# --------------------------------------------------------------------------- questions


_BOOKING_ASKED = frozenset(
    {
        "book",
        "booking",
        "booked",
        "reserve",
        "reserved",
        "reservation",
        "reservasi",
        "kosong",
        "confirmed",
    }
)


def question_kinds(tokens: list[Token]) -> frozenset[str]:
    """What a question asks about: "fee", "duration", "hours" (possibly several)."""
    kinds: set[str] = set()
    words = [t.low for t in tokens if t.kind == "word"]
    joined = " " + " ".join(words) + " "
    if any(
        p in joined
        for p in (
            " berapa lama ",
            " brp lama ",
            " lama ",
            " kapan jadi",
            " kapan selesai",
            " kapan bisa",
            " kapan diambil",
            " kapan keluar",
            " kapan terbit",
            " berapa hari ",
            " how long ",
            " when will ",
            " when can ",
            " when is ",
            " how many days ",
            " how soon ",
            " lamanya ",
            " waktu ",
            " lamo ",
            " lami ",
            " sabaraha dinten ",
            " kok belum ",
            " kok blm ",
            " belum keluar ",
            " blm keluar ",
            " belum jadi ",
            " blm jadi ",
            " belum selesai ",
            " belum ada kabar ",
            " still not ",
            " not ready yet ",
            " kapan diperbaiki ",
            " kapan dibalas ",
            " kapan dijawab ",
            " kapan ditanggapi ",
            " kapan diproses ",
        )
    ):
        kinds.add("duration")
    if any(
        p in joined
        for p in (
            " jam berapa ",
            " jam brp ",
            " bukanya ",
            " tutupnya ",
            " buka ",
            " tutup ",
            " jam buka ",
            " jam layanan ",
            " jam operasional ",
            " hari apa ",
            " libur ",
            " what time ",
            " open ",
            " opening ",
            " close ",
            " closing ",
            " hours ",
        )
    ):
        kinds.add("hours")
    if any(p in joined for p in _OPENING_QUESTIONS) or (
        " what time " in joined and " open" in joined
    ):
        kinds.add("opening")  # the first time in the answer is the opening time
    elif any(p in joined for p in _CLOSING_QUESTIONS) or (
        " what time " in joined and " clos" in joined
    ):
        kinds.add("closing")  # the first time in the answer is the closing time
    elif any(p in joined for p in (" jam berapa ", " jam brp ", " pukul berapa ")):
        # "jam brp kantor rusun tutup?": the time asked, then whether it opens or closes
        opens = any(w in _OPEN_ASKED for w in words)
        closes = any(w in _CLOSE_ASKED for w in words)
        if opens != closes:
            kinds.add("opening" if opens else "closing")
    # "jam berapa", "berapa lama", "berapa hari" ask for a time, not a price.
    priced = joined
    for phrase in (
        " jam berapa",
        " jam brp",
        " pukul berapa",
        " pukul brp",
        " berapa lama",
        " brp lama",
        " berapa hari",
        " brp hari",
    ):
        priced = priced.replace(phrase, " ")
    if any(
        p in priced
        for p in (
            " berapa ",
            " brp ",
            " brapa ",
            " biaya",
            " bayar",
            " tarif",
            " harga",
            " gratis ",
            " how much ",
            " cost",
            " fee",
            " price",
            " free ",
            " pay",
        )
    ):
        kinds.add("fee")
    # "katanya bisa 3 bulan?": a time span quoted in the question asks about the duration.
    if "duration" not in kinds and quoted_durations(tokens):
        kinds.add("duration")
    # "bisa jadi besok?", "ready by tomorrow?": a day asked for the result
    if (
        "duration" not in kinds
        and any(w in _READY_ASKED for w in words)
        and (
            any(w in ("besok", "tomorrow", "lusa", "today") for w in words)
            or " hari ini " in joined
        )
    ):
        kinds.add("duration")
    asked_days = {
        DAY_WORDS[t.low] for i, t in enumerate(tokens) if t.low in DAY_WORDS and _is_day(tokens, i)
    }
    # "jumat siang bisa?", "can I come at 1pm?": a day or a time of day asks when the desk serves,
    # unless the question asks a price ("sabtu minggu berapa?" is the rate of those days).
    if (
        "hours" not in kinds
        and "fee" not in kinds
        and (asked_days or _asks_about_time_of_day(tokens))
    ):
        kinds.add("hours")
    elif (
        "hours" not in kinds
        and any(t.low in ("bisa", "bs", "can", "masih") for t in tokens)
        and _asks_about_time_of_day(tokens)
    ):
        kinds.add("hours")  # "futsal jam 11 malem bisa? brp?": the time and the price
    # "can I book a room tomorrow at 1pm?", "jam 7 ada lapangan kosong?": a booking is asked
    if any(w in _BOOKING_ASKED for w in words):
        kinds.add("slot")
    # "Jumat loket tutup jam berapa?": one day asked about scopes a bare time in the answer
    if len(asked_days) == 1 and "hours" in kinds:
        kinds.add(f"day:{asked_days.pop()}")
    return frozenset(kinds)


_OPEN_ASKED = frozenset({"buka", "bukanya", "dibuka", "mulai", "open", "opens"})
_CLOSE_ASKED = frozenset(
    {"tutup", "tutupnya", "ditutup", "selesai", "close", "closes", "terakhir", "last"}
)
_READY_ASKED = frozenset(
    {"jadi", "selesai", "kelar", "beres", "keluar", "terbit", "ready", "done", "finished", "siap"}
)
_CLOSING_QUESTIONS = (
    " tutup jam ",
    " jam tutup ",
    " tutupnya jam ",
    " sampai jam berapa ",
    " sampai jam brp ",
    " sampai jam ",
    " until what time ",
    " open until ",
    " close at ",
    " closing time ",
)
_OPENING_QUESTIONS = (
    " buka jam ",
    " bukanya jam ",
    " jam buka ",
    " jam bukanya ",
    " mulai jam ",
    " buka pukul ",
    " buka mulai ",
    " open at ",
    " opening time ",
    " when do you open ",
)


def quoted_durations(tokens: list[Token]) -> list[Duration]:
    """Time spans a question quotes ("katanya bisa 3 bulan?"), not past ones ("2 minggu lalu")."""
    found: list[Duration] = []
    for i, token in enumerate(tokens):
        if token.kind == "word" and token.low not in DURATION_STARTS:
            continue
        if token.kind == "punct":
            continue
        read = _read_duration(tokens, i)
        if read is None or read[2] not in ("number", "se", "vague"):
            continue
        end = read[1]
        after = tokens[end].low if end < len(tokens) else ""
        before = tokens[i - 1].low if i > 0 else ""
        if (
            after not in PAST_AFTER
            and after not in ("lalu", "ago", "yang")
            and (before not in PAST_BEFORE)
        ):
            found.append(read[0])
    return found


_GREETING_BEFORE_PERIOD = frozenset({"selamat", "good", "met", "slmt"})


def _asks_about_time_of_day(tokens: list[Token]) -> bool:
    for i, token in enumerate(tokens):
        low = token.low
        if (low in PERIODS or low in ("pm", "am")) and not (
            i > 0 and tokens[i - 1].low in _GREETING_BEFORE_PERIOD
        ):
            return True
        if (token.kind == "num" or low in TIME_LEAD) and _read_time(tokens, i) is not None:
            return True
    return False


# --------------------------------------------------------------------------- helpers


def _clause_bounds(tokens: list[Token], index: int) -> tuple[int, int]:
    token = tokens[index]
    return token.clause_start, token.clause_end


def _words_between(tokens: list[Token], start: int, end: int) -> list[str]:
    return [t.low for t in tokens[max(0, start) : max(0, end)]]


def _has_any(tokens: list[Token], start: int, end: int, vocabulary: frozenset[str]) -> bool:
    """A word of ``vocabulary`` in tokens[start:end], not counting words of a service's name
    ("lahir" in "akta lahir" is no age, "parkir" in "parkir berlangganan" no parking fee)."""
    if start < 0:
        start = 0
    if end < 0:
        end = 0
    for token in tokens[start:end]:
        if (token.low in vocabulary or token.stem in vocabulary) and not token.mention:
            return True
    return False


def _text(tokens: list[Token], start: int, end: int) -> str:
    parts: list[str] = []
    for token in tokens[start:end]:
        if parts and token.space_before:
            parts.append(" ")
        parts.append(token.raw)
    return "".join(parts)


def _int_value(token: Token) -> int | None:
    if token.kind != "num" or not token.low.isdigit():
        return None
    return int(token.low)


# --------------------------------------------------------------------------- money


def _read_amount(tokens: list[Token], i: int) -> tuple[int, int, bool] | None:
    """An amount starting at token ``i``: (Rupiah, end index, has a money marker)."""
    count = len(tokens)
    token = tokens[i]
    j = i
    currency = False
    if token.kind == "word" and token.low in ("rp", "idr", "rupiah"):
        currency = True
        j = i + 1
        if j < count and tokens[j].low == ".":
            j += 1
        if j >= count:
            return None
        token = tokens[j]
    if token.kind == "num":
        value = token.number
        if value is None:
            return None
        k = j + 1
        marker = currency
        if k < count and tokens[k].low == "an" and not tokens[k].space_before:
            k += 1  # "50an ribu"
        if k < count and tokens[k].kind == "word":
            magnitude_word = tokens[k].low
            if magnitude_word in MAGNITUDE_WORDS and (magnitude_word != "m" or currency):
                if magnitude_word == "k" and tokens[k].space_before and not currency:
                    return None
                value *= MAGNITUDE_WORDS[magnitude_word]
                marker = True
                k += 1
                # "1 juta 200 ribu"
                if (
                    MAGNITUDE_WORDS[magnitude_word] >= 1_000_000
                    and k + 1 < count
                    and tokens[k].kind == "num"
                    and tokens[k + 1].low in ("ribu", "rb", "k", "thousand")
                ):
                    rest = tokens[k].number
                    if rest is not None and rest < 1000:
                        value += rest * 1000
                        k += 2
                if not currency and k < count and tokens[k].low in COUNTED_NOUNS:
                    return None  # "1,2 juta penduduk"
        # "350.000 IDR"; but in "lantai 1 IDR 350,000" the currency opens the next amount
        if (
            k < count
            and tokens[k].low in ("rupiah", "idr", "perak")
            and not (k + 1 < count and tokens[k + 1].kind == "num")
        ):
            marker = True
            k += 1
        # "Rp350.000,-" / ",00"
        if k + 1 < count and tokens[k].low == "," and tokens[k + 1].low == "-":
            k += 2
        return round(value), k, marker
    if token.kind == "word":
        if token.low in SLANG_AMOUNTS:
            return SLANG_AMOUNTS[token.low], j + 1, True
        if token.low in NUMBER_WORDS or token.low.startswith("se"):
            words = [t.low for t in tokens[j : j + 12]]
            parsed = parse_number_words(words)
            if parsed is None or parsed[1] == 0:
                return None
            value, used = parsed
            consumed_words = words[:used]
            k = j + used
            has_magnitude = any(
                w
                in (
                    "ribu",
                    "juta",
                    "miliar",
                    "milyar",
                    "thousand",
                    "million",
                    "billion",
                    "seribu",
                    "sejuta",
                )
                for w in consumed_words
            )
            if k < count and tokens[k].low in ("rupiah", "perak"):
                has_magnitude = True
                k += 1
            if not (has_magnitude or currency):
                return None
            return round(value), k, True
    return None


# Extras a citizen pays for on the way, never the service itself (activities such as
# "training" also name services, so they are left out here).
_EXTRA_ITEMS = _words(
    """
    parkir parking materai meterai fotokopi fotocopy fc photocopy ongkir kurir courier postage
    shipping map stopmap amplop envelope snack toilet botol bottle wifi
    """
)


def _money_block(
    tokens: list[Token],
    start: int,
    end: int,
    amount: int,
    sentence_report: bool,
    mention_tokens: frozenset[int] = frozenset(),
) -> str:
    """Why an amount is not a claim about this service's fee ("" when it is one): each rule has
    its own code, which the rescue model may read (``soft`` extraction)."""
    if sentence_report:
        return "f1"
    c_start, c_end = _clause_bounds(tokens, start)
    # "Fotokopi dulu di koperasi depan, Rp 500 per lembar": a clause that opens with the amount
    # takes its subject from the clause before it.
    sentence = tokens[start].sentence
    if (
        c_start > 0
        and tokens[c_start - 1].sentence == sentence
        and all(
            t.kind in ("punct", "num") or t.low in FILLERS or t.low in _HEDGES
            for t in tokens[c_start:start]
        )
    ):
        c_start = tokens[c_start - 1].clause_start
    before = max(c_start, start - 6)
    # "Parkir motor di depan IGD 2rb": a clause about an extra, whatever it passes on the way
    first = tokens[c_start]
    if first.low in _EXTRA_ITEMS and c_start not in mention_tokens and not first.mention:
        return "f2"
    if is_negated(tokens, start, 2) or (
        is_negated(tokens, start, 3) and tokens[start - 1].low in ("bayar", "biaya", "pay")
    ):
        return "f3"
    if other_place_before(tokens, start, mention_tokens):
        return "f4"
    if (
        _has_any(tokens, end, c_end, _OTHER_PARTIES)
        and not _has_any(tokens, end, c_end, DESK_WORDS)
        and not _has_any(tokens, end, c_end, _BUNDLED)
    ):
        return "f5"  # "500rb itu biaya uji lab dari lab swasta" ("sudah sama notaris" bundles)
    # "the consultant who prepares your UKL-UPL charges 5-10 mio": another party's price.
    for j in range(start - 1, max(-1, start - 14), -1):
        if tokens[j].sentence != sentence:
            break
        low = tokens[j].low
        if low in DESK_WORDS:
            if j > 0 and tokens[j - 1].low in ("luar", "outside"):
                continue  # "di luar kami": not us
            break
        if (
            low in PARTY_WORDS or tokens[j].stem in PARTY_WORDS or low in ("swasta", "private")
        ) and not tokens[j].mention:
            return "f6"
    s_first = start
    while s_first > 0 and tokens[s_first - 1].sentence == sentence:
        s_first -= 1
    s_last = end
    while s_last < len(tokens) and tokens[s_last].sentence == sentence:
        s_last += 1
    if _has_any(tokens, c_start, c_end, SEPARATE_WORDS):
        return "f7"
    if (
        c_end < s_last
        and tokens[c_end].low not in CONDITIONAL_WORDS
        and _paid_separately(tokens, c_end, tokens[c_end].clause_end)
    ):
        return "f8"
    if any(
        _has_any(tokens, j, j + 1, TRADE_WORDS) and not _purpose_before(tokens, j, c_start)
        for j in range(c_start, min(c_end, end + 4))
    ):
        return "f9"
    if _has_any(tokens, end, min(c_end, end + 4), REFUND_WORDS):
        return "f10"
    # "700rb (2 bulan sewa) dikembalikan pas keluar": the refund named after a gloss
    if end < len(tokens) and tokens[end].low == "(":
        k = end
        while k < len(tokens) and tokens[k].sentence == sentence and tokens[k].low != ")":
            k += 1
        if (
            k + 1 < len(tokens)
            and tokens[k].low == ")"
            and tokens[k + 1].sentence == sentence
            and _has_any(tokens, k + 1, min(tokens[k + 1].clause_end, k + 4), REFUND_WORDS)
        ):
            return "f11"
    sentence = tokens[start].sentence
    fine_start = start
    while fine_start > 0 and start - fine_start < 8 and tokens[fine_start - 1].sentence == sentence:
        fine_start -= 1
    if _has_any(tokens, fine_start, start, FINE_WORDS) or _has_any(
        tokens, end, min(c_end, end + 3), FINE_WORDS
    ):
        return "f12"
    if _has_any(tokens, before, start, THRESHOLD_WORDS):
        return "f13"
    # "sisa panjar ibu 175.500": a balance, even when the word is part of a service's name
    for j in range(start - 1, max(c_start, start - 4) - 1, -1):
        if tokens[j].low in DIRECT_FEE_WORDS or tokens[j].stem in DIRECT_FEE_WORDS:
            break  # "sisa panjar ambilnya bayar 20rb": a payment after all
        if tokens[j].low in _BALANCE_WORDS:
            return "f14"
    if _inside_parentheses(tokens, start) and (
        _has_any(tokens, s_first, start, THRESHOLD_WORDS)
        or _has_any(tokens, s_first, start, FINE_WORDS)
        or _has_ancillary(tokens, s_first, start, mention_tokens)
    ):
        return "f15"
    # "kata siapa keberatan harus bayar 100rb? ... itu hoaks": a quoted rumour, then denied
    if _quoted_rumour(tokens, s_first, s_last):
        return "f16"
    for j in range(before, start):
        # "harga cabai Rp 50.000", "harga rumah 500 juta": the price of a thing, not the fee
        if (
            tokens[j].low in ("harga", "price")
            and j + 1 < start
            and tokens[j + 1].kind == "word"
            and tokens[j + 1].low not in FILLERS
            and tokens[j + 1].low not in FEE_WORDS
            and tokens[j + 1].low not in MONEY_STARTS
            and tokens[j + 1].low not in PRICE_ADJECTIVES
            and (j + 1) not in mention_tokens
        ):
            return "f17"
    if (
        end + 1 < len(tokens)
        and tokens[end].low in ("per", "/")
        and tokens[end + 1].low in GOODS_UNITS
        and not _has_any(tokens, max(c_start, start - 2), start, DIRECT_FEE_WORDS)
    ):
        return "f18"  # goods priced per piece, unless "bayar 15rb per bungkus" for the service
    # "di bawah 5 miliar", "maksimal 3 juta" without a fee word before: a limit, not a fee.
    near = max(c_start, start - 2)
    if _has_any(tokens, near, start, COMPARATIVE_BEFORE) and not _has_any(
        tokens, max(c_start, start - 6), near, DIRECT_FEE_WORDS
    ):
        return "f19"
    # "a new licence for a course and training institution (LKP) costs ...": an extra's word
    # before the service's own name describes the service
    ancillary_from = max(c_start, start - 8)
    for j in range(start - 1, ancillary_from - 1, -1):
        if j in mention_tokens:
            ancillary_from = j + 1
            break
        low = tokens[j].low
        if not (tokens[j].kind == "punct" or low in FEE_WORDS or low in FILLERS or low in _IS):
            break
    if _has_ancillary(tokens, ancillary_from, start, mention_tokens):
        return "f20"
    # "A stamp duty (materai) of IDR 10,000": a gloss in parentheses splits the clause
    if c_start > 1 and tokens[c_start - 1].low == ")":
        gloss = tokens[c_start - 1].clause_start
        if (
            gloss > 0
            and tokens[gloss - 1].low == "("
            # "(LKP)": a gloss that names the service makes the words before it its name
            and not any(j in mention_tokens for j in range(gloss, c_start - 1))
        ):
            outer = tokens[gloss - 1].clause_start
            if _has_ancillary(tokens, max(outer, start - 8), start, mention_tokens):
                return "f21"
    # "Parkir motor 2rb, mobil 5rb": the next item of a list of extras
    if (
        c_start > 0
        and tokens[c_start - 1].low == ","
        and start - c_start <= 2
        and tokens[c_start - 1].sentence == sentence
        and not any(t.mention or t.low in DIRECT_FEE_WORDS for t in tokens[c_start:start])
    ):
        previous_start = tokens[c_start - 1].clause_start
        if _has_ancillary(tokens, previous_start, c_start - 1, mention_tokens):
            return "f22"
    after = _words_between(tokens, end, min(c_end, end + 3))
    bundled = any(
        w in ("sama", "plus", "termasuk", "including", "incl", "dengan", "+") for w in after
    )
    # "150rb per pengiriman": the unit a rate is counted in, not an extra item
    after_from = end
    while after_from < c_end and tokens[after_from].low in FILLERS:
        after_from += 1
    if after_from < c_end and tokens[after_from].low in ("per", "/", "tiap"):
        after_from += 2
    else:
        after_from = end
    if not bundled and _has_ancillary(tokens, after_from, min(c_end, end + 3), mention_tokens):
        return "f23"
    # "plus 1 million deposit that you get back": a deposit named right after its amount
    if _has_any(tokens, end, min(c_end, end + 2), _DEPOSIT_WORDS):
        return "f24"
    # Large amounts are values (prices, taxes, limits) unless a fee word stands right before.
    if amount >= 10_000_000 and not _has_any(
        tokens, max(c_start, start - 2), start, DIRECT_FEE_WORDS
    ):
        return "f25"
    # A percentage
    return "percent" if end < len(tokens) and tokens[end].low in ("%", "persen", "percent") else ""


# Words that may stand before "terpisah" when the amount before is what is paid separately
# (", dibayar terpisah", ", paid separately"); any other word names what is separate
# (", water and electricity separate").
_SEPARATE_LEADS = _words(
    """
    dibayar bayar bayarnya pembayaran pembayarannya disetor ditagih dan itu ini nya is are it
    be to paid pay payable billed charged and
    """
)


def _paid_separately(tokens: list[Token], start: int, end: int) -> bool:
    """The clause tokens[start:end] says the amount before it is paid separately."""
    for token in tokens[start:end]:
        if token.low in SEPARATE_WORDS and not token.mention:
            return True
        if token.kind == "word" and token.low not in _SEPARATE_LEADS and token.low not in FILLERS:
            return False
    return False


_IS = frozenset({"is", "are", "adalah", "yaitu", "ialah"})
# "Obat cacingnya beli di apotek depan, kisaran 15-20rb": a hedge opens the amount's clause
_HEDGES = _words(
    """
    kisaran sekitar kira-kira kurleb biasanya umumnya rata-rata around about approximately
    approx roughly typically usually
    """
)


_QUOTE_WORDS = frozenset(
    {"bilang", "kata", "katanya", "disuruh", "dibilang", "said", "told", "says", "claimed"}
)
_DENIAL_WORDS = frozenset(
    {"salah", "hoaks", "hoax", "bohong", "keliru", "wrong", "false", "untrue", "calo", "pungli"}
)


def _quoted_rumour(tokens: list[Token], start: int, end: int) -> bool:
    words = [t.low for t in tokens[start:end]]
    if not any(w in _QUOTE_WORDS for w in words):
        return False
    if "?" in words:
        return True
    following = [t.low for t in tokens[end : min(len(tokens), end + 12)]]
    return any(w in _DENIAL_WORDS for w in words + following) or "siapa" in words


def _has_ancillary(
    tokens: list[Token], start: int, end: int, mention_tokens: frozenset[int]
) -> bool:
    """An ancillary item (stamp duty, photocopies, parking, bank charges...) that is not part of
    a service name."""
    for j in range(max(0, start), max(0, end)):
        if j > 0 and (tokens[j - 1].low, tokens[j].low) in ANCILLARY_PAIRS:
            return True
        if (
            j not in mention_tokens
            and not tokens[j].mention
            and (tokens[j].low in ANCILLARY_WORDS or tokens[j].stem in ANCILLARY_WORDS)
            and not _for_the_officers(tokens, j)
        ):
            return True
    return False


_OFFICERS = _words(
    "petugas petugasnya penyuluh penyuluhnya officer officers staf staff pegawai tim"
)


def _for_the_officers(tokens: list[Token], j: int) -> bool:
    """ "biaya transport petugas 100rb": the desk's own people are paid, so it is a charge for
    the service, not an extra bought elsewhere."""
    return any(t.low in _OFFICERS for t in tokens[j + 1 : j + 3])


def _sentence_is_report(
    tokens: list[Token], start: int, end: int, next_words: frozenset[str] = frozenset()
) -> bool:
    """A warning about illegal levies: amounts in it are what not to pay. The sentence after is
    read too ("Jangan percaya calo yang minta Rp 500.000. Laporkan ke ...")."""
    words = {t.low for t in tokens[start:end] if not t.mention}  # "Leak report" is a name
    if (words | next_words) & (REPORT_WORDS - _PLAIN_REPORT_WORDS):
        return True
    # "report", "pengaduan" alone name a service ("lost item report"); with a levy cue they warn
    if (words | next_words) & _PLAIN_REPORT_WORDS and (words | next_words) & (
        REQUEST_WORDS | WARNING_WORDS | TOUT_WORDS | NEGATORS
    ):
        return True
    # "kalau ada petugas minta uang": a levy asked for; "kalo minta dibikinin surat" is a request
    # of the citizen's own
    if words & REQUEST_WORDS and (
        words & (WARNING_WORDS | TOUT_WORDS)
        or (
            words & CONDITIONAL_WORDS
            and (words & _LEVY_CUES or _someone_else_asks(tokens, start, end))
        )
    ):
        return True
    return bool(
        words & WARNING_WORDS and words & {"percaya", "bayar", "beri", "kasih", "pay", "trust"}
    )


_CITIZEN_WORDS = _words(
    """
    you anda kamu bapak ibu bpk bu pak kak kakak mas mbak the a also juga ada yang yg
    """
)


def _someone_else_asks(tokens: list[Token], start: int, end: int) -> bool:
    """ "if the school asks for ...", "kalau ada petugas minta ...": someone between the "if" and
    the asking; "kalo minta dibikinin surat" is the citizen's own request."""
    condition: int | None = None
    for j in range(start, end):
        low = tokens[j].low
        if low in CONDITIONAL_WORDS:
            condition = j
        elif low in REQUEST_WORDS and condition is not None:
            between = [
                t for t in tokens[condition + 1 : j] if t.kind == "word" and t.low not in FILLERS
            ]
            return any(t.low not in _CITIZEN_WORDS for t in between)
    return False


_LEVY_CUES = _words(
    """
    uang duit bayaran imbalan tip pungutan petugas pegawai staf staff officer oknum orang
    seseorang someone anyone money
    """
)


def _report_sentence(tokens: list[Token], sentences: list[tuple[int, int]], n: int) -> bool:
    """``_sentence_is_report`` for sentence ``n``, with the words of the sentence after it."""
    s_start, s_end = sentences[n]
    next_words: frozenset[str] = frozenset()
    if n + 1 < len(sentences):
        n_start, n_end = sentences[n + 1]
        next_words = frozenset(t.low for t in tokens[n_start:n_end] if not t.mention)
    return _sentence_is_report(tokens, s_start, s_end, next_words)


def _fee_claims(
    tokens: list[Token],
    sentences: list[tuple[int, int]],
    mention_tokens: frozenset[int],
    fee_asked: bool = False,
    soft: bool = False,
) -> list[FeeClaim]:
    claims: list[FeeClaim] = []
    count = len(tokens)
    earlier: list[int] = []  # amounts of the sentences before, fee or not
    for n, (s_start, s_end) in enumerate(sentences):
        # Most sentences hold no amount and no free/paid word: skip them before any work.
        for t in tokens[s_start:s_end]:
            if t.kind == "num" or t.low in FEE_SCAN_STARTS:
                break
        else:
            continue
        # Whether the sentence warns about illegal levies: read only once a claim needs it.
        report: bool | None = None
        first_claim = len(claims)
        amounts: list[int] = []  # every amount in the sentence, fee or not
        scaled: tuple[int, float] | None = None  # (end, magnitude) of the last "350 thousand"
        i = s_start
        while i < s_end:
            token = tokens[i]
            low = token.low
            # ---- amounts
            if token.kind == "num" or low in MONEY_STARTS:
                read = _read_amount(tokens, i)
                if read is not None:
                    amount, end, marker = read
                    # A bare range start borrowing the magnitude of its end: "50-100rb".
                    if (
                        not marker
                        and token.kind == "num"
                        and end + 1 < count
                        and tokens[end].low
                        in (
                            "-",
                            "sampai",
                            "hingga",
                            "atau",
                            "to",
                        )
                    ):
                        nxt = _read_amount(tokens, end + 1)
                        if nxt is not None and nxt[2] and tokens[end + 1].kind == "num":
                            scale_value = tokens[end + 1].number or 1
                            scale = nxt[0] / scale_value if scale_value else 1
                            amount = round(amount * scale)
                            marker = True
                    if (
                        not marker
                        and scaled is not None
                        and i - scaled[0] <= 6
                        and i > 0
                        and tokens[i - 1].low in _LIST_LINKS
                        and token.kind == "num"
                        and token.space_before
                        and token.low.isdigit()
                        and 0 < amount < 1000
                        and (end == count or tokens[end].low in _VARIANT_LEADS)
                    ):
                        # "350 thousand for regular, 650 for electronic": the list's magnitude
                        amount = round(amount * scaled[1])
                        marker = True
                    if not marker:
                        marker = _bare_amount_is_fee(tokens, i, end, amount, fee_asked)
                        if marker and amount < 1000:
                            amount *= 1000
                    elif token.kind == "num" and token.number and 0 < token.number < 1000:
                        scale = amount / token.number
                        if scale >= 1000:
                            scaled = (end, scale)
                    if marker:
                        amounts.append(amount)
                        if amount == 0:
                            claims.append(FeeClaim(i, end, 0, _text(tokens, i, end)))
                        else:
                            if report is None:
                                report = _report_sentence(tokens, sentences, n)
                            blocked = _money_block(tokens, i, end, amount, report, mention_tokens)
                            if not blocked or soft:
                                claims.append(
                                    FeeClaim(i, end, amount, _text(tokens, i, end), blocked=blocked)
                                )
                        i = end
                        continue
            # ---- free / paid without amount
            if token.kind == "word" and low in FREE_OR_PAID_STARTS:
                if report is None:
                    report = _report_sentence(tokens, sentences, n)
                claim = _free_or_paid(tokens, i, report, mention_tokens)
                if claim is not None:
                    claims.append(claim)
            i += 1
        # "SIM A Rp 80.000 + tes kesehatan Rp 25.000 = Rp 105.000": a sum is not a fee.
        if len(amounts) >= 3:
            claims[first_claim:] = [
                c for c in claims[first_claim:] if not (c.amount and _is_sum(c.amount, amounts))
            ]
        # "KIR 85rb, kartu 50rb. Jadi total 135rb": a total of amounts stated before.
        if earlier:
            claims[first_claim:] = [
                c
                for c in claims[first_claim:]
                if not (
                    c.amount
                    and _has_any(tokens, max(s_start, c.index - 3), c.index, _TOTAL_LEADS)
                    and _is_sum(c.amount, [*earlier, c.amount])
                )
            ]
        earlier.extend(amounts)
    return claims


_DEPOSIT_WORDS = frozenset({"deposit", "jaminan", "refundable", "deposito"})
_TOTAL_LEADS = frozenset(
    {"total", "totalnya", "jumlah", "jumlahnya", "=", "semuanya", "altogether"}
)


def stated_amounts(tokens: list[Token]) -> frozenset[int]:
    """The positive amounts of money a text states ("kok bayar 250? katanya 150rb")."""
    amounts: set[int] = set()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "num" or token.low in MONEY_STARTS:
            read = _read_amount(tokens, i)
            if read is not None:
                amount, end, marker = read
                if not marker and token.kind == "num":
                    marker = _bare_amount_is_fee(tokens, i, end, amount)
                    if marker and amount < 1000:
                        amount *= 1000
                if marker and amount:
                    amounts.add(amount)
                i = max(end, i + 1)
                continue
        i += 1
    return frozenset(amounts)


_BILL_WORDS = _words(
    """
    tagihan tagihannya rekening rekeningnya bill billing pajak pajaknya tax tunggakan tunggakannya
    iuran angsuran cicilan denda dendanya fine
    """
)


def billed_amounts(tokens: list[Token]) -> frozenset[int]:
    """Amounts a text gives as a bill, tax or arrears of its own ("tagihan saya bulan ini 87.500"):
    repeated in an answer, they are what the citizen owes, not a fee the desk charges."""
    if not any(t.low in _BILL_WORDS for t in tokens):
        return frozenset()
    amounts: set[int] = set()
    for i, token in enumerate(tokens):
        if (token.kind == "num" or token.low in MONEY_STARTS) and any(
            tokens[j].low in _BILL_WORDS for j in range(max(0, i - 5), i)
        ):
            amounts |= stated_amounts(tokens[i : i + 4])
    return frozenset(amounts)


_LIST_LINKS = frozenset({",", "dan", "and", "atau", "or", "/", ";", "&"})
# What may follow an amount in a list of variants ("650 for electronic", "75 (SIM C)").
_VARIANT_LEADS = frozenset({"for", "untuk", "utk", "buat", "bagi", "(", ".", ",", "!", ";"})


def _is_sum(amount: int, amounts: list[int]) -> bool:
    others = list(amounts)
    others.remove(amount)
    others = [a for a in others if 0 < a < amount]
    if len(others) >= 2 and sum(others) == amount:
        return True
    return any(
        others[a] + others[b] == amount
        for a in range(len(others))
        for b in range(a + 1, len(others))
    )


COUNTED_NOUNS = _words(
    """
    orang jiwa penduduk warga pengunjung peserta pemohon unit kendaraan km meter m2 lembar
    halaman berkas views followers people residents visitors applicants pelanggan nasabah kk
    keluarga ekor butir biji batang pohon bibit benih pcs pieces fingerlings seedlings
    """
)
ID_WORDS = _words(
    """
    nik npwp nomor no nib kode id rekening rek hp telp telepon wa whatsapp tel phone kk akta
    register registrasi nomer
    """
)

_BARE_FOLLOWERS = _words(
    """
    aja saja ya pak bu mas mbak dik dek dok ke buat untuk biar dulu deh lah kok doang sih
    kak per rupiah
    """
)


_PRICED_UNITS = _words(
    """
    lembar halaman orang buku jam hari malam bulan tahun sesi unit kamar lot sheet page person
    night month book session hour day
    """
)


def _bare_amount_is_fee(
    tokens: list[Token], i: int, end: int, amount: int, fee_asked: bool = False
) -> bool:
    """A number without a money marker is an amount when a fee word introduces it, or when the
    question asks a price and the number is a rate ("brp selembar?" - "1000 per lembar")."""
    token = tokens[i]
    if token.kind != "num":
        return False
    # "apa2", "hati2": a reduplication written with a 2, glued to its word.
    if i > 0 and not token.space_before and tokens[i - 1].kind == "word":
        return False
    # Parts of identifiers: "12.345.678.9-012.000", NIK, phone and account numbers.
    if i > 0 and not token.space_before and tokens[i - 1].low in ("-", ".", "/"):
        return False
    if (
        end < len(tokens)
        and not tokens[end].space_before
        and tokens[end].low in ("-", "/")
        and end + 1 < len(tokens)
        and tokens[end + 1].kind == "num"
    ):
        return False
    if _has_any(tokens, max(0, i - 3), i, ID_WORDS):
        return False
    following = tokens[end] if end < len(tokens) else None
    follower_ok = (
        following is None
        or (following.kind == "punct" and following.low not in ("%", "/", ":", "x"))
        or following.low in _BARE_FOLLOWERS
        or following.low in NEGATORS
    )
    if not follower_ok:
        return False
    clause_start, _ = _clause_bounds(tokens, i)
    lookback = max(clause_start, i - 3)
    has_fee_word = any(
        tokens[j].low in DIRECT_FEE_WORDS or tokens[j].stem in DIRECT_FEE_WORDS
        for j in range(lookback, i)
    )
    grouped = "." in token.low or "," in token.low
    if amount >= 1000 and grouped and (grouped and len(token.low.split(".")[-1]) == 3):
        return True
    if (
        fee_asked
        and not has_fee_word
        and amount >= 100
        and token.low.isdigit()
        and following is not None
        and following.low in ("per", "/")
        and end + 1 < len(tokens)
        and tokens[end + 1].low in _PRICED_UNITS
    ):
        return True
    if not has_fee_word:
        return False
    if amount >= 1000:
        return True
    # "bayar 50 aja": a small bare number right after a payment word means thousands.
    direct = any(
        tokens[j].low
        in ("bayar", "biaya", "biayanya", "bayarnya", "tarif", "harga", "harganya", "ongkos")
        for j in range(max(clause_start, i - 2), i)
    )
    return direct and token.low.isdigit() and 1 <= amount < 1000


_VOCATIVES = frozenset(
    {"kak", "ka", "pak", "bu", "bapak", "ibu", "mas", "mbak", "dek", "bang", "sis", "gan", "om"}
)


def _answer_particle(tokens: list[Token], i: int) -> bool:
    """ "gak kak, gratis": the "no" answers the question ("kena biaya gak?"), then a vocative."""
    j = i - 1
    while j >= 0 and (
        tokens[j].low in _VOCATIVES or tokens[j].low in (",", "it's", "its", "it", "is")
    ):
        j -= 1  # "No it's free", "gak kak, gratis"
    return (
        j < i - 1
        and j >= 0
        and tokens[j].low in NEGATORS
        and (j == 0 or tokens[j - 1].sentence != tokens[j].sentence)
    )


_FREE_COPY_WORDS = _words(
    """
    pdf download downloaded downloadable unduh diunduh softcopy soft-copy website situs
    dibaca baca membaca read e-book ebook
    """
)
_OURS = frozenset({"kami", "kita", "kantor", "resmi", "our", "us", "official"})


_VOLUNTEERS = frozenset({"donor", "pendonor", "relawan", "volunteer", "tenaga", "kerja"})


def _free_or_paid(
    tokens: list[Token], i: int, report: bool, mention_tokens: frozenset[int]
) -> FeeClaim | None:
    token = tokens[i]
    low = token.low
    count = len(tokens)
    clause_start, clause_end = _clause_bounds(tokens, i)
    prev_low = tokens[i - 1].low if i > clause_start else ""
    next_low = tokens[i + 1].low if i + 1 < clause_end else ""
    if low in FREE_WORDS or (
        low == "cuma" and next_low == "-" and i + 2 < count and tokens[i + 2].low == "cuma"
    ):
        if low == "free" and (prev_low in NOT_FREE_BEFORE or next_low in NOT_FREE_AFTER):
            return None
        if low == "free" and prev_low == "-" and not token.space_before:
            return None  # "drug-free", "smoke-free": without something, not without a fee
        if low == "percuma" and next_low not in ("", ",", ".", "!", "je", "jer", "aje"):
            return None  # "percuma" alone also means "useless"
        if _has_ancillary(tokens, max(clause_start, i - 2), i, mention_tokens) or _has_ancillary(
            tokens, i + 1, min(clause_end, i + 3), mention_tokens
        ):
            return None
        # "yg PDF gratis di website", "bisa dibaca gratis di perpus": a free copy or reading,
        # not the fee of the service sold
        if _has_any(tokens, clause_start, clause_end, _FREE_COPY_WORDS):
            return None
        # "tetep bayar kak. Yg gratis itu bantuan benih": what is free is named after it
        if prev_low in ("yang", "yg") and next_low in ("itu", "tuh", "tu", "adalah", "cuma"):
            return None
        if is_negated(tokens, i, 2) and not _answer_particle(tokens, i):
            if report:
                return None
            return FeeClaim(i, i + 1, None, _text(tokens, max(clause_start, i - 1), i + 1))
        return FeeClaim(i, i + 1, 0, token.raw)
    if low in NEGATORS:
        # negator + (filler) + fee word: "tidak dipungut biaya", "gak bayar", "tanpa biaya", "no fee"
        j = i + 1
        skipped = 0
        while j < clause_end and tokens[j].low in NEGATION_FILLERS and skipped < 2:
            j += 1
            skipped += 1
        if j >= clause_end:
            return None
        head = tokens[j].low
        if head not in NEGATABLE_FEE_HEADS:
            return None
        k = j + 1
        if k < clause_end and tokens[k].low in (
            "biaya",
            "biayanya",
            "bayaran",
            "pungutan",
            "apapun",
            "apa",
            "sepeser",
            "sepeserpun",
            "any",
            "anything",
            "nothing",
        ):
            k += 1
        # "tidak perlu bayar di loket" / "tanpa biaya tambahan": not a statement about the fee.
        if _has_any(tokens, k, min(clause_end, k + 3), FREE_SCOPE_BREAKERS):
            return None
        # "itu bukan biaya kami", "5jt itu bukan biaya kantah": that amount is someone else's
        if low in ("bukan", "bkn") and (
            prev_low in ("itu", "ini", "tu", "yg", "yang")
            or (k < clause_end and (tokens[k].low in _OURS or tokens[k].low in DESK_WORDS))
            # "bukan biaya UPT": someone's fee, named
            or (
                head in ("biaya", "tarif", "pungutan")
                and k < clause_end
                and tokens[k].kind == "word"
            )
        ):
            return None
        if j + 1 < clause_end and _read_amount(tokens, j + 1) is not None:
            return None  # "tidak perlu bayar 50rb" - the amount decides
        return FeeClaim(i, k, 0, _text(tokens, i, k))
    if low in ("costs", "cost", "pay") and next_low == "nothing":
        return FeeClaim(i, i + 2, 0, _text(tokens, i, i + 2))
    if low == "bebas" and next_low in ("biaya", "pungutan"):
        return FeeClaim(i, i + 2, 0, _text(tokens, i, i + 2))
    if report:
        return None
    # Customary words for an unofficial payment: "uang rokok", "bayar seikhlasnya".
    if low == "uang" and next_low in BRIBE_NOUNS and not is_negated(tokens, i, 3):
        return FeeClaim(i, i + 2, None, _text(tokens, i, i + 2))
    if (
        low in ("seikhlasnya", "sukarela", "sukarelanya")
        and not is_negated(tokens, i, 3)
        # "donor sukarela", "relawan sukarela": a volunteer, not a voluntary payment
        and i not in mention_tokens
        and prev_low not in _VOLUNTEERS
    ):
        return FeeClaim(i, i + 1, None, token.raw)
    # A fee is charged, amount unspecified.
    if low == "berbayar" and not is_negated(tokens, i, 2):
        return FeeClaim(i, i + 1, None, token.raw)
    if (
        low in ("biaya", "biayanya")
        and prev_low in ("ada", "dikenakan", "dikenai", "kena")
        and not is_negated(tokens, i - 1, 2)
    ):
        if _has_any(tokens, i + 1, min(clause_end, i + 4), ANCILLARY_WORDS | FINE_WORDS):
            return None
        if _has_any(tokens, i + 1, min(clause_end, i + 5), frozenset({"rp", "idr"})) or any(
            t.kind == "num" for t in tokens[i + 1 : min(clause_end, i + 5)]
        ):
            return None  # an amount follows and is a claim of its own
        return FeeClaim(i - 1, i + 1, None, _text(tokens, i - 1, i + 1))
    return None


# --------------------------------------------------------------------------- durations


def _read_count(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """A count at token ``i`` (digits or words). Returns (value, end)."""
    token = tokens[i]
    if token.kind == "num":
        value = token.number
        if value is None:
            return None
        return value, i + 1
    if token.kind == "word":
        if (
            token.low in ("a", "an", "one")
            and i + 1 < len(tokens)
            and tokens[i + 1].low in UNIT_WORDS
        ):
            # "half an hour", "half a day", "a quarter of an hour"
            before = [t.low for t in tokens[max(0, i - 2) : i]]
            share = 0.5 if before[-1:] == ["half"] else 0.25 if before == ["quarter", "of"] else 1.0
            return share, i + 1
        if token.low in NUMBER_WORDS:
            words = [t.low for t in tokens[i : i + 6]]
            parsed = parse_number_words(words)
            if parsed is None or parsed[1] == 0:
                return None
            return parsed[0], i + parsed[1]
    return None


def _read_unit(tokens: list[Token], j: int) -> tuple[str, float, int, bool] | None:
    """A unit at ``j`` with modifiers: (unit, factor, end, is_year)."""
    count = len(tokens)
    if j >= count:
        return None
    low = tokens[j].low
    if (
        low in ("working", "business", "calendar")
        and j + 1 < count
        and tokens[j + 1].low in ("day", "days")
    ):
        unit = "days" if low == "calendar" else "working_days"
        return unit, 1, j + 2, False
    if low in ("full", "whole") and j + 1 < count and tokens[j + 1].low in UNIT_WORDS:
        j += 1
        low = tokens[j].low
    if low not in UNIT_WORDS:
        return None
    unit, factor = UNIT_WORDS[low]
    end = j + 1
    # "2 mingguan" written "2 minggu-an"
    if end + 1 < count and tokens[end].low == "-" and tokens[end + 1].low == "an":
        end += 2
    if unit == "days" and factor == 1 and end < count and tokens[end].low == "kerja":
        return "working_days", 1, end + 1, False
    if unit == "days" and factor == 1 and end < count and tokens[end].low == "kalender":
        return "days", 1, end + 1, False
    return unit, factor, end, low in YEAR_UNITS


def _read_duration(tokens: list[Token], i: int) -> tuple[Duration, int, str] | None:
    """A duration starting at ``i``: (Duration, end, kind) where kind is
    "number" | "se" | "vague" | "relative" | "year"."""
    token = tokens[i]
    low = token.low
    count = len(tokens)
    if token.kind == "word":
        if low in SE_DURATIONS:
            amount, unit, is_year = SE_DURATIONS[low]
            end = i + 1
            if end + 1 < count and tokens[end].low == "-" and tokens[end + 1].low == "an":
                end += 2  # "sebulan-an": about a month
            elif end < count and tokens[end].low == "-":
                return None  # "sehari-hari" (daily)
            if unit == "days" and end < count and tokens[end].low == "kerja":
                return Duration(amount, "working_days", _text(tokens, i, end + 1)), end + 1, "se"
            return Duration(amount, unit, _text(tokens, i, end)), end, "year" if is_year else "se"
        if low in VAGUE_DURATIONS and i + 2 < count and tokens[i + 1].low == "-":
            amount, unit = VAGUE_DURATIONS[low]
            return Duration(amount, unit, _text(tokens, i, i + 3)), i + 3, "vague"
        if low in ("beberapa", "several", "few", "couple") and i + 1 < count:
            j = i + 1
            if j < count and tokens[j].low == "of":
                j += 1
            unit_read = _read_unit(tokens, j)
            if unit_read is None:
                return None
            unit, factor, end, is_year = unit_read
            return (
                Duration(2 * factor, unit, _text(tokens, i, end)),
                end,
                "year" if is_year else "vague",
            )
        if low in RELATIVE_DURATIONS:
            return Duration(RELATIVE_DURATIONS[low], "days", token.raw), i + 1, "relative"
        if low in ("minggu", "pekan", "bulan") and i + 1 < count and tokens[i + 1].low == "depan":
            amount = 30.0 if low == "bulan" else 7.0
            return Duration(amount, "days", _text(tokens, i, i + 2)), i + 2, "relative"
        if (
            low in ("next", "following")
            and i + 2 < count
            and tokens[i + 1].low in ("working", "business")
            and tokens[i + 2].low == "day"
        ):
            return Duration(1.0, "working_days", _text(tokens, i, i + 3)), i + 3, "relative"
        if (
            low == "day"
            and i + 2 < count
            and tokens[i + 1].low == "after"
            and tokens[i + 2].low == "tomorrow"
        ):
            return Duration(2.0, "days", _text(tokens, i, i + 3)), i + 3, "relative"
        if low == "keesokan":
            end = i + 2 if i + 1 < count and tokens[i + 1].low in ("harinya", "hari") else i + 1
            return Duration(1.0, "days", _text(tokens, i, end)), end, "relative"
        if (
            low in ("next", "following")
            and i + 1 < count
            and tokens[i + 1].low in ("day", "week", "month")
        ):
            amount = {"day": 1.0, "week": 7.0, "month": 30.0}[tokens[i + 1].low]
            return Duration(amount, "days", _text(tokens, i, i + 2)), i + 2, "relative"
    count_read = _read_count(tokens, i)
    if count_read is None:
        return None
    value, j = count_read
    if (
        token.kind == "num"
        and ("." in low or ":" in low)
        and len(low.replace(":", ".").split(".")[-1]) == 2
    ):
        return None  # "08.00" is a time of day
    # "5 (lima) hari kerja"
    if j + 2 < count and tokens[j].low == "(" and tokens[j + 1].kind == "word":
        inner = parse_number_words([t.low for t in tokens[j + 1 : j + 6]])
        if (
            inner is not None
            and inner[0] == value
            and j + 1 + inner[1] < count
            and tokens[j + 1 + inner[1]].low == ")"
        ):
            j = j + 2 + inner[1]
    # "1x24 jam", "2 x 24 jam"
    if j + 1 < count and tokens[j].low in ("x", "×") and tokens[j + 1].kind == "num":
        factor_value = tokens[j + 1].number
        if factor_value is not None:
            value *= factor_value
            j += 2
    # "3-5 hari kerja", "1 atau 2 minggu", "dua tiga hari": the upper bound counts.
    elif j + 1 < count and tokens[j].low in RANGE_CONNECTORS:
        upper = _read_count(tokens, j + 1)
        if upper is not None and upper[0] >= value and _read_unit(tokens, upper[1]) is not None:
            value, j = upper
    elif (
        j < count
        and tokens[j].kind in ("num", "word")
        and tokens[j].low in NUMBER_WORDS
        and token.kind == "word"
    ):
        upper = _read_count(tokens, j)
        if upper is not None and upper[0] > value and _read_unit(tokens, upper[1]) is not None:
            value, j = upper
    if j < count and tokens[j].low == "an" and not tokens[j].space_before:
        j += 1  # "2an minggu"
    unit_read = _read_unit(tokens, j)
    if unit_read is None:
        return None
    unit, factor, end, is_year = unit_read
    # "jam 3" is a time: "3 jam 8" is not a duration of 3 hours.
    if unit == "hours" and end < count and tokens[end].kind == "num" and tokens[j].low == "jam":
        return None
    if unit == "minutes" and tokens[j].low == "min" and end < count and tokens[end].kind == "num":
        return None
    if value <= 0 or value > 1000:
        return None
    return (
        Duration(value * factor, unit, _text(tokens, i, end)),
        end,
        "year" if is_year else "number",
    )


# What may follow the number of a duration (see _read_duration and _read_unit).
_AFTER_COUNT = frozenset(
    {
        *UNIT_WORDS,
        *RANGE_CONNECTORS,
        "(",
        "x",
        "×",
        "an",
        "working",
        "business",
        "calendar",
        "full",
        "whole",
    }
)


def _duration_claims(
    tokens: list[Token],
    qkinds: frozenset[str],
    mention_tokens: frozenset[int],
    soft: bool = False,
) -> list[DurationClaim]:
    claims: list[DurationClaim] = []
    count = len(tokens)
    last = count - 1
    # Candidate starts in one C-level pass; the rest of the tokens cannot start a duration.
    starts = [
        t.index
        for t in tokens
        if (t.low in DURATION_STARTS if t.kind == "word" else t.kind == "num")
    ]
    resume = 0
    for i in starts:
        if i < resume:
            continue
        token = tokens[i]
        # a number starts a duration only when a unit (or what may precede one) follows
        if token.kind == "num" and (i == last or tokens[i + 1].low not in _AFTER_COUNT):
            continue
        read = _read_duration(tokens, i)
        if read is None:
            continue
        duration, end, kind = read
        if (
            i > 0
            and tokens[i - 1].low in COUNTER_WORDS
            and token.kind == "num"
            and end < count
            and (
                tokens[end].kind == "num"
                or tokens[end].low in DAY_WORDS
                or tokens[end].low in ("ini", "itu")
            )
        ):
            resume = end  # "loket 3 hari Senin", "ruang 2 hari ini": a counter, then a day
            continue
        if token.kind == "num" and i > 0 and tokens[i - 1].low in _DATE_LEADS:
            resume = end  # "paling lambat tanggal 15 bulan berikutnya": a date
            continue
        blocked = _duration_block(tokens, i, end, kind, duration, qkinds, mention_tokens)
        if not blocked or soft:
            claims.append(DurationClaim(i, end, duration, _text(tokens, i, end), blocked=blocked))
        resume = end
    return claims


# Words a bare "service + duration" clause may hold: "KKPR sekarang 3 minggu", "PBG emang
# standarnya 60 hari kerja"
_BARE_CLAUSE_WORDS = _words(
    """
    sekarang skrg skrng now memang emang mmg biasanya usually normally currently nowadays
    standarnya aturannya ketentuannya
    """
)
_TAKES = frozenset(
    {"take", "takes", "took", "taking", "butuh", "membutuhkan", "memakan", "memerlukan", "makan"}
)
_FREQUENCY_NOUNS = frozenset(
    {"sessions", "session", "times", "visits", "kali", "sesi", "x", "kunjungan", "pertemuan"}
)
_DATE_LEADS = frozenset({"tanggal", "tgl", "tgl.", "date", "dated"})


_INTERVAL_WORDS = frozenset({"jarak", "interval", "selang"})
_PER_SPAN = tuple(
    [lead, span]
    for lead in ("a", "per", "an")
    for span in ("day", "week", "hari", "minggu", "pekan")
)
_A_SPAN = frozenset({"a day", "a week", "sehari", "seminggu", "sepekan", "per day", "per week"})


def _duration_block(
    tokens: list[Token],
    start: int,
    end: int,
    kind: str,
    duration: Duration,
    qkinds: frozenset[str],
    mention_tokens: frozenset[int],
) -> str:
    """Why the duration at ``start`` is not a completion time ("" when it is one): each rule that
    sets it aside has its own code, which the claim filter may read (``soft`` extraction)."""
    c_start, c_end = _clause_bounds(tokens, start)
    before = max(c_start, start - 6)
    after_end = min(c_end, end + 5)
    before_words = _completion_view(tokens, before, start)
    after_words = _completion_view(tokens, end, after_end)
    clause_before_words = _completion_view(tokens, c_start, start)
    # "2 sessions a week", "3x seminggu", "dua kali sehari": how often, not how long
    if after_words[:1] in (["x"], ["×"]) or before_words[-1:] in (["x"], ["×"]):
        return "d1"  # "tunggakan 3 bulan x 15rb", "45rb x 3 bulan": a count of months in a sum
    if (
        (
            before_words[-1:]
            and before_words[-1] in _FREQUENCY_NOUNS
            and tokens[start].kind != "num"  # "5 kali 24 jam" is 5x24 hours
        )
        or (
            # "maksimal 1 kali dalam 12 bulan", "twice in a year": a limit on how often
            before_words[-2:-1]
            and before_words[-2] in _FREQUENCY_NOUNS
            and before_words[-1]
            in ("dalam", "dlm", "per", "in", "within", "a", "every", "setiap", "tiap")
        )
    ):
        return "d2"
    # "bisa sampe 1 jam antri": the queue, "20 minutes on foot": the walk; "total 3 bulan
    # 245.600": months in a bill's total
    queue_after = after_words[1:2] if after_words[:1] in (["on"], ["by"]) else after_words[:1]
    if (queue_after and queue_after[0] in QUEUE_WORDS) or (
        before_words[-1:] in (["total"], ["totalnya"]) and _starts_amount(tokens, end)
    ):
        return "d3"
    # "24 hours a day, 7 days a week", "7 hari seminggu": how much of a day or week is served
    if after_words[:2] in _PER_SPAN or after_words[:1] in (["sehari"], ["seminggu"], ["sepekan"]):
        return "d4"
    if start > 0 and tokens[start - 1].low in UNIT_WORDS and duration.text.lower() in _A_SPAN:
        return "d5"
    # "jarak minimal antar donor 60 hari", "2 weeks between donations": a gap between visits
    if any(w in _INTERVAL_WORDS for w in clause_before_words) or (
        after_words[:1] in (["between"], ["antar"])
    ):
        return "d6"
    clause_words = clause_before_words + after_words
    has_strong_completion = any(w in STRONG_COMPLETION_WORDS for w in clause_words)
    # "aktif 3 minggu setelah pendaftaran": when the result starts to work, counted from the
    # application, is a completion time (not how long it stays valid).
    becomes_active = (
        bool(after_words[:1])
        and after_words[0] in AFTER_WORDS
        and any(w in ("aktif", "active") for w in before_words[-3:])
        and any(w in _APPLICATION_WORDS for w in after_words[1:4])
    )
    # "minimal 3 bulan dulu di faskes lama", "registered for at least 3 months": a condition,
    # unless a completion word says the result takes that long ("minimal 3 hari baru jadi")
    if (
        any(w in ("minimal", "minimum", "least", "sekurang-kurangnya") for w in before_words[-2:])
        and not has_strong_completion
        and not any(w in _MAY_TAKE for w in before_words[-4:])
        # "bisa jadi besok?" - "gak bisa, minimal 3 hari kerja": the least it takes
        and "duration" not in qkinds
    ):
        return "d7"
    # "minimal 60 hari setelah IB", "at least 60 days after insemination": a waiting condition
    if (
        after_words[:1]
        and after_words[0] in AFTER_WORDS
        and any(w in ("minimal", "minimum", "least") for w in before_words[-2:])
    ):
        return "d8"
    # "ambulans baru bisa jalan 2 jam lagi": only in N from now
    only_then = bool(after_words[:1]) and after_words[0] == "lagi" and "baru" in before_words[-4:]
    # "kalau ramai bisa seminggu", "could take two weeks": what it may take
    may_take = only_then
    for w in reversed(before_words[-3:]):
        if w in _MAY_TAKE:
            may_take = True
            break
        if w not in ("sampai", "sekitar", "hingga", "up", "to", "around", "about", "aja", "saja"):
            break
    has_strong_completion = has_strong_completion or becomes_active or may_take
    has_completion = has_strong_completion or any(w in COMPLETION_WORDS for w in clause_words)
    # "buka setengah hari", "Minggu buka, tapi cuma setengah hari": how long the desk is open.
    if not has_strong_completion and (
        any(w in OPENING_STATUS_WORDS for w in clause_words)
        or (
            duration.max_calendar_minutes() <= 24 * 60
            and _has_any(tokens, _sentence_start(tokens, start), c_start, OPENING_STATUS_WORDS)
        )
    ):
        return "d9"
    # "24 jam" alone speaks of availability ("layanan 24 jam"), "1x24 jam" of a deadline.
    if (
        duration.unit == "hours"
        and duration.amount == 24
        and "x" not in duration.text.lower()
        and (
            any(w in _ROUND_THE_CLOCK for w in after_words[:3])
            or any(w in OPENING_STATUS_WORDS or w in _SERVES for w in before_words[-3:])
        )
    ):
        return "d10"  # "dilayani setiap hari 24 jam", "buka 24 jam setiap hari"
    if (
        duration.unit == "hours"
        and duration.amount == 24
        and "x" not in duration.text.lower()
        and not has_strong_completion
        and not any(
            w in ("dalam", "within", "paling", "maksimal", "max", "maks") for w in before_words[-2:]
        )
    ):
        return "d11"
    # "gak sampai sebulan", "tidak lebih dari 2 minggu": denied, so shorter (but "paling tidak
    # 2 minggu" is at least two weeks).
    for j in range(start - 1, max(c_start, start - 3) - 1, -1):
        if tokens[j].low in NEGATORS:
            if not (j > 0 and tokens[j - 1].low in ("paling", "at")):
                return "d12"
            break
    # (working days count a process: "kontrak sewa 45 hari kerja" is how long the contract takes)
    if _has_any(tokens, before, start, AGE_WORDS) or (
        not becomes_active
        and duration.unit != "working_days"
        and _has_any(tokens, before, start, VALIDITY_WORDS)
    ):
        return "d13"
    # "disimpan 30 hari", "30 hari setelah hasil keluar": kept, or counted after completion.
    if _has_any(tokens, c_start, start, RETENTION_WORDS) or _has_any(
        tokens, c_start, start, ACTIVITY_WORDS
    ):
        return "d14"
    # "3 days would be IDR 60,000", "2 hari jadi 40rb": a period being priced.
    k = end
    while k < c_end and k < end + 3 and tokens[k].low in _PRICED_LINKS:
        k += 1
    if k > end and k < c_end and _starts_amount(tokens, k):
        return "d15"
    # "jaminan 1 bulan sewa", "one month's rent": a duration measuring money.
    if after_words[:1] and (
        after_words[0] in ("sewa", "rent", "s", "'s") or after_words[:2] == ["of", "rent"]
    ):
        return "d16"
    # "Rp 75.000 untuk 3 tahun", "IDR 75,000 for another 3 years": the term an amount buys.
    j = start - 1
    while j > c_start and tokens[j].low in ("another", "lagi", "next"):
        j -= 1
    if (
        j > c_start
        and tokens[j].low in ("untuk", "utk", "for", "selama")
        and any(
            tokens[k].low in SLANG_AMOUNTS
            or tokens[k].low in MAGNITUDE_WORDS
            or tokens[k].low in ("rupiah", "rp", "idr")
            for k in range(max(c_start, j - 4), j)
        )
    ):
        return "d17"
    # "Rp 60.000 a month", "60rb sebulan": a rate right after an amount.
    if start > 0:
        previous = tokens[start - 1]
        if (
            previous.low in ("per", "/")
            or previous.low in SLANG_AMOUNTS
            or (previous.low in MAGNITUDE_WORDS or previous.low in ("rupiah", "perak"))
        ):
            return "d18"
        if previous.kind == "num" and start > 1 and tokens[start - 2].low in ("rp", "idr"):
            return "d19"
    # "diambil 30 hari setelah jadi": counted after completion; but "diterbitkan 30 hari kerja
    # sejak sampel diterima" counts the completion itself from the start.
    completes_before = any(
        w in STRONG_COMPLETION_WORDS and w not in PICKUP_WORDS for w in clause_before_words
    )
    for k, word in enumerate(after_words[:2]):
        if (
            word in AFTER_WORDS
            and any(w in COMPLETED_WORDS for w in after_words[k + 1 : k + 4])
            and not completes_before
        ):
            return "d20"
    if any(
        w in ("old", "atas", "keatas", "above", "older", "depan", "kedepan", "ahead")
        for w in after_words[:3]
    ):
        return "d21"
    if start > c_start and tokens[start - 1].low in FREQUENCY_BEFORE:
        return "d22"
    if (
        start > c_start
        and tokens[start - 1].low in ("ke", "-")
        and start > 1
        and tokens[start - 2].low == "ke"
    ):
        return "d23"
    if (
        any(w in FREQUENCY_AFTER for w in after_words[:2])
        or "kali" in after_words[:2]
        or "times" in after_words[:2]
    ):
        return "d24"
    recent = before_words[-4:]
    if any(w in PAST_BEFORE for w in recent):
        past_at = max(k for k, w in enumerate(recent) if w in PAST_BEFORE)
        if not any(
            w in ("bisa", "dapat", "can", "siap", "jadi", "selesai") for w in recent[past_at + 1 :]
        ):
            return "d25"
    if any(w in PAST_AFTER for w in after_words[:3]) or "yang lalu" in " ".join(after_words):
        return "d26"
    # "datang 30 menit sebelum", but "complaints take 2-3 weeks before the team can visit"
    if any(w in BEFORE_AFTER for w in after_words[:2]) and not any(
        w in _TAKES for w in before_words[-3:]
    ):
        return "d27"
    if after_words[:2] == ["lebih", "awal"] or after_words[:1] == ["earlier"]:
        return "d28"
    for k, word in enumerate(after_words[:3]):
        if word in EVENT_LINKS and any(w in EVENT_WORDS for w in after_words[k + 1 : k + 4]):
            return "d29"
    if (
        any(w in _MUST for w in clause_before_words)
        and any(w in _CITIZEN_ACTS for w in clause_before_words)
        and not has_strong_completion
    ):
        return "d30"  # "you must register the vehicle at the destination within 3 months"
    if any(w in DEADLINE_WORDS for w in before_words):
        completion_before = any(w in STRONG_COMPLETION_WORDS for w in before_words)
        if not completion_before or any(
            w in ("punya", "diberi", "batas", "tenggat", "deadline") for w in before_words
        ):
            return "d31"
    waiting = any(w in WAITING_WORDS for w in clause_before_words)
    if (not only_then and _has_any(tokens, max(c_start, start - 4), start, QUEUE_WORDS)) or (
        waiting
        and not any(
            w in ("jadi", "selesai", "proses", "prosesnya", "ready", "done") for w in clause_words
        )
        and _has_any(tokens, end, min(c_end, end + 4), QUEUE_WORDS)
    ):
        return "d32"
    has_completion_before = any(
        w in COMPLETION_WORDS or w in STRONG_COMPLETION_WORDS for w in clause_before_words
    )
    conditions = [
        k
        for k, w in enumerate(before_words)
        if w in CONDITION_WORDS and not (k > 0 and before_words[k - 1] in NEGATORS)
    ]
    if conditions and conditions[-1] >= len(before_words) - 5 and not has_completion_before:
        return "d33"
    # "bila pindah alamat paling lambat 14 hari": a clause opened by a condition
    if tokens[c_start].low in CONDITIONAL_WORDS and not has_strong_completion:
        return "d34"
    # "belum" between the duration and its verb: a condition ("lewat 3 hari belum jadi").
    if "belum" in after_words[:3]:
        return "d35"
    # "jika tidak diambil dalam 30 hari": a negated completion verb is a condition.
    for j in range(start - 1, c_start - 1, -1):
        if tokens[j].low in STRONG_COMPLETION_WORDS:
            if is_negated(tokens, j, 2):
                return "d36"
            break
    # "dalam 14 hari wajib lapor": the citizen's deadline.
    # (a reason after the duration is no deadline: "2 bulanan krn harus uji hidran")
    own_after = after_words[:3]
    for k, w in enumerate(own_after):
        if w in REASON_WORDS:
            own_after = own_after[:k]
            break
    if any(w in DEADLINE_WORDS for w in own_after) and not has_strong_completion:
        return "d37"
    # The age of a document in a requirement ("surat keterangan sehat, maksimal 3 bulan").
    if not has_strong_completion and (
        _inside_parentheses(tokens, start)
        or any(
            tokens[j].low in DOCUMENT_WORDS and j not in mention_tokens
            for j in range(c_start, start)
        )
    ):
        return "d38"
    if kind == "year":
        return "" if has_strong_completion else "year"
    if kind == "relative":
        # "ambil besok", "earliest is next week" - but "urus besok pagi" is when to come
        ready = has_strong_completion or any(
            w in COMPLETION_WORDS and w not in _VISIT_WORDS for w in clause_words
        )
        return "" if ready and "datang" not in before_words[-2:] else "relative"
    if has_completion:
        return ""
    if "duration" in qkinds:
        return ""
    # A bare clause: nothing but the service, the duration and polite fillers ("KTP 3 hari pak").
    for j in range(c_start, c_end):
        if start <= j < end:
            continue
        t = tokens[j]
        if j > end and t.low in REASON_WORDS:
            break
        if (
            t.kind == "punct"
            or t.mention
            or j in mention_tokens
            or t.low in FILLERS
            or t.low in _BARE_CLAUSE_WORDS
        ):
            continue
        # "Pemasangan PJU 3 bulan": the act of the service named right after it.
        if (
            _is_process_noun(t.low)
            and j + 1 < len(tokens)
            and (tokens[j + 1].mention or (j + 1) in mention_tokens)
        ):
            continue
        return "d39"
    return ""


def _sentence_start(tokens: list[Token], index: int) -> int:
    sentence = tokens[index].sentence
    while index > 0 and tokens[index - 1].sentence == sentence:
        index -= 1
    return index


def _is_process_noun(low: str) -> bool:
    """A pe-...-an noun naming an act ("pemasangan", "pembuatan", "penerbitan")."""
    return len(low) >= 8 and low.startswith("pe") and low.endswith("an")


def _completion_view(tokens: list[Token], start: int, end: int) -> list[str]:
    """The words of tokens[start:end], with "jadi" before an amount ("jadi Rp 45.000", "comes
    to") blanked: it is a total, not "ready"."""
    words = []
    for j in range(max(0, start), max(0, end)):
        low = tokens[j].low
        if low in ("jadi", "jadinya") and j + 1 < len(tokens) and _starts_amount(tokens, j + 1):
            low = ""
        words.append(low)
    return words


def _starts_amount(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    if token.low in ("rp", "idr") or token.low in SLANG_AMOUNTS:
        return True
    if token.kind == "num" and i + 1 < len(tokens):
        return tokens[i + 1].low in MAGNITUDE_WORDS or tokens[i + 1].low in ("rupiah", "perak")
    return False


def _inside_parentheses(tokens: list[Token], index: int) -> bool:
    sentence = tokens[index].sentence
    j = index - 1
    while j >= 0 and tokens[j].sentence == sentence:
        if tokens[j].low == ")":
            return False
        if tokens[j].low == "(":
            return True
        j -= 1
    return False


# --------------------------------------------------------------------------- hours


def _starts_a_rate(tokens: list[Token], index: int) -> bool:
    """ "malam (mulai jam 5 sore) 200rb/jam": when an evening rate starts, in parentheses between
    the rate's name and its price."""
    if not _inside_parentheses(tokens, index):
        return False
    j = index - 1
    while j >= 0 and tokens[j].low != "(":
        j -= 1
    k = index + 1
    while k < len(tokens) and tokens[k].low != ")" and tokens[k].sentence == tokens[index].sentence:
        k += 1
    return (
        j > 0
        and tokens[j - 1].low in PERIOD_WORDS
        and k + 1 < len(tokens)
        and tokens[k].low == ")"
        and _starts_amount(tokens, k + 1)
    )


def _adjust_period(hour: float, minute: int, period: str | None, assume_pm: bool) -> int:
    h = int(hour)
    if period in ("siang",):
        if h < 6:
            h += 12
    elif period in ("sore", "pm"):
        if h < 12:
            h += 12
    elif period in ("malam", "malem", "dalu"):
        if 5 <= h < 12:
            h += 12
    elif period == "am":
        if h == 12:
            h = 0
    elif period is None and assume_pm and 1 <= h <= 6:
        h += 12
    return h * 60 + minute


def _read_time(
    tokens: list[Token], i: int, lead_required: bool = False
) -> tuple[int, int, bool] | None:
    """A time of day at ``i``: (minute since midnight, end, bare_hour)."""
    count = len(tokens)
    j = i
    lead = False
    if tokens[j].low in TIME_LEAD:
        lead = True
        j += 1
    elif tokens[j].low == "at" and j + 1 < count and tokens[j + 1].kind == "num":
        j += 1
    if j >= count:
        return None
    half = False
    if tokens[j].low == "setengah" and j + 1 < count and tokens[j + 1].kind == "num":
        half = True
        j += 1
    token = tokens[j]
    if token.kind != "num":
        return None
    text = token.low.replace(":", ".")
    hour: int
    minute = 0
    bare = False
    if "." in text:
        parts = text.split(".")
        if (
            len(parts) != 2
            or len(parts[1]) != 2
            or not parts[0].isdigit()
            or not parts[1].isdigit()
        ):
            return None
        hour, minute = int(parts[0]), int(parts[1])
        if hour > 24 or minute > 59:
            return None
        # Without "jam"/"pukul", "2.05" after "ruang" is a room, "3.00" a grade: office hours only.
        if not lead and (hour < 5 or (j > 0 and tokens[j - 1].low in COUNTER_WORDS)):
            return None
    elif text.isdigit() and len(text) <= 2:
        hour = int(text)
        if hour > 24:
            return None
        bare = True
    else:
        return None
    if half:
        hour -= 1
        minute = 30
        bare = False
    end = j + 1
    period: str | None = None
    if end < count and tokens[end].low in PERIOD_WORDS:
        period = tokens[end].low
        end += 1
        if period in ("wib", "wita", "wit"):
            period = None
            bare = False
        elif end < count and tokens[end].low in ("wib", "wita", "wit"):
            end += 1
    if (
        bare
        and not lead
        and period is None
        and len(token.low) == 2
        and token.low.startswith("0")
        and end + 1 < count
        and tokens[end].low in ("-", "sampai", "hingga", "sd")
        and tokens[end + 1].kind == "num"
    ):
        bare = False  # "Senin-Jumat 08-13": hours written short, a leading zero
    if bare and not lead and period is None:
        return None  # a plain number
    if not lead and period in ("malam", "malem") and hour <= 4:
        return None  # "berlaku sampai 3 malam": three nights, not 03.00
    if lead_required and not lead and bare:
        return None
    if period is not None:
        bare = False
    # "jam 3" / "jam 3.30" read as afternoon; "03.00" (a leading zero) is literal.
    literal = token.low.startswith("0")
    assume_pm = (bare or lead or half) and not literal
    return _adjust_period(hour, minute, period, assume_pm=assume_pm), end, bare


def _read_days(tokens: list[Token], i: int) -> tuple[frozenset[int], int, bool] | None:
    """Day names at ``i`` with ranges and lists: (days, end, is_range)."""
    if not _is_day(tokens, i):
        return None
    count = len(tokens)
    days = {DAY_WORDS[tokens[i].low]}
    first = DAY_WORDS[tokens[i].low]
    j = i + 1
    is_range = False
    while j < count:
        connector = tokens[j].low
        k = j + 1
        if connector == "hari" and k < count:
            pass
        if k < count and tokens[k].low == "hari":
            k += 1
        if connector in DAY_RANGE_CONNECTORS and k < count and tokens[k].low in DAY_WORDS:
            last = DAY_WORDS[tokens[k].low]
            span = (
                range(first, last + 1) if last >= first else [*range(first, 7), *range(0, last + 1)]
            )
            days.update(span)
            is_range = True
            j = k + 1
            first = last
            continue
        if (
            connector in DAY_LIST_CONNECTORS
            and k < count
            and tokens[k].low in DAY_WORDS
            and _is_day(tokens, k, True)
            # "jam 9-3 Senin-Kamis, Jumat sampe 11.30": after a span, a day with its own time
            # starts the next group
            and not (connector == "," and is_range and _own_time_after(tokens, k + 1))
        ):
            first = DAY_WORDS[tokens[k].low]
            days.add(first)
            j = k + 1
            continue
        break
    return frozenset(days), j, is_range


_UNTIL_OR_SAMPE = UNTIL_WORDS | {"sampe"}


def _own_time_after(tokens: list[Token], index: int) -> bool:
    if index >= len(tokens):
        return False
    token = tokens[index]
    return token.kind == "num" or token.low in TIME_LEAD or token.low in _UNTIL_OR_SAMPE


def _day_of_a_mishap(tokens: list[Token], index: int, start: int, days: frozenset[int]) -> bool:
    """ "Jika ikan mati pada hari Minggu, ... bawa Senin pagi": the day in an "if" clause whose
    sentence goes on to another day says when something happens, not when the desk opens."""
    if tokens[start].low not in CONDITIONAL_WORDS:
        return False
    sentence = tokens[index].sentence
    for j in range(index + 1, len(tokens)):
        token = tokens[j]
        if token.sentence != sentence:
            break
        if token.clause != tokens[index].clause and token.low in DAY_WORDS:
            day = DAY_WORDS[token.low]
            if day not in days:
                return True
    return False


_ON_WORDS = frozenset({"on", "pada", "di", "hari"})


def _none_on_the_day(tokens: list[Token], i: int, start: int) -> bool:
    """ "no drop-off on Sunday", "no visits on Monday": nothing of it on that day."""
    if i - 2 < start or tokens[i - 1].low not in _ON_WORDS:
        return False
    for j in range(i - 2, max(start, i - 5) - 1, -1):
        if tokens[j].kind == "punct" and tokens[j].low != "-":
            return False
        # ("tanpa perjanjian pada Senin-Sabtu" is done without one on those days)
        if tokens[j].low in ("no", "nothing"):
            return True
    return False


def _continues_a_day_list(tokens: list[Token], i: int, start: int) -> bool:
    """A day that opens a clause right after "<day>,": the clause before read it in its list."""
    return (
        i == start
        and i >= 2
        and tokens[i - 1].low in DAY_LIST_CONNECTORS
        and tokens[i - 2].low in DAY_WORDS
    )


def _is_day(tokens: list[Token], i: int, in_list: bool = False) -> bool:
    token = tokens[i]
    low = token.low
    if low not in DAY_WORDS:
        return False
    if low != "minggu":
        return True
    count = len(tokens)
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < count else None
    if nxt is not None and nxt.low in RELATIVE_AFTER_MINGGU:
        return False
    if prev is not None and (
        prev.kind == "num"
        or prev.low in NUMBER_WORDS
        or prev.low in ("se", "beberapa", "per", "setiap", "tiap", "dalam", "akhir")
    ):
        return False
    if in_list or (
        prev is not None
        and prev.low in ("hari", "sabtu", "-", "dan", "atau", ",", "sampai", "hingga", "sd")
    ):
        return True
    if prev is not None and prev.low in (
        OPEN_WORDS | CLOSED_WORDS | {"termasuk", "pada", "juga", "on"}
    ):
        return True
    if nxt is not None and nxt.low in (
        OPEN_WORDS | CLOSED_WORDS | {"juga", "tetap", "bisa", "can", "ada"}
    ):
        return True
    return token.raw == "Minggu" and prev is not None and prev.sentence == token.sentence


PERIODS: dict[str, tuple[int, int]] = {
    "pagi": (6 * 60, 11 * 60),
    "siang": (11 * 60, 15 * 60),
    "sore": (15 * 60, 18 * 60),
    "malam": (18 * 60, 24 * 60),
    "malem": (18 * 60, 24 * 60),
    "dalu": (18 * 60, 24 * 60),
    "morning": (6 * 60, 12 * 60),
    "afternoon": (12 * 60, 18 * 60),
    "evening": (18 * 60, 22 * 60),
    "night": (19 * 60, 24 * 60),
    "setengah hari": (6 * 60, 12 * 60),  # "buka setengah hari", "half a day": the morning
}


@dataclass(slots=True)
class _ClauseHours:
    sentence: int
    start: int
    end: int
    days: list[tuple[int, frozenset[int], bool]] = field(default_factory=list)
    times: list[tuple[int, int, bool]] = field(default_factory=list)  # index, minute, bare
    ranges: list[tuple[int, int, int, str]] = field(default_factory=list)
    bare_ranges: list[tuple[int, int, int, str]] = field(default_factory=list)  # "8 to 11"
    periods: list[tuple[int, str]] = field(default_factory=list)
    statuses: list[tuple[int, str]] = field(default_factory=list)  # index, "open" | "closed"
    cues: list[int] = field(default_factory=list)  # words that make a day a claim ("bisa", ...)
    excepts: list[int] = field(default_factory=list)  # "kecuali", "except"
    every_day: bool = False
    always: bool = False
    appointment: bool = False
    breaks: bool = False
    holiday: bool = False
    cutoff: bool = False
    queue: bool = False
    service_verb: bool = False
    service_context: bool = False  # the desk, a visit or opening is spoken of
    events: list[int] = field(default_factory=list)  # "acara", "lahir": the time of an event
    office_only: bool = False  # "cuma jam kerja", "office hours only"

    def after_event(self, index: int) -> bool:
        return any(0 < index - e <= 8 for e in self.events)

    def excepted(self, index: int) -> bool:
        """A day element right after "kecuali"/"except"."""
        return any(0 < index - e <= 2 for e in self.excepts)

    def status_near(self, index: int, tokens: Sequence[Token] = ()) -> str | None:
        """The status nearest the day or time at ``index``; at equal distance the one after it
        ("Sabtu tutup"), unless "and" parts them ("closed on Mondays and opens Tuesday")."""
        if not self.statuses:
            return None

        def rank(status: tuple[int, str]) -> tuple[int, bool]:
            at = status[0]
            if at > index and any(t.low in _AND_WORDS for t in tokens[index:at]):
                return abs(at - index), True
            return abs(at - index), at < index

        return min(self.statuses, key=rank)[1]

    @property
    def status(self) -> str | None:
        return self.statuses[0][1] if self.statuses else None


def _scan_clause_hours(tokens: list[Token], start: int, end: int) -> _ClauseHours:
    info = _ClauseHours(tokens[start].sentence, start, end)
    flags_of = _SCAN_FLAGS
    resume = start
    # Only numbers and words the scan reacts to are visited (found in one C-level pass).
    visit = [
        t.index
        for t in tokens[start:end]
        if t.kind == "num" or (t.kind == "word" and (t.low in flags_of or t.stem in OPEN_WORDS))
    ]
    for i in visit:
        if i < resume:
            continue
        token = tokens[i]
        low = token.low
        kind = token.kind
        flags = 0
        if kind == "word":
            if token.mention and (low in DAY_WORDS or low in PERIODS):
                continue  # "Pelayanan Malam Kamis": a name, not a day or a time of day
            flags = flags_of.get(low, 0)
            stem_opens = token.stem in OPEN_WORDS
            if not flags and not stem_opens:
                continue
            if flags & _F_EVENT and not token.mention:  # "Pemberitahuan Kegiatan" is a name
                info.events.append(i)
            if flags & _F_SERVICE_CONTEXT:
                info.service_context = True
            if flags & _F_BREAK and not (
                # "08.00-15.00 tanpa istirahat", "no lunch break": no break at all
                (i > start and tokens[i - 1].low in NEGATORS)
                or (
                    i > start + 1 and tokens[i - 2].low in NEGATORS and tokens[i - 1].low == "lunch"
                )
            ):
                info.breaks = True
            if flags & _F_EXCEPT and not (
                low == "selain" and _time_follows_days(tokens, i + 1, end)
            ):
                info.excepts.append(i)
            if flags & _F_HOLIDAY or (
                low == "libur" and i + 1 < end and tokens[i + 1].low == "nasional"
            ):
                info.holiday = True
            if flags & _F_CUTOFF:
                info.cutoff = True
            if flags & _F_APPOINTMENT:
                info.appointment = True
            if flags & _F_QUEUE:
                info.queue = True
            if flags & _F_SERVICE_VERB:
                info.service_verb = True
            if flags & (_F_DAY_CUE | _F_APPOINTMENT):
                info.cues.append(i)
            if (flags & _F_OPEN or stem_opens) and not _names_the_service_before_status(
                tokens, i, end
            ):
                negated = _status_negated(tokens, i)
                info.statuses.append((i, "closed" if negated else "open"))
            elif flags & _F_CLOSED and not (
                # "termasuk hari Minggu dan hari libur", "Sabtu dan libur nasional": holidays, a
                # noun, not "closed"
                low in ("libur", "liburnya")
                and (
                    (i > start and tokens[i - 1].low == "hari")
                    or (i + 1 < end and tokens[i + 1].low in ("nasional", "umum"))
                )
            ):
                negated = _status_negated(tokens, i)
                # "Friday we close at 11", "closes earlier, at 11.30": a closing time, the day
                # itself is open
                if negated or not (
                    _time_follows(tokens, i + 1, len(tokens), _CLOSING_FILLERS, 5)
                    or _after_that(tokens, i, start)
                ):
                    info.statuses.append((i, "open" if negated else "closed"))
            elif _citizen_condition(tokens, i, start):
                pass  # "if you cannot come on Friday", "kalau Bapak tidak bisa datang Sabtu"
            elif low in ("bisa", "can", "dapat", "bs", "ada") and _status_negated(tokens, i):
                info.statuses.append((i, "closed"))  # "gak bisa Sabtu"
            elif low in _CANNOT:
                info.statuses.append((i, "closed"))  # "so 2pm won't work"
            if flags & _F_SPECIAL:
                if (
                    flags & _F_EVERY_DAY_LEAD
                    and i + 1 < end
                    and tokens[i + 1].low in ("hari", "day", "days")
                    # "setiap hari kerja", "tiap hari pasaran": some days, not every day
                    and not (i + 2 < end and tokens[i + 2].low in _SOME_DAYS)
                    # "setiap hari Rabu": every Wednesday, not every day
                    and not (i + 2 < end and tokens[i + 2].low in DAY_WORDS)
                ):
                    info.every_day = True
                if low in ("daily", "everyday"):
                    info.every_day = True
                # "jam kerja", "jam layanan", "office hours": the clause speaks of opening hours.
                if (low == "kerja" and i > start and tokens[i - 1].low == "jam") or (
                    low == "hours"
                    and i > start
                    and tokens[i - 1].low
                    in ("office", "opening", "service", "business", "working", "our")
                ):
                    info.statuses.append((i, "open"))
                    if tokens[i - 1].low in ("jam", "office", "working", "business") and (
                        _has_any(tokens, max(start, i - 4), i - 1, EXCLUSIVE_WORDS)
                        or (i + 1 < end and tokens[i + 1].low in ("only", "saja", "aja"))
                    ):
                        info.office_only = True
                if (
                    low == "hari"
                    and i + 1 < end
                    and tokens[i + 1].low == "biasa"
                    # "sama kaya hari biasa": like on weekdays, said of another day
                    and not (i > start and tokens[i - 1].low in LIKE_WORDS)
                ):
                    info.days.append((i, frozenset(range(5)), True))  # "hari biasa": weekdays
                    resume = i + 2
                    continue
                if low == "hari" and i + 1 < end and tokens[i + 1].low == "kerja":
                    prev = tokens[i - 1] if i > start else None
                    # "jam 8-3 hari kerja": the 3 ends a time range, the days are weekdays
                    range_end = (
                        prev is not None
                        and prev.kind == "num"
                        and i - 3 >= start
                        and tokens[i - 2].low in ("-", "sampai", "sampe", "s/d", "to")
                        and tokens[i - 3].kind == "num"
                    )
                    if (
                        range_end
                        or prev is None
                        or not (
                            prev.kind == "num"
                            or prev.low in NUMBER_WORDS
                            or prev.low in ("beberapa", "se", "few")
                        )
                    ):
                        info.days.append((i, frozenset(range(5)), True))
                        resume = i + 2
                        continue
                if low in ("weekdays", "weekday"):
                    info.days.append((i, frozenset(range(5)), True))
                if low in ("weekend", "weekends") or (
                    low == "akhir" and i + 1 < end and tokens[i + 1].low in ("pekan", "minggu")
                ):
                    span = 1 if low != "akhir" else 2
                    if not _names_a_rate(tokens, i, i + span):
                        info.days.append((i, frozenset({5, 6}), False))
                    resume = i + span
                    continue
                if low == "nonstop" or (
                    low == "non" and i + 2 < end and tokens[i + 2].low == "stop"
                ):
                    info.always = True
            if low in ("setengah", "half"):
                k = i + 1
                if k < end and tokens[k].low == "a":
                    k += 1
                if k < end and tokens[k].low in ("hari", "day"):
                    info.periods.append((i, "setengah hari"))
                    resume = k + 1
                    continue
            if flags & _F_PERIOD:
                prev_low = tokens[i - 1].low if i > start else ""
                prev_kind = tokens[i - 1].kind if i > start else ""
                if (
                    prev_kind != "num"
                    and not _names_a_rate(tokens, i, i + 1)
                    and prev_low
                    not in (
                        "selamat",
                        "good",
                        "this",
                        "ini",
                        "besok",
                        "tomorrow",
                        "nanti",
                        "tadi",
                        "kemarin",
                    )
                ):
                    info.periods.append((i, low))
            if flags & _F_DAY:
                days = _read_days(tokens, i)
                if days is not None and _not_counted(tokens, i, start):
                    resume = days[1]  # "14 hari kerja, tidak termasuk Sabtu, Minggu": a count
                    continue
                if days is not None and _names_a_rate(tokens, i, days[1]):
                    resume = days[1]  # "tarif hari Minggu", "Sunday rate": a price, not hours
                    continue
                if days is not None and _continues_a_day_list(tokens, i, start):
                    # "closed on Saturdays, | Sundays and holidays": read with the list before
                    resume = days[1]
                    continue
                if days is not None:
                    info.days.append((i, days[0], days[2]))
                    if (i > start and tokens[i - 1].low in NEGATORS) or _none_on_the_day(
                        tokens, i, start
                    ):
                        info.statuses.append((i, "closed"))  # "no saturday", "bukan Sabtu"
                    resume = days[1]
                    continue
            if not flags & _F_TIME:
                continue
        elif kind != "num":
            continue
        if (
            low == "7"
            and i + 2 < end
            and tokens[i + 1].low in ("hari", "days")
            and tokens[i + 2].low in ("seminggu", "sepekan", "a", "per")
        ):
            info.every_day = True
            resume = i + 3
            continue
        if kind == "num" and i > 0 and tokens[i - 1].low in _DATE_LEADS:
            continue  # "tgl 24 jam 10.00", "diambil tgl 16 pagi": a day of the month
        if (
            kind == "num"
            and low == "24"
            and i + 1 < end
            and tokens[i + 1].low in ("jam", "hours", "hour")
            and (i == 0 or tokens[i - 1].low not in ("x", "×"))
            and not (i > 0 and tokens[i - 1].low in ("within", "dalam", "maks", "max", "maksimal"))
        ):
            info.always = True
            resume = i + 2
            continue
        read = _read_time(tokens, i)
        if (
            read is None
            and kind == "num"
            and i >= 2
            and tokens[i - 1].low in ("until", "till", "til")
        ):
            read = _read_open_until(tokens, i)
        bare_start = False
        if read is None and kind == "num":
            # "8 to 11", "10 till 12": bare hours, kept only in a clause about opening hours
            read = _read_bare_hour(tokens, i)
            bare_start = read is not None
        if read is not None:
            minute, t_end, bare = read
            # "jam 9 kak sampe jam 3": a polite word inside the range
            link = t_end
            while link < end and link < t_end + 2 and tokens[link].low in _RANGE_FILLERS:
                link += 1
            if link > t_end and not (link < end and tokens[link].low in _RANGE_WORDS):
                link = t_end
            # "between 9 and 12", "antara jam 9 dan 12"
            between = (
                link < end
                and tokens[link].low in ("and", "dan")
                and (
                    any(tokens[k].low in ("between", "antara") for k in range(max(start, i - 2), i))
                )
            )
            # Range: "08.00-15.00", "jam 8 sampai jam 3 sore", "8 am to 3 pm"
            if link < end and (tokens[link].low in _RANGE_WORDS or between):
                t_end = link
                second = _read_time(tokens, t_end + 1)
                if second is None and t_end + 1 < end and tokens[t_end + 1].kind == "num":
                    second = _read_bare_hour(tokens, t_end + 1)
                if second is not None:
                    s_minute, s_end, _s_bare = second
                    if s_minute <= minute and _morning_end(tokens, t_end + 1, s_end):
                        if _evening_start(tokens, i, t_end):
                            # "16.00 to 07.30", "jam 4 sore sampe jam 7.30 pagi": overnight
                            s_minute += 24 * 60
                        elif minute >= 12 * 60:
                            minute -= 12 * 60  # "jam 2 sampai jam 9 pagi": 02.00-09.00
                    elif s_minute <= minute and s_minute < 13 * 60:
                        s_minute += 12 * 60
                    # "6:30-9pm": the pm of the end time belongs to the start as well
                    if (
                        tokens[s_end - 1].low == "pm"
                        and tokens[t_end - 1].low not in PERIOD_WORDS
                        and minute < 12 * 60
                        and minute + 12 * 60 < s_minute
                    ):
                        minute += 12 * 60
                    unit_after = s_end < len(tokens) and (
                        tokens[s_end].low in UNIT_WORDS or tokens[s_end].low in COUNTED_NOUNS
                    )
                    # "unit 3-17", "2-12 Juni 2026": a number or a date span, not hours
                    not_hours = bare_start and (
                        unit_after
                        or (i > 0 and tokens[i - 1].low in _NUMBERED)
                        # "lt. 2 sampe jam 2 siang": the floor, after an abbreviation's dot
                        or (i > 1 and tokens[i - 1].low == "." and tokens[i - 2].low in _NUMBERED)
                        or (
                            s_end < len(tokens)
                            and (tokens[s_end].low in _MONTHS or tokens[s_end].kind == "num")
                        )
                    )
                    if s_minute > minute and not not_hours:
                        target = info.bare_ranges if bare_start else info.ranges
                        target.append((i, minute, s_minute, _text(tokens, i, s_end)))
                        resume = s_end
                        continue
            if bare_start:
                continue  # a bare number alone is no time
            info.times.append((i, minute, bare))
            resume = t_end
            continue
    return info


# What numbers a place or a date rather than a time ("unit 3-17", "tgl 2-12")
_NUMBERED = COUNTER_WORDS | frozenset(
    {"unit", "kamar", "nomor", "no", "nomer", "tanggal", "tgl", "rt", "rw", "kav"}
)
_MONTHS = _words(
    """
    januari februari maret april mei juni juli agustus september oktober november desember jan
    feb mar apr jun jul agu agt ags sep sept okt nov des january february march may june july
    august october december aug oct dec
    """
)


# A booking, session or class: its time range is a slot inside the hours, not the hours
_SLOT_WORDS = _words(
    """
    kosong available tersedia sesi session sessions kelas class classes les tutoring slot slots
    booking booked reserved dipesan
    """
)


_ADVICE_WORDS = frozenset(
    {"sebaiknya", "disarankan", "dianjurkan", "usahakan", "recommend", "suggest", "best"}
)
_ARRIVAL_WORDS = frozenset({"tiba", "datang", "dateng", "hadir", "arrive", "arriving", "come"})


def _advised_arrival(tokens: list[Token], start: int, end: int) -> bool:
    """ "sebaiknya tiba pukul 09.00-10.00", "we recommend arriving 8-9": when to come, inside the
    hours, not the hours."""
    words = {t.low for t in tokens[start:end]}
    return bool(words & _ADVICE_WORDS) and bool(words & _ARRIVAL_WORDS)


def _about_a_slot(tokens: list[Token], index: int) -> bool:
    """ "kamis jam 19.00-21.00 masih kosong", "Saturday tutoring sessions from 13.00 to 15.00"."""
    sentence = tokens[index].sentence
    j = index
    while j > 0 and tokens[j - 1].sentence == sentence:
        j -= 1
    while j < len(tokens) and tokens[j].sentence == sentence:
        if tokens[j].low in _SLOT_WORDS and not tokens[j].mention:
            return True
        j += 1
    return False


# Period words that put a time in the evening ("jam 4 sore", "4pm")
EVENING_PERIODS = ("malam", "malem", "sore", "pm", "p.m", "petang")


def _evening_start(tokens: list[Token], start: int, end: int) -> bool:
    """The start of a range is written as an evening time ("16.00", "jam 4 sore", "4pm"), not a
    bare hour read as the afternoon."""
    span = tokens[start:end]
    if any(token.low in EVENING_PERIODS for token in span):
        return True
    first = next((token for token in span if token.kind == "num"), None)
    if first is None:
        return False
    hour = first.low.replace(":", ".").split(".")[0]
    return hour.isdigit() and int(hour) >= 13


def _read_open_until(tokens: list[Token], i: int) -> tuple[int, int, bool] | None:
    """ "we're open until 5", "open till 4.30pm": an hour after "open until", read as the
    afternoon unless it says morning."""
    if tokens[i - 2].low not in ("open", "opened", "buka") and not (
        i >= 3 and tokens[i - 3].low in ("open", "buka") and tokens[i - 2].low in FILLERS
    ):
        return None
    text = tokens[i].low.replace(":", ".")
    parts = text.split(".")
    if not parts[0].isdigit() or len(parts) > 2 or (len(parts) == 2 and len(parts[1]) != 2):
        return None
    hour, minute = int(parts[0]), int(parts[1]) if len(parts) == 2 else 0
    if hour > 12 or minute > 59:
        return None
    end = i + 1
    period = tokens[end].low if end < len(tokens) and tokens[end].low in PERIOD_WORDS else None
    if period is not None:
        end += 1
    if period in ("am", "pagi") or (period is None and hour >= 10):
        return hour * 60 + minute, end, False
    return _adjust_period(hour, minute, period or "pm", assume_pm=True), end, False


def _morning_end(tokens: list[Token], start: int, end: int) -> bool:
    """The end of a range is written as a morning time: a leading zero ("07.30") or "pagi",
    "subuh", "am" - so a range ending before it starts runs overnight."""
    span = tokens[start:end]
    if any(token.low in ("pagi", "subuh", "am", "a.m") for token in span):
        return True
    first = next((token for token in span if token.kind == "num"), None)
    return first is not None and first.low.startswith("0") and len(first.low) > 1


def _dated(tokens: list[Token], index: int) -> bool:
    """A date stands right before ``index`` in its sentence ("20/08 jam 9", "tgl 20 Agustus",
    "Rabu 20/05/2026, antara pukul 08.00 dan 11.00")."""
    sentence = tokens[index].sentence
    for j in range(index - 1, max(0, index - 11) - 1, -1):
        if tokens[j].sentence != sentence:
            break
        low = tokens[j].low
        if low in _MONTHS or low in _DATE_LEADS:
            return True
        if (
            low == "/"
            and 0 < j < len(tokens) - 1
            and tokens[j - 1].kind == "num"
            and tokens[j + 1].kind == "num"
            and not tokens[j].space_before
        ):
            return True
    return False


_RANGE_WORDS = frozenset({"-", "sampai", "sampe", "hingga", "sd", "to", "until", "till", "til"})
_RANGE_FILLERS = frozenset(
    {"pak", "bu", "kak", "mas", "mbak", "ya", "aja", "saja", "sir", "maam", "pagi", "am", "wib"}
)


_NOT_YET = frozenset({"belum", "blm", "blum", "belom"})
_SERVICE_NOUNS = frozenset({"layanan", "pelayanan", "layanannya", "pelayanannya", "service"})


_SOME_DAYS = frozenset({"kerja", "pasar", "pasaran", "libur", "sekolah", "biasa", "besar"})
LIKE_WORDS = frozenset({"kaya", "kayak", "kyk", "seperti", "spt", "like", "as", "dengan", "dgn"})
_AFTER_THAT_LEADS = frozenset({"abis", "habis", "setelah", "sesudah", "lewat", "after"})


_STARTS = frozenset({"mulai", "starts", "start", "begins", "dimulai"})
_RATE_NOUNS = frozenset({"tarif", "tarifnya", "harga", "rate", "rates", "price", "prices"})


_AND_WORDS = frozenset({"and", "dan", "but", "&"})
_LIST_ENDS = (DAY_LIST_CONNECTORS - {",", "/"}) | {"&", "maupun"}
# Nouns that make the day before them the day of an event ("Sunday departures")
_DAY_EVENTS = _words(
    """
    departure departures keberangkatan flight flights penerbangan session sessions sesi class
    classes event events acara sidang hearing hearings exam exams ujian lomba pertandingan
    festival party wedding resepsi
    """
)


def _ends_a_day_list(tokens: list[Token], start: int) -> bool:
    """A clause that opens with "dan"/"and" right after a day name ("Sabtu, Minggu, | dan hari
    libur nasional tutup")."""
    if start >= len(tokens) or tokens[start].low not in _LIST_ENDS:
        return False
    j = start - 1
    if j >= 0 and tokens[j].low == ",":
        j -= 1
    return j >= 0 and tokens[j].low in DAY_WORDS


def _day_of_an_event(tokens: list[Token], index: int, end: int) -> bool:
    """ "For Sunday departures", "Saturday sessions": the day names an event, not the desk's day."""
    j = index
    while j < end and (tokens[j].low in DAY_WORDS or tokens[j].low in ("-", "to", "sampai")):
        j += 1
    return j < end and tokens[j].low in _DAY_EVENTS


def _part_of_the_day_after(tokens: list[Token], index: int, end: int) -> bool:
    j = index
    while j < end and (tokens[j].low in DAY_WORDS or tokens[j].low in ("hari", ",", "-", "dan")):
        j += 1
    return j < end and (tokens[j].low in PERIODS or tokens[j].low.rstrip("s") in PERIODS)


def _not_counted(tokens: list[Token], index: int, start: int) -> bool:
    """ "tidak termasuk Sabtu, Minggu", "excluding weekends": days left out of a count."""
    before = [t.low for t in tokens[max(start, index - 3) : index] if t.low != "hari"]
    if before[-1:] in (["excluding"], ["exclude"]):
        return True
    return before[-2:] in (["tidak", "termasuk"], ["tdk", "termasuk"], ["not", "including"])


def _names_a_rate(tokens: list[Token], start: int, end: int) -> bool:
    """ "tarif akhir pekan", "weekend rate", "gak ada tarif malam": days or a time of day that
    name a price."""
    before = tokens[start - 1].low if start > 0 else ""
    if before == "hari" and start > 1:
        before = tokens[start - 2].low
    after = tokens[end].low if end < len(tokens) else ""
    return before in _RATE_NOUNS or after in _RATE_NOUNS


def _after_that(tokens: list[Token], index: int, start: int) -> bool:
    """ "8 sampe 11, abis itu tutup", "after that we're closed": closed after the time just
    given, not on the day."""
    for j in range(index - 1, max(start, index - 4) - 1, -1):
        low = tokens[j].low
        if low in ("itu", "that", "tu") and j > 0 and tokens[j - 1].low in _AFTER_THAT_LEADS:
            return True
        if low in ("afterwards", "thereafter", "selebihnya"):
            return True
    return False


def _status_negated(tokens: list[Token], index: int) -> bool:
    """ "tidak buka", "blm buka" (not yet open): the status is denied."""
    if is_negated(tokens, index, 2):
        return True
    clause = tokens[index].clause
    return any(
        tokens[j].low in _NOT_YET and tokens[j].clause == clause
        for j in range(max(0, index - 2), index)
    )


def _time_follows_days(tokens: list[Token], index: int, end: int) -> bool:
    """ "selain Senin-Jumat 08.00-15.00": days with their hours (more hours, not an exception)."""
    j = index
    while j < end and (tokens[j].low in DAY_WORDS or tokens[j].low in ("-", "sampai", "hari", ",")):
        j += 1
    return j > index and _time_follows(tokens, j, end)


_ON_WORDS = frozenset({"pada", "on", "di", "nya"})
# "closes earlier, at 11.30": a comparative and a comma between a closing word and its time
_CLOSING_FILLERS = _ON_WORDS | {"earlier", "early", "lebih", "lbh", "awal", "cepat", "cpt", ","}


_CONDITION_LEADS = frozenset(
    {"if", "jika", "kalau", "kalo", "klo", "kl", "apabila", "bila", "seandainya", "unless"}
)
_CITIZEN_PRONOUNS = frozenset(
    {"you", "anda", "kamu", "km", "bapak", "ibu", "bpk", "bu", "pak", "kakak", "saudara", "sdr"}
)


def _citizen_condition(tokens: list[Token], index: int, start: int) -> bool:
    """ "if you cannot come", "kalau Bapak tidak bisa datang": a negated verb whose subject is
    the citizen in a condition; it says nothing of the desk's days."""
    low = tokens[index].low
    if low not in _CANNOT and not (
        low in ("bisa", "can", "dapat", "bs") and _status_negated(tokens, index)
    ):
        return False
    before = [t.low for t in tokens[max(start, index - 5) : index]]
    for k, word in enumerate(before):
        if word in _CITIZEN_PRONOUNS and any(w in _CONDITION_LEADS for w in before[:k]):
            return True
    return False


def _time_follows(
    tokens: list[Token],
    index: int,
    end: int,
    fillers: frozenset[str] = _ON_WORDS,
    reach: int = 3,
) -> bool:
    """A time at ``index`` or after a few ``fillers``, before ``end`` and in the same sentence
    ("Jumat tutup pada jam 11"; with ``_CLOSING_FILLERS``: "closes earlier, at 11.30")."""
    sentence = tokens[index - 1].sentence if index > 0 else 0
    for j in range(index, min(end, index + reach)):
        token = tokens[j]
        if token.sentence != sentence:
            return False
        if token.kind == "num" or token.low in TIME_LEAD or token.low == "at":
            return True
        if token.low not in fillers:
            return False
    return False


def _names_the_service_before_status(tokens: list[Token], index: int, end: int) -> bool:
    """ "layanan tutup", "pelayanan buka": the noun is the subject, the verb after it the
    status."""
    if tokens[index].low not in _SERVICE_NOUNS:
        return False
    # "layanan numpang uji tidak tersedia": the service's name between noun and status
    first = index + 1
    while first < end and tokens[first].mention:
        first += 1
    for j in range(first, min(end, first + 3)):
        low = tokens[j].low
        if low in CLOSED_WORDS or (low in OPEN_WORDS and low not in _SERVICE_NOUNS):
            return True
    return False


def _speaks_of_service(tokens: list[Token], info: _ClauseHours) -> bool:
    """The clause names a service or limits it ("cuma", "hanya", "only")."""
    return any(t.mention or t.low in EXCLUSIVE_WORDS for t in tokens[info.start : info.end])


_TOO_LATE = frozenset({"late", "telat", "terlambat", "kesorean", "kemaleman", "kemalaman"})
_DEGREES = frozenset({"°", "derajat", "℃", "celsius", "°c"})


def _a_temperature(tokens: list[Token], i: int) -> bool:
    """ "simpan di suhu 2-8°C": degrees, not hours."""
    after = [t.low for t in tokens[i + 1 : i + 4]]
    return bool(after[:1] and after[0] in _DEGREES) or (
        len(after) == 3 and after[0] in ("-", "to", "sampai") and after[2] in _DEGREES
    )


def _read_bare_hour(tokens: list[Token], i: int) -> tuple[int, int, bool] | None:
    token = tokens[i]
    if not token.low.isdigit() or len(token.low) > 2 or _a_temperature(tokens, i):
        return None
    hour = int(token.low)
    if hour > 24:
        return None
    end = i + 1
    period = None
    if end < len(tokens) and tokens[end].low in PERIOD_WORDS:
        period = tokens[end].low
        end += 1
    if period in ("wib", "wita", "wit"):
        period = None
    return _adjust_period(hour, 0, period, assume_pm=False), end, period is None


def _day_text(days: frozenset[int]) -> str:
    ordered = sorted(days)
    if len(ordered) >= 3 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{DAY_NAMES_ID[ordered[0]]}-{DAY_NAMES_ID[ordered[-1]]}"
    return ", ".join(DAY_NAMES_ID[d] for d in ordered)


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}.{minute % 60:02d}"


def _hours_claims(
    tokens: list[Token],
    qkinds: frozenset[str],
    mention_tokens: frozenset[int] = frozenset(),
    soft: bool = False,
) -> list[HoursClaim]:
    """Opening hours and days claimed in ``tokens``; ``soft`` also keeps the times and days the
    rules set aside (a closed time, another event's, a queue's, a day named without a cue),
    marked ``blocked`` with the rule's code, without changing any other claim."""
    if not tokens:
        return []
    mentioned_sentences = {tokens[i].sentence for i in mention_tokens if i < len(tokens)}
    clauses: list[_ClauseHours] = []
    by_sentence: dict[int, list[_ClauseHours]] = {}
    start = 0
    count = len(tokens)
    while start < count:
        end = tokens[start].clause_end
        for token in tokens[start:end]:
            if token.kind == "num" or (token.kind == "word" and token.low in HOURS_TRIGGERS):
                info = _scan_clause_hours(tokens, start, end)
                clauses.append(info)
                by_sentence.setdefault(info.sentence, []).append(info)
                break
        start = end
    hours_question = "hours" in qkinds
    asked_day = next((frozenset({int(k[4:])}) for k in qkinds if k.startswith("day:")), None)
    opening_asked = "opening" in qkinds
    closing_asked = "closing" in qkinds
    claims: list[HoursClaim] = []
    for info in clauses:
        if info.holiday:
            continue
        # "mornings only, 8 to 11, Monday to Friday", "Monday only 10 till 12": bare numbers are
        # hours when the clause or the question speaks of opening hours
        if info.bare_ranges and (
            hours_question or info.days or info.statuses or info.periods or info.office_only
        ):
            info.ranges.extend(info.bare_ranges)
            info.ranges.sort()
        has_time = bool(info.times or info.ranges)
        if not (
            has_time
            or info.days
            or info.every_day
            or info.always
            or info.periods
            or info.office_only
        ):
            continue
        siblings = sorted(
            (c for c in by_sentence[info.sentence] if c is not info and not c.holiday),
            # "Tuesday to Thursday, 08.30-14.00, and on Saturday, ...": the days before first
            key=lambda c: (c.start > info.start, abs(c.start - info.start)),
        )
        sentence_status = next(
            (
                c.status
                for c in siblings
                if c.status is not None and not c.days and not c.times and not c.ranges
            ),
            None,
        )
        if sentence_status is None:
            # "Sabtu, Minggu, dan hari libur nasional tutup": the holidays end the day list and
            # its status is the list's
            sentence_status = next(
                (
                    c.status
                    for c in by_sentence[info.sentence]
                    if c.holiday and c.start > info.start and _ends_a_day_list(tokens, c.start)
                ),
                None,
            )
        # "Minggu gak bisa kak, kartu Selasa-Jumat 9-3": a clause with its own days and hours
        # states them; another clause's "closed" is not theirs
        own_hours = bool(info.days) and has_time

        def status_at(
            index: int,
            info: _ClauseHours = info,
            fallback: str | None = None if own_hours else sentence_status,
        ) -> str | None:
            near = info.status_near(index, tokens)
            return near if near is not None else fallback

        inherited_days: frozenset[int] | None = None
        if has_time and not info.days:
            for other in siblings:
                if other.times or other.ranges or other.status == "closed":
                    continue
                excepted = frozenset(
                    d for index, days, _ in other.days if other.excepted(index) for d in days
                )
                kept = [days for index, days, _ in other.days if not other.excepted(index)]
                if kept:
                    inherited_days = kept[-1]
                    break
                if other.every_day:
                    inherited_days = frozenset(range(7)) - excepted
                    break
        used_days: set[int] = set()
        fallback_days = asked_day
        if asked_day is not None and claims:
            # "tutup hari Sabtu, buka Senin-Jumat. Lab sampe jam 2": after the answer closes the
            # day asked, a bare time is of the days it opens
            closed = {d for c in claims if c.kind == "closed_days" for d in c.days or ()}
            if asked_day <= closed:
                opened = [c.days for c in claims if c.kind == "open_days" and c.days]
                fallback_days = opened[-1] if opened else None

        def days_for(
            index: int,
            info: _ClauseHours = info,
            inherited: frozenset[int] | None = inherited_days or fallback_days,
            used_days: set[int] = used_days,
        ) -> frozenset[int] | None:
            before = [d for d in info.days if d[0] < index]
            if before:
                used_days.add(before[-1][0])
                return before[-1][1]
            after = [d for d in info.days if d[0] > index]
            if after:
                used_days.add(after[0][0])
                return after[0][1]
            return inherited

        desk_context = hours_question or any(c.service_context for c in by_sentence[info.sentence])
        # "antrian online untuk besok dibuka jam 7 malam": the queue system's own times
        queue_times = info.queue and not _has_any(tokens, info.start, info.end, DESK_WORDS)
        sentence_service = desk_context or info.sentence in mentioned_sentences
        if not info.breaks:
            for index, r_start, r_end, text in info.ranges:
                status = status_at(index)
                if status == "closed" or info.after_event(index) or queue_times:
                    if soft:
                        code = (
                            "h_closed"
                            if status == "closed"
                            else "h_event"
                            if info.after_event(index)
                            else "h_queue"
                        )
                        days = days_for(index, used_days=set())  # marks no day as used
                        kind = "range" if days else "window"
                        claims.append(
                            HoursClaim(index, kind, days, r_start, r_end, text, blocked=code)
                        )
                    continue
                days = days_for(index)
                open_context = status == "open" or (status is None and hours_question)
                # "sudah sy catat: 20/08 jam 09.00-11.00": a slot booked on a date
                # "friday 19.00-21.00 is still available", "Saturday tutoring sessions": a slot
                # on one day (a range of days with it states the hours: "available Mon-Fri")
                slot = (
                    not info.every_day
                    and len(days or ()) <= 1
                    and not any(is_range for _, _, is_range in info.days)
                    and _about_a_slot(tokens, index)
                )
                booked = (
                    info.appointment
                    or slot
                    or (status != "open" and _dated(tokens, index))
                    or _advised_arrival(tokens, info.start, info.end)
                    # the hours of a booking the question asks about, on no days of the week
                    or ("slot" in qkinds and not info.days and inherited_days is None)
                )
                strict = (
                    (
                        (
                            open_context
                            or bool(info.days)
                            or info.every_day
                            or inherited_days is not None
                        )
                        and not booked
                    )
                    or (
                        # "visit us Monday to Friday from 08.00 to 15.00": days with a long span
                        # state the hours even in an invitation (not a dated visit: "Kamis
                        # 20/08 di Universitas pukul 08.00-13.00")
                        bool(info.days)
                        and r_end - r_start >= 300
                        and not (status != "open" and _dated(tokens, index))
                    )
                    or (
                        # "mung jam 7-8 dalu thok", "cuma jam 9-11": only these hours
                        not booked
                        and _has_any(
                            tokens, info.start, info.end, EXCLUSIVE_WORDS - {"saja", "aja"}
                        )
                    )
                )
                if not strict and not desk_context and not booked:
                    # "acara pukul 19.00-22.00": a time range of something else
                    if soft:
                        claims.append(
                            HoursClaim(
                                index, "window", days, r_start, r_end, text, blocked="h_other"
                            )
                        )
                    continue
                claims.append(
                    HoursClaim(index, "range" if strict else "window", days, r_start, r_end, text)
                )
                opening_asked = False
            for index, minute, _bare in info.times:
                if info.after_event(index) or queue_times or _starts_a_rate(tokens, index):
                    if soft and not _starts_a_rate(tokens, index):
                        code = "h_event_time" if info.after_event(index) else "h_queue_time"
                        days = days_for(index, used_days=set())
                        claims.append(
                            HoursClaim(
                                index, "point", days, minute, None, _hhmm(minute), blocked=code
                            )
                        )
                    continue
                status = status_at(index)
                open_context = status == "open" or (status is None and hours_question)
                days = days_for(index)
                prev_words = _words_between(tokens, max(info.start, index - 2), index)
                # "buka Senin sampai Kamis jam 9": the "sampai" belongs to the days
                for k in range(len(prev_words) - 1, -1, -1):
                    if prev_words[k] in DAY_WORDS:
                        prev_words = prev_words[k + 1 :]
                        break
                next_words = _words_between(tokens, index + 1, min(info.end, index + 5))
                text = _text(tokens, max(info.start, index - 1), index + 2).strip()
                # Only the first time of the answer can answer "buka/tutup jam berapa?"
                first_opening, opening_asked = opening_asked, False
                first_closing, closing_asked = closing_asked, False
                after = [w for w in next_words if w not in PERIODS and w not in ("wib", "pm", "am")]
                if any(w in ("udah", "sudah", "already", "dah", "udh") for w in after[:2]):
                    # "jam 12 udah tutup": closed by then (the closing time is at or before it)
                    if any(w in CLOSED_WORDS for w in after[:3]):
                        claims.append(
                            HoursClaim(
                                index,
                                "closed_by",
                                days,
                                None,
                                minute,
                                f"sudah tutup {_hhmm(minute)}",
                            )
                        )
                    continue
                if (
                    any(w in CLOSE_AT_BEFORE for w in prev_words)
                    or (any(w in CLOSED_WORDS for w in next_words[:4]) and status == "closed")
                    or (
                        # "tutup jam berapa?" - "jam 12 siang bu": the first time answers it
                        first_closing
                        and not info.queue
                        and not any(w in BEFORE_AFTER for w in prev_words)
                    )
                ):
                    claims.append(
                        HoursClaim(index, "close_at", days, None, minute, f"tutup {_hhmm(minute)}")
                    )
                elif (
                    any(w in UNTIL_WORDS for w in prev_words)
                    and not info.cutoff
                    # "Udah tutup pak, pendaftaran cuma sampe jam 12": closed now, another clause
                    and info.status_near(index) != "closed"
                    and (
                        open_context
                        # "Ambulans cuma sampai jam 10 malam": the service itself, until then;
                        # "Jumat sampai setengah 4": a day's closing time
                        or (
                            not info.appointment
                            and (_speaks_of_service(tokens, info) or days_for(index) is not None)
                        )
                    )
                ):
                    claims.append(
                        HoursClaim(index, "close_at", days, None, minute, f"sampai {_hhmm(minute)}")
                    )
                elif (
                    any(w in OPEN_AT_BEFORE for w in prev_words)
                    and not info.queue
                    and (status == "open" or any(w in _STARTS for w in prev_words))
                ) or (
                    # "buka jam berapa?" - "jam 9 pagi bu": the first time answers it
                    first_opening
                    and not info.queue
                    and status != "closed"
                    and not any(w in UNTIL_WORDS for w in prev_words)
                    and not any(w in BEFORE_AFTER for w in prev_words)
                ):
                    claims.append(
                        HoursClaim(index, "open_at", days, minute, None, f"buka {_hhmm(minute)}")
                    )
                elif (
                    status == "closed"
                    or not sentence_service
                    # "so 2pm is too late": a time the answer turns down
                    or any(w in _TOO_LATE for w in next_words[:4])
                ):
                    if soft:
                        code = (
                            "h_closed_time"
                            if status == "closed"
                            else "h_other_time"
                            if not sentence_service
                            else "h_too_late"
                        )
                        claims.append(
                            HoursClaim(
                                index,
                                "point",
                                days,
                                minute,
                                None,
                                text or _hhmm(minute),
                                blocked=code,
                            )
                        )
                    continue
                else:
                    strong = (status == "open" and not info.queue) or info.service_verb
                    claims.append(
                        HoursClaim(
                            index, "point", days, minute, None, text or _hhmm(minute), strong
                        )
                    )
        excluded: set[int] = set()
        for index, days, is_range in info.days:
            if (
                info.after_event(index)
                or _day_of_a_mishap(tokens, index, info.start, days)
                or _day_of_an_event(tokens, index, info.end)
            ):
                # "kalau layu hari Minggu": the day of a mishap is never the desk's (not rescued)
                if soft and not _day_of_a_mishap(tokens, index, info.start, days):
                    code = "h_event_day" if info.after_event(index) else "h_day_of_event"
                    shut = status_at(index) == "closed"
                    claims.append(
                        HoursClaim(
                            index,
                            "closed_days" if shut else "open_days",
                            days,
                            None,
                            None,
                            f"tutup {_day_text(days)}" if shut else _day_text(days),
                            blocked=code,
                        )
                    )
                continue
            status = status_at(index)
            if info.excepted(index):
                excluded |= days
                claims.append(
                    HoursClaim(index, "closed_days", days, None, None, f"tutup {_day_text(days)}")
                )
                continue
            if index in used_days:
                if status != "closed":
                    claims.append(HoursClaim(index, "open_days", days, None, None, _day_text(days)))
                continue
            cue_near = any(abs(c - index) <= 3 for c in info.cues)
            if status == "closed":
                if _part_of_the_day_after(tokens, index, info.end):
                    continue  # "closed on friday afternoons": a part of the day, not the day
                claims.append(
                    HoursClaim(index, "closed_days", days, None, None, f"tutup {_day_text(days)}")
                )
            elif not (status == "open" or cue_near or hours_question):
                if soft:
                    # "kelas malam tiap selasa kamis": days named with no word of opening
                    claims.append(
                        HoursClaim(
                            index,
                            "open_days",
                            days,
                            None,
                            None,
                            _day_text(days),
                            blocked="h_no_cue",
                        )
                    )
            else:
                claims.append(HoursClaim(index, "open_days", days, None, None, _day_text(days)))
                exclusive = any(
                    tokens[k].low in EXCLUSIVE_WORDS
                    for k in range(max(info.start, index - 3), min(info.end, index + 4))
                )
                if (is_range and len(days) >= 3 and (status == "open" or hours_question)) or (
                    exclusive and len(days) >= 2
                ):
                    claims.append(HoursClaim(index, "day_span", days, None, None, _day_text(days)))
        if not has_time:
            for index, period in info.periods:
                status = info.status_near(index)
                if status is None:
                    continue
                # "buka 24 jam, termasuk malam hari dan hari libur": included, so open
                if _has_any(tokens, max(info.start, index - 3), index, _INCLUDING_WORDS):
                    status = "open"
                p_start, p_end = PERIODS[period]
                kind = "open_period" if status == "open" else "closed_period"
                label = period if status == "open" else f"tidak melayani {period}"
                # "hanya pagi hari": open in that part of the day only
                if status == "open" and _has_any(
                    tokens, max(info.start, index - 3), index, EXCLUSIVE_WORDS
                ):
                    kind, label = "only_period", f"hanya {period}"
                claims.append(HoursClaim(index, kind, days_for(index), p_start, p_end, label))
        status = info.status or sentence_status
        if (
            info.every_day
            and status != "closed"
            and (status == "open" or hours_question or bool(info.cues) or has_time)
        ):
            every = frozenset(range(7)) - excluded
            kind = "every_day" if len(every) == 7 else "open_days"
            text = (
                "setiap hari"
                if len(every) == 7
                else f"setiap hari kecuali {_day_text(frozenset(excluded))}"
            )
            claims.append(HoursClaim(info.start, kind, every, None, None, text))
        if info.office_only and status != "closed":
            weekdays = frozenset(range(5))
            claims.append(HoursClaim(info.start, "open_days", weekdays, None, None, "jam kerja"))
            claims.append(
                HoursClaim(info.start, "day_span", weekdays, None, None, "hanya jam kerja")
            )
        if (
            info.always
            and status != "closed"
            and (status == "open" or hours_question or info.every_day)
        ):
            claims.append(
                HoursClaim(info.start, "always_open", frozenset(range(7)), 0, 24 * 60, "24 jam")
            )
    return claims


MONEY_STARTS = frozenset(
    {"rp", "idr", *SLANG_AMOUNTS, *NUMBER_WORDS, "seribu", "sejuta", "seratus"}
)
# First tokens worth a closer look (a speed filter: everything else is skipped at once).
DURATION_STARTS = frozenset(
    {
        *SE_DURATIONS,
        *VAGUE_DURATIONS,
        *RELATIVE_DURATIONS,
        *NUMBER_WORDS,
        "beberapa",
        "several",
        "few",
        "couple",
        "minggu",
        "pekan",
        "bulan",
        "next",
        "following",
        "keesokan",
        "a",
        "an",
        "one",
        "day",
    }
)
FREE_OR_PAID_STARTS = frozenset(
    {
        *FREE_WORDS,
        *NEGATORS,
        "cuma",
        "costs",
        "cost",
        "pay",
        "bebas",
        "berbayar",
        "biaya",
        "biayanya",
        "uang",
        "seikhlasnya",
        "sukarela",
        "sukarelanya",
    }
)
# Either kind of fee start (the sentence filter of _fee_claims).
FEE_SCAN_STARTS = MONEY_STARTS | FREE_OR_PAID_STARTS
HOURS_TRIGGERS = frozenset(
    {
        *DAY_WORDS,
        *TIME_LEAD,
        *PERIOD_WORDS,
        *PERIODS,
        *OPEN_WORDS,
        *CLOSED_WORDS,
        "setiap",
        "tiap",
        "tiap-tiap",
        "every",
        "daily",
        "everyday",
        "weekend",
        "weekends",
        "weekday",
        "weekdays",
        "akhir",
        "kerja",
        "nonstop",
        "non",
        "hours",
        "at",
        "setengah",
        "half",
    }
)

WAITING_WORDS = frozenset(
    {"tunggu", "tunggunya", "menunggu", "nunggu", "nunggunya", "ditunggu", "wait", "waiting"}
)
EXCLUSIVE_WORDS = frozenset(
    {
        "hanya",
        "cuma",
        "only",
        "saja",
        "aja",
        "khusus",
        "exclusively",
        "mung",
        "namung",
        "thok",
        "wungkul",
    }
)
_CANNOT = frozenset({"can't", "cannot", "cant", "won't", "wont"})
EVENT_CONTEXT_WORDS = _words(
    """
    acara hajatan pesta resepsi akad lahir kelahiran meninggal wafat kematian kejadian pelaksanaan
    kegiatan event events party class kelas session sesi wedding ceremony konser pertandingan rapat berangkat keberangkatan
    penerbangan
    flight pengajian lomba festival shift shif kloter gelombang batch ujian ujinya sidang sidangnya
    exam exams hearing tur turnya tour tours
    leaves departs departure departures puasa berpuasa fast fasting
    """
)
SERVICE_CONTEXT_WORDS = frozenset(
    {
        *OPEN_WORDS,
        *CLOSED_WORDS,
        *APPOINTMENT_WORDS,
        *SERVICE_VERBS,
        "loket",
        "kantor",
        "counter",
        "office",
        "desk",
        "layanan",
        "urus",
        "diurus",
        "ngurus",
        "mengurus",
        "rekam",
        "daftar",
        "mendaftar",
        "dilayanin",
    }
)
# Every word _scan_clause_hours reacts to ("ada": "Sabtu gak ada").
SCAN_WORDS = frozenset(
    {
        *EVENT_CONTEXT_WORDS,
        *SERVICE_CONTEXT_WORDS,
        *HOURS_TRIGGERS,
        *BREAK_WORDS,
        *EXCEPT_WORDS,
        *HOLIDAY_WORDS,
        *CUTOFF_WORDS,
        *APPOINTMENT_WORDS,
        *DAY_CUE_WORDS,
        *SERVICE_VERBS,
        "antre",
        "antri",
        "antrean",
        "antrian",
        "queue",
        "ngantri",
        "ngantre",
        "libur",
        "jam",
        "hari",
        "ada",
        *_CANNOT,
    }
)

# What _scan_clause_hours does with a word, one bit per reaction (one dict lookup a word).
(
    _F_EVENT,
    _F_SERVICE_CONTEXT,
    _F_BREAK,
    _F_EXCEPT,
    _F_HOLIDAY,
    _F_CUTOFF,
    _F_APPOINTMENT,
    _F_QUEUE,
    _F_SERVICE_VERB,
    _F_DAY_CUE,
    _F_OPEN,
    _F_CLOSED,
    _F_EVERY_DAY_LEAD,
    _F_SPECIAL,
    _F_PERIOD,
    _F_DAY,
    _F_TIME,
    _F_SCAN,
) = (1 << bit for bit in range(18))
_SPECIAL_WORDS = frozenset(
    {
        *EVERY_DAY_LEAD,
        "daily",
        "everyday",
        "kerja",
        "hours",
        "hari",
        "weekdays",
        "weekday",
        "weekend",
        "weekends",
        "akhir",
        "nonstop",
        "non",
    }
)
_FLAG_SETS: tuple[tuple[int, frozenset[str]], ...] = (
    (_F_EVENT, EVENT_CONTEXT_WORDS),
    (_F_SERVICE_CONTEXT, SERVICE_CONTEXT_WORDS),
    (_F_BREAK, BREAK_WORDS),
    (_F_EXCEPT, EXCEPT_WORDS),
    (_F_HOLIDAY, HOLIDAY_WORDS),
    (_F_CUTOFF, CUTOFF_WORDS),
    (_F_APPOINTMENT, APPOINTMENT_WORDS),
    (
        _F_QUEUE,
        frozenset(
            {
                "antre",
                "antri",
                "antrean",
                "antrian",
                "queue",
                "ngantri",
                "ngantre",
                "kuota",
                "quota",
            }
        ),
    ),
    (_F_SERVICE_VERB, SERVICE_VERBS),
    (_F_DAY_CUE, DAY_CUE_WORDS),
    (_F_OPEN, OPEN_WORDS),
    (_F_CLOSED, CLOSED_WORDS),
    (_F_EVERY_DAY_LEAD, EVERY_DAY_LEAD),
    (_F_SPECIAL, _SPECIAL_WORDS),
    (_F_PERIOD, frozenset(PERIODS)),
    (_F_DAY, frozenset(DAY_WORDS)),
    (_F_TIME, frozenset({*TIME_LEAD, "at", "setengah"})),
    (_F_SCAN, SCAN_WORDS),
)
_SCAN_FLAGS: dict[str, int] = {}
for _bit, _vocabulary in _FLAG_SETS:
    for _word in _vocabulary:
        _SCAN_FLAGS[_word] = _SCAN_FLAGS.get(_word, 0) | _bit

# --------------------------------------------------------------------------- all


def sentence_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not tokens:
        return spans
    start = 0
    current = tokens[0].sentence
    for i, token in enumerate(tokens):
        if token.sentence != current:
            spans.append((start, i))
            start = i
            current = token.sentence
    spans.append((start, len(tokens)))
    return spans


def extract_claims(
    tokens: list[Token],
    qkinds: frozenset[str] = frozenset(),
    mention_tokens: frozenset[int] = frozenset(),
    sentences: list[tuple[int, int]] | None = None,
    soft: bool = False,
) -> list[Claim]:
    """All fee, duration and hours claims in ``tokens`` (in text order); ``soft`` also keeps the
    amounts, durations and hours the rules set aside, marked ``blocked``."""
    if sentences is None:
        sentences = sentence_spans(tokens)
    claims: list[Claim] = []
    claims.extend(_fee_claims(tokens, sentences, mention_tokens, "fee" in qkinds, soft))
    for c in _duration_claims(tokens, qkinds, mention_tokens, soft):
        # "the private lab ... takes 3 days": another party's time ("hasil lab" is the desk's)
        if other_place_before(tokens, c.index, mention_tokens, places=_OTHER_PARTIES):
            if not soft:
                continue
            c = replace(c, blocked=c.blocked or "other_party")
        claims.append(c)
    for hours in _hours_claims(tokens, qkinds, mention_tokens, soft):
        # "bayar lewat bank sampai jam 8 malam": another place's hours
        if other_place_before(
            tokens,
            tokens[hours.index].clause_end,
            mention_tokens,
            tokens[hours.index].sentence,
            CHANNEL_PLACES,
        ):
            # a premise may be the desk's own ("laboratorium"); a channel ("hotline", "website",
            # "bank") keeps hours of its own, never rescued
            if not soft or not other_place_before(
                tokens,
                tokens[hours.index].clause_end,
                mention_tokens,
                tokens[hours.index].sentence,
                OTHER_PLACES,
            ):
                continue
            hours = replace(hours, blocked=hours.blocked or "h_place")
        claims.append(hours)
    claims.sort(key=lambda c: c.index)
    source = _source_line_start(tokens)
    if source is not None:
        claims = [c for c in claims if c.index < source]
    return claims


_SOURCE_WORDS = frozenset({"sumber", "source", "sources", "ref", "referensi", "reference"})


def _source_line_start(tokens: list[Token]) -> int | None:
    """Where a closing "Sumber: Standar Pelayanan Donor Darah Sukarela" line starts: a citation
    names documents, it makes no claim ("Sukarela" there is no voluntary fee)."""
    found = None
    for i in range(len(tokens) - 2, -1, -1):
        low = tokens[i].low
        if low == "\n":
            break  # only the last line
        if low in _SOURCE_WORDS and tokens[i + 1].low == ":":
            found = i
    if found is None:
        return None
    before = tokens[found - 1].low if found else "\n"
    return found if before in ("\n", ".", "!", "?", "(", "[", "-", "—") else None


_RATE_OR_TOTAL = frozenset({"per", "/", "=", "total", "totalnya", "sekaligus", "x", "×"})


def stated_counts(
    tokens: list[Token], start: int, end: int, exclude: tuple[int, int]
) -> frozenset[int]:
    """Whole numbers stated in tokens[start:end] outside ``exclude`` (a multiplier for totals).
    A number of days or weeks counts only beside a rate or a total ("2,5 juta per hari, 2 hari =
    5 juta", "3 hari jadi Rp 6.000.000"): "100rb, 2 minggu jadi" is a fee and a duration, not
    twice a fee."""
    counts: set[int] = set()
    # "per sampel" is a rate of something else: "100rb per sampel, hasil 2 hari" is no total
    rate = any(
        (
            t.low in _RATE_OR_TOTAL
            and not (
                t.low in ("per", "/")
                and k + 1 < len(tokens)
                and tokens[k + 1].kind == "word"
                and tokens[k + 1].low not in UNIT_WORDS
            )
        )
        or (t.low in ("jadi", "jadinya") and k + 1 < len(tokens) and _starts_amount(tokens, k + 1))
        for k, t in enumerate(tokens[start:end], start)
    )
    i = start
    while i < end:
        if exclude[0] <= i < exclude[1]:
            i = exclude[1]
            continue
        token = tokens[i]
        if token.low in _INCLUDING_WORDS:
            # "IDR 1,200,000 per day, including two tables": what comes with it, not a count
            i = token.clause_end
            continue
        if (
            not rate
            and i + 1 < end
            and tokens[i + 1].low in UNIT_WORDS
            and i + 2 != exclude[0]  # "2 jam 120rb": the hours priced right before the amount
        ):
            i += 2
            continue
        if token.kind == "num":
            value = token.number
            if (
                value is not None
                and value.is_integer()
                and 1 < value <= 100_000
                and not _numbers_a_place_or_copies(tokens, i)
                and not _not_a_count(tokens, i)
            ):
                counts.add(int(value))
        elif token.kind == "word" and token.low in GROUP_COUNTS:
            counts.add(GROUP_COUNTS[token.low])
        elif token.kind == "word" and token.low in NUMBER_WORDS:
            parsed = parse_number_words([t.low for t in tokens[i : min(end, i + 6)]])
            if (
                parsed is not None
                and parsed[1]
                and float(parsed[0]).is_integer()
                and parsed[0] > 1
                and not _numbers_a_place_or_copies(tokens, i + parsed[1] - 1)
            ):
                counts.add(int(parsed[0]))
                i += parsed[1]
                continue
        i += 1
    return frozenset(counts)


_COPY_WORDS = frozenset(
    {"fotokopi", "fotocopy", "foto", "copy", "copies", "photo", "photos", "pas"}
)


def _numbers_a_place_or_copies(tokens: list[Token], i: int) -> bool:
    """ "loket 3", "lantai 2": a place's number; "fotokopi KTP 2 lembar", "foto 3x4 2 lembar": copies
    of a requirement. Neither multiplies a fee."""
    # "pas foto 3x4": a size; "2 x 1,5jt" multiplies a price
    if (
        i + 2 < len(tokens)
        and tokens[i + 1].low == "x"
        and tokens[i + 2].kind == "num"
        and not _starts_amount(tokens, i + 2)
    ) or (i > 1 and tokens[i - 1].low == "x" and tokens[i - 2].kind == "num"):
        return True
    if (
        i > 0
        and tokens[i - 1].low in COUNTER_WORDS
        and not (
            i + 1 < len(tokens)
            and (tokens[i + 1].low in UNIT_WORDS or tokens[i + 1].low in COUNTED_NOUNS)
        )
    ):
        return True
    return (
        i + 1 < len(tokens)
        and tokens[i + 1].low in ("lembar", "rangkap", "copies", "sheets", "pcs")
        and any(tokens[k].low in _COPY_WORDS for k in range(max(0, i - 4), i))
    )


_LEFT_BEFORE = frozenset({"sisa", "tersisa", "tinggal", "masih"})
_LEFT_AFTER = frozenset({"left", "remaining", "tersisa", "lagi", "available"})
_STOCK_NOUNS = _words(
    """
    unit units kamar rooms room slot slots kursi seats seat kuota quota tempat places lapak stan
    booth booths kios
    """
)


def _not_a_count(tokens: list[Token], i: int) -> bool:
    """ "sisa 2 unit", "ada 3 kamar", "2 slots left": what is still available, not how many are
    bought; "jam 5": a time of day, no count at all."""
    if i > 0 and (
        tokens[i - 1].low in _LEFT_BEFORE or tokens[i - 1].low in ("jam", "pukul", "pkl")
    ):
        return True
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    after = tokens[i + 2].low if i + 2 < len(tokens) else ""
    if nxt in _LEFT_AFTER or (nxt in _STOCK_NOUNS and after in _LEFT_AFTER):
        return True
    return nxt in _STOCK_NOUNS and i > 0 and tokens[i - 1].low in ("ada", "available")


_INCLUDING_WORDS = frozenset({"termasuk", "including", "incl", "inclusive"})


_PURPOSE_WORDS = frozenset({"keperluan", "kebutuhan", "purpose", "purposes"})


def _purpose_before(tokens: list[Token], j: int, start: int) -> bool:
    """ "cek sertifikat untuk keperluan jual beli": a trade named as the purpose of the service
    is no sale of goods."""
    return any(tokens[k].low in _PURPOSE_WORDS for k in range(max(start, j - 2), j))


_PRICED_LINKS = frozenset(
    {
        "would",
        "will",
        "be",
        "is",
        "costs",
        "cost",
        "jadi",
        "jadinya",
        "=",
        "totalnya",
        "total",
        "kena",
    }
)
