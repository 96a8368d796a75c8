"""Links to one section: same IDs in both languages, link previews, and no published link breaks."""

import pytest

from conftest import LANGS, PAGES
from kb import checks as kbcheck

BASE = "https://progressive-leasing-guia.github.io/"


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
