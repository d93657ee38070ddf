"""`python -m briefcomposer` runs the command line."""

import sys

from briefcomposer.cli import main

sys.exit(main())
