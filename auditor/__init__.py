"""provenance auditor: what an article cites, whether it discloses AI help,
what debris it carries, and how much it leans on its sources.

The engine is a straight pipeline, one module a stage:
read (:mod:`auditor.pipeline.read`) -> normalise (:mod:`auditor.pipeline.normalise`) ->
rules (:mod:`auditor.pipeline.engine`) -> score (:mod:`auditor.lean`) -> report
(:mod:`auditor.pipeline.report`).  :func:`auditor.api.audit_paths` runs it.
"""

__version__ = "0.1.0"
