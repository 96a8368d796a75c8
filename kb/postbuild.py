"""Site-wide steps on a built site, after any generator: `python -m kb.postbuild SITE_DIR`.

They read only the built HTML and the Markdown sources, so they depend on no MkDocs event order
or module state: hooks/kb.py runs them once after `mkdocs build` has built every language, and
the same command runs them after another generator. They write the page's script (kb/bundle.py)
and the home-screen icons, then, for each language, its search index, web manifest, 404 page,
each page's critical CSS (kb/critical.py), the content-security policy of its pages (kb/csp.py)
and, last, its offline worker and page; and they run the whole-site checks (kb/checks.py,
kb/sources.py), failing the build on any problem.
"""

import argparse
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from kb import DOCS, bundle, checks, critical, csp, manifest, notfound, offline, search
from kb.errors import ContentError
from kb.langs import LANGS
from kb.site import Site


def run(site: Path, docs: Path = DOCS, jobs: int | None = None) -> None:
    """Write what the built site needs and check it; ContentError lists every problem found.

    Each language's steps need only that language's pages, so they run side by side, one process
    a language (forked, where the system can: the site is never read twice in one process), while
    this one checks the Markdown sources. `jobs=1` runs everything here, one language after another.
    """
    built = Site(site, docs)
    bundle.write(built.root)  # what every language's pages share first: the worker hashes them
    manifest.icons(built.root)
    search.drop_lunr(built.root)
    with _workers(jobs) as pool:
        if pool is None:
            reports = [_language(built.root, built.docs, lang) for lang in LANGS]
            problems = checks.source_problems(built)
        else:
            futures = [pool.submit(_language, built.root, built.docs, lang) for lang in LANGS]
            problems = checks.source_problems(built)
            reports = [future.result() for future in futures]
    problems += checks.report_problems(built, reports)
    if problems:
        raise ContentError("\n  ".join(["The site has problems to fix:", *problems]))


# Helpers


def _language(root: Path, docs: Path, lang: str) -> dict:
    """One language's steps; returns what the checks across languages need."""
    site, langs = Site(root, docs), (lang,)
    search.build(site, langs)
    manifest.build(site, langs)
    notfound.build(site, langs)
    critical.build(site, langs)  # each page's CSS inline, the stylesheet after its content
    csp.build(site, langs)  # after every step that writes a page
    offline.build(site, langs)  # last: its precache version hashes the bytes the other steps wrote
    return checks.language_report(site, lang)


@contextmanager
def _workers(jobs: int | None):
    """A pool of one process a language, or None to run here (asked, one core, or no fork)."""
    jobs = min(len(LANGS), jobs or os.cpu_count() or 1)
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        yield pool


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site", type=Path, help="the built site's folder, e.g. site")
    parser.add_argument("--docs", type=Path, default=DOCS, help="the Markdown sources (default: docs/)")
    parser.add_argument("--jobs", type=int, help="processes, one a language (default: as many as cores)")
    args = parser.parse_args(argv)
    try:
        run(args.site, args.docs, args.jobs)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
