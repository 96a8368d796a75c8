"""The link preview cards' font: Debian's Liberation Sans, put where Material's social plugin looks.

The plugin (mkdocs.yml, layout in data/social-card.yml) draws text with
`<cache_dir>/fonts/<family>/<style>.ttf` and, when that family's folder is missing, downloads the
family from Google Fonts. `fill_fonts` fills the folder from fonts-liberation first, so a build
never reaches the network; hooks/kb.py calls it before every MkDocs build
(decisions/0007-link-preview-cards.md).
"""

import filecmp
import shutil
from pathlib import Path

from kb.errors import ContentError

FONT_DIR = Path("/usr/share/fonts/truetype/liberation")  # Debian's fonts-liberation
FAMILY = "Liberation Sans"  # the `family:` of data/social-card.yml
STYLES = {"Bold": "LiberationSans-Bold.ttf", "Regular": "LiberationSans-Regular.ttf"}
CACHE = Path(".cache/plugin/social")  # the plugin's default cache_dir, relative to mkdocs.yml


def fill_fonts(cache_dir: Path, fonts: Path = FONT_DIR) -> Path:
    """Copy the family into `cache_dir` (only what differs); returns its folder."""
    folder = Path(cache_dir) / "fonts" / FAMILY
    for style, name in STYLES.items():
        source, target = fonts / name, folder / f"{style}.ttf"
        if not source.is_file():
            raise ContentError(
                f"{source} is missing: the link preview cards are drawn with it. "
                "Install Debian's fonts-liberation: apt-get install fonts-liberation"
            )
        if not target.is_file() or not filecmp.cmp(source, target, shallow=False):
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return folder
