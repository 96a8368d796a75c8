"""Real problem phrasings (tests/problems/*.yml): how people describe their problem in public, each
mapped to the section of the site that answers it, or to null with the reason none does.

`python tools/kbcheck.py problems` prints how many the site answers; this test fails on a phrasing
that points at a section that does not exist, and on a list too small or too narrow to mean much.
"""

from collections import Counter

import pytest

from conftest import LANGS
from kb import checks as kbcheck

SETS = kbcheck.problem_sets()


def test_every_phrasing_lands_on_a_section_with_text(site):
    problems = kbcheck.check_problems(site.site)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_at_least_60_real_phrasings_per_language_across_the_guides(lang):
    entries = [e for by_lang in SETS.values() for e in by_lang.get(lang, [])]
    assert len(entries) >= 60, f"{lang}: {len(entries)} phrasings vs at least 60"
    pages = Counter(e["at"].partition("#")[0] for e in entries if e.get("at"))
    guides = kbcheck.guides()
    thin = [g for g in guides if pages[g] < 3]
    assert not thin, f"{lang}: guides with fewer than 3 real phrasings: {thin}"
    answered = sum(1 for e in entries if e.get("at"))
    assert answered >= 0.9 * len(entries), f"{lang}: the site answers {answered} of {len(entries)}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_readers_phrasing_is_a_copy_of_a_measured_query(lang):
    """data/asked/ (kb/asked.py) is written from the pages and public wording, never from the problem
    sets (decisions/0005-search-queries.md): a phrasing with the same index terms as a query, or
    nearly (of at least 3 terms in all, 80% shared), would make that query's figure say nothing. The message
    names the query by set and number, so the held-out set is not read to find it."""
    from kb import asked
    from kb.text import terms

    queries = [
        (name, number, set(terms(entry["q"], lang)))
        for name, by_lang in SETS.items()
        for number, entry in enumerate(by_lang.get(lang) or [], 1)
    ]
    copies = []
    for page, sections in asked.load(kbcheck.ROOT / "data", lang).items():
        for sid, (_, phrasings) in sections.items():
            for text in phrasings:
                mine = set(terms(text, lang))
                for name, number, theirs in queries:
                    union = mine | theirs
                    if mine == theirs or (len(union) >= 3 and len(mine & theirs) >= 0.8 * len(union)):
                        query = f"tests/problems/{name}.yml {lang} #{number}"
                        copies.append(f"data/asked/{page}.yml {sid} {text!r} ~ {query}")
    assert not copies, (
        "phrasings that copy a measured query (reword from the page, not the query):\n" + "\n".join(copies)
    )
