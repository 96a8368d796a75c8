"""Replace `<!-- script: ID -->` markers with the script, rendered in the page's language.

Readers need the exact words to say or send. Each script is written once, Spanish and English side
by side, in `data/scripts.yml`; a guide places it with an HTML comment (invisible when the Markdown
is read raw). The hook renders a linkable heading (`#ID`), the text with its placeholders marked,
and a copy button; the first script on a page brings the fill-in-once form. Bad data or a bad
marker fails the build, naming the file (and line) and what to fix.
"""

import html
import logging
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.scripts")

# Hooks


@event_priority(-110)  # after mkdocs-static-i18n (-100) has set this build's language
def on_config(config):
    global _data, _scripts
    path = Path(config.config_file_path).parent / "data" / "scripts.yml"
    _data = _read_yaml(path) or {}
    problems = _data_problems(_data)
    if problems:
        raise PluginError("data/scripts.yml: " + "\n  ".join(["", *problems]))
    _scripts = {s["id"]: s for s in _data.get("scripts") or []}


def on_page_markdown(markdown, page, config, files):
    where = f"docs/{page.file.src_uri}"
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    seen: list[str] = []
    lines = markdown.splitlines()
    first = _first_line(page, markdown)
    for index, line in enumerate(lines):
        if not _ANY_MARKER.search(line):
            continue
        number = first + index
        match = _MARKER.fullmatch(line.strip())
        if not match:
            raise PluginError(
                f"{where}:{number}: malformed script marker {line.strip()!r}: "
                "write `<!-- script: ID -->` alone on its line"
            )
        sid = match.group("id")
        if sid not in _scripts:
            raise PluginError(
                f"{where}:{number}: unknown script ID '{sid}': add it to data/scripts.yml "
                f"or use one of: {', '.join(sorted(_scripts))}"
            )
        if sid in seen:
            raise PluginError(f"{where}:{number}: script '{sid}' is placed twice on this page")
        form = "" if seen else _render_form(_page_placeholders(markdown), lang)
        seen.append(sid)
        lines[index] = form + _render_script(_scripts[sid], lang)
    _used.setdefault(lang, set()).update(seen)
    return "\n".join(lines)


def on_post_build(config):
    lang = config.theme["language"]
    unused = sorted(set(_scripts) - _used.get(lang, set()))
    for sid in unused:
        log.warning(f"data/scripts.yml: script '{sid}' is used by no page in '{lang}'")
    _used[lang] = set()


# Helpers


def _read_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"data/{path.name}: cannot read it: {error}") from error


def _data_problems(data: dict) -> list[str]:
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
        for lang in _LANGS:
            version = script.get(lang) or {}
            if not version.get("title") or not version.get("text"):
                problems.append(f"'{sid}': the '{lang}' version needs a title and a text")
                continue
            keys[lang] = set(_PLACEHOLDER.findall(version["text"]))
            for key in sorted(keys[lang] - set(known)):
                problems.append(f"'{sid}' ({lang}): placeholder [{key}] is not in `placeholders:`")
        if len(keys) == 2 and keys["es"] != keys["en"]:
            problems.append(
                f"'{sid}': placeholders differ between languages: "
                f"es {sorted(keys['es'])} vs en {sorted(keys['en'])}"
            )
    return problems


def _first_line(page, markdown: str) -> int:
    """Line number, in the source file, of the Markdown's first line (after the front matter)."""
    source = page.file.content_string
    start = source.find(markdown[:200]) if markdown.strip() else -1
    return source[:start].count("\n") + 1 if start >= 0 else 1


def _page_placeholders(markdown: str) -> list[str]:
    """Placeholder keys of every script placed on the page (the same in both languages)."""
    keys: list[str] = []
    for sid in _MARKER_IDS.findall(markdown):
        for key in _PLACEHOLDER.findall(_scripts.get(sid, {}).get("es", {}).get("text", "")):
            if key not in keys:
                keys.append(key)
    return keys


def _render_script(script: dict, lang: str) -> str:
    version = script[lang]
    paragraphs = re.split(r"\n\s*\n", version["text"].strip())
    body = "".join(f"<p>{_fill(p, lang).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    kind = _UI[lang][script["kind"]]
    return (
        f"\n### {html.escape(version['title'])} {{ #{script['id']} .kb-script-title }}\n\n"
        f'<div class="kb-script" data-script="{script["id"]}" data-kind="{script["kind"]}">'
        f'<p class="kb-kind">{kind}</p><div class="kb-script-text">{body}</div>'
        f'<button type="button" class="md-button kb-copy" hidden>{_UI[lang]["copy"]}</button>'
        '<span class="kb-status" role="status"></span></div>\n'
    )


def _fill(text: str, lang: str) -> str:
    """Escape the text and mark each `[key]` with the reader's label for it."""

    def span(match):
        key = match.group(1)
        label = html.escape(_data["placeholders"][key][lang])
        return f'<span class="kb-ph" data-ph="{key}" data-label="[{label}]">[{label}]</span>'

    return _PLACEHOLDER.sub(span, html.escape(text, quote=False))


def _render_form(keys: list[str], lang: str) -> str:
    if not keys:
        return ""
    ui = _UI[lang]
    fields = "".join(
        f"<label><span>{html.escape(_capitalized(_data['placeholders'][k][lang]))}</span>"
        f'<input name="{k}" type="{_data["placeholders"][k].get("type", "text")}" '
        f'autocomplete="off"></label>'
        for k in keys
    )
    return (
        f'\n<details class="kb-fill" hidden><summary>{ui["fill"]}</summary><form>'
        f'<p class="kb-fill-note">{ui["private"]}</p>{fields}'
        f'<button type="button" class="md-button kb-forget">{ui["forget"]}</button>'
        '<span class="kb-status" role="status"></span></form></details>\n'
    )


def _capitalized(label: str) -> str:
    return label[:1].upper() + label[1:]


# Data

_data: dict = {}
_scripts: dict[str, dict] = {}
_used: dict[str, set] = {}
_LANGS = ("es", "en")
_KINDS = ("phrase", "email", "letter")
_ANY_MARKER = re.compile(r"<!--\s*scripts?\b", re.I)
_MARKER = re.compile(r"<!-- script: (?P<id>[a-z0-9-]+) -->")
_MARKER_IDS = re.compile(r"^<!-- script: ([a-z0-9-]+) -->\s*$", re.M)
_PLACEHOLDER = re.compile(r"\[([a-z0-9-]+)\]")
_UI = {
    "es": {
        "phrase": "Frase para decir",
        "email": "Correo para enviar",
        "letter": "Carta",
        "copy": "Copiar texto",
        "fill": "Complete sus datos una vez y aparecerán en todas las frases de esta página.",
        "private": "Se guardan solo en este navegador; no se envían a ningún lado. "
        "Nunca escriba aquí su número de Seguro Social.",
        "forget": "Olvidar mis datos",
    },
    "en": {
        "phrase": "Phrase to say",
        "email": "Email to send",
        "letter": "Letter",
        "copy": "Copy text",
        "fill": "Fill in your details once and they appear in every script on this page.",
        "private": "They stay in this browser only; nothing is sent anywhere. "
        "Never type your Social Security number here.",
        "forget": "Forget my details",
    },
}
