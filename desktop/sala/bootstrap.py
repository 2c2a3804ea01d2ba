"""The composition root: open the store and build every service once, then hand them down.

Both the GUI (``sala.ui.shell.main``) and the CLI (``sala.cli``) start here; nothing else builds
services, and nothing reaches for them through globals.
"""

from __future__ import annotations

from dataclasses import dataclass

from sala.paths import AppPaths
from sala.services.action_items import ActionItemService
from sala.services.amendments import AmendmentService
from sala.services.attachments import AttachmentService
from sala.services.catalog import CatalogService
from sala.services.contributions import ContributionService
from sala.services.dashboard import DashboardService
from sala.services.drafts import DraftService
from sala.services.exhibition import ExhibitionService
from sala.services.guides import GuideService
from sala.services.kiosk_pin import KioskPin
from sala.services.observations import ObservationService
from sala.services.participant_rights import ParticipantRightsService
from sala.services.participants import ParticipantService, contact_copies, protect_contacts
from sala.services.preferences import PreferencesService
from sala.services.retention import RetentionService
from sala.services.search import SearchService
from sala.services.sessions import SessionService
from sala.services.supervisor_pin import SupervisorPin
from sala.services.tallies import TallyService
from sala.storage.database import Database, OpenReport, open_database
from sala.sync.service import SyncService


@dataclass
class Services:
    """Everything the front ends use, built together over one database."""

    paths: AppPaths
    db: Database
    open_report: OpenReport
    catalog: CatalogService
    search: SearchService
    sessions: SessionService
    contributions: ContributionService
    participants: ParticipantService
    participant_rights: ParticipantRightsService
    guides: GuideService
    observations: ObservationService
    attachments: AttachmentService
    exhibition: ExhibitionService
    kiosk_pin: KioskPin
    supervisor: SupervisorPin
    retention: RetentionService
    tallies: TallyService
    action_items: ActionItemService
    amendments: AmendmentService
    drafts: DraftService
    dashboard: DashboardService
    sync: SyncService
    preferences: PreferencesService

    def close(self) -> None:
        self.db.close()


def build_services(paths: AppPaths, *, check: bool = True) -> Services:
    """Open (create, check, back up, migrate) the database at ``paths`` and wire the services.

    Raises CorruptDatabaseError / StorageError (bilingual) for trouble the user can act on.
    ``check=False`` defers the integrity check to the caller (see ``Database.check``).
    """
    paths.ensure()
    db, report = open_database(paths.database, paths.backups, check=check)
    search = SearchService(db)
    catalog = CatalogService(db)
    if report.created:
        catalog.ensure_defaults()
    from sala.sync.deployment import adopt_beside_app
    from sala.sync.outbox import enqueue_finalized_session

    # A signed deployment file shipped beside the installed app: checked and adopted once, so
    # the laptop trusts its platform (and seals to it) before it ever meets a link.
    adopt_beside_app(db)
    participants = ParticipantService(db)
    # Contacts never in plain text at rest: encrypt what an older version left, in backups too.
    protect_contacts(db, participants.vault, contact_copies(paths.database, paths.backups))
    return Services(
        paths=paths,
        db=db,
        open_report=report,
        catalog=catalog,
        search=search,
        sessions=SessionService(db, search, on_finalize=enqueue_finalized_session),
        contributions=ContributionService(db),
        participants=participants,
        participant_rights=ParticipantRightsService(db, participants.vault),
        guides=GuideService(db),
        observations=ObservationService(db),
        attachments=AttachmentService(db, paths.attachments),
        exhibition=ExhibitionService(db),
        kiosk_pin=KioskPin(db),
        supervisor=SupervisorPin(db),
        retention=RetentionService(db, paths.attachments),
        tallies=TallyService(db),
        action_items=ActionItemService(db),
        amendments=AmendmentService(db),
        drafts=DraftService(db),
        dashboard=DashboardService(db, search),
        sync=SyncService(db, paths.data_dir, paths.attachments),
        preferences=PreferencesService(db),
    )
