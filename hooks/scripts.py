"""Whole-site checks of the scripts: data/scripts.yml is valid and every script is placed.

The page transform itself is the Python-Markdown extension `kb.scripts` (kb/scripts.py), listed
under `markdown_extensions:` in mkdocs.yml. This hook only fails the build early, before any page
is converted, on bad script data, a bad marker (file and line) and a script no page of a
language places.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from kb.scripts import load, site_problems

# Hooks


def on_config(config):
    root = Path(config.config_file_path).parent
    data = load(root / "data" / "scripts.yml")
    problems = site_problems(data, Path(config.docs_dir))
    if problems:
        raise PluginError("\n  ".join(["Scripts:", *problems]))
    return config
