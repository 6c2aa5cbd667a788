"""The package list, found rather than written out; everything else is in setup.cfg.

setup.cfg cannot combine package discovery with the ``package_dir`` mapping that installs
``rules/`` as ``provenance_rules`` (an unrelated distribution owns the top-level name
``rules``), so discovery happens here: a new subpackage of ``auditor`` or ``rules`` is never
left out of a wheel or an sdist.
"""

from setuptools import find_packages, setup

RULES_PACKAGE = "provenance_rules"

setup(
    packages=find_packages(include=["auditor", "auditor.*"])
    + [RULES_PACKAGE]
    + [f"{RULES_PACKAGE}.{name}" for name in find_packages("rules")],
)
