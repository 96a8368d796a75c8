"""What an author types must not become active markup, nor a marker that silently does nothing.

A volunteer edits a guide on a phone. Markdown lets raw HTML through, so a pasted `<script>`, an
`onerror=` attribute, a `javascript:` link or an `<iframe>` from another site would reach every
reader; and a marker with a typo (`<!-- scirpt: x -->`, `<!-- Script: x -->`) is just a comment, so
the script it meant to place is missing and nothing says so. kb/shape.py runs these checks on every
page before the other transforms; each problem names the line and the fix. Code (fenced blocks and
`inline code`) is shown as code, so nothing in it is checked.
"""

import re
from pathlib import Path

# Helpers


def encoding_problems(docs: Path) -> list[str]:
    """Every page under docs/ that is not UTF-8 text, with the line of its first bad byte."""
    found = []
    for page in sorted(docs.rglob("*.md")):
        data = page.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            found.append(
                f"docs/{page.relative_to(docs).as_posix()}:{line}: "
                f"not UTF-8 text (byte 0x{data[error.start]:02x}): "
                "save the file as UTF-8 (in most editors: Save with encoding, UTF-8)"
            )
    return found


def problems(markdown: str, first: int = 1) -> list[str]:
    """Raw HTML that could run code or load another site, and comments that look like markers."""
    found = []
    for number, line in prose(markdown, first):
        text = without_code(line)
        for link in _MD_LINK.finditer(text):
            found.append(
                f"line {number}: link to '{link.group(1)[:30]}…': "
                "a script address; link to a page or a source"
            )
        for tag in _TAG.finditer(text):
            found += [f"line {number}: {p}" for p in _tag_problems(tag.group(0))]
        for comment in _COMMENT.finditer(text):
            problem = _marker_problem(comment.group(1))
            if problem:
                found.append(f"line {number}: {problem}")
    return found


def prose(markdown: str, first: int = 1):
    """(line number in the file, line) of the Markdown outside fenced code."""
    fence = None
    for index, line in enumerate(markdown.splitlines()):
        marker = re.match(r"\s*(`{3,}|~{3,})", line)
        if marker:
            fence = None if fence and marker.group(1).startswith(fence) else fence or marker.group(1)
            continue
        if not fence:
            yield first + index, line


def without_code(line: str) -> str:
    """A line without its `inline code` spans."""
    return _CODE_SPAN.sub("", line)


def _tag_problems(tag: str) -> list[str]:
    name = _NAME.match(tag).group(1).lower()
    if name in _ACTIVE:
        return [f"raw <{name}> is not allowed: it could run code or load another site; remove it"]
    out = []
    for attribute in _ATTRIBUTE.finditer(tag):
        key, value = attribute.group(1).lower(), (attribute.group(2) or "").strip("'\" ")
        if key.startswith("on"):
            out.append(f"<{name} {key}=…>: event attributes run code; remove `{key}`")
        elif key in _URL_ATTRIBUTES and _SCHEME.match(value):
            out.append(f'<{name} {key}="{value[:30]}…">: a script address; link to a page or a source')
    return out


def _marker_problem(body: str) -> str | None:
    """A comment whose first word is a marker's name mistyped or in capitals."""
    word = re.match(r"\s*([A-Za-z]+)\s*(:)?", body)
    if not word:
        return None
    name, colon = word.group(1), bool(word.group(2))
    if name in _MARKERS:
        return None  # a marker: its own extension checks the rest (kb/scripts.py, kb/widgets.py, …)
    near = [m for m in _MARKERS if m == name.lower() or _one_or_two_edits(m, name.lower())]
    if not near or (not colon and name.lower() not in _MARKERS and len(name) < 5):
        return None
    marker = near[0]
    written = f"<!-- {marker}: ID -->" if _MARKERS[marker] else f"<!-- {marker} -->"
    return f"'<!--{body}-->' looks like a marker but is not one: write `{written}`"


def _one_or_two_edits(a: str, b: str) -> bool:
    """Levenshtein distance of 1 or 2 (marker names are short)."""
    if abs(len(a) - len(b)) > 2:
        return False
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return 0 < row[-1] <= 2


# Data

# name: whether it takes ": ID"
_MARKERS = {"script": True, "deadline": True, "sources": False, "glossary": False, "calllog": False}
_ACTIVE = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
           "style", "svg", "math", "template", "portal"}  # fmt: skip
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
_SCHEME = re.compile(r"\s*(javascript|vbscript|data)\s*:", re.I)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1")
_TAG = re.compile(r"<[A-Za-z][\w:-]*(?:\s+[^<>]*)?/?>")
_NAME = re.compile(r"<([A-Za-z][\w:-]*)")
_ATTRIBUTE = re.compile(r"\s([A-Za-z_:][\w:.-]*)\s*(?:=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_COMMENT = re.compile(r"<!--(.*?)-->")
_MD_LINK = re.compile(r"\]\(\s*<?((?:javascript|vbscript|data)\s*:[^)]*)", re.I)
