"""MkDocs' side of the kb package: kb's errors become build errors MkDocs prints without a traceback.

The rest of kb imports nothing from MkDocs; only the hooks use this module.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from kb.data import DataError, read_yaml


def read_data(path: Path):
    """kb.data.read_yaml for a hook: a bad file fails the build with its name, line and fix."""
    try:
        return read_yaml(path)
    except DataError as error:
        raise PluginError(str(error)) from error
