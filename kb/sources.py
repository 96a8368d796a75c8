"""Every outside link, phone number and email address on a page is backed by `data/sources.yml`.

The site's promise is that each fact can be traced to an official page, quoted. The registry holds
each outside page the site links with the exact passage it relies on. `check` reads the Markdown of
every page (both languages at once) and returns a problem, naming the file and line and what to do,
for a link to a URL that is not registered, a registered page linked by no page, a Spanish page
linking an English source without saying "en inglés", and a page, a script or a glossary
definition showing a phone number or email address that no quote contains; `python -m
kb.postbuild` fails the build on any. The Python-Markdown extension `kb.sources` (mkdocs.yml)
turns the marker `<!-- sources -->` (the About page) into the list of every registered source.
"""

import datetime
import html
import re
from pathlib import Path

from kb.data import read_once
from kb.errors import ContentError
from kb.langs import LANGS, written_date
from kb.page import PageExtension, PagePreprocessor, page_of

# Extension


class _Sources(PagePreprocessor):
    def run(self, lines):
        markdown = "\n".join(lines)
        if _MARKER not in markdown:
            return lines
        page = page_of(self.md, self.options["lang"] or None, root=self.options["root"] or None)
        entries, _ = _entries(page.root / "data" / "sources.yml")
        return markdown.replace(_MARKER, _source_list(entries, page.lang)).split("\n")


class SourcesExtension(PageExtension):
    processor = _Sources
    name, priority = "kb_sources", 33  # before raw HTML blocks are stashed (20)
    options = {
        "lang": ["", "page language when no MkDocs page is known (es, en)"],
        "root": ["", "project folder holding data/sources.yml when no MkDocs page is known"],
    }


def makeExtension(**kwargs):
    return SourcesExtension(**kwargs)


# Checks


def check(root: Path, docs: Path) -> list[str]:
    """What is wrong with the registry, and every link, phone and email address it does not back."""
    path = root / "data" / "sources.yml"
    if not path.exists():
        return ["data/sources.yml is missing: every outside link needs an entry there"]
    entries, shape = _entries(path)
    problems = list(shape)  # the registry's own problems are cached with it: extend a copy
    by_url = {e["url"]: e for e in entries}
    quoted = " ".join(q["quote"] for e in entries for q in e["quotes"])
    phones, emails = {_digits(p) for p in _PHONE.findall(quoted)}, set(_EMAIL.findall(quoted))
    used: set[str] = set()
    for page in sorted(docs.rglob("*.md")):
        where = f"docs/{page.relative_to(docs).as_posix()}"
        lang = page.relative_to(docs).parts[0]
        for number, line in _prose_lines(page):
            for match in _LINK.finditer(line) if "//" in line else ():  # every outside link has a //
                url = next(match.group(g) for g in _LINK_URL if match.group(g))
                entry = by_url.get(url)
                if entry is None:
                    problems.append(
                        f"{where}:{number}: outside link {url} is not in data/sources.yml: add an entry "
                        "with the exact passage it supports (official sources only), or remove the link"
                    )
                    continue
                used.add(url)
                if lang == "es" and entry["language"] == "en" and not _says_english(line, match):
                    problems.append(
                        f"{where}:{number}: {url} is in English: say so in the link, "
                        "e.g. [fuente, en inglés](...)"
                    )
            problems += _contacts(where, number, _without_links(line), phones, emails)
    for name in ("scripts.yml", "glossary.yml", "ui.yml"):
        data_file = root / "data" / name
        if data_file.exists():
            for number, line in enumerate(data_file.read_text(encoding="utf-8").splitlines(), 1):
                if not line.lstrip().startswith("#"):
                    problems += _contacts(f"data/{name}", number, line, phones, emails)
    for entry in entries:
        if entry["url"] not in used:
            problems.append(
                f"data/sources.yml: entry '{entry['id']}' ({entry['url']}) is linked by no page: "
                "link it beside the fact it supports, or remove the entry"
            )
    return problems


# Helpers


def _source_list(entries: list[dict], lang: str) -> str:
    """Every registered source as an HTML list (authored text escaped), by publisher."""
    items = []
    for entry in sorted(entries, key=lambda e: (e["publisher"].casefold(), e["title"].casefold())):
        note = " (en inglés)" if lang == "es" and entry["language"] == "en" else ""
        note += " (in Spanish)" if lang == "en" and entry["language"] == "es" else ""
        read = written_date(entry["read"], lang)
        items.append(
            f'<li><a href="{html.escape(entry["url"])}">{html.escape(entry["title"])}</a>{note}. '
            f"{html.escape(entry['publisher'])}. "
            + (f"Leída el {read}." if lang == "es" else f"Read {read}.")
            + "</li>"
        )
    return '<ul class="kb-sources">\n' + "\n".join(items) + "\n</ul>"


def _entries(path: Path) -> tuple[list[dict], list[str]]:
    """The registry's entries, and what is wrong with its shape (each problem names the entry)."""
    return read_once(path, _checked)


def _checked(data) -> tuple[list[dict], list[str]]:
    items = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ContentError("data/sources.yml: needs a `sources:` list of entries")
    entries, problems, seen = [], [], {}
    for index, item in enumerate(items, 1):
        name = item.get("id") if isinstance(item, dict) else None
        label = f"entry {index}" + (f" '{name}'" if name else "")
        if not isinstance(item, dict):
            problems.append(f"data/sources.yml: {label} must be a mapping with id, url, quotes…")
            continue
        missing = [k for k in _REQUIRED if not item.get(k)]
        if missing:
            problems.append(f"data/sources.yml: {label} lacks {', '.join(missing)}")
            continue
        if item["language"] not in LANGS:
            problems.append(
                f"data/sources.yml: {label}: language must be one of {', '.join(LANGS)}, "
                f"not {item['language']!r}"
            )
        if not isinstance(item["read"], datetime.date) or item["read"] > datetime.date.today():
            problems.append(
                f"data/sources.yml: {label}: `read:` must be a past date (YYYY-MM-DD), not {item['read']!r}"
            )
        quotes = item["quotes"]
        if not isinstance(quotes, list) or not all(
            isinstance(q, dict)
            and isinstance(q.get("fact"), str)
            and isinstance(q.get("quote"), str)
            and q["quote"].strip()
            for q in quotes
        ):
            problems.append(
                f"data/sources.yml: {label}: `quotes:` must list "
                "{fact: …, quote: …} with the page's exact words"
            )
            continue
        for key in ("id", "url"):
            if item[key] in seen.get(key, {}):
                problems.append(
                    f"data/sources.yml: {label}: {key} {item[key]!r} "
                    f"is already used by '{seen[key][item[key]]}'"
                )
            seen.setdefault(key, {})[item[key]] = name
        entries.append(item)
    return entries, problems


def _prose_lines(page: Path):
    """(line number, line) of a page's Markdown outside front matter and fenced code."""
    lines = page.read_text(encoding="utf-8").splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        start = end + 1
    fence = None
    for index in range(start, len(lines)):
        line = lines[index]
        marker = re.match(r"\s*(`{3,}|~{3,})", line)
        if marker:
            fence = None if fence and marker.group(1).startswith(fence) else fence or marker.group(1)
            continue
        if not fence:
            yield index + 1, line


def _says_english(line: str, match: re.Match) -> bool:
    """The link's text, or the few words right after it, say the source is in English."""
    text = (match.group("text") or "") + line[match.end() : match.end() + 20]
    return "en inglés" in text.casefold()


def _without_links(line: str) -> str:
    return _LINK.sub(lambda m: m.group("text") or "", line)


def _contacts(where: str, number: int, text: str, phones: set[str], emails: set[str]) -> list[str]:
    problems = []
    if "@" not in text and not _DIGITS.search(text):  # most lines: neither a number nor an address
        return problems
    for phone in _PHONE.findall(text) + _TEL.findall(text):
        if _digits(phone) not in phones:
            problems.append(
                f"{where}:{number}: phone number {phone} is not quoted in data/sources.yml: "
                "only numbers an official page states may appear"
            )
    for email in _EMAIL.findall(text):
        if email not in emails:
            problems.append(
                f"{where}:{number}: email address {email} is not quoted in data/sources.yml: "
                "only addresses an official page states may appear"
            )
    return problems


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)[-10:]


# Data

_MARKER = "<!-- sources -->"
_REQUIRED = ("id", "url", "publisher", "title", "language", "read", "quotes")
# Markdown links [text](url), autolinks <url>, reference definitions [x]: url, raw HTML href/src,
# and bare addresses in the text.
_LINK = re.compile(
    r"\[(?P<text>[^\]]*)\]\((?P<url>(?:https?:)?//[^)\s]+)[^)]*\)"
    r"|<(?P<auto>https?://[^>\s]+)>"
    r"|^\s*\[[^\]]+\]:\s*(?P<ref>(?:https?:)?//\S+)"
    r"|(?:href|src)\s*=\s*[\"'](?P<raw>(?:https?:)?//[^\"']+)[\"']"
    # a bare address in the text: not a link here, but a phone or a chat app makes it one
    r"|(?<![\w/(<\"'=])(?P<bare>https?://[^\s)<>\]\"']*[^\s)<>\]\"'.,;:!?])"
)
_LINK_URL = ("url", "auto", "ref", "raw", "bare")
_PHONE = re.compile(r"(?<![\d+])(?:\+?1[-. ]?)?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(?!\d)")
_DIGITS = re.compile(r"\d{3}")
_TEL = re.compile(r"tel:\+?[\d-]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
