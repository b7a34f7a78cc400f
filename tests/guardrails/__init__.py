"""Tests of the pure promise checker (guardrails/)."""
