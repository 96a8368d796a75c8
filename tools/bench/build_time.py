"""How long `mkdocs build` takes: ours, without our code, and stock Material, real site and 500 pages.

    .venv/bin/python tools/bench/build_time.py              # what `make bench` runs
    .venv/bin/python tools/bench/build_time.py --pages 200 --runs 1

The synthetic site has `--pages` pages per language (500 by default), generated into a temp dir:
the real pages plus numbered copies of them (same front matter, scripts, glossary terms and links,
so every extension and post-build step has the same work per page as on the real site). Each build
runs `mkdocs build` in a fresh process, as a person runs it, `--runs` times; the median is printed
and written, with every run, to bench/build-time.json. The ratio that matters is ours / stock
(the target is at most 1.3 on both sites); ours / no-hooks is what our own code costs on the same
theme. A benchmark, not a test: nothing fails on the numbers.
"""

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import variants  # a sibling: Python puts the script's folder on sys.path

OUT = variants.ROOT / "bench"
_PER_LANGUAGE = 500
LANGS = ("es", "en")


def main() -> None:
    global _PER_LANGUAGE
    args = _arguments()
    _PER_LANGUAGE = args.pages
    rows = {}
    with tempfile.TemporaryDirectory(prefix="kb-build-") as tmp:
        synthetic = _synthetic_docs(Path(tmp) / "synthetic-docs", args.pages)
        data = {"real": None, f"synthetic {args.pages}/lang": _synthetic_data(Path(tmp) / "synthetic-data")}
        sites = {"real": None, f"synthetic {args.pages}/lang": synthetic}
        print(f"mkdocs build, median of {args.runs} run(s): wall seconds (CPU seconds)")
        print(
            f"{'site':<22}{'pages':>6}{'ours':>15}{'no hooks':>15}{'stock':>15}"
            f"{'ours/stock':>14}{'ours/no hooks':>15}"
        )
        for label, docs in sites.items():
            runs = {}
            for variant in variants.VARIANTS:
                folder = Path(tmp) / f"{label.split()[0]}-{variant}"
                config = variants.project(folder, variant, docs, data[label])
                runs[variant] = [variants.build(config, Path(tmp) / "out") for _ in range(args.runs)]
            wall = {v: statistics.median(t[0] for t in r) for v, r in runs.items()}
            cpu = {v: statistics.median(t[1] for t in r) for v, r in runs.items()}
            rows[label] = {
                "pages": _count_pages(docs or variants.ROOT / "docs"),
                "wall_s": {v: round(t, 3) for v, t in wall.items()},
                "cpu_s": {v: round(t, 3) for v, t in cpu.items()},
                "ratio_ours_over_stock": {
                    "wall": round(wall["ours"] / wall["stock"], 3),
                    "cpu": round(cpu["ours"] / cpu["stock"], 3),
                },
                "ratio_ours_over_no_hooks": {
                    "wall": round(wall["ours"] / wall["no-hooks"], 3),
                    "cpu": round(cpu["ours"] / cpu["no-hooks"], 3),
                },
                "runs": {v: [[round(w, 3), round(c, 3)] for w, c in r] for v, r in runs.items()},
            }
            cells = "".join(_cell(wall[v], cpu[v], 15) for v in variants.VARIANTS)
            ratios = _cell(wall["ours"] / wall["stock"], cpu["ours"] / cpu["stock"], 14)
            ratios += _cell(wall["ours"] / wall["no-hooks"], cpu["ours"] / cpu["no-hooks"], 15)
            print(f"{label:<22}{rows[label]['pages']:>6}{cells}{ratios}", flush=True)
    OUT.mkdir(exist_ok=True)
    report = {"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "python": sys.version.split()[0], "builds": rows}
    (OUT / "build-time.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"written: {OUT / 'build-time.json'}")


# Helpers


def _cell(wall: float, cpu: float, width: int) -> str:
    return f"{wall:.2f} ({cpu:.2f})".rjust(width)


def _arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=500, help="pages per language of the synthetic site")
    parser.add_argument("--runs", type=int, default=3, help="builds per measurement (median is shown)")
    return parser.parse_args()


def _synthetic_docs(folder: Path, per_language: int) -> Path:
    """The real docs plus numbered copies (`copy-0001-<name>.md`) up to `per_language` pages a language."""
    real = variants.ROOT / "docs"
    shutil.copytree(real, folder)
    for lang in LANGS:
        names = sorted(p.name for p in (real / lang).glob("*.md"))
        for number in range(per_language - len(names)):
            name = names[number % len(names)]
            shutil.copy(real / lang / name, folder / lang / f"copy-{number + 1:04d}-{name}")
    return folder


def _synthetic_data(folder: Path) -> Path:
    """The real data/, with a published-URL list that holds the copies' pages and sections too
    (the post-build check fails a build whose sections are not listed)."""
    lines = (variants.ROOT / "data" / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    listed = list(lines)
    for lang in LANGS:
        names = sorted(p.stem for p in (variants.ROOT / "docs" / lang).glob("*.md"))
        start = "" if lang == LANGS[0] else f"{lang}/"
        for number in range(_PER_LANGUAGE - len(names)):
            name = names[number % len(names)]
            page = start + ("" if name == "index" else f"{name}/") or "./"
            copy = f"{start}copy-{number + 1:04d}-{name}/"
            listed += [copy + line[len(page) :] for line in lines if _on(line, page)]
    return variants.data(folder, {"published-urls.txt": "\n".join(listed) + "\n"})


def _on(line: str, page: str) -> bool:
    """`line` is `page` itself or one of its sections (not a page below it)."""
    rest = line[len(page) :]
    return line.startswith(page) and (rest == "" or rest.startswith("#"))


def _count_pages(docs: Path) -> int:
    return sum(1 for lang in LANGS for _ in (docs / lang).rglob("*.md"))


if __name__ == "__main__":
    main()
