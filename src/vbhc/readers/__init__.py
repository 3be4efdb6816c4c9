"""Readers turn a file into text for the pipeline; the only modules that touch the file system."""

from vbhc.readers.text import read_text_file

__all__ = ["read_text_file"]
