"""The knowledge base's content: guide shape, coverage of the source, truth, metadata, readability."""

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import LANGS, PAGES, ROOT
from kb import checks as kbcheck
from kb.langs import ui
from kb.site import UI

GUIDES = kbcheck.guides()
SECTIONS = [s["id"] for s in yaml.safe_load((ROOT / "data/guide.yml").read_text())["required_sections"]]
COVERAGE = yaml.safe_load((ROOT / "data/coverage.yml").read_text())
SEED = ROOT.parent / "shared" / "seed" / "COVERAGE.md"

# Facts beyond the source come from official pages quoted in data/sources.yml: the only outside
# links, phone numbers and email addresses a built page may show are the ones the registry holds.
SOURCES = yaml.safe_load((ROOT / "data/sources.yml").read_text())["sources"]
SOURCE_URLS = {s["url"] for s in SOURCES}
QUOTED = " ".join(q["quote"] for s in SOURCES for q in s["quotes"])
PHONE = r"(?:\+?1[-. ]?)?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}"
QUOTED_PHONES = {re.sub(r"\D", "", p)[-10:] for p in re.findall(PHONE, QUOTED)}
QUOTED_EMAILS = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", QUOTED))


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
    # once, at the end: not in each table-of-contents entry nor in the title's id (toc runs the
    # postprocessors on every heading's text, and kb.reviewed's used to append the line there too)
    label = ui("reviewed")[lang]
    assert len(page.find_all(string=re.compile(re.escape(label)))) == 1, f"{lang}/{name}: reviewed line twice"
    toc = [a.get_text(" ", strip=True) for a in page.select(".md-nav--secondary a")]
    assert toc and not [t for t in toc if label in t], f"{lang}/{name}: table of contents says {label!r}"
    h1 = page.select_one("article h1[id]")
    words = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", words).strip("-")
    assert h1 and slug not in h1["id"], f"{lang}/{name}: the title's id {h1 and h1['id']!r} holds {slug!r}"


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_invented_contact_details_or_sources(site, name, lang):
    body = kbcheck.article(site.html(name, lang))
    text = body.get_text(" ")
    phones = {re.sub(r"\D", "", p)[-10:] for p in re.findall(PHONE, text)}
    phones |= {re.sub(r"\D", "", a["href"])[-10:] for a in body.select('a[href^="tel:"]')}
    assert phones <= QUOTED_PHONES, f"{lang}/{name}: phone numbers no source quotes: {phones - QUOTED_PHONES}"
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    assert emails <= QUOTED_EMAILS, f"{lang}/{name}: emails no source quotes: {emails - QUOTED_EMAILS}"
    controls = {id(a) for a in body.select(", ".join(f"{c} a" for c in UI.split(", ")))}  # "report a mistake"
    links = {a["href"] for a in body.select('a[href^="http"], a[href^="//"]') if id(a) not in controls}
    assert links <= SOURCE_URLS, f"{lang}/{name}: links not in data/sources.yml: {links - SOURCE_URLS}"


def test_every_registered_source_is_cited_beside_a_fact(site):
    cited = {
        a["href"]
        for name in PAGES
        if name != "acerca"  # the About page lists every source; a citation is a link beside a fact
        for lang in LANGS
        for a in kbcheck.article(site.html(name, lang)).select('a[href^="http"]')
    }
    assert SOURCE_URLS <= cited, f"sources cited on no page: {sorted(SOURCE_URLS - cited)}"


@pytest.mark.parametrize("lang", LANGS)
def test_about_page_lists_every_source(site, lang):
    listed = {a["href"] for a in kbcheck.article(site.html("acerca", lang)).select(".kb-sources a")}
    assert listed == SOURCE_URLS, (
        f"{lang}/acerca: {len(listed)} sources listed vs {len(SOURCE_URLS)} registered"
    )


@pytest.mark.parametrize("name", GUIDES)
@pytest.mark.parametrize("lang", LANGS)
def test_a_step_that_says_call_has_the_tap_to_call_number(site, name, lang):
    page = site.html(name, lang)
    heading = kbcheck.article(page).find(id="pasos")
    steps = heading.find_next_sibling(["ol", "ul"])
    calls = re.compile(r"\b(llame|llamar|call)\b", re.I)
    for step in steps.select(":scope > li"):
        said = step.get_text(" ")
        if calls.search(said) and re.search(r"progressive", said, re.I):
            assert step.select_one('a[href="tel:+18778981970"]'), (
                f"{lang}/{name}#pasos: a step asks to call Progressive "
                f"without the tap-to-call number: {said[:80]!r}"
            )


# Words a careful reading flagged: what a US Hispanic reader would misread, and British spellings.
MISREAD = {
    "es": [
        r"fecha (exacta )?de corte",
        r"estado de su contrato",
        r"estado del contrato",
        r"según su sitio",
        r"escalar (una|su) queja",
        r"\b\d{4}-\d{2}-\d{2}\b",
    ],
    "en": [
        r"recognis",
        r"\bcolour",
        r"organis",
        r"\blicence\b",
        r"\bcentre\b",
        r"\btick\b",
        r"according to its site",
        r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|"
        r"October|November|December) \d{4}",
        r"\b\d{4}-\d{2}-\d{2}\b",
    ],
}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_words_a_reader_would_misread(site, name, lang):
    page = site.html(name, lang)
    body = kbcheck.article(page)
    text = body.get_text(" ") + " " + page.select_one(".kb-reviewed").get_text(" ")
    found = [w for w in MISREAD[lang] if re.search(w, text, re.I)]
    assert not found, f"{lang}/{name}: says {found}"


@pytest.mark.parametrize("lang", LANGS)
def test_side_menu_follows_the_home_page_groups_reference_last(site, lang):
    home = site.html("index", lang)
    groups = [
        [a["href"].strip("./").split("#")[0].rstrip("/") for a in cards.select("a")]
        for cards in kbcheck.article(home).select(".grid.cards")
    ]
    menu = home.select("nav.md-nav--primary > ul > li.md-nav__item--nested")
    sections = [
        [a["href"].strip("./").rstrip("/") for a in li.select("nav a.md-nav__link[href]")] for li in menu
    ]
    sections = [[link.split("/")[-1] for link in s] for s in sections]
    groups = [[link.split("/")[-1] for link in g] for g in groups]
    assert sections[: len(groups)] == groups, f"{lang}: side menu {sections} vs home page {groups}"
    assert sections[-1] == ["glosario", "acerca"], f"{lang}: last menu section is {sections[-1]}"


@pytest.mark.parametrize("lang", LANGS)
def test_footer_speaks_the_page_language(site, lang):
    footer = site.html("index", lang).select_one("footer").get_text(" ")
    assert "Made with" not in footer or lang == "en", f"{lang}: footer says {footer.strip()[:80]!r}"
    assert "Material for MkDocs" not in footer, f"{lang}: footer still credits the theme in English"


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


JARGON = [
    "reestructuracion",
    "desglose",
    "dias-habiles",
    "sobregiro",
    "estado-de-cuenta",
    "portal-en-linea",
    "precio-de-contado",
    "robo-de-identidad",
    "ftc",
    "punto-de-venta",
]


@pytest.mark.parametrize("lang", LANGS)
def test_jargon_has_a_glossary_entry(site, lang):
    entries = {h["id"] for h in kbcheck.article(site.html("glosario", lang)).select("h2[id]")}
    missing = [term for term in JARGON if term not in entries]
    assert not missing, f"{lang}/glosario lacks {missing}"


@pytest.mark.parametrize(
    "lang, word, syllables",
    [
        ("es", "poeta", 3),  # two strong vowels: hiatus
        ("es", "ciudad", 2),  # a weak vowel joins: diphthong
        ("es", "río", 2),  # an accented weak vowel is strong
        ("es", "guitarra", 3),  # the u of gui is silent
        ("es", "hoy", 1),
        ("es", "aeropuerto", 5),
        ("en", "late", 1),  # silent final e
        ("en", "table", 2),
        ("en", "charged", 1),
        ("en", "wanted", 2),
        ("en", "boxes", 2),
    ],
)
def test_readability_counts_syllables_by_rule(lang, word, syllables):
    assert kbcheck._syllables(word, lang) == syllables, f"{lang} {word}: {kbcheck._syllables(word, lang)}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_privacy_section_states_how_long_details_are_kept(site, lang):
    """kb/js/details.js erases them after data/privacy.yml's `details_days`; the About page says so,
    and names the button that forgets them as the page shows it (data/ui.yml)."""
    days = yaml.safe_load((ROOT / "data" / "privacy.yml").read_text(encoding="utf-8"))["details_days"]
    forget = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["page"][lang]["forget"]
    heading = site.html("acerca", lang).select_one("h2#privacidad")
    parts = []
    for node in heading.find_next_siblings():
        if node.name == "h2":
            break
        parts.append(node.get_text(" "))
    section = " ".join(parts)
    said = f"{days} días" if lang == "es" else f"{days} days"
    assert said in section, f"{lang}: the privacy section does not say {said!r}"
    assert forget in section, f"{lang}: the privacy section does not name the button {forget!r}"
    assert site.html("acerca", lang).select_one(".kb-forget-all") is not None, f"{lang}: no forget control"
