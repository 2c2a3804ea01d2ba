"""The ``sala`` subcommands, one module each."""
