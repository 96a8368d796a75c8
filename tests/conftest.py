"""One build of the real site per test session, and small fixture sites built on demand.

Sites are built in-process with MkDocs' own `load_config` + `build`, the way mkdocs-static-i18n
tests its plugin. A failed build's messages are read from the log.
"""

import logging
import shutil
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import kbcheck  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = kbcheck.page_names()
LANGS = ("es", "en")


class Built:
    """A built site: where it is, whether it built, what MkDocs logged."""

    def __init__(self, root: Path, site: Path, ok: bool, log: str):
        self.root, self.site, self.ok, self.log = root, site, ok, log

    def html(self, name: str, lang: str):
        return kbcheck.soup(kbcheck.html_file(self.site, name, lang))


def build_site(root: Path, site: Path) -> Built:
    records: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: records.append(record.getMessage())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
            ok = True
        except Abort as error:
            records.append(str(error))
            ok = False
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
    return Built(root, site, ok, "\n".join(records))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Built:
    built = build_site(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert built.ok, f"the real site does not build:\n{built.log}"
    return built


@pytest.fixture
def fixture_site(tmp_path):
    """Copy tests/fixtures/<name>, let the test break it, build it: `make(edit)` returns Built."""

    def make(edit=None, name: str = "mini") -> Built:
        root = tmp_path / name
        shutil.copytree(FIXTURES / name, root)
        for shared in ("hooks", "overrides"):
            (root / shared).symlink_to(ROOT / shared)
        shutil.copy(ROOT / "data" / "guide.yml", root / "data" / "guide.yml")
        if edit:
            edit(root)
        return build_site(root, tmp_path / "out")

    return make
