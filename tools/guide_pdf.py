"""Command line of kb/pdf.py: the whole guide as one PDF per language (`make pdf`, `--help`)."""

import sys

from kb.pdf import main

if __name__ == "__main__":
    sys.exit(main())
