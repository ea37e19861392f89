//! The team index and smaller heads (issue 19): a pull of an in-step team reads one
//! index instead of every head, and an index that is stale, cut short, tampered, sealed
//! under another key, replayed or withholding is refused or bypassed while the pull
//! still gets everything; heads of a big team in step stop naming every device.
#![cfg(not(target_arch = "wasm32"))]

use outpost::record::hlc::{Clock, MAX_SKEW_MS};
use outpost::record::replica::{Document, Replica};
use outpost::sync::crypto::TeamKey;
use outpost::sync::engine::{chunk_path, head_path, pull, push, PullResult, Refusal, SyncState, COMPACT_KNOWN_AFTER};
use outpost::sync::host::MemoryHost;
use outpost::sync::index::{
    index_heads_path, index_path, index_writers, write_index, INDEX_FRESH_MS, INDEX_MIN_DEVICES, SPOT_CHECKS,
};
use outpost::sync::snapshot::{
    chunk_name, open_head, open_index, open_index_stamp, seal_index, sealed_data, DayFile, DayRef, TeamIndex,
};
use outpost::sync::status::team_status;
use pollster::block_on;
use serde_json::json;

const START: i64 = 1_780_000_000_000;
const MIN: i64 = 60_000;

fn key() -> TeamKey {
    TeamKey::from_bytes([5; 32])
}

struct Dev {
    id: String,
    clock: Clock,
    replica: Replica,
    outbox: Replica,
    state: SyncState,
    nonce: u64,
}

impl Dev {
    fn new(i: usize) -> Self {
        let id = format!("dev-{i:02}");
        Self {
            clock: Clock::new(&id),
            id,
            replica: Replica::default(),
            outbox: Replica::default(),
            state: SyncState::default(),
            nonce: 0,
        }
    }

    fn nonce(&mut self) -> [u8; 12] {
        self.nonce += 1;
        let mut b = [0u8; 12];
        b[..8].copy_from_slice(&self.nonce.to_le_bytes());
        b[8] = self.id.bytes().fold(0u8, |h, c| h.wrapping_mul(31).wrapping_add(c));
        b[9] = self.id.len() as u8;
        b
    }

    fn edit(&mut self, doc: &str, value: serde_json::Value, now: i64) {
        let stamp = self.clock.tick(now);
        let mut d = Document::new(doc, "customer");
        d.set("name", value, stamp, "someone");
        let change = Replica { docs: [(doc.to_owned(), d)].into(), entries: Default::default() };
        self.replica = std::mem::take(&mut self.replica).merge(change.clone());
        self.outbox = std::mem::take(&mut self.outbox).merge(change);
    }

    fn pull(&mut self, host: &MemoryHost, now: i64) -> PullResult {
        let r = block_on(pull(host, &key(), &self.id, &self.state, &[], now, now + MAX_SKEW_MS)).unwrap();
        for s in r.incoming.stamps() {
            self.clock.observe(s, now);
        }
        self.replica = std::mem::take(&mut self.replica).merge(r.incoming.clone());
        self.state = r.state.clone();
        r
    }

    fn push(&mut self, host: &MemoryHost, now: i64) {
        let hlc = self.clock.tick(now);
        let mut n = self.nonce;
        let r = block_on(push(
            host,
            &key(),
            &self.id,
            &self.state,
            &self.outbox,
            &[],
            hlc,
            || {
                n += 1;
                let mut b = [0u8; 12];
                b[..8].copy_from_slice(&n.to_le_bytes());
                b[8] = 0xee;
                b
            },
            now,
        ))
        .unwrap();
        self.nonce = n;
        self.state = r.state;
        self.outbox = Replica::default();
    }

    /// A round as the app runs it: pull, push, and the team index if designated.
    fn round(&mut self, host: &MemoryHost, now: i64) -> PullResult {
        let r = self.pull(host, now);
        self.push(host, now);
        let hlc = self.clock.tick(now);
        let nonce = self.nonce();
        block_on(write_index(host, &key(), &self.id, &self.state, &r.heads, &r.fetched, hlc, nonce, now)).unwrap();
        r
    }

    fn name(&self, doc: &str) -> Option<serde_json::Value> {
        self.replica.docs.get(doc).and_then(|d| d.get("name").cloned())
    }
}

/// A team of `n` that edited and synced until everyone read everyone: dev-00 and
/// dev-01 are designated.
fn team(n: usize, host: &MemoryHost, now: &mut i64) -> Vec<Dev> {
    let mut devs: Vec<Dev> = (0..n).map(Dev::new).collect();
    for (i, d) in devs.iter_mut().enumerate() {
        d.edit(&format!("c{i}"), json!(format!("first {i}")), *now);
    }
    for _ in 0..3 {
        for d in devs.iter_mut() {
            *now += 1000;
            d.round(host, *now);
        }
    }
    devs
}

/// A designated device's index as the host holds it.
fn read_ix(host: &MemoryHost, writer: &str) -> TeamIndex {
    let files = host.files.borrow();
    open_index(&key(), &files[&index_path(writer)], &files[&index_heads_path(writer)], writer).unwrap()
}

/// Puts an index on the host, sealed under `k`, as its writer would.
fn put_ix(host: &MemoryHost, ix: &TeamIndex, k: &TeamKey, nonce: u8) {
    let (stamp, heads) = seal_index(k, [nonce; 12], ix);
    host.files.borrow_mut().insert(index_heads_path(&ix.device), heads);
    host.files.borrow_mut().insert(index_path(&ix.device), stamp);
}

/// The paths a closure's pulls GET.
fn gets(host: &MemoryHost, f: impl FnOnce()) -> Vec<String> {
    *host.gets_log.borrow_mut() = Some(Vec::new());
    f();
    host.gets_log.borrow_mut().take().unwrap().into_iter().map(|(p, _)| p).collect()
}

/// Everyone but the reader and the writers edits, then the writers run a round: what
/// the reader must receive.
fn day_of_work(devs: &mut [Dev], host: &MemoryHost, now: &mut i64, tag: &str) {
    let n = devs.len();
    for d in devs[2..n - 1].iter_mut() {
        *now += 1000;
        let doc = format!("{}-{tag}", d.id);
        d.edit(&doc, json!(tag), *now);
        d.round(host, *now);
    }
    for d in devs[..2].iter_mut() {
        *now += 1000;
        d.round(host, *now);
    }
}

fn has_all(reader: &Dev, devs: &[Dev], tag: &str) -> bool {
    devs[2..devs.len() - 1].iter().all(|d| reader.name(&format!("{}-{tag}", d.id)) == Some(json!(tag)))
}

#[test]
fn the_lowest_recent_device_ids_are_designated_and_small_teams_have_no_index() {
    let host = MemoryHost::new();
    let mut now = START;
    let small = team(INDEX_MIN_DEVICES - 1, &host, &mut now);
    assert!(index_writers(&small[3].state, &small[3].id, now).is_empty());
    assert!(!host.paths().iter().any(|p| p.ends_with("index.json")), "no index below {INDEX_MIN_DEVICES} devices");
    let host = MemoryHost::new();
    let devs = team(10, &host, &mut now);
    assert_eq!(index_writers(&devs[7].state, &devs[7].id, now), ["dev-00", "dev-01"]);
    let indexes: Vec<String> = host.paths().into_iter().filter(|p| p.ends_with("index.json")).collect();
    assert_eq!(indexes, [index_path("dev-00"), index_path("dev-01")]);
    // A device that stopped writing heads is designated no more.
    let later = now + 3 * 86_400_000;
    let mut state = devs[7].state.clone();
    for (d, p) in state.peers.iter_mut() {
        if d != "dev-00" {
            p.head_written_ms = later;
        }
    }
    state.head_written_ms = Some(later);
    assert_eq!(index_writers(&state, &devs[7].id, later), ["dev-01", "dev-02"]);
}

#[test]
fn a_pull_of_an_in_step_team_reads_the_index_and_not_every_head() {
    let host = MemoryHost::new();
    let mut now = START;
    let mut devs = team(12, &host, &mut now);
    day_of_work(&mut devs, &host, &mut now, "monday");
    now += MIN;
    let reader = devs.last_mut().unwrap();
    let mut r = PullResult::default();
    let read = gets(&host, || r = reader.pull(&host, now));
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(r.index_used.as_deref(), Some("dev-00"));
    let heads = read.iter().filter(|p| p.ends_with("head.json")).count();
    assert!(heads <= SPOT_CHECKS, "{heads} heads read directly: {read:?}");
    assert_eq!(read.iter().filter(|p| p.ends_with("index.json") || p.ends_with("index-heads.json")).count(), 2);
    // The index, the spot checks, and one day file holding the nine new chunks: not one
    // request per head, nor one per chunk.
    let chunks = read.iter().filter(|p| p.contains("/chunks/")).count();
    assert_eq!(chunks, 0, "{read:?}");
    assert_eq!(r.day_files, 1, "{read:?}");
    assert!(read.iter().any(|p| p.starts_with("devices/dev-00/days/")), "{read:?}");
    assert!(read.len() <= 2 + SPOT_CHECKS + 1, "{read:?}");
    let (reader, rest) = devs.split_last().unwrap();
    assert!(has_all(reader, &devs, "monday") || rest.is_empty());
    // Nothing new: the index answers 304 and nothing else is fetched but spot checks.
    let reader = devs.last_mut().unwrap();
    let read = gets(&host, || r = reader.pull(&host, now + 1000));
    assert!(read.iter().all(|p| p.ends_with("index.json") || p.ends_with("head.json")), "{read:?}");
    assert!(read.len() <= 1 + SPOT_CHECKS, "{read:?}");
    assert_eq!(r.index_used.as_deref(), Some("dev-00"));
}

#[test]
fn an_index_older_than_the_bound_is_bypassed_and_every_head_is_read() {
    let host = MemoryHost::new();
    let mut now = START;
    let mut devs = team(10, &host, &mut now);
    day_of_work(&mut devs, &host, &mut now, "tuesday");
    // The designated devices went quiet: their indexes grow old.
    let late = now + INDEX_FRESH_MS + MIN;
    let reader = devs.last_mut().unwrap();
    let mut r = PullResult::default();
    let read = gets(&host, || r = reader.pull(&host, late));
    assert_eq!(r.index_used, None);
    assert!(r.rejected.is_empty(), "a stale index is not an error: {:?}", r.rejected);
    assert_eq!(read.iter().filter(|p| p.ends_with("head.json")).count(), 9, "{read:?}");
    assert!(has_all(devs.last().unwrap(), &devs, "tuesday"));
}

/// Replaces a file of both designated devices' indexes (`path(writer)`) with
/// `bad(bytes, writer)`; the reader still gets everything, and each file is refused by
/// name.
fn bad_indexes_are_refused(path: fn(&str) -> String, bad: impl Fn(Vec<u8>, &str) -> Vec<u8>, code: &str) {
    let host = MemoryHost::new();
    let mut now = START;
    let mut devs = team(10, &host, &mut now);
    day_of_work(&mut devs, &host, &mut now, "wednesday");
    for w in ["dev-00", "dev-01"] {
        let bytes = host.files.borrow()[&path(w)].clone();
        host.files.borrow_mut().insert(path(w), bad(bytes, w));
    }
    now += MIN;
    let reader = devs.last_mut().unwrap();
    let r = reader.pull(&host, now);
    assert_eq!(r.index_used, None);
    for w in ["dev-00", "dev-01"] {
        assert!(
            r.rejected.iter().any(|x| x.device == w && x.path == path(w) && x.reason.code() == code),
            "{w}: {:?}",
            r.rejected
        );
    }
    assert!(has_all(devs.last().unwrap(), &devs, "wednesday"));
}

#[test]
fn a_tampered_index_is_refused_and_the_pull_still_gets_everything() {
    let flip = |mut b: Vec<u8>, _: &str| {
        let i = b.len() / 2;
        b[i] = if b[i] == b'A' { b'B' } else { b'A' };
        b
    };
    bad_indexes_are_refused(index_heads_path, flip, "damaged");
    bad_indexes_are_refused(
        index_path,
        |mut b, _| {
            let i = b.len() - 20;
            b[i] = if b[i] == b'A' { b'B' } else { b'A' };
            b
        },
        "wrong_key",
    );
}

#[test]
fn a_truncated_index_is_refused_and_the_pull_still_gets_everything() {
    bad_indexes_are_refused(index_path, |b, _| b[..b.len() / 2].to_vec(), "damaged");
    bad_indexes_are_refused(index_heads_path, |b, _| b[..b.len() / 2].to_vec(), "damaged");
}

#[test]
fn an_index_sealed_under_another_key_is_refused_and_the_pull_still_gets_everything() {
    bad_indexes_are_refused(
        index_path,
        |b, w| {
            let s = open_index_stamp(&key(), &b, w).unwrap();
            let ix = TeamIndex { days: s.days, ..TeamIndex::new(w, s.hlc, s.written_ms, Default::default()) };
            // The stamp of another team names these heads: it does not open.
            let (stamp, _) = seal_index(&TeamKey::from_bytes([6; 32]), [1; 12], &ix);
            stamp
        },
        "wrong_key",
    );
}

#[test]
fn an_index_that_carries_a_head_under_another_devices_name_is_refused_for_that_head_only() {
    let host = MemoryHost::new();
    let mut now = START;
    let mut devs = team(10, &host, &mut now);
    day_of_work(&mut devs, &host, &mut now, "thursday");
    // dev-00's index says dev-05's head is dev-06's: the seal binds the device, so it
    // does not open as dev-05's.
    let mut ix = read_ix(&host, "dev-00");
    let moved = ix.heads["dev-06"].clone();
    ix.heads.insert("dev-05".into(), moved);
    put_ix(&host, &ix, &key(), 2);
    now += MIN;
    let reader = devs.last_mut().unwrap();
    let r = reader.pull(&host, now);
    assert!(r.rejected.iter().any(|x| x.path == index_heads_path("dev-00")), "{:?}", r.rejected);
    assert!(has_all(devs.last().unwrap(), &devs, "thursday"));
}

#[test]
fn a_replayed_older_index_is_refused_as_a_rollback() {
    let host = MemoryHost::new();
    let mut now = START;
    let mut devs = team(10, &host, &mut now);
    let path = index_path("dev-00");
    now += MIN;
    devs.last_mut().unwrap().pull(&host, now);
    let mut older = read_ix(&host, "dev-00");
    day_of_work(&mut devs, &host, &mut now, "friday");
    now += MIN;
    devs.last_mut().unwrap().pull(&host, now);
    // The host puts the older index back (written by its device with a fresh date but
    // an older clock).
    older.written_ms = now;
    put_ix(&host, &older, &key(), 3);
    devs[4].edit("late", json!("late"), now);
    devs[4].round(&host, now + 1);
    let r = devs.last_mut().unwrap().pull(&host, now + 2);
    assert!(r.rejected.iter().any(|x| x.path == path && x.reason == Refusal::Rollback), "{:?}", r.rejected);
    // The stand-in's index is used instead.
    assert_eq!(r.index_used.as_deref(), Some("dev-01"));
    assert!(has_all(devs.last().unwrap(), &devs, "friday"));
    // What was published after the stand-in's last round arrives with its next one.
    devs[1].round(&host, now + 3);
    devs.last_mut().unwrap().pull(&host, now + 4);
    assert_eq!(devs.last().unwrap().name("late"), Some(json!("late")));
}

#[test]
fn an_index_withholding_a_head_is_caught_by_spot_checks_and_nothing_stays_hidden() {
    let host = MemoryHost::new();
    let mut now = START;
    let mut devs = team(10, &host, &mut now);
    now += MIN;
    let old_head = host.files.borrow()[&head_path("dev-05")].clone();
    // dev-05 publishes; ten minutes later dev-00's index still carries its old head (a
    // tampered designated device, or one whose host served it an old copy).
    devs[5].edit("hidden", json!("hidden"), now);
    devs[5].round(&host, now);
    now += 10 * MIN;
    devs[0].round(&host, now);
    let path = index_path("dev-00");
    let mut ix = read_ix(&host, "dev-00");
    ix.heads.insert("dev-05".into(), sealed_data(&old_head).unwrap());
    let withholding = ix.clone();
    let reseal = |host: &MemoryHost, written_ms: i64| {
        let ix = TeamIndex { written_ms, ..withholding.clone() };
        put_ix(host, &ix, &key(), 4);
    };
    reseal(&host, now);
    // Readers read dev-05 directly in turn: within a few pulls the index is caught and
    // bypassed, and the change arrives.
    let reader = devs.last_mut().unwrap();
    let mut caught = false;
    for k in 0..10 {
        let t = now + (k as i64) * 1000;
        reseal(&host, t);
        let r = reader.pull(&host, t);
        caught |= r.rejected.iter().any(|x| x.reason == Refusal::Withheld("dev-05".into()) && x.path == path);
        if reader.name("hidden").is_some() {
            break;
        }
    }
    assert!(caught, "the withholding index is named");
    assert_eq!(reader.name("hidden"), Some(json!("hidden")));
}

#[test]
fn a_newer_head_read_directly_wins_over_the_index_and_an_older_one_in_it_is_read_directly() {
    let host = MemoryHost::new();
    let mut now = START;
    let mut devs = team(10, &host, &mut now);
    now += MIN;
    // dev-04 publishes after dev-00's last index: the reader reads it directly once the
    // index no longer covers it... and the index's older head never rolls it back.
    devs[4].edit("after", json!("after"), now);
    devs[4].round(&host, now);
    // The reader reads dev-04 directly (a spot check or a later index): force it.
    let reader = devs.last_mut().unwrap();
    reader.state.index_cursor =
        reader.state.index.as_ref().map_or(0, |i| i.covered.keys().position(|d| d == "dev-04").unwrap_or(0));
    let r = reader.pull(&host, now + 1000);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(reader.name("after"), Some(json!("after")));
    let hlc = reader.state.peers["dev-04"].head_hlc.clone();
    let r = reader.pull(&host, now + 2000);
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(reader.state.peers["dev-04"].head_hlc, hlc, "the index's older head did not replace it");
}

#[test]
fn an_index_is_not_a_head_and_old_readers_never_open_it() {
    let host = MemoryHost::new();
    let mut now = START;
    team(10, &host, &mut now);
    let ix = host.files.borrow()[&index_path("dev-00")].clone();
    assert!(open_head(&key(), &ix, "dev-00").is_err(), "an index does not open as a head");
    let head = host.files.borrow()[&head_path("dev-00")].clone();
    assert!(open_index_stamp(&key(), &head, "dev-00").is_err(), "a head does not open as an index");
}

#[test]
fn heads_of_a_big_team_in_step_name_only_the_devices_they_are_behind_on() {
    let host = MemoryHost::new();
    let mut now = START;
    let n = COMPACT_KNOWN_AFTER + 2;
    let mut devs = team(n, &host, &mut now);
    // Quiet rounds later than the clock skew: every head claims the whole team read.
    for _ in 0..2 {
        now += 2 * MAX_SKEW_MS;
        for d in devs.iter_mut() {
            d.round(&host, now);
        }
    }
    for d in &devs {
        let head = open_head(&key(), &host.files.borrow()[&head_path(&d.id)], &d.id).unwrap();
        assert!(head.known_devices.is_empty(), "{}: {:?}", d.id, head.known_devices);
        assert!(head.in_step_ms.is_some());
    }
    let s = team_status(&devs[3].id, &devs[3].state, &[], &[], 0);
    assert!(s.in_step(), "{s:?}");
    // One device's chunk is missing: a head no longer claims it read, and the team is
    // not in step; once the chunk is back, it is claimed again.
    devs[7].edit("lost", json!("x"), now);
    devs[7].push(&host, now);
    let content = devs[7].state.content_ms.unwrap();
    let lost = chunk_path("dev-07", devs[7].state.published.last().unwrap());
    let chunk = host.files.borrow_mut().remove(&lost).unwrap();
    now += 2 * MAX_SKEW_MS;
    devs[0].round(&host, now);
    let head = open_head(&key(), &host.files.borrow()[&head_path("dev-00")], "dev-00").unwrap();
    assert!(head.read_of("dev-07").unwrap() < content, "{head:?}");
    assert!(!team_status(&devs[0].id, &devs[0].state, &[], &[], 0).in_step());
    host.files.borrow_mut().insert(lost, chunk);
    now += 2 * MAX_SKEW_MS;
    devs[0].round(&host, now);
    assert_eq!(devs[0].name("lost"), Some(json!("x")));
    let head = open_head(&key(), &host.files.borrow()[&head_path("dev-00")], "dev-00").unwrap();
    assert!(head.read_of("dev-07").unwrap() >= content, "{head:?}");
    // A device that stays out of step: no head claims its newest changes read.
    devs[7].edit("lost2", json!("y"), now);
    devs[7].push(&host, now);
    let content = devs[7].state.content_ms.unwrap();
    let lost = chunk_path("dev-07", devs[7].state.published.last().unwrap());
    host.files.borrow_mut().remove(&lost).unwrap();
    for _ in 0..2 {
        now += INDEX_FRESH_MS;
        for d in devs.iter_mut().filter(|d| d.id != "dev-07") {
            d.round(&host, now);
        }
    }
    for d in devs.iter().filter(|d| d.id != "dev-07") {
        let head = open_head(&key(), &host.files.borrow()[&head_path(&d.id)], &d.id).unwrap();
        assert!(head.read_of("dev-07").unwrap() < content, "{head:?}");
    }
}

/// A team with a day of work published and indexed, and a reader that has not pulled it.
fn indexed_day(tag: &str) -> (MemoryHost, Vec<Dev>, i64) {
    let host = MemoryHost::new();
    let mut now = START;
    let mut devs = team(10, &host, &mut now);
    now += MIN;
    devs.last_mut().unwrap().pull(&host, now);
    day_of_work(&mut devs, &host, &mut now, tag);
    (host, devs, now + MIN)
}

fn day_files(host: &MemoryHost, writer: &str) -> Vec<String> {
    let prefix = format!("devices/{writer}/days/");
    host.paths().into_iter().filter(|p| p.starts_with(&prefix)).collect()
}

#[test]
fn a_day_file_cut_short_or_altered_on_the_host_is_refused_and_its_chunks_are_downloaded() {
    for damage in [(|b: &mut Vec<u8>| b.truncate(b.len() / 2)) as fn(&mut Vec<u8>), |b: &mut Vec<u8>| {
        let i = b.len() / 2;
        b[i] ^= 1;
    }] {
        let (host, mut devs, now) = indexed_day("saturday");
        for p in day_files(&host, "dev-00") {
            damage(host.files.borrow_mut().get_mut(&p).unwrap());
        }
        let reader = devs.last_mut().unwrap();
        let r = reader.pull(&host, now);
        assert_eq!(r.index_used.as_deref(), Some("dev-00"));
        assert!(r.rejected.iter().any(|x| x.path.contains("/days/")), "{:?}", r.rejected);
        assert_eq!(r.day_files, 0);
        assert!(has_all(devs.last().unwrap(), &devs, "saturday"));
    }
}

#[test]
fn a_day_file_from_a_tampered_designated_device_can_leave_out_but_never_change_a_chunk() {
    let (host, mut devs, now) = indexed_day("sunday");
    // What an honest pull ends with.
    let (honest_host, mut honest, _) = indexed_day("sunday");
    honest.last_mut().unwrap().pull(&honest_host, now);
    // dev-00 (it holds the team key) writes a day file that alters one chunk and leaves
    // another out, names it correctly in its sealed index, and the host serves both.
    let mut ix = read_ix(&host, "dev-00");
    let day = ix.days.last().unwrap().clone();
    let path = format!("devices/dev-00/days/{}.json", day.name);
    let mut file: DayFile = serde_json::from_slice(&host.files.borrow()[&path]).unwrap();
    let keys: Vec<String> = file.files.keys().cloned().collect();
    assert!(keys.len() >= 2);
    file.files.remove(&keys[0]);
    let altered = file.files.get_mut(&keys[1]).unwrap();
    *altered = altered.replace("\"data\":\"", "\"data\":\"AAAA");
    let bytes = serde_json::to_vec(&file).unwrap();
    let forged = DayRef { name: chunk_name(&bytes), size: bytes.len() as u64, ..day };
    host.files.borrow_mut().insert(format!("devices/dev-00/days/{}.json", forged.name), bytes);
    ix.days = vec![forged];
    put_ix(&host, &ix, &key(), 9);
    let reader = devs.last_mut().unwrap();
    let read = gets(&host, || {
        let r = reader.pull(&host, now);
        assert!(r.rejected.is_empty(), "{:?}", r.rejected);
        assert_eq!(r.day_files, 1);
    });
    // The two files it did not hold as written were downloaded from their folders.
    let (left_out, changed) = (keys[0].split_once('/').unwrap(), keys[1].split_once('/').unwrap());
    assert!(read.contains(&chunk_path(left_out.0, left_out.1)), "{read:?}");
    assert!(read.contains(&chunk_path(changed.0, changed.1)), "{read:?}");
    assert!(has_all(devs.last().unwrap(), &devs, "sunday"));
    assert_eq!(
        devs.last().unwrap().replica.to_canonical_json(),
        honest.last().unwrap().replica.to_canonical_json(),
        "byte-identical to an honest pull"
    );
}

/// A head as the app before smaller heads read it (its fields, nothing denied).
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct OldHead {
    format: String,
    version: u32,
    device: String,
    chunks: Vec<String>,
    hlc: outpost::record::hlc::Hlc,
    known_devices: std::collections::BTreeMap<String, i64>,
    written_ms: i64,
    #[serde(default)]
    content_ms: Option<i64>,
    #[serde(default)]
    checkpoints: Vec<outpost::sync::snapshot::CheckpointRef>,
}

#[test]
fn an_older_app_reads_a_smaller_head_as_a_head_that_names_fewer_devices() {
    let host = MemoryHost::new();
    let mut now = START;
    let mut devs = team(COMPACT_KNOWN_AFTER + 1, &host, &mut now);
    now += 2 * MAX_SKEW_MS;
    devs[2].round(&host, now);
    let head = open_head(&key(), &host.files.borrow()[&head_path("dev-02")], "dev-02").unwrap();
    assert!(head.in_step_ms.is_some());
    let old: OldHead = serde_json::from_value(serde_json::to_value(&head).unwrap()).unwrap();
    assert_eq!(old.chunks, head.chunks);
    assert!(old.known_devices.len() < COMPACT_KNOWN_AFTER);
    assert_eq!(head.version, 1, "a head without checkpoints is still version 1: older apps open it");
}
