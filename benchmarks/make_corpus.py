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


def vary(pool: list[str], rng: random.Random) -> str:
    """A distinct article from a language's sentence pool: 6-20 sentences, new figures, half the words replaced."""
    out = []
    for sentence in rng.sample(pool, min(len(pool), rng.randint(6, 20))):
        sentence = _NUMBER.sub(lambda m: str(rng.randint(2, 9999)), sentence)
        sentence = _WORD.sub(lambda m: _made_up_word(rng) if rng.random() < 0.5 else m.group(0), sentence)
        out.append(sentence)
    paragraphs, i = [], 0
    while i < len(out):
        step = rng.randint(1, 3)
        paragraphs.append(" ".join(out[i:i + step]))
        i += step
    return "\n\n".join(paragraphs)


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
    pools: dict[str, list[str]] = {}
    for text, language in load_seeds():
        pools.setdefault(language, []).extend(s.strip() for s in _SENTENCE.split(text) if len(s.strip()) > 20)
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
        data = dress(body, rng, cited).encode("utf-8")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        written += len(data)
        manifests.setdefault(folder, {})[name] = {
            "outlet": OUTLETS[outlet][0], "domain": OUTLETS[outlet][1], "language": language}
    for folder, articles in manifests.items():
        (folder / "manifest.json").write_text(
            json.dumps({"version": 1, "articles": articles}, ensure_ascii=False, indent=0), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    written = generate(args.out_dir, args.count, args.seed)
    print(f"{args.count} articles, {written / 1e6:.1f} MB in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
