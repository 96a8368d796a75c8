"""The site does not depend on MkDocs' plumbing: without our hook, `python -m kb.postbuild` finishes it.

Material for MkDocs reaches end of life on 2027-05-05. Every page transform is a Python-Markdown
extension and every site-wide step reads only the built HTML and the Markdown sources, so a build
with the hook removed from mkdocs.yml, followed by `python -m kb.postbuild SITE`, must write exactly
the files `make build` writes: that is what another generator would have to match.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from kb.cards import CACHE, fill_fonts

HOOKS = re.compile(r"^hooks:\n(?:  - .*\n)+\n?", re.M)
MARKERS = ("<!-- script:", "<!-- glossary -->", "<!-- sources -->")
STEPS = ("sw.js", "offline.html", "manifest.webmanifest", "404.html", "kb-search/index.json")


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    """The real project built by MkDocs with `hooks:` taken out of mkdocs.yml."""
    root = tmp_path_factory.mktemp("bare")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert HOOKS.search(config), "mkdocs.yml has no `hooks:` block to take out"
    (root / "mkdocs.yml").write_text(HOOKS.sub("", config), encoding="utf-8")
    for folder in ("docs", "data", "overrides"):
        (root / folder).symlink_to(ROOT / folder)
    fill_fonts(root / CACHE)  # the hook's other task: the social plugin's font, or it downloads one
    built = build_site(root, root / "site")
    assert built.ok, built.log
    return built


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    """The real project as `make build` builds it (the session's site may gain files from tests)."""
    built = build_site(ROOT, tmp_path_factory.mktemp("whole") / "site")
    assert built.ok, built.log
    return built


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_without_the_hook_nothing_site_wide_is_written(bare):
    made = [
        f"{prefix}{step}" for prefix in ("", "en/") for step in STEPS if (bare.site / prefix / step).exists()
    ]
    made = [m for m in made if not m.endswith("404.html")]  # the theme writes one 404.html of its own
    assert not made, f"the hook was not taken out: {made}"


def test_the_post_build_command_then_writes_the_same_site(bare, whole):
    done = subprocess.run(
        [sys.executable, "-m", "kb.postbuild", str(bare.site), "--docs", str(ROOT / "docs")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    ours, theirs = _files(whole.site), _files(bare.site)
    assert sorted(theirs) == sorted(ours), (
        f"only with the hook: {sorted(set(ours) - set(theirs))[:10]}, "
        f"only without it: {sorted(set(theirs) - set(ours))[:10]}"
    )
    differ = [name for name in ours if ours[name] != theirs[name]]
    assert not differ, f"{len(differ)} files differ, e.g. {differ[:10]}"


def test_no_marker_is_left_raw(bare):
    raw = [
        (path.relative_to(bare.site).as_posix(), marker)
        for path in bare.site.rglob("*.html")
        for marker in MARKERS
        if marker in path.read_text(encoding="utf-8")
    ]
    assert not raw, f"markers left as HTML comments: {raw[:10]}"


def test_one_process_writes_what_one_process_a_language_writes(whole, tmp_path):
    """`--jobs 1` (no fork, one language after another) gives the same bytes, run again on a built site."""
    again = tmp_path / "site"
    shutil.copytree(whole.site, again)
    done = subprocess.run(
        [sys.executable, "-m", "kb.postbuild", str(again), "--docs", str(ROOT / "docs"), "--jobs", "1"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    ours, serial = _files(whole.site), _files(again)
    differ = sorted(name for name in ours.keys() | serial.keys() if ours.get(name) != serial.get(name))
    assert not differ, f"{len(differ)} files differ, e.g. {differ[:10]}"
