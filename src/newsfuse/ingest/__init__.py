"""Reading inputs: files, folders, globs and stdin -> InputFile -> RawDocument.

``iter_inputs`` turns command-line paths into ``InputFile`` (raw bytes, kept in the store) or
``InputError``; ``read_input`` sniffs one input's format from its content, decides its encoding
and returns its documents (one per article: a feed, JSONL file or WARC archive holds many) and
one-line errors. Neither raises for bad input.
"""

from .paths import iter_inputs, iter_paths
from .reader import read_input, read_paths
from .result import DEFAULT_MAX_BYTES, ReadResult

__all__ = ["DEFAULT_MAX_BYTES", "ReadResult", "iter_inputs", "iter_paths", "read_input", "read_paths"]
