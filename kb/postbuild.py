"""Site-wide steps on a built site, after any generator: `python -m kb.postbuild SITE_DIR`.

They read only the built HTML and the Markdown sources' front matter, so they depend on no MkDocs
event order or module state: hooks/postbuild.py runs them once after `mkdocs build` has built every
language, and the same command runs them after another generator. Today: the page's script
(kb/bundle.py) and the search index.
"""

import argparse
import sys
from pathlib import Path

from kb import DOCS, bundle, search
from kb.errors import ContentError


def run(site: Path, docs: Path = DOCS) -> None:
    bundle.write(site)
    search.build(site, docs)


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
