"""advice: expert advice articles as cited, interactive decision trees."""

__version__ = "0.1.0"
# The name to `pip install`: `advice` on PyPI is an unrelated project. The command and this
# import package are still `advice`. Must match pyproject.toml's name (a test checks).
DISTRIBUTION = "advice-trees"
