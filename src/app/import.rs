//! Writing a checked CSV import (C1, with P1 or P4 for the owner): the rows a
//! [`RowValidator`](crate::domain::csv_import::RowValidator) found good, in batches of
//! whole rows — a customer, its contact and its owner fact in the same transaction, so
//! a batch that fails leaves no half-written customer and every earlier batch stays.
//!
//! The job stops at the first batch the store refuses (a full disk refuses the next
//! one too) and its [`ImportOutcome`] says exactly how many rows were imported, how
//! many were already present and how many were not imported, and why.
//!
//! Each customer is stored under its row's [`row_id`](crate::domain::csv_import::row_id),
//! and a row whose id is already stored (imported before, also when the list the page
//! checked against was older) is counted as already present and not written again: a
//! second import of a file — or the rest of it, after a failure — adds nothing twice and
//! never overwrites what was edited since.
//!
//! ```
//! use outpost::app::import::{import_rows, ImportOwner};
//! use outpost::app::Actor;
//! use outpost::domain::csv_import::{guess_mapping, parse, validate_rows, ExistingKeys};
//! use outpost::domain::profile::Role;
//! use outpost::storage::memory::MemoryStore;
//! let p = parse("公司名称,地区\n张三五金,北京\n李四建材,上海\n".as_bytes()).unwrap();
//! let rows = validate_rows(&p, &guess_mapping(&p.headers), &ExistingKeys::default()).unwrap().rows;
//! let (s, me) = (MemoryStore::new(), Actor::new("li", Role::Rep, "tab-a", 0, || "id-1".into()));
//! let first = pollster::block_on(import_rows(&s, &me, rows.clone(), ImportOwner::Pool, 500)).unwrap();
//! assert_eq!((first.imported, first.already_present), (2, 0));
//! let again = pollster::block_on(import_rows(&s, &me, rows, ImportOwner::Pool, 500)).unwrap();
//! assert_eq!((again.imported, again.already_present), (0, 2));
//! ```

use std::collections::HashSet;

use super::customers::owns_by_first_contact;
use super::pool::can_assign;
use super::{store, Action, Actor, CommandError};
use crate::domain::csv_import::{row_contact_id, ImportRow, RowStatus, IMPORTED_ID_PREFIX};
use crate::domain::pool::{AssignReason, FactKind};
use crate::storage::customers::{contact_change, customer_change, fact_entry, join};
use crate::storage::{RecordStore, StorageError, StoreName};

/// Whose the imported customers are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOwner {
    /// Nobody's: they go to the pool (P5).
    Pool,
    /// The importing rep's, by first contact (P1).
    FirstContact,
    /// A rep's, assigned by the importing manager (P4).
    Rep(String),
}

/// What an import did, row by row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// Good rows given to the job.
    pub total: usize,
    /// Rows stored.
    pub imported: usize,
    /// Rows whose customer was stored before (imported earlier): not written again.
    pub already_present: usize,
    /// Rows not stored because a batch failed: this batch and every one after it.
    pub not_imported: usize,
    /// Why the job stopped early (`None`: every row was handled).
    pub failure: Option<StorageError>,
}

impl ImportOutcome {
    /// Whether every row was imported or found present.
    pub fn complete(&self) -> bool {
        self.failure.is_none() && self.not_imported == 0
    }
}

/// An import in progress, a batch at a time, so a page can show progress between
/// batches ([`import_rows`] runs it to the end).
#[derive(Debug)]
pub struct ImportJob {
    actor: Actor,
    rows: Vec<ImportRow>,
    owner: ImportOwner,
    next: usize,
    /// Imported customer ids stored on the device (read before the first batch).
    present: Option<HashSet<String>>,
    outcome: ImportOutcome,
}

impl ImportJob {
    /// The job for the good rows of `rows` (those the check marked [`RowStatus::Ok`]).
    /// Refuses an owner the actor may not give customers to: only a rep imports into
    /// their own customers (P1), only a manager into a rep's (P4).
    pub fn new(actor: &Actor, rows: Vec<ImportRow>, owner: ImportOwner) -> Result<Self, CommandError> {
        match &owner {
            ImportOwner::Pool => {}
            ImportOwner::FirstContact => actor.allow(Action::SaveCustomer, owns_by_first_contact(actor))?,
            ImportOwner::Rep(_) => actor.allow(Action::AssignCustomer, can_assign(actor))?,
        }
        let rows: Vec<ImportRow> = rows.into_iter().filter(|r| r.status == RowStatus::Ok).collect();
        let outcome = ImportOutcome { total: rows.len(), ..Default::default() };
        Ok(Self { actor: actor.clone(), rows, owner, next: 0, present: None, outcome })
    }

    /// Rows handled so far (imported, present or given up), of [`ImportOutcome::total`].
    pub fn done(&self) -> usize {
        self.next
    }

    pub fn outcome(&self) -> &ImportOutcome {
        &self.outcome
    }

    /// Whether the job has nothing more to do (finished, or stopped by a failure).
    pub fn finished(&self) -> bool {
        self.next >= self.rows.len() || self.outcome.failure.is_some()
    }

    /// Writes the next `batch` rows in one transaction; returns whether rows remain.
    /// A failure stops the job: the rows from this batch on are counted not imported.
    pub async fn step<S: RecordStore>(&mut self, s: &S, batch: usize) -> bool {
        if self.finished() {
            return false;
        }
        if let Err(e) = self.try_step(s, batch.max(1)).await {
            self.outcome.not_imported = self.rows.len() - self.next;
            self.outcome.failure = Some(e);
            self.next = self.rows.len();
        }
        !self.finished()
    }

    async fn try_step<S: RecordStore>(&mut self, s: &S, batch: usize) -> Result<(), StorageError> {
        if self.present.is_none() {
            let ids = s.keys(StoreName::Docs).await?;
            self.present = Some(ids.into_iter().filter(|id| id.starts_with(IMPORTED_ID_PREFIX)).collect());
        }
        let present = self.present.get_or_insert_with(HashSet::new);
        let end = self.next.saturating_add(batch).min(self.rows.len());
        let (mut new, mut seen) = (Vec::new(), 0);
        for row in &self.rows[self.next..end] {
            // Marked at once; a failed batch stops the job, so nothing relies on the mark.
            if present.insert(row.id.clone()) {
                new.push(row);
            } else {
                seen += 1;
            }
        }
        if !new.is_empty() {
            let (actor, owner) = (&self.actor, &self.owner);
            let stored = store(s, actor, |by| {
                let mut parts = Vec::new();
                for row in &new {
                    parts.extend(customer_change(&row.id, None, &row.customer, by));
                    if let Some(c) = &row.contact {
                        parts.extend(contact_change(&row.id, &row_contact_id(&row.id), None, c, by));
                    }
                    let fact = match owner {
                        ImportOwner::Pool => None,
                        ImportOwner::FirstContact => Some(FactKind::FirstContact { rep: actor.profile.clone() }),
                        ImportOwner::Rep(rep) => Some(FactKind::Assign {
                            rep: rep.clone(),
                            reason: AssignReason::Assigned,
                            note: String::new(),
                        }),
                    };
                    if let Some(f) = fact {
                        parts.push(fact_entry(&actor.id(), &row.id, &f, by)?);
                    }
                }
                Ok(join(parts))
            })
            .await;
            // The builder refuses nothing else (a row always has a name, so it is a change).
            if let Err(CommandError::Storage(e)) = stored {
                return Err(e);
            }
        }
        self.outcome.imported += new.len();
        self.outcome.already_present += seen;
        self.next = end;
        Ok(())
    }
}

/// Runs a whole import in batches of `batch` rows (tests, and any caller that needs no
/// progress bar).
pub async fn import_rows<S: RecordStore>(
    s: &S,
    actor: &Actor,
    rows: Vec<ImportRow>,
    owner: ImportOwner,
    batch: usize,
) -> Result<ImportOutcome, CommandError> {
    let mut job = ImportJob::new(actor, rows, owner)?;
    while job.step(s, batch).await {}
    Ok(job.outcome)
}
