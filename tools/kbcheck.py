"""Command line of the whole-site checks in kb/checks.py: `python tools/kbcheck.py --help`."""

import sys

from kb.checks import main

if __name__ == "__main__":
    sys.exit(main())
