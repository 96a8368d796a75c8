"""The error a page transform raises for bad input: it names the file, the line and the fix.

Under MkDocs it is a PluginError, which MkDocs prints as a build error without a traceback; under
any other generator, or in a test on a string, a plain ValueError with the same message.
"""

try:
    from mkdocs.exceptions import PluginError as _Base
except ImportError:  # another generator: no MkDocs installed
    _Base = ValueError


class ContentError(_Base):
    """Bad input in a page or a data file; the message says where and what to do."""
