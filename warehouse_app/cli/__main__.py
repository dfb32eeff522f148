"""`python -m warehouse_app.cli` runs the station CLI."""

import sys

from warehouse_app.cli import main

sys.exit(main())
