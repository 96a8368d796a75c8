"""Which page a Python-Markdown extension is converting: its language, file and front matter.

Under MkDocs, the page's file hangs on MkDocs' own relative-path treeprocessor ("relpath"), which
MkDocs registers on each page's Markdown instance before converting it; under Zensical, on its
"rendering_context" preprocessor (the page's path under `docs_dir`, and the project's config).
Under another generator, or on a string in a test, the extension's `lang` and `src` options say it.
"""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from markdown import Extension
from markdown.preprocessors import Preprocessor

from kb import ROOT
from kb.data import LOADER
from kb.langs import LANGS, default


@dataclass(frozen=True)
class Page:
    lang: str
    src: str = "<string>"  # as messages name it: 'docs/es/guia.md'
    meta: dict = field(default_factory=dict)
    source: str = ""  # the whole file, front matter included (empty for a string)
    root: Path = ROOT  # the site's project folder: its data/ holds the scripts and the glossary

    @property
    def name(self) -> str:
        """The page's path under its language folder, without '.md' ('registro', 'index'), as
        kb.site.url_of takes it; 'index' for a string that is no file of docs/."""
        parts = self.src.split("/")  # 'docs/es/registro.md'
        return "/".join(parts[2:]).removesuffix(".md") if parts[0] == "docs" and len(parts) > 2 else "index"

    def line_of(self, markdown: str) -> int:
        """Line number, in the file, of the Markdown's first line (MkDocs drops the front matter)."""
        if not self.source or not markdown.strip():
            return 1
        start = self.source.find(markdown[:200])
        return self.source[:start].count("\n") + 1 if start >= 0 else 1


def page_of(md, lang: str | None = None, src: str | None = None, root: str | None = None) -> Page:
    """The page being converted by `md` (a markdown.Markdown instance)."""
    relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
    file = getattr(relpath, "file", None)
    if file is not None:  # MkDocs
        uri, path = file.src_uri, Path(file.abs_src_path)
        meta = getattr(getattr(file, "page", None), "meta", None)
    else:  # Zensical keeps the page on a preprocessor: its path under docs_dir, and the project's config
        context = md.preprocessors["rendering_context"] if "rendering_context" in md.preprocessors else None
        page, config = getattr(context, "page", None), getattr(context, "config", None) or {}
        if not getattr(page, "path", None):
            return Page(lang=lang or default(), src=src or "<string>", root=Path(root) if root else ROOT)
        uri = Path(page.path).as_posix()
        path = Path(config.get("root_dir") or ".") / config.get("docs_dir", "docs") / uri
        meta = getattr(page, "meta", None)
    first = Path(uri).parts[0]
    source, where, project = _file(path, path.stat().st_mtime)
    if not isinstance(meta, dict):  # the generator has not read the front matter: read it here
        meta = _front_matter_of(source)
    lang = lang or (first if first in LANGS else default())
    return Page(lang=lang, src=where, meta=meta, source=source, root=project)


@cache
def _file(path: Path, mtime: float) -> tuple[str, str, Path]:
    """One read per file version, however many extensions ask: its text, its name, its project.
    The front matter comes from the generator, which has parsed it already (MkDocs, Zensical)."""
    return path.read_text(encoding="utf-8"), _relative(path), _project(path)


@cache
def _front_matter_of(source: str) -> dict:
    return front_matter(source)


def _project(path: Path) -> Path:
    """The folder that holds docs/ (and data/) for a page file under it."""
    for parent in path.parents:
        if parent.name == "docs":
            return parent.parent
    return ROOT


def front_matter(source: str) -> dict:
    """A Markdown file's front matter as a mapping ({} when it has none or it is not valid YAML)."""
    if not source.startswith("---"):
        return {}
    end = source.find("\n---", 3)
    try:
        meta = yaml.load(source[3:end], Loader=LOADER) if end > 0 else None
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:  # a fixture site elsewhere: name it from its docs/ folder
        parts = path.parts
        return "/".join(parts[parts.index("docs") :]) if "docs" in parts else path.name


class PageExtension(Extension):
    """A Python-Markdown extension with one preprocessor that works on the page being converted.

    A subclass names its preprocessor class, its registry name and priority, and its options
    ({name: [default, description]}); the preprocessor gets them as `self.options`."""

    processor: type
    name: str
    priority: int
    options: dict = {}

    def __init__(self, **kwargs):
        self.config = {key: list(value) for key, value in self.options.items()}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.preprocessors.register(self.processor(md, self.getConfigs()), self.name, self.priority)


class PagePreprocessor(Preprocessor):
    def __init__(self, md, options: dict):
        super().__init__(md)
        self.options = options
