"""Fitting lean models: the packaged one (scripts/train_lean.py) and a newsroom's own
(``audit train``).  Nothing in an audit run imports this package."""
