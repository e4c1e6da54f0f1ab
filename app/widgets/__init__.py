"""Small widgets the screens share. Their styles are in widgets.tcss."""
