"""Which of the laptop's networks phones join on: only private (LAN, hotspot) addresses are offered.

The server is bound to exactly the addresses ticked here, never to a public address or to all
interfaces. With no private address at all the laptop is on no local network: the facilitator is
told, in both languages, to turn on the laptop's hotspot (or join the venue's Wi-Fi) and try again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sala.domain.errors import SalaError


class LanAddressLike(Protocol):
    @property
    def interface(self) -> str: ...

    @property
    def ip(self) -> str: ...


class NoLanAddressError(SalaError):
    """The laptop has no private network address phones could reach."""

    def __init__(self) -> None:
        super().__init__(
            "เครื่องนี้ยังไม่ได้อยู่ในเครือข่ายท้องถิ่นใด โทรศัพท์จึงเข้าร่วมไม่ได้ "
            "เปิดฮอตสปอตของเครื่อง (หรือต่อ Wi-Fi ของสถานที่) แล้วกด “โหมดผู้ฟัง” อีกครั้ง",
            "This laptop is on no local network, so phones cannot join. Turn on the laptop's "
            "hotspot (or join the venue's Wi-Fi), then press “Audience mode” again.")


def _is_hotspot(name: str) -> bool:
    """Names Windows and Linux give a laptop's own hotspot: offered ticked first."""
    low = name.lower()
    return any(k in low for k in ("hotspot", "ap0", "uap", "local area connection*", "wlan", "wi-fi", "wifi"))


class InterfaceDialog(QDialog):
    """Tick the networks to serve phones on; :meth:`chosen` gives their addresses."""

    def __init__(self, addresses: Sequence[LanAddressLike], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audienceInterfaceDialog")
        self.setWindowTitle(self.tr("Audience mode — which network?"))
        intro = QLabel(self.tr("Phones in the room join on the laptop's own network. Tick the network(s) the "
                               "phones are on (the laptop's hotspot or the venue's Wi-Fi). Only local "
                               "addresses are offered; nothing is reachable from the internet."))
        intro.setWordWrap(True)
        self.boxes: list[tuple[QCheckBox, LanAddressLike]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        wifi_first = sorted(addresses, key=lambda a: (not _is_hotspot(a.interface), a.interface, a.ip))
        for i, address in enumerate(wifi_first):
            box = QCheckBox(f"{address.interface} — {address.ip}")
            box.setObjectName(f"interface_{address.ip}")
            box.setChecked(i == 0)
            box.toggled.connect(self._update)
            layout.addWidget(box)
            self.boxes.append((box, address))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton(self.tr("Start audience mode"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("startAudienceButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._update()

    def chosen(self) -> list[str]:
        """The ticked addresses."""
        return [address.ip for box, address in self.boxes if box.isChecked()]

    def _update(self) -> None:
        self.start_button.setEnabled(bool(self.chosen()))
