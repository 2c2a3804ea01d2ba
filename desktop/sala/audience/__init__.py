"""Audience mode's core (issue 14): the laptop serves a small page to phones on the local
network. No Qt: the UI (``sala.ui.audience``) passes in a ``commit`` that runs on its one writer.

- :mod:`network`: which addresses may be offered and bound (local networks only);
- :mod:`server`: :class:`~sala.audience.server.AudienceServer`, the listening sockets and workers;
- :mod:`handler`: one request, checked and answered;
- :mod:`guard`: limits, deadlines, rate buckets, origin and cookie checks;
- :mod:`actions`: what a phone may write or read, in the caller's transaction.

Moderation and the presenter's figures are use cases of the app: ``sala.services.audience``.
"""
