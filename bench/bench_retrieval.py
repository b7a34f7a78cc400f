"""Ranking quality of each side and of the fusion, per language (figures for docs/retrieval.md).

    .venv/bin/python bench/bench_retrieval.py

Builds the sample and held-out indexes in a temporary folder with the configured embedding
model, then ranks every in-scope question with: lexical only, dense only, and the fusion.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.app import open_engine  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.retrieval.hybrid import DEFAULT_WEIGHTS, FusionWeights  # noqa: E402

SETS = [
    ("sample", ROOT / "knowledge", ROOT / "eval" / "questions.jsonl"),
    (
        "held-out",
        ROOT / "tests" / "data" / "heldout_knowledge",
        ROOT / "eval" / "heldout_questions.jsonl",
    ),
]
VARIANTS = {
    "lexical (BM25 + aliases)": {
        lang: FusionWeights(w.alias, w.bm25, 0.0) for lang, w in DEFAULT_WEIGHTS.items()
    },
    "dense only": {lang: FusionWeights(0.0, 0.0, 1.0) for lang in DEFAULT_WEIGHTS},
    "fusion (default weights)": dict(DEFAULT_WEIGHTS),
}


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, folder, questions_file in SETS:
            settings = load_settings(knowledge_dir=folder, index_dir=Path(tmp) / name)
            engine = open_engine(settings, reindex=True)
            questions = [
                json.loads(line) for line in questions_file.read_text().splitlines() if line.strip()
            ]
            scoped = [
                q for q in questions if q.get("expected_service") and not q.get("expected_escalate")
            ]
            for variant, weights in VARIANTS.items():
                engine.retriever.weights = weights
                ranked = engine.retriever.rank([q["question"] for q in scoped], k=3)
                for lang in ("id", "en", "all"):
                    pairs = [
                        (q, r)
                        for q, r in zip(scoped, ranked, strict=True)
                        if lang == "all" or q.get("lang") == lang
                    ]
                    if not pairs:
                        continue
                    hit1 = sum(
                        1 for q, r in pairs if r and r[0].service_id == q["expected_service"]
                    )
                    hit3 = sum(
                        1
                        for q, r in pairs
                        if q["expected_service"] in [c.service_id for c in r[:3]]
                    )
                    rows.append(
                        (name, variant, lang, len(pairs), hit1 / len(pairs), hit3 / len(pairs))
                    )
    print(f"model: {settings.embedding_model}")
    print("| set | ranker | lang | questions | hit@1 | hit@3 |")
    print("|---|---|---|---|---|---|")
    for name, variant, lang, n, h1, h3 in rows:
        print(f"| {name} | {variant} | {lang} | {n} | {h1:.3f} | {h3:.3f} |")


if __name__ == "__main__":
    main()
