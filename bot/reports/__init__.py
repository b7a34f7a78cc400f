"""Promise versus reality: figures computed only from the append-only event log."""
