"""What a newsroom touches on its first day: each case here was broken once (issue 13) and
has a test that failed before its fix."""

from __future__ import annotations

import os

from click.testing import CliRunner

from auditor.cli import EXIT_OK, main
from auditor.config import Config
from tests.test_policy import ARTICLE, BANNER, audit_text, codes

CORPUS = os.path.join(os.path.dirname(__file__), "..", "corpus")


# --- inline markers that name no rule -------------------------------------------------------

def test_marker_naming_a_category_accepts_nothing_and_says_which_codes_to_name(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE + "audit-ignore cookie-banner: quoted on purpose\n" + BANNER)
    assert sorted(codes(article)) == ["CK001", "POL005"]
    (finding,) = [f for f in article.findings if f.rule == "POL005"]
    assert "'cookie-banner'" in finding.message and "CK001, CK002" in finding.message
    assert article.suppressed == ()


def test_marker_naming_an_unknown_code_is_reported(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE + "audit-ignore CK999: quoted on purpose\n" + BANNER)
    assert sorted(codes(article)) == ["CK001", "POL005"]
    assert "'CK999'" in next(f.message for f in article.findings if f.rule == "POL005")


def test_marker_with_a_known_and_an_unknown_code_accepts_the_known_one(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE + "audit-ignore CK001, CK999: quoted on purpose\n" + BANNER)
    assert codes(article) == ["POL005"]
    assert [f.rule for f, _ in article.suppressed] == ["CK001"]


def test_lower_case_code_still_accepts(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE + "audit-ignore ck001: quoted on purpose\n" + BANNER)
    assert codes(article) == [] and [f.rule for f, _ in article.suppressed] == ["CK001"]


def test_pol005_can_be_ignored_like_any_rule(tmp_path) -> None:
    article = audit_text(tmp_path, "a.txt", ARTICLE + "audit-ignore CK999: x\n" + BANNER,
                         Config(lean=False, ignore=("POL005",)))
    assert codes(article) == ["CK001"]


# --- audit clean takes plain-text markers out ------------------------------------------------

def test_clean_removes_plain_text_marker_lines_but_keeps_comment_markers(tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE + "audit-ignore CK001: quoted on purpose\n" + BANNER + "\nThe end.\n",
                               encoding="utf-8")
    (src / "b.md").write_text("<!-- audit-ignore-file DB001: a how-to -->\n" + ARTICLE + "Read More\n",
                              encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(src), str(out)])
    assert result.exit_code == EXIT_OK, result.output
    cleaned = (out / "a.txt").read_text(encoding="utf-8")
    assert "audit-ignore" not in cleaned
    # the accepted banner is kept (an editor accepted it) and everything else is intact
    assert cleaned == ARTICLE + BANNER + "\nThe end.\n"
    assert (out / "b.md").read_text(encoding="utf-8").startswith("<!-- audit-ignore-file DB001: a how-to -->\n")
