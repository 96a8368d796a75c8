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

from kb.data import read_once
from kb.errors import ContentError
from kb.langs import LANGS
from kb.page import PageExtension, PagePreprocessor, page_of

# Extension


class _Shape(PagePreprocessor):
    def run(self, lines):
        page = page_of(self.md, root=self.options["root"] or None)
        markdown = "\n".join(lines)
        problems = [f"front matter: {p}" for p in front_matter_problems(page.meta)] if page.source else []
        problems += twin_problems(page.root / "docs", page.src) if page.source else []
        if (page.meta.get("type") or self.options["type"]) == "guide":
            problems += section_problems(markdown, required(page.root / "data" / "guide.yml"))
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
    return [s["id"] for s in data["required_sections"]]


def twin_problems(docs: Path, src: str) -> list[str]:
    """A page exists in every language: mkdocs-static-i18n (`fallback_to_default: false`) silently
    leaves it out of a language that lacks it, and a reader switching language lands on a 404."""
    parts = Path(src).parts  # ('docs', 'es', 'guia.md')
    if len(parts) < 3 or parts[0] != "docs" or parts[1] not in LANGS:
        return []
    name = Path(*parts[2:]).as_posix()
    return [
        f"has no twin: create docs/{other}/{name} (same file name, translated content)"
        for other in LANGS
        if other != parts[1] and not (docs / other / name).is_file()
    ]


def front_matter_problems(meta: dict) -> list[str]:
    if not meta:
        return ["missing or not valid YAML (quote a value that contains ': ')"]
    problems = [f"add `{key}:`" for key in _REQUIRED_META if not meta.get(key)]
    if meta.get("type") and meta["type"] not in _TYPES:
        problems.append(f"`type: {meta['type']}` is not one of {', '.join(_TYPES)}")
    if meta.get("reviewed") and not isinstance(meta["reviewed"], datetime.date):
        problems.append("`reviewed:` must be a date written YYYY-MM-DD")
    if len(str(meta.get("description", ""))) > _MAX_DESCRIPTION:
        problems.append(f"`description:` is longer than {_MAX_DESCRIPTION} characters")
    return problems


def section_problems(markdown: str, sections: list[str]) -> list[str]:
    """Check the required sections of a guide: present, in order, not empty."""
    bodies = _split_sections(markdown)
    found = [s for s in bodies if s in sections]
    problems = [f"missing section `## … {{ #{s} }}`" for s in sections if s not in bodies]
    problems += [
        f"section `#{s}` is empty: write its content"
        for s in sections
        if s in bodies and not bodies[s].strip()
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
