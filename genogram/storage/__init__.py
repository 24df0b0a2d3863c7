"""The case file on disk: atomic writes, the `.kinscape` zip container, GEDCOM import."""
