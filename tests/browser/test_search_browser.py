"""Search as a reader uses it: on a phone, from the header search box, in the page's language.

The query table is tests/search_queries.yml; each row is typed on the home page of its language.
The JavaScript's terms are checked against the index's without a browser (tests/test_js.py), its
ranking in Node (tests/js/).
"""

import gzip
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]
QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))["queries"]
HOME = {"es": "./", "en": "en/"}
# gzip bytes of search code and index a phone downloads before the first result (data/budgets.yml)
BUDGET = yaml.safe_load((ROOT / "data" / "budgets.yml").read_text(encoding="utf-8"))["search_first_result"]


def search(phone, query: str, keys: bool = True) -> list[list[str]]:
    """Tap the header search icon, type the query (key by key, or pasted in one go);
    return the results: each a page's links, best first."""
    if not phone.locator(".md-search__input").is_visible():
        phone.locator('label.md-header__button[for="__search"]').click()
    box = phone.locator(".md-search__input")
    box.fill("")
    if keys:
        box.press_sequentially(query)
    else:
        box.fill(query)
    phone.wait_for_function(
        "q => document.querySelector('.md-search-result').getAttribute('data-kb-query') === q",
        arg=query,
        timeout=5000,
    )
    return phone.locator(".md-search-result__item").evaluate_all(
        "items => items.map(item => [...item.querySelectorAll('a')].map(a => a.href))"
    )


def in_language(href: str, base: str, lang: str) -> str:
    """'http://host/en/compra-anticipada/#x' → 'compra-anticipada/#x' (home: './')."""
    path = href.removeprefix(base)
    if (lang == "en") != path.startswith("en/"):
        return f"(not {lang}) {path}"
    path = path.removeprefix("en/")
    return path if path and not path.startswith("#") else "./" + path


@pytest.fixture(scope="module")
def home_pages(browser, server):
    """One phone per language, on its home page, where each query of the table is typed in turn."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, base_url=server
    )
    pages = {}
    for lang, home in HOME.items():
        pages[lang] = context.new_page()
        pages[lang].goto(home)
    yield pages
    context.close()


@pytest.mark.parametrize("case", QUERIES, ids=lambda c: f"{c['lang']}: {c['query']}")
def test_query_lands_on_the_expected_section(home_pages, server, case):
    results = search(home_pages[case["lang"]], case["query"], keys=False)
    shown = [[in_language(href, server, case["lang"]) for href in links] for links in results]
    top = [shown[0][0]] if case["top"] == 1 and shown else sum(shown[: case["top"]], [])
    assert case["expected"] in top, (
        f"{case['query']!r} ({case['lang']}): expected {case['expected']} "
        f"in the first {case['top']}, got {top}"
    )


@pytest.mark.parametrize(
    "lang, query",
    [("es", "buyout"), ("es", "Returns and defective items"), ("en", "buyout"), ("en", "Respuesta corta")],
)
def test_results_are_only_in_the_page_language(phone, server, lang, query):
    requested = []
    phone.on("request", lambda request: requested.append(request.url))
    phone.goto(HOME[lang])
    links = sum(search(phone, query), [])
    elsewhere = [h for h in links if (urlsplit(h).path.startswith("/en/")) != (lang == "en")]
    assert not elsewhere, f"{lang} page shows results in the other language: {elsewhere}"
    index = f"{server}{'en/' if lang == 'en' else ''}kb-search/"
    fetched = [u for u in requested if "kb-search/" in u]
    assert fetched and all(u.startswith(index) for u in fetched), f"index files outside {index}: {fetched}"


FOLDED = [
    ("es", ["devolucion", "devolución", "DEVOLUCIÓN", "Devolucion"]),
    ("es", ["cancelacion", "cancelación", "CANCELACIÓN"]),
    ("es", ["espanol", "español", "ESPAÑOL"]),
    ("es", ["telefono", "Teléfono"]),
    ("en", ["refund", "REFÚND", "réfund"]),
    ("en", ["compra anticipada", "COMPRA ANTICIPÁDA"]),
]


@pytest.mark.parametrize("lang, spellings", FOLDED, ids=lambda v: v if isinstance(v, str) else v[0])
def test_accents_and_case_do_not_matter(phone, lang, spellings):
    phone.goto(HOME[lang])
    first = search(phone, spellings[0])
    assert first, f"{spellings[0]!r} finds nothing"
    for spelling in spellings[1:]:
        phone.goto(HOME[lang])
        assert search(phone, spelling) == first, f"{spelling!r} and {spellings[0]!r} give different results"


@pytest.mark.parametrize(
    "start, query, section",
    [
        ("./", "cuanto cuesta el buyout", "cuanto-cuesta"),  # another page
        ("en/compra-anticipada/", "how much does the buyout cost", "cuanto-cuesta"),  # the same page
    ],
)
def test_a_result_opens_its_section(phone, start, query, section):
    phone.goto(start)
    search(phone, query)
    phone.locator(".md-search-result__list a").first.tap()
    phone.wait_for_url(f"**#{section}")
    on_screen = "id => { const top = document.getElementById(id).getBoundingClientRect().top;"
    on_screen += " return top >= 0 && top < innerHeight / 2; }"
    try:
        phone.wait_for_function(on_screen, arg=section, timeout=3000)
    except PlaywrightTimeout:
        top = phone.evaluate("id => document.getElementById(id).getBoundingClientRect().top", section)
        pytest.fail(f"#{section} is not in the top half of the screen after opening the result: top={top}")


def test_index_loads_only_when_search_opens(phone):
    """Neither search's code (assets/kb-search.js) nor its index loads before the reader opens it."""
    requested = []
    phone.on("request", lambda request: requested.append(request.url))
    phone.goto("./")
    phone.wait_for_load_state("networkidle")
    early = [u for u in requested if "kb-search" in u or "search_index" in u or "/lunr/" in u]
    assert not early, f"search code or data loaded before the reader opened search: {early}"
    search(phone, "buyout")
    paths = [urlsplit(u).path for u in requested]
    loads = paths.count("/assets/kb-search.js")
    assert loads == 1, f"search's code loaded {loads} times vs 1"
    assert any(p.endswith("kb-search/index.json") for p in paths), requested


def test_escape_closes_search_and_slash_opens_it_again(phone):
    """Once search's code has loaded: Escape closes it (search-ui.js), "/" opens it with the box
    focused (search-load.js, whose keyboard shortcut serves before and after the code loads)."""
    phone.goto("./")
    search(phone, "buyout")
    phone.keyboard.press("Escape")
    assert not phone.locator("#__search").is_checked(), "Escape left search open"
    phone.evaluate("document.activeElement.blur()")  # "/" typed in a box is a slash, not a shortcut
    phone.keyboard.press("/")
    phone.wait_for_function("() => document.activeElement.matches('.md-search__input')", timeout=2000)
    assert phone.locator("#__search").is_checked(), '"/" did not open search'


@pytest.mark.parametrize("how", ["tap", "slash", "home box", "?q="])
def test_search_answers_when_the_reader_starts_before_its_code_has_loaded(phone, server, how):
    """search-load.js (in assets/kb.js) loads search's code on the reader's first move; what they did
    before it arrived (the box opened, words typed, the home box's words, a ?q= link) is answered.
    The code's request is held back 600 ms so that the reader is always first."""

    def slow(route):
        phone.wait_for_timeout(600)
        route.continue_()

    phone.route("**/assets/kb-search.js", slow)
    words = "me cobraron doble"
    phone.goto(f"./?q={quote(words)}" if how == "?q=" else "./")
    phone.wait_for_load_state("domcontentloaded")
    if how == "tap":
        phone.locator('label.md-header__button[for="__search"]').click()
        phone.locator(".md-search__input").press_sequentially(words)
    elif how == "slash":
        phone.locator("body").press("/")
        phone.wait_for_function("() => document.activeElement.matches('.md-search__input')", timeout=2000)
        phone.keyboard.type(words)
    elif how == "home box":
        form = phone.locator("form.kb-home-search")
        form.locator("input[type=search]").fill(words)
        form.locator("button").first.tap()
    phone.wait_for_function(
        "q => document.querySelector('.md-search-result').getAttribute('data-kb-query') === q"
        " && document.querySelector('.md-search-result__list a')",
        arg=words,
        timeout=8000,
    )
    assert phone.locator("#__search").is_checked(), f"{how}: the search panel is not open"
    assert phone.locator(".md-search__input").input_value() == words, f"{how}: the box lost the words"


@pytest.mark.parametrize(
    "lang, query", [("es", "me cobraron doble"), ("en", "how much does the buyout cost")]
)
def test_search_downloads_fit_the_budget(phone, site, lang, query):
    """gzip bytes of search's code (assets/kb-search.js, loaded when search opens) and of every index
    file fetched up to the first result."""
    requested = []
    phone.on("request", lambda request: requested.append(request.url))
    phone.goto(HOME[lang])
    search(phone, query)
    files = {urlsplit(u).path for u in requested if "kb-search" in u}
    assert "/assets/kb-search.js" in files, f"assets/kb-search.js not loaded: {sorted(files)}"
    sizes = {f: len(gzip.compress((site.site / f.lstrip("/")).read_bytes(), 9)) for f in files}
    assert sum(sizes.values()) <= BUDGET, f"{sum(sizes.values())} > {BUDGET} bytes: {sizes}"


HOME_ASK = {
    "es": ("me cobraron dos veces este mes", "Buscar"),
    "en": ("they charged me twice this month", "Search"),
}


@pytest.mark.parametrize("lang", HOME)
def test_the_home_page_box_searches_in_the_readers_words(phone, server, lang):
    words, button = HOME_ASK[lang]
    phone.goto(HOME[lang])
    form = phone.locator("form.kb-home-search")
    box = form.locator("input[type=search]")
    assert box.bounding_box()["height"] >= 44, f"{lang}: the home search box is smaller than a thumb"
    box.fill(words)
    form.get_by_role("button", name=button).tap()
    phone.wait_for_function(
        "q => document.querySelector('.md-search-result').getAttribute('data-kb-query') === q",
        arg=words,
        timeout=5000,
    )
    assert phone.locator("#__search").is_checked(), f"{lang}: the search panel did not open"
    links = phone.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert links, f"{lang}: {words!r} from the home page box shows no result"
    other = [href for href in links if in_language(href, server, lang).startswith("(not")]
    assert not other, f"{lang}: results in the other language: {other}"


@pytest.mark.parametrize("lang", HOME)
def test_a_link_with_words_opens_search_with_them(phone, lang):
    words = HOME_ASK[lang][0]
    phone.goto(HOME[lang] + "?q=" + words.replace(" ", "+"))
    phone.wait_for_function(
        "q => document.querySelector('.md-search-result').getAttribute('data-kb-query') === q",
        arg=words,
        timeout=5000,
    )
    assert phone.locator(".md-search__input").input_value() == words


UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["page"]
NO_MATCH = {"es": "xqzw vbnmk", "en": "xqzw vbnmk"}


@pytest.mark.parametrize("lang", HOME)
def test_a_query_nothing_answers_says_so_and_offers_the_guides_and_the_phone(home_pages, server, lang):
    phone = home_pages[lang]
    assert search(phone, NO_MATCH[lang], keys=False) == [], f"{lang}: results for {NO_MATCH[lang]!r}"
    assert phone.locator(".md-search-result__meta").inner_text() == UI[lang]["searchWeak"]
    panel = phone.locator(".kb-search-weak")
    assert panel.count() == 1, f"{lang}: no 'no good match' panel"
    tel = panel.locator("a[href^='tel:']")
    assert tel.get_attribute("href") == "tel:" + UI[lang]["searchTel"]
    assert tel.inner_text() == UI[lang]["searchPhone"]
    guides = [
        in_language(a, server, lang) for a in panel.locator("ul a").evaluate_all("l => l.map(a => a.href)")
    ]
    manifest = phone.evaluate("u => fetch(u).then(r => r.json())", "kb-search/index.json")
    assert len(guides) == len(manifest["guides"]) >= 10, (
        f"{lang}: {len(guides)} guides listed vs {len(manifest['guides'])}"
    )
    assert not [g for g in guides if g.startswith("(not")], f"{lang}: guides in the other language: {guides}"


TYPOS = [("es", "debolucion", "devolucion"), ("es", "cancelasion", "cancelacion"), ("en", "refnd", "refund")]


@pytest.mark.parametrize("lang, typed, meant", TYPOS, ids=[t[1] for t in TYPOS])
def test_a_word_one_typo_away_finds_what_the_word_finds(home_pages, server, lang, typed, meant):
    phone = home_pages[lang]
    wanted = search(phone, meant + " ", keys=False)
    got = search(phone, typed + " ", keys=False)
    assert wanted, f"{meant!r} finds nothing"
    assert got[:1] and got[0][0] == wanted[0][0], f"{typed!r}: {got[:1]} vs {meant!r}: {wanted[0][:1]}"
