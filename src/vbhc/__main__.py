"""`python -m vbhc` runs the command-line interface."""

import sys

from vbhc.cli import main

sys.exit(main())
