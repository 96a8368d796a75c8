"""The words readers use, mapped to the words the site uses: data/synonyms.yml, applied to the index.

Readers name their problem with their own words: the thing they lease ("lavadora", "tires"), money
and days ("quincena", "paycheck"), life ("divorcio", "lawyer") and Spanglish ("el payoff", "el
autopay"). The guides say "artículo", "fecha de pago", "compra anticipada". Each entry of
data/synonyms.yml says, per language, that where the site says one of the site's words a reader may
say the entry's word:

    es:
      lavadora: [artículo, electrodoméstico]   # reader's word: site's words (or phrases)
      payoff: compra anticipada

kb/search.py applies them when it builds the index: a section that says "compra anticipada" is
indexed as if it also said "payoff", at WEIGHT of that phrase's weight, so every section
benefits, whatever its front matter lists, and the browser needs no table. A reader word made
only of stop words, or a site word no section of that language uses (a typo, or a word the
guides dropped), fails the build with the file, the line and the fix.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

from kb.data import _relative, by_language
from kb.errors import ContentError
from kb.text import terms

FILE = "synonyms.yml"
WEIGHT = 0.6  # of the site word's weight: a word the site itself uses, or a keyword, counts more


@dataclass(frozen=True)
class Entry:
    line: int  # in data/synonyms.yml
    said: str  # the reader's word(s), as written
    reader: tuple[str, ...]  # their index terms
    site: tuple[tuple[str, ...], ...]  # each site word or phrase, as index terms
    written: tuple[str, ...]  # each site word or phrase, as written


def load(data: Path, lang: str) -> list[Entry]:
    """The entries for one language ([] when the project has no lexicon); ContentError on bad data."""
    path = data / FILE
    if not path.exists():
        return []
    where = _relative(path)
    for key, value in by_language(path, where, "words"):
        if key.value == lang:
            return _entries(where, lang, value)
    return []


def expand(entries: list[Entry], labels: dict[str, float], body: dict[str, float]) -> set[int]:
    """Add to one section's terms the reader words of every entry whose site word it uses, at
    WEIGHT of that word's weight (its label weight and its count in the running text; for a phrase,
    the least of its words'). Returns the lines of the entries that applied."""
    used = set()
    for entry in entries:
        label = count = 0.0
        for phrase in entry.site:
            if all(t in labels or t in body for t in phrase):
                label = max(label, min(labels.get(t, 0.0) for t in phrase))
                count = max(count, min(body.get(t, 0.0) for t in phrase))
        if not (label or count):
            continue
        used.add(entry.line)
        label, count = label * WEIGHT, count * WEIGHT
        for term in entry.reader:
            if label > labels.get(term, 0.0):
                labels[term] = label
            if count > body.get(term, 0.0):
                body[term] = count
    return used


def unused(entries: list[Entry], used: set[int], lang: str) -> list[str]:
    """An entry whose site words no section uses: the reader word would find nothing."""
    return [
        f"data/{FILE}:{e.line}: {lang} '{e.said}': no {lang} section uses "
        f"{' or '.join(repr(w) for w in e.written)}: write words the guides use"
        for e in entries
        if e.line not in used
    ]


# Helpers


def _entries(where: str, lang: str, node) -> list[Entry]:
    if not isinstance(node, yaml.MappingNode):
        raise ContentError(
            f"{where}:{node.start_mark.line + 1}: `{lang}:` must map a reader's word to site words"
        )
    entries, seen = [], {}
    for key, value in node.value:
        line = key.start_mark.line + 1
        said = key.value if isinstance(key, yaml.ScalarNode) else ""
        if said in seen:
            raise ContentError(
                f"{where}:{line}: {lang} '{said}' is listed twice (also line {seen[said]}): "
                "keep one entry and list all its site words there"
            )
        seen[said] = line
        reader = tuple(terms(said, lang))
        if not reader:
            raise ContentError(
                f"{where}:{line}: {lang} '{said}': no searchable word (only stop words or none): "
                "write the word readers type"
            )
        if isinstance(value, yaml.ScalarNode):
            written = [value.value]
        elif isinstance(value, yaml.SequenceNode) and all(
            isinstance(v, yaml.ScalarNode) for v in value.value
        ):
            written = [v.value for v in value.value]
        else:
            raise ContentError(f"{where}:{line}: {lang} '{said}': give the site's word, or a list of them")
        site = tuple(tuple(terms(w, lang)) for w in written)
        empty = [w for w, t in zip(written, site, strict=True) if not t]
        if empty or not site:
            raise ContentError(
                f"{where}:{line}: {lang} '{said}': site word {empty[0] if empty else ''!r} has no "
                "searchable word: write the word the guides use"
            )
        entries.append(Entry(line, said, reader, site, tuple(written)))
    return entries
