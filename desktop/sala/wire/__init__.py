"""The sync wire format both ends speak: records, batches, pieces, crypto and HTTP names.

Used by the laptop's ``sala.sync`` and by the reference service ``sala.central``; imports
neither of them, nor storage, nor Qt.
"""
