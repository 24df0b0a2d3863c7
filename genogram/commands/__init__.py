"""One module per headless command; each defines `register(subparsers)`.

A command's parser calls `set_defaults(run=function)`; the function takes the parsed
arguments and returns an exit code, raising `CliError` for anything the user must fix.
"""
