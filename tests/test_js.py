"""The reader-side JavaScript: kb/js/ bundled into the one assets/kb.js every page loads (kb/bundle.py),
and the search's term pipeline in JavaScript (kb/js/search-core.js, run in Node) against kb/text.py.

The ranking itself is unit-tested in Node: `node --test tests/js/*.test.js` (make test runs both).
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LANGS, PAGES, ROOT
from kb import bundle
from kb import checks as kbcheck
from kb.errors import ContentError
from kb.langs import prefix
from kb.text import terms as text_terms

NODE = shutil.which("node")
HEADER = "/* Built by kb/bundle.py from kb/js/: do not edit. */\n"


def node(*args: str, stdin: str = "") -> str:
    if NODE is None:
        pytest.fail("node is not on PATH: install Node 20 or Debian's nodejs (see .ci/run)")
    done = subprocess.run([NODE, *args], input=stdin, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"node {' '.join(args)} failed:\n{done.stderr}"
    return done.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_javascript_cuts_words_like_the_index(site, lang):
    """search-core.js must fold and stem exactly like kb.text (which builds the index), or queries miss."""
    index = site.site / prefix(lang) / "kb-search"
    manifest = json.loads((index / "index.json").read_text(encoding="utf-8"))
    texts = [kbcheck.reading_text(site.html(name, lang)) for name in PAGES]
    stemmer = str(index / manifest["stem"])
    request = json.dumps({"manifest": manifest, "stemmer": stemmer, "texts": texts}, ensure_ascii=False)
    in_js_all = json.loads(node(str(ROOT / "tests" / "js" / "terms.js"), stdin=request))
    assert len(in_js_all) == len(PAGES)
    for name, text, in_js in zip(PAGES, texts, in_js_all, strict=True):
        in_python = text_terms(text, lang)
        assert in_python, f"{lang}/{name}: no terms at all (reading text out of date?)"
        diff = [(j, p) for j, p in zip(in_js, in_python, strict=False) if j != p][:5]
        assert in_js == in_python, f"{lang}/{name}: JS vs Python terms differ, first: {diff}"


def test_the_site_ships_the_bundle_of_kb_js(site):
    built = site.site / "assets" / "kb.js"
    assert built.read_bytes() == bundle.text().encode("utf-8"), "assets/kb.js is not kb/bundle.py's output"
    assert built.read_text(encoding="utf-8").startswith(HEADER)
    tools = site.site / bundle.TOOLS_OUTPUT
    assert tools.read_bytes() == bundle.tools_text().encode("utf-8"), f"{tools.name} is not kb/bundle.py's"
    node("--check", str(tools))
    searching = site.site / bundle.SEARCH_OUTPUT
    made = bundle.search_text().encode("utf-8")
    assert searching.read_bytes() == made, f"{searching.name} is not kb/bundle.py's"
    node("--check", str(searching))
    main = built.read_text(encoding="utf-8")
    assert "// kb/js/search-core.js" not in main, "search's code is in assets/kb.js"
    assert not list(site.site.rglob("search-core.js")), "kb/js/ sources are published"
    node("--check", str(built))


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_loads_our_one_script(site, name, lang):
    """kb.js everywhere; the reader's tools' script (assets/kb-tools.js) only where a tool is, once."""
    page = site.html(name, lang)
    ours = [s for s in page.select("script[src]") if "javascripts/bundle." not in s["src"]]
    tools = bool(page.select(".kb-deadline, .kb-calllog"))
    wanted = ["kb-tools.js", "kb.js"] if tools else ["kb.js"]
    got = [s["src"].rsplit("/", 1)[-1] for s in ours]
    assert got == wanted, f"{lang}/{name}: our scripts are {got} vs {wanted}"
    for script in ours:
        file = (site.site / kbcheck.url_of(name, lang) / script["src"]).resolve()
        assert file.is_file(), f"{lang}/{name}: {script['src']} is not a file of the site"
    if tools:
        assert ours[0].has_attr("defer"), f"{lang}/{name}: kb-tools.js must run after kb.js (defer)"


def test_bundle_runs_every_file_once_in_the_listed_order():
    made = bundle.text()
    assert made == bundle.text(), "two bundles of the same sources differ"
    at = [made.index(f"\n// kb/js/{name}\n(function () {{\n") for name in bundle.FILES]
    assert at == sorted(at), f"parts out of the FILES order: {bundle.FILES}"
    every = bundle.FILES + bundle.TOOLS + bundle.SEARCH
    assert sorted(p.name for p in bundle.JS.glob("*.js")) == sorted(every)
    assert made.count("\n(function () {\n") == len(bundle.FILES) + 1  # the parts, and the whole
    assert made.startswith(HEADER + '(function () {\n"use strict";')


def test_each_source_file_says_its_concern_first():
    for name in bundle.FILES + bundle.TOOLS + bundle.SEARCH:
        first = (bundle.JS / name).read_text(encoding="utf-8").lstrip()
        assert first.startswith(("/*", "//")), f"kb/js/{name}: start with a short comment saying its concern"


def _sources(tmp_path: Path, files: dict[str, str]) -> Path:
    js = tmp_path / "js"
    js.mkdir()
    for name, code in files.items():
        (js / name).write_text(code, encoding="utf-8")
    return js


def test_a_listed_file_that_is_missing_is_an_error(tmp_path):
    js = _sources(tmp_path, {"a.js": "var a = 1;\n"})
    with pytest.raises(ContentError, match=r"js/b\.js: listed in kb/bundle\.py FILES .* create it, or take"):
        bundle.text(js, ("a.js", "b.js"))


def test_a_file_not_listed_is_an_error_not_dropped(tmp_path):
    js = _sources(tmp_path, {"a.js": "var a = 1;\n", "stray.js": "var s = 1;\n"})
    with pytest.raises(ContentError, match=r"js/stray\.js: not in kb/bundle\.py FILES.*add it to FILES"):
        bundle.write(tmp_path / "site", js, ("a.js",))
    assert not (tmp_path / "site" / "assets" / "kb.js").exists()


def test_the_bundle_leaves_out_whole_line_comments_only(tmp_path):
    code = (
        "/* The concern,\n * over two lines. */\n"
        "var a = 1; /* kept: after code */\n"
        "  // a line comment\n"
        "/* a */ var b = 2;\n"
        '/* c */ var url = "http://x/*y*/";\n'
        "/* d\n*/\n"
        "var c = a + b;\r\n"
    )
    js = _sources(tmp_path, {"a.js": code})
    made = bundle.text(js, ("a.js",))
    body = made.split("// kb/js/a.js\n(function () {\n", 1)[1].removesuffix("\n})();\n})();\n")
    assert body == (
        "var a = 1; /* kept: after code */\n"
        "/* a */ var b = 2;\n"
        '/* c */ var url = "http://x/*y*/";\n'
        "var c = a + b;"
    )
    target = bundle.write(tmp_path / "site", js, ("a.js",))
    assert target == tmp_path / "site" / "assets" / "kb.js"
    assert target.read_bytes() == made.encode("utf-8")
    node("--check", str(target))


def test_the_command_line_writes_the_bundle(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "kb.bundle", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "assets" / "kb.js").read_text(encoding="utf-8") == bundle.text()
