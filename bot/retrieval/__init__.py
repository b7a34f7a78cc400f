"""Chunking, embeddings, the Chroma store, the lexical side, fusion and the incremental indexer."""
