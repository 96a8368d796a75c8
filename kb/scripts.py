"""Scripts: `<!-- script: ID -->` in a page becomes the ready-to-say phrase, email or letter.

Readers need the exact words to say or send. Each script is written once, Spanish and English side
by side, in `data/scripts.yml`; a page places it with an HTML comment on its own line. A
Python-Markdown extension (listed in mkdocs.yml as `kb.scripts`) renders a linkable heading (`#ID`),
the text with its placeholders marked, and a copy button; the first script on a page brings the
fill-in-once form. Bad data or a bad marker fails the build naming the file (and line) and the fix.
"""

import html
import re
from pathlib import Path

from kb import authored
from kb.data import read_once
from kb.errors import ContentError
from kb.langs import LANGS, ui
from kb.page import PageExtension, PagePreprocessor, page_of

# Extension


class _Scripts(PagePreprocessor):
    def run(self, lines):
        page = page_of(
            self.md, self.options["lang"] or None, self.options["src"] or None, self.options["root"] or None
        )
        markdown = "\n".join(lines)
        if not _ANY_MARKER.search(markdown):
            return lines
        data = load(page.root / "data" / "scripts.yml")
        scripts = {s["id"]: s for s in data["scripts"]}
        first = page.line_of(markdown)
        seen: list[str] = []
        out = list(lines)
        for number, line in authored.prose(markdown, first):  # a marker in code is shown as code
            if not _ANY_MARKER.search(authored.without_code(line)):
                continue
            index = number - first
            where = f"{page.src}:{number}"
            match = _MARKER.fullmatch(line.strip())
            problem = _marker_problem(line, scripts)
            if problem:
                raise ContentError(f"{where}: {problem}")
            sid = match.group("id")
            if sid in seen:
                raise ContentError(f"{where}: script '{sid}' is placed twice on this page")
            form = "" if seen else _render_form(data, _page_placeholders(markdown, scripts), page.lang)
            seen.append(sid)
            heading, block = _render_script(data, scripts[sid], page.lang)
            # The HTML goes into Python-Markdown's stash, as its raw-HTML step would put it, without
            # being parsed again by that step (it was a third of the time of a page with scripts).
            stash = self.md.htmlStash.store
            out[index] = (f"\n{stash(form)}\n" if form else "") + f"{heading}\n\n{stash(block)}\n"
        return "\n".join(out).split("\n")


class ScriptsExtension(PageExtension):
    processor = _Scripts
    name, priority = "kb_scripts", 25  # after normalize_whitespace (30): it would strip the stash markers
    options = {
        "lang": ["", "page language when no MkDocs page is known (es, en)"],
        "src": ["", "file name for messages when no MkDocs page is known"],
        "root": ["", "project folder holding data/scripts.yml when no MkDocs page is known"],
    }


def makeExtension(**kwargs):
    return ScriptsExtension(**kwargs)


# Helpers


def load(path: Path) -> dict:
    """data/scripts.yml, checked; ContentError lists every problem with the script it is in."""
    return read_once(path, _checked)


def _checked(data) -> dict:
    data = data or {}
    problems = shape_problems(data) or data_problems(data)
    if problems:
        raise ContentError("data/scripts.yml: " + "\n  ".join(["", *problems]))
    return data


def shape_problems(data) -> list[str]:
    """The file's shape, before its content is read: a mapping of `placeholders:`, `groups:` and
    `scripts:`, each entry with its `id`, no ID twice, each placeholder of a known type."""
    if not isinstance(data, dict):
        return ["must be a mapping with `placeholders:`, `groups:` and `scripts:` (not a list)"]
    problems = []
    placeholders = data.get("placeholders") or {}
    if not isinstance(placeholders, dict):
        problems.append("`placeholders:` must map each key to {es: …, en: …, type: …}")
    else:
        for key, spec in placeholders.items():
            kind = spec.get("type") if isinstance(spec, dict) else None
            if kind not in _TYPES:
                problems.append(f"placeholder [{key}]: `type: {kind}` must be one of {', '.join(_TYPES)}")
    for block in ("groups", "scripts"):
        entries = data.get(block) or []
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            problems.append(f"`{block}:` must be a list of entries, each starting `- id: …`")
            continue
        seen = set()
        for number, entry in enumerate(entries, 1):
            sid = entry.get("id")
            if not isinstance(sid, str) or not sid:
                problems.append(f"`{block}:` entry {number} has no `id:`: give it one")
            elif sid in seen:
                problems.append(f"`{block}:` ID '{sid}' is used twice: the second would replace the first")
            seen.add(sid)
    return problems


def data_problems(data: dict) -> list[str]:
    known = data.get("placeholders") or {}
    groups = {g["id"] for g in data.get("groups") or []}
    problems = []
    for script in data.get("scripts") or []:
        sid = script.get("id", "?")
        if script.get("kind") not in _KINDS:
            problems.append(f"'{sid}': kind must be one of {', '.join(_KINDS)}")
        if script.get("group") not in groups:
            problems.append(f"'{sid}': group '{script.get('group')}' is not in `groups:`")
        keys = {}
        for lang in LANGS:
            version = script.get(lang) or {}
            if not isinstance(version, dict) or not version.get("title") or not version.get("text"):
                problems.append(f"'{sid}': the '{lang}' version needs a title and a text")
                continue
            keys[lang] = set(_PLACEHOLDER.findall(version["text"]))
            for key in sorted(keys[lang] - set(known)):
                problems.append(f"'{sid}' ({lang}): placeholder [{key}] is not in `placeholders:`")
        if len(keys) == len(LANGS) and len({frozenset(k) for k in keys.values()}) > 1:
            problems.append(
                "'{}': placeholders differ between languages: {}".format(
                    sid, " vs ".join(f"{lang} {sorted(k)}" for lang, k in keys.items())
                )
            )
    return problems


def site_problems(data: dict, docs: Path) -> list[str]:
    """Every bad marker of every page (file:line), then each script no page of a language places."""
    scripts = {s["id"]: s for s in data.get("scripts") or []}
    problems = []
    for page in sorted(docs.rglob("*.md")):
        for number, line in authored.prose(page.read_text(encoding="utf-8")):
            problem = _ANY_MARKER.search(authored.without_code(line)) and _marker_problem(line, scripts)
            if problem:
                problems.append(f"docs/{page.relative_to(docs).as_posix()}:{number}: {problem}")
    for lang in LANGS:
        placed = set()
        for page in (docs / lang).rglob("*.md"):
            placed.update(_MARKER_IDS.findall(page.read_text(encoding="utf-8")))
        problems += [
            f"data/scripts.yml: script '{s['id']}' is used by no page in '{lang}': place it with "
            f"<!-- script: {s['id']} --> or remove it"
            for s in data.get("scripts") or []
            if s["id"] not in placed
        ]
    return problems


def _marker_problem(line: str, scripts: dict) -> str | None:
    match = _MARKER.fullmatch(line.strip())
    if not match:
        return f"malformed script marker {line.strip()!r}: write `<!-- script: ID -->` alone on its line"
    if match.group("id") not in scripts:
        return (
            f"unknown script ID '{match.group('id')}': add it to data/scripts.yml "
            f"or use one of: {', '.join(sorted(scripts))}"
        )
    return None


def _page_placeholders(markdown: str, scripts: dict) -> list[str]:
    """Placeholder keys of every script placed on the page (the same in both languages)."""
    keys: list[str] = []
    for sid in _MARKER_IDS.findall(markdown):
        for key in _PLACEHOLDER.findall(scripts.get(sid, {}).get(LANGS[0], {}).get("text", "")):
            if key not in keys:
                keys.append(key)
    return keys


def _render_script(data: dict, script: dict, lang: str) -> tuple[str, str]:
    """The script's heading (Markdown, so it gets its ID and permalink) and its block (HTML)."""
    version = script[lang]
    paragraphs = re.split(r"\n\s*\n", version["text"].strip())
    body = "".join(f"<p>{_fill(data, p, lang).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    words = ui("scripts")[lang]
    kind = html.escape(words[script["kind"]])
    heading = f"\n### {html.escape(version['title'])} {{ #{script['id']} .kb-script-title }}"
    return heading, (
        f'<div class="kb-script" data-script="{script["id"]}" data-kind="{script["kind"]}">'
        f'<p class="kb-kind">{kind}</p><div class="kb-script-text">{body}</div>'
        '<button type="button" class="md-button kb-copy" data-kb-ui hidden>'
        f"{html.escape(words['copy'])}</button>"
        '<span class="kb-status" role="status" data-kb-ui></span></div>'
    )


def _fill(data: dict, text: str, lang: str) -> str:
    """Escape the text and mark each `[key]` with the reader's label for it."""

    def span(match):
        key = match.group(1)
        label = html.escape(data["placeholders"][key][lang])
        return f'<span class="kb-ph" data-ph="{key}" data-label="[{label}]">[{label}]</span>'

    return _PLACEHOLDER.sub(span, html.escape(text, quote=False))


def _render_form(data: dict, keys: list[str], lang: str) -> str:
    if not keys:
        return ""
    words = ui("scripts")[lang]
    placeholders = data["placeholders"]
    fields = "".join(
        f"<label><span>{html.escape(_capitalized(placeholders[k][lang]))}</span>"
        f'<input name="{k}" type="{placeholders[k].get("type", "text")}" '
        f'autocomplete="off"></label>'
        for k in keys
    )
    return (
        f'<details class="kb-fill" data-kb-ui hidden><summary>{html.escape(words["fill"])}</summary><form>'
        f'<p class="kb-fill-note">{html.escape(words["private"])}</p>{fields}'
        '<button type="button" class="md-button kb-forget" data-kb-ui>'
        f"{html.escape(words['forget'])}</button>"
        '<span class="kb-status" role="status" data-kb-ui></span></form></details>'
    )


def _capitalized(label: str) -> str:
    return label[:1].upper() + label[1:]


# Data

_KINDS = ("phrase", "email", "letter")
_TYPES = ("text", "date", "email", "tel", "number")  # a placeholder's fill-in field (<input type>)
_ANY_MARKER = re.compile(r"<!--\s*scripts?\b", re.I)
_MARKER = re.compile(r"<!-- script: (?P<id>[a-z0-9-]+) -->")
_MARKER_IDS = re.compile(r"^<!-- script: ([a-z0-9-]+) -->\s*$", re.M)
_PLACEHOLDER = re.compile(r"\[([a-z0-9-]+)\]")
