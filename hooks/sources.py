"""Every outside link, phone number and email address on a page is backed by `data/sources.yml`.

The site's promise is that each fact can be traced to an official page, quoted. The registry holds
each outside page the site links with the exact passage it relies on. This hook reads the Markdown
of every page (both languages at once, like twins.py) and fails the build, naming the file and line
and what to do, when a page links a URL that is not registered, when a registered page is linked by
no page, when a Spanish page links an English source without saying "en inglés", or when a page,
a script or a glossary definition shows a phone number or email address that no quote contains.
The marker `<!-- sources -->` (the About page) becomes the list of every registered source.
"""

import datetime
import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from kb.data import read_once
from kb.langs import LANGS, written_date

# Hooks


def on_config(config):
    root = Path(config.config_file_path).parent
    path = root / "data" / "sources.yml"
    if not path.exists():
        raise PluginError("data/sources.yml is missing: every outside link needs an entry there")
    entries, problems = _entries(path)
    by_url = {e["url"]: e for e in entries}
    quoted = " ".join(q["quote"] for e in entries for q in e["quotes"])
    phones, emails = {_digits(p) for p in _PHONE.findall(quoted)}, set(_EMAIL.findall(quoted))
    used: set[str] = set()
    docs = Path(config.docs_dir)
    for page in sorted(docs.rglob("*.md")):
        where = page.relative_to(root).as_posix()
        lang = page.relative_to(docs).parts[0]
        for number, line in _prose_lines(page):
            for match in _LINK.finditer(line):
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
    for name in ("scripts.yml", "glossary.yml"):
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
    if problems:
        raise PluginError("Sources:\n  " + "\n  ".join(problems))
    global _entries_read
    _entries_read = entries
    return config


def on_page_markdown(markdown, page, config, files):
    if _MARKER not in markdown:
        return markdown
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    return markdown.replace(_MARKER, _source_list(_entries_read, lang))


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
    data = read_once(path) or {}
    items = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise PluginError("data/sources.yml: needs a `sources:` list of entries")
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
_entries_read: list[dict] = []
_REQUIRED = ("id", "url", "publisher", "title", "language", "read", "quotes")
# Markdown links [text](url), autolinks <url>, reference definitions [x]: url, raw HTML href/src.
_LINK = re.compile(
    r"\[(?P<text>[^\]]*)\]\((?P<url>(?:https?:)?//[^)\s]+)[^)]*\)"
    r"|<(?P<auto>https?://[^>\s]+)>"
    r"|^\s*\[[^\]]+\]:\s*(?P<ref>(?:https?:)?//\S+)"
    r"|(?:href|src)\s*=\s*[\"'](?P<raw>(?:https?:)?//[^\"']+)[\"']"
)
_LINK_URL = ("url", "auto", "ref", "raw")
_PHONE = re.compile(r"(?<![\d+])(?:\+?1[-. ]?)?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(?!\d)")
_TEL = re.compile(r"tel:\+?[\d-]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
