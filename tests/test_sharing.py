"""Links to one section: same IDs in both languages, link previews, no published link breaks, and
every page's "report a mistake" link."""

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import LANGS, PAGES
from kb import ROOT
from kb import checks as kbcheck

BASE = "https://progressive-leasing-guia.github.io/"
REPORT = {
    "es": ("¿Ve un error? Avísenos", "Idioma: español"),
    "en": ("See a mistake? Tell us", "Language: English"),
}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_link_preview_in_the_page_language(site, name, lang):
    page = site.html(name, lang)

    def og(prop):
        tag = page.select_one(f'meta[property="og:{prop}"]')
        return tag["content"] if tag else None

    title = page.select_one("article h1").get_text().rstrip("¶").strip()
    assert og("title") and og("title") in page.title.get_text(), f"{lang}/{name}: og:title {og('title')!r}"
    assert og("title") == title or title.startswith(og("title")[:10]), (
        f"{lang}/{name}: {og('title')!r} vs {title!r}"
    )
    description = page.select_one('meta[name="description"]')["content"]
    assert og("description") == description and len(description) > 30, f"{lang}/{name}: og:description"
    assert og("url") == BASE + kbcheck.url_of(name, lang), f"{lang}/{name}: og:url {og('url')}"
    assert og("locale") == {"es": "es_US", "en": "en_US"}[lang], f"{lang}/{name}: og:locale {og('locale')}"


def test_a_removed_section_is_named(site, tmp_path):
    listed = tmp_path / "published-urls.txt"
    listed.write_text(kbcheck.PUBLISHED.read_text() + "compra-anticipada/#ya-no-existe\n")
    problems = kbcheck.check_urls(site.site, listed)
    assert problems == [
        "published-urls.txt: 'compra-anticipada/#ya-no-existe' no longer exists: restore the page or "
        'heading ID, or add an ID alias (<a id="old-id"></a>) or a redirect page where it moved'
    ]


def test_a_new_section_missing_from_the_list_is_named(site, tmp_path):
    listed = tmp_path / "published-urls.txt"
    lines = kbcheck.PUBLISHED.read_text().splitlines()
    listed.write_text("\n".join(line for line in lines if line != "en/escalar/#carta-certificada") + "\n")
    assert kbcheck.check_urls(site.site, listed) == [
        "published-urls.txt: new section 'en/escalar/#carta-certificada' is not listed: "
        "run `python tools/kbcheck.py urls --update`"
    ]


def test_an_id_alias_keeps_an_old_link_working(fixture_site, tmp_path):
    def alias(root):
        guide = root / "docs/es/guia.md"
        guide.write_text(
            guide.read_text().replace("## C { #pasos }", '<a id="viejo"></a>\n\n## C { #pasos }')
        )

    built = fixture_site(alias)
    assert built.ok, built.log
    listed = tmp_path / "urls.txt"
    listed.write_text("\n".join([*kbcheck.published_urls(built.site), "guia/#viejo", "en/guia/#viejo"]))
    assert kbcheck.check_urls(built.site, listed) == [
        "urls.txt: 'en/guia/#viejo' no longer exists: restore the page or heading ID, "
        'or add an ID alias (<a id="old-id"></a>) or a redirect page where it moved'
    ]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_report_a_mistake_opens_an_issue_with_the_page_filled_in(site, name, lang):
    page = site.html(name, lang)
    repo = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["repo_url"]
    links = page.select("article .kb-report a[href]")
    assert len(links) == 1, f"{lang}/{name}: {len(links)} report links vs 1"
    text, language = REPORT[lang]
    assert links[0].get_text(strip=True) == text, f"{lang}/{name}: {links[0].get_text()!r} vs {text!r}"
    href = urlsplit(links[0]["href"])
    assert f"{href.scheme}://{href.netloc}{href.path}" == f"{repo}/issues/new", f"{lang}/{name}: {href}"
    query = {key: values[0] for key, values in parse_qs(href.query).items()}
    title = page.select_one('meta[property="og:title"]')["content"]
    assert title in query.get("title", ""), (
        f"{lang}/{name}: issue title {query.get('title')!r} lacks {title!r}"
    )
    body = query.get("body", "")
    assert BASE + kbcheck.url_of(name, lang) in body.split(), f"{lang}/{name}: issue body lacks the page URL"
    assert language in body, f"{lang}/{name}: issue body lacks {language!r}"


def test_no_repository_widget_asks_github_for_stars(site):
    """`repo_url` is set for the report link; Material's header widget would fetch api.github.com."""
    for lang in LANGS:
        page = site.html("index", lang)
        assert page.select(".md-source, [data-md-component=source]") == [], f"{lang}: a repository widget"
