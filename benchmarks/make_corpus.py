#!/usr/bin/env python
"""Generate a synthetic corpus of N articles from the seed articles, for benchmarks and scale tests.

    python benchmarks/make_corpus.py OUT_DIR --count 10000 [--seed 0]

Seeds are the sample corpus (corpus/) and the multilingual training texts
(training/lean/texts.jsonl, seven languages). Each article is a draw of sentences from the
seeds of one language, whose figures are redrawn and half of whose words are swapped for
generated words — so articles are distinct, as in a real archive, and LSH finds few candidates by
chance — then dressed the way the web dresses articles: a source footer, a cookie banner,
an AI disclosure, a promo line. About one article in twelve is a derived copy of an
earlier one (same text, a new footer, a sentence dropped), citing it or not. Files go in
folders of 1,000 with a manifest.json giving each file's outlet, domain and language.
The output depends only on N and the seed.

    python benchmarks/make_corpus.py OUT_DIR --count 10000 --realistic

The realistic corpus (``generate_realistic``) is the other kind: that one draws every
article from the same small pools of seed sentences, so chance LSH collisions connect each
article to ~15 others. Here each article is its own story: nine words in ten of four
letters or more are new, its names are its own, its figures redrawn, so articles share
little more than function words, as the stories of a newsroom archive do. A known share
derives from an earlier article: 4% copies (a paragraph dropped, as wire copy is
republished), 3% rewrites (sentences reordered and dropped, a quarter of the words
changed, the facts kept) and 2% translations (another language's sentences carrying the
original's names and figures). OUT_DIR.truth.tsv lists each derived file, its kind and
its original.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PER_FOLDER = 1000
DERIVED_SHARE = 1 / 12
REALISTIC_SHARES = (("copy", 0.04), ("rewrite", 0.03), ("translation", 0.02))

OUTLETS = [("Dantri", "dantri.com.vn"), ("CNBC", "cnbc.com"), ("Reuters", "reuters.com"),
           ("VnExpress", "vnexpress.net"), ("Le Monde", "lemonde.fr"), ("El País", "elpais.com"),
           ("Kompas", "kompas.com"), ("Der Spiegel", "spiegel.de"), ("Folha", "folha.uol.com.br")]
FOOTERS = ["SOURCE: {outlet} | PHOTO: REUTERS", "Source: {outlet}", "Nguồn: {outlet}",
           "Theo {outlet}", "Quelle: {outlet}", "Fuente: {outlet}"]
BANNERS = ["This website uses cookies. By continuing to use this site, you accept our use of cookies.",
           "Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn. Chấp nhận tất cả"]
DISCLOSURES = ["This article was written with the help of AI and reviewed by our editors.",
               "Bài viết có sự hỗ trợ của trí tuệ nhân tạo (AI)."]
PROMOS = ["Subscribe to our newsletter for the latest news.", "Read more: the week in markets"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_WORD = re.compile(r"[^\W\d_]{4,}")
SYLLABLES = ("ka", "lo", "mi", "ren", "sa", "tor", "vu", "ne", "pha", "qui", "do", "bel", "an", "ri", "zo")


def load_seeds() -> list[tuple[str, str]]:
    """(text, language) of every seed article, in a stable order."""
    seeds = []
    manifest = json.loads((ROOT / "corpus" / "manifest.json").read_text(encoding="utf-8"))["articles"]
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        seeds.append((path.read_text(encoding="utf-8"), manifest.get(path.name, {}).get("language", "en")))
    for line in (ROOT / "training" / "lean" / "texts.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            seeds.append((record["text"], record["lang"]))
    return seeds


def _made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def _sentence_pools() -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {}
    for text, language in load_seeds():
        pools.setdefault(language, []).extend(s.strip() for s in _SENTENCE.split(text) if len(s.strip()) > 20)
    return pools


def _write_article(path: Path, text: str, outlet: tuple[str, str], language: str,
                   manifests: dict[Path, dict]) -> int:
    data = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    manifests.setdefault(path.parent, {})[path.name] = {"outlet": outlet[0], "domain": outlet[1], "language": language}
    return len(data)


def _write_manifests(manifests: dict[Path, dict]) -> None:
    for folder, articles in manifests.items():
        (folder / "manifest.json").write_text(
            json.dumps({"version": 1, "articles": articles}, ensure_ascii=False, indent=0), encoding="utf-8")


def vary(pool: list[str], rng: random.Random) -> str:
    """A distinct article from a language's sentence pool: 6-20 sentences, new figures, half the words replaced."""
    out = []
    for sentence in rng.sample(pool, min(len(pool), rng.randint(6, 20))):
        sentence = _NUMBER.sub(lambda m: str(rng.randint(2, 9999)), sentence)
        sentence = _WORD.sub(lambda m: _made_up_word(rng) if rng.random() < 0.5 else m.group(0), sentence)
        out.append(sentence)
    return _paragraphs(out, rng)


def derive(text: str, rng: random.Random) -> str:
    """A derived copy: the same article with a paragraph dropped (a lazy rewrite)."""
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(len(paragraphs))]
    return "\n\n".join(paragraphs)


def dress(body: str, rng: random.Random, cited: str | None) -> str:
    lines = [body]
    if rng.random() < 0.15:
        lines.append(rng.choice(PROMOS))
    if rng.random() < 0.1:
        lines.append(rng.choice(DISCLOSURES))
    if cited:
        lines.append(rng.choice(FOOTERS).format(outlet=cited))
    if rng.random() < 0.1:
        lines.append(rng.choice(BANNERS))
    return "\n".join(lines) + "\n"


def generate(out_dir: Path, count: int, seed: int = 0) -> int:
    """Write ``count`` articles under ``out_dir``; returns the bytes written."""
    rng = random.Random(seed)
    pools = _sentence_pools()
    languages = sorted(pools)
    bodies: list[tuple[str, str, int]] = []  # (body, language, outlet index) of originals, for derived copies
    written = 0
    manifests: dict[Path, dict] = {}
    for number in range(count):
        folder = out_dir / f"{number // PER_FOLDER:04d}"
        outlet = rng.randrange(len(OUTLETS))
        if bodies and rng.random() < DERIVED_SHARE:
            original, language, original_outlet = rng.choice(bodies)
            body = derive(original, rng)
            # Half the copies credit the original outlet; the rest are uncited lean.
            cited = OUTLETS[original_outlet][0] if rng.random() < 0.5 else None
        else:
            language = rng.choice(languages)
            body = vary(pools[language], rng)
            cited = rng.choice(OUTLETS)[0] if rng.random() < 0.4 else None
            if len(bodies) < 5000:  # a bounded pool to copy from keeps memory flat
                bodies.append((body, language, outlet))
            else:
                bodies[rng.randrange(len(bodies))] = (body, language, outlet)
        name = f"{number:07d}.txt"
        written += _write_article(folder / name, dress(body, rng, cited), OUTLETS[outlet], language, manifests)
    _write_manifests(manifests)
    return written


_CAPITALISED = re.compile(r"\b[^\W\d_a-z][^\W\d_]{3,}")


def _story(pool: list[str], rng: random.Random, swap: float = 0.9) -> str:
    """A story of its own: 6-20 sentences of a language, its own names and figures, most words new."""
    names = [_made_up_word(rng).capitalize() for _ in range(rng.randint(2, 5))]
    out = []
    for sentence in rng.sample(pool, min(len(pool), rng.randint(6, 20))):
        sentence = _NUMBER.sub(lambda m: str(rng.randint(2, 99999)), sentence)
        sentence = _CAPITALISED.sub(lambda m: rng.choice(names), sentence)
        sentence = _WORD.sub(lambda m: _made_up_word(rng) if rng.random() < swap else m.group(0), sentence)
        out.append(sentence)
    return _paragraphs(out, rng)


def _paragraphs(sentences: list[str], rng: random.Random) -> str:
    paragraphs, i = [], 0
    while i < len(sentences):
        step = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i:i + step]))
        i += step
    return "\n\n".join(paragraphs)


def _sentences(body: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(body) if s.strip()]


def _rewrite(body: str, rng: random.Random) -> str:
    """The same facts told again: sentences reordered and some dropped, a quarter of the words changed."""
    sentences = _sentences(body)
    kept = [s for s in sentences if rng.random() < 0.8] or sentences[:1]
    for i in range(len(kept) - 1):
        if rng.random() < 0.3:
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
    kept = [_WORD.sub(lambda m: _made_up_word(rng) if rng.random() < 0.25 else m.group(0), s) for s in kept]
    return _paragraphs(kept, rng)


def _translation(body: str, pool: list[str], rng: random.Random) -> str:
    """Another language's sentences carrying the original's names and figures, in their order."""
    figures = iter(_NUMBER.findall(body))
    names = _CAPITALISED.findall(body) or ["Kalo"]
    out = []
    for i, sentence in enumerate(rng.sample(pool, min(len(pool), max(4, len(_sentences(body)))))):
        sentence = _NUMBER.sub(lambda m: next(figures, m.group(0)), sentence)
        sentence = _CAPITALISED.sub(lambda m, i=i: names[(i + len(out)) % len(names)], sentence)
        sentence = _WORD.sub(lambda m: _made_up_word(rng) if rng.random() < 0.9 else m.group(0), sentence)
        out.append(sentence)
    return _paragraphs(out, rng)


def generate_realistic(out_dir: Path, count: int, seed: int = 0) -> int:
    """Write ``count`` mostly distinct articles under ``out_dir`` (see the module's doc)."""
    rng = random.Random(seed)
    pools = _sentence_pools()
    languages = sorted(pools)
    originals: list[tuple[str, str, int, str]] = []  # (body, language, outlet index, file) to derive from
    truth: list[str] = []
    written = 0
    manifests: dict[Path, dict] = {}
    for number in range(count):
        folder = out_dir / f"{number // PER_FOLDER:04d}"
        name = f"{number:07d}.txt"
        outlet = rng.randrange(len(OUTLETS))
        draw, kind, bound = rng.random(), None, 0.0
        for candidate, share in REALISTIC_SHARES:
            bound += share
            if draw < bound:
                kind = candidate
                break
        if kind and originals:
            original, language, original_outlet, original_file = rng.choice(originals)
            if kind == "copy":
                body = derive(original, rng)
            elif kind == "rewrite":
                body = _rewrite(original, rng)
            else:
                language = rng.choice([lang for lang in languages if lang != language])
                body = _translation(original, pools[language], rng)
            cited = OUTLETS[original_outlet][0] if rng.random() < 0.5 else None
            truth.append(f"{folder.name}/{name}\t{kind}\t{original_file}")
        else:
            language = rng.choice(languages)
            body = _story(pools[language], rng)
            cited = rng.choice(OUTLETS)[0] if rng.random() < 0.4 else None
            entry = (body, language, outlet, f"{folder.name}/{name}")
            if len(originals) < 5000:  # a bounded pool to derive from keeps memory flat
                originals.append(entry)
            else:
                originals[rng.randrange(len(originals))] = entry
        written += _write_article(folder / name, dress(body, rng, cited), OUTLETS[outlet], language, manifests)
    _write_manifests(manifests)
    out_dir.with_name(out_dir.name + ".truth.tsv").write_text(
        "file\tkind\toriginal\n" + "".join(line + "\n" for line in truth), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--realistic", action="store_true", help="mostly distinct stories (see above)")
    args = parser.parse_args(argv)
    written = (generate_realistic if args.realistic else generate)(args.out_dir, args.count, args.seed)
    print(f"{args.count} articles, {written / 1e6:.1f} MB in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
