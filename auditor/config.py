"""Settings: packaged defaults, then the project's file, then command-line flags.

The project's file is the first of ``audit.cfg`` (section ``[audit]``) or
``setup.cfg`` (section ``[tool:audit]``) found in the folder of the audited paths
or the nearest folder above it (as Vale and ruff look), or the file named by
``--config``.  A partial file overrides only the keys it sets.  Every value is
validated, and an error names the file and the key.  A relative ``sources``
folder is read from where the file is, not from where the audit was started.
"""

from __future__ import annotations

import configparser
import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from auditor.findings import SEVERITIES
from auditor.pipeline.read import DEFAULT_MAX_BYTES, STDIN_PATHS

DEFAULT_SEVERITY = {"debris": "error", "cookie-banner": "error"}
DISCLOSURE_REQUIREMENTS = ("never", "always", "tagged")
CONFIG_FILES = (("audit.cfg", "audit"), ("setup.cfg", "tool:audit"))


class ConfigError(Exception):
    """A setting that cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    # rule code or category -> severity; the defaults make debris and cookie banners fail the gate
    severity: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SEVERITY))
    exclude: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    lean: bool = True
    sources: str | None = None  # a folder of source texts for lean
    require_disclosure: str = "never"  # never | always | tagged (articles tagged ai_assisted)
    lean_declare_above: float | None = 0.7  # None: no declaration required
    min_sources: int = 0
    model: str | None = None  # a lean model folder written by audit train (None: the packaged model)
    source_file: str | None = None  # where the file settings came from
    file_keys: tuple[str, ...] = ()  # the keys that file set (the rest are defaults or flags)


def _list(value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.replace("\n", ",").split(",") if item.strip())


def _severity(key: str, value: str, where: str) -> str:
    value = value.strip().lower()
    if value not in SEVERITIES:
        raise ConfigError(f"{where}: {key} = {value!r}: must be one of {', '.join(SEVERITIES)}")
    return value


def _parse_section(section: Mapping[str, str], where: str, folder: str = ".") -> dict[str, Any]:
    """The settings of one section; ``folder`` is the config file's, for relative paths."""
    settings: dict[str, Any] = {}
    for key, raw in section.items():
        if key in ("select", "ignore", "exclude"):
            settings[key] = _list(raw)
        elif key == "fail_on":
            settings[key] = _severity(key, raw, where)
        elif key == "max_bytes":
            try:
                settings[key] = int(raw)
            except ValueError:
                raise ConfigError(f"{where}: max_bytes = {raw!r}: must be a whole number of bytes") from None
            if settings[key] <= 0:
                raise ConfigError(f"{where}: max_bytes must be positive")
        elif key == "lean":
            if raw.strip().lower() not in ("true", "false", "yes", "no", "1", "0", "on", "off"):
                raise ConfigError(f"{where}: lean = {raw!r}: must be true or false")
            settings[key] = raw.strip().lower() in ("true", "yes", "1", "on")
        elif key in ("sources", "model"):
            settings[key] = _folder_setting(key, raw, where, folder) if raw.strip() else None
        elif key == "require_disclosure":
            value = raw.strip().lower()
            if value not in DISCLOSURE_REQUIREMENTS:
                raise ConfigError(f"{where}: require_disclosure = {raw!r}: must be one of {', '.join(DISCLOSURE_REQUIREMENTS)}")
            settings[key] = value
        elif key == "lean_declare_above":
            value = raw.strip().lower()
            if value in ("none", "off", ""):
                settings[key] = None
            else:
                try:
                    settings[key] = float(value)
                except ValueError:
                    raise ConfigError(f"{where}: lean_declare_above = {raw!r}: must be a number in [0, 1] or none") from None
                if not 0.0 <= settings[key] <= 1.0:
                    raise ConfigError(f"{where}: lean_declare_above = {raw!r}: must be in [0, 1]")
        elif key == "min_sources":
            try:
                settings[key] = int(raw)
            except ValueError:
                raise ConfigError(f"{where}: min_sources = {raw!r}: must be a whole number") from None
            if settings[key] < 0:
                raise ConfigError(f"{where}: min_sources must not be negative")
        elif key == "severity":
            overrides = {}
            for item in _list(raw):
                if "=" not in item:
                    raise ConfigError(f"{where}: severity: {item!r} must read CODE_OR_CATEGORY = SEVERITY")
                target, value = (part.strip() for part in item.split("=", 1))
                overrides[target] = _severity(f"severity {target}", value, where)
            # A partial list overrides only what it names.
            settings[key] = {**DEFAULT_SEVERITY, **overrides}
        else:
            raise ConfigError(f"{where}: unknown key {key!r}")
    return settings


def _folder_setting(key: str, raw: str, where: str, config_folder: str) -> str:
    """A folder setting (sources, model): a relative folder is relative to the config file, shown
    relative to here where it can be; it must exist."""
    folder = os.path.normpath(os.path.join(config_folder, raw.strip()))
    if not os.path.isdir(folder):
        raise ConfigError(f"{where}: {key} = {raw.strip()!r}: no such folder ({folder})")
    if os.path.isabs(raw.strip()):
        return folder
    try:
        return os.path.relpath(folder)
    except ValueError:  # another drive (Windows)
        return os.path.abspath(folder)


def start_folder(paths: list[str] | tuple[str, ...]) -> str:
    """Where the search for a config file starts: the folder the audited paths share."""
    folders = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".")
               for p in paths if p not in STDIN_PATHS]
    if not folders:
        return os.getcwd()
    try:
        return os.path.commonpath(folders)
    except ValueError:  # paths on different drives (Windows)
        return folders[0]


def find_config_file(folder: str) -> tuple[str, str] | None:
    """The nearest audit.cfg with [audit] or setup.cfg with [tool:audit], from folder upward."""
    current = os.path.abspath(folder)
    while True:
        for name, section in CONFIG_FILES:
            path = os.path.join(current, name)
            if os.path.isfile(path) and _has_section(path, section):
                return path, section
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _has_section(path: str, section: str) -> bool:
    parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=("#",))
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot parse: {exc}") from None
    return parser.has_section(section)


def load_config(config_path: str | None = None, folder: str = ".") -> Config:
    """Defaults, then ``config_path`` or the nearest config file from ``folder`` upward."""
    if config_path:
        candidates: list[tuple[str, str | None]] = [(config_path, None)]
    else:
        nearest = find_config_file(folder)
        candidates = [nearest] if nearest else []
    for path, section in candidates:
        if path is None or not os.path.isfile(path):
            if config_path:
                raise ConfigError(f"{config_path}: no such config file")
            continue
        parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=("#",))
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot parse: {exc}") from None
        names = [section] if section else [s for s in ("audit", "tool:audit") if parser.has_section(s)]
        for name in names:
            if name and parser.has_section(name):
                settings = _parse_section(dict(parser.items(name)), f"{path} [{name}]", os.path.dirname(path) or ".")
                return dataclasses.replace(Config(), **settings, source_file=f"{path} [{name}]",
                                           file_keys=tuple(settings))
        if config_path:
            raise ConfigError(f"{config_path}: has no [audit] or [tool:audit] section")
    return Config()


def with_flags(config: Config, **flags: Any) -> Config:
    """Command-line flags win over the file; a flag left unset keeps the file's value."""
    given = {k: v for k, v in flags.items() if v not in (None, ())}
    if "fail_on" in given:
        given["fail_on"] = _severity("--fail-on", given["fail_on"], "command line")
    return dataclasses.replace(config, **given)


def describe_settings(config: Config, flags: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    """(key, value, where it came from) for every setting: "command line" for ``flags``,
    the config file for the keys it set, "default" for the rest."""
    rows = []
    for item in dataclasses.fields(Config):
        if item.name in ("source_file", "file_keys"):
            continue
        value = getattr(config, item.name)
        if isinstance(value, tuple):
            shown = ", ".join(value) if value else ("(every rule)" if item.name == "select" else "(none)")
        elif isinstance(value, Mapping):
            shown = ", ".join(f"{k} = {v}" for k, v in value.items()) or "(none)"
        elif value is None:
            shown = "none"
        elif isinstance(value, bool):
            shown = "true" if value else "false"
        else:
            shown = str(value)
        where = ("command line" if item.name in flags
                 else config.source_file if item.name in config.file_keys and config.source_file else "default")
        rows.append((item.name, shown, where))
    return rows
