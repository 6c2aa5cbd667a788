"""Measure the rule families on real, labelled data nobody on this project wrote.

    python scripts/eval_rules.py [--eval-dir ../shared/eval] [--json] [--misses]

Reads ``real-articles/`` (60 articles, expected sources, roles, AI notices,
debris and cookie banners) and ``cookie-banners-html/`` (80 saved pages, 41
with a banner).  Prints recall, false-alarm rate, precision and F1 per family,
and the sha256 of the label files so a figure is tied to the set it came from.
Measuring only: nothing here feeds back into the rules.

Also reads the repository's own real-wording set (``eval/real-wording/lines.jsonl``:
short excerpts of real pages, each with where it was seen) and reports each family
on its parts: "design" (round 1's lines, both its former parts, and the lines collected as
design lines in rounds 2 and 3; looked at while the rules were written, and the line models'
training data), "round 2 (design since round 4)" (lines marked ``"round": 2``: held out until
round 4, then opened for design and training), "round 4 (design since round 5)"
(``eval/real-wording/round4/*.jsonl``: held out until round 5, then opened the same way) and
"round 5 (design since round 6)" (``eval/real-wording/round5/*.jsonl``: held out until round 6 was
collected and measured, then opened the same way), "round 6 (design since round 7)"
(``eval/real-wording/round6/*.jsonl``: held out until round 7 had every family, then opened the same way) and
"round-7 held-out" (``eval/real-wording/round7/*.jsonl``, from sites in no earlier round; measured only).
``--misses`` lists the design parts' misses and false alarms; it never lists the
held-out parts'.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass

from auditor.api import audit_paths
from auditor.config import Config
from auditor.pipeline.report import ArticleReport

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_EVAL_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "eval"))
REAL_WORDING = os.path.normpath(os.path.join(HERE, "..", "eval", "real-wording", "lines.jsonl"))
# Round 4's held-out lines live in their own folder, one file per collector, so the line models'
# training (auditor/training/lines.py reads lines.jsonl only) cannot reach them by accident.
ROUND4 = os.path.normpath(os.path.join(HERE, "..", "eval", "real-wording", "round4"))
ROUND5 = os.path.normpath(os.path.join(HERE, "..", "eval", "real-wording", "round5"))
ROUND6 = os.path.normpath(os.path.join(HERE, "..", "eval", "real-wording", "round6"))
ROUND7 = os.path.normpath(os.path.join(HERE, "..", "eval", "real-wording", "round7"))
# Each collected round's own folder, one file per family: their records say "round": <n>.
ROUND_FOLDERS = {4: ROUND4, 5: ROUND5, 6: ROUND6, 7: ROUND7}
FAMILIES = ("citation", "ai-disclosure", "debris", "cookie-banner")


@dataclass
class Tally:
    """Binary detection counts."""

    true_positive: int = 0
    false_negative: int = 0
    false_positive: int = 0
    true_negative: int = 0

    def add(self, expected: bool, found: bool) -> None:
        if expected and found:
            self.true_positive += 1
        elif expected:
            self.false_negative += 1
        elif found:
            self.false_positive += 1
        else:
            self.true_negative += 1

    def figures(self) -> dict[str, float | int | None]:
        tp, fn, fp, tn = self.true_positive, self.false_negative, self.false_positive, self.true_negative
        recall = tp / (tp + fn) if tp + fn else None
        precision = tp / (tp + fp) if tp + fp else None
        false_alarm = fp / (fp + tn) if fp + tn else None
        f1 = (2 * precision * recall / (precision + recall)) if precision and recall else (0.0 if recall == 0 else None)
        return {"positives": tp + fn, "negatives": fp + tn, "recall": recall, "precision": precision,
                "false_alarm_rate": false_alarm, "f1": f1}


def fold(text: str) -> str:
    """Lower case without accents, as expected.json writes its aliases."""
    text = unicodedata.normalize("NFKD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).strip()


def source_keys(article: ArticleReport) -> list[tuple[set[str], str]]:
    keys = []
    for source in article.sources:
        names = {fold(source.name)}
        if source.domain:
            domain = fold(source.domain)
            names |= {domain, domain.removeprefix("www.")}
        keys.append((names, source.role))
    return keys


def sha256_of(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def evaluate_real_articles(folder: str) -> dict[str, object]:
    expected = json.load(open(os.path.join(folder, "expected.json"), encoding="utf-8"))
    report = audit_paths([os.path.join(folder, "articles")], Config(lean=False))
    by_name = {os.path.basename(a.path): a for a in report.articles}
    groups_found = groups_total = 0
    extracted_matching = extracted_total = 0
    roles_right = roles_total = 0
    no_source_articles = Tally()  # positive = the article cites something
    ai, debris, cookie = Tally(), Tally(), Tally()
    unread = [e.path for e in report.errors]
    for name, labels in sorted(expected.items()):
        article = by_name.get(name)
        if article is None:
            continue
        keys = source_keys(article)
        groups = [set(map(fold, group)) for group in labels.get("sources", [])]
        for group in groups:
            groups_total += 1
            groups_found += any(names & group for names, _ in keys)
        if groups or labels.get("no_sources"):
            for names, _ in keys:
                extracted_total += 1
                extracted_matching += any(names & group for group in groups)
            no_source_articles.add(bool(groups), bool(keys))
        for alias, role in labels.get("roles", {}).items():
            roles_total += 1
            group = next((g for g in groups if fold(alias) in g), {fold(alias)})
            roles_right += any(names & group and got == role for names, got in keys)
        ai.add(bool(labels.get("ai")), article.ai_disclosure)
        categories = {f.category for f in article.findings}
        for category, tally in (("debris", debris), ("cookie-banner", cookie)):
            if category in labels.get("present", []):
                tally.add(True, category in categories)
            elif category in labels.get("absent", []):
                tally.add(False, category in categories)
    recall = groups_found / groups_total if groups_total else None
    precision = extracted_matching / extracted_total if extracted_total else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    return {
        "digest": sha256_of(os.path.join(folder, "expected.json")),
        "articles": len(by_name),
        "unread": unread,
        "sources": {"groups": groups_total, "recall": recall, "precision": precision, "f1": f1,
                    "false_alarm_rate": no_source_articles.figures()["false_alarm_rate"],
                    "no_source_articles": no_source_articles.figures()["negatives"]},
        "roles": {"expected": roles_total, "accuracy": roles_right / roles_total if roles_total else None},
        "ai-disclosure": ai.figures(),
        "debris": debris.figures(),
        "cookie-banner": cookie.figures(),
    }


def evaluate_cookie_pages(folder: str) -> dict[str, object]:
    with open(os.path.join(folder, "labels.csv"), encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["doubtful"] != "true"]
    report = audit_paths([os.path.join(folder, "pages")], Config(lean=False, select=("cookie-banner",)))
    flagged = {os.path.basename(a.path) for a in report.articles if a.findings}
    tally = Tally()
    for row in rows:
        tally.add(row["has_cookie_banner"] == "true", row["file"] in flagged)
    return {"digest": sha256_of(os.path.join(folder, "labels.csv")), "pages": len(rows),
            "cookie-banner": tally.figures(), "naive_reference": {"precision": 0.75, "recall": 1.0, "f1": 0.86}}


# Round 2's lines were held out until round 4; measured five times (eval/real-wording/README.md), they became
# design lines when round 4's fresh held-out lines were collected, and are reported on their own for comparison.
# Round 4's lines were held out until round 5 (measured four times, README), then opened the same way.
# Round 5's lines were held out until round 6 had been collected and measured (round 5 measured five times,
# README), then opened the same way (eighth session). Round 6's lines were held out until round 7 had every family
# (tenth session), then opened the same way. Round 7's lines are measured only.
PARTS = ("design", "round 2 (design since round 4)", "round 4 (design since round 5)",
         "round 5 (design since round 6)", "round 6 (design since round 7)", "round-7 held-out")
DESIGN_PARTS = PARTS[:5]
HELD_OUT = "round-7 held-out"
HELD_OUT_PARTS = PARTS[5:]
# The part of each round kept in its own folder (``"round": <n>`` in its records).
ROUND_PARTS = {4: PARTS[2], 5: PARTS[3], 6: PARTS[4], 7: HELD_OUT}


def round1_part_of(site: str) -> str:
    """Round 1's split, fixed before any round-1 result was seen: a third of the sites were held out.

    Kept to tell which lines were round 1's held-out part (README, "Rules, on real wording"); since
    round 2 all round-1 lines are design lines.
    """
    return "held-out" if int(hashlib.sha256(site.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "design"


def part_of(record: dict[str, object]) -> str:
    """The part a line belongs to: round 7's lines (``eval/real-wording/round7/``) are held out; round 6's, 5's,
    4's and 2's lines, each held out until the next round was collected, are reported apart; round 2's lines
    collected as design lines (``"part": "design"``) and everything else are design."""
    if record.get("round") in ROUND_PARTS:
        return ROUND_PARTS[record["round"]]  # type: ignore[index]
    if record.get("part") == "design":
        return "design"
    return "round 2 (design since round 4)" if record.get("round") == 2 else "design"


def round_files(folder: str) -> list[str]:
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".jsonl"))


def _read_jsonl(path: str) -> list[dict[str, object]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_real_wording(path: str = REAL_WORDING, rounds: dict[int, str] | None = None) -> list[dict[str, object]]:
    """Every line of the set: lines.jsonl, then each round's files (each of their records says its round)."""
    records = _read_jsonl(path)
    for number, folder in (ROUND_FOLDERS if rounds is None else rounds).items():
        for name in round_files(folder):
            for record in _read_jsonl(name):
                if record.get("round") != number:
                    raise ValueError(f"{name}: a line without \"round\": {number}: {record.get('text')!r:.60}")
                records.append(record)
    return records


def round_digest(folder: str = ROUND4) -> str | None:
    """One sha256 over a round's files, in name order (None while there are none)."""
    files = round_files(folder)
    if not files:
        return None
    digest = hashlib.sha256()
    for name in files:
        digest.update(os.path.basename(name).encode("utf-8") + b"\0")
        with open(name, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()


# A record may name several outlets ("Efe, Reuters e AP", "picture alliance/dpa/AP", "Action Images via Reuters"):
# finding any one of them is finding the credit.
EXPECTED_PARTS = re.compile(r"\s*(?:[,/;|+&]|\s(?:and|e|y|et|und|dan|và|via|über)\s)\s*", re.IGNORECASE)


def _expected_keys(name: str) -> set[str]:
    from auditor.rulekit.outlets import canonical_name, domain_of

    keys = set()
    for part in {name, *EXPECTED_PARTS.split(name)}:
        part = part.strip()
        if not part:
            continue
        keys |= {fold(part), fold(part).removeprefix("the "), fold(part).removeprefix("www.")}
        canonical = canonical_name(part)
        if canonical:
            keys.add(fold(canonical))
        domain = domain_of(part)
        if domain:
            keys.add(fold(domain))
    return keys


def found_in_line(record: dict[str, object], article: ArticleReport) -> bool:
    """Whether the audit of one excerpt shows the finding its family is about."""
    family = record["family"]
    if family == "citation":
        keys = [names | {n.removeprefix("the ") for n in names} for names, _ in source_keys(article)]
        if not record["expect"]:
            return bool(keys)
        expected = _expected_keys(str(record["source"]))
        return any(names & expected for names in keys)
    if family == "ai-disclosure":
        return article.ai_disclosure
    return any(f.category == family for f in article.findings)


def audit_lines(records: list[dict[str, object]]) -> list[ArticleReport]:
    """Each excerpt audited on its own, as a plain-text article in its language (lean off)."""
    from auditor.api import active_rules, audit_document, finish_article
    from auditor.document import Document

    config = Config(lean=False)
    rules = active_rules(config)
    reports = []
    failed = set()
    for number, record in enumerate(records):
        document = Document(path=f"{record['site']}#{number}", text=str(record["text"]), format="text",
                            metadata={"language": record["language"]})
        report = finish_article(audit_document(document, rules, config).report)
        failed.update(f"{code}: {why}" for code, why in report.rule_failures)
        reports.append(report)
    if failed:  # a rule that raised found nothing on that line: the figures would hide a bug
        raise SystemExit("eval_rules: rules failed on real-wording lines:\n  " + "\n  ".join(sorted(failed)))
    return reports


def evaluate_real_wording(path: str = REAL_WORDING, *, misses: bool = False) -> dict[str, object]:
    records = read_real_wording(path)
    reports = audit_lines(records)
    tallies: dict[tuple[str, str], Tally] = {}
    wrong = []
    for record, article in zip(records, reports):
        part = part_of(record)
        found = found_in_line(record, article)
        tallies.setdefault((part, record["family"]), Tally()).add(bool(record["expect"]), found)
        if misses and part in DESIGN_PARTS and found != record["expect"]:
            wrong.append({"family": record["family"], "expect": record["expect"], "language": record["language"],
                          "kind": record["kind"], "text": record["text"], "part": part,
                          "got": [(f.rule, f.message) for f in article.findings]})
    result: dict[str, object] = {
        "digest": sha256_of(path),
        "round4_digest": round_digest(ROUND4),
        "round5_digest": round_digest(ROUND5),
        "round6_digest": round_digest(ROUND6),
        "round7_digest": round_digest(ROUND7),
        "lines": len(records),
        "sites": len({r["site"] for r in records}),
        # A family a part has no line of is left out (as round 7 was while only its AI notices were in).
        "parts": {part: {family: tallies[(part, family)].figures() for family in FAMILIES
                         if (part, family) in tallies}
                  for part in PARTS},
    }
    if misses:
        result["design_misses"] = wrong
    return result


def evaluate(eval_dir: str) -> dict[str, object]:
    return {
        "real-articles": evaluate_real_articles(os.path.join(eval_dir, "real-articles")),
        "cookie-banners-html": evaluate_cookie_pages(os.path.join(eval_dir, "cookie-banners-html")),
    }


def _fmt(value: object) -> str:
    return "—" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def print_table(results: dict[str, object]) -> None:
    real = results["real-articles"]
    pages = results["cookie-banners-html"]
    print(f"real-articles ({real['articles']} articles, expected.json sha256 {real['digest'][:12]})")
    print(f"{'family':<22}{'n+':>5}{'n-':>5}{'recall':>9}{'precision':>11}{'false-alarm':>13}{'F1':>8}")
    s = real["sources"]
    print(f"{'sources (groups)':<22}{s['groups']:>5}{s['no_source_articles']:>5}{_fmt(s['recall']):>9}"
          f"{_fmt(s['precision']):>11}{_fmt(s['false_alarm_rate']):>13}{_fmt(s['f1']):>8}")
    for family in ("ai-disclosure", "debris", "cookie-banner"):
        f = real[family]
        print(f"{family:<22}{f['positives']:>5}{f['negatives']:>5}{_fmt(f['recall']):>9}"
              f"{_fmt(f['precision']):>11}{_fmt(f['false_alarm_rate']):>13}{_fmt(f['f1']):>8}")
    print(f"{'photo/video roles':<22}{real['roles']['expected']:>5}{'':>5}{'accuracy':>9} {_fmt(real['roles']['accuracy'])}")
    c = pages["cookie-banner"]
    print(f"\ncookie-banners-html ({pages['pages']} pages not doubtful, labels.csv sha256 {pages['digest'][:12]})")
    print(f"{'cookie-banner':<22}{c['positives']:>5}{c['negatives']:>5}{_fmt(c['recall']):>9}"
          f"{_fmt(c['precision']):>11}{_fmt(c['false_alarm_rate']):>13}{_fmt(c['f1']):>8}")
    print(f"{'naive reference':<22}{'':>10}{1.0:>9.3f}{0.75:>11.3f}{'':>13}{0.86:>8.3f}")


def print_real_wording(results: dict[str, object]) -> None:
    rounds = ", ".join(f"round{n}/ sha256 {(results.get(f'round{n}_digest') or 'none')[:12]}" for n in (4, 5, 6, 7))
    print(f"\nreal-wording ({results['lines']} lines from {results['sites']} sites, lines.jsonl sha256 "
          f"{results['digest'][:12]}, {rounds})")
    print(f"{'part':<32}{'family':<16}{'n+':>5}{'n-':>5}{'recall':>9}{'false-alarm':>13}")
    for part, families in results["parts"].items():
        for family, f in families.items():
            print(f"{part:<32}{family:<16}{f['positives']:>5}{f['negatives']:>5}{_fmt(f['recall']):>9}"
                  f"{_fmt(f['false_alarm_rate']):>13}")
    for miss in results.get("design_misses", []):
        what = "missed" if miss["expect"] else "false alarm"
        print(f"\n[{miss['part']}] {what} {miss['family']} {miss['language']} ({miss['kind']}): {miss['text']!r}\n  got {miss['got']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=DEFAULT_EVAL_DIR)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="list the design parts' misses (never the held-out's)")
    parser.add_argument("--only-real-wording", action="store_true", help="skip ../shared/eval")
    args = parser.parse_args(argv)
    wording = evaluate_real_wording(misses=args.misses)
    if args.only_real_wording:
        results: dict[str, object] = {"real-wording": wording}
    elif not os.path.isdir(args.eval_dir):
        print(f"eval_rules: no evaluation data at {args.eval_dir}", file=sys.stderr)
        return 2
    else:
        results = {**evaluate(args.eval_dir), "real-wording": wording}
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    if "real-articles" in results:
        print_table(results)
    print_real_wording(wording)
    return 0


if __name__ == "__main__":
    sys.exit(main())
