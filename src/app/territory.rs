//! Seed 002 commands: the territory table (region → reps) kept by the manager, marketing's
//! leads assigned by it in one tap (still the manager's P7 distribution, folded on every
//! device), and reviewed files sent to marketing the next working day.

use super::pool::{distribute_leads, receives_customers};
use super::{store, Action, Actor, CommandError, RuleError};
use crate::domain::authority::CUSTOMER_REVIEWED;
use crate::domain::customer_list::{derive, CustomerView};
use crate::domain::distribution::RepLoad;
use crate::domain::profile::Role;
use crate::domain::territory::{check_table, pending_leads, propose, TerritoryProposal, TerritoryTable};
use crate::record::replica::Replica;
use crate::storage::capacities::{load_capacities, Capacities};
use crate::storage::customers::load_customers;
use crate::storage::forwarding::{forwarded_entry, load_forwarded};
use crate::storage::people::{load_people, Person};
use crate::storage::team_rules::load_rules;
use crate::storage::territories::{load_territories, territories_change};
use crate::storage::RecordStore;

/// Seed 002: the territory table is a team setting, the manager's.
pub fn can_edit_territories(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// Seed 002 第三条（一）: the reviewed file is sent to marketing by the one the company
/// names; here the manager, who reviewed it (C6).
pub fn can_forward(actor: &Actor) -> bool {
    actor.is(&[Role::Manager])
}

/// The reps a lead may go to now: the team's reps not leaving (H1).
pub fn lead_reps(people: &[Person]) -> Vec<String> {
    people.iter().filter(|p| receives_customers(p) && !p.departing).map(|p| p.id.clone()).collect()
}

/// P7 loads: customers each of `reps` holds now, against their capacity.
pub fn rep_loads(customers: &[CustomerView], reps: &[String], caps: &Capacities) -> Vec<RepLoad> {
    reps.iter()
        .map(|r| RepLoad {
            rep: r.clone(),
            holding: customers.iter().filter(|c| c.own.owner.as_deref() == Some(r.as_str())).count(),
            capacity: caps.of(r),
        })
        .collect()
}

/// Seed 002: the manager saves the table, checked against the team's reps (a region
/// on each row, no region twice, only reps of the team).
pub async fn save_territories<S: RecordStore>(
    s: &S,
    actor: &Actor,
    table: &TerritoryTable,
) -> Result<Replica, CommandError> {
    actor.allow(Action::SaveTerritories, can_edit_territories(actor))?;
    let reps: Vec<String> = load_people(s).await?.into_iter().filter(receives_customers).map(|p| p.id).collect();
    check_table(table, &reps).map_err(CommandError::rule)?;
    let new = TerritoryTable::new(table.rows.clone());
    let old = load_territories(s).await?;
    store(s, actor, |by| territories_change(&old, &new, by).ok_or(RuleError::Unchanged.into())).await
}

/// The proposal for marketing's pending leads as this device knows them now (computed,
/// never stored): what [`assign_by_territory`] would apply.
pub async fn territory_proposal<S: RecordStore>(s: &S, actor: &Actor) -> Result<TerritoryProposal, CommandError> {
    let (pool, tiers) = load_rules(s).await?;
    let customers: Vec<CustomerView> =
        load_customers(s).await?.into_iter().map(|r| derive(r, actor.now_ms, &pool, &tiers)).collect();
    let reps = lead_reps(&load_people(s).await?);
    let loads = rep_loads(&customers, &reps, &load_capacities(s).await?);
    Ok(propose(&pending_leads(&customers), &load_territories(s).await?, &loads))
}

/// Seed 002 with P7: the manager confirms, in one tap, the territory proposal for every
/// pending lead: one P7 distribution (`pool.assign`, the manager's on every device).
/// Leads with no region in the table are left for the manager to assign by hand.
pub async fn assign_by_territory<S: RecordStore>(
    s: &S,
    actor: &Actor,
) -> Result<(Replica, TerritoryProposal), CommandError> {
    actor.allow(Action::DistributeLeads, super::pool::can_distribute(actor))?;
    let proposal = territory_proposal(s, actor).await?;
    if proposal.assignments.is_empty() {
        return Err(RuleError::Unchanged.into());
    }
    let change = distribute_leads(s, actor, &proposal.assignments).await?;
    Ok((change, proposal))
}

/// Seed 002: the manager records that a reviewed file went to marketing (who, when).
pub async fn forward_to_marketing<S: RecordStore>(
    s: &S,
    actor: &Actor,
    customer: &str,
) -> Result<Replica, CommandError> {
    actor.allow(Action::ForwardToMarketing, can_forward(actor))?;
    super::pool::ownership_of(s, actor, customer).await?;
    // C6 first: only a file the manager has reviewed goes to marketing.
    let judge = crate::storage::roster::Judge::load(s).await?;
    let reviewed = judge.entries(s.entries_of_kind(CUSTOMER_REVIEWED).await?);
    if !reviewed.iter().any(|e| e.subject == customer) {
        return Err(RuleError::NotReviewed.into());
    }
    if load_forwarded(s).await?.contains_key(customer) {
        return Err(RuleError::Unchanged.into());
    }
    store(s, actor, |by| Ok(forwarded_entry(&actor.id(), customer, by))).await
}
