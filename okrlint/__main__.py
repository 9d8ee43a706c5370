"""``python -m okrlint``: the same command line as ``okrlint``."""

import sys

from .cli import main

sys.exit(main())
