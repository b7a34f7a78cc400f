"""Scoring a promise checker on labelled answers (used by the tests and bench/bench_guardrails.py).

A record: {"id", "answer", "service_id", "question", "expected": "ok"|"contradiction",
"fields": [...], optional "standards": [{service_id, name, aliases, promises}]}.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from guardrails import PromiseChecker, ServiceStandard, parse_promises

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = ROOT / "eval" / "guardrail_answers.jsonl"
HELDOUT_SET = ROOT / "eval" / "guardrail_answers_heldout.jsonl"
HELDOUT2_SET = ROOT / "eval" / "guardrail_answers_heldout2.jsonl"
KNOWLEDGE = ROOT / "knowledge"


def load_records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def standards_from_records(raw: Iterable[Mapping[str, Any]]) -> list[ServiceStandard]:
    return [
        ServiceStandard(
            service_id=item["service_id"],
            name=item["name"],
            aliases=tuple(item.get("aliases", ())),
            promises=parse_promises(item["promises"]),
        )
        for item in raw
    ]


# A snapshot of the sample knowledge folder's services (docs/sample-services-plan.md, with the
# aliases written in knowledge/). Kept here so the labelled-set figures do not move when someone
# edits knowledge/; test_guardrail_labelled_sets.py checks that the promises still agree with the folder.
SAMPLE_SERVICES: list[dict[str, Any]] = [
    {
        "service_id": "bphtb",
        "name": "Validasi BPHTB",
        "aliases": [
            "BPHTB",
            "validasi BPHTB",
            "bea perolehan hak atas tanah dan bangunan",
            "pajak beli rumah",
            "pajak jual beli tanah",
            "SSPD BPHTB",
            "land acquisition tax",
            "property transfer tax",
        ],
        "promises": {"fee": 0, "duration": "3 hari kerja", "hours": "Senin-Jumat 08.00-15.00"},
    },
    {
        "service_id": "sip-nakes",
        "name": "Surat Izin Praktik Tenaga Kesehatan (SIP)",
        "aliases": [
            "SIP",
            "surat izin praktik",
            "izin praktik",
            "SIP dokter",
            "SIP bidan",
            "SIP perawat",
            "SIP apoteker",
            "SIPB",
            "SIPP",
            "SIPA",
            "practice license",
            "medical practice permit",
        ],
        "promises": {
            "fee": 0,
            "duration": "10 hari kerja",
            "hours": "Senin-Kamis 08.00-15.00, Jumat 08.00-11.00",
        },
    },
    {
        "service_id": "akta-kelahiran",
        "name": "Akta Kelahiran",
        "aliases": [
            "akta kelahiran",
            "akte kelahiran",
            "akte lahir",
            "akta lahir",
            "akta anak",
            "birth certificate",
            "pencatatan kelahiran",
        ],
        "promises": {"fee": 0, "duration": "5 hari kerja", "hours": "Senin-Jumat 08.00-15.00"},
    },
    {
        "service_id": "kartu-keluarga",
        "name": "Penerbitan Kartu Keluarga (KK)",
        "aliases": [
            "KK",
            "kartu keluarga",
            "family card",
            "family register",
            "KK baru",
            "pecah KK",
            "tambah anggota KK",
            "ubah KK",
            "KK hilang",
        ],
        "promises": {"fee": 0, "duration": "3 hari kerja", "hours": "Senin-Jumat 08.00-15.00"},
    },
    {
        "service_id": "kia",
        "name": "Kartu Identitas Anak (KIA)",
        "aliases": [
            "KIA",
            "kartu identitas anak",
            "KTP anak",
            "kartu anak",
            "child identity card",
            "child ID",
        ],
        "promises": {"fee": 0, "duration": "1 hari kerja", "hours": "Senin-Jumat 08.00-15.00"},
    },
    {
        "service_id": "ktp-el",
        "name": "Penerbitan KTP-el",
        "aliases": [
            "KTP",
            "KTP-el",
            "e-KTP",
            "EKTP",
            "KTP elektronik",
            "kartu tanda penduduk",
            "identity card",
            "ID card",
            "cetak ulang KTP",
            "KTP hilang",
            "KTP rusak",
            "rekam KTP",
        ],
        "promises": {"fee": 0, "duration": "1 hari kerja", "hours": "Senin-Jumat 08.00-15.00"},
    },
    {
        "service_id": "pindah-datang",
        "name": "Surat Keterangan Pindah (SKPWNI)",
        "aliases": [
            "SKPWNI",
            "surat pindah",
            "surat keterangan pindah",
            "pindah domisili",
            "pindah alamat",
            "pindah datang",
            "mutasi penduduk",
            "pindah KTP",
            "moving out",
            "change of address",
            "relocation letter",
        ],
        "promises": {"fee": 0, "duration": "3 hari kerja", "hours": "Senin-Jumat 08.00-15.00"},
    },
    {
        "service_id": "uji-kir",
        "name": "Uji Berkala Kendaraan Bermotor (KIR)",
        "aliases": [
            "KIR",
            "uji KIR",
            "uji berkala",
            "buku KIR",
            "kartu uji",
            "BLUe",
            "kir mobil",
            "kir truk",
            "kir angkot",
            "vehicle inspection",
            "roadworthiness test",
        ],
        "promises": {
            "fee": {"mobil_penumpang": 87000, "mobil_barang": 112000},
            "duration": "1 hari",
            "hours": "Senin-Sabtu 07.30-13.00",
        },
    },
    {
        "service_id": "kartu-kuning",
        "name": "Kartu Tanda Pencari Kerja (Kartu Kuning / AK-1)",
        "aliases": [
            "kartu kuning",
            "AK1",
            "AK-1",
            "AK/I",
            "kartu AK1",
            "kartu pencari kerja",
            "kartu tanda pencari kerja",
            "kartu kerja",
            "job seeker card",
            "yellow card",
        ],
        "promises": {"fee": 0, "duration": "1 hari kerja", "hours": "Senin-Jumat 08.00-15.00"},
    },
    {
        "service_id": "izin-reklame",
        "name": "Izin Penyelenggaraan Reklame",
        "aliases": [
            "izin reklame",
            "reklame",
            "izin papan nama",
            "izin baliho",
            "izin billboard",
            "izin spanduk",
            "pasang iklan",
            "billboard permit",
            "advertising permit",
            "signage permit",
        ],
        "promises": {"fee": 0, "duration": "5 hari kerja", "hours": "Senin-Jumat 08.00-15.00"},
    },
    {
        "service_id": "nib",
        "name": "Nomor Induk Berusaha (NIB) untuk UMK",
        "aliases": [
            "NIB",
            "nomor induk berusaha",
            "izin usaha",
            "izin UMKM",
            "izin usaha mikro",
            "OSS",
            "OSS RBA",
            "business license",
            "business registration number",
            "daftar usaha",
        ],
        "promises": {"fee": 0, "duration": "1 jam", "hours": "Senin-Jumat 08.00-15.00"},
    },
    {
        "service_id": "pbg",
        "name": "Persetujuan Bangunan Gedung (PBG)",
        "aliases": [
            "PBG",
            "persetujuan bangunan gedung",
            "IMB",
            "izin mendirikan bangunan",
            "izin bangun rumah",
            "izin renovasi",
            "SIMBG",
            "building permit",
            "construction permit",
        ],
        "promises": {
            "fee": {"rumah_tinggal_per_m2": 10000, "usaha_per_m2": 25000},
            "duration": "28 hari kerja",
            "hours": "Senin-Jumat 08.00-15.00",
        },
    },
    {
        "service_id": "paspor",
        "name": "Penerbitan Paspor",
        "aliases": [
            "paspor",
            "passport",
            "e-paspor",
            "paspor elektronik",
            "e-passport",
            "paspor biasa",
            "bikin paspor",
            "perpanjang paspor",
            "passport renewal",
            "M-Paspor",
        ],
        "promises": {
            "fee": {"paspor_biasa": 350000, "paspor_elektronik": 650000},
            "duration": "4 hari kerja",
            "hours": "Senin-Jumat 08.00-14.00",
        },
    },
    {
        "service_id": "sim-perpanjangan",
        "name": "Perpanjangan SIM",
        "aliases": [
            "perpanjangan SIM",
            "perpanjang SIM",
            "SIM",
            "SIM A",
            "SIM C",
            "SIM B1",
            "surat izin mengemudi",
            "driving licence",
            "driver's license",
            "driving license renewal",
            "renew SIM",
        ],
        "promises": {
            "fee": {"sim_a": 80000, "sim_c": 75000, "sim_b1": 80000},
            "duration": "1 hari kerja",
            "hours": "Senin-Sabtu 08.00-12.00",
        },
    },
    {
        "service_id": "skck",
        "name": "Surat Keterangan Catatan Kepolisian (SKCK)",
        "aliases": [
            "SKCK",
            "surat keterangan catatan kepolisian",
            "surat kelakuan baik",
            "surat berkelakuan baik",
            "police clearance",
            "police certificate",
            "certificate of good conduct",
            "perpanjang SKCK",
        ],
        "promises": {"fee": 30000, "duration": "3 jam", "hours": "Senin-Jumat 08.00-14.00"},
    },
]


def sample_standards() -> list[ServiceStandard]:
    return standards_from_records(SAMPLE_SERVICES)


def checker_for(
    record: Mapping[str, Any],
    cache: dict[str, PromiseChecker],
    default: PromiseChecker | None = None,
) -> PromiseChecker:
    """The checker of a record's own "standards" (compiled once per knowledge base), else
    ``default``."""
    if "standards" not in record:
        assert default is not None, "records without standards need a default knowledge base"
        return default
    key = json.dumps(record["standards"], sort_keys=True)
    if key not in cache:
        cache[key] = PromiseChecker(standards_from_records(record["standards"]))
    return cache[key]


def tally(outcomes: Iterable[tuple[str, Collection[str], Collection[str]]]) -> dict[str, Any]:
    """Precision, recall and field right of (expected, labelled fields, reported fields) triples;
    a contradiction is reported when any field is."""
    tp = fp = fn = right = 0
    for expected, labelled, reported in outcomes:
        if expected == "contradiction":
            if reported:
                tp += 1
                right += sorted(set(reported)) == sorted(labelled)
            else:
                fn += 1
        elif reported:
            fp += 1
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "field_accuracy": right / tp if tp else 1.0,
    }


def evaluate(
    records: Sequence[Mapping[str, Any]], standards: Sequence[ServiceStandard] | None = None
) -> dict[str, Any]:
    """Precision/recall of "contradiction" and the share of true contradictions whose reported
    fields equal the labelled ones. Records may carry their own "standards"."""
    checkers: dict[str, PromiseChecker] = {}
    default = PromiseChecker(standards) if standards is not None else None
    tp = fp = fn = tn = 0
    field_right = 0
    errors: list[dict[str, Any]] = []
    for record in records:
        checker = checker_for(record, checkers, default)
        verdict = checker.check(
            record["answer"], service_id=record.get("service_id"), question=record.get("question")
        )
        predicted = verdict.verdict
        expected = record["expected"]
        fields = sorted({v.field for v in verdict.violations})
        if expected == "contradiction" and predicted == "contradiction":
            tp += 1
            if fields == sorted(record.get("fields", [])):
                field_right += 1
            else:
                errors.append(
                    {
                        "id": record["id"],
                        "kind": "field",
                        "got": fields,
                        "record": record,
                        "verdict": verdict.to_dict(),
                    }
                )
        elif expected == "ok" and predicted == "contradiction":
            fp += 1
            errors.append(
                {
                    "id": record["id"],
                    "kind": "false_positive",
                    "record": record,
                    "verdict": verdict.to_dict(),
                }
            )
        elif expected == "contradiction":
            fn += 1
            errors.append({"id": record["id"], "kind": "false_negative", "record": record})
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "n": len(records),
        "contradictions": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": precision,
        "recall": recall,
        "field_accuracy": field_right / tp if tp else 1.0,
        "errors": errors,
    }
