"""Checks on the built site that MkDocs cannot make itself, and the helpers that read a built site.

`make test` runs them through the command line, tools/kbcheck.py:

    python tools/kbcheck.py ids            # every page has the same section IDs in es and en
    python tools/kbcheck.py readability    # Fernández-Huerta (es) / Flesch (en) per page
    python tools/kbcheck.py urls           # every published URL#anchor still exists
    python tools/kbcheck.py urls --update  # add new sections to data/published-urls.txt
    python tools/kbcheck.py problems       # real problem phrasings: each lands on a section that exists
    python tools/kbcheck.py all

The tests read built pages with the same helpers (article, section_text, …).
"""

import argparse
import re
import sys
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup

from kb import ROOT
from kb.langs import LANGS as _CODES
from kb.langs import prefix

SITE = ROOT / "site"
PUBLISHED = ROOT / "data" / "published-urls.txt"
PROBLEMS = ROOT / "tests" / "problems"
LANGS = {lang: prefix(lang) for lang in _CODES}  # language → where its site starts
MIN_READABILITY = 60


# Pages


def page_names(docs: Path = ROOT / "docs") -> list[str]:
    """Page paths without language or extension: 'index', 'compra-anticipada', …"""
    return sorted(p.relative_to(docs / "es").with_suffix("").as_posix() for p in (docs / "es").rglob("*.md"))


def url_of(name: str, lang: str) -> str:
    """The site-relative URL of a page, as published: '', 'en/', 'compra-anticipada/', …"""
    path = "" if name == "index" else f"{name}/"
    return LANGS[lang] + path


def html_file(site: Path, name: str, lang: str) -> Path:
    return site / url_of(name, lang) / "index.html"


@lru_cache(maxsize=256)
def _soup(path: Path, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def soup(path: Path) -> BeautifulSoup:
    return _soup(path, path.stat().st_mtime)


def article(page: BeautifulSoup):
    return page.select_one("article.md-content__inner")


def section_ids(page: BeautifulSoup) -> set[str]:
    """IDs a helper may link to: every h2–h4 of the article (h1 is the page itself)."""
    return {h["id"] for h in article(page).select("h2[id], h3[id], h4[id]")}


def section_text(page: BeautifulSoup, sid: str) -> str:
    """Text of the section under heading `sid`, up to the next heading of the same or higher level."""
    heading = article(page).find(id=sid)
    if heading is None or not re.fullmatch(r"h[1-6]", heading.name):
        return ""
    level = int(heading.name[1])
    parts = []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name) and int(sibling.name[1]) <= level:
            break
        parts.append(sibling.get_text(" ", strip=True))
    return " ".join(parts).strip()


def reading_text(page: BeautifulSoup) -> str:
    """The prose a reader reads: article text without headings' permalinks, tables or form labels."""
    body = BeautifulSoup(str(article(page)), "html.parser")
    for junk in body.select(".headerlink, table, form, .kb-kind, .kb-copy, .kb-reviewed, .kb-sources, abbr"):
        if junk.name == "abbr":
            junk.unwrap()
        else:
            junk.decompose()
    blocks = [el.get_text(" ", strip=True) for el in body.select("p, li, h1, h2, h3, h4, dd, dt")]
    # A list item or heading is a sentence of its own even without a full stop.
    return " ".join(b if b.endswith((".", "?", "!", ":")) else b + "." for b in blocks if b)


# Checks


def check_ids(site: Path = SITE) -> list[str]:
    problems = []
    for name in page_names():
        es, en = (section_ids(soup(html_file(site, name, lang))) for lang in ("es", "en"))
        if es != en:
            problems.append(
                f"{name}: section IDs differ: only in es {sorted(es - en)}, only in en {sorted(en - es)}"
            )
    return problems


def readability(text: str, lang: str) -> float:
    """Fernández-Huerta for Spanish (textstat); Flesch reading ease for English.

    English is computed here with pyphen syllables because textstat's English scores download
    NLTK's cmudict at run time, which fails offline.
    """
    import textstat

    if lang == "es":
        textstat.set_lang("es")
        return textstat.fernandez_huerta(text)
    import pyphen

    dic = pyphen.Pyphen(lang="en_US")
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    sentences = max(1, len(re.findall(r"[.!?:]+(?:\s|$)", text)))
    syllables = sum(max(1, len(dic.positions(w)) + 1) for w in words)
    return 206.835 - 1.015 * len(words) / sentences - 84.6 * syllables / max(1, len(words))


def guides() -> list[str]:
    """Pages whose front matter says `type: guide`."""
    docs = ROOT / "docs" / "es"
    return [n for n in page_names() if re.search(r"^type:\s*guide\s*$", (docs / f"{n}.md").read_text(), re.M)]


def check_readability(site: Path = SITE, verbose: bool = False) -> list[str]:
    problems = []
    guide_names = guides()
    for name in page_names():
        for lang in LANGS:
            score = readability(reading_text(soup(html_file(site, name, lang))), lang)
            if verbose:
                print(f"{lang} {name:24} {score:6.1f}")
            if name in guide_names and score < MIN_READABILITY:
                problems.append(f"{lang}/{name}: readability {score:.1f} < {MIN_READABILITY}")
    return problems


def published_urls(site: Path = SITE) -> list[str]:
    """Every page URL and every URL#section of a built site (pages are its `…/index.html` files)."""
    urls = []
    for path in sorted(site.rglob("index.html")):
        page = soup(path)
        if article(page) is None or page.select_one('meta[http-equiv="refresh"]'):
            continue
        url = path.parent.relative_to(site).as_posix() + "/"
        urls.append(url)
        urls += [f"{url}#{sid}" for sid in sorted(section_ids(page))]
    return urls


def check_urls(site: Path = SITE, listed: Path = PUBLISHED) -> list[str]:
    now = set(published_urls(site))
    entries = [
        line.strip() for line in listed.read_text().splitlines() if line.strip() and not line.startswith("#")
    ]
    problems = [
        f"{listed.name}: '{entry}' no longer exists: restore the page or heading ID, "
        'or add an ID alias (<a id="old-id"></a>) or a redirect page where it moved'
        for entry in entries
        if entry not in now and not _moved(site, entry)
    ]
    problems += [
        f"{listed.name}: new section '{url}' is not listed: run `python tools/kbcheck.py urls --update`"
        for url in sorted(now - set(entries))
    ]
    return problems


def _moved(site: Path, entry: str) -> bool:
    """A redirect page or an alias anchor (`<a id="old">`) keeps an old link working."""
    path, _, anchor = entry.partition("#")
    target = site / (path if path != "./" else "") / "index.html"
    if not target.exists():
        return False
    page = soup(target)
    if page.select_one('meta[http-equiv="refresh"]'):
        return True
    return bool(anchor) and page.find(id=anchor) is not None


def update_urls(site: Path = SITE, listed: Path = PUBLISHED) -> int:
    old = listed.read_text().splitlines() if listed.exists() else [_HEADER]
    new = [u for u in published_urls(site) if u not in old]
    listed.write_text("\n".join(old + new) + "\n")
    return len(new)


_HEADER = (
    "# Every published URL and section (site-relative). Never delete a line: a shared link must keep working."
)


def problem_sets(folder: Path = PROBLEMS) -> dict[str, dict[str, list[dict]]]:
    """The real problem phrasings, by set ('tuning', 'heldout') and language."""
    import yaml

    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yml"))}


def check_problems(site: Path = SITE, verbose: bool = False) -> list[str]:
    """Every phrasing maps to `page#section` or to null with a `why:`; a mapped section must exist
    and hold text in the phrasing's language. Prints how many the site answers."""
    problems = []
    for set_name, by_lang in problem_sets().items():
        for lang, entries in by_lang.items():
            answered = 0
            for number, entry in enumerate(entries, 1):
                where = f"tests/problems/{set_name}.yml: {lang} #{number} {entry.get('q', '')[:50]!r}"
                if not entry.get("q") or "at" not in entry:
                    problems.append(f"{where}: needs `q:` and `at:`")
                    continue
                if entry["at"] is None:
                    if not entry.get("why"):
                        problems.append(f"{where}: `at: null` needs a `why:`")
                    continue
                name, _, sid = entry["at"].partition("#")
                path = html_file(site, name, lang)
                if not path.exists() or not sid or not section_text(soup(path), sid):
                    problems.append(f"{where}: {entry['at']} is not a section with text in {lang}")
                    continue
                answered += 1
            if verbose:
                share = 100 * answered / max(1, len(entries))
                print(
                    f"problems {set_name:8} {lang}: {answered} of {len(entries)} "
                    f"answered by a section ({share:.0f}%)"
                )
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("check", choices=["ids", "readability", "urls", "problems", "all"])
    parser.add_argument("--site", type=Path, default=SITE)
    parser.add_argument("--update", action="store_true", help="with urls: append new sections")
    args = parser.parse_args(argv)
    if args.check == "urls" and args.update:
        print(f"{update_urls(args.site)} new entries added to {PUBLISHED.relative_to(ROOT)}")
        return 0
    checks = {
        "ids": lambda: check_ids(args.site),
        "readability": lambda: check_readability(args.site, verbose=True),
        "urls": lambda: check_urls(args.site),
        "problems": lambda: check_problems(args.site, verbose=True),
    }
    problems = []
    for name, check in checks.items():
        if args.check == name or (args.check == "all" and name != "problems"):  # tests/test_problems.py
            problems += check()
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    print(f"kbcheck {args.check}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
