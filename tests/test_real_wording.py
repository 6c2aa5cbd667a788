"""The real-wording development set (eval/real-wording/): its split, and floors on every part.

The set is the repository's own: excerpts of real public pages collected for issue 14, each with
where it was seen. Each round's fresh lines, collected from sites in no earlier round before any rule
was changed for that round, are held out: measured, never listed. When the next round is collected,
the last one's lines become design (and training) lines: round 2 in round 4, round 4 in round 5, round 5
once round 6 had been collected and measured, round 6 once round 7 (``eval/real-wording/round7/``, held out now)
had every family. The floors sit just below the figures measured when they were set (README, "Rules, on real
wording"); a floor is raised when a figure rises, and lowered only openly, with the reason beside it. The
files' digests pin the set the floors hold for.
"""

from __future__ import annotations

import json
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from eval_rules import (  # noqa: E402
    FAMILIES,
    HELD_OUT_PARTS,
    PARTS,
    ROUND4,
    ROUND5,
    ROUND6,
    ROUND7,
    evaluate_real_wording,
    part_of,
    read_real_wording,
    round_files,
)

REAL_WORDING_DIGEST = "bb0a206ade33"
# (recall floor, false-alarm ceiling) per family and part, measured 2026-12-03 (round 4). The design part grew
# with 27 design lines collected in round 2 (one of them is an AI false alarm: a detector's "Generated with AI"
# verdict) and 42 in round 3. Round 2's lines were held out until round 4 and are design (and training) lines
# since: round 4 raised their AI notices 0.64 -> 0.96, debris 0.20 -> 0.52 and citations 0.51 -> 0.56 by reading
# them, so those are design figures now. The line models (auditor/lines) are trained on both design parts: training figures.
FLOORS = {
    # Eighth session: the line models retrained with round 5 and the third collected batch score one design
    # negative ("That's it! For detailed instructions, continue reading below.") 0.896 against the debris
    # threshold 0.89: one false alarm in 33 (0.030). The ceiling records it rather than a gate written for one line.
    "design": {"citation": (0.93, 0.02), "ai-disclosure": (0.99, 0.03), "debris": (0.98, 0.031),
               "cookie-banner": (0.99, 0.02)},
    # Tenth session: the line models retrained with round 6 raise one more false alarm on round 2's banners
    # (7 -> 8 of 45); the ceiling records it.
    "round 2 (design since round 4)": {"citation": (0.89, 0.02), "ai-disclosure": (0.96, 0.09),
                                       "debris": (0.85, 0.02), "cookie-banner": (0.92, 0.18)},
    # Round 4's lines were held out until round 5 (measured, never read: rules before round 4 scored citation
    # 0.563 / 0.070, cookie banners 0.532 / 0.072; AI 0.632 / 0.142 and debris 0.346 / 0.018 before the fifth
    # session's changes; 0.563 / 0.035, 0.675 / 0.108, 0.514 / 0.018, 0.743 / 0.072 after them). Since round 5
    # they are design and training lines: the sixth session read their misses, so these are design figures.
    "round 4 (design since round 5)": {"citation": (0.77, 0.02), "ai-disclosure": (0.72, 0.07),
                                       "debris": (0.72, 0.02), "cookie-banner": (0.81, 0.08)},
    # Measured, never read: round 5's fresh lines (sixth session; 793 lines from sites in no earlier round, collected
    # by helpers who never ran the rules, before any rule changed; 15 lines sharing a unit with a training line were
    # dropped unread). Rules before the sixth session (2d30584): citation 0.450 / 0.010, AI 0.379 / 0.069, debris
    # 0.462 / 0.045, cookie banners 0.800 / 0.043 (40 banners only). After it (cbf4daa, with the sentence encoder as
    # the test extra installs it): 0.500 / 0.010, 0.447 / 0.069, 0.429 / 0.018, 0.825 / 0.043. The floors leave one
    # line of room for the encoder's arithmetic on another machine.
    # Seventh session: AI001's request phrases (designed on training/lines/next/) moved round 5's AI notices to
    # 0.476 / 0.079 (a fifth measurement; one more false alarm: the ceiling keeps its line of room).
    # Since the eighth session round 5's lines are design and training lines: these are design floors now. Reading
    # their misses moved citations 0.500 -> 0.710 (edge credits of known outlets, link domains, staff lines) and
    # boilerplate 0.451 -> 0.571 (widget labels); training on them moved AI notices 0.476 -> 0.524.
    "round 5 (design since round 6)": {"citation": (0.71, 0.02), "ai-disclosure": (0.51, 0.09), "debris": (0.56, 0.02),
                                       "cookie-banner": (0.81, 0.05)},
    # Measured, never read: round 6's fresh lines (seventh session; 688 lines from sites in no earlier round,
    # collected by helpers who never ran the rules; 9 from subdomains of used sites, 12 sharing a unit with an
    # earlier line and 1 duplicate were dropped unread). The rules before the session (5965e74) and after it score the same: citation 0.615 / 0.000,
    # AI 0.290 / 0.039 (31 notices only), debris 0.370 / 0.000, cookie banners 0.413 / 0.051. One line of room.
    # Eighth session: round 5 and the third collected batch opened for training (decided before this measurement)
    # moved the line models: AI 0.290 / 0.053, debris 0.348 / 0.000, cookie banners 0.478 / 0.051. Debris lost two
    # lines of 92 and its floor records that (lowered, not hidden); cookie banners' is raised.
    # Since the tenth session round 6's lines are design and training lines (decided before round 7's second
    # measurement): retrained on them, the line models score AI 0.387 / 0.039, debris 0.457 / 0.000, cookie banners
    # 0.500 / 0.051 there (training figures now). Then its citation misses were read: SRC002's tail credits (a
    # known outlet in a credit closing a caption line) moved citations 0.615 -> 0.697, and AI001's picture credits
    # (an image generator credited in a caption's closing brackets or label) AI notices 0.387 -> 0.452 (design figures).
    "round 6 (design since round 7)": {"citation": (0.68, 0.01), "ai-disclosure": (0.41, 0.06), "debris": (0.44, 0.01),
                                       "cookie-banner": (0.47, 0.07)},
    # Measured, never read: round 7's fresh lines from sites in no earlier round, collected by helpers who never ran
    # the rules: AI notices in the ninth session (148 lines, 115 sites; 5 sharing a unit with an earlier line and 1
    # duplicate dropped unread), the other families in the tenth (988 lines, 771 sites; 32 sharing a unit dropped
    # unread). First measurements, rules and models unchanged since 0494eef: citation 0.442 / 0.039, AI 0.639 / 0.092,
    # debris 0.302 / 0.000, cookie banners 0.438 / 0.082. Second, after the line models were retrained with round 6
    # (nothing else changed): AI 0.672 / 0.092, debris 0.330 / 0.005, cookie banners 0.445 / 0.077, citations
    # unchanged. Third, after SRC002's tail credits (read off round 6's misses): citations 0.442 -> 0.478 / 0.039.
    # Fourth, after the AI gate learned image and translation tools' names (chosen on grouped CV of design data:
    # 0.338 -> 0.349 at the same false alarms): AI notices 0.672 -> 0.689 / 0.092. One line of room each way.
    "round-7 held-out": {"citation": (0.46, 0.05), "ai-disclosure": (0.67, 0.11), "debris": (0.32, 0.01),
                         "cookie-banner": (0.43, 0.09)},
}
ROUND4_DIGEST = "969bca33b817"
ROUND5_DIGEST = "617e40a4f593"
ROUND6_DIGEST = "ec2005a35757"
ROUND7_DIGEST = "e63c9eb4e74a"


@pytest.fixture(scope="module")
def results():
    return evaluate_real_wording()


def test_the_set_is_the_one_the_floors_were_set_on(results) -> None:
    assert results["digest"].startswith(REAL_WORDING_DIGEST)
    assert results["round4_digest"].startswith(ROUND4_DIGEST)
    assert results["round5_digest"].startswith(ROUND5_DIGEST)
    assert results["round6_digest"].startswith(ROUND6_DIGEST)
    assert results["round7_digest"].startswith(ROUND7_DIGEST)


def test_held_out_lines_are_never_training_data() -> None:
    from auditor.training.lines import read_excerpts, units

    held_out = {u for r in read_real_wording() if part_of(r) in HELD_OUT_PARTS for u in units(str(r["text"]))}
    trained = {u for excerpt in read_excerpts() for u in excerpt.units}
    assert held_out and not held_out & trained


def test_every_line_says_where_it_was_seen_and_what_it_is() -> None:
    for record in read_real_wording():
        assert record["site"] and record["seen"], record
        assert record["language"] in ("en", "vi", "es", "fr", "de", "id", "pt"), record
        assert record["family"] in FAMILIES, record
        assert isinstance(record["expect"], bool), record
        assert record["family"] != "citation" or not record["expect"] or record.get("source"), record


def test_no_site_is_in_both_parts_and_each_part_covers_every_family() -> None:
    records = read_real_wording()
    parts_of_site = {}
    for record in records:
        parts_of_site.setdefault(record["site"], set()).add(part_of(record))
    assert all(len(parts) == 1 for parts in parts_of_site.values())
    assert round_files(ROUND4) and round_files(ROUND5) and round_files(ROUND6) and round_files(ROUND7)
    for part in PARTS:
        for family in FAMILIES:
            lines = [r for r in records if part_of(r) == part and r["family"] == family]
            assert any(r["expect"] for r in lines) and any(not r["expect"] for r in lines), (part, family)


@pytest.mark.parametrize("part, family", [(part, family) for part in FLOORS for family in FLOORS[part]])
def test_floors(results, part, family) -> None:
    figures = results["parts"][part][family]
    recall_floor, false_alarm_ceiling = FLOORS[part][family]
    assert figures["recall"] >= recall_floor, figures
    assert figures["false_alarm_rate"] <= false_alarm_ceiling, figures


def test_lines_collected_for_training_come_from_sites_of_no_measuring_round() -> None:
    """training/lines/collected_*.jsonl are training data: none of their sites may be in eval/real-wording."""
    from pathlib import Path

    measured = {r["site"] for r in read_real_wording()}
    folder = Path(__file__).resolve().parents[1] / "training" / "lines"
    collected = sorted(folder.glob("collected_*.jsonl"))
    for path in collected:
        with open(path, encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
        assert records, path
        for record in records:
            assert record["site"] and record["seen"] and record["site"] not in measured, (path.name, record["site"])
            assert record["family"] in FAMILIES and isinstance(record["expect"], bool), (path.name, record)


def test_a_credit_naming_several_outlets_is_found_by_any_of_them() -> None:
    from eval_rules import _expected_keys

    keys = _expected_keys("Efe, Reuters e AP")
    assert {"reuters", "ap", "efe"} <= keys
    assert "afp" not in keys
    assert "dpa" in _expected_keys("picture alliance/dpa/AP")
    assert "npr.org" in _expected_keys("www.npr.org")


def test_a_rule_that_raises_stops_the_measurement(monkeypatch) -> None:
    """A rule that raised found nothing on that line; figures that hid it would be wrong."""
    import dataclasses

    from eval_rules import audit_lines

    import auditor.api

    real = auditor.api.active_rules

    def broken(config):
        def check(document):
            raise RuntimeError("boom")
        return [dataclasses.replace(rule, check=check) if rule.code == "DB006" else rule for rule in real(config)]

    monkeypatch.setattr(auditor.api, "active_rules", broken)
    with pytest.raises(SystemExit, match="DB006: RuntimeError: boom"):
        audit_lines([{"site": "example.org", "text": "Advertisement", "language": "en"}])
