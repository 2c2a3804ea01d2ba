"""Sala (ศาลา): offline-first field tool for public consultation."""

__version__ = "0.1.0"
