"""A built page without the indentation of its templates: each run of whitespace that holds a line
break, in the text between tags, becomes one line break.

Why: Lighthouse's simulated phone (its Lantern code, TCPConnection) gets the first 10 TCP segments of
the page (14,600 bytes, headers included) in the round trip that brings its first byte, and each
further window costs one more round trip (150 ms on its Slow 4G). Material's templates indent their
markup deeply (the site's navigation, the table of contents, twice): about 10% of a page's
characters and 0.6-0.8 KB of its gzip bytes are that indentation.
decisions/0008-critical-css.md, fourth pass, has the figures.

A browser shows the page the same: outside `white-space: pre…`, a run of spaces, tabs and line breaks
is laid out as one space, and so is one line break. Left as they are: the insides of tags (attribute
values), comments, and the elements whose text keeps its spaces here: `pre`, `textarea`, `script`,
`style`, and `code` and `kbd` (Material's `.md-typeset code, .md-typeset kbd` are `pre-wrap`).
A no-break space (U+00A0) is not HTML whitespace and stays.
"""

import re

# An element whose text is kept as written, a comment, a tag (quoted attribute values may hold ">").
_KEPT = re.compile(
    r"<(pre|textarea|script|style|code|kbd)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>"
    r"|<!--.*?-->"
    r"|<[A-Za-z/!?](?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S | re.I,
)
_RUN = re.compile(r"[ \t\r\f]*\n[ \t\n\r\f]*")  # HTML's whitespace, with at least one line break


def squeeze(html: str) -> str:
    """The page with each whitespace run holding a line break, between tags, made one line break."""
    out, at = [], 0
    for match in _KEPT.finditer(html):
        out += [_RUN.sub("\n", html[at : match.start()]), match.group(0)]
        at = match.end()
    out.append(_RUN.sub("\n", html[at:]))
    return "".join(out)
