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
