"""Whole-site checks, and the helpers that read a built site.

`python -m kb.postbuild SITE_DIR` runs `build_problems` after every build and fails it on any:
the scripts are placed, the sources back every link,
phone and email (kb/sources.py), each page has the same section IDs in every language, every
published URL#section still exists (data/published-urls.txt), and each guide reads plainly
(Fernández-Huerta for Spanish, Flesch for English). tools/kbcheck.py is the command line:

    python tools/kbcheck.py urls --update  # add new sections to data/published-urls.txt
    python tools/kbcheck.py readability    # the score of every page
    python tools/kbcheck.py problems       # real problem phrasings: each lands on a section that exists

The tests read built pages with the same helpers (article, section_text, …).
"""

import argparse
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from kb import ROOT
from kb.langs import LANGS as _CODES
from kb.langs import default, prefix
from kb.page import front_matter
from kb.site import UI, BuiltPage, Site, page_names, url_of

SITE = ROOT / "site"
PUBLISHED = ROOT / "data" / "published-urls.txt"
PROBLEMS = ROOT / "tests" / "problems"
LANGS = {lang: prefix(lang) for lang in _CODES}  # language → where its site starts
MIN_READABILITY = 60
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")  # letters, accented ones included
_SENTENCE_END = re.compile(r"[.!?:]+(?:\s|$)")
_ES_VOWELS = re.compile(r"[aeiouáéíóúü]+")
_ES_HIATUS = re.compile(r"(?=[aeoáéóíú][aeoáéóíú])")  # two strong vowels side by side: two syllables
_ES_SILENT_U = re.compile(r"(?<=[qg])u(?=[eiéí])")
_EN_VOWELS = re.compile(r"[aeiouy]+")
_EN_SILENT_E = re.compile(r"[^aeiouyl]e$|[^aeiouysxzhcg]es$")
_EN_SILENT_ED = re.compile(r"[^aeiouytd]ed$")
_MAX_ID = 32


# Pages


def html_file(site: Path, name: str, lang: str) -> Path:
    return site / url_of(name, lang) / "index.html"


@lru_cache(maxsize=256)
def _soup(path: Path, mtime: float):
    from bs4 import BeautifulSoup  # for the tests and the PDF: the build itself reads pages with lexbor

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def soup(path: Path):
    return _soup(path, path.stat().st_mtime)


def article(page):
    return page.select_one("article.md-content__inner")


def section_ids(page) -> set[str]:
    """IDs a helper may link to: every h2–h4 of the article (h1 is the page itself)."""
    return {h["id"] for h in article(page).select("h2[id], h3[id], h4[id]")}


def section_text(page, sid: str) -> str:
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


def reading_text(page) -> str:
    """The prose a reader reads: article text without headings' permalinks, tables or form labels.

    `page` is a page's HTML, a BeautifulSoup page or a BuiltPage."""
    if isinstance(page, BuiltPage):  # parse its article again, not the whole page: this copy is cut up
        source = page.article.html if page.article is not None else ""
    else:
        source = str(page)
    tree = LexborHTMLParser(source)
    body = tree.css_first("article.md-content__inner")
    if body is None:
        return ""
    for junk in body.css(f"{UI}, table, form, .kb-kind, .kb-reviewed, .kb-sources"):
        junk.decompose()
    tree.unwrap_tags(["abbr"])
    blocks = [el.text(separator=" ", strip=True) for el in body.css("p, li, h1, h2, h3, h4, dd, dt")]
    # A list item or heading is a sentence of its own even without a full stop.
    return " ".join(b if b.endswith((".", "?", "!", ":")) else b + "." for b in blocks if b)


# Checks


def build_problems(site: Site) -> list[str]:
    """Every whole-site check on a built site: what `python -m kb.postbuild` fails the build on."""
    return source_problems(site) + report_problems(site, [language_report(site, lang) for lang in _CODES])


def language_report(site: Site, lang: str) -> dict:
    """What the checks need from one language's built pages (kb.postbuild makes one a process)."""
    langs = (lang,)
    return {
        "lang": lang,
        "ids": site_section_ids(site, langs)[lang],
        "urls": published_urls(site, langs),
        "readability": check_readability(site, langs=langs),
        "links": link_problems(site, lang),
    }


def report_problems(site: Site, reports: list[dict]) -> list[str]:
    """The checks across languages, from every language's report."""
    problems = id_problems({report["lang"]: report["ids"] for report in reports})
    urls = {url for report in reports for url in report["urls"]}
    problems += url_problems(urls, site.root, site.docs.parent / "data" / "published-urls.txt")
    problems += [problem for report in reports for problem in report["links"]]
    return problems + [problem for report in reports for problem in report["readability"]]


def link_problems(site: Site, lang: str) -> list[str]:
    """Every link of a page's text that goes nowhere on this site. MkDocs checks Markdown links;
    this also catches raw HTML ones (`<a href="…">`), which it passes through unread."""
    from kb.pdf import OUTPUT
    from kb.site import resolve

    pages = {page.url: page for page in site.pages(lang)}
    made_later = {f"{prefix(lang)}{OUTPUT[lang]}"}  # the PDF: `make pdf` writes it after the build
    problems, ids = [], {}
    for page in site.pages(lang):
        if page.article is None:
            continue
        for link in page.article.css("a[href]"):
            href = link.attributes.get("href") or ""
            if href.startswith(("mailto:", "tel:")):
                continue
            target, _, anchor = href.partition("#")
            path = page.url if not target else resolve(page.url, target)
            if path is None and target:
                continue  # another site: the sources check reads those
            if path in made_later:
                continue
            found = pages.get(path) or pages.get(path.removesuffix("index.html"))
            if found is None and not (site.root / path).is_file():
                problems.append(f"{page.src}: link '{href}' goes to nothing on this site: fix the address")
            elif found is not None and anchor and anchor not in ids.setdefault(found.url, _ids(found)):
                problems.append(f"{page.src}: link '{href}': no #{anchor} on that page: fix the section ID")
    return problems


def _ids(page) -> set[str]:
    return {node.attributes.get("id") for node in page.tree.css("[id]")}


def source_problems(site: Site) -> list[str]:
    """The checks that read the Markdown sources and data files, not the built pages."""
    from kb import authored, glossary, scripts, sources

    if problems := authored.encoding_problems(site.docs):  # nothing else can read such a page
        return problems
    data = site.docs.parent / "data"
    problems = scripts.site_problems(scripts.load(data / "scripts.yml"), site.docs)
    if (data / "glossary.yml").exists():
        problems += glossary.site_problems(glossary.load(data / "glossary.yml"), site.docs)
    return problems + sources.check(site.docs.parent, site.docs)


def site_section_ids(site: Site, langs: tuple[str, ...] = _CODES) -> dict[str, dict[str, set[str]]]:
    """{language: {page name: its section IDs}}."""
    return {lang: {page.name: page.section_ids for page in site.pages(lang)} for lang in langs}


def check_ids(site: Site) -> list[str]:
    return id_problems(site_section_ids(site))


def id_problems(ids: dict[str, dict[str, set[str]]]) -> list[str]:
    """A shared link to a section works in every language: same IDs everywhere, short and plain."""
    problems = []
    names = sorted({name for pages in ids.values() for name in pages})
    for name in names:
        found = [(lang, ids[lang][name]) for lang in _CODES if name in ids.get(lang, {})]
        for lang, sids in found:
            problems += [
                f"docs/{lang}/{name}.md: section ID '{sid}' must be short lowercase ASCII words joined "
                f"by hyphens (at most {_MAX_ID} characters): write e.g. `{{ #carta-certificada }}`"
                for sid in sorted(sids)
                if not _ID.fullmatch(sid) or len(sid) > _MAX_ID
            ]
        for lang, theirs in found[1:]:
            first, mine = found[0]
            if mine != theirs:
                problems.append(
                    f"docs/{first}/{name}.md and docs/{lang}/{name}.md: section IDs differ: only in "
                    f"{first} {sorted(mine - theirs)}, only in {lang} {sorted(theirs - mine)}: give each "
                    "heading the same `{ #id }` in every language"
                )
    return problems


def readability(text: str, lang: str) -> float:
    """Fernández-Huerta for Spanish, Flesch reading ease for English: higher reads more easily.

    Syllables are counted by rule, one vowel group a syllable: in Spanish two strong vowels
    (a, e, o, í, ú) are two syllables ("po-e-ta", "rí-o") and a weak one joins its neighbour
    ("ciu-dad"); the u of que/qui/gue/gui and the y of "hoy" make none of their own; in English a
    final silent e and an -ed that adds no sound are dropped. A rule costs microseconds a word, where
    a hyphenation dictionary (pyphen) took a tenth of the build; it counts hiatus and one-letter
    syllables that hyphenation leaves unsplit, so scores are 2 to 8 points below pyphen-based ones.
    """
    words = Counter(_WORD.findall(text.lower()))
    count = max(1, words.total())
    per_sentence = count / max(1, len(_SENTENCE_END.findall(text)))
    per_word = sum(n * _syllables(word, lang) for word, n in words.items()) / count
    if lang == "es":
        return 206.84 - 60 * per_word - 1.02 * per_sentence
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word


@lru_cache(maxsize=65536)
def _syllables(word: str, lang: str) -> int:
    if lang == "es":
        word = _ES_SILENT_U.sub("", word).removesuffix("y") + ("i" if word.endswith("y") else "")
        groups = _ES_VOWELS.findall(word)
        return max(1, len(groups) + sum(len(_ES_HIATUS.findall(group)) for group in groups))
    count = len(_EN_VOWELS.findall(word))
    if count > 1 and (_EN_SILENT_E.search(word) or _EN_SILENT_ED.search(word)):
        count -= 1
    return max(1, count)


def guides(docs: Path = ROOT / "docs") -> list[str]:
    """Pages whose front matter says `type: guide`."""
    folder = docs / default()
    return [n for n in page_names(docs) if _type(folder / f"{n}.md") == "guide"]


def _type(source: Path):
    return front_matter(source.read_text(encoding="utf-8")).get("type")


def check_readability(
    site: "Site | Path" = SITE, verbose: bool = False, langs: tuple[str, ...] = _CODES
) -> list[str]:
    site = _site(site)
    problems = []
    for page in (page for lang in langs for page in site.pages(lang)):
        guide = page.meta.get("type") == "guide"
        if not (guide or verbose):
            continue  # the floor is for guides; `kbcheck readability` shows every page's score
        score = readability(reading_text(page), page.lang)
        if verbose:
            print(f"{page.lang} {page.name:24} {score:6.1f}")
        if guide and score < MIN_READABILITY:
            problems.append(
                f"{page.src}: readability {score:.1f} < {MIN_READABILITY}: shorter sentences and "
                "everyday words (`python tools/kbcheck.py readability` shows every page's score)"
            )
    return problems


def published_urls(site: "Site | Path" = SITE, langs: tuple[str, ...] = _CODES) -> list[str]:
    """Every page URL and every URL#section of a built site (of `langs`), in file order."""
    site = _site(site)
    urls = []
    for page in sorted((p for lang in langs for p in site.pages(lang)), key=lambda p: p.path):
        if page.article is None or page.tree.css_first('meta[http-equiv="refresh"]'):
            continue
        urls.append(page.url or "./")
        urls += [f"{page.url or './'}#{sid}" for sid in sorted(page.section_ids)]
    return urls


def check_urls(site: "Site | Path" = SITE, listed: Path = PUBLISHED) -> list[str]:
    site = _site(site)
    return url_problems(set(published_urls(site)), site.root, listed)


def url_problems(now: set[str], root: Path, listed: Path) -> list[str]:
    """Every listed URL still exists (or has moved), and every URL of the site is listed."""
    entries = [
        line.strip() for line in listed.read_text().splitlines() if line.strip() and not line.startswith("#")
    ]
    problems = [
        f"{listed.name}: '{entry}' no longer exists: restore the page or heading ID, "
        'or add an ID alias (<a id="old-id"></a>) or a redirect page where it moved'
        for entry in entries
        if entry not in now and not _moved(root, entry)
    ]
    problems += [
        f"{listed.name}: new section '{url}' is not listed: run `python tools/kbcheck.py urls --update`"
        for url in sorted(now - set(entries))
    ]
    return problems


def _moved(root: Path, entry: str) -> bool:
    """A redirect page or an alias anchor (`<a id="old">`) keeps an old link working."""
    path, _, anchor = entry.partition("#")
    target = root / (path if path != "./" else "") / "index.html"
    if not target.exists():
        return False
    page = LexborHTMLParser(target.read_text(encoding="utf-8"))
    if page.css_first('meta[http-equiv="refresh"]'):
        return True
    return bool(anchor) and page.css_first(f'[id="{anchor}"]') is not None


def update_urls(site: "Site | Path" = SITE, listed: Path = PUBLISHED) -> int:
    old = listed.read_text().splitlines() if listed.exists() else [_HEADER]
    new = [u for u in published_urls(site) if u not in old]
    listed.write_text("\n".join(old + new) + "\n")
    return len(new)


def _site(site: "Site | Path") -> Site:
    return site if isinstance(site, Site) else Site(site, ROOT / "docs")


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
    site = Site(args.site, ROOT / "docs")
    checks = {
        "ids": lambda: check_ids(site),
        "readability": lambda: check_readability(site, verbose=True),
        "urls": lambda: check_urls(site),
        "problems": lambda: check_problems(args.site, verbose=True),
        "all": lambda: build_problems(site),
    }
    problems = checks[args.check]()
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    print(f"kbcheck {args.check}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
