"""The "last reviewed" line at the end of every page, in words: "Última revisión: 26 de noviembre de 2026".

A reader deciding whether to trust a guide on hold needs to see how fresh it is. The date is the
page's `reviewed:` front matter, written out in the page's language (kb.langs.written_date, the
months and the label in data/ui.yml), with the machine date in `<time datetime>`. A Python-Markdown
extension (`kb.reviewed` in mkdocs.yml) appends it to the page's HTML, so every generator shows it.
"""

import datetime
import html

from markdown.postprocessors import Postprocessor

from kb.langs import ui, written_date
from kb.page import PageExtension, page_of

# Extension


class _Reviewed(Postprocessor):
    def __init__(self, md, options: dict):
        super().__init__(md)
        self.options = options

    def run(self, text):
        page = page_of(self.md, self.options["lang"] or None)
        day = page.meta.get("reviewed")
        if not isinstance(day, datetime.date):  # kb.shape names a page whose date is missing or wrong
            return text
        label = html.escape(ui("reviewed")[page.lang])
        line = f'<time datetime="{day.isoformat()}">{html.escape(written_date(day, page.lang))}</time>'
        return f'{text}\n<p class="kb-reviewed">{label} {line}</p>'


class ReviewedExtension(PageExtension):
    options = {"lang": ["", "page language when no MkDocs page is known (es, en)"]}

    def extendMarkdown(self, md):
        md.postprocessors.register(_Reviewed(md, self.getConfigs()), "kb_reviewed", 1)  # last


def makeExtension(**kwargs):
    return ReviewedExtension(**kwargs)
