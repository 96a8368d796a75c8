"""Join the reader-side JavaScript into the one file every page loads: `python -m kb.bundle SITE_DIR`.

The scripts are written one file per concern in kb/js/ (inside this package, so the theme does not
publish the sources next to the bundle) and shipped as one: a first visit on a slow phone makes one
request for all of them, not nine. `write` puts them, in the order of FILES (the order they run
in), into `SITE_DIR/assets/kb.js`, which mkdocs.yml's `extra_javascript` links from every page;
kb/postbuild.py calls it after the build. Each file is the body of its own function, so its `var`s
stay its own and it may `return` early; the parts share one object, `kb` (common.js says what is on
it). Comments that fill whole lines stay in kb/js/ and are left out of the bundle (a third of its
gzip bytes); each part keeps a `// kb/js/<file>` line saying where it came from. The bytes depend on
the sources only: the offline worker's version is a hash of them.

A file of kb/js/ that FILES does not list, or one it lists that is missing, is a ContentError: no
part is dropped from the page, or left behind, without a word. search-core.js is also a Node module
(`node --test tests/js/*.test.js` tests it), so it has no page to touch.
"""

import argparse
import json
import re
import sys
from pathlib import Path

from kb import DATA
from kb.data import read_yaml
from kb.errors import ContentError
from kb.langs import ui

JS = Path(__file__).resolve().parent / "js"
OUTPUT = Path("assets") / "kb.js"
TOOLS_OUTPUT = Path("assets") / "kb-tools.js"
SEARCH_OUTPUT = Path("assets") / "kb-search.js"


def write(site: Path, js: Path = JS, files: tuple[str, ...] | None = None) -> Path:
    """Write the bundle of `js`'s FILES into `site`, and of its TOOLS (kb/js/ only) next to it;
    returns the main bundle's file."""
    target = site / OUTPUT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text(js, FILES if files is None else files).encode("utf-8"))
    if js == JS:
        (site / TOOLS_OUTPUT).write_bytes(tools_text().encode("utf-8"))
        (site / SEARCH_OUTPUT).write_bytes(search_text().encode("utf-8"))
    return target


def tools_text(js: Path = JS) -> str:
    """assets/kb-tools.js: the reader's tools (kb/widgets.py), loaded only by the pages that have one
    (`<script defer>`, so after assets/kb.js, whose `kb` it uses: common.js puts it on `self.kbPage`)."""
    return _later(js, TOOLS)


def search_text(js: Path = JS) -> str:
    """assets/kb-search.js: search's code, which kb/js/search-load.js (in assets/kb.js) loads when the
    reader first opens search; it uses assets/kb.js's `kb` too."""
    return _later(js, SEARCH)


def text(js: Path = JS, files: tuple[str, ...] | None = None) -> str:
    """The bundle's text: the header, then every listed file wrapped in its own function."""
    files = FILES if files is None else files
    _check(js, files)
    words = json.dumps(ui("page"), ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    days = int(read_yaml(DATA / "privacy.yml")["details_days"])
    parts = [_HEADER, _OPEN, f"var KB_TEXT = {words}; /* data/ui.yml, `page:` */\n"]
    parts.append(f"var KB_DETAILS_DAYS = {days}; /* data/privacy.yml */\n")
    parts += [_part(js, name) for name in files]
    parts.append(_CLOSE)
    return "".join(parts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site", type=Path, help="the built site's folder, e.g. site")
    args = parser.parse_args(argv)
    try:
        print(write(args.site))
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


# Helpers


def _check(js: Path, files: tuple[str, ...]) -> None:
    where = _shown(js)
    missing = [name for name in files if not (js / name).is_file()]
    if missing:
        raise ContentError(
            f"{where}/{missing[0]}: listed in kb/bundle.py FILES but there is no such file: "
            "create it, or take it out of FILES"
        )
    listed = set(files) | (set(FILES + TOOLS + SEARCH) if js == JS else set())
    unlisted = sorted(p.name for p in js.glob("*.js") if p.name not in listed)
    if unlisted:
        raise ContentError(
            f"{where}/{unlisted[0]}: not in kb/bundle.py FILES, so no page would run it: add it to "
            "FILES where it should run (after the files it uses), or delete it"
        )


def _later(js: Path, files: tuple[str, ...]) -> str:
    """A file that runs after assets/kb.js and shares its `kb` (common.js puts it on `self.kbPage`)."""
    _check(js, files)
    parts = [_HEADER, '(function () {\n"use strict";\nvar kb = self.kbPage;\nif (!kb) return;\n']
    parts += [_part(js, name) for name in files]
    parts.append(_CLOSE)
    return "".join(parts)


def _part(js: Path, name: str) -> str:
    source = (js / name).read_text(encoding="utf-8").replace("\r\n", "\n")
    source = _COMMENT_LINES.sub("", source).strip("\n")
    return f"\n// kb/js/{name}\n(function () {{\n{source}\n}})();\n"


def _shown(js: Path) -> str:
    try:
        return js.resolve().relative_to(JS.parent.parent).as_posix()
    except ValueError:
        return js.as_posix()


# Data

# The order the parts run in. common.js first: the others use what it puts on `kb` (the language,
# kb.ready, kb.copy); details.js before scripts.js, which uses it. The page's own parts start when
# the page is parsed, in this order, as they always have.
FILES = (
    "common.js",  # the page's language, kb.ready, copying with a status line
    "details.js",  # the reader's fill-in details, kept in this browser
    "scripts.js",  # the fill-in form and each script's copy button
    "links.js",  # copy a link to a section; the language switch keeps the section
    "page.js",  # glossary terms by tap, wide tables by keyboard
    "offline.js",  # the offline copy: service worker and the About page's switch
    "paper.js",  # printing: full addresses, print buttons, open <details>
    "search-load.js",  # loads search's code (SEARCH) when the reader first opens search
)
# Search's code, in assets/kb-search.js: search-core.js before search-ui.js, which uses it. A first
# visit does not download it (7.7 KB gzip of the 9.9 KB assets/kb.js was search); the reader who
# opens search downloads it with the index (decisions/0001-search.md).
SEARCH = (
    "search-core.js",  # search without the page: terms, ranking, what to show (Node tests it)
    "search-ui.js",  # the search box, its fetches and its results
)
# The reader's tools (kb/widgets.py), in assets/kb-tools.js: only the few pages with one load them,
# so the bundle every page (and search, before its first result) downloads stays small.
TOOLS = (
    "deadlines.js",  # the date calculators: buyout's last day, a letter's reply-by date (Node tests it)
    "calllog.js",  # the call log kept in this browser (uses deadlines.js's dates)
)

# A comment alone on its line(s): `// …`, or `/* … */` with nothing but spaces after it. The block
# form cannot run past its first `*/`, so no code between two comments is ever taken with them.
_COMMENT_LINES = re.compile(r"^[ \t]*(?://[^\n]*|/\*(?:[^*]|\*(?!/))*\*/[ \t]*)\n", re.MULTILINE)
_HEADER = "/* Built by kb/bundle.py from kb/js/: do not edit. */\n"
_OPEN = '(function () {\n"use strict";\nvar kb = {}; /* what one part gives another: see kb/js/common.js */\n'
_CLOSE = "})();\n"


if __name__ == "__main__":
    sys.exit(main())
