"""The editor side of an open case: the document with its undo stack, commands, autosave."""
