"""What rule modules are built from: phrase tables, the outlet list and the shared parsing
of citation lines.  Rules in ``rules/`` import these; the pipeline runs the rules."""
