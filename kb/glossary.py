"""The glossary: the glossary page's entries, and each term explained wherever it appears.

Stressed readers meet words like "buyout" or "cargo por mora" mid-guide. Terms are written once in
`data/glossary.yml` (Spanish and English side by side). In a Python-Markdown extension (`kb.glossary`
in mkdocs.yml), a `<!-- glossary -->` marker renders them as linkable entries (`#id`); on every
other page except the home page the terms become `<abbr>` elements (Python-Markdown's `abbr`
extension), whose definition kb/js/page.js shows under the term on tap or focus (a mouse gets the
browser's own tooltip).
"""

import html
import re
from pathlib import Path

from kb.data import read_once
from kb.errors import ContentError
from kb.langs import LANGS
from kb.page import PageExtension, PagePreprocessor, page_of

# Extension


class _Glossary(PagePreprocessor):
    def run(self, lines):
        page = page_of(self.md, self.options["lang"] or None, root=self.options["root"] or None)
        terms = load(page.root / "data" / "glossary.yml")
        markdown = "\n".join(lines)
        if _MARKER in markdown:
            return markdown.replace(_MARKER, _render_entries(terms, page.lang)).split("\n")
        if page.meta.get("type") == "home":
            return lines
        abbr = self.md.treeprocessors["abbr"] if "abbr" in self.md.treeprocessors else None
        if abbr is not None:  # Python-Markdown's abbr: hand it the terms (parsing ~100 definitions is slow)
            abbr.abbrs.update(_abbreviations(terms, page.lang))
            return lines
        return [
            *lines,
            "",
            *(f"*[{word}]: {title}" for word, title in _abbreviations(terms, page.lang).items()),
            "",
        ]


class GlossaryExtension(PageExtension):
    processor = _Glossary
    name, priority = "kb_glossary", 34
    options = {
        "lang": ["", "page language when no MkDocs page is known (es, en)"],
        "root": ["", "project folder holding data/glossary.yml when no MkDocs page is known"],
    }


def makeExtension(**kwargs):
    return GlossaryExtension(**kwargs)


# Helpers


def load(path: Path) -> list[dict]:
    """The glossary's terms, checked: each needs a term and a definition in every language."""
    return read_once(path, _checked)


def _checked(data) -> list[dict]:
    if data is not None and not isinstance(data, dict):
        raise ContentError("data/glossary.yml: must be a mapping with `terms:` (not a list)")
    terms = (data or {}).get("terms") or []
    if not isinstance(terms, list) or not all(isinstance(t, dict) for t in terms):
        raise ContentError("data/glossary.yml: `terms:` must be a list of entries, each starting `- id: …`")
    ids = [t.get("id") for t in terms]
    problems = [
        f"entry {n} has no `id:`: give it one"
        for n, i in enumerate(ids, 1)
        if not isinstance(i, str) or not i
    ]
    problems += [
        f"ID '{i}' is used twice: the second would replace the first"
        for i in sorted({i for i in ids if i and ids.count(i) > 1})
    ]
    if problems:
        raise ContentError("data/glossary.yml: " + "; ".join(problems))
    problems = [
        f"'{t.get('id', '?')}': the '{lang}' entry needs a term and a definition"
        for t in terms
        for lang in LANGS
        if not (t.get(lang) or {}).get("term") or not (t.get(lang) or {}).get("definition")
    ]
    if problems:
        raise ContentError("data/glossary.yml: " + "; ".join(problems))
    return terms


def site_problems(terms: list[dict], docs: Path) -> list[str]:
    """Each term some page of its language uses (outside the glossary page itself): a definition
    nobody reads is one more thing to keep true, and usually a term renamed on the pages only."""
    problems = []
    for lang in LANGS:
        pages = [p.read_text(encoding="utf-8") for p in sorted((docs / lang).rglob("*.md"))]
        text = " ".join(p for p in pages if _MARKER not in p).casefold()
        for term in terms:
            entry = term[lang]
            words = [entry["term"], *(entry.get("aliases") or [])]
            if not any(re.search(rf"(?<!\w){re.escape(w.casefold())}(?!\w)", text) for w in words):
                problems.append(
                    f"data/glossary.yml: term '{term['id']}' ({lang}: {entry['term']!r}) is used on no page: "
                    "use it in a guide, add the word the pages use as an alias, or remove it"
                )
    return problems


def _render_entries(terms: list[dict], lang: str) -> str:
    entries = sorted(terms, key=lambda t: t[lang]["term"].casefold())
    return "\n".join(  # the author's words as text: Markdown would let their HTML through
        f"## {html.escape(_capitalized(t[lang]['term']), quote=False)} {{ #{t['id']} }}\n\n"
        f"{html.escape(t[lang]['definition'].strip(), quote=False)}\n"
        for t in entries
    )


def _capitalized(term: str) -> str:
    return term[:1].upper() + term[1:]


def _abbreviations(terms: list[dict], lang: str) -> dict[str, str]:
    """Each term and alias of a language, with its definition on one line."""
    found = {}
    for term in terms:
        entry = term[lang]
        definition = " ".join(entry["definition"].split())
        for word in [entry["term"], *(entry.get("aliases") or [])]:
            found[word] = definition
    return found


# Data

_MARKER = "<!-- glossary -->"
