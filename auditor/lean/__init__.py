"""Lean: how much an article is derived from a source document (see docs/lean.md)."""
