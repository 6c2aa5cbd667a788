#!/usr/bin/env python
"""Throughput, memory and scaling of `audit` on generated corpora; not a test.

    python benchmarks/bench_audit.py [--sizes 1000,10000,100000] [--jobs 2] [--work /tmp/audit-bench]

For each size N it generates a corpus (benchmarks/make_corpus.py; kept in --work between
runs) and times, each as its own `audit` process:

- floor: `wc -w` over the same files — what reading them costs at least;
- rules: `audit --no-lean --no-cache` (reading, normalising, rules);
- full: `audit --no-cache`-free first run with lean, into an empty cache folder;
- cached: the same command again over the unchanged corpus.

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
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import generate  # noqa: E402


def timed(command: list[str], accept: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of the command and all its children."""
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
    return elapsed, peak / 2**20


def corpus(work: Path, size: int) -> tuple[Path, float]:
    folder = work / f"corpus-{size}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, size, seed=0)
        (folder / ".complete").write_text("")
    megabytes = sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6
    return folder, megabytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/audit-bench"))
    parser.add_argument("--skip", default="", help="comma-separated runs to leave out: rules,full,cached")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    skip = set(filter(None, args.skip.split(",")))
    audit = [sys.executable, "-m", "auditor.cli"] if not shutil.which("audit") else [shutil.which("audit")]
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"jobs={args.jobs}  cores={os.cpu_count()}  load={os.getloadavg()[0]:.2f}")
    print(f"{'N':>7} {'MB':>6} {'run':>7} {'s':>8} {'art/s':>8} {'MB/s':>7} {'peak MiB':>9} {'x floor':>8}")
    previous: dict[str, tuple[int, float]] = {}
    exponents: list[str] = []
    for size in sizes:
        folder, megabytes = corpus(args.work, size)
        files = [str(p) for p in folder.rglob("*.txt")]
        floor, _ = timed(["sh", "-c", f"find {folder} -name '*.txt' -print0 | xargs -0 wc -w > /dev/null"])
        runs = {"floor": (floor, 0.0)}
        cache = args.work / f"cache-{size}"
        shutil.rmtree(cache, ignore_errors=True)
        common = [*audit, "--format", "json", "-o", os.devnull, "--jobs", str(args.jobs)]
        if "rules" not in skip:
            runs["rules"] = timed([*common, "--no-lean", "--no-cache", str(folder)])
        if "full" not in skip:
            runs["full"] = timed([*common, "--cache-dir", str(cache), str(folder)])
            if "cached" not in skip:
                runs["cached"] = timed([*common, "--cache-dir", str(cache), str(folder)])
        for name, (seconds, peak) in runs.items():
            ratio = seconds / floor
            print(f"{size:>7} {megabytes:>6.1f} {name:>7} {seconds:>8.2f} {len(files) / seconds:>8.0f} "
                  f"{megabytes / seconds:>7.2f} {peak:>9.0f} {ratio:>8.1f}")
            if name in previous:
                n0, s0 = previous[name]
                exponents.append(f"{name} {n0}->{size}: {math.log(seconds / s0) / math.log(size / n0):.2f}")
            previous[name] = (size, seconds)
        if "full" in runs and "cached" in runs:
            print(f"{size:>7} cached run {runs['full'][0] / runs['cached'][0]:.1f}x faster than the first")
        shutil.rmtree(cache, ignore_errors=True)
    if exponents:
        print("scaling exponents (time ~ N^k):", "; ".join(exponents))
    return 0


if __name__ == "__main__":
    sys.exit(main())
