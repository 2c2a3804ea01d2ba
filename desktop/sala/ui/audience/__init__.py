"""Audience mode on the laptop: the join QR for the projector, the presenter view, moderation."""
