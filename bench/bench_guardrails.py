"""Benchmark (not a test): promise checks per second on one core, and the labelled-set figures.

    .venv/bin/python bench/bench_guardrails.py [--seconds 3]

Three workloads: the labelled answers as written (mostly short officer replies); the answers janji
itself sends for the 168 sample questions (bench/data/engine_answers.jsonl, made by
bench/make_engine_answers.py: the typical bot answer); and long composed bot-style answers (about
60 words, several sentences with requirements, numbers, hours and a source line: longer than 80%
of the engine's answers).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from guardrails import PromiseChecker  # noqa: E402
from tests.guardrails.guardrail_eval import (  # noqa: E402
    DEV_SET,
    HELDOUT2_SET,
    HELDOUT_SET,
    evaluate,
    load_records,
    sample_standards,
)

ENGINE_ANSWERS = ROOT / "bench" / "data" / "engine_answers.jsonl"
LONG_ANSWERS = [
    (
        "ktp-el",
        "Terima kasih atas pertanyaannya. Penerbitan KTP-el tidak dipungut biaya (gratis) dan "
        "selesai dalam 1 hari kerja setelah perekaman. Persyaratan: fotokopi KK 1 lembar, surat "
        "pengantar RT 05/RW 02, dan KTP lama bila ada. Loket Disdukcapil di lantai 2 MPP, Jl. "
        "Merdeka No. 10, buka Senin-Jumat 08.00-15.00. Ambil nomor antrean di mesin dekat pintu "
        "masuk. Sumber: Standar Pelayanan Penerbitan KTP-el (disdukcapil/ktp-el.md).",
    ),
    (
        "paspor",
        "Biaya paspor biasa Rp 350.000 dan paspor elektronik Rp 650.000, dibayar melalui bank "
        "sesuai kode billing. Paspor selesai 4 hari kerja setelah wawancara. Bawa KTP-el asli, KK "
        "asli, dan akta kelahiran atau ijazah. Jadwal kedatangan dipilih lewat aplikasi M-Paspor; "
        "datang 30 menit sebelum jadwal, misalnya pukul 09.30 untuk jadwal 10.00. Layanan buka "
        "Senin-Jumat 08.00-14.00. Informasi: 0812-3456-7890.",
    ),
    (
        "sim-perpanjangan",
        "Bisa pak. Perpanjangan SIM A Rp 80.000, SIM C Rp 75.000, SIM B1 Rp 80.000, selesai hari "
        "itu juga (1 hari kerja). Satpas buka Senin-Sabtu 08.00-12.00. Tes kesehatan di klinik "
        "lantai 1 dan tes psikologi dibayar terpisah. Kalau masa berlaku SIM sudah lewat lebih "
        "dari 30 hari, harus membuat SIM baru. Antrean hari ini sampai nomor 150.",
    ),
    (
        "akta-kelahiran",
        "Selamat siang Ibu. Akta kelahiran gratis dan selesai paling lama 5 hari kerja. Kelahiran "
        "wajib dilaporkan paling lambat 60 hari setelah tanggal lahir; bila lebih dari 60 hari, "
        "lampirkan SPTJM. Bawa surat keterangan lahir dari bidan, KK, KTP kedua orang tua, dan "
        "buku nikah. Kalau ada yang meminta bayaran, laporkan ke 0800-123-456. Semoga membantu.",
    ),
]


def _rate(
    checker: PromiseChecker, items: Sequence[tuple[str | None, str | None, str]], seconds: float
) -> tuple[float, float, float]:
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    count = 0
    while time.perf_counter() < deadline:
        for service_id, question, answer in items:
            start = time.perf_counter()
            checker.check(answer, service_id=service_id, question=question)
            latencies.append(time.perf_counter() - start)
            count += 1
    total = sum(latencies)
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    return count / total, statistics.median(latencies) * 1e6, p99 * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})  # one core
    checker = PromiseChecker(sample_standards())
    dev = load_records(DEV_SET)
    short = [(r["service_id"], r["question"], r["answer"]) for r in dev]
    long = [(sid, None, text) for sid, text in LONG_ANSWERS]
    engine = [(r["service_id"], r["question"], r["answer"]) for r in load_records(ENGINE_ANSWERS)]
    for label, items in (
        ("labelled answers", short),
        ("engine answers", engine),
        ("long bot answers", long),
    ):
        words = statistics.mean(len(a.split()) for _, _, a in items)
        rate, p50, p99 = _rate(checker, items, args.seconds)
        print(
            f"{label:>17}: {rate:8.0f} checks/s  (mean {words:.0f} words, p50 {p50:.0f} us, p99 {p99:.0f} us)"
        )
    print()
    heldout = load_records(HELDOUT_SET)
    heldout2 = load_records(HELDOUT2_SET)
    for label, records, standards in (
        ("dev (sample KB)", dev, sample_standards()),
        ("held-out h (KB 1)", [r for r in heldout if r["id"].startswith("h")], None),
        ("held-out k (KB 2)", [r for r in heldout if r["id"].startswith("k")], None),
        ("held-out m (KB 3)", [r for r in heldout if r["id"].startswith("m")], None),
        ("held-out n (KB 4)", [r for r in heldout if r["id"].startswith("n")], None),
        ("held-out p (KB 5)", [r for r in heldout if r["id"].startswith("p")], None),
        ("held-out q (KB 6)", [r for r in heldout2 if r["id"].startswith("q")], None),
        ("held-out r (KB 7)", [r for r in heldout2 if r["id"].startswith("r")], None),
    ):
        result = evaluate(records, standards)
        print(
            f"{label:>17}: n={result['n']:3d} contradictions={result['contradictions']:3d} "
            f"precision={result['precision']:.3f} recall={result['recall']:.3f} "
            f"field={result['field_accuracy']:.3f}"
        )


if __name__ == "__main__":
    main()
