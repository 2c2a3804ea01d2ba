"""Plain-Python domain: entities' vocabularies, rules and validation. No Qt, no database."""
