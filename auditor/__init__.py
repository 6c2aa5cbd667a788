"""provenance auditor: what an article cites, whether it discloses AI help,
what debris it carries, and how much it leans on its sources.

The engine is a straight pipeline, one module a stage, in :mod:`auditor.pipeline`:
read -> normalise -> rules (engine) -> policy -> lean (leaning, scored by :mod:`auditor.lean`)
-> report, rendered by :mod:`auditor.formats`. :mod:`auditor.run` spreads a run over worker
processes; :func:`auditor.api.audit_paths` drives it. The import layers are a contract:
tests/test_architecture.py and CONTRIBUTING.md.
"""

__version__ = "0.1.0"
