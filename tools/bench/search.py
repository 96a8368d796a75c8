"""Benchmark: the bytes a phone downloads for search before the first result shows, in gzip.

    python tools/bench/search.py               # the current site, then a synthetic one
    python tools/bench/search.py --pages 200   # synthetic site size (pages per language)

Each site is built into a temporary folder (MkDocs `load_config` + `build`, as tests/conftest.py
does), served on 127.0.0.1 and opened in Debian's Chromium at a phone viewport (360×740). For each
query: a fresh browser context opens the home page of the query's language and waits for it to
settle; then the header search icon is tapped, the query typed, and the first result awaited.
Counted, each at its `gzip -9` size (what a server that compresses sends): every file fetched from
the tap to the first result, search's code included (assets/kb-search.js, which assets/kb.js loads
when search opens). Also printed, for context: the whole page before the tap, and the index on disk.
The synthetic site is made of pages whose text is drawn, with a fixed seed, from the real pages'
words, so its vocabulary grows like a real site's would.
"""

import argparse
import functools
import gzip
import http.server
import logging
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import variants  # a sibling: Python puts the script's folder on sys.path
import yaml

from kb.text import terms

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
QUERIES = [
    ("es", "buyout"),
    ("es", "devolucion"),
    ("es", "me cobraron doble"),
    ("es", "hablar con alguien en español"),
    ("en", "late fee"),
    ("en", "how much does the buyout cost"),
    ("es", "contrato pagos tienda"),  # the most frequent words: the largest postings files
    ("en", "lease store call"),
]
HOME = {"es": "", "en": "en/"}
PHRASINGS = 12  # readers' phrasings a section of a generated page (the site: ~2,000 a language)
BUDGET = yaml.safe_load((ROOT / "data" / "budgets.yml").read_text(encoding="utf-8"))["search_first_result"]


def build(root: Path, site: Path, strict: bool = True) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    level = logger.level
    if not strict:  # the synthetic site uses none of the scripts: don't list them 500 times
        logger.setLevel(logging.ERROR)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
        logger.setLevel(level)


def synthetic(root: Path, pages: int, seed: int = 6) -> None:
    """A copy of the project whose docs are `pages` generated pages per language (plus a home)."""
    root.mkdir(parents=True)
    for shared in ("hooks", "overrides"):
        (root / shared).symlink_to(ROOT / shared)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    rng = random.Random(seed)
    urls, asked = [], {}
    for lang in HOME:
        docs = root / "docs" / lang
        docs.mkdir(parents=True)
        words = _vocabulary(ROOT / "docs" / lang)
        weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf-like, as real text
        for number in range(pages + 1):
            name, url = (
                ("index", HOME[lang] or "./")
                if not number
                else (f"p{number:04d}", f"{HOME[lang]}p{number:04d}/")
            )
            sections = random.Random(number).randint(5, 8)  # the same in both languages, as the build checks
            (docs / f"{name}.md").write_text(
                _page(rng, words, weights, lang, "page" if number else "home", number, sections),
                encoding="utf-8",
            )
            urls += [url, *(f"{url}#s{s}" for s in range(1, sections + 1))]
            if number:
                drawn = _phrasings(random.Random(seed + number), words, weights, lang, sections)
                asked.setdefault(name, {})[lang] = drawn
    _data(root / "data", urls)
    folder = root / "data" / "asked"  # the generated pages' own readers' phrasings, not the real ones
    folder.unlink()
    folder.mkdir()
    for name, by_lang in asked.items():
        (folder / f"{name}.yml").write_text(yaml.safe_dump(by_lang, allow_unicode=True), encoding="utf-8")


def _data(folder: Path, urls: list[str]) -> None:
    """The real data files, but no scripts, sources, lexicon or glossary (no generated page places,
    links or uses them: the build would fail on unused ones) and the generated pages' published URLs."""
    placeholders = (ROOT / "data" / "scripts.yml").read_text(encoding="utf-8").split("\nscripts:")[0]
    written = {
        "scripts.yml": placeholders + "\nscripts: []\n",
        "sources.yml": "sources: []\n",
        "published-urls.txt": "\n".join(urls) + "\n",
        "synonyms.yml": "# none: the generated pages do not use the guides' words the lexicon maps to\n",
        "glossary.yml": "terms: []\n",
        # The search panel's phone number needs its source quoted, and no generated page cites one.
        "ui.yml": re.sub(
            r"\n *search(Phone|Tel):[^\n]*", "", (ROOT / "data" / "ui.yml").read_text(encoding="utf-8")
        ),
    }
    variants.data(folder, written)


def _vocabulary(docs: Path) -> list[str]:
    counts: dict[str, int] = {}
    for page in docs.glob("*.md"):
        body = page.read_text(encoding="utf-8").split("---", 2)[-1]
        body = re.sub(r"\]\([^)]*\)|<!--.*?-->|\{[^}]*\}|&\w+;|https?://\S+", " ", body)  # markup, not words
        for word in re.findall(r"[^\W\d_]{2,}", body):
            counts[word.lower()] = counts.get(word.lower(), 0) + 1
    return sorted(counts, key=lambda w: -counts[w])


def _phrasings(rng, words, weights, lang: str, sections: int) -> dict[str, list[str]]:
    """Readers' phrasings (data/asked/, kb/asked.py) as many a section as the real site has (12), each
    5-12 words drawn like the pages' text, so the phrase lists grow with the site as real ones would."""
    out = {}
    for section in range(1, sections + 1):
        drawn = {" ".join(rng.choices(words, weights, k=rng.randint(5, 12))) for _ in range(PHRASINGS)}
        kept = sorted(text for text in drawn if terms(text, lang))  # the build refuses stop words only
        if kept:
            out[f"s{section}"] = kept
    return out


def _page(rng, words, weights, lang: str, kind: str, number: int, sections: int) -> str:
    def sentence(n: int) -> str:
        text = " ".join(rng.choices(words, weights, k=n))
        return text[:1].upper() + text[1:] + "."

    # Keywords as an author writes them: words that mean something (the build refuses stop words).
    keywords = ", ".join(rng.choices([w for w in words[:600] if terms(w, lang)][:400], k=6))
    lines = [
        "---",
        f"title: {sentence(4)[:-1]}",
        f'description: "{sentence(14)}"',
        "reviewed: 2026-11-26",
        f"type: {kind}",
        f"keywords: [{keywords}]",
        "---",
        "",
        f"# {sentence(4)[:-1]} {number}",
        "",
        " ".join(sentence(rng.randint(6, 14)) for _ in range(3)),
    ]
    for section in range(1, sections + 1):
        lines += ["", f"## {sentence(3)[:-1]} {{ #s{section} }}", ""]
        lines += [" ".join(sentence(rng.randint(6, 14)) for _ in range(rng.randint(3, 7)))]
    return "\n".join(lines) + "\n"


def serve(site: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    httpd.handle_error = lambda request, address: None  # a page left mid-download is not news
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def gzip_size(site: Path, url: str) -> int:
    path = site / urlsplit(url).path.lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return len(gzip.compress(path.read_bytes(), 9)) if path.is_file() else 0


def measure(browser, site: Path, base: str, lang: str, query: str) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + HOME[lang])
    page.wait_for_load_state("networkidle")
    before = list(requested)
    page.locator('label.md-header__button[for="__search"]').click()
    page.locator(".md-search__input").fill(query)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result').getAttribute('data-kb-query') === q"
        " && document.querySelector('.md-search-result__list a')",
        arg=query,
        timeout=15000,
    )
    after = requested[len(before) :]
    context.close()
    return {
        "page": sum(gzip_size(site, u) for u in before),
        "search": sum(gzip_size(site, u) for u in after),
        "files": len(after),
    }


def report(name: str, site: Path, browser, queries) -> int:
    httpd, base = serve(site)
    try:
        index = [f for lang in HOME for f in (site / HOME[lang] / "kb-search").rglob("*") if f.is_file()]
        on_disk = sum(f.stat().st_size for f in index)
        print(f"\n{name}: index {len(index)} files, {on_disk / 1024:.0f} KB on disk (both languages)")
        print(f"  {'lang':4} {'query':34} {'search gzip':>11} {'files':>5} {'page before tap':>15}")
        worst = 0
        for lang, query in queries:
            m = measure(browser, site, base, lang, query)
            worst = max(worst, m["search"])
            search, page = m["search"] / 1024, m["page"] / 1024
            print(f"  {lang:4} {query:34} {search:9.1f} KB {m['files']:5} {page:12.1f} KB")
        print(
            f"  largest: {worst / 1024:.1f} KB of search before the first result (aim <= {BUDGET // 1024} KB)"
        )
        return worst
    finally:
        httpd.shutdown()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=500, help="synthetic pages per language (default 500)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        started = time.monotonic()
        build(ROOT, tmp / "site")
        synthetic(tmp / "synthetic", args.pages)
        build(tmp / "synthetic", tmp / "synthetic-site", strict=False)
        print(f"built both sites in {time.monotonic() - started:.0f} s")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            current = report("current site", tmp / "site", browser, QUERIES)
            grown = report(
                f"synthetic site, {args.pages} pages per language", tmp / "synthetic-site", browser, QUERIES
            )
        finally:
            browser.close()
    pages = len(list((ROOT / "docs" / "es").glob("*.md")))
    print(
        f"\nbench-search: current {current / 1024:.1f} KB, synthetic {grown / 1024:.1f} KB "
        f"({args.pages + 1} / {pages} = {(args.pages + 1) / pages:.0f}× the pages, "
        f"{grown / max(1, current):.1f}× the bytes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
