"""A strict Content-Security-Policy and referrer policy in every built page, as `<meta>` tags.

The site is static and may be hosted where no one sets response headers, so the policy travels in
the page. It lets scripts run only from this site (`script-src 'self'`) plus the few inline scripts
Material writes into each page, each allowed by its SHA-256 hash (they differ with the page's depth,
so each page gets its own list); no `'unsafe-inline'` for scripts, so a script that reached a page
by any other way does not run. Nothing is loaded from another host (`default-src 'self'`: no
third-party requests), no plugins (`object-src 'none'`), no `<base>` (`base-uri 'none'`), and links
to sources send no referrer (`no-referrer`: the official site a reader opens does not learn which
guide they came from). Styles stay inline-friendly: Material and kb.css are inline, and a style
cannot run code. Runs per language after every step that writes HTML (kb/postbuild.py) and before
the offline worker hashes the pages.
"""

import base64
import hashlib

from selectolax.lexbor import LexborHTMLParser

from kb.langs import LANGS, prefix
from kb.notfound import NAME as NOT_FOUND
from kb.site import Site

# Hooks (steps of kb/postbuild.py)


def build(site: Site, langs: tuple[str, ...] = LANGS) -> None:
    """Put the policy first in the <head> of each page of these languages and of their 404 page."""
    for lang in langs:
        paths = [page.path for page in site.pages(lang)]
        paths.append(site.root / prefix(lang) / NOT_FOUND)
        for path in paths:
            if path.exists():
                path.write_text(protect(path.read_text(encoding="utf-8")), encoding="utf-8")


# Helpers


def protect(html: str) -> str:
    """The page with the policy for its own inline scripts as the first tags of its <head>."""
    if 'http-equiv="Content-Security-Policy"' in html:
        return html  # already done (a second run of the post-build step)
    tree = LexborHTMLParser(html)
    hashes = sorted({_hash(s.text(deep=True)) for s in tree.css("script:not([src])") if _runs(s)})
    tags = policy(hashes)
    charset = html.find("<meta charset")  # the charset first: it must come in the first 1024 bytes
    at = html.find(">", charset if charset >= 0 else html.find("<head")) + 1
    if at <= 0:
        return html
    return html[:at] + tags + html[at:]


def policy(hashes: list[str]) -> str:
    scripts = " ".join(["'self'", *(f"'sha256-{h}'" for h in hashes)])
    rules = [rule.replace("SCRIPTS", scripts) for rule in _RULES]
    return (
        f'<meta http-equiv="Content-Security-Policy" content="{"; ".join(rules)}">'
        '<meta name="referrer" content="no-referrer">'
    )


def _runs(script) -> bool:
    kind = (script.attributes.get("type") or "").strip().lower()
    return kind in ("", "text/javascript", "module", "application/javascript")


def _hash(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# Data

_RULES = (
    "default-src 'self'",
    "script-src SCRIPTS",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
)
