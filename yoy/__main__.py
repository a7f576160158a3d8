"""`python -m yoy …`: the `yoy` command."""

from yoy.cli import main

main()
