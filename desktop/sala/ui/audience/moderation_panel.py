"""The moderation queue on the laptop: what phones sent, waiting for the facilitator.

Each waiting submission is a card: what it is (opinion and stance, or question), the phone's
anonymous code, the text, and Accept / Hide / Merge… A submission with a word from PyThaiNLP's
Thai profanity list is marked, and waits even in "accept all" mode. Above the queue: where
phones join, the join code, how many phones joined, the projector windows and the off switch.
The panel only shows and asks; the controller reads and writes (never on the UI thread).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sala.domain import enums as e
from sala.domain.clock import to_local
from sala.services.audience import Kind, QueueItem, State
from sala.ui.audience.projector import projector_screen, screen_label
from sala.ui.common.errors import ERROR_COLOUR
from sala.ui.kiosk.thai_wrap import breakable

MAX_CARDS = 60
"""Cards shown at once; the rest wait below ("N more waiting") and move up as these are decided."""
FLAG_STYLE = f"color: {ERROR_COLOUR}; font-weight: bold;"


def _kind_text(item: QueueItem, lang: str) -> str:
    """"Question" or "Opinion · Support": what the phone said it was."""
    if item.kind == Kind.QUESTION:
        return e.ContributionType.QUESTION.label(lang)
    kind = (item.type or e.ContributionType.OPINION).label(lang)
    return f"{kind} · {item.stance.label(lang)}" if item.stance else kind


class SubmissionCard(QFrame):
    """One waiting submission with its three decisions."""

    sig_accept = Signal(str)
    """Accept this submission (its id): it becomes a contribution of the session."""
    sig_hide = Signal(str)
    """Hide it: it stays off the session and the projector."""
    sig_merge = Signal(str)
    """Merge it into a duplicate the user picks next."""

    def __init__(self, item: QueueItem, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName(f"card_{item.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("SubmissionCard { background: #ffffff; border: 1px solid #c8c8c8; border-radius: 6px; }"
                           + (f"SubmissionCard {{ border: 2px solid {ERROR_COLOUR}; }}" if item.flagged else ""))
        self.what = QLabel(_kind_text(item, lang))
        self.what.setStyleSheet("font-weight: bold;")
        self.who = QLabel(self.tr("Phone %1 · %2").replace("%1", item.phone_code)
                          .replace("%2", to_local(item.created_at).strftime("%H:%M")))
        self.who.setStyleSheet("color: #555555;")
        self.flag = QLabel(self.tr("⚠ May contain rude words: read before accepting"))
        self.flag.setObjectName("flagLabel")
        self.flag.setStyleSheet(FLAG_STYLE)
        self.flag.setWordWrap(True)
        self.flag.setVisible(item.flagged)
        self.text = QLabel(breakable(item.text))
        self.text.setObjectName("submissionText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a phone's "<b>" is shown as typed, never rendered
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("acceptButton")
        self.hide_button = QPushButton(self.tr("Hide"))
        self.hide_button.setObjectName("hideButton")
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setToolTip(self.tr("Says the same as another submission: fold it into that one "
                                             "(its votes count there)"))
        self.accept_button.clicked.connect(lambda: self._decided(self.sig_accept))
        self.hide_button.clicked.connect(lambda: self._decided(self.sig_hide))
        self.merge_button.clicked.connect(lambda: self.sig_merge.emit(self.item.id))
        self.what.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.hide_button, self.merge_button):
            b.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            b.setMinimumHeight(int(self.fontMetrics().height() * 1.7))
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.what)
        layout.addWidget(self.who)
        layout.addWidget(self.flag)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

    def _decided(self, signal: SignalInstance) -> None:
        for b in (self.accept_button, self.hide_button, self.merge_button):
            b.setEnabled(False)  # one decision per card; it leaves the queue when saved
        signal.emit(self.item.id)

    def enable(self) -> None:
        """The decision failed: the card can be decided again."""
        for b in (self.accept_button, self.hide_button, self.merge_button):
            b.setEnabled(True)


class MergeDialog(QDialog):
    """Pick the submission the duplicate is the same as (waiting or accepted, of the same kind)."""

    def __init__(self, duplicate: QueueItem, candidates: Sequence[QueueItem], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audienceMergeDialog")
        self.setWindowTitle(self.tr("Merge with a duplicate"))
        intro = QLabel(self.tr("“%1” says the same as which of these? It leaves the queue and its votes count "
                               "for the one you pick.").replace("%1", duplicate.text[:80]))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setObjectName("mergeCandidates")
        self.list.setWordWrap(True)
        for c in candidates:
            state = self.tr("accepted") if c.state == State.ACCEPTED else self.tr("waiting")
            item = QListWidgetItem(f"{breakable(c.text)}\n({state} · {c.phone_code})")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(self.list.count() > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if not candidates:
            none = QLabel(self.tr("There is nothing of the same kind to merge it with yet."))
            none.setWordWrap(True)
            layout.addWidget(none)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class ModerationPanel(QWidget):
    """The facilitator's side of audience mode (in a dock beside the session page)."""

    sig_accept = Signal(str)
    """Accept the submission with this id."""
    sig_hide = Signal(str)
    """Hide the submission with this id."""
    sig_merge = Signal(str)
    """The user wants to merge this submission into a duplicate (the controller asks which)."""
    sig_accept_all = Signal(bool)
    """The "accept all" switch was turned on or off."""
    sig_show_qr = Signal()
    """Show the join screen on the chosen screen."""
    sig_show_results = Signal()
    """Show the presenter view on the chosen screen."""
    sig_new_code = Signal()
    """Give the session a new join code."""
    sig_stop = Signal()
    """Turn audience mode off."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moderationPanel")
        self.setMinimumWidth(300)
        self._lang = lang
        self.cards: dict[str, SubmissionCard] = {}
        self.address = QLabel()
        self.address.setObjectName("audienceAddress")
        self.address.setWordWrap(True)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLabel()
        self.code.setObjectName("audienceJoinCode")
        self.code.setStyleSheet("font-weight: bold; font-size: 16pt;")
        self.counts = QLabel()
        self.counts.setObjectName("audienceCounts")
        self.counts.setWordWrap(True)
        self.screen_choice = QComboBox()
        self.screen_choice.setObjectName("projectorScreen")
        self.screen_choice.setToolTip(self.tr("The screen (projector) the join code and the live results are shown on"))
        self.qr_button = QPushButton(self.tr("Show join code"))
        self.qr_button.setObjectName("showQrButton")
        self.results_button = QPushButton(self.tr("Show live results"))
        self.results_button.setObjectName("showResultsButton")
        self.new_code_button = QPushButton(self.tr("New join code"))
        self.new_code_button.setObjectName("newCodeButton")
        self.new_code_button.setToolTip(self.tr("Phones already joined stay joined; new phones need the new code"))
        self.stop_button = QPushButton(self.tr("Stop audience mode"))
        self.stop_button.setObjectName("stopAudienceButton")
        self.accept_all = QCheckBox(self.tr("Accept all as they arrive"))
        self.accept_all.setObjectName("acceptAllSwitch")
        self.accept_all.setToolTip(self.tr("For a trusted room. Ones flagged for rude words still wait for you."))
        self.accept_all.toggled.connect(self.sig_accept_all)
        self.queue_head = QLabel()
        self.queue_head.setObjectName("queueHead")
        self.queue_head.setStyleSheet("font-weight: bold;")
        self.queue_head.setWordWrap(True)
        self.queue = QWidget()
        self.queue_layout = QVBoxLayout(self.queue)
        self.queue_layout.setContentsMargins(0, 0, 0, 0)
        self.queue_layout.setSpacing(6)
        self.queue_layout.addStretch(1)
        self.more = QLabel()
        self.more.setObjectName("queueMore")
        self.more.setStyleSheet("color: #555555;")
        self.more.hide()
        scroll = QScrollArea()
        scroll.setObjectName("queueScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.queue)
        self.queue_scroll = scroll

        self.qr_button.clicked.connect(self.sig_show_qr)
        self.results_button.clicked.connect(self.sig_show_results)
        self.new_code_button.clicked.connect(self.sig_new_code)
        self.stop_button.clicked.connect(self.sig_stop)
        grid = QGridLayout()
        grid.addWidget(self.qr_button, 0, 0)
        grid.addWidget(self.results_button, 0, 1)
        grid.addWidget(self.new_code_button, 1, 0)
        grid.addWidget(self.stop_button, 1, 1)
        screen_row = QHBoxLayout()
        screen_row.addWidget(QLabel(self.tr("Screen:")))
        screen_row.addWidget(self.screen_choice, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.address)
        layout.addWidget(self.code)
        layout.addWidget(self.counts)
        layout.addLayout(screen_row)
        layout.addLayout(grid)
        layout.addWidget(self.accept_all)
        layout.addWidget(self.queue_head)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.more)
        self.fill_screens()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # a projector plugged in or out while the mode runs
            app.screenAdded.connect(self.fill_screens)
            app.screenRemoved.connect(self.fill_screens)
        self.show_counts(0, 0)

    def sizeHint(self) -> QSize:  # Qt name
        return QSize(380, super().sizeHint().height())

    # -- what the controller tells it -------------------------------------------------------
    def set_join(self, urls: Sequence[str], join_code: str) -> None:
        self.address.setText(self.tr("Phones join at: %1").replace("%1", "\n".join(urls)))
        self.code.setText(self.tr("Join code: %1").replace("%1", join_code))

    def set_accept_all(self, on: bool) -> None:
        """Show the switch's saved state (without asking to change it)."""
        self.accept_all.blockSignals(True)
        self.accept_all.setChecked(on)
        self.accept_all.blockSignals(False)

    def show_counts(self, phones: int, waiting: int) -> None:
        self.counts.setText(self.tr("%n phone(s) joined", "", phones) + " · " + self.tr("%n waiting", "", waiting))
        self.queue_head.setText(self.tr("Waiting for you (%1)").replace("%1", str(waiting)) if waiting
                                else self.tr("Nothing waiting. What phones send appears here."))

    def show_queue(self, items: Sequence[QueueItem]) -> None:
        """The waiting submissions, oldest first; cards already shown are kept as they are."""
        shown = list(items)[:MAX_CARDS]
        wanted = [i.id for i in shown]
        for sid in [sid for sid in self.cards if sid not in wanted]:
            card = self.cards.pop(sid)
            card.hide()
            card.deleteLater()
        for index, item in enumerate(shown):
            known = self.cards.get(item.id)
            if known is None:
                card = SubmissionCard(item, self._lang)
                card.sig_accept.connect(self.sig_accept)
                card.sig_hide.connect(self.sig_hide)
                card.sig_merge.connect(self.sig_merge)
                self.cards[item.id] = card
            else:
                card = known
            if self.queue_layout.indexOf(card) != index:
                self.queue_layout.insertWidget(index, card)
        left = len(items) - len(shown)
        self.more.setText(self.tr("… and %1 more waiting below these").replace("%1", str(left)))
        self.more.setVisible(left > 0)

    def decision_failed(self, submission_id: str) -> None:
        card = self.cards.get(submission_id)
        if card is not None:
            card.enable()

    # -- screens ------------------------------------------------------------------------------
    def fill_screens(self, _changed: QScreen | None = None) -> None:
        current = self.screen_choice.currentData()
        self.screen_choice.clear()
        screens = QGuiApplication.screens()
        for i, s in enumerate(screens):
            self.screen_choice.addItem(screen_label(s, i), s.name())
        names = [s.name() for s in screens]
        guess = projector_screen()
        pick = current if current in names else (guess.name() if guess is not None else None)
        if pick in names:
            self.screen_choice.setCurrentIndex(names.index(pick))

    def chosen_screen(self) -> QScreen | None:
        """The screen picked (None when there is none)."""
        name = self.screen_choice.currentData()
        return next((s for s in QGuiApplication.screens() if s.name() == name), None)
