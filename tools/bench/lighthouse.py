"""Lighthouse (mobile) on every page in both languages: our site, and the same content on stock Material.

    .venv/bin/python tools/bench/lighthouse.py                 # what `make bench` runs
    .venv/bin/python tools/bench/lighthouse.py --pages compra-anticipada,index --no-stock
    .venv/bin/python tools/bench/lighthouse.py --site /tmp/site-me   # an existing build, ours only
    .venv/bin/python tools/bench/lighthouse.py --runs 1              # one run per page (quick look)

Builds both variants into a temp dir (see variants.py), serves each with gzip on 127.0.0.1, runs the
pinned Lighthouse (tools/bench/node_modules, `npm ci` there) with Debian's Chromium, prints one row
per page (four scores, LCP, bytes transferred) and the ours/stock ratios, and writes all of it, with
the audits that cost points, to bench/lighthouse.json. A benchmark, not a test: nothing fails on the
numbers. Lighthouse simulates a slow phone from what it observes in one real load, so performance,
LCP and TBT move from run to run (±0.1 s of first paint here, a point of score): each page is run
3 times by default and the run with the median score is kept, as Lighthouse's docs advise
(docs/variability.md there). Compare runs made on a quiet machine.
"""

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import variants  # a sibling: Python puts the script's folder on sys.path
from serve import serve

from kb import checks as kbcheck

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
OUT = variants.ROOT / "bench"
CHROME = os.environ.get("CHROME_PATH") or os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
GOALS = {"scores": 100, "guide_kb": 100}


def main() -> None:
    args = _arguments()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `npm ci` in {HERE} (or `make bench`)")
    pages = [(name, lang) for name in (args.pages or kbcheck.page_names()) for lang in kbcheck.LANGS]
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        sites = {"ours": args.site} if args.site else {}
        for variant in [v for v in ("ours", "stock") if v not in sites and (v == "ours" or args.stock)]:
            config = variants.project(Path(tmp) / variant, variant)
            sites[variant] = Path(tmp) / f"site-{variant}"
            variants.build(config, sites[variant])
        for variant, site in sites.items():
            results[variant] = _run_site(variant, site, pages, args.runs)
    ratios = _ratios(results["ours"], results["stock"]) if "stock" in results else {}
    if ratios:
        _print_ratios(ratios)
    _print_goals(results["ours"])
    OUT.mkdir(exist_ok=True)
    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "lighthouse": _lighthouse_version(),
        "chromium": CHROME,
        "mode": "mobile (Lighthouse default: simulated Slow 4G, 4x CPU slowdown), gzip on 127.0.0.1",
        "runs_per_page": args.runs,
        "load_average": os.getloadavg(),
        "results": results,
        "ratios_ours_over_stock": ratios,
    }
    (OUT / "lighthouse.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nwritten: {OUT / 'lighthouse.json'}")


# Helpers


def _arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--pages", type=lambda s: s.split(","), help="comma-separated page names (default: all)"
    )
    parser.add_argument("--site", type=Path, help="measure this build as 'ours' instead of building one")
    parser.add_argument("--no-stock", dest="stock", action="store_false", help="skip stock Material")
    parser.add_argument(
        "--runs", type=int, default=3, help="Lighthouse runs per page; the median run is kept"
    )
    return parser.parse_args()


def _run_site(variant: str, site: Path, pages: list[tuple[str, str]], runs: int) -> dict:
    print(f"\nLighthouse mobile, {variant}: {site}")
    print(f"{'page':<28}{'perf':>5}{'a11y':>5}{'bp':>5}{'seo':>5}{'LCP ms':>8}{'KB':>7}  points lost on")
    rows = {}
    with serve(site) as base:
        for name, lang in pages:
            key = f"{lang}/{name}"
            tries = sorted((_lighthouse(base + kbcheck.url_of(name, lang)) for _ in range(runs)), key=_perf)
            rows[key] = dict(tries[len(tries) // 2], performance_runs=[t["performance"] for t in tries])
            row = rows[key]
            scores = "".join(f"{row[c]:>5}" for c in CATEGORIES)
            lost = ", ".join(row["lost"]) or "-"
            print(f"{key:<28}{scores}{row['lcp_ms']:>8.0f}{row['bytes'] / 1000:>7.1f}  {lost}", flush=True)
    return rows


def _lighthouse(url: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out.name}",
            "--form-factor=mobile",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        done = subprocess.run(
            command, env=dict(os.environ, CHROME_PATH=CHROME), capture_output=True, text=True
        )
        if done.returncode != 0:
            raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
        report = json.loads(Path(out.name).read_text(encoding="utf-8"))
    audits = report["audits"]
    row = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    row["lcp_ms"] = audits["largest-contentful-paint"]["numericValue"]
    row["bytes"] = int(audits["total-byte-weight"]["numericValue"])
    row["requests"] = len(audits["network-requests"]["details"]["items"])
    row["lost"] = sorted(
        {
            ref["id"]
            for c in CATEGORIES
            for ref in report["categories"][c]["auditRefs"]
            if ref["weight"] > 0
            and (audits[ref["id"]]["score"] is not None)
            and audits[ref["id"]]["score"] < 1
        }
    )
    return row


def _perf(row: dict) -> tuple:
    return (row["performance"], -row["lcp_ms"])


def _ratios(ours: dict, stock: dict) -> dict:
    ratios = {}
    for key in ours:
        if key in stock:
            ratios[key] = {m: _ratio(ours[key][m], stock[key][m]) for m in (*CATEGORIES, "lcp_ms", "bytes")}
    return ratios


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def _print_ratios(ratios: dict) -> None:
    print("\nours / stock (scores: >1 is better; LCP and bytes: <1 is better)")
    print(f"{'page':<28}{'perf':>7}{'a11y':>7}{'bp':>7}{'seo':>7}{'LCP':>7}{'bytes':>7}")
    columns = (*CATEGORIES, "lcp_ms", "bytes")
    for key, row in ratios.items():
        print(f"{key:<28}" + "".join(f"{_fmt(row[m]):>7}" for m in columns))
    medians = {m: statistics.median(r[m] for r in ratios.values() if r[m] is not None) for m in columns}
    print(f"{'median':<28}" + "".join(f"{_fmt(medians[m]):>7}" for m in columns))


def _print_goals(ours: dict) -> None:
    below = {k: [SHORT[c] for c in CATEGORIES if r[c] < GOALS["scores"]] for k, r in ours.items()}
    below = {k: v for k, v in below.items() if v}
    guides = {k: r["bytes"] for k, r in ours.items() if k.split("/", 1)[1] in kbcheck.guides()}
    heavy = {k: b for k, b in guides.items() if b > GOALS["guide_kb"] * 1000}
    print(f"\ngoal: 100 in all four on every page: {len(ours) - len(below)}/{len(ours)} pages meet it")
    runs = [score for r in ours.values() for score in r.get("performance_runs", [])]
    if len(runs) > len(ours):
        at_100 = f"{runs.count(100)}/{len(runs)} at 100, lowest {min(runs)}"
        print(f"  performance, every run (not only the medians): {at_100}")
    for key, cats in below.items():
        print(f"  {key}: below 100 in {', '.join(cats)}")
    if guides:
        print(
            f"goal: a guide's first visit <= {GOALS['guide_kb']} KB: "
            f"{len(guides) - len(heavy)}/{len(guides)} meet it (largest {max(guides.values()) / 1000:.1f} KB)"
        )


def _fmt(value) -> str:
    return "-" if value is None else f"{value:.2f}"


def _lighthouse_version() -> str:
    package = HERE / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


if __name__ == "__main__":
    main()
