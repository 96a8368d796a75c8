"""Site-wide steps on a built site, after any generator: `python -m kb.postbuild SITE_DIR`.

They read only the built HTML and the Markdown sources, so they depend on no MkDocs event order
or module state: hooks/kb.py runs them once after `mkdocs build` has built every language, and
the same command runs them after another generator. First the whole-site checks (kb/checks.py,
which fail the build on any problem), then the page's script (kb/bundle.py), the search index,
the web manifest and icons, a 404 page per language, and last the offline worker and page.
"""

import argparse
import sys
from pathlib import Path

from kb import DOCS, bundle, manifest, notfound, offline, search
from kb.checks import build_problems
from kb.errors import ContentError
from kb.site import Site


def run(site: Path, docs: Path = DOCS) -> None:
    """Check the built site, then write what it needs; ContentError lists every problem found."""
    built = Site(site, docs)
    problems = build_problems(built)
    if problems:
        raise ContentError("\n  ".join(["The site has problems to fix:", *problems]))
    bundle.write(built.root)
    search.build(built)
    manifest.build(built)
    notfound.build(built)
    offline.build(built)  # last: its precache version hashes the bytes the other steps wrote


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site", type=Path, help="the built site's folder, e.g. site")
    parser.add_argument("--docs", type=Path, default=DOCS, help="the Markdown sources (default: docs/)")
    args = parser.parse_args(argv)
    try:
        run(args.site, args.docs)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
