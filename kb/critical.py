"""First paint without waiting for a stylesheet: each page carries the CSS it uses, the file comes later.

A phone on a slow network waited for Material's stylesheet (23 KB gzip) before painting anything.
This post-build step puts in every page, where its first stylesheet link was, a
`<style data-kb-critical>` with the rules of its stylesheets that can apply to the page as built,
on a screen, before the reader touches it; and it replaces the head's stylesheet links by one link
at the end of the body, just before the page's trailing scripts, to those files joined in their
order (Material's, kb.css, then print.css under `@media print`). There the link holds up neither
the first paint nor the content above it, and the scripts after it still wait for it, so whatever
a script adds (copy buttons, search results, tooltips) is styled when it appears.
decisions/0008-critical-css.md has the measurements.

What is inline: every style rule with a selector that matches an element of the page, with only
its selectors that match, inside the `@media` and `@supports` blocks it sits in; the custom
properties (`--md-…`) those rules read, and the `@keyframes` they name. Matching sets aside
pseudo-elements and the states the page does not set (`p::before` and `a:target` count as `p` and
`a`); what needs the reader's pointer or keyboard (`:hover`, `:focus`…) does not hold yet. Paper
(`@media print`, `@page`) is left to the file.

Once the file has loaded the page is exactly as it was with the files in the head: the inline rules
are copies of its rules, in the same order, and the file comes after them, so each of its rules
wins wherever it won before. One file, not three: Material's arriving before kb.css would show the
page for a moment with Material's rules over ours (measured: a layout shift of 0.3 to 0.5 on the
home page). tests/test_critical_css.py checks the pages; tests/browser/test_critical_css_browser.py
that nothing moves when the file arrives.

Reads only the built pages and the files they link. Runs per language after the steps that write
pages and before the content-security policy and the offline worker (kb/offline.py finds the link
in the body).
"""

import hashlib
import os
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape as html_escape
from pathlib import Path
from urllib.parse import urlsplit

import tinycss2
from selectolax.lexbor import LexborHTMLParser

from kb.errors import ContentError
from kb.langs import LANGS, prefix
from kb.notfound import NAME as NOT_FOUND
from kb.site import Site, resolve
from kb.squeeze import squeeze

MARK = "data-kb-critical"

# Hooks (steps of kb/postbuild.py)


def build(site: Site, langs: tuple[str, ...] = LANGS) -> None:
    """Inline the critical CSS of each page of these languages and of their 404 page (and squeeze
    out its templates' indentation, kb/squeeze.py, while the page is read)."""
    base = site.base_path()
    scripts = _script_words(site.root)
    for lang in langs:
        pages = site.pages(lang)
        paths = [page.path for page in pages] + [site.root / prefix(lang) / NOT_FOUND]
        texts = {path: path.read_text(encoding="utf-8") for path in paths if path.exists()}
        names = frozenset(scripts | _class_names(texts.values()))
        for path, html in texts.items():
            url = path.parent.relative_to(site.root).as_posix()
            url = "" if url == "." else url + "/"
            done = squeeze(
                inline(
                    html,
                    lambda href, url=url: _read(site.root, base, url, href),
                    lambda css, href, url=url: _write(site.root, base, url, href, css),
                    names,
                )
            )  # and without its templates' indentation (kb/squeeze.py)
            if done != html:
                path.write_text(done, encoding="utf-8")
        for page in pages:  # the next steps read each page as it is now
            page.__dict__.pop("html", None)
            page.__dict__.pop("tree", None)


# Helpers


def inline(html: str, read, write, names: frozenset[str] | None = None) -> str:
    """The page with its critical CSS inline and its stylesheets linked at the end of its body.

    `read(href)` is the text of a linked stylesheet, or None when it is not a file of the site (that
    link then stays where it is and nothing of it is inlined). The stylesheets are joined, in their
    order and each under its link's `media`, into one file, `write(css, href of the first)` (which
    returns its href): two files arriving one after the other would show the page for a moment
    with Material's rules over the site's own (kb.css), which must come after them; and one file is
    one request (print.css's rules come with it, under `@media print`, after the others as before).
    With `names` (the class names the language's pages and scripts hold), the joined file leaves
    out the selectors that need a class no page and no script has (`purge`).
    """
    if MARK in html:
        return _refresh(html, read)  # a second run, or a page made from a page already done
    end = html.find("</head>")
    tail = _TAIL.search(html, max(end, 0))
    if end < 0 or tail is None:
        return html
    sheets = []
    for match in _LINK.finditer(html, 0, end):
        attributes = _attributes(match.group(0))
        if "stylesheet" in (attributes.get("rel") or "").lower().split():
            css = read(attributes.get("href") or "")
            if css is not None:
                sheets.append((match, _in_media(css, attributes.get("media")), attributes["href"]))
    if not sheets:
        return html
    if len(sheets) > 1 and names is not None:
        sheets = [(match, purge(css, names), href) for match, css, href in sheets]
    critical = subset([css for _, css, _ in sheets], _Page(LexborHTMLParser(html)))
    if len(sheets) > 1:
        href = write("\n".join(css for _, css, _ in sheets), sheets[0][2])
        link = f'<link rel="stylesheet" href="{html_escape(href)}">'
    else:
        link = sheets[0][0].group(0)
    out, at = [], 0
    for index, (match, _, _) in enumerate(sheets):
        out += [html[at : match.start()], f"<style {MARK}>{critical}</style>" if index == 0 else ""]
        at = match.end()
    return "".join([*out, html[at : tail.start()], link, "\n", html[tail.start() :]])


def _refresh(html: str, read) -> str:
    """A page whose stylesheet is already at the end of its body: its critical CSS computed again for
    its own elements (kb/notfound.py makes the 404 page from the home page, which may be done)."""
    style = _CRITICAL.search(html)
    end = html.find("</head>")
    if style is None or not 0 <= style.start() < end:
        return html
    sheets = []
    for match in _LINK.finditer(html, end):
        attributes = _attributes(match.group(0))
        if "stylesheet" in (attributes.get("rel") or "").lower().split():
            css = read(attributes.get("href") or "")
            if css is None:
                return html
            sheets.append(_in_media(css, attributes.get("media")))
    tree = LexborHTMLParser(html[: style.start()] + html[style.end() :])
    critical = f"<style {MARK}>{subset(sheets, _Page(tree))}</style>"
    return html[: style.start()] + critical + html[style.end() :]


@lru_cache(maxsize=8)
def purge(css: str, names: frozenset[str]) -> str:
    """The stylesheet without the selectors that need a class, or a `[dir=…]`, in none of `names`.

    Material's stylesheet styles every feature it has (tabs, blog, versions, a dozen admonition
    types…); this site uses few: about a third of the file styles nothing a reader of it can
    see. A selector is left out only when a class it requires of the element it styles, outside
    `:not()`, `:is()` and other functions, is on no page and in no script (scripts add classes:
    Material's tooltips, the back-to-top button, the search results), or when it requires a
    writing direction (`[dir=rtl]`) no page has. Everything else is kept as
    written, in its order: other at-rules, `@keyframes`, custom properties, `@media print`; a
    selector list keeps its vendor selectors (`::-moz-…`) when any of its selectors stays, since a
    browser that does not know one ignores the whole list, as it did before.
    """
    nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_purged(node, names) for node in nodes)


def _purged(node, names: frozenset[str]) -> str:
    if node.type == "qualified-rule":
        parts = _split_commas(node.prelude)
        kept = [_classes(part) <= names and _directions(part) <= names for part in parts]
        if not any(kept):
            return ""
        vendor = [bool(_VENDOR.search(_serialize(part))) for part in parts]
        chosen = [_serialize(part) for part, k, v in zip(parts, kept, vendor, strict=True) if k or v]
        return ",".join(chosen) + "{" + tinycss2.serialize(node.content).strip() + "}"
    if node.type == "at-rule" and node.content is not None and node.lower_at_keyword in ("media", "supports"):
        inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
        body = "".join(_purged(rule, names) for rule in inner)
        return f"@{node.at_keyword} {_serialize(node.prelude)}{{{body}}}" if body else ""
    return tinycss2.serialize([node])


def _directions(tokens) -> set[str]:
    """`[dir=rtl]` outside functions → {"dir=rtl"}: the writing direction the selector requires."""
    found = set()
    for token in tokens:
        if token.type == "[] block":
            inner = [t for t in token.content if t.type != "whitespace"]
            if len(inner) == 3 and inner[0].type == "ident" and inner[0].lower_value == "dir":
                if inner[1].type == "literal" and inner[1].value == "=":
                    found.add(f"dir={(getattr(inner[2], 'value', '') or '').lower()}")
    return found


def _class_names(pages) -> set[str]:
    """Every class name on these pages (their HTML text), and their writing directions as
    "dir=ltr": no script changes a page's direction, which the build sets (the theme's language)."""
    found = set()
    for html in pages:
        tree = LexborHTMLParser(html)
        found |= {c for node in tree.css("[class]") for c in (node.attributes.get("class") or "").split()}
        found |= {f"dir={(node.attributes.get('dir') or '').lower()}" for node in tree.css("[dir]")}
    return found


def _script_words(root: Path) -> set[str]:
    """Every word of every script of the site: what a script may add as a class."""
    return {word for path in root.rglob("*.js") for word in _WORD.findall(path.read_text(encoding="utf-8"))}


def _in_media(css: str, media: str | None) -> str:
    """A stylesheet's rules under its link's `media` (none or "all": as they are)."""
    if not media or media.strip().lower() == "all":
        return css
    return f"@media {media}{{{css}}}"


def subset(sheets: list[str], page: "_Page") -> str:
    """The rules of these stylesheets (in this order) that can apply to `page` on a screen."""
    kept = [rule for css in sheets for rule in _select(_parsed(css).rules, page)]
    words = {w for rule in _walk(kept) for d in rule.declarations for w in _WORD.findall(d.value)}
    frames = [f for css in sheets for f in _parsed(css).keyframes if f.name in words]
    used = _used_properties(kept, frames, page.inline_styles)
    css = "".join(rule.css(used) for rule in kept) + "".join(f.css(used) for f in frames)
    if "</style" in css.lower():
        raise ContentError("a stylesheet holds the text </style>, which would end the page's inline CSS")
    return css


class _Page:
    """A page's elements, asked once per selector; its classes, to pass over most selectors fast."""

    def __init__(self, tree: LexborHTMLParser):
        self.tree = tree
        self.classes = {c for n in tree.css("[class]") for c in (n.attributes.get("class") or "").split()}
        self.inline_styles = " ".join(n.attributes.get("style") or "" for n in tree.css("[style]"))
        self._seen: dict[str, bool] = {}

    def matches(self, selector: "_Selector") -> bool:
        if selector.relaxed is None or not selector.classes <= self.classes:
            return False
        found = self._seen.get(selector.relaxed)
        if found is None:
            try:
                found = self.tree.css_first(selector.relaxed) is not None
            except Exception:  # a selector lexbor cannot read: keep it, to be safe
                found = True
            self._seen[selector.relaxed] = found
        return found


@dataclass(frozen=True)
class _Selector:
    text: str  # as written
    relaxed: str | None  # as it can hold before the reader does anything (_relax): lexbor is asked
    classes: frozenset  # classes that an element it matches has (outside :is(), :not()…)
    vendor: bool  # has a vendor pseudo (::-webkit-…): kept beside any selector of its list that matches


@dataclass(frozen=True)
class _Declaration:
    name: str
    value: str
    text: str  # `name:value[!important]`
    uses: frozenset  # the custom properties its value reads (var(--x))


@dataclass(frozen=True)
class _Rule:
    head: str  # "" for a style rule; "@media …", "@supports …" for a block; a kept rule's whole text
    selectors: tuple = ()  # a style rule's
    declarations: tuple = ()  # a style rule's
    inner: tuple = ()  # a block's rules

    def css(self, used: set[str]) -> str:
        if self.selectors:
            body = ";".join(d.text for d in self.declarations if not _dropped(d, used))
            return f"{','.join(s.text for s in self.selectors)}{{{body}}}"
        if self.inner:
            return f"{self.head}{{{''.join(rule.css(used) for rule in self.inner)}}}"
        return self.head


@dataclass(frozen=True)
class _Keyframes:
    name: str
    prelude: str  # "@keyframes name"
    blocks: tuple  # (selector, declarations)

    def css(self, used: set[str]) -> str:
        inner = "".join(f"{s}{{{';'.join(d.text for d in ds)}}}" for s, ds in self.blocks)
        return f"{self.prelude}{{{inner}}}"


@dataclass(frozen=True)
class _Sheet:
    rules: tuple
    keyframes: tuple


def _select(rules: tuple, page: _Page) -> list[_Rule]:
    """The rules that can apply to the page, each style rule with only its selectors that match."""
    kept = []
    for rule in rules:
        if rule.selectors:
            matching = [s for s in rule.selectors if page.matches(s)]
            if matching:
                chosen = tuple(s for s in rule.selectors if s in matching or s.vendor)
                kept.append(_Rule("", chosen, rule.declarations))
        elif rule.inner:
            inner = _select(rule.inner, page)
            if inner:
                kept.append(_Rule(rule.head, inner=tuple(inner)))
        else:
            kept.append(rule)
    return kept


def _walk(rules):
    for rule in rules:
        yield rule
        yield from _walk(rule.inner)


def _used_properties(rules: list[_Rule], frames: list[_Keyframes], inline_styles: str) -> set[str]:
    """Custom properties read by the kept rules, the keyframes and the page's style attributes, and
    by the custom properties those read, and so on."""
    declarations = [d for rule in _walk(rules) for d in rule.declarations]
    declarations += [d for frame in frames for _, ds in frame.blocks for d in ds]
    used = set(_VAR.findall(inline_styles))
    for d in declarations:
        if not d.name.startswith("--"):
            used |= d.uses
    defined: dict[str, set[str]] = {}
    for d in declarations:
        if d.name.startswith("--"):
            defined.setdefault(d.name, set()).update(d.uses)
    todo = list(used)
    while todo:
        for name in defined.get(todo.pop(), ()):
            if name not in used:
                used.add(name)
                todo.append(name)
    return used


def _dropped(declaration: _Declaration, used: set[str]) -> bool:
    """A custom property no kept rule reads, or a property that does nothing before the reader
    touches the page (the file brings it: its value then changes nothing, so no transition runs)."""
    name = declaration.name.lower()
    if name.startswith("--"):
        return name not in used
    return name in _UNTIL_TOUCHED or name.startswith(("transition", "overscroll-behavior"))


@lru_cache(maxsize=8)
def _parsed(css: str) -> _Sheet:
    """A stylesheet read once per process (every page of a language links the same files)."""
    nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return _Sheet(_convert(nodes), tuple(_frames(nodes)))


def _convert(nodes) -> tuple:
    rules = []
    for node in nodes:
        if node.type == "qualified-rule":
            selectors = tuple(_selector(part) for part in _split_commas(node.prelude))
            rules.append(_Rule("", selectors, _declarations(node.content)))
        elif node.type == "at-rule" and node.content is not None:
            name, prelude = node.lower_at_keyword, _serialize(node.prelude)
            if name in ("media", "supports") and (name != "media" or _for_screen(prelude)):
                inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
                converted = _convert(inner)
                if converted:
                    rules.append(_Rule(f"@{name} {prelude}", inner=converted))
            elif name in ("font-face", "property", "counter-style", "font-feature-values"):
                rules.append(_Rule(_serialize([node])))
        # @charset, @import, @layer, @page (paper only), @keyframes (added when a kept rule names
        # them): nothing inline; a @layer or @import in a linked file would change the order, which
        # this step keeps, so they are left out and tests/test_critical_css.py looks for none.
    return tuple(rules)


def _frames(nodes):
    for node in nodes:
        if node.type == "at-rule" and node.lower_at_keyword.endswith("keyframes") and node.content:
            blocks = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            yield _Keyframes(
                _serialize(node.prelude),
                f"@{node.at_keyword} {_serialize(node.prelude)}",
                tuple(
                    (_serialize(b.prelude), _declarations(b.content))
                    for b in blocks
                    if b.type == "qualified-rule"
                ),
            )


def _declarations(tokens) -> tuple:
    found = []
    for d in tinycss2.parse_blocks_contents(tokens, skip_comments=True, skip_whitespace=True):
        if d.type == "declaration":
            value = _serialize(d.value)
            text = f"{d.name}:{value}{'!important' if d.important else ''}"
            found.append(_Declaration(d.name, value, text, frozenset(_VAR.findall(value))))
        # a nested rule or a parse error: browsers ignore it in these files too
    return tuple(found)


def _split_commas(tokens) -> list[list]:
    parts: list[list] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _selector(tokens) -> _Selector:
    text, alternatives = _serialize(tokens), _relax(tokens)
    relaxed = ", ".join(alternatives) if alternatives else None
    return _Selector(text, relaxed, frozenset(_classes(tokens)), bool(_VENDOR.search(text)))


def _relax(tokens) -> list[str]:
    """The selector as it can hold before the reader does anything, as plain selectors (no
    functional pseudo-classes: lexbor misreads some, e.g. `:is(.a) b` with b deeper than a child).

    A pointer or the keyboard (`:hover`, `:focus`…) is not there yet: a selector that needs one
    matches nothing yet ([]). States the page sets (`:checked`, `:disabled`) and the structural
    pseudo-classes stay. Pseudo-elements, other states (`:target`…), `:not()` and `:has()` are set
    aside, and `:is(a, b)` becomes one selector for `a` and one for `b` (set aside when they have
    combinators): what is left matches every element the selector could match, and maybe others.
    """
    options: list[str] = [""]
    for combinator, compound in _complex(tokens):
        choices = _compound(compound)
        if not choices:
            return []
        options = [f"{o}{combinator}{c}" for o in options for c in choices][:_MAX_ALTERNATIVES]
    return options


def _complex(tokens) -> list[tuple[str, list]]:
    """A selector as (combinator before it, compound) pairs: `.a > b c` → ("", .a), (">", b), (" ", c)."""
    parts, combinator, compound = [], "", []
    for token in list(tokens) + [None]:
        is_space = token is not None and token.type == "whitespace"
        is_combinator = token is not None and token.type == "literal" and token.value in ">+~"
        if token is None or is_space or is_combinator:
            if compound:
                parts.append((combinator, compound))
                combinator, compound = "", []
            if is_combinator:
                combinator = token.value
            elif is_space and parts and not combinator:
                combinator = " "
            continue
        compound.append(token)
    return parts


def _compound(tokens) -> list[str]:
    """The ways one compound selector (`a.b:hover`) can hold, as plain compounds; [] for none yet."""
    kind, rest, options = "", [], [("", "")]  # (type selector, the rest) of each option
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "literal" and token.value == ":":
            element = i + 1 < len(tokens) and tokens[i + 1].type == "literal" and tokens[i + 1].value == ":"
            target = tokens[i + 1 + element] if i + 1 + element < len(tokens) else None
            i += 2 + element
            name = (getattr(target, "lower_value", None) or getattr(target, "lower_name", "") or "").lower()
            if element or target is None:
                continue  # a pseudo-element: its element
            if name in _NOT_YET:
                return []
            if target.type == "function" and name in _ANY_OF:
                choices = []
                for argument in _split_commas(target.arguments):
                    parts = _complex(argument)
                    if len(parts) != 1:
                        choices = None  # an argument with a combinator: set the whole :is() aside
                        break
                    choices += [_split_type(c) for c in _compound(parts[0][1])]
                if choices is not None:
                    options = [_merge(o, c) for o in options for c in choices if _merge(o, c)]
                    if not options:
                        return []
            elif name in _STATIC or name.startswith("nth-"):
                rest.append(":" + tinycss2.serialize([target]).replace("/**/", ""))  # (2n/**/+1)
            continue  # any other pseudo-class (:not(), :has(), :target…): set aside
        if token.type == "ident" and not rest and not kind:
            kind = token.value
        elif token.type == "literal" and token.value == "*" and not rest and not kind:
            kind = "*"
        elif token.type == "literal" and token.value == "." and i + 1 < len(tokens):
            rest.append("." + tinycss2.serialize([tokens[i + 1]]))
            i += 1
        else:
            rest.append(tinycss2.serialize([token]))
        i += 1
    merged = [_merge((kind, "".join(rest)), o) for o in options]
    return [(t if t != "*" or not r else "") + r or "*" for t, r in filter(None, merged)]


def _split_type(compound: str) -> tuple[str, str]:
    match = re.match(r"[A-Za-z][\w-]*|\*", compound)
    return (match.group(0), compound[match.end() :]) if match else ("", compound)


def _merge(a: tuple[str, str], b: tuple[str, str]) -> tuple[str, str] | None:
    """Two compounds one element must match; None when their element types differ."""
    types = {t.lower() for t in (a[0], b[0]) if t and t != "*"}
    if len(types) > 1:
        return None
    return (types.pop() if types else (a[0] or b[0]), a[1] + b[1])


def _classes(tokens) -> set[str]:
    """Class names of the selector outside functions (`.a .b:not(.c)` → a, b)."""
    found, previous = set(), None
    for token in tokens:
        if token.type == "ident" and previous is not None and previous.type == "literal":
            if previous.value == ".":
                found.add(token.value)
        previous = token
    return found


def _serialize(tokens) -> str:
    """Tokens as CSS, comments left out and each run of white space one space."""
    return _SPACE.sub(" ", tinycss2.serialize([t for t in tokens if t.type != "comment"])).strip()


def _for_screen(media: str | None) -> bool:
    """Whether a media query list may hold on a screen (False for paper only: `print`)."""
    queries = [q.strip().lower() for q in (media or "").split(",") if q.strip()]
    return not queries or not all(_PRINT.fullmatch(q) for q in queries)


def _attributes(tag: str) -> dict:
    node = LexborHTMLParser(f"<html><head>{tag}</head></html>").css_first("link")
    return dict(node.attributes) if node else {}


def _read(root: Path, base: str, page_url: str, href: str) -> str | None:
    """The text of a stylesheet the page at `page_url` links, or None when it is not a file here."""
    path = urlsplit(href).path
    if path.startswith(base) and not urlsplit(href).netloc:  # the 404 page links from the root
        href, page_url = path[len(base) :], ""
    url = resolve(page_url, href)
    file = root / url if url else None
    return file.read_text(encoding="utf-8") if file and file.is_file() else None


def _write(root: Path, base: str, page_url: str, first: str, css: str) -> str:
    """Write the joined stylesheets next to the first one, named by their bytes; the href for the page.

    Both languages' steps write the same bytes at once (kb/postbuild.py runs them side by side), so
    the file is replaced whole, never seen half written."""
    path = urlsplit(first).path
    absolute = path.startswith("/")
    url = resolve("" if absolute else page_url, path[len(base) :] if absolute else path) or ""
    folder = posixpath.dirname(url)
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:8]
    name = posixpath.join(folder, f"{_JOINED}.{digest}.css")
    target = root / name
    if not target.is_file() or target.read_text(encoding="utf-8") != css:
        part = target.with_name(f"{target.name}.{os.getpid()}.part")
        part.write_text(css, encoding="utf-8")
        os.replace(part, target)
    if absolute:
        return base + name
    return posixpath.relpath(name, page_url or ".")


# Data

_JOINED = "site"  # the joined stylesheet: site.<hash>.css
_LINK = re.compile(r"<link\b[^>]*>", re.I)
_CRITICAL = re.compile(r"<style data-kb-critical(?:=\"\")?>.*?</style>", re.S)
# The page's trailing scripts: the stylesheet goes just before them (or just before </body>).
_TAIL = re.compile(r"(?:<script\b[^>]*>(?:(?!</script>).)*</script>\s*)*</body>", re.I | re.S)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[\w-]+")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_VENDOR = re.compile(r":-(?:webkit|moz|ms|o)-", re.I)
_PRINT = re.compile(r"(only\s+)?print(\s+and\b.*)?", re.S)
# Pseudo-classes that hold or not from the page alone (lexbor reads them); any other is set aside.
_STATIC = {
    "root", "first-child", "last-child", "only-child", "first-of-type", "last-of-type",
    "only-of-type", "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "empty",
    "checked", "disabled", "enabled",
}  # fmt: skip
_ANY_OF = {"is", "where", "matches", "-webkit-any", "-moz-any"}
_MAX_ALTERNATIVES = 64
# Properties that change nothing on the first paint, only how the page answers a touch, a pointer or
# a change (with `transition…` and `overscroll-behavior…`): left to the file.
_UNTIL_TOUCHED = {
    "cursor", "-webkit-tap-highlight-color", "user-select", "-webkit-user-select", "touch-action",
}  # fmt: skip
# What a reader's pointer or keyboard brings: nothing of it before they touch the page.
_NOT_YET = {"hover", "focus", "focus-visible", "focus-within", "active"}
