"""Tell the header search box (overrides/partials/search.html) where its language's index is.

The index itself is written after the build by kb/search.py (`python -m kb.postbuild`, which
hooks/postbuild.py runs once after MkDocs has built every language).
"""

from urllib.parse import urlsplit

from kb.langs import prefix
from kb.search import DIR

# Hooks


def on_page_context(context, page, config, nav):
    context["kb_search_index"] = prefix(config.theme["language"]) + DIR + "/"
    return context


def on_template_context(context, template_name, config):
    """A 404 page is served at any depth, so it gets an absolute path."""
    if template_name.endswith("404.html"):
        root = urlsplit(config.site_url or "/").path
        context["kb_search_index"] = root + prefix(config.theme["language"]) + DIR + "/"
    return context
