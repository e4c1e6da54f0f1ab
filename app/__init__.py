"""The Textual UI (installed as `advice.app`). The engine never imports this package."""
