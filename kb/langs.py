"""The site's languages, Spanish first, and how its own code writes dates for readers.

Read once from data/ui.yml, so a language is added in one place (plus its pages and the i18n
plugin's list in mkdocs.yml).
"""

import datetime
from functools import cache

from kb import DATA
from kb.data import DataError, read_yaml


@cache
def _ui() -> dict:
    ui = read_yaml(DATA / "ui.yml") or {}
    codes = [lang.get("code") for lang in ui.get("languages") or []]
    if not codes or not all(codes):
        raise DataError("data/ui.yml: `languages:` must list each language as {code: xx}")
    return ui


def languages() -> tuple[str, ...]:
    """Language codes, the default (served at /) first: ('es', 'en')."""
    listed = _ui()["languages"]
    return tuple(lang["code"] for lang in sorted(listed, key=lambda lang: not lang.get("default")))


def default() -> str:
    return languages()[0]


def prefix(lang: str) -> str:
    """Where a language's site starts, relative to the root: '' for the default, 'en/' otherwise."""
    return "" if lang == default() else f"{lang}/"


def written_date(day: datetime.date, lang: str) -> str:
    """'2 de diciembre de 2026' / 'December 2, 2026': how a reader sees a date, never YYYY-MM-DD."""
    month = _ui()["months"][lang][day.month - 1]
    if lang == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{month} {day.day}, {day.year}"


LANGS = languages()


def ui(key: str) -> dict:
    """A block of data/ui.yml (`offline`, `not_found`, `short_name`, …): the words our own code shows."""
    value = _ui().get(key)
    if not isinstance(value, dict):
        raise DataError(f"data/ui.yml: `{key}:` is missing or not a mapping by language")
    return value
