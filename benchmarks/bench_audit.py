#!/usr/bin/env python
"""Throughput, memory and scaling of `audit` on generated corpora; not a test.

    python benchmarks/bench_audit.py [--sizes 1000,10000,100000] [--jobs 2] [--work /tmp/audit-bench]
        [--corpora generated,realistic] [--html PAGES_DIR] [--baseline-python OTHER/.venv/bin/python]

For each size N and each kind of corpus it generates the corpus (benchmarks/make_corpus.py;
kept in --work between runs): "generated", whose articles all draw on one small sentence
pool (over-connected: ~15 LSH candidates an article), and "realistic", mostly distinct
stories with a known share of copies, rewrites and translations. It times, each as its own
`audit` process:

- floor: `wc -w` over the same files — what reading them costs at least;
- rules: `audit --no-lean --no-cache` (reading, normalising, rules);
- full: `audit --no-cache`-free first run with lean, into an empty cache folder;
- cached: the same command again over the unchanged corpus.

With --html (default: ../shared/eval/cookie-banners-html/pages when it is there) it times
`audit --no-lean` and `audit` (lean) over those saved pages against `trafilatura.extract`
of the same pages in a pool of --jobs processes (pip install -e '.[bench]'), and the
start-up of `audit` on one article against `python -c pass`. With --baseline-python, every
audit run is repeated by another version's python (e.g. main's venv) in the same session,
and the ratio this/baseline printed.

It prints articles/s, MB/s, peak memory (RSS summed over the process and its workers,
sampled every 50 ms), the ratio to the floor, the scaling exponent between successive
sizes (1.0 is linear) and the cached run's speed-up. The machine may be busy with other
work: compare the ratios, which the same-run floor makes meaningful, more than the
absolute figures.
"""
from __future__ import annotations

import argparse
import math
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import generate, generate_realistic  # noqa: E402

DEFAULT_PAGES = ROOT.parent / "shared" / "eval" / "cookie-banners-html" / "pages"


def timed(command: list[str], accept: tuple[int, ...] = (0, 1), cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of the command and all its children."""
    return measured(command, accept, cwd)[:2]


def measured(command: list[str], accept: tuple[int, ...] = (0, 1),
             cwd: Path | None = None) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds (user + system) of the command and all its
    children.  On a machine shared with other work the CPU seconds move less than the wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                tree = [process, *process.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode not in accept:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}:\n{stderr.decode()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, peak / 2**20, cpu


def corpus(work: Path, size: int, kind: str = "generated") -> tuple[Path, float]:
    folder = work / (f"corpus-{size}" if kind == "generated" else f"corpus-{kind}-{size}")
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        (generate if kind == "generated" else generate_realistic)(folder, size, seed=0)
        (folder / ".complete").write_text("")
    megabytes = sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6
    return folder, megabytes


TRAFILATURA = """
import sys, os
from concurrent.futures import ProcessPoolExecutor
import trafilatura

def extract(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return len(trafilatura.extract(handle.read()) or "")

folder, jobs = sys.argv[1], int(sys.argv[2])
paths = [os.path.join(folder, name) for name in sorted(os.listdir(folder))]
with ProcessPoolExecutor(jobs) as pool:
    list(pool.map(extract, paths, chunksize=4))
"""


def _audit_command(python: str | None) -> list[str]:
    if python:
        return [python, "-m", "auditor.cli"]
    return [sys.executable, "-m", "auditor.cli"] if not shutil.which("audit") else [shutil.which("audit")]


def _row(label: str, count: int, megabytes: float, run: tuple[float, float, float], floor: float | None) -> None:
    seconds, peak, cpu = run
    ratio = f"{seconds / floor:>8.1f}" if floor else f"{'':>8}"
    print(f"{label:>26} {seconds:>8.2f} {count / seconds:>8.0f} {megabytes / seconds:>7.2f} {peak:>9.0f} {ratio}"
          f" {cpu:>8.1f} {1000 * cpu / count:>8.2f}")


def _startup(audit: list[str], article: Path, work: Path, repeats: int = 5) -> tuple[float, float]:
    """Median wall seconds of `audit ARTICLE` and of `python -c pass`, alternating."""
    audit_times, python_times = [], []
    for _ in range(repeats):
        python_times.append(timed([sys.executable, "-c", "pass"])[0])
        audit_times.append(timed([*audit, "--no-cache", "--format", "json", "-o", os.devnull, str(article)], cwd=work)[0])
    return sorted(audit_times)[repeats // 2], sorted(python_times)[repeats // 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/audit-bench"))
    parser.add_argument("--skip", default="", help="comma-separated runs to leave out: rules,full,cached,html,startup")
    parser.add_argument("--corpora", default="generated,realistic", help="kinds of generated corpus")
    parser.add_argument("--html", type=Path, default=DEFAULT_PAGES if DEFAULT_PAGES.is_dir() else None,
                        help="a folder of saved HTML pages to time against trafilatura")
    parser.add_argument("--baseline-python", help="another version's python: each audit run again with it")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in filter(None, args.sizes.split(","))]
    skip = set(filter(None, args.skip.split(",")))
    versions = [("", _audit_command(None))]
    if args.baseline_python:
        versions.append(("@base", _audit_command(args.baseline_python)))
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"jobs={args.jobs}  cores={os.cpu_count()}  load={os.getloadavg()[0]:.2f}")
    print(f"{'N corpus run':>26} {'s':>8} {'art/s':>8} {'MB/s':>7} {'peak MiB':>9} {'x floor':>8}"
          f" {'CPU s':>8} {'CPU ms/a':>8}")
    previous: dict[str, tuple[int, float]] = {}
    exponents: list[str] = []
    for kind in filter(None, args.corpora.split(",")):
        for size in sizes:
            folder, megabytes = corpus(args.work, size, kind)
            files = [str(p) for p in folder.rglob("*.txt")]
            runs = {"floor": measured(["sh", "-c", f"find {folder} -name '*.txt' -print0 | xargs -0 wc -w > /dev/null"])}
            floor = runs["floor"][0]
            # Each run by each version in turn, so that both see the same load on the machine.
            # From the work folder: `-m auditor.cli` of another python imports its own version.
            commands = {suffix: [*audit, "--format", "json", "-o", os.devnull, "--jobs", str(args.jobs)]
                        for suffix, audit in versions}
            caches = {suffix: args.work / f"cache-{kind}-{size}{suffix}" for suffix, _ in versions}
            for cache in caches.values():
                shutil.rmtree(cache, ignore_errors=True)
            if "rules" not in skip:
                for suffix, common in commands.items():
                    runs["rules" + suffix] = measured([*common, "--no-lean", "--no-cache", str(folder)], cwd=args.work)
            for name in ("full", "cached"):
                if "full" in skip or (name == "cached" and "cached" in skip):
                    continue
                for suffix, common in commands.items():
                    runs[name + suffix] = measured([*common, "--cache-dir", str(caches[suffix]), str(folder)], cwd=args.work)
            for cache in caches.values():
                shutil.rmtree(cache, ignore_errors=True)
            for name, run in runs.items():
                seconds = run[0]
                _row(f"{size} {kind} {name}", len(files), megabytes, run, floor)
                series = f"{kind} {name}"
                if series in previous:
                    n0, s0 = previous[series]
                    exponents.append(f"{series} {n0}->{size}: {math.log(seconds / s0) / math.log(size / n0):.2f}")
                previous[series] = (size, seconds)
            for suffix, _ in versions:
                if "full" + suffix in runs and "cached" + suffix in runs:
                    print(f"{size:>7} {kind}{suffix}: cached run "
                          f"{runs['full' + suffix][0] / runs['cached' + suffix][0]:.1f}x faster than the first")
            if len(versions) > 1:
                print("  this/baseline speed, wall (CPU):", "; ".join(
                    f"{name} {runs[name + '@base'][0] / runs[name][0]:.2f}x ({runs[name + '@base'][2] / runs[name][2]:.2f}x)"
                    for name in ("rules", "full", "cached") if name in runs and name + "@base" in runs))
    if exponents:
        print("scaling exponents (time ~ N^k):", "; ".join(exponents))
    if args.html and "html" not in skip:
        pages = sorted(p for p in args.html.iterdir() if p.is_file())
        megabytes = sum(p.stat().st_size for p in pages) / 1e6
        extract, _, extract_cpu = measured([sys.executable, "-c", TRAFILATURA, str(args.html), str(args.jobs)], accept=(0,))
        print(f"HTML: {len(pages)} pages, {megabytes:.1f} MB, {args.html}")
        print(f"{'run':>22} {'s':>8} {'pages/s':>8} {'MB/s':>7} {'peak MiB':>9} {'x trafilatura speed':>20} {'CPU s':>8}")
        print(f"{'trafilatura.extract':>22} {extract:>8.2f} {len(pages) / extract:>8.1f} {megabytes / extract:>7.2f}"
              f" {'':>9} {'':>20} {extract_cpu:>8.1f}")
        for suffix, audit in versions:
            common = [*audit, "--format", "json", "-o", os.devnull, "--jobs", str(args.jobs), "--no-cache"]
            for name, extra in (("rules", ["--no-lean"]), ("full", [])):
                seconds, peak, cpu = measured([*common, *extra, str(args.html)], cwd=args.work)
                print(f"{'audit ' + name + suffix:>22} {seconds:>8.2f} {len(pages) / seconds:>8.1f} "
                      f"{megabytes / seconds:>7.2f} {peak:>9.0f} {extract / seconds:>20.2f} {cpu:>8.1f}")
    if "startup" not in skip:
        article = sorted((ROOT / "corpus").glob("*.txt"))[-1]
        for suffix, audit in versions:
            seconds, baseline = _startup(audit, article, args.work)
            print(f"start-up{suffix}: audit {article.name} {seconds:.2f} s (median of 5); python -c pass {baseline:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
