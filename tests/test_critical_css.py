"""Every page paints without waiting for a stylesheet (kb/critical.py, decisions/0008-critical-css.md).

On the built pages: the head holds the page's critical CSS inline and links no stylesheet; at the
end of the body, before the scripts, the page links one stylesheet: Material's, kb.css and
print.css joined in that order (print.css under `@media print`), less the selectors that style
nothing on any page and need a class no script names. The inline CSS leaves
out no rule that applies to the page: each selector of the joined file that BeautifulSoup's own
selector engine (soupsieve, not the lexbor the step uses) finds on the page is inline,
pseudo-elements and the reader's pointer and keyboard states aside. That a page looks the same
before and after its stylesheet arrives is tests/browser/test_critical_css_browser.py.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import tinycss2

from conftest import LANGS, PAGES
from kb import checks as kbcheck
from kb import critical

NOT_FOUND = "404.html"
JOINED = "assets/stylesheets/site."  # how the joined stylesheet's path starts


def _page(site, name: str, lang: str):
    if name == NOT_FOUND:
        return kbcheck.soup(site.site / kbcheck.LANGS[lang] / NOT_FOUND)
    return site.html(name, lang)


def _file(site, name: str, lang: str, href: str) -> Path:
    path = urlsplit(href).path
    if path.startswith("/"):
        return site.site / path.lstrip("/")
    base = site.site / kbcheck.LANGS[lang] if name == NOT_FOUND else kbcheck.html_file(site.site, name, lang)
    return (base.parent if name != NOT_FOUND else base) / path


@pytest.mark.parametrize("name", [*PAGES, NOT_FOUND])
@pytest.mark.parametrize("lang", LANGS)
def test_head_has_the_critical_css_and_no_stylesheet_link(site, name, lang):
    page = _page(site, name, lang)
    styles = page.head.select(f"style[{critical.MARK}]")
    assert len(styles) == 1, f"{lang}/{name}: {len(styles)} critical <style> in <head> vs 1"
    assert ".md-header" in styles[0].get_text(), f"{lang}/{name}: the critical CSS has no header rules"
    blocking = [link["href"] for link in page.head.select('link[rel~="stylesheet"], link[rel~="preload"]')]
    assert blocking == [], f"{lang}/{name}: stylesheets still linked in <head>: {blocking}"


@pytest.mark.parametrize("name", [*PAGES, NOT_FOUND])
@pytest.mark.parametrize("lang", LANGS)
def test_one_stylesheet_is_linked_after_the_content_before_the_scripts(site, name, lang):
    page = _page(site, name, lang)
    links = page.select('link[rel~="stylesheet"]')
    hrefs = [re.sub(r"^(\.\./|/)+", "", urlsplit(link["href"]).path) for link in links]
    assert len(links) == 1 and hrefs[0].startswith(JOINED), (
        f"{lang}/{name}: stylesheets {hrefs} vs one {JOINED}…"
    )
    link = links[0]
    assert link.parent is page.body and not link.get("media"), f"{lang}/{name}: {link}"
    assert _file(site, name, lang, link["href"]).is_file(), f"{lang}/{name}: {link['href']} not built"
    children = [child for child in page.body.children if getattr(child, "name", None)]
    at = children.index(link)
    assert page.select_one(".md-container") in children[:at], f"{lang}/{name}: linked before the content"
    scripts = [child for child in children if child.name == "script" and child.get("src")]
    assert scripts and all(children.index(s) > at for s in scripts), (
        f"{lang}/{name}: a script comes before the stylesheet (it would run without it)"
    )


@pytest.mark.parametrize("name", [*PAGES, NOT_FOUND])
@pytest.mark.parametrize("lang", LANGS)
def test_no_rule_that_applies_to_the_page_is_left_out(site, name, lang):
    page = _page(site, name, lang)
    inline = _selectors(page.head.select_one(f"style[{critical.MARK}]").get_text())
    classes = {c for el in page.select("[class]") for c in el["class"]}
    ids = {el["id"] for el in page.select("[id]")}
    missing = []
    for link in page.select('link[rel~="stylesheet"]'):
        css = _file(site, name, lang, link["href"]).read_text(encoding="utf-8")
        for selector in _selectors(css) - inline:
            if _applies(page, selector, classes, ids):
                missing.append(f"{link['href'].rsplit('/', 1)[-1]}: {selector}")
    assert not missing, f"{lang}/{name}: {len(missing)} selectors apply but are not inline: {missing[:8]}"


def test_the_site_stylesheet_is_materials_then_ours_then_paper_less_what_styles_nothing(site):
    """One file, so that Material's rules never apply without the site's own after them; the
    selectors it leaves out (kb/critical.py `purge`) find nothing on any page of either language,
    and a script could not add what they need."""
    page = site.html("index", "es")
    joined = _file(site, "index", "es", page.select_one('link[rel~="stylesheet"]')["href"])
    material = next((site.site / "assets" / "stylesheets").glob("main.*.min.css"))
    ours, paper = (site.site / "assets" / name for name in ("kb.css", "print.css"))
    parts = [material.read_text(encoding="utf-8"), ours.read_text(encoding="utf-8")]
    parts.append("@media print{" + paper.read_text(encoding="utf-8") + "}")
    full, kept = _in_order("\n".join(parts)), _in_order(joined.read_text(encoding="utf-8"))
    rest = iter(full)
    for where, selectors, body in kept:  # each kept rule is the next such rule of the files, or part of it
        if not any(w == where and d == body and set(selectors) <= set(s) for w, s, d in rest):
            pytest.fail(f"{joined.name}: {where}{','.join(selectors)} is its own, or out of order")
    removed = {selector for _, selectors, _ in full for selector in selectors} - {
        selector for _, selectors, _ in kept for selector in selectors
    }
    assert len(kept) < len(full), f"{joined.name} leaves out nothing: {len(kept)} vs {len(full)} rules"
    # the pages' scripts (a service worker, sw.js, touches no page)
    files = [f for f in site.site.rglob("*.js") if f.name != "sw.js"]
    scripts = {w for f in files for w in re.findall(r"[\w-]+", f.read_text(encoding="utf-8"))}
    pages = [_page(site, name, lang) for lang in LANGS for name in [*PAGES, NOT_FOUND]]
    on_pages = {c for page in pages for el in page.select("[class]") for c in el["class"]}
    wrong = []
    for selector in sorted(removed):
        outside = re.sub(r"\([^()]*\)", "", selector)
        needs = set(re.findall(r"\.([\w-]+)", outside))
        rtl = "[dir=rtl]" in outside.replace(" ", "")
        if not rtl and needs <= scripts:
            wrong.append(f"{selector} (a script names {sorted(needs)})")
        elif needs <= on_pages and any(_found(page, selector) for page in pages):
            wrong.append(f"{selector} (on a page)")
    assert not wrong, f"{len(wrong)} of {len(removed)} selectors left out are used: {wrong[:8]}"


def test_purge_leaves_out_only_selectors_nothing_can_use():
    css = (
        ".a{color:red}.b,.c{color:blue}.js-made{color:green}[dir=rtl] .a{margin:0}"
        ".gone::-moz-selection,.a::selection{color:gray}.gone:not(.x){top:0}:not(.gone) .a{left:0}"
        "@media print{.b{color:black}.a{color:black}}@keyframes k{from{opacity:0}}"
    )
    names = frozenset({"a", "c", "js-made", "dir=ltr"})
    assert critical.purge(css, names) == (
        ".a{color:red}.c{color:blue}.js-made{color:green}.gone::-moz-selection,.a::selection{color:gray}"
        ":not(.gone) .a{left:0}@media print{.a{color:black}}@keyframes k{from{opacity:0}}"
    )


def test_the_stylesheets_hold_no_import_or_layer(site):
    """The step keeps the files' rules in their order, joined: @import or @layer would change it."""
    sheets = [site.site / "assets" / n for n in ("kb.css", "print.css")]
    sheets += (site.site / "assets" / "stylesheets").glob("main.*.css")
    for sheet in sheets:
        text = sheet.read_text(encoding="utf-8")
        nodes = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
        rules = [n.lower_at_keyword for n in nodes if n.type == "at-rule"]
        assert not {"import", "layer"} & set(rules), f"{sheet.name}: @import or @layer ({rules})"


def test_the_step_reads_selectors_the_way_a_browser_does():
    """`:is(.a) b` with b deeper than a child of .a (lexbor alone misses it), states and pseudo-
    elements; rules of paper only stay out; the custom properties the kept rules read come along."""
    css = (
        ":root{--used:1px;--unused:2px;--chain:var(--used)}"
        ".t :is(.form, .other) label{margin:var(--chain)}"
        "p::before{content:'x'}a:hover{color:red}.t :not(:focus) label{color:blue}"
        "@media print{p{color:green}}@media screen and (min-width:10em){p{padding:0}}"
    )
    html = (
        '<html><head><link rel="stylesheet" href="s.css"></head><body><div class="t">'
        '<details class="form"><form><label>x</label></form></details><p>p</p><a href="#">a</a>'
        '</div><script src="x.js"></script></body></html>'
    )
    out = critical.inline(html, lambda href: css, None)  # one stylesheet: linked as it is
    inline = out.split(f"<style {critical.MARK}>", 1)[1].split("</style>", 1)[0]
    assert ".t :is(.form, .other) label" in inline, inline
    assert "p::before" in inline and "a:hover" not in inline and ".t :not(:focus) label" in inline
    assert "@media print" not in inline and "@media screen and (min-width:10em){p{padding:0}}" in inline
    assert "--used:1px" in inline and "--chain:var(--used)" in inline and "--unused" not in inline
    assert out.index('<link rel="stylesheet" href="s.css">') < out.index('<script src="x.js">')
    assert out.index('<link rel="stylesheet" href="s.css">') > out.index("</head>")
    assert critical.inline(out, lambda href: css, None) == out, "a second run changes the page"


def test_stylesheets_are_joined_in_order_under_their_media():
    files = {"a.css": "p{color:red}", "b.css": "p{color:blue}", "p.css": "p{color:black}"}
    html = (
        '<html><head><link rel="stylesheet" href="a.css"><link rel="stylesheet" href="b.css">'
        '<link rel="stylesheet" href="p.css" media="print"></head><body><p>x</p></body></html>'
    )
    written = []

    def write(css, first):
        written.append((css, first))
        return "joined.css"

    out = critical.inline(html, files.get, write)
    assert written == [("p{color:red}\np{color:blue}\n@media print{p{color:black}}", "a.css")], written
    head, body = out.split("</head>", 1)
    assert "<link" not in head and body.count("<link") == 1, out
    assert body.index('<link rel="stylesheet" href="joined.css">') < body.index("</body>")
    assert "p{color:red}p{color:blue}" in head and "black" not in head


# Helpers


def _in_order(css: str) -> list[tuple[str, tuple[str, ...], str]]:
    """Every style rule, print ones too, in order: (the @media/@supports it is in, its selectors,
    its declarations)."""
    found = []

    def walk(nodes, where):
        for node in nodes:
            if node.type == "qualified-rule":
                prelude = tinycss2.serialize(node.prelude)
                selectors = tuple(re.sub(r"\s+", " ", s).strip() for s in _split(prelude))
                found.append((where, selectors, re.sub(r"\s+", "", tinycss2.serialize(node.content))))
            elif node.type == "at-rule" and node.content and node.lower_at_keyword in ("media", "supports"):
                inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
                walk(inner, where + re.sub(r"\s+", " ", tinycss2.serialize(node.prelude)).strip() + ";")

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), "")
    return [(w, sel, d) for w, sel, d in found]


def _found(page, selector: str) -> bool:
    """Whether soupsieve finds an element the selector could style, in any state of the page."""
    plain = re.sub(r"::?[\w-]+(\([^()]*\))?", "", PSEUDO_ELEMENT.sub("", selector)).strip() or "*"
    plain = re.sub(r"^\s*(?=[>+~])", "* ", plain)  # `:hover>.x` → `* >.x`
    plain = re.sub(r"(^|[\s>+~])(?=[\[])", r"\1*", plain)
    plain = re.sub(r"([>+~])\s*$", "", plain).strip() or "*"
    try:
        return page.select_one(plain) is not None
    except Exception:
        return True  # cannot tell: counted as used


def _selectors(css: str) -> set[str]:
    """Every selector of a stylesheet's rules for screens, written as tinycss2 writes it."""
    found = set()

    def walk(nodes):
        for node in nodes:
            if node.type == "qualified-rule":
                text = tinycss2.serialize(node.prelude)
                found.update(re.sub(r"\s+", " ", s).strip() for s in _split(text))
            elif node.type == "at-rule" and node.content and node.lower_at_keyword in ("media", "supports"):
                if node.lower_at_keyword == "media" and _print_only(tinycss2.serialize(node.prelude)):
                    continue
                walk(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def _split(selectors: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(selectors):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(selectors[start:i])
            start = i + 1
    return [*parts, selectors[start:]]


def _print_only(media: str) -> bool:
    return all(q.strip().lower().startswith("print") for q in media.split(","))


STATES = re.compile(r":(hover|focus|focus-visible|focus-within|active)\b")
PSEUDO_ELEMENT = re.compile(
    r"::?(before|after|marker|placeholder|selection|-webkit-[\w-]+|-moz-[\w-]+|-ms-[\w-]+)"
)


def _applies(page, selector: str, classes: set[str], ids: set[str]) -> bool:
    """Whether soupsieve finds an element of the page the selector styles before any interaction."""
    outside = re.sub(r"\([^()]*\)", "", selector)  # what every element it matches must have
    if (
        not set(re.findall(r"\.([\w-]+)", outside)) <= classes
        or not set(re.findall(r"#([\w-]+)", outside)) <= ids
    ):
        return False
    if STATES.search(re.sub(r":not\([^()]*\)", "", selector)):
        return False  # needs the reader's pointer or keyboard
    plain = PSEUDO_ELEMENT.sub("", selector).strip() or "*"
    plain = re.sub(r"(^|[\s>+~])(?=[:\[])", r"\1*", plain)
    try:
        return page.select_one(plain) is not None
    except Exception:  # a selector soupsieve does not know (a vendor one): the browser test covers it
        return False
