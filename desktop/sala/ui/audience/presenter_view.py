"""The presenter view for the projector: what the room has said so far, live.

A Thai word cloud of the accepted words on the left; on the right the stance bars, the questions
with the most votes and the dot votes per proposal; along the top the session, the number of
phones joined and a small join code so latecomers can still scan in. It only shows what it is
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


def numbers_from(snap: PresenterSnapshot, lang: str) -> PresenterNumbers:
    """The figures of a snapshot as the view shows them (stances named in ``lang``)."""
    stances = [BarRow(st.label(lang), snap.stances.get(st, 0), STANCE_COLOURS[st])
               for st in (e.Stance.SUPPORT, e.Stance.OPPOSE, e.Stance.NEUTRAL)]
    return PresenterNumbers(words=snap.words, stances=stances,
                            questions=[(text, votes) for _id, text, votes in snap.questions],
                            proposals=[(title, votes) for _id, title, votes in snap.proposals],
                            phones=snap.phones_joined)


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
        right = QVBoxLayout()
        right.addWidget(self.stances)
        right.addWidget(self.questions, 5)
        right.addWidget(self.proposals, 4)
        body = QHBoxLayout()
        body.addWidget(self.cloud, 3)
        body.addLayout(right, 2)
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
        proposals = list(numbers.proposals)[:MAX_PROPOSALS]
        self.proposals.set_rows(self.tr("Dot votes per proposal"), [BarRow(t, v, "#2e7d32") for t, v in proposals])
        self.proposals.setVisible(bool(proposals))

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt name
        super().resizeEvent(event)
        h = max(400, self.height())
        _px(self.title, h // 26, bold=True)
        _px(self.phones, h // 34)
        _px(self.join, h // 42)
        _px(self.hint, h // 60)
        side = max(64, h // 7)
        self.qr.setFixedSize(side, side)
        for rows in (self.stances, self.questions, self.proposals):
            rows.set_label_px(h // 38)
        self.stances.setFixedHeight(self.stances.inline_height(3))  # support, oppose, neutral
