"""advice: expert advice articles as cited, interactive decision trees."""

__version__ = "0.1.0"
