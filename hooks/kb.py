"""The one MkDocs hook: run the site-wide steps (`python -m kb.postbuild`) once, after every language.

Everything else is generator-neutral: the page transforms are Python-Markdown extensions
(`markdown_extensions:` in mkdocs.yml), and the site-wide steps and checks read only the built HTML
and the Markdown sources (kb/postbuild.py). mkdocs-static-i18n builds the other languages inside
the default language's on_post_build (at priority -100); each of those builds fires on_post_build
too, with the plugin's `building` flag set. This hook waits for the outer build, so the steps see
the whole site, as `python -m kb.postbuild site` does after `mkdocs build` without this hook.

Before each build it also readies Material's `social` plugin (the link preview cards, MkDocs'
alone): its font cache filled from Debian's fonts-liberation (kb/cards.py), so it never downloads a
font, and its layout folder found next to mkdocs.yml (decisions/0007-link-preview-cards.md).
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb.authored import encoding_problems
from kb.bundle import JS
from kb.cards import fill_fonts
from kb.postbuild import run

# Hooks


def on_pre_build(config):
    """A page that is not UTF-8 stops MkDocs with a traceback while it reads it: say which, first."""
    problems = encoding_problems(Path(config.docs_dir))
    if problems:
        raise PluginError("\n".join(problems))
    _ready_social(config)


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # one language inside the plugin's loop: the outer build runs the steps, once
    run(Path(config.site_dir), Path(config.docs_dir))


def on_serve(server, config, builder):
    """`make serve` rebuilds when the readers' JavaScript changes (kb/js/, outside docs/ and the theme)."""
    server.watch(str(JS))
    return server


# Helpers


def _ready_social(config):
    """Material's `social` plugin (the link preview cards): its font from Debian, and its layout
    folder read next to mkdocs.yml (the plugin reads it from the working directory)."""
    social = config.plugins.get("material/social")
    if social is None or not social.config.enabled:
        return
    layouts = Path(social.config.cards_layout_dir)
    if not layouts.is_absolute():
        social.config.cards_layout_dir = str(Path(config.config_file_path).parent / layouts)
    fill_fonts(Path(social.config.cache_dir))
