"""Give each checklist box its item's words as its label, so the whole row is the thing to tap.

pymdownx.tasklist (custom_checkbox) writes `<label class="task-list-control"><input type="checkbox">
<span class="task-list-indicator"></span></label> Item text`: the label holds no text, so a screen
reader announces an unnamed checkbox (axe `label`, WCAG 4.1.2) and on a phone only the 20px box
can be tapped. This moves the item's own text (up to a nested list or paragraph end) inside
the label; overrides/assets/kb.css makes the label a 44px-high row. A Python-Markdown
extension (`kb.tasklabels` in mkdocs.yml) does it on each page's HTML, last.
"""

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

# Extension


class TaskLabelsExtension(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(_TaskLabels(md), "kb_task_labels", 5)  # after raw HTML is back


def makeExtension(**kwargs):
    return TaskLabelsExtension(**kwargs)


class _TaskLabels(Postprocessor):
    def run(self, text):
        if _CONTROL not in text:
            return text
        return _ITEM.sub(_into_label, text)


# Helpers


def _into_label(match: re.Match) -> str:
    text = match.group("text").rstrip()
    rest = match.group("text")[len(text) :]
    return f"{match.group('control')} {text}</label>{rest}"


# Data

_CONTROL = '<label class="task-list-control">'
_ITEM = re.compile(
    r'(?P<control><label class="task-list-control"><input [^>]*type="checkbox"[^>]*>'
    r'<span class="task-list-indicator"></span>)</label>\s*'
    r"(?P<text>(?:(?!</?(?:li|ul|ol|p|div|label)[\s>/]).)+)",
    re.S,
)
