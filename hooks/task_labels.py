"""Give each checklist box its item's words as its label, so the whole row is the thing to tap.

pymdownx.tasklist (custom_checkbox) writes `<label class="task-list-control"><input type="checkbox">
<span class="task-list-indicator"></span></label> Item text`: the label holds no text, so a screen
reader announces an unnamed checkbox (axe `label`, WCAG 4.1.2) and on a phone only the 20px box
can be tapped. This hook moves the item's own text (up to a nested list or paragraph end) inside
the label; overrides/assets/kb.css makes the label a 44px-high row.
"""

import re

# Hooks


def on_page_content(html, page, config, files):
    if _CONTROL not in html:
        return html
    return _ITEM.sub(_into_label, html)


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
