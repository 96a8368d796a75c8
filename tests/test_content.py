"""The knowledge base's content: guide shape, coverage of the source, truth, metadata, readability."""

import re
from pathlib import Path

import pytest
import yaml

import kbcheck
from conftest import LANGS, PAGES, ROOT

GUIDES = kbcheck.guides()
SECTIONS = [s["id"] for s in yaml.safe_load((ROOT / "data/guide.yml").read_text())["required_sections"]]
COVERAGE = yaml.safe_load((ROOT / "data/coverage.yml").read_text())
SEED = ROOT.parent / "shared" / "seed" / "COVERAGE.md"

# Facts beyond the source may only come from ../shared/seed/FACTS.md: these are all it allows.
ALLOWED_PHONES = {"877-898-1970"}
ALLOWED_EMAILS = {"verify@progleasing.com"}
ALLOWED_HOSTS = {
    "www.progressiveleasing.com",
    "progleasing.com",
    "help.progleasing.com",
    "www.consumerfinance.gov",
    "www.bbb.org",
    "bbb.org",
    "www.naag.org",
    "consumidor.ftc.gov",
}


def test_there_are_guides():
    assert len(GUIDES) >= 7, f"{len(GUIDES)} guides vs at least 7 problems to cover"


@pytest.mark.parametrize("name", GUIDES)
@pytest.mark.parametrize("lang", LANGS)
def test_guide_has_every_section_in_order_and_filled(site, name, lang):
    page = site.html(name, lang)
    ids = [h["id"] for h in kbcheck.article(page).select("h2[id]")]
    present = [s for s in ids if s in SECTIONS]
    assert present == SECTIONS, f"{lang}/{name}: sections {present} vs {SECTIONS}"
    empty = [s for s in SECTIONS if not kbcheck.section_text(page, s)]
    assert not empty, f"{lang}/{name}: empty sections {empty}"


def test_short_answer_comes_first_and_is_short(site):
    for name in GUIDES:
        for lang in LANGS:
            page = site.html(name, lang)
            first = kbcheck.article(page).select("h2[id]")[0]["id"]
            assert first == "respuesta", f"{lang}/{name}: first section is #{first}, not #respuesta"
            words = len(kbcheck.section_text(page, "respuesta").split())
            assert words <= 90, f"{lang}/{name}: short answer has {words} words vs at most 90"


def test_coverage_maps_every_point_of_the_source():
    expected = {f"C{n:02d}" for n in range(1, 44)}
    if SEED.exists():
        expected = set(re.findall(r"^- (C\d\d) ", SEED.read_text(), re.M))
    assert set(COVERAGE) == expected, (
        f"unmapped {sorted(expected - set(COVERAGE))}, unknown {sorted(set(COVERAGE) - expected)}"
    )


@pytest.mark.parametrize("point", sorted(COVERAGE))
def test_point_is_carried_in_both_languages(site, point):
    path, _, sid = COVERAGE[point]["at"].partition("#")
    name = Path(path).with_suffix("").as_posix()
    for lang in LANGS:
        page = site.html(name, lang)
        text = kbcheck.section_text(page, sid)
        assert text, f"{point}: {lang}/{path}#{sid} is missing or empty"
        missing = [w for w in COVERAGE[point].get(lang, []) if w.casefold() not in text.casefold()]
        assert not missing, f"{point}: {lang}/{path}#{sid} does not say {missing}"


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_description_and_last_reviewed_are_shown(site, name, lang):
    page = site.html(name, lang)
    source = (ROOT / "docs" / lang / f"{name}.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(source.split("---")[1])
    description = page.select_one('meta[name="description"]')
    assert description and description["content"] == meta["description"], f"{lang}/{name}: meta description"
    reviewed = page.select_one(".kb-reviewed time")
    assert reviewed and reviewed["datetime"] == str(meta["reviewed"]), f"{lang}/{name}: last reviewed date"


@pytest.mark.parametrize("name", GUIDES)
@pytest.mark.parametrize("lang", LANGS)
def test_guides_are_plain_language(site, name, lang):
    score = kbcheck.readability(kbcheck.reading_text(site.html(name, lang)), lang)
    assert score >= kbcheck.MIN_READABILITY, (
        f"{lang}/{name}: readability {score:.1f} vs {kbcheck.MIN_READABILITY}"
    )


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_invented_contact_details_or_sources(site, name, lang):
    page = site.html(name, lang)
    text = kbcheck.article(page).get_text(" ")
    phones = {m.group(1) for m in re.finditer(r"(?:1-)?(\d{3}[-. ]\d{3}[-. ]\d{4})", text)}
    assert phones <= ALLOWED_PHONES, (
        f"{lang}/{name}: phone numbers not in FACTS.md: {phones - ALLOWED_PHONES}"
    )
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    assert emails <= ALLOWED_EMAILS, f"{lang}/{name}: emails not in FACTS.md: {emails - ALLOWED_EMAILS}"
    hosts = {
        re.match(r"https?://([^/]+)", a["href"]).group(1)
        for a in kbcheck.article(page).select('a[href^="http"]')
    }
    assert hosts <= ALLOWED_HOSTS, f"{lang}/{name}: links to sources not in FACTS.md: {hosts - ALLOWED_HOSTS}"


@pytest.mark.parametrize("lang", LANGS)
def test_home_offers_every_guide_and_the_disclaimer(site, lang):
    page = site.html("index", lang)
    links = {a["href"].strip("./").split("#")[0] for a in kbcheck.article(page).select(".grid.cards a")}
    missing = [g for g in GUIDES if g not in {link.rstrip("/") for link in links}]
    assert not missing, f"{lang}/index: guides without a choice on the home page: {missing}"
    text = kbcheck.article(page).get_text(" ")
    words = {"es": ("independiente", "asesoría legal"), "en": ("independent", "legal advice")}[lang]
    assert all(w in text for w in words), f"{lang}/index: the disclaimer lacks {words}"


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_terms_are_explained_in_place(site, lang):
    glossary = yaml.safe_load((ROOT / "data/glossary.yml").read_text())["terms"]
    entries = {h["id"] for h in kbcheck.article(site.html("glosario", lang)).select("h2[id]")}
    assert {t["id"] for t in glossary} <= entries, (
        f"{lang}/glosario lacks {[t['id'] for t in glossary if t['id'] not in entries]}"
    )
    explained = {
        abbr.get_text()
        for name in GUIDES
        for abbr in kbcheck.article(site.html(name, lang)).select("abbr[title]")
    }
    assert len(explained) >= 5, f"{lang}: only {sorted(explained)} glossary terms explained in the guides"
