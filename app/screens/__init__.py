"""The app's screens; each has its styles in a .tcss file of the same name."""
