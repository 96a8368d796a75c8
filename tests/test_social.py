"""Link preview cards: a link pasted into WhatsApp, Facebook or a text message shows a card.

Every page carries one og:image (Material's social plugin, layout data/social-card.yml) of
1200×630, drawn at build time in the page's language, and the text tags of overrides/main.html,
each once.
The cards are for the apps that fetch them, not for readers: no page shows one and no offline
worker saves one. A section link (`/compra-anticipada/#cuanto-cuesta`) shares its page's card.
"""

import hashlib
import socket
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from conftest import LANGS, PAGES, ROOT, build_site, replace_in, worker_data
from kb import checks as kbcheck

BASE = "https://progressive-leasing-guia.github.io/"
SITE_NAME = {"es": "Guía Progressive Leasing", "en": "Progressive Leasing Guide"}
SIZE = (1200, 630)
BUDGETS = yaml.safe_load((ROOT / "data" / "budgets.yml").read_text(encoding="utf-8"))
ONCE = (  # every page has exactly one of each (overrides/main.html, then data/social-card.yml)
    *("og:type", "og:site_name", "og:title", "og:description", "og:url", "og:locale"),
    *("og:image", "og:image:type", "og:image:width", "og:image:height", "og:image:alt"),
    "twitter:card",
)


def _tags(page, name: str) -> list:
    """`<meta>` tags called `name`, whether by `property=` or `name=` (apps read both)."""
    return page.select(f'meta[property="{name}"]') + page.select(f'meta[name="{name}"]')


def _card(site: Path, url: str) -> Path:
    assert url.startswith(BASE), f"og:image {url!r} is not an absolute URL on {BASE}"
    return site / urlsplit(url).path.lstrip("/")


@lru_cache(maxsize=128)
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cards(site: Path) -> list[Path]:
    """Every card the pages of both languages link, one a page."""
    return [
        _card(
            site,
            kbcheck.soup(kbcheck.html_file(site, name, lang)).select_one('meta[property="og:image"]')[
                "content"
            ],
        )
        for lang in LANGS
        for name in PAGES
    ]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_one_card_in_its_language(site, name, lang):
    page = site.html(name, lang)
    counts = {tag: len(_tags(page, tag)) for tag in ONCE}
    assert all(n == 1 for n in counts.values()), f"{lang}/{name}: tags not there exactly once: {counts}"

    def meta(tag):
        return _tags(page, tag)[0]["content"]

    assert meta("twitter:card") == "summary_large_image", f"{lang}/{name}: {meta('twitter:card')!r}"
    assert meta("og:site_name") == SITE_NAME[lang], f"{lang}/{name}: og:site_name {meta('og:site_name')!r}"
    title = meta("og:title")
    assert meta("og:image:alt") == f"{title} - {SITE_NAME[lang]}", f"{lang}/{name}: {meta('og:image:alt')!r}"
    assert (meta("og:image:width"), meta("og:image:height")) == tuple(map(str, SIZE)), f"{lang}/{name}"
    assert meta("og:image:type") == "image/png", f"{lang}/{name}: {meta('og:image:type')!r}"

    card = _card(site.site, meta("og:image"))
    assert card.is_file(), f"{lang}/{name}: og:image {meta('og:image')} is not in the build ({card})"
    with Image.open(card) as image:
        assert (image.format, image.size) == ("PNG", SIZE), (
            f"{lang}/{name}: {card.name} {image.format} {image.size}"
        )


@pytest.mark.parametrize("name", PAGES)
def test_the_twin_page_has_its_own_card(site, name):
    """The English card says "Progressive Leasing Guide" and the English title: other bytes."""
    es, en = (
        _card(site.site, site.html(name, lang).select_one('meta[property="og:image"]')["content"])
        for lang in ("es", "en")
    )
    assert es != en and _digest(es) != _digest(en), f"{name}: es and en share a card ({es}, {en})"


def test_every_page_has_a_card_of_its_own(site):
    cards = _cards(site.site)
    assert len(set(cards)) == len(cards) == len(PAGES) * len(LANGS), "two pages link the same card file"
    digests = {_digest(card) for card in cards}
    assert len(digests) == len(cards), f"{len(cards) - len(digests)} cards are the same picture as another"


def test_the_cards_fit_their_budget(site):
    cards = sorted(set(_cards(site.site)) | set((site.site / "assets/images/social").rglob("*.png")))
    total = sum(card.stat().st_size for card in cards)
    budget = BUDGETS["link_preview_cards"]
    biggest = max(cards, key=lambda card: card.stat().st_size)
    assert budget <= 2_000_000, f"link_preview_cards {budget} vs the goal of issue #16, 2000000"
    assert total <= budget, (
        f"{len(cards)} cards are {total} B vs budget {budget} B "
        f"(largest {biggest.relative_to(site.site)}, {biggest.stat().st_size} B)"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_no_reader_downloads_a_card(site, lang):
    """Not on the page (no <img>, no link) and not in the offline worker's precache."""
    precached = [entry for entry in worker_data(site.site, lang)["precache"] if "images/social" in entry]
    assert not precached, f"{lang}: the offline worker saves link preview cards: {precached[:3]}"
    for name in PAGES:
        page = site.html(name, lang)
        shown = [
            str(el)[:120]
            for el in page.select("[src], [href], [srcset]")
            if any("images/social" in (el.get(a) or "") for a in ("src", "href", "srcset"))
        ]
        assert not shown, f"{lang}/{name}: the page loads its card: {shown}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_404_page_has_no_card(site, lang):
    """A 404 page is the home page's copy (kb/notfound.py): it must not pose as the home page."""
    page = kbcheck.soup(site.site / kbcheck.LANGS[lang] / "404.html")
    for tag in ("og:image", "og:image:alt", "twitter:card"):
        assert not _tags(page, tag), f"{lang}/404.html: {tag} {_tags(page, tag)}"


def test_a_fresh_clone_draws_the_same_cards_with_no_network(site, tmp_path, monkeypatch):
    """No font cache yet and no network: kb/cards.py fills the cache from fonts-liberation, the
    plugin never downloads, and the cards come out byte for byte as in the session's build."""
    root = tmp_path / "clone"
    root.mkdir()
    (root / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())  # its cache goes next to it
    for name in ("docs", "data", "overrides", "hooks"):
        (root / name).symlink_to(ROOT / name)
    assert not (root / ".cache").exists()

    def refuse(*args, **kwargs):
        raise OSError("the build tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    built = build_site(root, tmp_path / "site")
    assert built.ok, built.log
    fonts = root / ".cache/plugin/social/fonts/Liberation Sans"
    assert sorted(p.name for p in fonts.iterdir()) == ["Bold.ttf", "Regular.ttf"], list(fonts.iterdir())
    ours = {card.relative_to(site.site): _digest(card) for card in _cards(site.site)}
    fresh = {card.relative_to(built.site): _digest(card) for card in _cards(built.site)}
    differ = sorted(str(path) for path in ours if ours[path] != fresh.get(path))
    assert not differ, f"{len(differ)} cards differ from the session's build, e.g. {differ[:5]}"


def test_a_title_with_quotes_and_an_ampersand_reaches_the_card_alt_text_whole(fixture_site):
    """The plugin writes its tags unescaped: the layout escapes the one an author writes (`| e`)."""
    title = 'Cargos "extra" & otros'

    def edit(root: Path):
        replace_in("docs/es/guia.md", "title: Guía", f"title: '{title}'")(root)
        config = root / "mkdocs.yml"
        social = f"  - social:\n      cards_layout_dir: {ROOT / 'data'}\n      cards_layout: social-card\n"
        config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n", "plugins:\n" + social))

    built = fixture_site(edit)
    assert built.ok, built.log
    page = BeautifulSoup((built.site / "guia/index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(page.select('meta[property="og:image"]')) == 1, page.select('meta[property^="og:image"]')
    alt = page.select_one('meta[property="og:image:alt"]')
    assert alt is not None and alt["content"] == f"{title} - Mini", alt
