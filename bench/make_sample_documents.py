"""Regenerate the sample PDF and DOCX of ``knowledge/dokumen/`` byte for byte.

    .venv/bin/python bench/make_sample_documents.py [OUTDIR]

OUTDIR defaults to ``knowledge/dokumen``. The output is deterministic (fixed PDF ids and
dates, fixed DOCX core properties and zip timestamps), so running the script twice gives
identical files and ``git diff`` stays quiet unless the text below changes.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTDIR = REPO_ROOT / "knowledge" / "dokumen"
PDF_NAME = "tata-tertib-mpp.pdf"
DOCX_NAME = "panduan-pengaduan.docx"
FIXED_DATE = datetime(2025, 1, 2, 8, 0, 0)
ZIP_TIMESTAMP = (2025, 1, 2, 8, 0, 0)

PDF_TITLE = "Tata Tertib dan Ketentuan Antrean Mal Pelayanan Publik Kota Sukamaju"
PDF_SECTIONS: list[tuple[str, list[str]]] = [
    (
        "A. Ketentuan umum",
        [
            "Mal Pelayanan Publik (MPP) Kota Sukamaju, Jl. Merdeka No. 10, melayani masyarakat "
            "pada hari kerja Senin sampai Jumat pukul 08.00-15.00, kecuali gerai yang menetapkan "
            "jam layanan sendiri dalam Standar Pelayanannya.",
            "Pengunjung wajib berpakaian sopan, menjaga kebersihan, dan tidak merokok di dalam "
            "gedung. Kawasan MPP adalah kawasan tanpa rokok.",
            "Pengunjung dilarang memberikan uang, hadiah, atau imbalan dalam bentuk apa pun "
            "kepada petugas. Pembayaran resmi hanya melalui bank atau kanal pembayaran yang "
            "tercantum dalam Standar Pelayanan.",
            "Jasa perantara (calo) tidak diizinkan beroperasi di lingkungan MPP. Laporkan "
            "kepada petugas keamanan atau meja Pengaduan dan Informasi.",
        ],
    ),
    (
        "B. Ketentuan antrean",
        [
            "Nomor antrean diambil di mesin antrean lantai 1 dengan memilih layanan yang dituju, "
            "atau melalui antrean online yang dibuka setiap hari kerja mulai pukul 06.00.",
            "Satu nomor antrean berlaku untuk satu pemohon dan satu jenis layanan. Pemohon yang "
            "mengurus beberapa layanan mengambil nomor untuk masing-masing layanan.",
            "Kode antrean online ditukarkan di mesin antrean paling lambat pukul 12.00 pada hari "
            "yang dipilih. Kode yang tidak ditukarkan dianggap hangus dan pemohon dapat mendaftar "
            "kembali untuk hari lain.",
            "Nomor yang dipanggil tiga kali dan tidak hadir dilewati; pemohon dapat melapor ke "
            "petugas informasi untuk dipanggil kembali setelah nomor yang sedang dilayani.",
            "Lanjut usia, penyandang disabilitas, ibu hamil, dan ibu yang membawa balita "
            "dilayani melalui loket prioritas tanpa mengambil antrean umum.",
            "Pengambilan nomor antrean di lokasi ditutup 30 menit sebelum jam layanan gerai "
            "berakhir agar semua pemohon yang sudah mengantre dapat dilayani.",
        ],
    ),
    (
        "C. Hak dan kewajiban pemohon",
        [
            "Pemohon berhak mendapatkan pelayanan sesuai Standar Pelayanan, informasi yang "
            "jelas, dan perlakuan yang sopan dan tidak diskriminatif.",
            "Pemohon wajib membawa persyaratan yang lengkap dan benar serta mengisi formulir "
            "dengan data yang sebenarnya.",
            "Pemohon berhak menyampaikan pengaduan apabila pelayanan tidak sesuai standar. "
            "Setiap pengaduan ditanggapi petugas paling lama 1x24 jam sesuai Maklumat Pelayanan.",
        ],
    ),
    (
        "D. Keamanan dan fasilitas",
        [
            "Barang bawaan dan kendaraan menjadi tanggung jawab pemiliknya. Tempat penitipan "
            "barang tersedia di dekat pintu masuk.",
            "Fasilitas yang tersedia: ruang tunggu, ruang laktasi, ruang bermain anak, toilet "
            "ramah disabilitas, kursi roda, musala, dan layanan fotokopi.",
            "Dalam keadaan darurat, ikuti arahan petugas dan rambu jalur evakuasi menuju titik "
            "kumpul di halaman depan gedung.",
        ],
    ),
]

DOCX_TITLE = "Panduan Menyampaikan Pengaduan Pelayanan Publik"
DOCX_INTRO = (
    "Panduan ini menjelaskan cara menyampaikan pengaduan atas layanan di Mal Pelayanan Publik "
    "(MPP) Kota Sukamaju. Pengaduan membantu kami memperbaiki pelayanan; identitas pelapor "
    "dirahasiakan."
)
DOCX_SECTIONS: list[tuple[str, list[str], bool]] = [
    (
        "Apa saja yang dapat diadukan?",
        [
            "Pelayanan yang melewati waktu penyelesaian dalam Standar Pelayanan.",
            "Permintaan uang atau imbalan di luar biaya resmi (pungutan liar).",
            "Sikap petugas yang tidak sopan, tidak ramah, atau diskriminatif.",
            "Persyaratan tambahan yang tidak tercantum dalam Standar Pelayanan.",
            "Fasilitas yang rusak atau sistem antrean yang tidak berfungsi.",
        ],
        False,
    ),
    (
        "Saluran pengaduan",
        [
            "Meja Pengaduan dan Informasi di lantai 1 MPP, pada jam layanan.",
            "Asisten Telegram MPP Kota Sukamaju: tulis keluhan Anda dengan bahasa sehari-hari; "
            "asisten meneruskannya kepada petugas dan memberi nomor tiket.",
            "SP4N-LAPOR! (Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional) melalui situs "
            "lapor.go.id atau aplikasi LAPOR!.",
            "Kotak saran yang tersedia di setiap lantai.",
        ],
        False,
    ),
    (
        "Langkah menyampaikan pengaduan melalui SP4N-LAPOR!",
        [
            "Buka lapor.go.id atau aplikasi LAPOR!, lalu buat akun atau masuk.",
            "Pilih klasifikasi Pengaduan dan tulis judul yang singkat.",
            "Ceritakan kejadiannya: layanan apa, kapan, di loket mana, dan apa yang terjadi.",
            "Sebutkan instansi tujuan: Pemerintah Kota Sukamaju.",
            "Lampirkan bukti bila ada (foto tanda terima, tangkapan layar), lalu kirim.",
            "Simpan nomor tracking untuk memantau tindak lanjut.",
        ],
        True,
    ),
    (
        "Apa yang terjadi setelah pengaduan dikirim?",
        [
            "Petugas memberikan tanggapan pertama paling lama 1x24 jam sejak pengaduan diterima.",
            "Pengaduan diteruskan ke unit layanan yang bersangkutan untuk ditindaklanjuti.",
            "Pelapor diberi tahu hasil tindak lanjutnya dan dapat memberi penilaian.",
            "Pengaduan tentang pungutan liar atau perilaku petugas ditangani langsung oleh Kepala MPP.",
        ],
        False,  # a second numbered list would continue the first one's numbering in Word
    ),
]
DOCX_CLOSING = (
    "Tips: sampaikan pengaduan dengan jelas dan sopan, sertakan nomor antrean atau tanda terima "
    "bila ada, dan jangan menyertakan data pribadi orang lain."
)


def build_pdf() -> bytes:
    """The MPP rules and queue regulations as a two-page A4 PDF with fixed metadata."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    rl_config.invariant = 1  # fixed document id and creation date
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=PDF_TITLE,
        author="Mal Pelayanan Publik Kota Sukamaju",
        subject="Tata tertib pengunjung dan ketentuan antrean",
        creator="janji bench/make_sample_documents.py",
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        invariant=1,
    )
    styles = getSampleStyleSheet()
    story: list[object] = [
        Paragraph(PDF_TITLE, styles["Title"]),
        Paragraph("Ditetapkan oleh Kepala Mal Pelayanan Publik Kota Sukamaju", styles["Italic"]),
        Spacer(1, 0.4 * cm),
    ]
    for heading, rules in PDF_SECTIONS:
        story.append(Paragraph(heading, styles["Heading2"]))
        items = [ListItem(Paragraph(rule, styles["BodyText"])) for rule in rules]
        story.append(ListFlowable(items, bulletType="1"))
    story.append(Spacer(1, 0.4 * cm))
    story.append(
        Paragraph(
            "Tata tertib ini berlaku bagi seluruh pengunjung dan petugas MPP Kota Sukamaju.",
            styles["BodyText"],
        )
    )
    document.build(story)
    return buffer.getvalue()


def build_docx() -> bytes:
    """The complaint guide (SP4N-LAPOR!) as a DOCX with fixed properties and zip timestamps."""
    from docx import Document

    document = Document()
    properties = document.core_properties
    properties.title = DOCX_TITLE
    properties.author = "Mal Pelayanan Publik Kota Sukamaju"
    properties.last_modified_by = "Mal Pelayanan Publik Kota Sukamaju"
    properties.subject = "Pengaduan pelayanan publik"
    properties.created = FIXED_DATE
    properties.modified = FIXED_DATE
    properties.last_printed = FIXED_DATE
    properties.revision = 1

    document.add_heading(DOCX_TITLE, level=0)
    document.add_paragraph(DOCX_INTRO)
    for heading, lines, numbered in DOCX_SECTIONS:
        document.add_heading(heading, level=1)
        style = "List Number" if numbered else "List Bullet"
        for line in lines:
            document.add_paragraph(line, style=style)
    document.add_paragraph(DOCX_CLOSING)

    raw = io.BytesIO()
    document.save(raw)
    return _normalise_zip(raw.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes, keeping the member order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member.filename))
    return output.getvalue()


def write_documents(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in ((PDF_NAME, build_pdf()), (DOCX_NAME, build_docx())):
        path = outdir / name
        path.write_bytes(content)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("outdir", nargs="?", type=Path, default=DEFAULT_OUTDIR)
    args = parser.parse_args(argv)
    for path in write_documents(args.outdir):
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
