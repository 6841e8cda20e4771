"""``python -m checker`` is the ``check`` command."""

from checker.startup import main

main()
