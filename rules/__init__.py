"""The built-in rules of provenance auditor, one module each.

Installed under the import name ``provenance_rules`` (see setup.cfg): an
unrelated distribution installs a top-level module called ``rules``.  The
marker below lets the registry check that what it loaded is this package.
"""

PROVENANCE_AUDITOR_RULES = True
