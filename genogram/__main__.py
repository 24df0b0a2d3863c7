"""`python -m genogram …` runs the headless commands."""
import sys

from .cli import main

sys.exit(main())
