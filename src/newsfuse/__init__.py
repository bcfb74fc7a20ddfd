"""newsfuse: many news reports in, one checked account out."""

__version__ = "0.1.0"
