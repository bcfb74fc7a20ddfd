"""``python -m newsfuse ...``: the ``newsfuse`` command, as its console script runs it."""

from newsfuse.launch import main

if __name__ == "__main__":
    main()
