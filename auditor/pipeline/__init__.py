"""The stages an article goes through, in order: read -> normalise -> rules (engine,
policy) -> lean glue -> report.  Each module here is one stage or the data it hands on;
none of them knows how a run is spread over processes (that is :mod:`auditor.run`)."""
