"""The search index the build writes (kb/search.py, after the build): one per language, real sections.

What readers type and where it lands is tested in a browser: tests/browser/test_search_browser.py.
"""

import json
from pathlib import Path

import pytest
import yaml

from conftest import LANGS, PAGES
from kb import checks as kbcheck
from kb import text

ROOT = Path(__file__).resolve().parent.parent
PREFIX = {"es": "", "en": "en/"}


def _index_pages(site: Path, lang: str) -> dict[str, dict]:
    folder = site / PREFIX[lang] / "kb-search" / "p"
    pages = [json.loads(f.read_text(encoding="utf-8")) for f in folder.glob("*.json")]
    return {p["u"]: p for p in pages}


def _front_matter(name: str, lang: str) -> dict:
    return yaml.safe_load((ROOT / "docs" / lang / f"{name}.md").read_text(encoding="utf-8").split("---")[1])


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_index(site, lang):
    manifest = json.loads((site.site / PREFIX[lang] / "kb-search" / "index.json").read_text())
    assert manifest["lang"] == lang, f"{PREFIX[lang]}kb-search/ is '{manifest['lang']}' vs '{lang}'"
    indexed = sorted(_index_pages(site.site, lang))
    expected = sorted("" if n == "index" else f"{n}/" for n in PAGES)
    assert indexed == expected, f"{lang}: indexed pages {indexed} vs site pages {expected}"


def test_the_mixed_language_lunr_index_is_not_published(site):
    assert not (site.site / "search" / "search_index.json").exists()


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_result_opens_an_existing_section(site, lang, name):
    page = _index_pages(site.site, lang)["" if name == "index" else f"{name}/"]
    anchors = {anchor for anchor, _, _ in page["s"] if anchor}
    ids = kbcheck.section_ids(site.html(name, lang))
    assert anchors <= ids, f"{lang}/{name}: results point at missing sections {sorted(anchors - ids)}"
    assert page["t"] == site.html(name, lang).select_one("article h1").get_text().rstrip("¶").strip()


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_keyword_reaches_the_index(site, lang, name):
    meta = _front_matter(name, lang)
    keywords = list(meta.get("keywords") or [])
    keywords += [k for words in (meta.get("section_keywords") or {}).values() for k in words]
    indexed = set()
    for shard in (site.site / PREFIX[lang] / "kb-search" / "t").glob("*.json"):
        indexed.update(json.loads(shard.read_text(encoding="utf-8")))
    for keyword in map(str, keywords):
        cut = text.terms(keyword, lang)  # never empty: the build refuses a keyword of stop words only
        missing = [t for t in cut if t not in indexed]
        assert not missing, f"{lang}/{name}: keyword {keyword!r} not indexed: {missing}"


@pytest.mark.parametrize("name", PAGES)
def test_the_spanish_index_has_the_english_twins_keywords(site, name):
    """Readers of the Spanish guide type English words ("el payoff"): kb/search.py _ALSO."""
    meta = _front_matter(name, "en")
    keywords = list(meta.get("keywords") or [])
    keywords += [k for words in (meta.get("section_keywords") or {}).values() for k in words]
    indexed = set()
    for shard in (site.site / "kb-search" / "t").glob("*.json"):
        indexed.update(json.loads(shard.read_text(encoding="utf-8")))
    for keyword in map(str, keywords):
        english = " ".join(text.words(keyword, "en"))
        missing = [t for t in text.terms(english, "es") if t not in indexed]
        assert not missing, f"en/{name}: keyword {keyword!r} not in the Spanish index: {missing}"


def _with_front_matter(front_matter: str):
    def edit(root: Path):
        page = root / "docs" / "es" / "guia.md"
        page.write_text(page.read_text().replace("type: guide\n", f"type: guide\n{front_matter}\n", 1))

    return edit


def test_section_keywords_lead_to_their_section_and_stay_off_the_page(fixture_site):
    built = fixture_site(_with_front_matter("section_keywords:\n  pasos: [zanahoria]"))
    assert built.ok, built.log
    html = (built.site / "guia" / "index.html").read_text(encoding="utf-8")
    assert "zanahoria" not in html, "a section keyword shows in the page's HTML"
    term = text.terms("zanahoria", "es")[0]
    keys = json.loads((built.site / "kb-search" / "index.json").read_text())["keys"]
    key = term[:3] if term[:3] in keys else term[:2]
    shard = json.loads((built.site / "kb-search" / "t" / f"{key}.json").read_text())
    page, section = shard[term][0], shard[term][1]
    found = json.loads((built.site / "kb-search" / "p" / f"{page}.json").read_text())
    where = (found["u"], found["s"][section][0])
    assert where == ("guia/", "pasos"), f"'zanahoria' leads to {where} vs ('guia/', 'pasos')"


def test_a_page_keyword_a_section_also_has_leads_to_that_section(fixture_site):
    built = fixture_site(_with_front_matter("keywords: [zanahoria]\nsection_keywords:\n  pasos: [zanahoria]"))
    assert built.ok, built.log
    found = _postings(built.site, "es", "zanahoria")
    best = max(found, key=found.get)
    assert best == ("guia/", "pasos"), f"'zanahoria' scores best at {best}: {found}"
    assert len(found) > 1, "the opening lost the page keyword altogether"


def test_section_keywords_for_a_missing_section_fail_the_build(fixture_site):
    built = fixture_site(_with_front_matter("section_keywords:\n  nowhere: [zanahoria]"))
    assert not built.ok, "the build accepted keywords for a section that does not exist"
    for part in ("docs/es/guia.md", "no section with ID 'nowhere'"):
        assert part in built.log, f"{part!r} not in the build log:\n{built.log}"


def _postings(site: Path, lang: str, word: str) -> dict[tuple[str, str], int]:
    """{(page URL, section ID): score} of a word's term in a built language's index."""
    index = site / PREFIX[lang] / "kb-search"
    term = text.terms(word, lang)[0]
    keys = json.loads((index / "index.json").read_text())["keys"]
    key = term[:3] if term[:3] in keys else term[:2]
    shard = index / "t" / f"{key}.json"
    rows = json.loads(shard.read_text()).get(term, []) if shard.exists() else []
    out = {}
    for page, section, score in zip(rows[::3], rows[1::3], rows[2::3], strict=True):
        found = json.loads((index / "p" / f"{page}.json").read_text())
        out[(found["u"], found["s"][section][0])] = score
    return out


def test_a_readers_word_is_found_wherever_the_guides_use_its_word(fixture_site):
    """data/synonyms.yml: 'multa' is indexed where a section says 'cargo por mora', at 0.6 of its
    weight, in Spanish only; the pages' text does not change."""
    lexicon = "es:\n  multa: cargo por mora\nen:\n  penalty: late fee\n"
    built = fixture_site(lambda root: (root / "data" / "synonyms.yml").write_text(lexicon))
    assert built.ok, built.log
    site_word, reader_word = _postings(built.site, "es", "mora"), _postings(built.site, "es", "multa")
    assert reader_word, "'multa' is not in the Spanish index"
    assert set(reader_word) <= set(site_word), f"'multa' in {set(reader_word)} vs 'mora' in {set(site_word)}"
    for where, score in reader_word.items():
        assert score < site_word[where], f"{where}: 'multa' {score} is not below 'mora' {site_word[where]}"
    assert _postings(built.site, "en", "penalty"), "'penalty' is not in the English index"
    assert not _postings(built.site, "en", "multa"), "a Spanish reader word is in the English index"
    html = (built.site / "guia" / "index.html").read_text(encoding="utf-8")
    assert "multa" not in html, "a lexicon word shows on the page"


def test_a_readers_phrasing_is_found_on_its_section_only(fixture_site):
    """data/asked/guia.yml: a phrasing's words are indexed on the section it names, in its language
    only; they are not on the page."""
    phrasings = (
        'es:\n  pasos:\n    - "se me descompuso la lavadora"\nen:\n  respuesta:\n    - "my washer broke"\n'
    )

    def write(root: Path) -> None:
        (root / "data" / "asked").mkdir()
        (root / "data" / "asked" / "guia.yml").write_text(phrasings, encoding="utf-8")

    built = fixture_site(write)
    assert built.ok, built.log
    found = _postings(built.site, "es", "lavadora")
    assert set(found) == {("guia/", "pasos")}, f"'lavadora' in {set(found)} vs only guia/#pasos"
    washer = set(_postings(built.site, "en", "washer"))
    assert washer == {("guia/", "respuesta")}, f"'washer' in {washer} vs only guia/#respuesta"
    assert not _postings(built.site, "en", "lavadora"), "a Spanish phrasing is in the English index"
    html = (built.site / "guia" / "index.html").read_text(encoding="utf-8")
    assert "lavadora" not in html, "a phrasing shows on the page"
