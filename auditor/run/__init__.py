"""The machinery of a run over many files: the worker pool and its rounds (audit, lean
scoring, evidence, archive indexing), the spill files that bound memory, the result cache,
the run's temporary folder and the archive index stores.  It drives :mod:`auditor.pipeline`
and is driven by :mod:`auditor.api`; the pipeline never imports it."""
