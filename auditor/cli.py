"""The ``audit`` command: parse options, call the API, render, choose the exit code.

``audit PATH...`` audits; other jobs are subcommands (``audit rules``,
``audit compare``).  A bare word that names a subcommand is that subcommand;
to audit a folder that shares its name, write it as a path: ``audit rules/``
or ``audit ./rules`` (or ``audit check rules``).
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterable

import click

from auditor import __version__
from auditor.config import Config, ConfigError, load_config, start_folder, with_flags
from auditor.formats import NEEDS_TEXTS, RENDERERS

FORMATS = tuple(RENDERERS)
PAIR_FORMATS = ("text", "json")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_TERMINATED = 143  # SIGTERM (128 + SIGTERM)


class DefaultToCheck(click.Group):
    """Route ``audit PATH...`` to the ``check`` subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] in ("--help", "-h", "--version"):
            return super().parse_args(ctx, args)
        if not args or args[0] not in self.commands:
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="audit")
def main() -> None:
    """Audit articles before publication: cited sources, AI disclosure, debris, lean on sources.

    \b
    audit PATH...            audit files and folders (same as: audit check PATH...)
    audit rules              list and explain every rule
    audit compare A SOURCE   score how much article A leans on SOURCE
    audit index ARCHIVE --index FILE   build or update an archive index (--against FILE)
    audit train PAIRS.tsv --model DIR  train lean on your own labelled pairs

    A path that shares a subcommand's name is audited when written as a path
    (audit rules/ or audit ./rules).
    """


def _fail(message: str) -> None:
    click.echo(f"audit: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _note(message: str) -> None:
    """A line for the person at the terminal, on stderr so that stdout stays the report."""
    click.echo(f"audit: {message}", err=True)


def _load(config_path: str | None, paths: Iterable[str] = ()) -> Config:
    """Defaults, then --config or the nearest config file from the audited paths upward."""
    try:
        return load_config(config_path, start_folder(list(paths)))
    except ConfigError as exc:
        _fail(str(exc))
        raise  # unreachable; keeps type checkers content


def _emit(pieces: Iterable[str], output: str | None, what: str = "report", quiet: bool = False) -> None:
    if output:
        _write(output, pieces, what, quiet)
    else:
        for piece in pieces:
            click.echo(piece, nl=False)


def _write(path: str, pieces, what: str, quiet: bool = False) -> None:
    from auditor.formats.output import write_atomic

    try:
        write_atomic(path, pieces)
    except OSError as exc:
        _fail(f"cannot write {what} to {path}: {exc.strerror or exc}")
    if not quiet:
        _note(f"wrote {what} to {path}")


def _run_options(command):
    """--jobs, --backend, --scheduler, --cache-dir, --no-cache: how to run, shared by check and index."""
    options = [
        click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores; 1: none)."),
        click.option("--backend", type=click.Choice(("loky", "dask")), default="loky", show_default=True,
                     help="joblib backend: local processes, or a Dask cluster (--scheduler)."),
        click.option("--scheduler", help="Dask scheduler address (tcp://HOST:PORT) for --backend dask."),
        click.option("--cache-dir", type=click.Path(file_okay=False), default=".audit-cache", show_default=True,
                     help="Folder of the result cache (move or delete it freely)."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _run(jobs, backend, scheduler, cache_dir, no_cache, against=None, keep_texts=True):
    import os

    from auditor.run.pool import RunOptions

    if against:
        from auditor.run.archive import ArchiveError, open_archive

        if not against.startswith("redis://") and not os.path.isfile(against):
            _fail(f"--against {against}: no archive index there (build one: audit index ARCHIVE --index {against})")
        try:  # fail now, in words, rather than with a traceback mid-run
            open_archive(against).close()
        except ArchiveError as exc:
            _fail(f"--against {exc}")
    if scheduler and backend != "dask":
        _fail("--scheduler needs --backend dask")
    return RunOptions(jobs=jobs, backend=backend, scheduler=scheduler, cache_dir=None if no_cache else cache_dir,
                      against=against, keep_texts=keep_texts)


@main.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically).")
@click.option("--select", multiple=True, help="Run only these rules (code, code prefix, name or category).")
@click.option("--ignore", multiple=True, help="Skip these rules (code, code prefix, name or category).")
@click.option("--fail-on", type=click.Choice(("info", "warning", "error")), help="Lowest severity that fails the gate.")
@click.option("--sources", "sources_dir", type=click.Path(exists=True, file_okay=False), help="Folder of source texts for lean.")
@click.option("--no-lean", is_flag=True, help="Skip lean scoring.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: audit.cfg or setup.cfg here).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Accept the findings recorded in this file; only new ones fail.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
              help="Record today's findings (warning and above) in this file.")
@_run_options
@click.option("--against", help="An archive index (audit index) to check lean against: a file or redis://HOST:PORT/DB.")
@click.option("--stdin-filename", help="The path to show for the article read from standard input (PATH '-'); "
                                       "its extension gives the format (plain text without one).")
@click.option("--exit-zero", is_flag=True, help="Report findings but exit 0; unreadable input still exits 2.")
@click.option("--statistics", is_flag=True, help="Also print how many findings each rule made.")
@click.option("-q", "--quiet", is_flag=True, help="Text format: list only the articles that fail the gate; "
                                                  "no notes on stderr.")
@click.option("--show-settings", is_flag=True, help="Print the effective settings, and where each came from; audit nothing.")
@click.option("--model", "model_dir", type=click.Path(file_okay=False),
              help="Score lean with the model audit train wrote to DIR (default: the packaged model).")
def check(paths, output_format, output, select, ignore, fail_on, sources_dir, no_lean, config_path,
          baseline_path, write_baseline_path, jobs, backend, scheduler, cache_dir, no_cache, against,
          stdin_filename, exit_zero, statistics, quiet, show_settings, model_dir) -> None:
    """Audit articles in PATHS (files or folders, recursively; '-' reads one article from standard input)."""
    from auditor.api import audit_paths
    from auditor.formats import render_pieces
    from auditor.pipeline.registry import load_rules, unknown_selectors

    config = _load(config_path, paths)
    flags = dict(select=_split(select), ignore=_split(ignore), fail_on=fail_on, sources=sources_dir,
                 lean=False if no_lean else None, model=model_dir)
    try:
        config = with_flags(config, **flags)
    except ConfigError as exc:
        _fail(str(exc))
    _check_model(config)
    if show_settings:
        _show_settings(config, tuple(k for k, v in flags.items() if v not in (None, ())))
        sys.exit(EXIT_OK)
    unknown = unknown_selectors(load_rules(), config.select + config.ignore)
    if unknown:
        _fail(f"unknown rule selector(s): {', '.join(unknown)} (see: audit rules)")
    accepted = _load_baseline(baseline_path) if baseline_path else None
    from auditor.run.pool import RunError

    try:
        with _progress_bar() as progress:
            report = audit_paths(list(paths), config, progress=progress, run=_run(
                jobs, backend, scheduler, cache_dir, no_cache, against, keep_texts=output_format in NEEDS_TEXTS),
                stdin_name=stdin_filename)
    except RunError as exc:
        _fail(str(exc))
    if write_baseline_path:
        from auditor.baseline import baseline_text

        _write(write_baseline_path, baseline_text(report), "the baseline", quiet)
    if accepted is not None:
        from auditor.baseline import apply_baseline

        report = apply_baseline(report, accepted)
    if quiet and output_format == "text":
        from auditor.formats.text import render_text

        pieces: Iterable[str] = (render_text(report, only_failing=True),)
    else:
        pieces = render_pieces(report, output_format)
    _emit(pieces, output, f"the {output_format} report", quiet)
    if statistics:
        # beside a readable report on the terminal; on stderr when stdout is for a machine
        click.echo(_statistics(report), nl=False, err=bool(output) or output_format != "text")
    nothing = not len(report.articles) and not report.errors
    if nothing:
        _note(f"warning: nothing to audit in {' '.join(paths)}: no article files "
              f"(.txt, .md, .html, .jsonl ...) found{_skipped_note(report)}")
    if report.errors or nothing:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if report.failing_findings() and not exit_zero else EXIT_OK)


def _skipped_note(report) -> str:
    from auditor.wording import counted

    skipped = report.counts()["skipped_files"]
    return f"; {counted(skipped, 'file')} of other types skipped" if skipped else "; check the paths and exclude ="


def _statistics(report) -> str:
    """Findings per rule, most first, as ruff --statistics prints them."""
    from collections import Counter

    counts: Counter[tuple[str, str]] = Counter()
    for article in report.articles:
        counts.update((f.rule, f.name) for f in article.findings)
    if not counts:
        return "no findings\n"
    width = len(str(max(counts.values())))
    return "".join(f"{n:>{width}}  {code}  {name}\n" for (code, name), n in
                   sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _show_settings(config: Config, flags: tuple[str, ...]) -> None:
    from auditor.config import describe_settings

    rows = describe_settings(config, flags)
    width = max(len(key) for key, _, _ in rows)
    click.echo(f"# settings from: {config.source_file or 'packaged defaults (no config file found)'}")
    for key, value, where in rows:
        click.echo(f"{key:<{width}} = {value}    # {where}")


class _progress_bar:
    """A progress bar on stderr for long runs, only when stderr is a terminal (never in CI logs)."""

    MIN_FILES = 50

    def __init__(self) -> None:
        self.bar = None
        self.shown = 0

    def __enter__(self):
        if not sys.stderr.isatty():
            return None
        return self.update

    def update(self, done: int, total: int) -> None:
        if total < self.MIN_FILES:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="auditing", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _load_baseline(path: str) -> frozenset[str]:
    from auditor.baseline import BaselineError, load_baseline

    try:
        return load_baseline(path)
    except BaselineError as exc:
        _fail(str(exc))
        raise


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _check_model(config: Config) -> None:
    """A model folder's card is checked before any work (loading waits until a pair needs it)."""
    if config.lean and config.model:
        from auditor.lean import ModelIntegrityError
        from auditor.lean.card import check_card, model_paths

        try:
            check_card(*model_paths(config.model))
        except ModelIntegrityError as exc:
            _fail(f"model {config.model}: {exc}")


@main.command("train")
@click.argument("pairs_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--model", "model_dir", required=True, type=click.Path(file_okay=False),
              help="Folder to write the model and its card to (created if missing).")
@click.option("--folds", type=click.IntRange(min=2), default=5, show_default=True,
              help="Grouped cross-validation folds.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def train_command(pairs_file, model_dir, folds, config_path) -> None:
    """Train lean on your own labelled pairs: PAIRS_FILE has article<TAB>source<TAB>label[<TAB>group] lines.

    \b
    Labels: copy, rewrite, translation, partial, independent
    (or wholly / partially / non). Paths are relative to PAIRS_FILE's folder;
    a source may list several files separated by ';'. Prints grouped
    cross-validation scores, then writes DIR/lean.joblib and its card.
    Use the model with: audit --model DIR PATH...  (or model = DIR in audit.cfg)
    """
    from auditor.pipeline.leaning import body_and_language
    from auditor.training.labelled_pairs import PairsFileError, summary, train_from_pairs_file

    config = _load(config_path)
    try:
        card = train_from_pairs_file(pairs_file, model_dir, lambda path: body_and_language(path, config), folds)
    except PairsFileError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write {model_dir}: {exc.strerror or exc}")
    click.echo(summary(card, model_dir), nl=False)
    sys.exit(EXIT_OK)


@main.command("index")
@click.argument("archive", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--index", "index_location", required=True,
              help="Where the index lives: a file (built if missing) or redis://HOST:PORT/DB.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@_run_options
def index_command(archive, index_location, config_path, jobs, backend, scheduler, cache_dir, no_cache) -> None:
    """Build or update the archive index of ARCHIVE (files or folders) for audit --against."""
    import time

    from auditor.run.archive import ArchiveError, open_archive
    from auditor.run.index_round import update_index

    config = _load(config_path, archive)
    started = time.perf_counter()
    try:
        store = open_archive(index_location, create=True)
    except ArchiveError as exc:  # an unreachable server or an unreadable file, in words
        _fail(f"cannot open index: {exc}")
    from auditor.run.pool import RunError

    try:
        stats = update_index(store, list(archive), config, _run(jobs, backend, scheduler, cache_dir, no_cache))
    except RunError as exc:
        _fail(str(exc))
    finally:
        store.close()
    click.echo(f"{index_location}: {stats.added} file(s) indexed, {stats.unchanged} unchanged, "
               f"{stats.removed} removed; {stats.documents} documents in {time.perf_counter() - started:.1f} s")
    sys.exit(EXIT_OK)


@main.command("rules")
@click.argument("codes", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(("text", "markdown", "json")), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Config file whose policy to show (default: the nearest audit.cfg or setup.cfg from here up).")
def rules_command(codes, output_format, config_path) -> None:
    """List and explain every rule (or the ones named), from the rules' own metadata, with the
    severity the current policy gives each (markdown: the rules' defaults only, for the docs)."""
    from auditor.findings import effective_severity
    from auditor.formats.rule_docs import render_rules
    from auditor.pipeline.registry import load_rules, select_rules

    rule_set = load_rules()
    chosen = select_rules(rule_set, tuple(codes)) if codes else rule_set.rules
    if codes and not chosen:
        _fail(f"no rule matches {' '.join(codes)}")
    config = _load(config_path)
    effective = {r.code: effective_severity(r.code, r.category, r.severity, config.severity) for r in chosen}
    policy = config.source_file or "the packaged policy"
    click.echo(render_rules(chosen, output_format, effective, policy), nl=False)
    for error in rule_set.load_errors:
        click.echo(f"warning: {error}", err=True)


@main.command("clean")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def clean_command(paths, out_dir, config_path) -> None:
    """Write copies of the articles in PATHS to OUT_DIR with debris and banners removed (never in place)."""
    import dataclasses

    from auditor.clean import CleanError, clean_paths

    config = dataclasses.replace(_load(config_path, paths), lean=False)
    try:
        cleaned, errors = clean_paths(list(paths), out_dir, config)
    except CleanError as exc:
        _fail(str(exc))
    for item in cleaned:
        click.echo(f"{item.output}: {item.removed} removed" if item.removed else f"{item.output}: copied, nothing to remove")
    for error in errors:
        click.echo(f"{error.path}: error: {error.error}", err=True)
    sys.exit(EXIT_ERROR if errors else EXIT_OK)


@main.command("compare")
@click.argument("files", nargs=-1, type=click.Path())
@click.option("--pairs", "pairs_file", type=click.Path(exists=True, dir_okay=False),
              help="TSV of article<TAB>source paths; prints one JSON object per line.")
@click.option("--format", "output_format", type=click.Choice(PAIR_FORMATS), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def compare_command(files, pairs_file, output_format, config_path) -> None:
    """Score how much ARTICLE leans on SOURCE: audit compare ARTICLE SOURCE."""
    import json

    from auditor.formats.json_report import lean_dict
    from auditor.pipeline.leaning import CompareInputError, compare_paths

    config = _load(config_path, files)
    _check_model(config)
    if pairs_file:
        if files:
            _fail("give either ARTICLE SOURCE or --pairs FILE, not both")
        failed = False
        with open(pairs_file, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 2:
                    _pair_line({"line": number, "error": "expected article<TAB>source"}, output_format)
                    failed = True
                    continue
                try:
                    lean = compare_paths(parts[0], parts[1], config)
                except CompareInputError as exc:
                    _pair_line({"article": parts[0], "source": parts[1], "error": str(exc)}, output_format)
                    failed = True
                    continue
                entry = {"article": parts[0], **lean_dict(lean)}
                del entry["evidence"]  # one line a pair: the scores, not the passages
                _pair_line(entry, output_format)
        sys.exit(EXIT_ERROR if failed else EXIT_OK)
    if len(files) != 2:
        _fail("compare takes ARTICLE SOURCE (two paths) or --pairs FILE")
    try:
        lean = compare_paths(files[0], files[1], config)
    except CompareInputError as exc:
        _fail(str(exc))
    if output_format == "json":
        click.echo(json.dumps({"article": files[0], **lean_dict(lean)}, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{files[0]} leans on {files[1]}: {lean.score:.2f} ({lean.label})")
        for pair in lean.evidence[:5]:
            click.echo(f"  \u201c{' '.join(pair.article_text.split())[:100]}\u201d")
            click.echo(f"  ~ \u201c{' '.join(pair.source_text.split())[:100]}\u201d")
    sys.exit(EXIT_OK)


def _pair_line(result: dict, output_format: str) -> None:
    """One line of compare --pairs: a JSON object, or the same in words."""
    import json

    if output_format == "json":
        click.echo(json.dumps(result, ensure_ascii=False))
    elif "error" in result:
        where = f"line {result['line']}" if "line" in result else f"{result['article']} / {result['source']}"
        click.echo(f"{where}: error: {result['error']}")
    else:
        click.echo(f"{result['article']} leans on {result['source']}: {result['score']:.2f} ({result['label']})")


_terminated: list[int] = []  # the SIGTERM received, if any (click turns the interrupt into Abort)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM, as a CI runner or a process manager sends it to stop a job: unwind as Ctrl-C does."""
    _terminated.append(signum)
    raise KeyboardInterrupt()


def entry_point() -> None:
    """The console script: click's own handling, except that Ctrl-C exits 130 and SIGTERM
    143, each with a message.

    Both unwind the run like an error would: the workers are stopped and the run's
    temporary files removed (left to itself, SIGTERM ends only this process and leaves its
    workers scoring and gigabytes of profiles in TMPDIR). Reports are written atomically, so
    an interrupted run leaves no partial file behind.
    """
    signal.signal(signal.SIGTERM, _terminate)
    try:
        main.main(standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        # The run has unwound; a further interrupt while the interpreter shuts down (joblib's
        # and loky's exit handlers) would end the process by the signal itself, not with the
        # exit code below.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if _terminated:
            click.echo("audit: terminated; nothing was written", err=True)
            sys.exit(EXIT_TERMINATED)
        click.echo("audit: interrupted; nothing was written", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    entry_point()
