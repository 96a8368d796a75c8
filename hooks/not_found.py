"""Give each language its own 404 page: `/404.html` in Spanish, `/en/404.html` in English.

mkdocs-static-i18n builds every language into the same `site_dir`, so the theme's `404.html`
of the last language overwrites the first. For a non-default language this hook renders the
template `<lang>/404.html` instead (a one-line file in `overrides/` extending `404.html`),
with absolute URLs like MkDocs gives the root one.
"""

from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from kb.langs import LANGS

# Hooks


@event_priority(-110)  # after mkdocs-static-i18n (-100) has set this build's language
def on_config(config):
    templates = config.theme.static_templates
    lang = config.theme["language"]
    for other in _NON_DEFAULT:
        templates.discard(f"{other}/404.html")
    if lang in _NON_DEFAULT:
        templates.discard("404.html")
        templates.add(f"{lang}/404.html")
    else:
        templates.add("404.html")
    return config


def on_template_context(context, template_name, config):
    """Absolute URLs, as MkDocs gives `404.html`: an error page is served at any depth."""
    if template_name.endswith("/404.html"):
        context["base_url"] = urlsplit(config.site_url or "/").path
    return context


# Data

_NON_DEFAULT = LANGS[1:]
