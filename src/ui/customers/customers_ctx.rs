//! The customers context: every customer on the device with its derived ownership (P1–P9)
//! and tier (C3), the team directory, and the search index — loaded once and reloaded
//! whenever records change (a local edit or a pull), so every page reads the same view.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::Update as _;
use leptos::prelude::*;

use crate::domain::customer_list::{derive, CustomerView, Filter, Sort};
use crate::domain::pool::PoolSettings;
use crate::domain::search::{SearchIndex, SearchItem};
use crate::domain::tier::TierSettings;
use crate::ui::state::platform::{after_paint, build_id, now_ms};
use crate::ui::state::session::Db;
use crate::ui::state::sync_ctx::SyncCtx;
use std::collections::BTreeSet;

use crate::domain::profile::Profile;
use crate::record::replica::{Document, Entry, Replica};
use crate::storage::customers::{assemble, CONTACT, CONTACT_CUSTOMER, CUSTOMER};
use crate::storage::customers::{join, Author};
use crate::storage::list_model::{load_customers_cached, load_customers_head, Read};
use crate::storage::people::PERSON;
use crate::storage::people::{load_people, person_change, person_key_change, Person};
use crate::storage::team_lists::TEAM_LISTS_KIND;
use crate::storage::team_lists::{load_team_lists, TeamLists};
use crate::storage::{get_typed, StoreName};
use crate::ui::state::edit::record_change;
use crate::ui::state::load::{load_into, Loading};
use crate::ui::state::session::{use_session, Session};

/// Everything loaded at once; replaced whole on reload.
#[derive(Debug, Clone, Default)]
pub struct CustomerData {
    pub customers: Vec<CustomerView>,
    pub people: Vec<Person>,
    pub by_id: HashMap<String, usize>,
    /// When the derived values were computed.
    pub now_ms: i64,
}

/// Rows drawn from the head of the list's snapshot before the whole list is derived and
/// indexed on a cold start: more than a desktop screen holds.
const FIRST_ROWS: usize = crate::storage::list_model::HEAD_ROWS;

/// How many ranked hits lead a search result; the rest follow in name order.
const RANKED: usize = 50;

/// Positions in `data.customers` matching `q`: the best-ranked hits first, then every
/// other match in list (name) order. Ranking every hit of a one-letter query would cost
/// a sort of tens of thousands; the eye only reads the top.
///
/// The index is built from `data.customers` in list order (see [`CustomersCtx::reload`]),
/// so an index position is a list position: no id lookups, no sort. Should the two ever
/// be out of step (different lengths, or a top hit whose id is not the customer at its
/// position), positions are mapped through the ids instead.
pub fn search_positions(data: &CustomerData, index: &SearchIndex, q: &str) -> Vec<usize> {
    let found = index.search_all(q, RANKED);
    let aligned = index.len() == data.by_id.len()
        && found
            .top
            .iter()
            .all(|&p| data.customers.get(p as usize).is_none_or(|c| index.id(p) == Some(c.rec.id.as_str())));
    let to_list = |p: u32| {
        if aligned {
            Some(p as usize)
        } else {
            index.id(p).and_then(|id| data.by_id.get(id).copied())
        }
    };
    let mut top: Vec<u32> = found.top.clone();
    top.sort_unstable();
    let mut out: Vec<usize> = Vec::with_capacity(found.all.len());
    out.extend(found.top.iter().filter_map(|&p| to_list(p)));
    let ranked = out.len();
    // `all` and `top` (sorted) are both ascending: one walk leaves the top hits out.
    let mut skip = top.iter().peekable();
    for &p in &found.all {
        if skip.next_if_eq(&&p).is_none() {
            out.extend(to_list(p));
        }
    }
    if !aligned {
        out[ranked..].sort_unstable();
    }
    out
}

impl CustomerData {
    pub fn get(&self, id: &str) -> Option<&CustomerView> {
        self.by_id.get(id).and_then(|&i| self.customers.get(i))
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// A person's name, or a short form of the id for someone this device has not heard of.
    pub fn name_of(&self, id: &str) -> String {
        self.person(id).map(|p| p.name.clone()).unwrap_or_else(|| id.chars().take(8).collect())
    }

    /// How many customers each person holds.
    pub fn holdings(&self) -> HashMap<String, usize> {
        let mut m = HashMap::new();
        for c in &self.customers {
            if let Some(o) = &c.own.owner {
                *m.entry(o.clone()).or_default() += 1;
            }
        }
        m
    }
}

#[derive(Clone, Copy)]
pub struct CustomersCtx {
    pub data: RwSignal<Arc<CustomerData>>,
    pub index: RwSignal<Arc<SearchIndex>>,
    pub loaded: RwSignal<bool>,
    pub error: RwSignal<Option<String>>,
    pub pool: RwSignal<PoolSettings>,
    pub tiers: RwSignal<TierSettings>,
    /// The list's search box, filters and sort; kept here so they survive opening a
    /// customer and coming back.
    pub query: RwSignal<String>,
    pub filter: RwSignal<Filter>,
    pub sort: RwSignal<Sort>,
    /// Source channels (C2) and segments (C5) as the team keeps them.
    pub lists: RwSignal<TeamLists>,
    /// Where the last full read found the customers: the list's snapshot, still current,
    /// or every record (issue 17). Shown to tests, not to people.
    pub read: RwSignal<Option<Read>>,
}

fn search_item(c: &CustomerView) -> SearchItem {
    SearchItem {
        id: c.rec.id.clone(),
        name: c.rec.file.name.clone(),
        contacts: c.rec.contacts.iter().map(|x| x.contact.name.clone()).collect(),
        phones: c.rec.contacts.iter().map(|x| x.contact.phone.clone()).filter(|p| !p.is_empty()).collect(),
    }
}

/// The list as every page reads it: each record's derived owner and tier, in name order,
/// with its id map and the search index built in the same order (so an index position is
/// a list position). Pure; `bench::list` times it at 50k.
pub fn build_list(
    recs: Vec<crate::domain::customer_list::CustomerRecord>,
    people: Vec<Person>,
    now: i64,
    pool: &PoolSettings,
    tiers: &TierSettings,
) -> (CustomerData, SearchIndex) {
    let mut customers: Vec<CustomerView> = recs.into_iter().map(|r| derive(r, now, pool, tiers)).collect();
    customers.sort_by(|a, b| a.rec.file.name.cmp(&b.rec.file.name).then_with(|| a.rec.id.cmp(&b.rec.id)));
    let by_id = customers.iter().enumerate().map(|(i, c)| (c.rec.id.clone(), i)).collect();
    let index = SearchIndex::build(customers.iter().map(search_item));
    (CustomerData { customers, people, by_id, now_ms: now }, index)
}

/// Publishes this device's profiles to the team directory when the directory lacks
/// them, has an older name or role (a profile added or renamed here), or lacks the
/// public key the profile seals with (issue 15). Each person's part is sealed with
/// their own key.
async fn publish_people(db: &Db, sync: SyncCtx, session: Session, profiles: &[Profile], people: &[Person]) {
    for p in profiles {
        let known = people.iter().find(|k| k.id == p.id);
        let key = session.key_of(&p.id);
        let key_id = key.as_ref().map(|k| k.id().0);
        let stale = known.is_none_or(|k| k.name != p.name || k.role != p.role);
        let unannounced = key_id.is_some() && known.and_then(|k| k.key.clone()) != key_id;
        if !stale && !unannounced {
            continue;
        }
        let _ = record_change(db, sync, key, |clock| {
            let mut by = Author { profile: &p.id, clock: &mut *clock, now_ms: now_ms() };
            let mut parts: Vec<Replica> = person_change(p, known, &mut by).into_iter().collect();
            if let Some(k) = key_id.as_deref().filter(|_| unannounced) {
                parts.push(person_key_change(&p.id, k, &mut by));
            }
            join(parts)
        })
        .await;
    }
}

/// Rebuilds just the customers a local change touched, when that is enough: edits and
/// facts about customers already listed. Anything else (a new customer, a renamed one —
/// its place in the name order moves —, people, team lists) returns `false` and the
/// caller reads everything. With 50,000 customers a full read takes seconds; a claim or
/// an edit should show at once.
async fn patch(
    db: &Db,
    ctx: CustomersCtx,
    change: &Replica,
) -> Result<Option<Vec<CustomerView>>, crate::storage::StorageError> {
    let mut affected: BTreeSet<String> = BTreeSet::new();
    let mut contact_docs: Vec<&str> = Vec::new();
    let known = |id: &str| ctx.data.with_untracked(|d| d.by_id.contains_key(id));
    for d in change.docs.values() {
        match d.kind.as_str() {
            CUSTOMER if known(&d.id) && !d.fields.contains_key("name") && !d.is_deleted() => {
                affected.insert(d.id.clone());
            }
            CONTACT => {
                let owner = d.get(CONTACT_CUSTOMER).and_then(|v| v.as_str()).map(str::to_owned).or_else(|| {
                    ctx.data.with_untracked(|data| {
                        data.customers
                            .iter()
                            .find(|c| c.rec.contacts.iter().any(|x| x.id == d.id))
                            .map(|c| c.rec.id.clone())
                    })
                });
                match owner {
                    Some(o) if known(&o) => {
                        affected.insert(o);
                        contact_docs.push(&d.id);
                    }
                    _ => return Ok(None),
                }
            }
            // Photos and other kinds do not change the list; people and every team
            // setting (lists, calendar, rules) do.
            k if k != CUSTOMER && k != PERSON && k != TEAM_LISTS_KIND && !k.starts_with("team_") => {}
            _ => return Ok(None),
        }
    }
    // A roster grant or revocation can change which facts count for any customer.
    if change.entries.values().any(|e| e.kind == crate::domain::roster::GRANT) {
        return Ok(None);
    }
    for e in change.entries.values() {
        if known(&e.subject) {
            affected.insert(e.subject.clone());
        } else if crate::domain::pool::FactKind::is_tag(&e.kind) {
            return Ok(None);
        }
    }
    let now = now_ms();
    let (pool, tiers) = (ctx.pool.get_untracked(), ctx.tiers.get_untracked());
    // Only the facts the roster lets count, as on a full read.
    let judge = crate::storage::roster::Judge::load(db.store()).await?;
    let counted = judge.entries(change.entries.values().cloned().collect());
    let mut views = Vec::new();
    for id in &affected {
        let Some(doc) = get_typed::<_, Document>(db.store(), StoreName::Docs, id).await? else {
            return Ok(None);
        };
        let (old_contacts, old_facts) = ctx
            .data
            .with_untracked(|d| d.get(id).map(|c| (c.rec.contacts.clone(), c.rec.facts.clone())))
            .unwrap_or_default();
        // Every contact the customer had or the change names, as stored now.
        let mut ids: BTreeSet<String> = old_contacts.iter().map(|c| c.id.clone()).collect();
        ids.extend(contact_docs.iter().map(|s| (*s).to_owned()));
        let mut docs = vec![doc];
        for cid in ids {
            if let Some(cd) = get_typed::<_, Document>(db.store(), StoreName::Docs, &cid).await? {
                docs.push(cd);
            }
        }
        let entries: Vec<Entry> = counted.iter().filter(|e| &e.subject == id).cloned().collect();
        let Some(mut rec) = assemble(judge.docs(docs), entries).into_iter().next() else {
            return Ok(None);
        };
        let new_ids: BTreeSet<String> = rec.facts.iter().map(|f| f.id.clone()).collect();
        let mut facts: Vec<_> = old_facts.into_iter().filter(|f| !new_ids.contains(&f.id)).collect();
        facts.append(&mut rec.facts);
        rec.facts = facts;
        views.push(derive(rec, now, &pool, &tiers));
    }
    Ok(Some(views))
}

/// What one read found: a few customers rebuilt after a small change, or everything.
enum Update {
    Patch(Vec<CustomerView>),
    Full(Box<Full>),
}

struct Full {
    read: Read,
    data: CustomerData,
    index: SearchIndex,
    lists: TeamLists,
    pool: PoolSettings,
    tiers: TierSettings,
}

/// Reads every customer (from the list's snapshot when no record changed since it was
/// taken), the people, the team lists and rules, and builds the list; publishes this
/// device's profiles to the directory on the way. Owner, tier and countdowns are derived
/// here on every read, never taken from the snapshot.
async fn read_all(
    db: &Db,
    ctx: CustomersCtx,
    sync: SyncCtx,
    session: Session,
    profiles: &[Profile],
) -> Result<Full, crate::storage::StorageError> {
    let people = load_people(db.store()).await?;
    let lists = load_team_lists(db.store()).await?;
    let cal = crate::storage::settings::load_calendar(db.store()).await?;
    let (mut pool, tiers) = crate::storage::team_rules::load_rules(db.store()).await?;
    pool.utc_offset_minutes = cal.utc_offset_minutes;
    // The snapshot's head first (a few KB), when it is current: the first screen of
    // rows before the whole snapshot is read.
    let mut shown = false;
    if cold_list(ctx) {
        if let Some(head) = load_customers_head(db.store(), &build_id()).await? {
            shown = show_first_rows(ctx, &head, &people, &pool, &tiers).await;
        }
    }
    let (recs, read) = load_customers_cached(db.store(), &build_id()).await?;
    if read != Read::Records && !shown && recs.len() > FIRST_ROWS {
        show_first_rows(ctx, &recs, &people, &pool, &tiers).await;
    }
    publish_people(db, sync, session, profiles, &people).await;
    let (data, index) = build_list(recs, people, now_ms(), &pool, &tiers);
    Ok(Full { read, data, index, lists, pool, tiers })
}

/// A cold start with the list page open: nothing listed yet, the list in its default
/// order (no other page is drawn from a part of the customers).
fn cold_list(ctx: CustomersCtx) -> bool {
    !ctx.loaded.get_untracked()
        && ctx.data.with_untracked(|d| d.customers.is_empty())
        && ctx.query.with_untracked(|q| q.trim().is_empty())
        && ctx.sort.get_untracked() == Sort::Name
        && crate::ui::state::route::on_customer_list()
}

/// On a cold start with the list page open ([`cold_list`]), draws the first rows from
/// records in list order (the snapshot's head, or the head of the snapshot) and lets the
/// browser paint them before the whole list is read, derived, sorted and indexed. They
/// are the list's own first rows, derived the same way; the "loading" note stays until
/// the whole list replaces them. Whether they were drawn.
async fn show_first_rows(
    ctx: CustomersCtx,
    recs: &[crate::domain::customer_list::CustomerRecord],
    people: &[Person],
    pool: &PoolSettings,
    tiers: &TierSettings,
) -> bool {
    if !cold_list(ctx) {
        return false;
    }
    let head = recs.iter().take(FIRST_ROWS).cloned().collect();
    let (data, index) = build_list(head, people.to_vec(), now_ms(), pool, tiers);
    ctx.index.try_set(Arc::new(index));
    ctx.data.try_set(Arc::new(data));
    after_paint().await;
    true
}

/// Applies a read: patched customers replace theirs in place; a full read replaces all.
fn apply(ctx: CustomersCtx, update: Update) {
    match update {
        Update::Patch(views) => {
            ctx.index.try_update(|ix| {
                let ix = Arc::make_mut(ix);
                for v in &views {
                    ix.upsert(search_item(v));
                }
            });
            ctx.data.try_update(|data| {
                let data = Arc::make_mut(data);
                for v in views {
                    if let Some(&i) = data.by_id.get(&v.rec.id) {
                        data.customers[i] = v;
                    }
                }
            });
        }
        Update::Full(f) => {
            let Full { read, data, index, lists, pool, tiers } = *f;
            ctx.read.try_set(Some(read));
            if ctx.pool.try_get_untracked().is_some_and(|p| p != pool) {
                ctx.pool.try_set(pool);
            }
            if ctx.tiers.try_get_untracked().is_some_and(|t| t != tiers) {
                ctx.tiers.try_set(tiers);
            }
            if ctx.lists.try_get_untracked().is_some_and(|l| l != lists) {
                ctx.lists.try_set(lists);
            }
            ctx.index.try_set(Arc::new(index));
            ctx.data.try_set(Arc::new(data));
        }
    }
}

/// Provides the customers context and keeps it read through the one loader ([`load_into`]):
/// reads run one at a time, so a change during a full read of 100k records queues one
/// more read (with the newest profiles) instead of a second read racing the first, and a
/// patch never lands on data a running full read is about to replace.
pub fn provide_customers(db: Db, sync: SyncCtx) -> CustomersCtx {
    let loading = Loading::new();
    let loaded = loading.loaded;
    let ctx = CustomersCtx {
        data: RwSignal::new(Arc::new(CustomerData::default())),
        index: RwSignal::new(Arc::new(SearchIndex::build(std::iter::empty()))),
        loaded,
        error: loading.error,
        pool: RwSignal::new(PoolSettings::default()),
        tiers: RwSignal::new(TierSettings::default()),
        query: RwSignal::new(String::new()),
        filter: RwSignal::new(Filter::default()),
        sort: RwSignal::new(Sort::default()),
        lists: RwSignal::new(TeamLists::default()),
        read: RwSignal::new(None),
    };
    let session = use_session();
    load_into(
        loading,
        move || {
            sync.data_version.track();
            Some(session.profiles.get())
        },
        move |profiles: Vec<Profile>| {
            let db = db.clone();
            async move {
                // Only local edits or a small pull since the last read, onto a full
                // list: rebuild just the customers they name, when that is enough.
                if let Some(change) = sync.take_changes().filter(|_| loaded.get_untracked()) {
                    if let Ok(Some(views)) = patch(&db, ctx, &change).await {
                        return Ok(Update::Patch(views));
                    }
                }
                read_all(&db, ctx, sync, session, &profiles).await.map(|f| Update::Full(Box::new(f)))
            }
        },
        move |u| apply(ctx, u),
    );
    provide_context(ctx);
    ctx
}

impl CustomersCtx {
    /// The people a customer can be given to (`app::pool::receives_customers`), as
    /// `(id, name)` for a picker; tracked.
    pub fn rep_choices(&self) -> Vec<(String, String)> {
        self.data.with(|d| {
            d.people
                .iter()
                .filter(|p| crate::app::pool::receives_customers(p))
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect()
        })
    }
}

pub fn use_customers() -> CustomersCtx {
    expect_context::<CustomersCtx>()
}
