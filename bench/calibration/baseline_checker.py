"""Baseline deterministic "promise guardrail" checker.

Written from the product specification only (no labelled data, no existing
implementation).  Pure Python 3.11 standard library.

check(answer, standards, service_id=None, question=None) ->
    {"verdict": "ok"|"contradiction", "fields": sorted broken fields}
"""
from __future__ import annotations

import re

# ---------------------------------------------------------------------------
# number words
# ---------------------------------------------------------------------------
ID_UNITS = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
    "tujuh": 7, "delapan": 8, "sembilan": 9,
}
ID_SPECIAL = {"sepuluh": 10, "sebelas": 11, "seratus": 100}
EN_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
NUM_WORDS = (list(ID_UNITS) + list(ID_SPECIAL) + [
    "puluh", "belas", "ratus", "ribu", "seribu", "juta", "sejuta", "setengah",
    "hundred", "thousand", "million", "half", "and"] +
    [w for w in EN_SMALL if w not in ("a", "an")])
NUMW_RE = r"(?:%s)" % "|".join(sorted(NUM_WORDS, key=len, reverse=True))
NUMSEQ_RE = r"(?:%s)(?:[\s-]+(?:%s))*" % (NUMW_RE, NUMW_RE)


def parse_number_words(text: str) -> float | None:
    toks = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t]
    if not toks:
        return None
    total = 0.0
    current = 0.0
    pending = 0.0
    seen = False
    for t in toks:
        if t in ID_UNITS:
            pending = ID_UNITS[t]
        elif t in ID_SPECIAL:
            current += ID_SPECIAL[t]
        elif t == "puluh":
            current += (pending or 1) * 10
            pending = 0
        elif t == "belas":
            current += pending + 10
            pending = 0
        elif t == "ratus":
            current += (pending or 1) * 100
            pending = 0
        elif t in ("setengah", "half"):
            pending += 0.5
        elif t in ("ribu", "thousand"):
            total += ((current + pending) or 1) * 1000
            current = pending = 0
        elif t == "seribu":
            total += 1000
        elif t in ("juta", "million"):
            total += ((current + pending) or 1) * 1_000_000
            current = pending = 0
        elif t == "sejuta":
            total += 1_000_000
        elif t == "hundred":
            current = ((current + pending) or 1) * 100
            pending = 0
        elif t in EN_SMALL:
            pending += EN_SMALL[t]
        elif t == "and":
            continue
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current + pending


def parse_num(tok: str) -> float | None:
    """Parse a small number token: digits (with , or . decimal) or words."""
    tok = tok.strip().lower()
    if not tok:
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", tok):
        return float(tok.replace(",", "."))
    special = {"se": 1, "satu": 1, "sehari": 1}
    if tok in special:
        return float(special[tok])
    return parse_number_words(tok)


# ---------------------------------------------------------------------------
# text segmentation
# ---------------------------------------------------------------------------
ABBREV_RE = re.compile(r"\b(rp|no|pkl|jl|dr|nr|tgl|s\.d|a\.m|p\.m|dll|dsb|mr|mrs|ibu|bpk|sdr)\.", re.I)


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Return list of (offset, sentence)."""
    protected = ABBREV_RE.sub(lambda m: m.group(0)[:-1] + "\x00", text)
    out = []
    start = 0
    for m in re.finditer(r"[!?]+|\n+|\.(?=\s|$)", protected):
        seg = text[start:m.end()]
        if seg.strip():
            out.append((start, seg))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out


CLAUSE_SPLIT_RE = re.compile(
    r";|,\s+|:\s+|\s+-\s+|\s+(?:sedangkan|sementara itu|while|whereas|but|tetapi|tapi|namun|however|"
    r"adapun|sementara)\s+", re.I)


def split_clauses(sentence: str, base: int) -> list[tuple[int, str]]:
    out = []
    start = 0
    for m in CLAUSE_SPLIT_RE.finditer(sentence):
        seg = sentence[start:m.start()]
        if seg.strip():
            out.append((base + start, seg))
        start = m.end()
    if sentence[start:].strip():
        out.append((base + start, sentence[start:]))
    return out


# ---------------------------------------------------------------------------
# negation / correction helpers
# ---------------------------------------------------------------------------
NEG_WORDS_RE = re.compile(
    r"\b(?:bukan|tidak|tak|nggak|ngga|enggak|gak|ga|gk|tdk|jangan|never|not|no|isn't|"
    r"aren't|doesn't|don't|won't|wouldn't|bukanlah)\b", re.I)
FALSITY_RE = re.compile(
    r"\b(?:tidak benar|tdk benar|nggak benar|gak benar|keliru|hoaks|hoax|salah info|informasi salah|"
    r"info salah|kabar bohong|bohong|not true|untrue|incorrect|is wrong|was wrong|false|misinformation|"
    r"myth|mitos|itu salah|adalah salah)\b", re.I)
CORRECTION_RE = re.compile(
    r"\b(?:ralat|koreksi|maaf,? salah|maaf,? keliru|salah ketik|salah tulis|typo|correction|"
    r"i mean|maksud saya|maksudnya|yang benar|yang betul|sorry,? (?:i|that) (?:was|am) wrong|"
    r"let me correct|to correct|sebenarnya|actually|mohon maaf atas kekeliruan|"
    r"saya keliru|saya salah)\b", re.I)
WARNING_RE = re.compile(
    r"\b(?:pungli|pungutan liar|pungutan tidak resmi|laporkan|lapor(?:kan)? ke|report (?:it|this|them)|"
    r"illegal|tidak resmi|calo|tolak|refuse|menolak)\b", re.I)
COND_RE = re.compile(r"\b(?:jika|kalau|kalo|apabila|bila|seandainya|if|whenever|when)\b", re.I)


NEG_NOISE_RE = re.compile(
    r"\b(?:tidak|tak|gak|nggak|no|not)\s+(?:ada\s+)?(?:kendala|masalah|lengkap|sesuai|antre|antrean|"
    r"ramai|libur|problems?|issues?|delays?)\b|\bif not\b|\bkalau tidak\b|\bjika tidak\b", re.I)


def pre_negated(clause_text: str, rel_pos: int, nwords: int = 5) -> bool:
    before = NEG_NOISE_RE.sub(" ", clause_text[:rel_pos])
    words = re.findall(r"[\w']+", before)
    window = " ".join(words[-nwords:])
    if NEG_WORDS_RE.search(window):
        return True
    return False


def post_falsified(rest_of_clause: str, next_clause: str | None) -> bool:
    if FALSITY_RE.search(rest_of_clause):
        return True
    if next_clause and FALSITY_RE.search(next_clause[:80]):
        if re.match(r"\s*(?:itu|ini|hal itu|hal tersebut|that|this|which|yang|informasi|info|kabar|"
                    r"berita|anggapan|rumor|isu)\b", next_clause, re.I):
            return True
    return False


# ---------------------------------------------------------------------------
# money
# ---------------------------------------------------------------------------
OTHER_COST_RE = re.compile(
    r"(?:materai|meterai|metrai|stamp duty|duty stamp|stamp|fotokopi|fotocopy|fotokopian|photocopy|"
    r"photocopies|copies|copy|print|cetak foto|pas foto|foto|parkir|parking|map\b|stopmap|amplop|"
    r"ongkir|ongkos kirim|pengiriman|kurir|courier|postage|pos\b|ojek|angkot|transport|bensin|"
    r"makan|minum|snack|kopi|pajak|pbb|njop|tagihan|tunggakan|denda|fine\b|saldo|gaji|upah|umr|ump|"
    r"harga|nilai|asuransi|insurance|bpjs|iuran|premi|laminating|laminasi|sewa|tarif angkot|"
    r"per lembar|per halaman|per page|/lembar|/halaman|wifi|toilet|antre|antrean|antrian|"
    r"lembar|halaman|pages?\b|jaminan|deposit|tabungan|modal|omzet|omset|aset|investasi|"
    r"kekayaan|penghasilan|pendapatan|income|salary|tax\b)", re.I)

MONEY_RES = [
    # Rp / IDR prefixed, optional multiplier
    re.compile(r"(?<![\w])(?:rp\.?|idr|rs\.?)\s*(\d[\d.,]*)\s*(ribu|rb|rebu|k|juta|jt)?(?:\s*,-|,-|\.-)?", re.I),
    # number + multiplier
    re.compile(r"(?<![\w.,])(\d[\d.,]*)\s*(ribu|rb|rebu|rbu|k|juta|jt|jeti|thousand|million)(?:an)?\b(?:\s*rupiah)?", re.I),
    # number + rupiah
    re.compile(r"(?<![\w.,])(\d[\d.,]*)\s*(rupiah|idr)\b", re.I),
]
MONEY_WORDS_RE = re.compile(r"(?<![\w])(%s)\s*(rupiah|idr)?\b" % NUMSEQ_RE, re.I)

MULT = {"ribu": 1e3, "rb": 1e3, "rebu": 1e3, "rbu": 1e3, "k": 1e3, "thousand": 1e3,
        "juta": 1e6, "jt": 1e6, "jeti": 1e6, "million": 1e6, "m": 1e6}


def parse_money_number(num: str, mult: str | None) -> float | None:
    num = num.strip().rstrip(".,")
    if not num:
        return None
    if mult:
        m = MULT.get(mult.lower(), 1)
        # 1,5 / 1.5 as decimals; 1.500 would be odd with multiplier
        if re.fullmatch(r"\d+[.,]\d{1,2}", num):
            return float(num.replace(",", ".")) * m
        return float(re.sub(r"[.,]", "", num)) * m
    # strip decimal cents ",00" / ".00" after a thousands-grouped number
    mm = re.fullmatch(r"(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d{1,2})?", num)
    if mm:
        return float(re.sub(r"[.,]", "", mm.group(1)))
    try:
        return float(re.sub(r"[.,]", "", num))
    except ValueError:
        return None


FREE_RE = re.compile(
    r"\b(?:gratis|free of charge|free|cuma[- ]cuma|tidak dipungut biaya|tidak dipungut bayaran|"
    r"tanpa biaya|tanpa dipungut biaya|tanpa bayar|tidak ada biaya|tak ada biaya|gak ada biaya|"
    r"nggak ada biaya|tidak dikenakan biaya|tidak dikenai biaya|tidak ada pungutan|bebas biaya|"
    r"tidak berbayar|tidak perlu bayar|tidak usah bayar|gak usah bayar|ga usah bayar|nggak usah bayar|"
    r"gak perlu bayar|nggak perlu bayar|ga perlu bayar|tidak perlu membayar|tidak dipungut|"
    r"tidak bayar|gak bayar|nggak bayar|no fee|no charge|no cost|at no cost|without charge|"
    r"without any charge|without any fee|costs nothing|cost nothing|free of cost|nol rupiah|"
    r"biayanya nol|biaya nol|rp\.? ?0(?![\d.,])|0 rupiah|rp\.? ?0,-)", re.I)
NOT_FREE_RE = re.compile(
    r"\b(?:tidak gratis|tak gratis|nggak gratis|gak gratis|ga gratis|bukan gratis|not free|isn't free|"
    r"is not free)\b", re.I)
PAID_WEAK_RE = re.compile(
    r"(?<!tidak )(?<!tanpa )(?<!tak )(?<!gak )(?<!nggak )\b(?:berbayar|ada biayanya|dikenakan biaya|"
    r"dipungut biaya|harus bayar|wajib bayar|harus membayar|wajib membayar)\b", re.I)
FREE_FALSE_CTX_RE = re.compile(r"\b(?:feel free|toll[- ]free|free to|free time|hands[- ]free|free wifi|"
                               r"free parking)\b", re.I)
ADDITIONAL_RE = re.compile(r"^\W*(?:\w+\W+)?(?:tambahan|lagi|lain|lainnya|additional|extra|hidden|"
                           r"apa ?pun di luar|di luar|di loket|ke petugas|ke saya)", re.I)
EXTRA_PAY_RE = re.compile(
    r"\b(?:uang rokok|uang lelah|uang pelicin|uang jasa|uang terima kasih|uang kopi|seikhlasnya|"
    r"sukarela|tip|tips|uang administrasi tambahan|biaya percepatan|biaya ekspres|biaya express|"
    r"jalur cepat berbayar|bayar lebih biar cepat)\b", re.I)


def is_other_cost(clause: str, s: int, e: int, prev_end: int, next_start: int) -> bool:
    before = clause[max(prev_end, s - 40):s]
    if OTHER_COST_RE.search(before):
        return True
    after = clause[e:min(next_start, e + 30)]
    if re.match(r"\W*(?:\w+\W+)?(?:untuk|buat|utk|for|per|/|biaya|ongkos)?\s*(?:pembelian\s+|beli\s+)?"
                + OTHER_COST_RE.pattern, after, re.I):
        return True
    if re.match(r"\s*(?:per|/)\s*(?:lembar|halaman|page|sheet|lbr)", after, re.I):
        return True
    return False


def extract_money(clause: str):
    """Yield (rel_start, rel_end, kind, amount) kind in {'amount','free','paid'}."""
    found = []
    taken = []

    def overlaps(s, e):
        return any(not (e <= a or s >= b) for a, b in taken)

    for m in NOT_FREE_RE.finditer(clause):
        found.append((m.start(), m.end(), "paid", None))
        taken.append((m.start(), m.end()))
    for m in FREE_RE.finditer(clause):
        if overlaps(m.start(), m.end()):
            continue
        ctx = clause[max(0, m.start() - 12):m.end() + 12]
        if FREE_FALSE_CTX_RE.search(ctx):
            continue
        if ADDITIONAL_RE.match(clause[m.end():m.end() + 25]):
            continue
        found.append((m.start(), m.end(), "free", 0.0))
        taken.append((m.start(), m.end()))
    for m in PAID_WEAK_RE.finditer(clause):
        if overlaps(m.start(), m.end()):
            continue
        found.append((m.start(), m.end(), "paid", None))
        taken.append((m.start(), m.end()))
    for rx in MONEY_RES:
        for m in rx.finditer(clause):
            if overlaps(m.start(), m.end()):
                continue
            mult = m.group(2) if m.lastindex and m.lastindex >= 2 else None
            if mult and mult.lower() in ("rupiah", "idr"):
                mult = None
            val = parse_money_number(m.group(1), mult)
            if val is None:
                continue
            # ignore things that look like years / tiny numbers w/o currency marker
            found.append((m.start(), m.end(), "amount", val))
            taken.append((m.start(), m.end()))
    for m in MONEY_WORDS_RE.finditer(clause):
        if overlaps(m.start(), m.end()):
            continue
        words = m.group(1)
        low = words.lower()
        has_scale = re.search(r"\b(?:ribu|seribu|juta|sejuta|thousand|million)\b", low)
        if not (has_scale or m.group(2)):
            continue
        val = parse_number_words(words)
        if val is None or val == 0:
            continue
        # English "a thousand" etc fine; avoid lone "a"
        found.append((m.start(), m.end(), "amount", val))
        taken.append((m.start(), m.end()))
    for m in EXTRA_PAY_RE.finditer(clause):
        if overlaps(m.start(), m.end()):
            continue
        found.append((m.start(), m.end(), "paid", None))
    found.sort()
    # context filtering
    out = []
    for i, (s, e, kind, val) in enumerate(found):
        prev_end = found[i - 1][1] if i > 0 else 0
        next_start = found[i + 1][0] if i + 1 < len(found) else len(clause)
        if kind != "paid_strong" and is_other_cost(clause, s, e, prev_end, next_start):
            continue
        out.append((s, e, kind, val))
    return out


# ---------------------------------------------------------------------------
# durations
# ---------------------------------------------------------------------------
HOURS_PER = {
    "menit": 1 / 60, "minute": 1 / 60, "minutes": 1 / 60, "mins": 1 / 60, "min": 1 / 60,
    "jam": 1.0, "hour": 1.0, "hours": 1.0, "hrs": 1.0,
    "hari": 24.0, "day": 24.0, "days": 24.0,
    "hari kerja": 24.0 * 7 / 5, "working day": 24.0 * 7 / 5, "working days": 24.0 * 7 / 5,
    "business day": 24.0 * 7 / 5, "business days": 24.0 * 7 / 5, "hk": 24.0 * 7 / 5,
    "minggu": 168.0, "pekan": 168.0, "week": 168.0, "weeks": 168.0,
    "bulan": 720.0, "month": 720.0, "months": 720.0,
}
NUM_TOKEN = r"(?:\d+(?:[.,]5)?|%s)" % NUMSEQ_RE
DUR_UNIT = (r"(hari\s+kerja|hari\s+kerja|working\s+days?|business\s+days?|hk\b|hari|days?|minggu|pekan|"
            r"weeks?|bulan|months?|jam|hours?|hrs|menit|minutes?|mins?)")
DUR_RE = re.compile(
    r"(?<![\w.,])(%s)(?:\s*(?:-|–|s/d|s\.d\.?|sampai|hingga|atau|to|or)\s*(%s))?\s*%s(?!\w)"
    % (NUM_TOKEN, NUM_TOKEN, DUR_UNIT), re.I)
XJAM_RE = re.compile(r"(?<![\w.,])(\d+)\s*[x×]\s*24\s*(?:jam|hours?)\b", re.I)
SE_RE = re.compile(r"\b(sehari|seminggu|sepekan|sebulan|sejam|setengah jam|setengah hari|"
                   r"a day|a week|a month|an hour|half an hour|half a day|one day|one week)\b"
                   r"(?![\s-]*(?:hari|sekali|-hari|penuh))", re.I)
SE_VAL = {"sehari": 24.0, "seminggu": 168.0, "sepekan": 168.0, "sebulan": 720.0, "sejam": 1.0,
          "setengah jam": 0.5, "setengah hari": 12.0, "a day": 24.0, "a week": 168.0,
          "a month": 720.0, "an hour": 1.0, "half an hour": 0.5, "half a day": 12.0,
          "one day": 24.0, "one week": 168.0}
DUR_EXCL_BEFORE_RE = re.compile(
    r"(?:\b(?:berlaku|masa berlaku|valid|validity|expire|expires|expiry|kedaluwarsa|kadaluarsa|kadaluwarsa|"
    r"antre|antri|antrean|antrian|queue|dimusnahkan|hangus|batas pengambilan|diambil dalam|"
    r"ambil dalam|pick ?up within|disimpan|simpan|retained|perekaman|rekam|wawancara|interview|"
    r"ujian|durasi|cuti|libur|holiday|pengaduan|complaint|respon|tanggapan|dibalas|terlambat|telat|"
    r"late|istirahat|break|jeda)(?![a-z])\W*(?:\w+\W+){0,3}$)|"
    r"(?:\b(?:usia|umur|aged?|tanggal|tgl|nomor|no|datang|arrive|come|hadir|sejak|since|tiap|setiap|"
    r"every|per|sekali|once|buka|dibuka|open|opens|tutup|closed?|beroperasi|operasional|melayani|"
    r"layanan|service|siaga|standby|pukul|jam)(?![a-z])\W*(?:selama\W+|dalam\W+|for\W+|within\W+)?$)",
    re.I)
DUR_EXCL_AFTER_RE = re.compile(
    r"^\W*(?:(?:\w+\W+){0,2}(?:tidak diambil|belum diambil|tak diambil|not collected|not picked)|sebelum|before|yang lalu|lalu|ago|lagi\b(?! (?:selesai|jadi|baru))|sekali|once|"
    r"terakhir|last|sejak|since|setelah (?:masa|habis)|sebelumnya|berlaku|berturut|ke belakang|"
    r"sebelum masa|masa berlaku|validity|dari sekarang untuk|per minggu|a week|seminggu|sehari|"
    r"per hari|a day|perhari)", re.I)
MORE_THAN_RE = re.compile(r"(?:lebih dari|lebih lama dari|lebih\s+\w*\s*dari|more than|longer than|over|"
                          r"at least|minimal|minimum|paling cepat|sekurang-kurangnya|setidaknya)\s*$", re.I)
MORE_AFTER_RE = re.compile(r"^\s*(?:lebih|more|or more|atau lebih|\+)", re.I)


def parse_duration_text(text: str):
    """Parse a duration string of a promise into hours (max). Returns float or None."""
    vals = [h for (_, _, h, _, _) in extract_durations(text, promise=True)]
    return max(vals) if vals else None


def extract_durations(clause: str, promise: bool = False):
    """Yield (s, e, hours, strict_more, kind)."""
    out = []
    taken = []

    def overlaps(s, e):
        return any(not (e <= a or s >= b) for a, b in taken)

    for m in XJAM_RE.finditer(clause):
        out.append((m.start(), m.end(), float(m.group(1)) * 24.0, False, "dur"))
        taken.append((m.start(), m.end()))
    for m in DUR_RE.finditer(clause):
        if overlaps(m.start(), m.end()):
            continue
        unit = re.sub(r"\s+", " ", m.group(3).lower())
        a = parse_num(m.group(1))
        b = parse_num(m.group(2)) if m.group(2) else None
        if a is None:
            continue
        n = max(a, b) if b is not None else a
        if unit == "minggu" and not promise:
            # "hari minggu" (Sunday) is not a duration; number words like "a" excluded by regex
            pass
        hours = n * HOURS_PER.get(unit, HOURS_PER.get(unit.rstrip("s"), 24.0))
        # "24 jam" in opening-hours sense
        if unit in ("jam", "hours", "hour") and n == 24 and re.search(
                r"(?:buka|open|layanan|melayani|nonstop|non-stop|setiap hari|every day|daily|"
                r"beroperasi|operasional|siaga|available)", clause, re.I) and not promise:
            out.append((m.start(), m.end(), hours, False, "open24"))
            taken.append((m.start(), m.end()))
            continue
        out.append((m.start(), m.end(), hours, False, "dur"))
        taken.append((m.start(), m.end()))
    for m in SE_RE.finditer(clause):
        if overlaps(m.start(), m.end()):
            continue
        if clause[m.end():m.end() + 2].startswith("-"):
            continue
        out.append((m.start(), m.end(), SE_VAL[m.group(1).lower()], False, "dur"))
        taken.append((m.start(), m.end()))
    if promise:
        return out
    res = []
    for (s, e, h, strict, kind) in sorted(out):
        if kind == "open24":
            res.append((s, e, h, strict, kind))
            continue
        before = clause[max(0, s - 40):s]
        after = clause[e:e + 30]
        if DUR_EXCL_BEFORE_RE.search(before):
            continue
        if DUR_EXCL_AFTER_RE.match(after):
            continue
        # years / validity words right after
        if re.match(r"^\W*(?:tahun|years?)", after, re.I):
            continue
        strict = bool(MORE_THAN_RE.search(before) or MORE_AFTER_RE.match(after))
        res.append((s, e, h, strict, kind))
    return res


# ---------------------------------------------------------------------------
# opening hours / days
# ---------------------------------------------------------------------------
DAY_NAMES = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jumaat": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}
DAY_RE_STR = r"(?:senin|selasa|rabu|kamis|jum'?at|jumaat|sabtu|minggu|ahad|mondays?|tuesdays?|wednesdays?|" \
             r"thursdays?|fridays?|saturdays?|sundays?)"
DAY_RANGE_RE = re.compile(
    r"(%s)\s*(?:-|–|—|s/d|s\.d\.?|sampai(?: dengan)?|hingga|sampai hari|through|thru|to|until)\s*(?:hari\s+)?(%s)"
    % (DAY_RE_STR, DAY_RE_STR), re.I)
DAY_SINGLE_RE = re.compile(r"(?<![\w])(%s)(?![\w])" % DAY_RE_STR, re.I)
ALL_DAYS_RE = re.compile(r"\b(?:setiap hari(?! kerja)|tiap hari(?! kerja)|every day|everyday|daily|7 hari seminggu|"
                         r"tujuh hari seminggu|seven days a week|7 days a week|sepanjang minggu|"
                         r"senin sampai minggu|nonstop|non-stop|24/7)\b", re.I)
WEEKEND_RE = re.compile(r"\b(?:akhir pekan|akhir minggu|weekends?|sabtu[- ]minggu|hari libur|holidays?|"
                        r"tanggal merah|libur nasional)\b", re.I)
WEEKDAY_RE = re.compile(r"\b(?:hari kerja|weekdays?|working days?)\b", re.I)
OPEN_CTX_RE = re.compile(
    r"\b(?:buka|dibuka|open|opens|opening|melayani|dilayani|pelayanan|layanan|beroperasi|operasional|"
    r"operates|operating|serve|serves|served|available|tersedia|bisa datang|datang|silakan|"
    r"come|visit|loket|jam kerja|jam layanan|jam buka|office hours|business hours|hours|diambil|ambil|"
    r"pick up|picked up|collect|collected)\b", re.I)
ONLINE_CTX_RE = re.compile(
    r"\b(?:antre|antrean|antrian|queue|online|daring|aplikasi|app|website|situs|web|m-paspor|whatsapp|"
    r"telegram|call center|hotline|telepon|email|kode|istirahat|break|ishoma)\b", re.I)
SENT_REQ_RE = re.compile(
    r"\b(?:bawa|membawa|dibawa|syarat\w*|persyaratan|dokumen|berkas|lampirkan|melampirkan|fotokopi|"
    r"bring|documents?|requirements?|required|siapkan)\b", re.I)
CLOSED_CTX_RE = re.compile(
    r"\b(?:tutup|ditutup|libur|closed|close|tidak buka|tak buka|nggak buka|gak buka|tidak melayani|"
    r"tidak ada layanan|tidak ada pelayanan|not open|no service|kecuali|except|selain)\b", re.I)

TIME_TOK = (r"(?:(?:jam|pukul|pkl\.?|at|from|dari|mulai)\s*)?(\d{1,2})(?:[.:](\d{2}))?(?![\d])\s*"
            r"(pagi|siang|sore|petang|malam|a\.?m\.?|p\.?m\.?)?(?:\s*(?:wib|wita|wit))?")
TIME_RANGE_RE = re.compile(
    r"(?<![\w.,/])%s\s*(?:-|–|—|s/d|s\.d\.?|sampai(?: dengan)?(?: jam| pukul)?|hingga(?: jam| pukul)?|"
    r"to|until|till)\s*%s(?![\w.,]*\d)" % (TIME_TOK, TIME_TOK), re.I)
SINGLE_TIME_RE = re.compile(
    r"(?<![\w.,/])(?:(jam|pukul|pkl\.?|at)\s*(\d{1,2})(?:[.:](\d{2}))?|(\d{1,2})[.:](\d{2})|"
    r"(\d{1,2})\s*(?=a\.?m\b|p\.?m\b))(?![\d])\s*(pagi|siang|sore|petang|malam|a\.?m\.?|p\.?m\.?)?",
    re.I)


def to_hour(h: str, mnt: str | None, marker: str | None, prefer_pm: bool = False) -> float | None:
    try:
        hv = int(h)
    except (TypeError, ValueError):
        return None
    mv = int(mnt) if mnt else 0
    if hv > 24 or mv >= 60:
        return None
    mk = (marker or "").lower().replace(".", "")
    if mk in ("sore", "petang", "malam", "pm") and hv < 12:
        hv += 12
    elif mk == "siang" and hv < 6:
        hv += 12
    elif mk in ("am",) and hv == 12:
        hv = 0
    elif not mk and not mnt and prefer_pm and 1 <= hv <= 6:
        hv += 12
    return hv + mv / 60.0


def days_in(text: str) -> set[int]:
    days: set[int] = set()
    low = text.lower()
    if ALL_DAYS_RE.search(low):
        days |= set(range(7))
    if WEEKEND_RE.search(low):
        days |= {5, 6}
    for m in DAY_RANGE_RE.finditer(low):
        a = DAY_NAMES.get(_norm_day(m.group(1)))
        b = DAY_NAMES.get(_norm_day(m.group(2)))
        if a is None or b is None:
            continue
        d = a
        while True:
            days.add(d)
            if d == b:
                break
            d = (d + 1) % 7
    for m in DAY_SINGLE_RE.finditer(low):
        w = _norm_day(m.group(1))
        if w == "minggu":
            # Sunday only when clearly a day name
            pre = low[max(0, m.start() - 12):m.start()]
            post = low[m.end():m.end() + 12]
            if re.search(r"\d\s*$|\bse$|\bper\s*$|\b(?:dua|tiga|empat|lima|satu|beberapa|a|one|two)\s+$", pre):
                continue
            if re.match(r"\s*(?:depan|ini|lalu|kerja|berikut|kemudian|pertama|kedua|ke-|sekali)", post):
                continue
            if not (re.search(r"(?:hari|sabtu|,|dan|&|atau|-|–|s/d|sampai|hingga)\s*$", pre)
                    or re.match(r"\s*(?:buka|tutup|libur|juga|tetap)", post)
                    or re.search(r"(?:buka|open|melayani)\s+(?:pada\s+|di\s+)?(?:hari\s+)?$", pre)):
                continue
        d = DAY_NAMES.get(w)
        if d is not None:
            days.add(d)
    return days


def _norm_day(w: str) -> str:
    w = w.lower().replace("jum'at", "jumat")
    if w.endswith("s") and w[:-1] in DAY_NAMES:
        w = w[:-1]
    return w


def parse_hours_promise(text: str):
    """Return dict day -> list of (open, close) or None."""
    sched: dict[int, list[tuple[float, float]]] = {}
    if not text:
        return None
    parts = re.split(r"[;,\n]|\s+dan\s+|\s+and\s+", text)
    last_days: set[int] | None = None
    for part in parts:
        if not part.strip():
            continue
        days = days_in(part)
        if not days:
            days = set(last_days) if last_days else set(range(7)) if re.search(r"24\s*jam|24 hours", part, re.I) \
                else set(range(5))
        if re.search(r"\b24\s*jam\b|\b24 hours\b|nonstop|24/7", part, re.I):
            for d in days:
                sched.setdefault(d, []).append((0.0, 24.0))
            last_days = days
            continue
        if re.search(r"\b(?:tutup|libur|closed)\b", part, re.I):
            last_days = days
            continue
        m = TIME_RANGE_RE.search(part)
        if m:
            o = to_hour(m.group(1), m.group(2), m.group(3))
            c = to_hour(m.group(4), m.group(5), m.group(6), prefer_pm=True)
            if o is not None and c is not None:
                if c <= o and c < 12:
                    c += 12
                for d in days:
                    sched.setdefault(d, []).append((o, c))
        last_days = days
    return sched or None


# ---------------------------------------------------------------------------
# service attribution
# ---------------------------------------------------------------------------
GENERIC_PREFIX_RE = re.compile(
    r"^(?:penerbitan|pembuatan|pelayanan|layanan|pengurusan|permohonan|penerbitan dan|pendaftaran|"
    r"pengajuan|perpanjangan|penggantian)\s+", re.I)
REQ_CTX_RE = re.compile(
    r"(?:bawa|membawa|dibawa|fotokopi|fotocopy|photocopy|copy of|salinan|lampir\w*|syarat\w*|"
    r"scan|bring|siapkan|tunjukkan|menunjukkan|berdasarkan|alamat di|nomor|nik|sesuai|dengan|"
    r"pakai|menggunakan|using|upload|unggah|asli|original|serta|beserta)\W*(?:\w+\W+){0,2}$", re.I)


def build_alias_index(standards: list[dict]):
    entries = []
    for st in standards:
        sid = st.get("service_id")
        names = set()
        nm = (st.get("name") or "").strip()
        if nm:
            names.add(nm)
            short = GENERIC_PREFIX_RE.sub("", nm)
            if short != nm and len(short) >= 3:
                names.add(short)
        for a in st.get("aliases") or []:
            if a and len(a.strip()) >= 2:
                names.add(a.strip())
        if sid:
            names.add(sid)
            names.add(sid.replace("-", " ").replace("_", " "))
        for n in names:
            pat = re.compile(r"(?<![\w])%s(?![\w])" % re.escape(n.lower()).replace(r"\ ", r"[\s-]+"),
                             re.I)
            entries.append((len(n), n, sid, pat))
    entries.sort(key=lambda x: -x[0])
    return entries


def find_mentions(text: str, index) -> list[tuple[int, int, list[str]]]:
    """Non-overlapping mentions, longest first.  Returns (s, e, [service ids])."""
    taken: list[tuple[int, int, list[str]]] = []
    for _, n, sid, pat in index:
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            hit = None
            for t in taken:
                if not (e <= t[0] or s >= t[1]):
                    hit = t
                    break
            if hit is None:
                taken.append((s, e, [sid]))
            elif hit[0] == s and hit[1] == e and sid not in hit[2]:
                hit[2].append(sid)
    taken.sort()
    return taken


# ---------------------------------------------------------------------------
# main check
# ---------------------------------------------------------------------------
def _allowed_fees(promise_fee):
    if promise_fee is None:
        return None
    if isinstance(promise_fee, dict):
        vals = []
        for v in promise_fee.values():
            if isinstance(v, (int, float)):
                vals.append(float(v))
            elif isinstance(v, dict):
                vals.extend(float(x) for x in v.values() if isinstance(x, (int, float)))
        return set(vals) if vals else None
    if isinstance(promise_fee, (int, float)):
        return {float(promise_fee)}
    if isinstance(promise_fee, str):
        if re.search(r"gratis|free|tidak dipungut", promise_fee, re.I):
            return {0.0}
        found = [v for (_, _, k, v) in extract_money(promise_fee) if k == "amount"]
        return set(found) if found else None
    return None


def check(answer: str, standards: list[dict], service_id: str | None = None,
          question: str | None = None) -> dict:
    answer = answer or ""
    standards = standards or []
    by_id = {s.get("service_id"): s for s in standards}
    index = build_alias_index(standards)

    # initial topic
    topic = service_id if service_id in by_id else None
    if topic is None and question:
        ms = find_mentions(question, index)
        if ms:
            topic = ms[0][2][0]
    if topic is None:
        ms = [m for m in find_mentions(answer, index)]
        if ms:
            topic = ms[0][2][0]
    if topic is None and len(standards) == 1:
        topic = standards[0].get("service_id")
    primary = topic

    # claims: list of dict(pos, field, service, ok(bool), negated(bool))
    claims: list[dict] = []

    sentences = split_sentences(answer)
    clause_list: list[tuple[int, str]] = []
    clause_req: list[bool] = []
    for off, sent in sentences:
        cl = split_clauses(sent, off)
        clause_list.extend(cl)
        clause_req.extend([bool(SENT_REQ_RE.search(sent))] * len(cl))

    for ci, (coff, clause) in enumerate(clause_list):
        next_clause = clause_list[ci + 1][1] if ci + 1 < len(clause_list) else None
        low = clause.lower()
        # attribution
        ments = find_mentions(clause, index)
        topical = []
        for (s, e, sids) in ments:
            if REQ_CTX_RE.search(clause[max(0, s - 30):s]) or re.match(r"\s*(?:asli|lama|yang lama|anda|kamu)\b",
                                                                      clause[e:e + 10], re.I):
                # requirement mention; only counts if it is the current topic
                continue
            if clause_req[ci] and topic is not None and topic not in sids:
                continue
            topical.append((s, e, sids))
        clause_service = topic
        if topical:
            sids = topical[0][2]
            clause_service = topic if topic in sids else sids[0]
            # if several mentions: choose the first; subsequent ones become topic for later clauses
            last = topical[-1][2]
            topic = clause_service if clause_service in last else last[0]
        if clause_service is None:
            continue
        std = by_id.get(clause_service)
        if std is None:
            continue
        prom = std.get("promises") or {}
        warning = bool(WARNING_RE.search(clause)) or bool(
            next_clause and WARNING_RE.search(next_clause) and COND_RE.search(clause))
        conditional_warning = warning and (COND_RE.search(clause) or WARNING_RE.search(clause))

        # ---- fee
        allowed = _allowed_fees(prom.get("fee"))
        if allowed is not None:
            for (s, e, kind, val) in extract_money(clause):
                neg = False
                if kind == "amount":
                    neg = pre_negated(clause, s) or post_falsified(clause[e:], next_clause)
                    if conditional_warning:
                        neg = True
                    ok = val in allowed or any(abs(val - a) < 0.5 for a in allowed)
                elif kind == "free":
                    neg = post_falsified(clause[e:], next_clause) or bool(
                        re.search(r"\b(?:bukan|tidak|not)\s*$", clause[:s], re.I))
                    ok = 0.0 in allowed
                else:  # paid (unspecified amount)
                    neg = post_falsified(clause[e:], next_clause) or conditional_warning
                    if not NOT_FREE_RE.match(clause[s:e]):
                        neg = neg or pre_negated(clause, s, 3)
                    ok = any(a > 0 for a in allowed) and not EXTRA_PAY_RE.match(clause[s:e])
                claims.append(dict(pos=coff + s, field="fee", service=clause_service, ok=ok, neg=neg))

        # ---- duration
        pdur = prom.get("duration")
        promise_h = parse_duration_text(pdur) if isinstance(pdur, str) else None
        sched = parse_hours_promise(prom.get("hours")) if isinstance(prom.get("hours"), str) else None
        for (s, e, h, strict, kind) in extract_durations(clause):
            if kind == "open24":
                if sched is not None and not ONLINE_CTX_RE.search(clause):
                    ok = all(any(o <= 0.01 and c >= 23.99 for o, c in sched.get(d, [])) for d in range(7))
                    neg = pre_negated(clause, s) or bool(CLOSED_CTX_RE.search(clause))
                    claims.append(dict(pos=coff + s, field="hours", service=clause_service, ok=ok, neg=neg))
                continue
            if promise_h is None:
                continue
            if strict:
                ok = h < promise_h - 1e-6
            else:
                ok = h <= promise_h + 1e-6
            neg = pre_negated(clause, s) or post_falsified(clause[e:], next_clause)
            claims.append(dict(pos=coff + s, field="duration", service=clause_service, ok=ok, neg=neg))
        for m in re.finditer(r"\b(?:hari itu juga|saat itu juga|same day|same-day|langsung jadi|"
                             r"on the spot|ditunggu)\b", clause, re.I):
            # same-day claim: consistent for any day-level promise
            claims.append(dict(pos=coff + m.start(), field="duration", service=clause_service,
                               ok=True, neg=False))

        # ---- hours
        if sched and not ONLINE_CTX_RE.search(clause):
            open_days = set(sched)
            env_open = min(o for d in sched for o, _ in sched[d])
            env_close = max(c for d in sched for _, c in sched[d])
            closed_ctx = bool(CLOSED_CTX_RE.search(clause))
            open_ctx = bool(OPEN_CTX_RE.search(clause))
            cdays = days_in(clause)
            # generic "hari kerja" means Mon-Fri
            if not cdays and WEEKDAY_RE.search(clause) and open_ctx and not re.search(r"\d\s*hari kerja", low):
                cdays = set(range(5))

            def day_ranges(days):
                if days:
                    rs = [r for d in days for r in sched.get(d, [])]
                    return rs
                return [(env_open, env_close)]

            times_taken = []
            for m in TIME_RANGE_RE.finditer(clause):
                g = m.groups()
                has_marker = any([g[1], g[2], g[4], g[5]]) or re.search(r"jam|pukul|pkl|at|from|dari",
                                                                         m.group(0), re.I)
                if not has_marker:
                    continue
                after = clause[m.end():m.end() + 12]
                if re.match(r"\s*(?:hari|minggu|bulan|tahun|menit|days?|weeks?|months?|years?|ribu|rb|juta)",
                            after, re.I):
                    continue
                o = to_hour(g[0], g[1], g[2])
                c = to_hour(g[3], g[4], g[5], prefer_pm=True)
                if o is None or c is None:
                    continue
                if c <= o and c < 12:
                    c += 12
                times_taken.append((m.start(), m.end()))
                if closed_ctx and not open_ctx:
                    continue
                rs = day_ranges(cdays)
                ok = bool(rs) and (all(d in open_days for d in cdays) if cdays else True)
                if cdays:
                    ok = ok and all(any(o >= ro - 1e-6 and c <= rc + 1e-6 for ro, rc in sched[d])
                                    for d in cdays if d in sched)
                else:
                    ok = ok and o >= env_open - 1e-6 and c <= env_close + 1e-6
                # an appointment slot / break inside hours is fine
                neg = pre_negated(clause, m.start(), 3) or post_falsified(clause[m.end():], next_clause)
                claims.append(dict(pos=coff + m.start(), field="hours", service=clause_service, ok=ok,
                                   neg=neg))
            # single times with open/close verbs
            for m in SINGLE_TIME_RE.finditer(clause):
                if any(not (m.end() <= a or m.start() >= b) for a, b in times_taken):
                    continue
                after = clause[m.end():m.end() + 12]
                if re.match(r"\s*(?:hari|minggu|bulan|tahun|menit|days?|weeks?|months?|years?|ribu|rb|juta|"
                            r"kali|x\b|orang|lembar)", after, re.I):
                    continue
                if m.group(2):
                    hh, mm_ = m.group(2), m.group(3)
                elif m.group(4):
                    hh, mm_ = m.group(4), m.group(5)
                else:
                    hh, mm_ = m.group(6), None
                marker = m.group(7)
                before = clause[max(0, m.start() - 35):m.start()].lower()
                is_close = re.search(r"(?:tutup|ditutup|close|closes|closed at|sampai|hingga|until|till|"
                                     r"berakhir|terakhir|last)\s*(?:pada|at|jam|pukul|sekitar|around)?\s*$",
                                     before)
                is_open = re.search(r"(?:buka|dibuka|open|opens|mulai|dimulai|starts?|dari|from|sejak)\s*"
                                    r"(?:pada|at|jam|pukul|sekitar|around|mulai)?\s*$", before)
                is_appt = re.search(r"(?:datang|hadir|janji|jadwal|appointment|come|arrive|dilayani|"
                                    r"served|ke loket|ke kantor|ke sini|kemari)\b", before)
                if not (is_close or is_open or is_appt):
                    continue
                if not (open_ctx or is_appt or (is_close and re.search(r"tutup|close", before))):
                    continue
                if is_close and re.search(r"antre|antri|queue|kode|istirahat|break", before):
                    continue
                t = to_hour(hh, mm_, marker, prefer_pm=bool(is_close))
                if t is None:
                    continue
                rs = day_ranges(cdays)
                if cdays and not all(d in open_days for d in cdays):
                    ok = False
                elif is_close and ("tutup" in before or "close" in before or open_ctx):
                    if closed_ctx and not ("tutup" in before or "close" in before):
                        continue
                    ok = any(t <= rc + 1e-6 for _, rc in rs)
                elif is_open and open_ctx:
                    ok = any(t >= ro - 1e-6 for ro, _ in rs)
                else:  # appointment: flag only if at or after closing time
                    ok = any(t < rc - 1e-6 for _, rc in rs)
                neg = pre_negated(clause, m.start(), 3) or post_falsified(clause[m.end():], next_clause)
                claims.append(dict(pos=coff + m.start(), field="hours", service=clause_service, ok=ok,
                                   neg=neg))
            # day claims
            if cdays and open_ctx and not closed_ctx:
                bad = [d for d in cdays if d not in open_days]
                neg = bool(re.search(r"\b(?:tidak|tak|nggak|gak|bukan|not|no)\b\s+(?:\w+\s+)?"
                                     r"(?:buka|open|melayani|dilayani|beroperasi|datang|ada)", clause, re.I))
                claims.append(dict(pos=coff, field="hours", service=clause_service, ok=not bad, neg=neg))

    # corrections: a contradicting claim followed by a correction marker and a later consistent claim
    corr_positions = [m.start() for m in CORRECTION_RE.finditer(answer)]
    broken = set()
    for c in claims:
        if c["ok"] or c["neg"]:
            continue
        corrected = False
        for q in corr_positions:
            if q > c["pos"]:
                for c2 in claims:
                    if (c2["pos"] > q and c2["field"] == c["field"] and c2["service"] == c["service"]
                            and c2["ok"] and not c2["neg"]):
                        corrected = True
                        break
            if corrected:
                break
        if not corrected:
            broken.add(c["field"])
    fields = sorted(broken)
    return {"verdict": "contradiction" if fields else "ok", "fields": fields}


# ---------------------------------------------------------------------------
# self test (own invented examples)
# ---------------------------------------------------------------------------
if __name__ == "__main__":
    STD = [
        {"service_id": "ktp-el", "name": "Penerbitan KTP-el", "aliases": ["KTP", "e-KTP", "identity card"],
         "promises": {"fee": 0, "duration": "1 hari kerja", "hours": "Senin-Jumat 08.00-15.00"}},
        {"service_id": "paspor", "name": "Penerbitan Paspor", "aliases": ["paspor", "passport"],
         "promises": {"fee": {"paspor_biasa": 350000, "paspor_elektronik": 650000},
                      "duration": "5 hari kerja", "hours": "Senin-Kamis 08.00-15.00, Jumat 08.00-11.00"}},
        {"service_id": "sim", "name": "Perpanjangan SIM", "aliases": ["SIM", "driving licence"],
         "promises": {"fee": 80000, "duration": "3 jam", "hours": "Senin-Sabtu 07.30-13.00"}},
        {"service_id": "ambulans", "name": "Layanan Ambulans Gawat Darurat", "aliases": ["ambulans"],
         "promises": {"fee": 0, "duration": "30 menit", "hours": "Setiap hari 24 jam"}},
    ]
    cases = [
        ("Bayar 50rb aja ke saya biar cepat.", "ktp-el", ["fee"]),
        ("KTP-el gratis, selesai 1 hari kerja.", "ktp-el", []),
        ("Paspornya selesai 2 minggu ya pak.", "paspor", ["duration"]),
        ("Paspor selesai dalam 5 hari kerja.", "paspor", []),
        ("Paspor biasa Rp350.000,- dan elektronik Rp 650.000.", "paspor", []),
        ("Biaya paspor 500 ribu.", "paspor", ["fee"]),
        ("Biaya paspor 1,5 juta.", "paspor", ["fee"]),
        ("Biayanya tiga ratus lima puluh ribu rupiah.", "paspor", []),
        ("Paspor gratis kok.", "paspor", ["fee"]),
        ("The passport fee is IDR 350,000 and it takes within 3 working days.", "paspor", []),
        ("Silakan ambil nomor antrean 25 di loket 3, RT 02/RW 05.", "ktp-el", []),
        ("NIK Anda 3201234567890001, hubungi 0812-3456-7890.", "ktp-el", []),
        ("Kami buka Senin-Jumat 08.00-15.00.", "ktp-el", []),
        ("Kami juga buka hari Sabtu.", "ktp-el", ["hours"]),
        ("Loket buka jam 8 pagi sampai jam 5 sore.", "ktp-el", ["hours"]),
        ("Kantor tutup jam 5 sore.", "ktp-el", ["hours"]),
        ("Silakan datang jam 10 pagi.", "ktp-el", []),
        ("Bukan 50rb ya, layanan ini gratis.", "ktp-el", []),
        ("Biayanya Rp 50.000. Maaf, ralat: KTP-el gratis.", "ktp-el", []),
        ("Gratis, hanya siapkan materai Rp 10.000 dan fotokopi Rp 500 per lembar.", "ktp-el", []),
        ("Paspor berlaku 10 tahun dan selesai 4 hari kerja.", "paspor", []),
        ("KTP gratis, sedangkan paspor biasa Rp 350.000.", None, []),
        ("KTP bayar Rp 350.000, paspor gratis.", None, ["fee"]),
        ("Perpanjangan SIM selesai sehari.", "sim", ["duration"]),
        ("SIM bisa selesai 2 jam, biaya 80 ribu.", "sim", []),
        ("Ambulans tiba dalam 1 jam.", "ambulans", ["duration"]),
        ("Ambulans siaga 24 jam setiap hari dan tidak dipungut biaya.", "ambulans", []),
        ("Untuk paspor bawa KTP asli. Biayanya Rp 650.000.", "paspor", []),
        ("Kalau ada petugas minta 100rb, itu pungli, laporkan.", "ktp-el", []),
        ("Tidak benar kalau KTP selesai 2 minggu.", "ktp-el", []),
        ("Paspor bisa lebih dari seminggu.", "paspor", ["duration"]),
        ("Jumat kami buka sampai jam 3 sore untuk paspor.", "paspor", ["hours"]),
        ("Prosesnya hari itu juga.", "ktp-el", []),
        ("It costs 350k and takes two weeks.", "paspor", ["duration"]),
        ("Layanan KTP selesai 2 minggu.", "ktp-el", ["duration"]),
        ("Datang 30 menit sebelum jadwal, KTP jadi 1 hari kerja.", "ktp-el", []),
        ("Jam operasional Senin-Kamis 08.00-15.00, Jumat 08.00-11.00.", "paspor", []),
        ("Paspor elektronik 650rb, proses 3-5 hari kerja.", "paspor", []),
        ("Prosesnya 5-7 hari kerja.", "paspor", ["duration"]),
        ("Silakan datang tanggal 14 Mei, hari Minggu kami tutup.", "ktp-el", []),
        ("Sabtu dan Minggu libur ya.", "ktp-el", []),
        ("Bisa dilayani di hari Sabtu kok.", "ktp-el", ["hours"]),
        ("KTP-el tidak gratis.", "ktp-el", ["fee"]),
        ("The office opens at 7 am.", "ktp-el", ["hours"]),
        ("Your identity card will be ready within 2 weeks.", "ktp-el", ["duration"]),
        ("Hanya dikenakan biaya materai Rp 10.000.", "ktp-el", []),
        ("Dokumen 12 halaman, tunggu 1x24 jam.", "ktp-el", []),
        ("SIM buka Sabtu 07.30-13.00.", "sim", []),
        ("SIM tetap buka hari Minggu.", "sim", ["hours"]),
        ("Masa berlaku SIM 5 tahun, perpanjangan selesai 1 jam.", "sim", []),
        ("Biaya SIM Rp 80.000,00 saja.", "sim", []),
        ("Biaya SIM Rp 120.000.", "sim", ["fee"]),
        ("Biaya SIM 80rb, tapi kalau mau cepat tambah 50rb ke saya.", "sim", ["fee"]),
        ("Paspor 350rb, selesai 10 hari kerja, buka Sabtu.", "paspor", ["duration", "hours"]),
        ("Bayar aja 50 ribu, nanti saya urus.", "ktp-el", ["fee"]),
        ("Biayanya Rp 0.", "ktp-el", []),
        ("KTP jadinya seminggu.", "ktp-el", ["duration"]),
        ("Pengambilan bisa hari Senin jam 9.", "ktp-el", []),
        ("Harga materai 10rb, biaya parkir 2 ribu.", "ktp-el", []),
        ("Kalau mau 1 hari jadi, bayar 100 ribu.", "ktp-el", ["fee"]),
        ("Untuk paspor biaya 350rb. Kalau KTP gratis dan selesai 1 hari kerja.", "paspor", []),
        ("Paspor 350rb. KTP-nya 2 minggu.", "paspor", ["duration"]),
        ("Nomor antrean A-015, dipanggil sekitar pukul 10.30.", "ktp-el", []),
        ("We are open Monday to Saturday.", "ktp-el", ["hours"]),
        ("We are open 24 hours.", "ktp-el", ["hours"]),
        ("Pelayanan sampai pukul 16.00.", "ktp-el", ["hours"]),
        ("KTP selesai 1x24 jam.", "ktp-el", []),
        ("KTP selesai 3x24 jam.", "ktp-el", ["duration"]),
        ("Paspor tidak sampai seminggu kok.", "paspor", []),
        ("Paspor selesai 14 hari.", "paspor", ["duration"]),
        ("Paspor selesai 7 hari.", "paspor", []),
        ("Ya pak, 2 minggu. Eh maaf ralat, 5 hari kerja.", "paspor", []),
        ("Ada yang bilang bayar 100rb, itu tidak benar, KTP gratis.", "ktp-el", []),
        ("Standarnya paspor 5 hari kerja, tapi sekarang biasanya 3 minggu.", "paspor", ["duration"]),
        ("Kalau tidak ada kendala paspor selesai 3 minggu.", "paspor", ["duration"]),
        ("Setelah 30 hari tidak diambil, berkas dikembalikan.", "ktp-el", []),
        ("Syaratnya bawa KTP dan KK. Biaya paspor biasa Rp 350.000.", "paspor", []),
        ("Antrean online dibuka pukul 06.00 setiap hari.", "ktp-el", []),
        ("Buka setiap hari kerja 08.00-15.00.", "ktp-el", []),
        ("Ambulans buka 24 jam.", "ambulans", []),
    ]
    fails = 0
    for ans, sid, exp in cases:
        got = check(ans, STD, sid)
        mark = "OK " if got["fields"] == sorted(exp) else "FAIL"
        if mark == "FAIL":
            fails += 1
        print(mark, sid, repr(ans), "->", got, "expected", exp)
    print(f"{len(cases) - fails}/{len(cases)} passed")
