"""Bad input gets a clear per-file error and the run goes on; nothing is modified or half-written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from auditor.cli import EXIT_ERROR, main

CORPUS = os.path.join(os.path.dirname(__file__), "..", "corpus")


@pytest.fixture()
def bad_corpus(tmp_path):
    root = tmp_path / "bad"
    root.mkdir()
    (root / "empty.txt").write_bytes(b"")
    (root / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (root / "nul.txt").write_bytes(b"text\x00with\x00nul" * 50)
    (root / "utf16.txt").write_bytes("Meta reported revenue of 48.39 billion dollars.".encode("utf-16"))
    (root / "cp1252.txt").write_bytes("Le café de la gare a fermé ses portes mercredi après trente ans.".encode("cp1252"))
    (root / "huge.txt").write_bytes(b"word " * 10_500_000)  # 52.5 MB on one line
    (root / "script-only.html").write_text("<script>alert(1)</script><style>p{}</style>")
    (root / "nested.html").write_text("<div>" * 10_000 + "Deep inside ten thousand divs sits the text." + "</div>" * 3)
    (root / "unclosed.html").write_text("<html><body><p>An unclosed <b>paragraph about the council budget vote")
    (root / "feed.jsonl").write_text(
        json.dumps({"text": "A good record about the council budget vote."}) + "\n{broken line\n"
        + json.dumps({"html": "<p>Another good record about the vote.</p>"}) + "\n"
    )
    (root / "x.html").mkdir()
    (root / "x.html" / "inside.txt").write_text("An article in a folder whose name ends in .html.")
    (root / "loop").mkdir()
    os.symlink("..", root / "loop" / "up")
    os.symlink("missing.txt", root / "dangling.txt")
    for name in ("name with spaces.txt", "tên bài báo.txt", "new\nline.txt"):
        (root / name).write_text("An article about the council budget vote on Tuesday.", encoding="utf-8")
    return root


def snapshot(root) -> dict[str, tuple[bytes | str, int]]:
    state = {}
    for base, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(base, name)
            stat = os.lstat(path)
            if os.path.islink(path):
                content: bytes | str = os.readlink(path)
            elif os.path.isfile(path):
                with open(path, "rb") as handle:
                    content = handle.read()
            else:
                content = "<dir>"
            state[os.path.relpath(path, root)] = (content, stat.st_mtime_ns)
    return state


def test_bad_inputs_give_per_file_errors_and_good_files_are_audited(bad_corpus, tmp_path) -> None:
    before = snapshot(bad_corpus)
    result = CliRunner().invoke(main, ["--format", "json", str(bad_corpus)])
    assert result.exit_code == EXIT_ERROR
    report = json.loads(result.output)
    errors = {(os.path.basename(e["path"]), e.get("record")): e["error"] for e in report["errors"]}
    assert "empty file" in errors[("empty.txt", None)]
    assert "PNG image" in errors[("photo.txt", None)]
    assert "NUL bytes" in errors[("nul.txt", None)]
    assert "over the limit" in errors[("huge.txt", None)]
    assert "no visible text" in errors[("script-only.html", None)]
    assert "not valid JSON" in errors[("feed.jsonl", 2)]
    assert "broken symbolic link" in errors[("dangling.txt", None)]
    audited = {(os.path.basename(a["path"]), a.get("record")) for a in report["articles"]}
    assert audited == {
        ("utf16.txt", None), ("cp1252.txt", None), ("nested.html", None), ("unclosed.html", None),
        ("feed.jsonl", 1), ("feed.jsonl", 3), ("inside.txt", None),
        ("name with spaces.txt", None), ("tên bài báo.txt", None), ("new\nline.txt", None),
    }
    by_name = {os.path.basename(a["path"]): a for a in report["articles"]}
    assert by_name["cp1252.txt"]["language"] == "fr"
    assert snapshot(bad_corpus) == before


def test_same_input_gives_byte_identical_json(tmp_path) -> None:
    runs = [CliRunner().invoke(main, ["--format", "json", CORPUS]).output for _ in range(2)]
    assert runs[0] == runs[1]


def test_every_command_leaves_the_corpus_byte_identical(tmp_path) -> None:
    before = snapshot(CORPUS)
    runner = CliRunner()
    runner.invoke(main, ["--format", "json", "-o", str(tmp_path / "r.json"), CORPUS])
    runner.invoke(main, ["--write-baseline", str(tmp_path / "b.json"), CORPUS])
    runner.invoke(main, ["clean", CORPUS, str(tmp_path / "clean")])
    files = sorted(os.path.join(CORPUS, n) for n in os.listdir(CORPUS) if n.endswith(".txt"))
    runner.invoke(main, ["compare", files[0], files[1]])
    assert snapshot(CORPUS) == before


def test_ctrl_c_exits_130_and_leaves_no_partial_report(tmp_path) -> None:
    seeds = [open(os.path.join(CORPUS, n), encoding="utf-8").read() for n in sorted(os.listdir(CORPUS)) if n.endswith(".txt")]
    # Interrupt a run long enough to still be going; on a fast machine, try a larger corpus.
    for size in (3000, 12000):
        corpus = tmp_path / f"many-{size}"
        corpus.mkdir()
        for i in range(size):
            (corpus / f"{i:05d}.txt").write_text(f"Copy {i}.\n" + seeds[i % len(seeds)], encoding="utf-8")
        out = tmp_path / f"out-{size}"
        out.mkdir()
        process = subprocess.Popen(
            [sys.executable, "-m", "auditor.cli", str(corpus), "--format", "json", "-o", str(out / "report.json")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        time.sleep(1.5)
        if process.poll() is not None:
            process.communicate()
            continue
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 130, stderr
        assert "interrupted" in stderr
        assert os.listdir(out) == []
        return
    pytest.fail("every run finished before it could be interrupted")


def _start_long_run(tmp_path, out, **popen):
    """`audit` started on 3,000 copies of the sample corpus with 2 workers and its own TMPDIR
    (``tmp_path / "tmp"``), writing a JSON report into ``out``: long enough to be stopped."""
    import psutil

    seeds = [open(os.path.join(CORPUS, n), encoding="utf-8").read() for n in sorted(os.listdir(CORPUS)) if n.endswith(".txt")]
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(3000):
        (corpus / f"{i:05d}.txt").write_text(f"Copy {i}.\n" + seeds[i % len(seeds)], encoding="utf-8")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    process = psutil.Popen(
        [sys.executable, "-m", "auditor.cli", str(corpus), "--jobs", "2", "--no-cache",
         "--format", "json", "-o", str(out / "report.json")],
        env={**os.environ, "TMPDIR": str(temporary)}, **popen)
    return process, temporary


def test_sigterm_stops_the_workers_and_removes_the_run_s_temporary_files(tmp_path) -> None:
    import psutil

    out = tmp_path / "out"
    out.mkdir()
    process, temporary = _start_long_run(tmp_path, out, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    workers: list = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        # wait until the workers are at work and the profile store exists
        workers = [p for p in process.children(recursive=True) if "loky" in " ".join(p.cmdline())]
        if len(workers) >= 2 and any(n.startswith("audit-profiles-") for n in os.listdir(temporary)):
            break
        time.sleep(0.1)
    else:
        pytest.fail("the run ended before its workers could be seen")
    process.terminate()
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 143, stderr
    assert "terminated" in stderr
    assert os.listdir(out) == []
    assert not [n for n in os.listdir(temporary) if n.startswith("audit-profiles-")]
    _, alive = psutil.wait_procs(workers, timeout=30)
    assert alive == []


def _dead_pid() -> int:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    return finished.pid


def test_a_run_removes_the_folders_of_runs_killed_outright_and_nothing_else(tmp_path) -> None:
    from auditor.run import run_folder

    old = time.time() - 2 * run_folder.ABANDONED_AFTER
    host = run_folder._host()
    names = {
        "dead": f"{run_folder.PREFIX}{host}-{_dead_pid()}-abc",
        "dead, written just now": f"{run_folder.PREFIX}{host}-{_dead_pid()}-def",
        "alive": f"{run_folder.PREFIX}{host}-{os.getpid()}-ghi",
        "other machine": f"{run_folder.PREFIX}elsewhere-{_dead_pid()}-jkl",
        "older version": f"{run_folder.PREFIX}k2j4h5",
    }
    for label, name in names.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.profiles").write_bytes(b"\0" * 10)
        if label != "dead, written just now":
            os.utime(tmp_path / name, (old, old))
    removed = run_folder.remove_abandoned(str(tmp_path))
    assert removed == [str(tmp_path / names["dead"])]
    assert sorted(os.listdir(tmp_path)) == sorted(n for label, n in names.items() if label != "dead")


def test_the_folder_of_a_run_killed_with_sigkill_goes_with_the_next_run(tmp_path) -> None:
    import psutil

    from auditor.run import run_folder

    process, temporary = _start_long_run(tmp_path, tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any(n.startswith(run_folder.PREFIX) for n in os.listdir(temporary)):
            break
        time.sleep(0.1)
    else:
        pytest.fail("the run ended before its profile folder could be seen")
    children = process.children(recursive=True)
    process.kill()
    process.wait(timeout=30)
    for child in children:
        child.kill()
    psutil.wait_procs(children, timeout=30)
    left = [n for n in os.listdir(temporary) if n.startswith(run_folder.PREFIX)]
    assert len(left) == 1 and f"-{process.pid}-" in left[0]
    old = time.time() - 2 * run_folder.ABANDONED_AFTER
    os.utime(temporary / left[0], (old, old))
    finished = subprocess.run([sys.executable, "-m", "auditor.cli", CORPUS, "--no-cache"],
                              capture_output=True, text=True, env={**os.environ, "TMPDIR": str(temporary)}, timeout=300)
    assert finished.returncode == 1, finished.stderr
    assert not [n for n in os.listdir(temporary) if n.startswith(run_folder.PREFIX)]
