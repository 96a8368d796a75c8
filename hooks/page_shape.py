"""Fail the build when a page lacks its front matter or a guide lacks a required section.

Readers land on one section of one guide from a shared link, so every problem guide has the same
shape: the sections listed in `data/guide.yml`, in that order, each with an explicit heading ID
that is the same in both languages, and none of them empty. Every page also needs the front matter
that the link preview and the "last reviewed" line are made from.
"""

import datetime
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

# Hooks


def on_config(config):
    global _sections
    path = Path(config.config_file_path).parent / "data" / "guide.yml"
    _sections = [s["id"] for s in _read_yaml(path)["required_sections"]]


def on_page_markdown(markdown, page, config, files):
    where = f"docs/{page.file.src_uri}"
    problems = [f"front matter: {p}" for p in _front_matter_problems(page.meta)]
    if page.meta.get("type") == "guide":
        problems += _section_problems(markdown)
    if problems:
        raise PluginError(f"{where}: " + "; ".join(problems))
    return markdown


# Helpers


def _read_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"data/{path.name}: cannot read it: {error}") from error


def _front_matter_problems(meta: dict) -> list[str]:
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


def _section_problems(markdown: str) -> list[str]:
    """Check the required sections of a guide: present, in order, not empty."""
    bodies = _split_sections(markdown)
    found = [s for s in bodies if s in _sections]
    problems = [f"missing section `## … {{ #{s} }}`" for s in _sections if s not in bodies]
    problems += [
        f"section `#{s}` is empty: write its content"
        for s in _sections
        if s in bodies and not bodies[s].strip()
    ]
    present = [s for s in _sections if s in bodies]
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

_sections: list[str] = []
_REQUIRED_META = ("title", "description", "reviewed", "type")
_TYPES = ("home", "guide", "page")
_MAX_DESCRIPTION = 160
_H2 = re.compile(r"^##\s+.*\{\s*#(?P<id>[a-z0-9-]+)[^}]*\}\s*$")
