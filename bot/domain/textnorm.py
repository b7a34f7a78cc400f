"""Pure text normalisation for chat Indonesian and English (no stemming: see bot.retrieval.text).

Chat Indonesian is full of abbreviations (brp, gmn, yg), slang (bikin, ngurus) and spelling
variants (akte/akta): they are expanded to standard words so that every ranker sees one form.
"""

from __future__ import annotations

import re
import unicodedata

# Chat spellings -> standard words. Keys are whole tokens.
SLANG: dict[str, str] = {
    "brp": "berapa",
    "brapa": "berapa",
    "berapaan": "berapa",
    "brpa": "berapa",
    "gmn": "bagaimana",
    "gimana": "bagaimana",
    "gmana": "bagaimana",
    "bgmn": "bagaimana",
    "gimane": "bagaimana",
    "caranya": "cara",
    "gmna": "bagaimana",
    "bikin": "buat",
    "bkin": "buat",
    "bikinnya": "buat",
    "membikin": "buat",
    "bikinin": "buat",
    "ngurus": "urus",
    "ngurusin": "urus",
    "urusin": "urus",
    "ngurusnya": "urus",
    "nguru": "urus",
    "yg": "yang",
    "yng": "yang",
    "dgn": "dengan",
    "dg": "dengan",
    "sm": "sama",
    "ama": "sama",
    "gk": "tidak",
    "ga": "tidak",
    "gak": "tidak",
    "nggak": "tidak",
    "ngga": "tidak",
    "tdk": "tidak",
    "engga": "tidak",
    "enggak": "tidak",
    "g": "tidak",
    "kagak": "tidak",
    "sy": "saya",
    "aku": "saya",
    "gw": "saya",
    "gue": "saya",
    "ane": "saya",
    "q": "saya",
    "udh": "sudah",
    "udah": "sudah",
    "sdh": "sudah",
    "dah": "sudah",
    "blm": "belum",
    "blum": "belum",
    "lom": "belum",
    "bs": "bisa",
    "bsa": "bisa",
    "bisakah": "bisa",
    "dmn": "dimana",
    "dmana": "dimana",
    "kpn": "kapan",
    "knp": "kenapa",
    "napa": "kenapa",
    "utk": "untuk",
    "tuk": "untuk",
    "buat2": "buat",
    "krn": "karena",
    "karna": "karena",
    "tp": "tapi",
    "tpi": "tapi",
    "jg": "juga",
    "aja": "saja",
    "dr": "dari",
    "dri": "dari",
    "sampe": "sampai",
    "ampe": "sampai",
    "smp": "sampai",
    "lg": "lagi",
    "lgi": "lagi",
    "bgt": "banget",
    "bngt": "banget",
    "trs": "terus",
    "hr": "hari",
    "hri": "hari",
    "mgg": "minggu",
    "mingguan": "minggu",
    "bln": "bulan",
    "jm": "jam",
    "brkas": "berkas",
    "dokumen2": "dokumen",
    "syarat2": "syarat",
    "syrt": "syarat",
    "syaratnya": "syarat",
    "persyaratannya": "persyaratan",
    "biayanya": "biaya",
    "byr": "bayar",
    "bayarnya": "bayar",
    "harganya": "harga",
    "lamanya": "lama",
    "lma": "lama",
    "tlp": "telepon",
    "telp": "telepon",
    "hp": "telepon",
    "nelpon": "telepon",
    "akte": "akta",
    "akt": "akta",
    "ktp2": "ktp",
    "ektp": "ktp",
    "e-ktp": "ktp",
    "ktpel": "ktp",
    "ktp-el": "ktp",
    "kk-nya": "kk",
    "sim-a": "sim a",
    "sima": "sim a",
    "simc": "sim c",
    "sim-c": "sim c",
    "pasport": "paspor",
    "pasport-nya": "paspor",
    "paspornya": "paspor",
    "passpor": "paspor",
    "imb": "pbg",
    "ilang": "hilang",
    "ilangg": "hilang",
    "perpanjang": "perpanjang",
    "panjangin": "perpanjang",
    "memperpanjang": "perpanjang",
    "diperpanjang": "perpanjang",
    "nyari": "cari",
    "nanya": "tanya",
    "tny": "tanya",
    "tnya": "tanya",
    "mo": "mau",
    "pengen": "ingin",
    "pgn": "ingin",
    "pingin": "ingin",
    "kalo": "kalau",
    "klo": "kalau",
    "kl": "kalau",
    "apa2": "apa",
    "apaan": "apa",
    "apakah": "apa",
    "min": "admin",
    "mimin": "admin",
    "kak": "kakak",
    "ka": "kakak",
    "pak": "bapak",
    "bu": "ibu",
    "dok": "dokumen",
    "dll": "lain",
    "brg": "barang",
    "kndaraan": "kendaraan",
    "motor2": "motor",
    "skrg": "sekarang",
    "skrng": "sekarang",
    "bsk": "besok",
    "hrs": "harus",
    "musti": "harus",
    "mesti": "harus",
    "ortu": "orang tua",
    "anak2": "anak",
    "bayi": "bayi",
    "lahiran": "lahir",
    "ngelamar": "lamar",
    "nyetir": "kemudi", "mpp": "mpp mal pelayanan publik", "ket": "keterangan",
    "keterangn": "keterangan", "srt": "surat", "surat2": "surat", "izinnya": "izin",
    "ijinnya": "izin", "ijin": "izin",
    "bawa2": "bawa",
    "dibawa": "bawa",
    "bawaan": "bawa",
}

# Words that carry no service information (short, deliberately NOT Sastrawi's list: that list
# drops single letters and words like "baru" that tell services apart, e.g. "SIM A" vs "SIM C").
STOPWORDS = frozenset(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "untuk",
        "dengan",
        "pada",
        "ini",
        "itu",
        "ada",
        "saya",
        "kami",
        "kita",
        "anda",
        "admin",
        "kakak",
        "bapak",
        "ibu",
        "mau",
        "ingin",
        "tanya",
        "apa",
        "apakah",
        "atau",
        "juga",
        "saja",
        "sih",
        "dong",
        "deh",
        "ya",
        "yah",
        "nih",
        "kah",
        "lah",
        "tolong",
        "mohon",
        "bisa",
        "bagaimana",
        "gimana",
        "kalau",
        "jika",
        "agar",
        "supaya",
        "karena",
        "tapi",
        "tetapi",
        "lagi",
        "sudah",
        "belum",
        "akan",
        "the",
        "a",
        "an",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "is",
        "are",
        "was",
        "be",
        "my",
        "i",
        "me",
        "we",
        "you",
        "your",
        "please",
        "can",
        "could",
        "would",
        "how",
        "do",
        "does",
        "did",
        "what",
        "which",
        "that",
        "this",
        "it",
        "with",
        "and",
        "or",
        "if",
        "about",
        "from",
        "as",
        "by",
        "want",
        "need",
        "halo",
        "hai",
        "selamat",
        "pagi",
        "siang",
        "sore",
        "malam",
        "terima",
        "kasih",
        "makasih",
        "thanks",
        "thank",
        "hi",
        "hello",
        "hey",
        "mas",
        "mbak",
        "kak",
        "bang",
        "om",
        "sis",
        "gan",
        "boss",
        "bos",
        "pak",
        "bu",
        "min",
        "admin",
        "nya",
        "kok",
        "kan",
        "loh",
        "lho",
        "pun",
        "si",
        "sang",
        "para",
        "oleh",
    ]
)

TOKEN = re.compile(r"[a-z0-9]+")
REPEATS = re.compile(r"([a-z])\1{2,}")


def fold(text: str) -> str:
    """Lowercase, strip accents, emoji and control characters; keep letters, digits, spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    text = REPEATS.sub(r"\1\1", text)  # "bangeeet" -> "bangeet" (then slang catches common ones)
    return text


def raw_tokens(text: str) -> list[str]:
    """Folded tokens with chat slang expanded (no stemming, stopwords kept)."""
    folded = fold(text).replace("-", " ").replace("/", " ")
    out: list[str] = []
    for token in TOKEN.findall(folded):
        expanded = SLANG.get(token, token)
        out.extend(expanded.split())
    return out


def normalize_phrase(text: str) -> str:
    """A phrase in the same normal form as :func:`raw_tokens`, joined by single spaces."""
    return " ".join(raw_tokens(text))


# English -> Indonesian words of public-service language, so that English questions meet the
# Indonesian standards on the lexical side. General vocabulary only: nothing here names one
# organisation's services.
EN_TO_ID: dict[str, tuple[str, ...]] = {
    "id": ("identitas",), "identity": ("identitas",), "card": ("kartu",),
    "certificate": ("akta", "surat", "keterangan", "sertifikat"), "birth": ("lahir", "kelahiran"),
    "born": ("lahir",), "newborn": ("bayi", "anak", "lahir"), "baby": ("bayi", "anak"),
    "child": ("anak",), "children": ("anak",), "kid": ("anak",), "kids": ("anak",),
    "son": ("anak",), "daughter": ("anak",), "family": ("keluarga",), "household": ("keluarga",),
    "marriage": ("nikah", "perkawinan"), "married": ("nikah", "kawin"), "divorce": ("cerai",),
    "death": ("kematian", "mati"), "move": ("pindah",), "moving": ("pindah",),
    "relocation": ("pindah",), "relocate": ("pindah",), "address": ("alamat",),
    "residence": ("domisili", "tinggal"), "domicile": ("domisili",), "resident": ("penduduk",),
    "population": ("penduduk", "kependudukan"), "citizen": ("warga", "penduduk"),
    "driving": ("mengemudi", "sim"), "driver": ("pengemudi", "sim"), "license": ("izin", "sim"),
    "licence": ("izin", "sim"), "renew": ("perpanjang",), "renewal": ("perpanjang",),
    "extend": ("perpanjang",), "extension": ("perpanjang",), "police": ("polisi", "kepolisian"),
    "record": ("catatan",), "criminal": ("kriminal", "catatan", "kepolisian"),
    "clearance": ("catatan", "keterangan"), "passport": ("paspor",), "immigration": ("imigrasi",),
    "business": ("usaha", "berusaha"), "company": ("usaha", "perusahaan"),
    "shop": ("usaha", "toko"), "enterprise": ("usaha",), "small": ("kecil", "mikro"),
    "micro": ("mikro",), "permit": ("izin", "persetujuan"), "approval": ("persetujuan",),
    "building": ("bangunan", "gedung"), "build": ("bangun", "bangunan"), "house": ("rumah",),
    "home": ("rumah",), "construction": ("bangunan", "konstruksi"), "land": ("tanah",),
    "property": ("tanah", "bangunan"), "tax": ("pajak",), "taxes": ("pajak",),
    "transfer": ("peralihan", "balik"), "title": ("hak",), "job": ("kerja", "pekerjaan"),
    "jobs": ("kerja",), "work": ("kerja",), "employment": ("kerja", "tenaga"),
    "seeker": ("pencari",), "seekers": ("pencari",), "worker": ("tenaga", "kerja"),
    "vehicle": ("kendaraan",), "vehicles": ("kendaraan",), "car": ("mobil", "kendaraan"),
    "truck": ("mobil", "barang"), "minivan": ("mobil", "penumpang"), "bus": ("mobil", "penumpang"),
    "motorcycle": ("motor", "sepeda"), "motorbike": ("motor",), "inspection": ("uji", "pemeriksaan"),
    "test": ("uji", "tes"), "testing": ("uji",), "roadworthiness": ("uji", "laik"),
    "billboard": ("reklame",), "advertisement": ("reklame",), "advertising": ("reklame",),
    "signboard": ("reklame",), "banner": ("reklame", "spanduk"), "sign": ("reklame", "papan"),
    "health": ("kesehatan",), "doctor": ("dokter",), "nurse": ("perawat",),
    "midwife": ("bidan",), "practice": ("praktik",), "medical": ("kesehatan", "medis"),
    "hospital": ("rumah", "sakit"), "clinic": ("klinik",), "complaint": ("pengaduan",),
    "complain": ("pengaduan",), "fee": ("biaya",), "cost": ("biaya",), "price": ("harga",),
    "free": ("gratis",), "requirements": ("persyaratan", "syarat"), "requirement": ("syarat",),
    "documents": ("dokumen", "berkas"), "document": ("dokumen",), "copy": ("fotokopi", "salinan"),
    "photocopy": ("fotokopi",), "photo": ("foto", "pasfoto"), "letter": ("surat",),
    "statement": ("pernyataan", "surat"), "form": ("formulir",), "lost": ("hilang",),
    "damaged": ("rusak",), "broken": ("rusak",), "new": ("baru",), "replacement": ("pengganti",),
    "replace": ("ganti",), "change": ("perubahan", "ubah"), "update": ("perubahan",),
    "print": ("cetak",), "reprint": ("cetak", "ulang"), "register": ("daftar", "pendaftaran"),
    "registration": ("pendaftaran", "daftar"), "apply": ("permohonan", "ajukan"),
    "application": ("permohonan",), "queue": ("antrean",), "counter": ("loket",),
    "office": ("kantor",), "mall": ("mal",), "public": ("publik", "umum"), "service": ("pelayanan", "layanan"),
    "services": ("pelayanan", "layanan"), "holiday": ("libur",), "holidays": ("libur",),
    "weekend": ("sabtu", "minggu"), "saturday": ("sabtu",), "sunday": ("minggu",),
    "parking": ("parkir",), "location": ("lokasi", "alamat"), "online": ("online", "daring"),
    "legalize": ("legalisir", "legalisasi"), "legalise": ("legalisir",), "diploma": ("ijazah",),
    "school": ("sekolah",), "poor": ("miskin", "tidak", "mampu"), "insurance": ("asuransi", "bpjs"),
    "water": ("air",), "event": ("keramaian", "acara"), "crowd": ("keramaian",), "route": ("trayek",),
    "letterhead": ("kop",), "stamp": ("materai", "cap"), "signature": ("tanda", "tangan"),
    "fingerprint": ("sidik", "jari"), "recording": ("perekaman", "rekam"),
    "adult": ("dewasa",), "age": ("usia", "umur"), "years": ("tahun",), "power": ("kuasa",),
    "attorney": ("kuasa",), "representative": ("kuasa", "wakil"),
    "someone": ("kuasa", "wakil"), "behalf": ("kuasa", "wakil"), "proxy": ("kuasa",),
    "stamped": ("legalisir", "cap"), "legalised": ("legalisir",), "legalized": ("legalisir",),
    "certified": ("legalisir",), "wedding": ("nikah", "pernikahan", "pesta"),
    "party": ("pesta", "acara", "keramaian"), "concert": ("konser", "keramaian", "acara"),
    "music": ("musik", "hiburan"), "band": ("musik", "hiburan"), "festival": ("keramaian", "acara"),
    "gathering": ("keramaian",), "permission": ("izin",), "food": ("makanan", "kuliner", "usaha"),
    "stall": ("usaha", "warung", "lapak"), "vendor": ("usaha", "pedagang"),
    "trader": ("pedagang", "usaha"), "proof": ("bukti", "keterangan"), "proving": ("bukti", "keterangan"),
    "prove": ("bukti",), "income": ("penghasilan",), "salary": ("gaji", "penghasilan"),
    "welfare": ("sosial", "bantuan"), "subsidy": ("bantuan", "subsidi"), "aid": ("bantuan",),
    "assistance": ("bantuan",), "hardship": ("tidak", "mampu"), "low": ("rendah", "tidak", "mampu"),
    "connection": ("sambungan", "pasang"), "tap": ("air", "sambungan"), "pipe": ("pipa", "air"),
    "meter": ("meter", "meteran"), "annual": ("tahunan",), "yearly": ("tahunan",),
    "registration": ("pendaftaran", "daftar", "registrasi"), "plate": ("plat", "nomor"),
    "angkot": ("angkutan", "trayek"), "transport": ("angkutan",), "transportation": ("angkutan",),
    "minibus": ("angkutan", "mobil"), "taxi": ("angkutan", "taksi"), "operate": ("operasi", "izin"),
    "graduate": ("lulus", "ijazah"), "transcript": ("transkrip", "ijazah"),
    "religious": ("agama",), "mosque": ("masjid",), "couple": ("pasangan", "suami", "istri"),
    "husband": ("suami",), "wife": ("istri",), "spouse": ("suami", "istri"),
}

ENGLISH_STOPWORDS = frozenset(
    ["am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having", "does", "did", "doing", "will", "shall", "should", "may", "might", "must", "get", "gets", "getting", "got", "make", "makes", "made", "take", "takes", "took", "put", "up", "out", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very", "just", "also", "exactly", "really", "actually", "still", "used", "use", "using", "new", "one", "two", "there", "their", "them", "they", "he", "she", "his", "her", "its", "our", "ours", "us", "i", "me", "my", "mine", "you", "yours", "do", "can", "could", "would", "into", "onto", "about", "above", "below", "between", "through", "during", "before", "after", "to", "from", "in", "on", "at", "by", "with", "of", "for", "and", "or", "but", "if", "because", "as", "until", "while", "a", "an", "the", "this", "that", "these", "those", "what", "which", "who", "whom", "whose", "much", "many", "long"]
)


def english_variants(token: str) -> list[str]:
    """Crude English inflection removal for glossary look-ups: copies -> copy, stamped -> stamp."""
    variants = [token]
    if token.endswith("ies") and len(token) > 4:
        variants.append(token[:-3] + "y")
    if token.endswith("es") and len(token) > 4:
        variants.append(token[:-2])
    if token.endswith("s") and len(token) > 3:
        variants.append(token[:-1])
    if token.endswith("ed") and len(token) > 4:
        variants.extend([token[:-2], token[:-1]])
    if token.endswith("ing") and len(token) > 5:
        variants.extend([token[:-3], token[:-3] + "e"])
    return variants


def glossary(token: str) -> tuple[str, ...]:
    for variant in english_variants(token):
        if variant in EN_TO_ID:
            return EN_TO_ID[variant]
    return ()


def colloquial_variants(token: str) -> list[str]:
    """Jakarta-style affixes to try when a word is unknown: ngurusin -> urus, daftarin -> daftar."""
    out: list[str] = []
    base = token
    for suffix in ("innya", "nya", "in", "an"):
        if base.endswith(suffix) and len(base) - len(suffix) >= 4:
            out.append(base[: -len(suffix)])
    for candidate in [token, *out]:
        for prefix in ("nge", "ng", "ny", "di", "ke"):
            if candidate.startswith(prefix) and len(candidate) - len(prefix) >= 4:
                out.append(candidate[len(prefix) :])
    return out
