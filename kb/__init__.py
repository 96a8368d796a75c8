"""The knowledge base's own code: pure, offline functions that hooks, tests and tools import.

    kb.langs    the site's languages and the words its own code shows readers (data/ui.yml)
    kb.data     reading the data files, with a message that names the file
    kb.text     folding, words and stems: one pipeline for the search index, the browser and tests
    kb.site     paths and pages of a built site: URLs, articles, sections, readable text
    kb.checks   whole-site checks on a built site (tools/kbcheck.py is their command line)

Nothing here imports MkDocs: the same functions serve any generator that writes the same HTML.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DOCS = ROOT / "docs"
