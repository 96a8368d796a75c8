"""Fail the build when a page exists in one language only.

mkdocs-static-i18n with `fallback_to_default: false` silently leaves a page out of the language
that lacks it; a reader switching language would then land on a 404. Every Markdown file under
`docs/es/` must have a twin with the same name under `docs/en/` and the other way round.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from kb.langs import LANGS as _LANGS

# Hooks


def on_config(config):
    docs = Path(config.docs_dir)
    pages = {lang: _pages(docs / lang) for lang in _LANGS}
    problems = []
    for lang, other in (_LANGS, _LANGS[::-1]):
        for name in sorted(pages[lang] - pages[other]):
            problems.append(
                f"docs/{lang}/{name} has no twin: create docs/{other}/{name} "
                f"(same file name, translated content)"
            )
    if problems:
        raise PluginError("Missing translation:\n  " + "\n  ".join(problems))
    return config


# Helpers


def _pages(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}


# Data
