"""A participant's rights in the GUI (issue 12): find, export, erase (``rights_dialog``)."""
