"""Read the project's data files (YAML) with one message shape: the file, what is wrong, the fix."""

from functools import cache
from pathlib import Path

import yaml

from kb import ROOT
from kb.errors import ContentError

# libyaml's loader when PyYAML has it (its wheels do): the same result, several times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UniqueKeys(LOADER):
    """LOADER that refuses a key written twice in one mapping: YAML keeps the last one silently,
    so a second `placeholders: contract:` would replace the first without a word."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"key '{key}' is written twice (also line {seen[key]}): keep one",
                        key_node.start_mark,
                    )
                seen[key] = key_node.start_mark.line + 1
            except TypeError:  # an unhashable key: YAML's own error says so
                pass
        return super().construct_mapping(node, deep)


class DataError(ValueError):
    """A data file that cannot be used; the message names the file (and line where there is one)."""


def read_yaml(path: Path):
    """The parsed file, or DataError naming it relative to the project and the line YAML stopped at."""
    where = _relative(path)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=UniqueKeys)
    except OSError as error:
        raise DataError(f"{where}: cannot read it: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise DataError(f"{where}: is not UTF-8 text (byte {error.start}): save it as UTF-8") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(f"{where}{line}: not valid YAML ({problem}): check indentation and quotes") from error


def by_language(path: Path, where: str, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
    """A data file that maps each language code to its `what` (data/synonyms.yml, data/asked/), as
    YAML nodes, so messages can name lines: [(language key, its value), …], [] when it is empty;
    ContentError, naming the file as `where`, when it is not YAML or not such a map."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=LOADER)
    except (yaml.YAMLError, UnicodeDecodeError, DataError) as error:
        raise ContentError(f"{where}: not valid YAML: {error}") from error
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise ContentError(f"{where}: must map each language code to its {what} (es: …, en: …)")
    return root.value


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return f"data/{path.name}" if path.parent.name == "data" else path.name


def read_once(path: Path, check=None):
    """A data file parsed, and passed through `check` (which raises ContentError on bad data), once
    per version of the file however many pages and builds ask; an unreadable file is a ContentError.
    The result is shared: read it, don't change it."""
    return _read_once(path, path.stat().st_mtime if path.exists() else 0, check)


@cache
def _read_once(path: Path, mtime: float, check):
    try:
        data = read_yaml(path)
    except DataError as error:
        raise ContentError(str(error)) from error
    return check(data) if check else data
