"""minutemine: mine council meeting papers for commitments."""

__version__ = "0.1.0"
