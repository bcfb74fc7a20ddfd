"""``python -m newsfuse.cli ...``: the same as the ``newsfuse`` command."""

from newsfuse.cli import main

if __name__ == "__main__":
    main()
