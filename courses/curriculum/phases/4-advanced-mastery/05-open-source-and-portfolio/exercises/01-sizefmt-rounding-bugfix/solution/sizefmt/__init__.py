"""sizefmt - human-readable byte sizes, both ways.

    >>> format_size(1536)
    '1.5 KiB'
    >>> parse_size("1.5 KiB")
    1536
"""

from sizefmt.formatting import format_size
from sizefmt.parsing import parse_size

__all__ = ["format_size", "parse_size"]
__version__ = "1.2.1"
