"""The bilingual site itself: paths, languages, switcher, alternates, 404s, sitemap, privacy."""

import re
import xml.etree.ElementTree as ET

import pytest

from conftest import LANGS, PAGES
from kb import checks as kbcheck

OTHER = {"es": "en", "en": "es"}


def test_fixture_output_paths(fixture_site):
    built = fixture_site()
    assert built.ok, built.log
    paths = {p.relative_to(built.site).as_posix() for p in built.site.rglob("*.html")}
    assert paths == {
        "index.html",
        "guia/index.html",
        "404.html",
        "en/index.html",
        "en/guia/index.html",
        "en/404.html",
        "offline.html",
        "en/offline.html",
    }


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_page_exists_with_its_language(site, name, lang):
    page = site.html(name, lang)
    assert page.html["lang"] == lang, f"{lang}/{name}: <html lang={page.html['lang']}>"
    assert page.select_one("article h1"), f"{lang}/{name}: no h1"


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_alternates_and_switcher_point_at_the_twin(site, name, lang):
    """hreflang lives in sitemap.xml, not in <head>: Material fetches `sitemap.xml` next to every
    head `<link rel="alternate">`, a 404 for page-level links (overrides/partials/kb-site-meta.html)."""
    page = site.html(name, lang)
    here = kbcheck.html_file(site.site, name, lang).parent

    def target(href):
        return (site.site / href.lstrip("/") if href.startswith("/") else here / href).resolve()

    in_head = [link["href"] for link in page.select('head link[rel="alternate"][hreflang]')]
    assert not in_head, f"{lang}/{name}: hreflang links in <head> make Material fetch 404s: {in_head}"
    base = "https://progressive-leasing-guia.github.io/"
    in_sitemap = _sitemap_alternates(site)[base + kbcheck.url_of(name, lang)]
    twins = {code: base + kbcheck.url_of(name, code) for code in LANGS}
    assert in_sitemap == twins, f"{lang}/{name}: sitemap alternates {in_sitemap} vs {twins}"
    expected = {code: kbcheck.html_file(site.site, name, code).parent.resolve() for code in LANGS}
    switcher = page.select_one(f'.md-select__link[hreflang="{OTHER[lang]}"]')
    assert switcher, f"{lang}/{name}: no language switcher link to {OTHER[lang]}"
    assert target(switcher["href"]) == expected[OTHER[lang]], (
        f"{lang}/{name}: switcher goes to {switcher['href']}, twin is {expected[OTHER[lang]]}"
    )


def _sitemap_alternates(site) -> dict[str, dict[str, str]]:
    """{page URL: {hreflang: URL}} from the `xhtml:link rel="alternate"` entries of sitemap.xml."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(site.site / "sitemap.xml")
    return {
        url.findtext("s:loc", namespaces=ns): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link[@rel='alternate']", ns)
        }
        for url in tree.findall("s:url", ns)
    }


@pytest.mark.parametrize("lang", LANGS)
def test_404_in_its_language_with_both_homes(site, lang):
    path = site.site / ("404.html" if lang == "es" else "en/404.html")
    page = kbcheck.soup(path)
    assert page.html["lang"] == lang
    heading = page.select_one("article h1").get_text()
    assert heading == {"es": "Página no encontrada", "en": "Page not found"}[lang]
    homes = {a["hreflang"]: a["href"] for a in page.select(".kb-404-links a")}
    assert homes == {"es": "/", "en": "/en/"}, homes


def test_sitemap_lists_every_page_in_both_languages(site):
    tree = ET.parse(site.site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in tree.findall(".//s:loc", ns)}
    base = "https://progressive-leasing-guia.github.io/"
    expected = {base + kbcheck.url_of(name, lang) for name in PAGES for lang in LANGS}
    assert expected <= listed, f"missing from sitemap: {sorted(expected - listed)}"


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_third_party_resources(site, name, lang):
    """Fonts, scripts, styles and images come from the site itself (no Google Fonts, no CDN)."""
    page = site.html(name, lang)
    loaded = [el.get("src") for el in page.select("script[src], img[src], iframe[src]")]
    loaded += [el.get("href") for el in page.select('link[rel="stylesheet"], link[rel="preconnect"]')]
    external = [u for u in loaded if re.match(r"(https?:)?//", u or "")]
    assert not external, f"{lang}/{name} loads {external}"
