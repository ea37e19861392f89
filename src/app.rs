//! Commands: one function per user action, between the UI and storage.
//!
//! A command takes the [`Actor`] (who acts, in which role, on which device, when) and
//! the user's input; it checks the role and the rule, builds the change with the
//! storage builders and stores it the way every local change is stored
//! ([`apply_local`](crate::storage::data::apply_local) with the device clock, the
//! outbox in the same transaction). It returns the stored [`Replica`] so the caller
//! can tell the lists, or a [`CommandError`] with a machine reason the UI words in the
//! user's language.
//!
//! A command refuses whatever the screen showed: the UI asks the same `can_*`
//! functions to decide which buttons to draw, so the answer has one source.
//!
//! ```
//! use outpost::app::{orders, Actor, CommandError};
//! use outpost::domain::profile::Role;
//! use outpost::storage::memory::MemoryStore;
//! let rep = Actor::new("li", Role::Rep, "tab-a", 0, || "id-1".into());
//! assert!(!orders::can_confirm_payment(&rep)); // O3: finance confirms
//! let refused = pollster::block_on(orders::confirm_payment(&MemoryStore::new(), &rep, "pay:1"));
//! assert!(matches!(refused, Err(CommandError::NotAllowed { .. })));
//! ```

pub mod activities;
pub mod application_report;
pub mod applications;
pub mod commission;
pub mod competitors;
pub mod customers;
pub mod event_kit;
pub mod events;
pub mod feedback;
pub mod import;
pub mod incentives;
pub mod key_accounts;
pub mod orders;
pub mod pool;
pub mod repairs;
pub mod reports;
pub mod roster;
pub mod sales_plans;
pub mod sales_reports;
pub mod service;
pub mod settings;
pub mod targets;
pub mod territory;
pub mod trainings;
pub mod warehouse;

use thiserror::Error;

use crate::domain::application::ApplicationError;
use crate::domain::approval::ApprovalError;
use crate::domain::chips::ChipsError;
use crate::domain::incentive::IncentiveError;
use crate::domain::minutes::MinutesError;
use crate::domain::order::OrderError;
use crate::domain::participant::ParticipantError;
use crate::domain::pool::PoolError;
use crate::domain::profile::Role;
use crate::domain::receivable::ConfirmError;
use crate::domain::service::ServiceError;
use crate::domain::visit_plan::PlanError;
use crate::record::replica::Replica;
use crate::record::seal::PersonalKey;
use crate::storage::customers::Author;
use crate::storage::data::{apply_local, clock};
use crate::storage::{RecordStore, StorageError};

/// Who acts: the profile, its role, the device whose clock stamps the change, the
/// moment, and where fresh ids come from (passed in, like the clock, so tests can
/// name them).
#[derive(Debug, Clone)]
pub struct Actor {
    pub profile: String,
    pub role: Role,
    pub device: String,
    pub now_ms: i64,
    pub new_id: fn() -> String,
    /// The profile's personal key: every change the actor stores is sealed with it
    /// (issue 15). `None` for a profile without one (before keys, and in tests that
    /// are not about seals).
    pub key: Option<PersonalKey>,
}

impl Actor {
    pub fn new(profile: &str, role: Role, device: &str, now_ms: i64, new_id: fn() -> String) -> Self {
        Self { profile: profile.to_owned(), role, device: device.to_owned(), now_ms, new_id, key: None }
    }

    /// The same actor sealing its changes with `key`.
    pub fn with_key(mut self, key: Option<PersonalKey>) -> Self {
        self.key = key;
        self
    }

    /// Whether the actor holds one of `roles`.
    pub fn is(&self, roles: &[Role]) -> bool {
        roles.contains(&self.role)
    }

    fn id(&self) -> String {
        (self.new_id)()
    }

    fn allow(&self, action: Action, allowed: bool) -> Result<(), CommandError> {
        if allowed {
            Ok(())
        } else {
            Err(CommandError::NotAllowed { action, role: self.role })
        }
    }
}

/// Every user action a command carries out; the machine name of what was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    ClaimCustomer,
    LogContact,
    AssignCustomer,
    ReleaseCustomer,
    ReviewCustomer,
    DistributeLeads,
    HandOver,
    SetDeparting,
    SaveCustomer,
    SetCreditFlag,
    MarkProblem,
    ReturnReleaseNote,
    SaveCollectionSettings,
    SaveCapacities,
    PlanKit,
    TickKit,
    RecordPayment,
    ConfirmPayment,
    OrderStep,
    EditPriceList,
    FileVisitPlan,
    DecideVisitPlan,
    MinutesStep,
    SaveActivityRules,
    DecideKeyAccountStep,
    SaveKeyAccountRoles,
    RecordKeyAccountActivity,
    SetApplicationStatus,
    SaveChecklists,
    SaveTeamRules,
    SaveCalendar,
    SaveTeamLists,
    SaveKpiTarget,
    SettleConflict,
    SendLeadsToPool,
    SetKioskPin,
    KioskChips,
    LeaveKiosk,
    ManageRoster,
    EditIncentiveScheme,
    ImportIncentiveFigures,
    MarkPayoutStep,
    SetTarget,
    WriteSalesReport,
    LogCount,
    EditEvent,
    InviteCustomers,
    KeepStock,
    FileKeyAccountRequest,
    KeepServiceTerms,
    FileApplication,
    RecordActivity,
    WriteSlip,
    EditWarehouseCatalogue,
    WriteSalesPlan,
    DecideSalesPlan,
    RecordTraining,
    SaveTerritories,
    ForwardToMarketing,
    AnswerFeedback,
    CloseFeedback,
    RecordCompetitor,
    KeepRepairJob,
}

/// Why a command stored nothing. `NotAllowed` and `Rule` carry machine reasons the UI
/// words in both languages; `Storage` is the device's database failing.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CommandError {
    #[error("a {role:?} may not {action:?}")]
    NotAllowed { action: Action, role: Role },
    #[error(transparent)]
    Rule(#[from] RuleError),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// A rule that refused the input, by its reason.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    /// The record the action is about is not stored on this device.
    #[error("no such {0}")]
    NotFound(&'static str),
    /// P5: only a customer in the pool can be claimed.
    #[error("the customer already has an owner")]
    Owned,
    /// P9: only the owner (or a manager) returns a customer to the pool.
    #[error("only the owner returns this customer to the pool")]
    NotOwner,
    /// P9: the team requires the release note before this customer is back in the pool.
    #[error("the customer waits for its release note")]
    HeldForNote,
    /// P9: no release note to send back (the customer is not in the pool from a release).
    #[error("no release note to send back")]
    NoReleaseNote,
    /// P4/P7/H1: a customer goes to a rep of the team.
    #[error("{0:?} is not a rep of the team")]
    NotARep(String),
    /// Seed 002: only a file the manager has reviewed (C6) goes to marketing.
    #[error("the customer file is not reviewed yet")]
    NotReviewed,
    /// The change would store nothing new.
    #[error("nothing changed")]
    Unchanged,
    /// A personal key is needed (the actor's to seal, or the person's to grant).
    #[error("no personal key")]
    NoKey,
    /// A grant names no role.
    #[error("no role chosen")]
    NoRole,
    /// A kiosk PIN too short, or the wrong one.
    #[error("the PIN is not valid")]
    Pin,
    #[error(transparent)]
    Pool(#[from] PoolError),
    #[error(transparent)]
    Payment(#[from] ConfirmError),
    #[error(transparent)]
    Order(#[from] OrderError),
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error(transparent)]
    Minutes(#[from] MinutesError),
    #[error(transparent)]
    Approval(#[from] ApprovalError),
    #[error(transparent)]
    KeyActivity(#[from] crate::domain::key_activity::KeyActivityError),
    #[error(transparent)]
    Application(#[from] ApplicationError),
    #[error(transparent)]
    Chips(#[from] ChipsError),
    #[error(transparent)]
    Participant(#[from] ParticipantError),
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error(transparent)]
    Incentive(#[from] IncentiveError),
    #[error(transparent)]
    Target(#[from] crate::domain::target::TargetError),
    #[error(transparent)]
    Report(#[from] crate::domain::sales_report::ReportError),
    #[error(transparent)]
    SalesPlan(#[from] crate::domain::sales_plan::SalesPlanError),
    #[error(transparent)]
    Training(#[from] crate::domain::training::TrainingError),
    #[error(transparent)]
    Event(#[from] crate::domain::event::EventError),
    #[error(transparent)]
    Stock(#[from] crate::domain::stock::StockError),
    #[error(transparent)]
    Warehouse(#[from] crate::domain::warehouse::WarehouseError),
    #[error(transparent)]
    Activity(#[from] crate::domain::activity::ActivityError),
    #[error(transparent)]
    Project(#[from] crate::domain::project::ProjectError),
    #[error(transparent)]
    Territory(#[from] crate::domain::territory::TerritoryError),
    #[error(transparent)]
    TeamRules(#[from] crate::domain::team_rules::RulesError),
    #[error(transparent)]
    Collection(#[from] crate::domain::collection::CollectionError),
    /// A contact the checks refused, with each field's reason.
    #[error("the contact is not valid ({})", .0.iter().map(|e| e.field).collect::<Vec<_>>().join(", "))]
    Contact(Vec<crate::domain::customer::FieldError>),
    #[error(transparent)]
    Kit(#[from] crate::domain::event_kit::KitError),
    #[error(transparent)]
    Terms(#[from] crate::domain::key_service::TermsError),
    /// K2: a service-team seat goes to someone of the team who may serve key accounts.
    #[error("{0:?} may not hold a key-account seat")]
    SeatHolder(String),
    #[error(transparent)]
    Feedback(#[from] crate::domain::feedback::FeedbackError),
    /// A feedback report names no department.
    #[error("no department chosen")]
    NoDepartment,
    #[error(transparent)]
    Competitor(#[from] crate::domain::competitor::CompetitorError),
    #[error(transparent)]
    Repair(#[from] crate::domain::repair::RepairError),
    /// Something the action needs was left empty.
    #[error("{0:?} is empty")]
    Empty(Needed),
    /// P7: a rep's capacity outside 0 to the most a rep can hold.
    #[error("a capacity is 0 to {0}")]
    Capacity(usize),
    /// A check that only a broken build fails (the message is for support).
    #[error("{0}")]
    Invalid(String),
}

/// What an action needs that was left empty ([`RuleError::Empty`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needed {
    ProjectName,
    MinutesText,
    Product,
    /// A payment of more than nothing (O3).
    Amount,
}

impl CommandError {
    /// Whether the command stored nothing because nothing changed: a form saved twice
    /// is as saved as before.
    pub fn is_unchanged(&self) -> bool {
        matches!(self, CommandError::Rule(RuleError::Unchanged))
    }

    fn rule(e: impl Into<RuleError>) -> Self {
        CommandError::Rule(e.into())
    }
}

/// Builds a change as `actor`, stamped by the device clock, and stores it with the
/// outbox in one transaction (the path every local change takes). A build that
/// refuses stores nothing and leaves the clock as it was.
async fn store<S: RecordStore>(
    s: &S,
    actor: &Actor,
    build: impl FnOnce(&mut Author) -> Result<Replica, CommandError>,
) -> Result<Replica, CommandError> {
    let mut c = clock(s, &actor.device).await?;
    let mut change = build(&mut Author { profile: &actor.profile, clock: &mut c, now_ms: actor.now_ms })?;
    if change.docs.is_empty() && change.entries.is_empty() {
        return Err(RuleError::Unchanged.into());
    }
    crate::domain::authority::into_slots(&mut change, actor.key.as_ref().map(|k| k.id().0).as_deref());
    if let Some(k) = &actor.key {
        k.seal_change(&mut change);
    }
    apply_local(s, &change, &c).await?;
    Ok(change)
}
