"""``python -m worldorder``: the same as the ``worldorder`` command."""

from worldorder.cli.main import main

main()
