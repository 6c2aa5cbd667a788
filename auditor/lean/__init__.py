"""Lean: how much an article is derived from a source document (see docs/lean.md)."""


class ModelIntegrityError(RuntimeError):
    """The model file is not the one its card vouches for, or was made by another scikit-learn.

    Defined here, not beside the loader, so that code which only reports it need not import
    scikit-learn (an audit with nothing to score never does)."""
