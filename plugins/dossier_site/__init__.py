from .plugin import register  # noqa: F401
