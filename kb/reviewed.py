"""The "last reviewed" line at the end of every page, in words: "Última revisión: 26 de noviembre de 2026",
and under it a "¿Ve un error? Avísenos" link.

A reader deciding whether to trust a guide on hold needs to see how fresh it is. The date is the
page's `reviewed:` front matter, written out in the page's language (kb.langs.written_date, the
months and the label in data/ui.yml), with the machine date in `<time datetime>`. A Python-Markdown
extension (`kb.reviewed` in mkdocs.yml) appends it to the page's HTML, so every generator shows it.

The link opens a new issue in the project's repository (`repo_url` in mkdocs.yml) with the page's
title, address and language filled in (the words: `report:` in data/ui.yml). It is a plain link:
it works without scripts, and nothing leaves the phone until the reader submits the issue on
GitHub. A project without `repo_url` (a fixture site) gets no link.
"""

import datetime
import html
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

import yaml
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from kb.data import DataError
from kb.langs import ui, written_date
from kb.page import Page, PageExtension, page_of
from kb.site import url_of

# Extension


class _Reviewed(Postprocessor):
    def __init__(self, md, options: dict):
        super().__init__(md)
        self.options = options

    def run(self, text):
        # Python-Markdown's toc also runs the postprocessors, on each heading's text (its
        # render_inner_html): the line goes only on the page's HTML, after every treeprocessor.
        if not getattr(self.md, _READY, False):
            return text
        setattr(self.md, _READY, False)
        page = page_of(self.md, self.options["lang"] or None)
        day = page.meta.get("reviewed")
        if not isinstance(day, datetime.date):  # kb.shape names a page whose date is missing or wrong
            return text
        label = html.escape(ui("reviewed")[page.lang])
        line = f'<time datetime="{day.isoformat()}">{html.escape(written_date(day, page.lang))}</time>'
        return f'{text}\n<p class="kb-reviewed">{label} {line}</p>' + report_link(page)


# Helpers


def report_link(page: Page) -> str:
    """The page's "report a mistake" paragraph, or '' when the project names no repository."""
    repo, site = _project(page.root / "mkdocs.yml")
    if not repo:
        return ""
    words = ui("report").get(page.lang)
    if not isinstance(words, dict) or not all(isinstance(words.get(k), str) for k in _REPORT):
        raise DataError(f"data/ui.yml: `report: {page.lang}:` needs `link`, `title` and `body`")
    address = site.rstrip("/") + "/" + url_of(page.name, page.lang)
    title = str(page.meta.get("title") or page.name)
    query = urlencode(
        {"title": words["title"].format(title=title), "body": words["body"].format(title=title, url=address)}
    )
    href = html.escape(f"{repo.rstrip('/')}/issues/new?{query}")
    return f'\n<p class="kb-report"><a href="{href}" rel="noopener">{html.escape(words["link"])}</a></p>'


@cache
def _project(config: Path) -> tuple[str, str]:
    """mkdocs.yml's `repo_url` and `site_url` ('' when absent or unreadable: no link)."""
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Plain)
    except (OSError, yaml.YAMLError):
        return "", ""
    data = data if isinstance(data, dict) else {}
    return str(data.get("repo_url") or ""), str(data.get("site_url") or "/")


_REPORT = ("link", "title", "body")  # the words of data/ui.yml `report:` each language needs


class _Ready(Treeprocessor):
    """Runs after the other treeprocessors (toc's included): the next postprocessor run is the page's."""

    def run(self, root):
        setattr(self.md, _READY, True)


_READY = "kb_reviewed_ready"


class _Plain(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` or `!ENV` tags: read them as plain values."""


_Plain.add_multi_constructor("", lambda loader, suffix, node: None)


class ReviewedExtension(PageExtension):
    options = {"lang": ["", "page language when no MkDocs page is known (es, en)"]}

    def extendMarkdown(self, md):
        md.treeprocessors.register(_Ready(md), "kb_reviewed_ready", -100)  # after toc (5), unescape (0)
        md.postprocessors.register(_Reviewed(md, self.getConfigs()), "kb_reviewed", 1)  # last


def makeExtension(**kwargs):
    return ReviewedExtension(**kwargs)
