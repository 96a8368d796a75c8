"""How well search finds the section that answers a real problem, measured as the page ranks it.

The queries are the real problem phrasings of tests/problems/ (a tuning set and a held-out set, each
by language; decisions/0005-search-queries.md says how they were gathered and split, and that only
the tuning set may guide changes). Each is ranked against a built site's index by kb/rank.js, which
runs the page's own ranking code (kb/js/search-core.js) in Node. A query scores top-1 when the
first section shown is the one it names, top-3 when that section is among the first three.
Queries whose answer is `null` (no section answers them) are counted apart.

    python -m kb.quality SITE_DIR              # top-1 / top-3 per set and language
    python -m kb.quality SITE_DIR --table      # the tuning set's pass/fail table
    python -m kb.quality SITE_DIR --update     # write it to tests/problems/tuning-table.txt
    python -m kb.quality SITE_DIR --keywords   # the misses of tests/search_queries.yml
    python -m kb.quality SITE_DIR --split      # the tuning set in two halves, A and B
    python -m kb.quality SITE_DIR --split --misses A   # half A's misses, query by query

`--split` reads the tuning set only: its queries, per language, alternate between half A (1st, 3rd,
…) and half B, so both keep the set's mix of problem families. A ranking change is judged on the half
that was not looked at while making it (decisions/0005-search-queries.md, "A/B inside the tuning set").
"""

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from kb import ROOT
from kb.checks import PROBLEMS, problem_sets
from kb.langs import LANGS, prefix

TABLE = PROBLEMS / "tuning-table.txt"
RANK = Path(__file__).resolve().parent / "rank.js"


def shown(site: Path, lang: str, queries: list[str]) -> list[list[list[str]]]:
    """For each query, the results the page would show: each a page's sections, best first, as
    'page#section' names."""
    return [[[_name(url) for url in group] for group in groups] for groups in _rank(site, lang, queries)]


def weak(site: Path, lang: str, queries: list[str]) -> list[bool]:
    """For each query, whether the page says that no section answers it well."""
    return _rank(site, lang, queries, weak=True)


def evaluate(site: Path, folder: Path = PROBLEMS) -> dict[str, dict[str, list[dict]]]:
    """Every answerable query of every set with its rank: {set: {lang: [{q, at, rank}, …]}}; rank
    is 1 for the first section shown, None when its section is not shown at all."""
    out: dict[str, dict[str, list[dict]]] = {}
    for name, by_lang in problem_sets(folder).items():
        for lang in LANGS:
            entries = [e for e in by_lang.get(lang) or [] if e.get("at")]
            results = shown(site, lang, [e["q"] for e in entries])
            out.setdefault(name, {})[lang] = [
                {"q": e["q"], "at": e["at"], "rank": _place(e["at"], sum(r, []))}
                for e, r in zip(entries, results, strict=True)
            ]
    return out


def unanswerable(site: Path, folder: Path = PROBLEMS) -> list[str]:
    """Lines saying, per set and language, how many of the queries no section answers (`at: null`)
    get the page's "no good match" notice, and how many answerable ones get it wrongly."""
    lines = []
    for name, by_lang in problem_sets(folder).items():
        for lang in LANGS:
            entries = by_lang.get(lang) or []
            flags = weak(site, lang, [e["q"] for e in entries])
            none = [f for e, f in zip(entries, flags, strict=True) if not e.get("at")]
            some = [f for e, f in zip(entries, flags, strict=True) if e.get("at")]
            lines.append(
                f"{name:<8} {lang:<5} no good match: {sum(none)} of {len(none)} unanswerable, "
                f"{sum(some)} of {len(some)} answerable"
            )
    return lines


def halves(site: Path, folder: Path = PROBLEMS) -> dict[str, dict[str, list[dict]]]:
    """The tuning set's answerable queries with their rank, split per language into halves 'A' (the
    1st, 3rd, … query) and 'B' (the 2nd, 4th, …): {half: {lang: [{q, at, rank}, …]}}."""
    by_lang = yaml.safe_load((folder / "tuning.yml").read_text(encoding="utf-8"))
    out: dict[str, dict[str, list[dict]]] = {"A": {}, "B": {}}
    for lang in LANGS:
        entries = [e for e in by_lang.get(lang) or [] if e.get("at")]
        results = shown(site, lang, [e["q"] for e in entries])
        for n, (e, r) in enumerate(zip(entries, results, strict=True)):
            rank = _place(e["at"], sum(r, []))
            row = {"q": e["q"], "at": e["at"], "rank": rank, "top": r[0][:1] if r else []}
            out["AB"[n % 2]].setdefault(lang, []).append(row)
    return out


def summary(results: dict) -> list[str]:
    lines = [f"{'set':<8} {'lang':<5} {'queries':>8} {'top-1':>7} {'top-3':>7}"]
    for name, by_lang in results.items():
        for lang, rows in by_lang.items():
            n = max(1, len(rows))
            top1 = sum(1 for r in rows if r["rank"] == 1)
            top3 = sum(1 for r in rows if r["rank"] and r["rank"] <= 3)
            lines.append(
                f"{name:<8} {lang:<5} {len(rows):>8} {100 * top1 / n:>6.0f}% {100 * top3 / n:>6.0f}%"
            )
    return lines


def table(results: dict) -> str:
    """The tuning set as lines 'PASS|FAIL<TAB>lang<TAB>section<TAB>query' (PASS: first section shown)."""
    rows = [
        f"{'PASS' if r['rank'] == 1 else 'FAIL'}\t{lang}\t{r['at']}\t{r['q']}"
        for lang, entries in results["tuning"].items()
        for r in entries
    ]
    header = (
        "# The tuning set (tests/problems/tuning.yml) as the built site's search ranks it: PASS when the\n"
        "# first section shown answers the query. Written by `python -m kb.quality site --update`;\n"
        "# tests/test_search_quality.py fails when the site and this table disagree.\n"
    )
    return header + "\n".join(rows) + "\n"


def keyword_misses(site: Path, table: Path = ROOT / "tests" / "search_queries.yml") -> list[str]:
    """The rows of the keyword query table that the ranking misses (the browser test checks them on a
    phone; this gives the answer in a second while search is being changed)."""
    cases = yaml.safe_load(table.read_text(encoding="utf-8"))["queries"]
    misses = []
    for lang in LANGS:
        mine = [c for c in cases if c["lang"] == lang]
        for case, groups in zip(mine, shown(site, lang, [c["query"] for c in mine]), strict=True):
            top = groups[0][:1] if case["top"] == 1 and groups else sum(groups[: case["top"]], [])
            if _name(case["expected"].removeprefix("./")) not in top:
                misses.append(f"{lang}: {case['query']!r} expected {case['expected']} in {top}")
    return misses


# Helpers


def _name(url: str) -> str:
    """'pagos-atrasados/#pasos' → 'pagos-atrasados#pasos'; the home page is 'index'."""
    page, _, anchor = url.partition("#")
    name = page.rstrip("/") or "index"  # the language's home
    return f"{name}#{anchor}" if anchor else name


def _place(at: str, names: list[str]) -> int | None:
    return names.index(at) + 1 if at in names else None


def _rank(site: Path, lang: str, queries: list[str], **options) -> list:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not installed: the search ranking runs in Node (Debian's nodejs)")
    request = json.dumps({"index": str(site / prefix(lang) / "kb-search"), "queries": queries, **options})
    done = subprocess.run([node, str(RANK)], input=request, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site", type=Path, help="a built site, e.g. site")
    parser.add_argument("--table", action="store_true", help="print the tuning set's pass/fail table")
    parser.add_argument("--update", action="store_true", help=f"write the table to {TABLE.relative_to(ROOT)}")
    parser.add_argument("--keywords", action="store_true", help="the misses of tests/search_queries.yml")
    parser.add_argument("--split", action="store_true", help="the tuning set's halves A and B (no other set)")
    parser.add_argument("--misses", choices=("A", "B"), help="with --split: that half's misses, one a line")
    args = parser.parse_args(argv)
    if args.split:
        split = halves(args.site)
        if args.misses:
            for lang, rows in split[args.misses].items():
                for r in rows:
                    if r["rank"] != 1:
                        print(f"{lang}\t{r['rank']}\t{r['at']}\t{r['top']}\t{r['q']}")
        print("\n".join(summary(split)))
        return 0
    if args.keywords:
        misses = keyword_misses(args.site)
        print("\n".join(misses) or "tests/search_queries.yml: every query lands")
        return 1 if misses else 0
    results = evaluate(args.site)
    if args.update:
        TABLE.write_text(table(results), encoding="utf-8")
        print(f"written: {TABLE.relative_to(ROOT)}")
    elif args.table:
        print(table(results), end="")
    print("\n".join(summary(results)))
    print("\n".join(unanswerable(args.site)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
