"""Let a reader add the guide to the phone's home screen: a web app manifest per language, and icons.

Each language gets `manifest.webmanifest` at its root (`/`, `/en/`) with its own name, start URL and
scope, so the Spanish icon opens the Spanish home and the English one the English home. The name and
description are the built home page's own (`og:site_name`, `<meta name=description>`); the short name
under the icon is in data/ui.yml. The icons (a white page with lines on the theme colour, full-bleed
so the phone may crop them to any shape) are drawn here and written as PNG with zlib: no image
library, no binary file in the repository. Pages link the manifest from overrides/partials/kb-head.html.
"""

import json
import posixpath
import struct
import zlib
from functools import cache
from pathlib import Path

from kb.errors import ContentError
from kb.langs import LANGS, prefix, ui
from kb.site import Site


def icons(root: Path) -> None:
    """The home-screen icons, shared by every language (written once, before the languages' steps)."""
    for size in _SIZES:
        path = root / _ICON.format(size=size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_png(size))


def build(site: Site, langs: tuple[str, ...] = LANGS) -> None:
    for lang in langs:
        home = site.page("index", lang)
        if home is None:
            continue
        manifest = _manifest(lang, _meta(home, "og:site_name", "property"), _meta(home, "description"))
        (site.root / prefix(lang) / "manifest.webmanifest").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


# Helpers


def _meta(home, name: str, attribute: str = "name") -> str:
    node = home.tree.css_first(f'meta[{attribute}="{name}"]')
    value = (node.attributes.get("content") or "").strip() if node else ""
    if not value and attribute == "property":
        raise ContentError(
            f"{home.path}: no <meta property={name}>: the manifest takes the site name from it"
        )
    return value


def _manifest(lang: str, name: str, description: str) -> dict:
    up = posixpath.relpath(".", prefix(lang) or ".")  # from the language root to the site root
    icons = [
        {"src": posixpath.join(up, _ICON.format(size=s)), "sizes": f"{s}x{s}", "type": "image/png"}
        for s in _SIZES
    ]
    maskable = {**icons[-1], "purpose": "maskable"}
    return {
        "id": "./",
        "name": name,
        "short_name": ui("short_name").get(lang, name),
        "description": description,
        "lang": lang,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": _BACKGROUND,
        "theme_color": _THEME_COLOR,
        "icons": [*icons, maskable],
    }


@cache
def _png(size: int) -> bytes:
    """A square RGB PNG: a white sheet with four lines of text on the theme colour."""
    bg, white = _rgb(_THEME_COLOR), b"\xff\xff\xff"
    x0, x1, y0, y1 = (round(size * f) for f in (0.30, 0.70, 0.20, 0.80))
    lines = [(round(size * top), round(size * (top + 0.045)), round(size * end)) for top, end in _LINES]
    rows = []
    for y in range(size):
        if not y0 <= y < y1:
            rows.append(bg * size)
            continue
        row = bg * x0 + white * (x1 - x0) + bg * (size - x1)
        for top, bottom, end in lines:
            if top <= y < bottom:
                left = round(size * 0.36)
                row = row[: left * 3] + bg * (end - left) + row[end * 3 :]
        rows.append(row)
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _rgb(hex_colour: str) -> bytes:
    return bytes.fromhex(hex_colour.lstrip("#"))


# Data

_SIZES = (192, 512)
_ICON = "assets/icons/icon-{size}.png"
_THEME_COLOR = "#4051b5"  # Material's "indigo" primary (its default primary colour)
_BACKGROUND = "#ffffff"
_LINES = ((0.32, 0.64), (0.42, 0.64), (0.52, 0.64), (0.62, 0.54))  # (top, right end) of each line
