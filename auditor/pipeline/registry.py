"""Find the rules: built-in and third-party packs alike, through one entry point group."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import entry_points

from auditor.config import Config
from auditor.rule import Rule

ENTRY_POINT_GROUP = "provenance_auditor.rules"
BUILTIN_PACKAGE = "provenance_rules"


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    load_errors: tuple[str, ...] = field(default=())  # packs that failed to load, in words

    def by_code(self) -> dict[str, Rule]:
        return {rule.code: rule for rule in self.rules}


_cache: RuleSet | None = None


def load_rules() -> RuleSet:
    """Every registered rule, sorted by code.  A pack that fails to load is reported, not fatal."""
    global _cache
    if _cache is not None:
        return _cache
    rules: dict[str, Rule] = {}
    errors: list[str] = []
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            rule = entry.load()
        except Exception as exc:  # a broken pack must not stop the audit
            errors.append(f"rule {entry.name} ({entry.value}) failed to load: {type(exc).__name__}: {exc}")
            continue
        if not isinstance(rule, Rule):
            errors.append(f"rule {entry.name} ({entry.value}) is not an auditor.rule.Rule")
            continue
        if entry.value.startswith(BUILTIN_PACKAGE + ".") and not _is_ours(rule):
            # Someone else's module answered to our name: refuse rather than run it.
            errors.append(f"rule {entry.name}: {entry.value} did not come from this project's rules/ folder")
            continue
        if rule.code != entry.name:
            errors.append(f"rule {entry.name}: its module declares code {rule.code}; entry point name must match")
            continue
        rules[rule.code] = rule
    if not rules:
        errors.append(
            "no rules are registered: is the package installed (pip install -e .)? "
            f"Rules register under the entry point group {ENTRY_POINT_GROUP!r}."
        )
    _cache = RuleSet(tuple(rules[code] for code in sorted(rules)), tuple(errors))
    return _cache


def _is_ours(rule: Rule) -> bool:
    import sys

    module = sys.modules.get(rule.check.__module__)
    package = sys.modules.get(BUILTIN_PACKAGE)
    marker = getattr(package, "PROVENANCE_AUDITOR_RULES", False)
    return bool(module is not None and marker)


def select_rules(rule_set: RuleSet, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """Rules chosen by code, code prefix, name or category (as ruff and flake8 select)."""

    def matches(rule: Rule, selector: str) -> bool:
        selector = selector.strip()
        return (
            rule.code.upper().startswith(selector.upper())
            or rule.name == selector
            or rule.category == selector
        )

    chosen = [r for r in rule_set.rules if not select or any(matches(r, s) for s in select)]
    return tuple(r for r in chosen if not any(matches(r, s) for s in ignore))


def unknown_selectors(rule_set: RuleSet, selectors: tuple[str, ...]) -> list[str]:
    return [s for s in selectors if not select_rules(rule_set, (s,))]


def active_rules(config: Config) -> tuple[Rule, ...]:
    """The rules a run with ``config`` runs: every registered rule, narrowed by select and ignore."""
    return select_rules(load_rules(), config.select, config.ignore)
