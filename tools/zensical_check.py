"""Which features of the site survive a Zensical build plus `python -m kb.postbuild`: a report, not a gate.

Material for MkDocs reaches end of life on 2027-05-05. Its successor, Zensical, reads mkdocs.yml but
ignores MkDocs hooks and the mkdocs-static-i18n plugin, so the project is moving every page transform
into Python-Markdown extensions (kb.shape, kb.scripts, kb.glossary, kb.sources, kb.tasklabels) and every
site-wide step into `python -m kb.postbuild`. This says what survives: it copies the project
(mkdocs.yml unchanged) into a temp folder, builds it with `zensical build -f mkdocs.yml` (Zensical has
no output-folder option: it writes the config's site_dir, `site/`, next to the config), runs
`python -m kb.postbuild` on the result, probes the built HTML for each feature (PROBES below) and
rebuilds a few deliberately broken copies to see which build checks still fail them (BREAKS below).
Each feature is `survives`, `partly` or `lost`, with a short detail; the table is printed and
written as JSON to bench/zensical.json. `make zensical-check` runs it in its own venv,
.venv-zensical.

    .venv-zensical/bin/python tools/zensical_check.py
    .venv-zensical/bin/python tools/zensical_check.py --generator .venv-zensical/bin/mkdocs  # baseline

It exits 0 whenever it produced a report, whatever the report says; 2 when it cannot run at all
(Zensical is not installed: it prints pip's reason when `make zensical-check` left one).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from kb import ROOT, glossary, scripts
from kb.checks import page_names
from kb.langs import LANGS, default, prefix
from kb.page import front_matter

OUT = ROOT / "bench" / "zensical.json"
COPIED = ("mkdocs.yml", "docs", "data", "overrides", "hooks")  # what a build reads; mkdocs.yml unchanged
INSTALL_LOG = Path(sys.prefix) / "zensical-install.log"  # written by the Makefile's zensical-check
TIMEOUT = 900  # seconds for one build or post-build


def main(argv=None) -> int:
    args = _arguments(argv)
    started = time.monotonic()
    report = {"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "python": sys.version.split()[0]}
    here = str(Path(sys.executable).parent)  # the venv's own zensical, even when it is not on PATH
    zensical = shutil.which(args.generator) if args.generator else shutil.which("zensical", path=here)
    zensical = str(Path(zensical).resolve()) if zensical else None  # builds run in a temp folder
    name = Path(zensical or args.generator or "zensical").name
    report.update(generator=name, version=_version(name))
    if name == "zensical":
        report["zensical_ui"] = _version("zensical-ui")
    if not zensical or not report["version"]:
        reason = _install_error() if name == "zensical" else f"{args.generator}: no such command"
        print(f"zensical-check: cannot run: {name} is not installed for {sys.executable}.\n{reason}")
        report["error"] = f"{name} is not installed: {reason}"
        _write(report, args.json or OUT)
        return 2
    with tempfile.TemporaryDirectory(prefix="kb-zensical-") as tmp:
        project = _copy(Path(tmp) / "project")
        run = _build(zensical, project)
        report["build"], report["postbuild"] = run["build"], run.get("postbuild")
        rows = _probe(name, project / "site", project / "docs", run)
        if run["build"]["exit"] == 0:
            for feature, edit, expected in BREAKS:
                rows.append((feature, *_broken(zensical, project, Path(tmp) / "broken", edit, expected)))
        else:
            rows += [(feature, "lost", "not checked: the unbroken build failed") for feature, *_ in BREAKS]
    return _finish(report, rows, started, args.json or OUT)


def _arguments(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--generator",
        help="another generator with the same `build -f mkdocs.yml` command line, e.g. .venv/bin/mkdocs "
        "for the baseline (default: the zensical next to this Python)",
    )
    parser.add_argument("--json", type=Path, help=f"write the report here (default: {OUT.relative_to(ROOT)})")
    return parser.parse_args(argv)


def _finish(report: dict, rows: list, started: float, out: Path | None) -> int:
    report["seconds"] = round(time.monotonic() - started, 1)
    report["features"] = [{"feature": f, "status": s, "detail": d} for f, s, d in rows]
    width = max(len(f) for f, _, _ in rows)
    head = f"{report['generator']} {report['version']} + kb.postbuild"
    print(f"{head}: {sum(s == 'survives' for _, s, _ in rows)} of {len(rows)} features survive")
    print(f"{'feature':<{width}}  {'status':<8}  detail")
    for feature, status, detail in rows:
        print(f"{feature:<{width}}  {status:<8}  {detail}")
    for step in ("build", "postbuild"):  # what a failed step said; what a passing one warned about
        done = report.get(step) or {}
        said = [line for line in done.get("said") or [] if done["exit"] != 0 or _NOTABLE.search(line)]
        if said:
            print(f"\n{done['command']} said:", *(f"  {line[:160]}" for line in said[-15:]), sep="\n")
    print(f"\ntook {report['seconds']} s")
    if out:
        _write(report, out)
    return 0


def _write(report: dict, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written: {out}")


# Building


def _copy(project: Path) -> Path:
    project.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    return project


def _build(zensical: str, project: Path) -> dict:
    """`zensical build`, then `python -m kb.postbuild` on what it wrote (when it wrote a site)."""
    run = {"build": _run([zensical, "build", "-f", str(project / "mkdocs.yml")], project)}
    if (project / "site").is_dir():
        command = [sys.executable, "-m", "kb.postbuild", "site", "--docs", "docs"]
        run["postbuild"] = _run(command, project)
    return run


def _run(command: list[str], cwd: Path) -> dict:
    started = time.monotonic()
    env = {**os.environ, "NO_COLOR": "1"}
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, env=env)
        code, output = done.returncode, done.stdout + done.stderr
    except subprocess.TimeoutExpired as timeout:
        code, output = -1, f"timed out after {TIMEOUT} s\n{timeout.stdout or ''}{timeout.stderr or ''}"
    said = list(dict.fromkeys(line.strip() for line in _ANSI.sub("", output).splitlines() if line.strip()))
    return {
        "command": " ".join(Path(command[0]).name if i == 0 else c for i, c in enumerate(command)),
        "exit": code,
        "seconds": round(time.monotonic() - started, 1),
        "said": said[-40:],
    }


def _broken(zensical: str, project: Path, copy: Path, edit, expected: str) -> tuple[str, str]:
    """Build a copy broken by `edit`: the check survives when the build or kb.postbuild fails saying so."""
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site", ".cache"))
    what = edit(copy / "docs")
    run = _build(zensical, copy)
    failed = [(step, r) for step, r in run.items() if r["exit"] != 0]
    said = [step for step, r in failed if any(expected in line for line in r["said"])]
    if said:
        return "survives", f"{what}: {said[0]} fails with “{expected}”"
    if failed:
        step, r = failed[0]
        last = r["said"][-1] if r["said"] else ""
        return "partly", f"{what}: {step} fails (exit {r['exit']}) but not with “{expected}”: {last[:120]}"
    return "lost", f"{what}: builds and post-builds without error"


def _first_guide(docs: Path) -> Path:
    for path in sorted((docs / default()).glob("*.md")):
        if front_matter(path.read_text(encoding="utf-8")).get("type") == "guide":
            return path
    raise SystemExit("zensical-check: no page with `type: guide` under docs/")


def _drop_section(docs: Path) -> str:
    guide = _first_guide(docs)
    text = guide.read_text(encoding="utf-8")
    sid = re.findall(r"^##\s.*\{\s*#([a-z0-9-]+)", text, re.M)[0]
    guide.write_text(re.sub(rf"^##\s.*\{{\s*#{sid}\b.*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    return f"section #{sid} removed from docs/{guide.relative_to(docs).as_posix()}"


def _bad_script(docs: Path) -> str:
    guide = _first_guide(docs)
    guide.write_text(
        guide.read_text(encoding="utf-8") + "\n<!-- script: no-such-script -->\n", encoding="utf-8"
    )
    return f"`<!-- script: no-such-script -->` added to docs/{guide.relative_to(docs).as_posix()}"


def _drop_twin(docs: Path) -> str:
    twin = _first_guide(docs).relative_to(docs / default())
    (docs / LANGS[-1] / twin).unlink()
    return f"docs/{LANGS[-1]}/{twin.as_posix()} deleted"


def _unregistered_link(docs: Path) -> str:
    guide = _first_guide(docs)
    link = "\nMore at [an unregistered page](https://example.org/not-in-sources).\n"
    guide.write_text(guide.read_text(encoding="utf-8") + link, encoding="utf-8")
    return f"a link to an unregistered page added to docs/{guide.relative_to(docs).as_posix()}"


# Probing


@dataclass
class Page:
    name: str
    path: Path
    source: str
    meta: dict
    soup: BeautifulSoup


def _probe(name: str, site: Path, docs: Path, run: dict) -> list[tuple[str, str, str]]:
    """One row per probe: (feature, status, detail)."""
    rows = []
    for step, label in (("build", f"{name} build"), ("postbuild", "python -m kb.postbuild")):
        done = run.get(step)
        if done is None:
            rows.append((label, "lost", "not run: the build wrote no site/"))
            continue
        last = done["said"][-1][:120] if done["said"] else "no output"
        status = "survives" if done["exit"] == 0 else "lost"
        rows.append((label, status, f"exit {done['exit']} in {done['seconds']} s; {last}"))
    if not site.is_dir() or not any(site.rglob("*.html")):
        return rows + [(feature, "lost", "not checked: no site was built") for feature, *_ in PROBES]
    roots = {lang: _root(site, docs, lang) for lang in LANGS}
    pages = {lang: _pages(site, docs, lang, roots[lang]) for lang in LANGS}
    for feature, check, options in PROBES:
        rows.append((feature, *check(site=site, docs=docs, roots=roots, pages=pages, **options)))
    return rows


def _root(site: Path, docs: Path, lang: str) -> str | None:
    """Where a language's pages are: MkDocs' place (prefix) or a folder named after it (no i18n)."""
    names = page_names(docs)
    found = {
        root: sum((site / root / ("" if n == "index" else n) / "index.html").is_file() for n in names)
        for root in dict.fromkeys((prefix(lang), f"{lang}/"))
    }
    best = max(found, key=found.get)
    return best if found[best] else None


def _pages(site: Path, docs: Path, lang: str, root: str | None) -> list[Page]:
    if root is None:
        return []
    found = []
    for name in page_names(docs):
        path = site / root / ("" if name == "index" else name) / "index.html"
        source_file = docs / lang / f"{name}.md"
        if path.is_file() and source_file.is_file():
            source = source_file.read_text(encoding="utf-8")
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            found.append(Page(name, path, source, front_matter(source), soup))
    return found


def _status(counts: dict[str, tuple[int, int]]) -> str:
    """survives when every language has all it should, lost when none has any, else partly."""
    if all(good == total for good, total in counts.values()):
        return "survives"
    return "lost" if all(good == 0 for good, _ in counts.values()) else "partly"


def _where(root: str | None) -> str:
    return "nowhere" if root is None else f"/{root}"


def check_layout(site, docs, roots, pages):
    if all(root is None for root in roots.values()):
        status = "lost"
    else:
        status = "survives" if all(root == prefix(lang) for lang, root in roots.items()) else "partly"
    detail = ", ".join(
        f"{lang} at {_where(root)}" + ("" if root == prefix(lang) else f" (MkDocs: /{prefix(lang)})")
        for lang, root in roots.items()
    )
    if not (site / "index.html").is_file():
        detail += "; no /index.html"
    return status, detail


def check_pages(site, docs, roots, pages):
    counts = {lang: (len(pages[lang]), len(list((docs / lang).rglob("*.md")))) for lang in LANGS}
    return _status(counts), ", ".join(f"{lang} {g}/{t}" for lang, (g, t) in counts.items()) + " of docs/"


def check_select(site, docs, roots, pages, selector, want, ok=None, bad="not in {lang}"):
    """Pages that `want` (source, meta) -> n > 0 should have at least n elements matching `selector`
    for which `ok` (element, lang) holds; the others are counted as `bad`."""
    counts, wrong = {}, {}
    for lang in LANGS:
        concerned = [(p, want(p.source, p.meta)) for p in pages[lang] if want(p.source, p.meta)]
        passed = 0
        for page, wanted in concerned:
            found = page.soup.select(selector.format(lang=lang))
            good = [e for e in found if ok is None or ok(e, lang)]
            wrong[lang] = wrong.get(lang, 0) + len(found) - len(good)
            passed += len(good) >= wanted
        counts[lang] = (passed, len(concerned))
    detail = ", ".join(
        f"{lang} {g}/{t} pages" + (f" ({wrong[lang]} {bad.format(lang=lang)})" if wrong.get(lang) else "")
        for lang, (g, t) in counts.items()
    )
    return _status(counts), detail


def check_absent(site, docs, roots, pages, text):
    left = sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*.html") if text in p.read_text("utf-8")
    )
    if not left:
        return "survives", f"no built HTML file contains “{text}”"
    return "lost", f"{len(left)} built HTML files contain “{text}”: {', '.join(left[:3])}"


def check_file(site, docs, roots, pages, path, at_site_root=False):
    """`path` at each language's root (the default language's at the site root when `at_site_root`),
    saying that language (`"lang": "xx"` or `lang="xx"`)."""
    counts, notes = {}, []
    for lang in LANGS:
        root = "" if at_site_root and lang == default() else roots[lang]
        file = site / root / path if root is not None else None
        good = bool(file and file.is_file() and _says_lang(file, lang))
        counts[lang] = (int(good), 1)
        if good:
            notes.append(f"{lang} /{root}{path}")
        elif file and file.is_file():
            notes.append(f"{lang} /{root}{path} is not in {lang}")
        elif (site / prefix(lang) / path).is_file() and root != prefix(lang):
            notes.append(f"{lang} only at /{prefix(lang)}{path}, where its pages are not")
        else:
            notes.append(f"{lang} none at {_where(root)}")
    return _status(counts), ", ".join(notes)


def check_link(site, docs, roots, pages, selector, attr, append="index.html"):
    """Every page has `selector`, and its `attr` URL leads to a file of the site."""
    counts = {}
    for lang in LANGS:
        others = [o for o in LANGS if o != lang]
        good = 0
        for page in pages[lang]:
            elements = [e for o in others for e in page.soup.select(selector.format(lang=lang, other=o))]
            good += bool(elements) and all(
                _target(site, page.path, e.get(attr, ""), append) for e in elements
            )
        counts[lang] = (good, len(pages[lang]))
    return _status(counts), ", ".join(f"{lang} {g}/{t} pages" for lang, (g, t) in counts.items())


def _target(site: Path, page: Path, ref: str, append: str) -> Path | None:
    """The site's file a URL in `page` leads to (a folder's `append`), or None."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = site if parts.path.startswith("/") else page.parent
    path = Path(os.path.normpath(base / parts.path.lstrip("/")))
    if parts.path.endswith("/") or path.is_dir():
        path = path / append
    return path if path.is_file() and path.is_relative_to(site) else None


def _says_lang(file: Path, lang: str) -> bool:
    return bool(re.search(rf'\blang"?\s*[:=]\s*"{lang}"', file.read_text(encoding="utf-8", errors="replace")))


def _own_text(element) -> str:
    return "".join(element.find_all(string=True, recursive=False)).strip()


@cache
def _script_kinds(lang: str) -> set[str]:
    return {scripts._UI[lang][kind] for kind in scripts._KINDS}


@cache
def _definitions(lang: str) -> set[str]:
    terms = glossary.load(ROOT / "data" / "glossary.yml")
    return set(glossary._abbreviations(terms, lang).values())


@cache
def _terms(lang: str) -> set[str]:
    return {t[lang]["term"].casefold() for t in glossary.load(ROOT / "data" / "glossary.yml")}


def _markers(source: str) -> int:
    return len(re.findall(r"^<!-- script: [a-z0-9-]+ -->\s*$", source, re.M))


def _tasks(source: str) -> int:
    return len(re.findall(r"^\s*[-*+] \[[ xX]\] ", source, re.M))


def _guide(source: str, meta: dict) -> int:
    return int(meta.get("type") == "guide")


def _glossary_page(source: str, meta: dict) -> int:
    return len(_terms(default())) if "<!-- glossary -->" in source else 0


# Data

# (feature, check, options): each check gets the built site, docs/, each language's root and pages.
PROBES = [
    ("both languages built, where", check_layout, {}),
    ("pages per language", check_pages, {}),
    ("<html lang> of each language", check_select, {"selector": "html[lang={lang}]", "want": lambda s, m: 1}),
    ("script markers expanded (kb.scripts)", check_absent, {"text": "<!-- script:"}),
    (
        "scripts on each page (.kb-script)",
        check_select,
        {"selector": ".kb-script", "want": lambda s, m: _markers(s)},
    ),
    (
        "scripts in the page's language",
        check_select,
        {
            "selector": ".kb-kind",
            "want": lambda s, m: _markers(s),
            "ok": lambda e, lang: e.get_text(strip=True) in _script_kinds(lang),
        },
    ),
    (
        "glossary page entries (kb.glossary)",
        check_select,
        {
            "selector": "article h2[id]",
            "want": _glossary_page,
            "ok": lambda e, lang: _own_text(e).casefold() in _terms(lang),
        },
    ),
    ("glossary tooltips in guides (abbr[title])", check_select, {"selector": "abbr[title]", "want": _guide}),
    (
        "glossary tooltips in the page's language",
        check_select,
        {"selector": "abbr[title]", "want": _guide, "ok": lambda e, lang: e["title"] in _definitions(lang)},
    ),
    (
        "task labels (kb.tasklabels)",
        check_select,
        {
            "selector": "label.task-list-control",
            "want": lambda s, m: _tasks(s),
            "ok": lambda e, lang: bool(e.get_text(strip=True)),
            "bad": "labels empty",
        },
    ),
    ("sources list on About (kb.sources)", check_absent, {"text": "<!-- sources -->"}),
    ("search index (kb-search/index.json)", check_file, {"path": "kb-search/index.json"}),
    (
        "header search box finds its index",
        check_link,
        {"selector": "[data-kb-search]", "attr": "data-kb-search", "append": "index.json"},
    ),
    ("language switcher", check_link, {"selector": "a.md-select__link[hreflang={other}]", "attr": "href"}),
    ("offline worker (sw.js)", check_file, {"path": "sw.js"}),
    ("offline page (offline.html)", check_file, {"path": "offline.html"}),
    ("web app manifest", check_file, {"path": "manifest.webmanifest"}),
    ("pages link their manifest", check_link, {"selector": "link[rel=manifest]", "attr": "href"}),
    ("404 per language", check_file, {"path": "404.html", "at_site_root": True}),
    (
        "last-reviewed line (kb.reviewed)",
        check_select,
        {"selector": ".kb-reviewed time[datetime]", "want": lambda s, m: int(bool(m.get("reviewed")))},
    ),
]

# (feature, edit of a copy's docs/, what the failing build or kb.postbuild should say)
BREAKS = [
    ("guide-shape check (kb.shape)", _drop_section, "missing section"),
    ("unknown script ID fails (kb.scripts)", _bad_script, "unknown script ID"),
    ("missing-twin check (kb.shape)", _drop_twin, "has no twin"),
    ("unregistered-link check (kb.postbuild)", _unregistered_link, "is not in data/sources.yml"),
]


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _install_error() -> str:
    """pip's own reason, from the log `make zensical-check` keeps (its ERROR lines)."""
    if not INSTALL_LOG.is_file():
        return "Install it with `make zensical-check` (requirements-zensical.txt)."
    lines = INSTALL_LOG.read_text(encoding="utf-8", errors="replace").splitlines()
    errors = [line for line in lines if line.startswith("ERROR")] or lines[-5:]
    return f"pip install -r requirements-zensical.txt said ({INSTALL_LOG}):\n  " + "\n  ".join(errors)


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_NOTABLE = re.compile(r"warn|error|ignor|unsupported|not supported|deprecat|unrecogni", re.I)

if __name__ == "__main__":
    sys.exit(main())
