"""The reader's small local tools, each placed by a marker on its own line: date calculators
(`<!-- deadline: ID -->`) and the call log (`<!-- calllog -->`).

A reader on hold needs the day, not the rule: the last day of the 90-day buyout option (3 months in
California), or the reply-by date 14 business days after the company receives a certified letter.
The page's own words state the rule, so it reads right without JavaScript; the marker adds a folded
form (a date field, for the buyout a California box) whose answer kb/js/deadlines.js writes out in
the page's language with the days left, and a line saying to confirm the date with the company.
What each ID counts is in DEADLINES; kb/js/deadlines.js counts it the same way
(tests/js/deadlines.test.js).

The call log is a form to note a call in a few taps and the list of calls noted, newest first,
which kb/js/calllog.js keeps, edits, copies, shares and prints. The printable blank template stays
on the page for people who prefer paper.

Both are rendered here, in the page's HTML, hidden until their script (assets/kb-tools.js, which
only these pages load) shows them (kb.css keeps
their place, so nothing jumps) and left out without scripts. The words are in data/ui.yml
(`deadlines:`, `calllog:`); the few the script writes travel on the form itself (`data-words`:
only pages with a tool pay for them). Nothing is kept but the reader's fill-in details
(kb/js/details.js: in this browser only, forgotten with them): the delivery date, the reply-by date
the calculator puts into the letter's `[reply-by]`, and the calls.
"""

import html
import json
import re

from kb import DATA, authored
from kb.bundle import TOOLS_OUTPUT
from kb.data import read_yaml
from kb.errors import ContentError
from kb.langs import ui
from kb.page import PageExtension, PagePreprocessor, page_of
from kb.site import url_of

# Extension


class _Widgets(PagePreprocessor):
    def run(self, lines):
        markdown = "\n".join(lines)
        if not _ANY_MARKER.search(markdown):
            return lines
        page = page_of(self.md, self.options["lang"] or None, self.options["src"] or None)
        first = page.line_of(markdown)
        out, seen = list(lines), set()
        for number, line in authored.prose(markdown, first):  # a marker in code is shown as code
            if not _ANY_MARKER.search(authored.without_code(line)):
                continue
            where = f"{page.src}:{number}"
            widget = _widget(line.strip(), where)
            if widget in seen:
                raise ContentError(f"{where}: {_named(widget)} is placed twice on this page")
            html_ = render(widget, page.lang) + ("" if seen else _script(page))
            seen.add(widget)
            out[number - first] = f"\n{self.md.htmlStash.store(html_)}\n"
        return "\n".join(out).split("\n")


class WidgetsExtension(PageExtension):
    processor = _Widgets
    name, priority = "kb_widgets", 26  # after normalize_whitespace (30), before kb.scripts (25)
    options = {
        "lang": ["", "page language when no MkDocs page is known (es, en)"],
        "src": ["", "file name for messages when no MkDocs page is known"],
    }


def makeExtension(**kwargs):
    return WidgetsExtension(**kwargs)


# Helpers


def render(widget: str, lang: str) -> str:
    """A tool's HTML ('calllog' or a deadline ID), hidden until the page's script shows it."""
    if widget == "calllog":
        return _calllog(_words(("calllog",), _CALLLOG, lang))
    words = _words(("deadlines", widget), _DEADLINE_WORDS[widget], lang)
    field, count = DEADLINES[widget]
    e = html.escape
    box = (
        f'<label class="kb-check"><input type="checkbox" name="california"> {e(words["california"])}</label>'
        if "california" in words
        else ""
    )
    said = {k: v for k, v in words.items() if k not in ("summary", "from", "california", "note")}
    return (
        f'<details class="kb-deadline" data-deadline="{widget}" data-count="{count}" '
        f'data-words="{e(json.dumps(said, ensure_ascii=False))}" data-kb-ui hidden>'
        f"<summary>{e(words['summary'])}</summary><form>"
        f'<label><span>{e(words["from"])}</span><input type="date" name="{field}" autocomplete="off"></label>'
        f'{box}<p class="kb-deadline-out" role="status"></p>'
        f'<p class="kb-deadline-note">{e(words["note"])}</p></form></details>'
    )


def _calllog(words: dict) -> str:
    e = html.escape
    fields = "".join(
        f"<label><span>{e(words[name])}</span>"
        + (
            f'<textarea name="{name}" rows="3" autocomplete="off"></textarea>'
            if kind == "textarea"
            else f'<input name="{name}" type="{kind}" autocomplete="off">'
        )
        + "</label>"
        for name, kind in _CALL_FIELDS
    )
    said = {k: words[k] for k in _CALLLOG_SAID}

    def button(kind: str, name: str, hidden: bool = False) -> str:
        css = ("md-button--primary " if kind == "submit" else "") + f"kb-calllog-{name}"
        shown = " hidden" if hidden else ""
        return f'<button type="{kind}" class="md-button {css}"{shown}>{e(words[name])}</button>'

    return (
        f'<div class="kb-calllog" data-words="{e(json.dumps(said, ensure_ascii=False))}" data-kb-ui hidden>'
        f'<p class="kb-fill-note">{e(words["private"].replace("{days}", str(_days())))}</p>'
        f'<details class="kb-calllog-add"><summary>{e(words["add"])}</summary><form>{fields}'
        f"{button('submit', 'save')}{button('button', 'cancel', hidden=True)}</form></details>"
        f'<p class="kb-calllog-empty">{e(words["empty"])}</p><ol class="kb-calllog-list" reversed></ol>'
        f'<p class="kb-calllog-actions">{button("button", "copy")}{button("button", "share", hidden=True)}'
        f"{button('button', 'print')}{button('button', 'clear')}</p>"
        '<span class="kb-status" role="status"></span></div>'
    )


def _script(page) -> str:
    """The tools' script (kb/bundle.py TOOLS), relative to the page: deferred, so it runs after
    assets/kb.js whatever their order in the page."""
    up = "../" * url_of(page.name, page.lang).count("/")
    return f'<script src="{up}{TOOLS_OUTPUT.as_posix()}" defer></script>'


def _days() -> int:
    """How many days without use the reader's details (and so the calls) are kept."""
    return int(read_yaml(DATA / "privacy.yml")["details_days"])


def _widget(line: str, where: str) -> str:
    """The tool a marker line names: 'calllog' or a deadline ID."""
    if line == "<!-- calllog -->":
        return "calllog"
    if re.match(r"<!--\s*calllog\b", line, re.I):
        raise ContentError(f"{where}: malformed call log marker: write `<!-- calllog -->` alone on its line")
    match = _DEADLINE.fullmatch(line)
    if not match:
        raise ContentError(f"{where}: malformed deadline marker: write {_WRITE} on a line of its own")
    if match.group("id") not in DEADLINES:
        raise ContentError(f"{where}: unknown deadline '{match.group('id')}': write {_WRITE}")
    return match.group("id")


def _named(widget: str) -> str:
    return "the call log" if widget == "calllog" else f"deadline '{widget}'"


def _words(path: tuple[str, ...], wanted: tuple[str, ...], lang: str) -> dict:
    """The words of data/ui.yml at `path` (('calllog',), ('deadlines', 'buyout')) for `lang`."""
    words = ui(path[0])
    for part in path[1:]:
        words = words.get(part) or {}
    words = words.get(lang)
    if not isinstance(words, dict) or any(not isinstance(words.get(k), str) for k in wanted):
        name = " ".join(f"{k}:" for k in path)
        raise ContentError(f"data/ui.yml: `{name} {lang}:` needs {', '.join(wanted)}")
    return words


# Data

# ID: (the date field's name, what is counted). The field's name is a fill-in detail's key when the
# reader's scripts use it (data/scripts.yml `placeholders:`), so the date typed once is known to both.
DEADLINES = {
    "buyout": ("delivery-date", "buyout"),  # 90 days after delivery; 3 months in California
    "reply-by": ("received", "business-14"),  # 14 business days (Monday–Friday) after receipt
}
_DEADLINE_WORDS = {
    "buyout": (
        "summary",
        "from",
        "california",
        "result",
        "resultCalifornia",
        "left",
        "today",
        "past",
        "note",
    ),  # fmt: skip
    "reply-by": ("summary", "from", "result", "note"),
}
# The call log's fields (name, input type), in the order the form asks for them.
_CALL_FIELDS = (
    ("date", "date"),
    ("time", "time"),
    ("agent", "text"),
    ("case", "text"),
    ("promised", "text"),
    ("notes", "textarea"),
)
_CALLLOG_SAID = ("date", "time", "agent", "case", "promised", "notes", "title", "edit", "delete",
                 "confirmDelete", "confirmClear", "copied", "saved", "deleted", "cleared", "save",
                 "change")  # fmt: skip
_CALLLOG = tuple(dict.fromkeys(("private", "add", "cancel", "empty", "copy", "share", "print", "clear")
                               + _CALLLOG_SAID))  # fmt: skip
_WRITE = " or ".join(f"`<!-- deadline: {d} -->`" for d in DEADLINES)
_ANY_MARKER = re.compile(r"<!--\s*(deadlines?|calllog)\b", re.I)
_DEADLINE = re.compile(r"<!-- deadline: (?P<id>[a-z0-9-]+) -->")
