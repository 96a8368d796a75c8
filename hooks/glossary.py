"""Render the glossary page and explain glossary terms wherever they appear.

Stressed readers meet words like "buyout" or "cargo por mora" mid-guide. Terms are written once in
`data/glossary.yml` (Spanish and English side by side). A `<!-- glossary -->` marker renders them
as linkable entries (`#id`); on every other page the terms become `<abbr>` elements (Python-Markdown's
`abbr` extension) that Material shows as a tooltip on hover, focus or tap.
"""

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

# Hooks


def on_config(config):
    global _terms
    path = Path(config.config_file_path).parent / "data" / "glossary.yml"
    _terms = (_read_yaml(path) or {}).get("terms") or []
    problems = [
        f"'{t.get('id', '?')}': the '{lang}' entry needs a term and a definition"
        for t in _terms
        for lang in _LANGS
        if not (t.get(lang) or {}).get("term") or not (t.get(lang) or {}).get("definition")
    ]
    if problems:
        raise PluginError("data/glossary.yml: " + "; ".join(problems))


def on_page_markdown(markdown, page, config, files):
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    if _MARKER in markdown:
        return markdown.replace(_MARKER, _render_entries(lang))
    if page.meta.get("type") == "home":
        return markdown
    return markdown + "\n\n" + _abbreviations(lang) + "\n"


# Helpers


def _read_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"data/{path.name}: cannot read it: {error}") from error


def _render_entries(lang: str) -> str:
    entries = sorted(_terms, key=lambda t: t[lang]["term"].casefold())
    return "\n".join(
        f"## {t[lang]['term'][:1].upper()}{t[lang]['term'][1:]} {{ #{t['id']} }}\n\n"
        f"{t[lang]['definition'].strip()}\n"
        for t in entries
    )


def _abbreviations(lang: str) -> str:
    lines = []
    for term in _terms:
        entry = term[lang]
        definition = " ".join(entry["definition"].split())
        for word in [entry["term"], *(entry.get("aliases") or [])]:
            lines.append(f"*[{word}]: {definition}")
    return "\n".join(lines)


# Data

_terms: list = []
_LANGS = ("es", "en")
_MARKER = "<!-- glossary -->"
