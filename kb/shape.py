"""Page shape: every page has its front matter; a guide has the required sections, filled, in order.

Readers land on one section of one guide from a shared link, so every problem guide has the same
shape: the sections listed in `data/guide.yml`, in that order, each with an explicit heading ID
that is the same in both languages, and none of them empty. Every page also needs the front matter
that the link preview and the "last reviewed" line are made from, and a twin in every language.
A Python-Markdown extension (`kb.shape` in mkdocs.yml) checks each page before the other transforms.
"""

import datetime
import re
from pathlib import Path

import yaml

from kb import authored
from kb.data import LOADER, read_once
from kb.errors import ContentError
from kb.langs import LANGS
from kb.page import PageExtension, PagePreprocessor, front_matter, page_of

# Extension


class _Shape(PagePreprocessor):
    def run(self, lines):
        page = page_of(self.md, root=self.options["root"] or None)
        markdown = "\n".join(lines)
        problems = []
        if page.source:
            meta_problems = (
                front_matter_problems(page.meta) if page.meta else [front_matter_error(page.source)]
            )
            problems += [f"front matter: {p}" for p in meta_problems]
            problems += twin_problems(page.root / "docs", page.src, page.meta.get("type"))
        first = page.line_of(markdown)
        guide = (page.meta.get("type") or self.options["type"]) == "guide"
        sections = required(page.root / "data" / "guide.yml") if guide else []
        problems += id_problems(markdown, first) + empty_problems(markdown, first, sections)
        problems += authored.problems(markdown, first)
        if guide and not any("ID #" in p for p in problems):
            problems += section_problems(markdown, sections)
        if problems:
            raise ContentError(f"{page.src}: " + "; ".join(problems))
        return lines


class ShapeExtension(PageExtension):
    processor = _Shape
    name, priority = "kb_shape", 36
    options = {
        "type": ["", "page type when no MkDocs page is known (guide checks the sections)"],
        "root": ["", "project folder holding data/guide.yml when no MkDocs page is known"],
    }


def makeExtension(**kwargs):
    return ShapeExtension(**kwargs)


# Helpers


def required(path: Path) -> list[str]:
    """The section IDs every guide needs, in order (data/guide.yml)."""
    return read_once(path, _section_ids)


def _section_ids(data) -> list[str]:
    sections = data.get("required_sections") if isinstance(data, dict) else None
    if not isinstance(sections, list) or not all(isinstance(s, dict) and s.get("id") for s in sections):
        raise ContentError(
            "data/guide.yml: `required_sections:` must be a list of entries, each with an `id:` "
            "(e.g. `- {id: respuesta, es: Respuesta corta, en: The short answer}`)"
        )
    return [s["id"] for s in sections]


def twin_problems(docs: Path, src: str, kind=None) -> list[str]:
    """A page exists in every language, as the same type of page: mkdocs-static-i18n
    (`fallback_to_default: false`) silently leaves it out of a language that lacks it, and a reader
    switching language lands on a 404; a guide in one language and a plain page in the other would
    be checked, listed and searched differently."""
    parts = Path(src).parts  # ('docs', 'es', 'guia.md')
    if len(parts) < 3 or parts[0] != "docs" or parts[1] not in LANGS:
        return []
    name = Path(*parts[2:]).as_posix()
    problems = []
    for other in LANGS:
        twin = docs / other / name
        if other == parts[1]:
            continue
        if not twin.is_file():
            problems.append(f"has no twin: create docs/{other}/{name} (same file name, translated content)")
            continue
        theirs = front_matter(twin.read_text(encoding="utf-8", errors="replace")).get("type")
        if kind and theirs and theirs != kind:
            problems.append(
                f"`type: {kind}` here but `type: {theirs}` in docs/{other}/{name}: make them the same"
            )
    return problems


def front_matter_error(source: str) -> str:
    """Why a page's front matter could not be read, in the author's terms."""
    end = source.find("\n---", 3)
    if not source.startswith("---") or end < 0:
        return "missing: start the file with `---`, the fields, and `---`"
    block = source[3:end]
    reviewed = re.search(r"^reviewed:\s*['\"]?(\S+?)['\"]?\s*$", block, re.M)
    if reviewed and re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed.group(1)):
        try:
            datetime.date.fromisoformat(reviewed.group(1))
        except ValueError:
            day = reviewed.group(1)
            return f"`reviewed: {day}` is not a real date: write the day it was checked, YYYY-MM-DD"
    try:
        yaml.load(block, Loader=LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" (line {mark.line + 2})" if mark else ""
        return f"not valid YAML{line}: quote a value that contains ': ', and indent lists the same"
    return "missing or not valid YAML (quote a value that contains ': ')"


def id_problems(markdown: str, first: int = 1) -> list[str]:
    """Two headings of one page with the same ID: a shared link would open the first only."""
    seen: dict[str, int] = {}
    problems = []
    for number, line in authored.prose(markdown, first):
        match = _HEADING_ID.match(line)
        if not match:
            continue
        sid = match.group("id")
        if sid in seen:
            problems.append(
                f"two headings with ID #{sid} (lines {seen[sid]} and {number}): give each its own ID"
            )
        else:
            seen[sid] = number
    return problems


def front_matter_problems(meta: dict) -> list[str]:
    if not meta:
        return ["missing or not valid YAML (quote a value that contains ': ')"]
    problems = [f"add `{key}:`" for key in _REQUIRED_META if not meta.get(key)]
    if meta.get("type") and meta["type"] not in _TYPES:
        problems.append(f"`type: {meta['type']}` is not one of {', '.join(_TYPES)}")
    if meta.get("reviewed") and not isinstance(meta["reviewed"], datetime.date):
        problems.append("`reviewed:` must be a date written YYYY-MM-DD")
    elif meta.get("reviewed") and meta["reviewed"] > datetime.date.today() + datetime.timedelta(days=1):
        problems.append(
            f"`reviewed: {meta['reviewed'].isoformat()}` is in the future: "
            "write the day the page was last checked"
        )
    for key in ("title", "description"):
        if re.search(r"[<>]", str(meta.get(key) or "")):
            problems.append(f"`{key}:` has < or >: the menu and the tab show it as is; write it in words")
    if len(str(meta.get("description", ""))) > _MAX_DESCRIPTION:
        problems.append(f"`description:` is longer than {_MAX_DESCRIPTION} characters")
    return problems


def empty_problems(markdown: str, first: int = 1, skip: list[str] = ()) -> list[str]:
    """A heading with nothing under it but blank lines or comments, before the next heading of its
    level or above: a shared link to it would open on nothing. (A guide's required sections say it
    in their own words: section_problems.)"""
    heads = [(n, len(m.group(1)), m.group(2)) for n, line in authored.prose(markdown, first)
             if (m := _HEADING.match(line))]  # fmt: skip
    lines = markdown.splitlines()
    problems = []
    for i, (number, level, text) in enumerate(heads):
        nxt = next((h for h in heads[i + 1 :] if h[1] <= level), None)
        sub = i + 1 < len(heads) and heads[i + 1][1] > level and (nxt is None or heads[i + 1][0] < nxt[0])
        body = "\n".join(lines[number - first + 1 : (nxt[0] - first) if nxt else len(lines)])
        own = _HEADING_ID.match(lines[number - first])
        if own and own.group("id") in skip:
            continue
        if not sub and not _COMMENT.sub("", body).strip():
            problems.append(
                f"line {number}: heading '{text.strip()}' has nothing under it: "
                "write its content or remove it"
            )
    return problems


def section_problems(markdown: str, sections: list[str]) -> list[str]:
    """Check the required sections of a guide: present, in order, not empty."""
    bodies = _split_sections(markdown)
    found = [s for s in bodies if s in sections]
    problems = [f"missing section `## … {{ #{s} }}`" for s in sections if s not in bodies]
    problems += [
        f"section `#{s}` is empty: write its content"
        for s in sections
        if s in bodies and not _COMMENT.sub("", bodies[s]).strip()
    ]
    present = [s for s in sections if s in bodies]
    if found != present:
        problems.append(f"sections out of order: {found} should be {present}")
    return problems


def _split_sections(markdown: str) -> dict[str, str]:
    """Map each `##` heading ID to the text up to the next `##` (code fences ignored)."""
    bodies: dict[str, str] = {}
    current = None
    for line in _without_fences(markdown).splitlines():
        match = _H2.match(line)
        if match:
            current = match.group("id")
            bodies[current] = ""
        elif line.startswith("## "):
            current = None
        elif current:
            bodies[current] += line + "\n"
    return bodies


def _without_fences(markdown: str) -> str:
    return re.sub(r"^(```|~~~).*?^\1", "", markdown, flags=re.M | re.S)


# Data

_REQUIRED_META = ("title", "description", "reviewed", "type")
_TYPES = ("home", "guide", "page")
_MAX_DESCRIPTION = 160
_H2 = re.compile(r"^##\s+.*\{\s*#(?P<id>[a-z0-9-]+)[^}]*\}\s*$")
_HEADING_ID = re.compile(r"^#{2,6}\s+.*\{\s*#(?P<id>[^\s}]+)[^}]*\}\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*\})?\s*$")
_COMMENT = re.compile(r"<!--(?!\s*(?:script|sources|glossary)\b).*?-->", re.S)  # a comment, not a marker
