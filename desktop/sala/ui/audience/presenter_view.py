"""The presenter view for the projector: what the room has said so far, live.

A Thai word cloud of the accepted words on the left (at an exhibition, under it the visitors'
1–5 ratings: their average, how many, and a bar per face, kiosk and phones together); on the right
the stance bars, the questions with the most votes and the dot votes per proposal; along the top
the session, the number of phones joined and a small join code so latecomers can still scan in. It only shows what it is
given (:meth:`PresenterView.show_results`); the audience controller reads the numbers on a reader
thread and hands them here at most a few times a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sala.domain import enums as e
from sala.services.audience import PresenterSnapshot
from sala.ui.audience.bar_rows import BarRow, BarRows
from sala.ui.audience.projector import ProjectorWindow
from sala.ui.audience.qr_code import QrWidget
from sala.ui.audience.word_cloud import WordCloud
from sala.ui.kiosk.faces import FACE_COLOURS, face_words

STANCE_COLOURS = {e.Stance.SUPPORT: "#2e7d32", e.Stance.OPPOSE: "#a93226", e.Stance.NEUTRAL: "#757575"}
MAX_QUESTIONS = 5
MAX_PROPOSALS = 8


@dataclass(frozen=True)
class PresenterNumbers:
    """What the presenter view shows, in the words of the UI's language already."""

    words: Sequence[tuple[str, int]] = ()
    stances: Sequence[BarRow] = ()
    questions: Sequence[tuple[str, int]] = ()
    proposals: Sequence[tuple[str, int]] = ()
    phones: int = 0
    exhibition: bool = False
    ratings: Sequence[BarRow] = ()
    """One bar per face, the best first (exhibitions)."""
    rating_count: int = 0
    rating_average: float | None = None


def numbers_from(snap: PresenterSnapshot, lang: str) -> PresenterNumbers:
    """The figures of a snapshot as the view shows them (stances named in ``lang``)."""
    stances = [BarRow(st.label(lang), snap.stances.get(st, 0), STANCE_COLOURS[st])
               for st in (e.Stance.SUPPORT, e.Stance.OPPOSE, e.Stance.NEUTRAL)]
    english = snap.proposal_names_en if lang == "en" else {}
    faces = face_words()
    return PresenterNumbers(words=snap.words, stances=stances,
                            questions=[(text, votes) for _id, text, votes in snap.questions],
                            proposals=[(english.get(pid) or title, votes) for pid, title, votes in snap.proposals],
                            phones=snap.phones_joined, exhibition=snap.kind == e.SessionKind.EXHIBITION,
                            ratings=[BarRow(f"{faces[n]} ({n})", snap.ratings.get(n, 0), FACE_COLOURS[n])
                                     for n in range(5, 0, -1)],
                            rating_count=snap.rating_count, rating_average=snap.rating_average)


def _px(label: QLabel, px: int, bold: bool = False) -> None:
    f = QFont(label.font())
    f.setPixelSize(max(10, px))
    f.setBold(bold)
    label.setFont(f)


class PresenterView(ProjectorWindow):
    """Full-screen live results; :meth:`show_results` refreshes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audiencePresenter")
        self.setWindowTitle(self.tr("Sala — live results"))
        self.title = QLabel()
        self.title.setObjectName("presenterTitle")
        self.title.setWordWrap(True)
        self.phones = QLabel()
        self.phones.setObjectName("presenterPhones")
        self.join = QLabel()
        self.join.setObjectName("presenterJoin")
        self.join.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.qr = QrWidget()
        self.cloud = WordCloud()
        self.cloud.setObjectName("presenterCloud")
        self.cloud.empty_text = self.tr("The words people send will appear here.")
        self.ratings = BarRows()
        self.ratings.setObjectName("presenterRatings")
        self.ratings.inline = True
        self.stances = BarRows()
        self.stances.setObjectName("presenterStances")
        self.stances.inline = True
        self.stances.empty_text = self.tr("No stances yet.")
        self.questions = BarRows()
        self.questions.setObjectName("presenterQuestions")
        self.questions.max_label_lines = 3
        self.questions.empty_text = self.tr("No questions yet.")
        self.proposals = BarRows()
        self.proposals.setObjectName("presenterProposals")
        self.proposals.empty_text = self.tr("No dot votes yet.")
        self.hint = QLabel(self.tr("Esc closes this screen; audience mode keeps running."))
        self.hint.setStyleSheet("color: #777777;")

        top = QHBoxLayout()
        head = QVBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.phones)
        top.addLayout(head, 1)
        top.addWidget(self.join)
        top.addWidget(self.qr)
        left = QVBoxLayout()
        left.addWidget(self.cloud, 1)
        left.addWidget(self.ratings)
        self.right = QVBoxLayout()
        self.right.addWidget(self.stances)
        self.right.addWidget(self.questions, 5)
        self.right.addWidget(self.proposals, 4)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(self.right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 8)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.hint)
        self.numbers = PresenterNumbers()
        self.show_results(self.numbers)

    def set_join(self, link: str, url: str, join_code: str, title: str) -> None:
        """The small join QR (``link``) in the corner, the address and code beside it, the session's title."""
        self.qr.set_text(link)
        self.join.setText(self.tr("Join: %1\ncode %2").replace("%1", url).replace("%2", join_code))
        self.title.setText(title)

    def show_results(self, numbers: PresenterNumbers) -> None:
        self.numbers = numbers
        self.phones.setText(self.tr("%n phone(s) joined", "", numbers.phones))
        self.cloud.set_words(numbers.words)
        self.stances.set_rows(self.tr("Stance"), list(numbers.stances))
        questions = sorted(numbers.questions, key=lambda q: -q[1])[:MAX_QUESTIONS]
        self.questions.set_rows(self.tr("Top questions (votes)"), [BarRow(t, v, "#8e24aa") for t, v in questions])
        self.ratings.set_rows(self.rating_heading(numbers), list(numbers.ratings))
        proposals = list(numbers.proposals)[:MAX_PROPOSALS]
        self.proposals.set_rows(self.tr("Dot votes per proposal"), [BarRow(t, v, "#2e7d32") for t, v in proposals])
        self.proposals.setVisible(bool(proposals))
        self.ratings.setVisible(numbers.exhibition)
        if numbers.exhibition:
            # An exhibition is about its ratings and dot votes; stances and questions take room only
            # once phones sent some, so the proposals' bars still fit a 768-pixel projector.
            self.stances.setVisible(any(r.value for r in numbers.stances))
            self.questions.setVisible(bool(questions))
        self.right.setStretchFactor(self.proposals, 6 if numbers.exhibition else 4)

    def rating_heading(self, numbers: PresenterNumbers) -> str:
        """"Satisfaction: average 4.3 / 5 from 12 visitors" (or that none came yet)."""
        if numbers.rating_average is None:
            return self.tr("Satisfaction: no ratings yet")
        return (self.tr("Satisfaction: average %1 / 5 from %n visitor(s)", "", numbers.rating_count)
                .replace("%1", f"{numbers.rating_average:.1f}"))

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt name
        super().resizeEvent(event)
        h = max(400, self.height())
        _px(self.title, h // 26, bold=True)
        _px(self.phones, h // 34)
        _px(self.join, h // 42)
        _px(self.hint, h // 60)
        side = max(64, h // 7)
        self.qr.setFixedSize(side, side)
        for rows in (self.ratings, self.stances, self.questions, self.proposals):
            rows.set_label_px(h // 38)
        self.stances.setFixedHeight(self.stances.inline_height(3))  # support, oppose, neutral
        self.ratings.setFixedHeight(self.ratings.inline_height(5))  # a bar per face
