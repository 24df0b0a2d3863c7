"""`python -m desktop`: the Kinscape app."""
import sys

from .app import main

sys.exit(main())
