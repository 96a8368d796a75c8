"""Folding, words and stems: the one pipeline for the search index, the browser and the tests.

Readers type without accents and in any case ("devolucion", "CANCELACIÓN"). The index is built
with these functions; kb/js/search-core.js applies the same rules, which the index's manifest
carries (STOP, SUFFIXES, UNDOUBLE, MIN_STEM), and tests/test_js.py checks both agree on every page.
"""

import re
import unicodedata
from functools import lru_cache


def fold(text: str) -> str:
    """Lowercase without accents: 'Devolución' → 'devolucion' (search-core.js does the same)."""
    return _MARKS.sub("", unicodedata.normalize("NFD", text)).lower()


@lru_cache(maxsize=65536)  # a site has a few thousand distinct words, each stemmed again and again
def stem(word: str, lang: str) -> str:
    """Strip the first listed ending that leaves at least MIN_STEM letters."""
    for suffix in SUFFIXES[lang]:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)]
            if suffix in UNDOUBLE and len(word) > MIN_STEM and word[-1] == word[-2]:
                word = word[:-1]
            break
    return word


def terms(text: str, lang: str) -> list[str]:
    """Index terms of a text: folded words of 2+ characters, stop words out, stemmed."""
    stop = STOP[lang]
    return [stem(w, lang) for w in _WORDS.findall(fold(text)) if len(w) > 1 and w not in stop]


# Data

_MARKS = re.compile("[\u0300-\u036f]")
_WORDS = re.compile(r"[a-z0-9]+")

MIN_STEM = 3
UNDOUBLE = {"ed", "ing"}  # cancelled → cancell → cancel
# Endings, longest first (accents already folded). Crude on purpose: the query gets the same cut.
SUFFIXES = {
    "es": "aciones uciones amientos imientos amiento imiento ciones acion ucion mente ieron aron "
    "ando iendo ados idos adas idas ado ido ada ida ar er ir es os as a o e s".split(),
    "en": "ations ation ments ment ings ing ies ied ed es ly s e".split(),
}
STOP = {
    "es": set(
        "a al algo como con de del el ella en era es esa ese eso esta este esto ha hay la las le les lo "
        "los me mi mis muy nos o para pero por que se sin su sus te tu un una uno unos y ya yo".split()
    ),
    "en": set(
        "a an and are as at be by do does for from has have how i if in is it its me my of on or "
        "our so that the their them they this to was we what when where with you your".split()
    ),
}
