"""Built-in stages; importing this package registers them. One module a stage."""

from . import page, published  # noqa: F401

DEFAULT_STAGES = ("page.v1", "published.v1")
