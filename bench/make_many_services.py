"""Write N synthetic but varied service-standard files, for indexing benchmarks.

    .venv/bin/python bench/make_many_services.py 1000 var/bench-knowledge

The files follow docs/knowledge-format.md exactly (front matter with ``promises:`` and a body
with Persyaratan / Prosedur / Biaya / Waktu Penyelesaian / Catatan sections), spread over
agency sub-folders, plus a maklumat and an FAQ. Output is deterministic for a given N and
``--seed``. Values are plausible, not real: do not use them as answers to citizens.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

AGENCIES: list[tuple[str, str]] = [
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
    ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
    ("bapenda", "Badan Pendapatan Daerah"),
    ("disnaker", "Dinas Tenaga Kerja"),
    ("dishub", "Dinas Perhubungan"),
    ("dinkes", "Dinas Kesehatan"),
    ("dinsos", "Dinas Sosial"),
    ("disdik", "Dinas Pendidikan"),
    ("dlh", "Dinas Lingkungan Hidup"),
    ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("diskominfo", "Dinas Komunikasi dan Informatika"),
    ("disperindag", "Dinas Perindustrian dan Perdagangan"),
]

ACTIONS: list[tuple[str, str]] = [
    ("penerbitan", "Penerbitan"),
    ("perpanjangan", "Perpanjangan"),
    ("perubahan", "Perubahan Data"),
    ("legalisir", "Legalisir"),
    ("rekomendasi", "Rekomendasi"),
    ("pendaftaran", "Pendaftaran"),
    ("penggantian", "Penggantian"),
    ("verifikasi", "Verifikasi"),
]

SUBJECTS: list[tuple[str, str, list[str]]] = [
    ("izin-usaha-mikro", "Izin Usaha Mikro", ["IUM", "izin usaha kecil", "micro business permit"]),
    ("surat-keterangan-usaha", "Surat Keterangan Usaha", ["SKU", "keterangan usaha"]),
    ("izin-keramaian", "Izin Keramaian", ["izin acara", "izin hajatan", "event permit"]),
    ("sertifikat-halal", "Sertifikat Halal UMK", ["halal", "label halal", "halal certificate"]),
    ("izin-lingkungan", "Persetujuan Lingkungan", ["SPPL", "UKL-UPL", "environmental permit"]),
    ("tanda-daftar-gudang", "Tanda Daftar Gudang", ["TDG", "izin gudang", "warehouse permit"]),
    ("izin-trayek", "Izin Trayek Angkutan", ["trayek", "izin angkot", "route permit"]),
    ("izin-parkir", "Izin Penyelenggaraan Parkir", ["izin parkir", "parking permit"]),
    ("izin-apotek", "Izin Apotek", ["SIA", "izin apotik", "pharmacy permit"]),
    ("izin-klinik", "Izin Operasional Klinik", ["izin klinik", "clinic license"]),
    ("izin-sekolah", "Izin Operasional Satuan Pendidikan", ["izin PAUD", "school permit"]),
    ("kartu-lansia", "Kartu Lansia", ["kartu lanjut usia", "senior card"]),
    ("sktm", "Surat Keterangan Tidak Mampu", ["SKTM", "surat miskin", "certificate of poverty"]),
    ("rekomendasi-pbi", "Rekomendasi BPJS PBI", ["PBI", "BPJS gratis", "subsidised health card"]),
    ("pajak-restoran", "Pendaftaran Wajib Pajak Restoran", ["NPWPD restoran", "restaurant tax"]),
    ("pbb", "Mutasi Objek PBB", ["PBB", "balik nama PBB", "property tax transfer"]),
    ("izin-menara", "Izin Menara Telekomunikasi", ["izin tower", "BTS", "tower permit"]),
    ("izin-galian", "Izin Galian Utilitas", ["izin gali jalan", "excavation permit"]),
    ("sertifikat-laik-fungsi", "Sertifikat Laik Fungsi", ["SLF", "laik fungsi"]),
    ("izin-pemakaman", "Izin Pemakaman", ["izin makam", "burial permit"]),
]

REQUIREMENT_POOL = [
    "Fotokopi KTP-el pemohon",
    "Fotokopi Kartu Keluarga",
    "Surat pengantar dari kelurahan",
    "Pas foto berwarna 3x4 sebanyak 2 lembar",
    "Fotokopi NIB",
    "Surat pernyataan bermeterai",
    "Denah lokasi kegiatan",
    "Fotokopi sertifikat tanah atau bukti penguasaan lahan",
    "Fotokopi SPPT PBB tahun terakhir",
    "Surat kuasa bila diwakilkan",
    "Dokumen lama yang akan diganti atau diperpanjang",
    "Rekomendasi dari instansi teknis terkait",
    "Fotokopi akta pendirian bagi badan usaha",
    "Foto lokasi atau tempat usaha",
]

DURATIONS = [
    "1 hari kerja",
    "2 hari kerja",
    "3 hari kerja",
    "5 hari kerja",
    "7 hari kerja",
    "10 hari kerja",
    "14 hari kerja",
    "30 hari kerja",
    "1 hari",
    "3 hari",
    "14 hari",
    "2 jam",
    "3 jam",
    "30 menit",
    "60 menit",
    "1x24 jam",
    "3x24 jam",
]

HOURS = [
    "Senin-Jumat 08.00-15.00",
    "Senin-Jumat 08.00-16.00",
    "Senin-Jumat 07.30-14.00",
    "Senin-Sabtu 08.00-12.00",
    "Senin-Kamis 08.00-15.00, Jumat 08.00-11.00",
    "Senin-Kamis 07.30-15.30, Jumat 07.30-11.30",
    "Setiap hari 24 jam",
]

PROCEDURE_STEPS = [
    "Ambil nomor antrean di mesin antrean atau melalui antrean online.",
    "Serahkan berkas persyaratan di loket.",
    "Petugas memeriksa kelengkapan dan keabsahan berkas.",
    "Tim teknis melakukan peninjauan lapangan bila diperlukan.",
    "Bayar retribusi melalui bank atau kanal pembayaran resmi.",
    "Dokumen ditandatangani secara elektronik oleh pejabat berwenang.",
    "Terima dokumen di loket atau unduh melalui portal layanan.",
]

NOTES = [
    "Pengurusan dapat diwakilkan dengan surat kuasa.",
    "Pengambilan dokumen dapat dilakukan oleh anggota keluarga dalam satu KK.",
    "Berkas yang tidak lengkap dikembalikan kepada pemohon dengan catatan kekurangannya.",
    "Dokumen berlaku selama kegiatan masih berjalan dan data tidak berubah.",
    "Permohonan juga dapat diajukan melalui portal perizinan daerah.",
    "Layanan prioritas tersedia bagi lansia dan penyandang disabilitas.",
]


def _fee(rng: random.Random) -> int | dict[str, int]:
    roll = rng.random()
    if roll < 0.55:
        return 0
    if roll < 0.85:
        return rng.choice([10000, 25000, 30000, 50000, 75000, 100000, 150000, 250000])
    variants = rng.sample(["perorangan", "badan_usaha", "baru", "perpanjangan", "per_m2"], k=2)
    return {name: rng.randrange(5, 60) * 5000 for name in variants}


def _yaml_fee(fee: int | dict[str, int]) -> str:
    if isinstance(fee, int):
        return f"  fee: {fee}\n"
    lines = "".join(f"    {name}: {amount}\n" for name, amount in fee.items())
    return "  fee:\n" + lines


def _rupiah(amount: int) -> str:
    return "Rp " + f"{amount:,}".replace(",", ".")


def _fee_text(fee: int | dict[str, int]) -> str:
    if fee == 0:
        return "Tidak dipungut biaya."
    if isinstance(fee, int):
        return f"Retribusi layanan: {_rupiah(fee)}."
    return "\n".join(
        f"- {name.replace('_', ' ')}: {_rupiah(amount)}" for name, amount in fee.items()
    )


def service_file(index: int, rng: random.Random) -> tuple[str, str]:
    """Return (relative path, file text) of the index-th synthetic service."""
    agency_slug, agency_name = rng.choice(AGENCIES)
    action_slug, action_name = rng.choice(ACTIONS)
    subject_slug, subject_name, subject_aliases = rng.choice(SUBJECTS)
    service_id = f"{action_slug}-{subject_slug}-{index:05d}"
    name = f"{action_name} {subject_name}"
    aliases = [subject_name.lower(), *subject_aliases, f"{action_slug} {subject_aliases[0]}"]
    fee = _fee(rng)
    duration = rng.choice(DURATIONS)
    hours = rng.choice(HOURS)
    requirements = rng.sample(REQUIREMENT_POOL, k=rng.randint(3, 6))
    optional_steps = [PROCEDURE_STEPS[3], PROCEDURE_STEPS[5]]
    steps = [*PROCEDURE_STEPS[:3], *rng.sample(optional_steps, k=rng.randint(0, 2))]
    if fee != 0:
        steps.append(PROCEDURE_STEPS[4])  # payment step only for paid services
    steps.append(PROCEDURE_STEPS[6])
    notes = rng.sample(NOTES, k=rng.randint(1, 3))

    front = (
        "---\n"
        f"id: {service_id}\n"
        f"service: {name}\n"
        f"unit: {agency_name} Kota Contoh\n"
        f"aliases: [{', '.join(aliases)}]\n"
        "promises:\n"
        f"{_yaml_fee(fee)}"
        f"  duration: {duration}\n"
        f"  hours: {hours}\n"
        "  requirements:\n" + "".join(f"    - {item}\n" for item in requirements) + "---\n"
    )
    body = (
        f"# {name}\n\n"
        f"Layanan {name.lower()} oleh {agency_name} Kota Contoh bagi warga dan pelaku usaha "
        f"yang memerlukan {subject_name.lower()}.\n\n"
        "## Persyaratan\n\n"
        + "".join(f"- {item}\n" for item in requirements)
        + "\n## Prosedur\n\n"
        + "".join(f"{number}. {step}\n" for number, step in enumerate(steps, start=1))
        + f"\n## Biaya\n\n{_fee_text(fee)}\n\n"
        f"## Waktu Penyelesaian\n\nPaling lama {duration} sejak berkas lengkap.\n\n"
        "## Catatan\n\n" + "".join(f"- {note}\n" for note in notes)
    )
    return f"{agency_slug}/{service_id}.md", front + "\n" + body


MAKLUMAT = """---
id: maklumat
service: Maklumat Pelayanan
unit: Mal Pelayanan Publik Kota Contoh
promises:
  complaint_response: 1x24 jam
---
# Maklumat Pelayanan

Kami sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan
menanggapi setiap pengaduan paling lama 1x24 jam.
"""

FAQ = """# Tanya Jawab Umum

## Di mana lokasi MPP Kota Contoh?

Jl. Contoh No. 1, Kota Contoh.

## Bagaimana cara menyampaikan pengaduan?

Melalui meja pengaduan, asisten Telegram, atau SP4N-LAPOR! di lapor.go.id.
"""


def write_services(count: int, outdir: Path, seed: int = 20250102) -> int:
    rng = random.Random(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "maklumat.md").write_text(MAKLUMAT, encoding="utf-8")
    (outdir / "faq.md").write_text(FAQ, encoding="utf-8")
    for index in range(1, count + 1):
        relative, text = service_file(index, rng)
        path = outdir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write N synthetic service-standard files.")
    parser.add_argument("count", type=int, help="number of service files (e.g. 1000)")
    parser.add_argument("outdir", type=Path, help="folder to write (created if missing)")
    parser.add_argument("--seed", type=int, default=20250102)
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("count must be at least 1")
    written = write_services(args.count, args.outdir, args.seed)
    print(f"wrote {written} service files, a maklumat and an FAQ to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
