"""Write the site's own search index: one per language, in small files a phone loads on demand.

Readers search on cheap phones, often without accents and in their own words ("devolucion",
"me cobraron doble", "buyout"). Material's lunr search mixes both languages in one index, does not
fold accents and downloads the whole index with every page. This module, run after any generator by
`python -m kb.postbuild SITE_DIR`, cuts each built page into sections (the opening, then every
h2/h3 with an ID), adds the words readers type (front matter `keywords:` for the page's opening,
`section_keywords: {id: [...]}` for one section, the Spanish index the English twin page's keywords
too, for Spanglish, data/synonyms.yml's readers' words wherever the guides use the words they
stand for: kb/lexicon.py, and data/asked/'s whole phrasings of readers, section by section:
kb/asked.py), scores every term with BM25 here, at build
time, and writes `kb-search/` into each language's site: a manifest, the postings split by the first
letters of each term, one small file per page (titles, URLs, excerpts) and the language's Snowball
stemmer (`stem.js`, kb/js/stem/). The search part of the page's script (kb/js/search-core.js and
search-ui.js, bundled into assets/kb-search.js, loaded when search opens) cuts the query with the
same stop words and that stemmer. Why not lunr or Pagefind: decisions/0001-search.md; the stemmer:
decisions/0006-stemmer.md.
"""

import hashlib
import json
import math
import shutil
from collections import Counter, defaultdict
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from kb import asked, lexicon
from kb.errors import ContentError
from kb.langs import LANGS, prefix
from kb.site import UI, BuiltPage, Site
from kb.text import STOP, terms
from kb.text import words as words_of

STEMMERS = Path(__file__).resolve().parent / "js" / "stem"  # kb/js/stem/<lang>.js, by tools/snowball_js.py

DIR = "kb-search"


def build(site: Site, langs: tuple[str, ...] = LANGS) -> None:
    """Write each language's index into the built site from its pages and their front matter."""
    for lang in langs:
        entries = lexicon.load(site.docs.parent / "data", lang)
        phrasings = asked.load(site.docs.parent / "data", lang)
        pages = []
        for page in site.pages(lang):
            url = page.url.removeprefix(prefix(lang))  # relative to its language's root
            record = _page_record(page, url)
            if record and lang in _ALSO:
                _add_twin_keywords(record, site.page(page.name, _ALSO[lang]), _ALSO[lang])
            if record:
                _add_asked(record, phrasings.pop(page.name, {}), page)
                pages.append(record)
        for name, sections in phrasings.items():
            line = min(line for line, _ in sections.values())
            raise ContentError(
                f"{asked.where(name, line)}: no page docs/{lang}/{name}.md to add these phrasings to: "
                "name the file after the page (its Markdown file's name)"
            )
        if pages:
            _write(lang, site.root / prefix(lang), pages, entries)


def drop_lunr(root: Path) -> None:
    """Material's lunr index (both languages mixed), if its search plugin ran, is read by nothing."""
    lunr = root / "search" / "search_index.json"
    lunr.unlink(missing_ok=True)
    if lunr.parent.is_dir() and not any(lunr.parent.iterdir()):
        lunr.parent.rmdir()


# Helpers


def _page_record(page: BuiltPage, url: str) -> dict | None:
    if page.article is None:
        return None
    article = LexborHTMLParser(page.article.html).css_first("article")  # a copy: other steps read the page
    for junk in article.css(_JUNK):
        junk.decompose()
    meta = page.meta
    title = str(meta.get("title") or "")
    opening = _doc("", "", [("t", title), ("d", str(meta.get("description", "")))])
    opening["fields"] += [("k", k) for k in _listed(meta.get("keywords"))]
    docs = [opening]
    for block in article.iter(include_text=False):
        text = " ".join(block.text().split())
        sid = block.attributes.get("id")
        if block.tag in ("h2", "h3") and sid:
            if len(docs) == 1 and not opening["body"]:  # no intro: the first section is the opening
                opening.update(anchor=sid, section=text)
                opening["fields"].append(("t", text))
            else:
                docs.append(_doc(sid, text, [("t", text), ("p", title)]))
                if "kb-script-title" in (block.attributes.get("class") or "").split():
                    docs[-1]["factor"] = _SCRIPT
        elif block.tag != "h1":
            docs[-1]["body"].append(text)
            links = []
            for link in block.css("a"):
                links.append(link.text(separator=" "))
                link.decompose()
            docs[-1]["fields"] += [("b", block.text(separator=" ")), ("l", " ".join(links))]
    _add_section_keywords(docs, meta.get("section_keywords") or {}, page.src)
    _yield_to_sections(docs, page.lang)
    empty = [
        text for doc in docs for kind, text in doc["fields"] if kind == "k" and not terms(text, page.lang)
    ]
    if empty:
        raise ContentError(
            f"{page.src}: keyword {empty[0]!r} is only stop words (kb/text.py STOP), so no query finds it: "
            "write the word that matters (e.g. 'saldo' rather than 'cuanto es')"
        )
    prior = _PRIOR.get(meta.get("type"), 1.0)
    return {"url": url, "title": title, "prior": prior, "docs": docs, "guide": meta.get("type") == "guide"}


def _doc(anchor: str, section: str, fields: list) -> dict:
    return {"anchor": anchor, "section": section, "fields": fields, "body": []}


def _listed(value) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value or []]


def _add_section_keywords(docs: list[dict], wanted: dict, src: str) -> None:
    by_anchor = {d["anchor"]: d for d in docs if d["anchor"]}
    if not isinstance(wanted, dict):
        raise ContentError(f"{src}: `section_keywords:` must map section IDs to lists")
    for sid, words in wanted.items():
        if sid not in by_anchor:
            raise ContentError(
                f"{src}: section_keywords: no section with ID '{sid}' on this page "
                f"(IDs: {', '.join(sorted(by_anchor))})"
            )
        by_anchor[sid]["fields"] += [("k", k) for k in _listed(words)]


def _add_twin_keywords(record: dict, twin: BuiltPage | None, other: str) -> None:
    """The keywords of the same page in another language, on the same sections (twins share their
    section IDs), without that language's stop words: the words readers of this language type in
    that one ("el payoff", "me cobraron late fee")."""
    if twin is None:
        return
    meta = twin.meta
    by_anchor = {d["anchor"]: d for d in record["docs"]}
    wanted = [("", _listed(meta.get("keywords")))]
    wanted += [(sid, _listed(ws)) for sid, ws in (meta.get("section_keywords") or {}).items()]
    for sid, words in wanted:
        doc = record["docs"][0] if not sid else by_anchor.get(sid)
        if doc is None:
            continue
        doc["fields"] += [("x", " ".join(kept)) for kept in (words_of(w, other) for w in words) if kept]


def _add_asked(record: dict, sections: dict[str, tuple[int, list[str]]], page: BuiltPage) -> None:
    """Readers' phrasings (kb/asked.py) on the sections they name, as a field of their own ("a")."""
    by_anchor = {d["anchor"]: d for d in record["docs"] if d["anchor"]}
    for sid, (line, texts) in sections.items():
        if sid not in by_anchor:
            raise ContentError(
                f"{asked.where(page.name, line)}: {page.lang} '{sid}' is no section of "
                f"{page.src} (IDs: {', '.join(sorted(by_anchor))}): use one of its heading IDs"
            )
        by_anchor[sid]["fields"] += [("a", text) for text in texts]


def _yield_to_sections(docs: list[dict], lang: str) -> None:
    """A page keyword that is also one of its sections' keywords (the same terms) names that section:
    the opening keeps it only at a description's weight, so that the section answers it, not the
    opening that gathers every keyword of the page."""
    opening, sections = docs[0], docs[1:]
    named = {tuple(terms(text, lang)) for doc in sections for kind, text in doc["fields"] if kind == "k"}
    opening["fields"] = [
        ("s" if kind == "k" and tuple(terms(text, lang)) in named else kind, text)
        for kind, text in opening["fields"]
    ]


def _write(lang: str, site_dir: Path, pages: list[dict], entries: list[lexicon.Entry]) -> None:
    """Score each (term, section) once, here: idf × (label weights + BM25 of the body text), the
    readers' words of data/synonyms.yml added where the site's words are, a section's readers'
    phrasings (data/asked/) a label of their own; and list each term's phrases (_near)."""
    docs = [(p, s, d) for p, page in enumerate(pages) for s, d in enumerate(page["docs"])]
    labels, bodies, asks = [], [], []
    phrases: list[tuple[int, int, set[str]]] = []  # (page, section, terms) of each phrase, for _near
    for p, s, doc in docs:
        found: dict[str, float] = defaultdict(float)
        body: Counter = Counter()
        said: Counter = Counter()
        factor = doc.get("factor", 1.0)
        for kind, text in doc["fields"]:
            cut = terms(text, lang)
            if kind in _NEAR and cut:
                phrases.append((p, s, set(cut)))
            if kind == "b":  # running text counts 1 a word: Counter.update does it in C
                body.update(cut)
            elif kind == "a":  # a reader's phrasing: each term once per phrasing
                said.update(set(cut))
            elif kind in _BODY:
                weight = _BODY[kind]
                for term in cut:
                    body[term] += weight
            else:
                weight = _LABELS[kind] * (1.0 if kind == "k" else factor)
                for term in cut:
                    if found.get(term, 0) < weight:
                        found[term] = weight
        labels.append(found)
        bodies.append(body)
        asks.append(said)
    lengths = [sum(b.values()) for b in bodies]  # before the lexicon: it adds no running text
    average = sum(lengths) / max(1, len(lengths)) or 1
    used: set[int] = set()
    for found, body in zip(labels, bodies, strict=True):
        used |= lexicon.expand(entries, found, body)
    if problems := lexicon.unused(entries, used, lang):
        raise ContentError("\n  ".join(problems))
    sections = zip(labels, bodies, asks, strict=True)
    df = Counter(term for found, body, said in sections for term in {*found, *body, *said})
    idf = {term: math.log(1 + (len(docs) - n + 0.5) / (n + 0.5)) for term, n in df.items()}
    postings: dict[str, list[int]] = defaultdict(list)
    rows = zip(docs, labels, bodies, asks, lengths, strict=True)  # in (page, section) order
    for (p, s, _), found, body, said, length in rows:
        norm = _K1 * (1 - _B + _B * length / average)
        weight, factor = 100 * pages[p]["prior"], pages[p]["docs"][s].get("factor", 1.0)
        for term in {*found, *body, *said}:
            f, n = body.get(term, 0), said.get(term, 0)
            label = max(found.get(term, 0), _ASKED * n * (_ASKED_K + 1) / (n + _ASKED_K) if n else 0)
            score = label + factor * f * (_K1 + 1) / (f + norm) if f else label
            postings[term].extend((p, s, max(1, round(weight * idf[term] * score))))
    for term, rows in postings.items():  # a word in hundreds of sections: only its best sections matter
        if len(rows) > 3 * _MAX_POSTINGS:
            best = sorted(zip(rows[::3], rows[1::3], rows[2::3], strict=True), key=lambda r: -r[2])
            postings[term] = [n for row in sorted(best[:_MAX_POSTINGS]) for n in row]
    near = _near(phrases)
    shards = _shards({**postings, **near})
    files = {f"t/{key}.json": _json(shard) for key, shard in shards.items()}
    files.update({f"p/{p}.json": _json(_page_file(page)) for p, page in enumerate(pages)})
    stemmer = STEMMERS / f"{lang}.js"
    if not stemmer.exists():
        raise ContentError(f"kb/js/stem/{lang}.js: no stemmer for '{lang}': add it to tools/snowball_js.py")
    files["stem.js"] = stemmer.read_text(encoding="utf-8")
    version = hashlib.sha1("".join(f"{name}\0{text}\0" for name, text in sorted(files.items())).encode())
    guides = [[page["url"], page["title"]] for page in pages if page["guide"]]
    manifest = {"v": version.hexdigest()[:10], "lang": lang, "keys": sorted(shards), "n": len(docs)}
    manifest["np"] = len(phrases)
    manifest.update(stop=sorted(STOP[lang]), stem="stem.js", guides=guides)
    files["index.json"] = _json(manifest)
    out = site_dir / DIR
    shutil.rmtree(out, ignore_errors=True)
    for folder in ("t", "p"):
        (out / folder).mkdir(parents=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")


def _near(phrases: list[tuple[int, int, set[str]]]) -> dict[str, list[int]]:
    """The phrases of the index (page, section and terms of each keyword and each reader's phrasing,
    kb/asked.py: a section's `_NEAR` fields) for ranking by the nearest phrase: {"~term": [page,
    section, weight, …]} for each phrase that has the term. A phrase's weight is 10 × the sum
    of its terms' rarity among phrases (BM25's idf), made unique within its section (+1) so that
    (page, section, weight) names one phrase; a term in more than _NEAR_MAX phrases keeps only that
    count ([n]): it still weighs in the query, at its rarity, and matches no phrase."""
    df = Counter(term for _, _, cut in phrases for term in cut)
    idf = {term: math.log(1 + (len(phrases) - n + 0.5) / (n + 0.5)) for term, n in df.items()}
    rows: dict[str, list[int]] = defaultdict(list)
    taken: set[tuple[int, int, int]] = set()
    for p, s, cut in phrases:
        weight = round(10 * sum(idf[term] for term in cut))
        while (p, s, weight) in taken:
            weight += 1
        taken.add((p, s, weight))
        for term in sorted(cut):
            rows[term].extend((p, s, weight))
    return {f"~{t}": r if len(r) <= 3 * _NEAR_MAX else [len(r) // 3] for t, r in rows.items()}


def _shards(postings: dict) -> dict[str, dict]:
    """Group terms by their first 2 letters; a group larger than _SHARD_BYTES by their first 3. A
    term's phrases ("~term", _near) go with the term."""
    groups: dict[str, dict] = defaultdict(dict)
    for term, rows in postings.items():
        groups[term.lstrip("~")[:2]][term] = rows
    shards: dict[str, dict] = {}
    for key, group in groups.items():
        if len(_json(group)) <= _SHARD_BYTES:
            shards[key] = group
            continue
        for term, rows in group.items():
            shards.setdefault(term.lstrip("~")[:3], {})[term] = rows
    return shards


def _page_file(page: dict) -> dict:
    sections = [[d["anchor"], d["section"], _excerpt(d)] for d in page["docs"]]
    return {"u": page["url"], "t": page["title"], "s": sections}


def _excerpt(doc: dict) -> str:
    text = " ".join(doc["body"])
    return text if len(text) <= _EXCERPT else text[:_EXCERPT].rsplit(" ", 1)[0] + " …"


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


# Data

_JUNK = f"{UI}, .kb-kind, .kb-reviewed"  # controls, and labels that are not what a section says
_K1, _B = 1.2, 0.75  # BM25 of the body text: term-frequency saturation, discount of long sections
# A term found in a label adds the label's weight once: keywords beat headings beat running text.
# Keywords, a page keyword that a section also has (on the opening), heading, description, and the
# page's title on each section (the opening has it as its heading: on a section it says which page,
# not which section, so it only breaks ties); x: the twin page's keywords (_ALSO).
_LABELS = {"k": 6.0, "s": 1.5, "t": 4.0, "d": 1.5, "p": 0.25, "x": 3.0}
# Readers of the Spanish guide type English words (Spanglish): its index also takes the English
# twin pages' keywords, at half a keyword's weight ("x"). No result ever comes from the other language.
_ALSO = {"es": "en"}
_BODY = {"b": 1.0, "l": 0.3}  # running text; link text (it describes another page)
_PRIOR = {"guide": 1.0, "page": 0.85, "home": 0.85}  # equal matches: the guide answers the problem
# A "what to say" block (kb/scripts.py: h3.kb-script-title) is the reader's words for the call, in the
# first person, close to how a reader describes the problem: at full weight it outranks the section
# that answers it. Its heading and text count this much; its own `section_keywords` count in full.
_SCRIPT = 0.6
# Readers' phrasings (kb/asked.py, field "a"): a term counts _ASKED × n(1 + k)/(n + k) for the n
# phrasings of the section that use it (BM25's saturation, no length discount): 1.5 for one, at most
# 2.25, below a keyword (6) and a heading (4), above running text. Chosen on the tuning set's halves
# and the detuned copy (decisions/0005-search-queries.md): 1–3 and k 0.3–1.2 measured.
_ASKED_K = 0.5
_ASKED = 1.5
_SHARD_BYTES = 4000
_MAX_POSTINGS = 300  # sections kept per term: bounds what a phone loads for a common word
# Ranking by the nearest phrase (_near; kb/js/search-core.js NEAR): keywords and readers' phrasings
# are phrases; a term in more than _NEAR_MAX of them (progressive, pagar, lease…) lists none.
_NEAR = ("k", "a")
_NEAR_MAX = 100
_EXCERPT = 100  # characters of a section shown under its title (16 words or so: 2–3 lines on a phone)
