"""The editor side of an open case: the document that owns the undo stack, its commands, autosave."""
