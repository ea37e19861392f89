//! The sync simulation (issue 19): a team of N devices over three years of work on the
//! in-memory host, once without compaction and once with it, printing what a daily pull
//! costs and what a new device downloads to bootstrap. A command, not a test:
//! `bash scripts/sim.sh` (or `cargo run --release --offline --example sync_sim -- 20 200`).
//!
//! Assumptions (one rep per device, printed with the results):
//! - 250 working days a year; on each, a rep logs 3 visits (activity entries), every
//!   other day an order (an entry with three lines), edits one customer field, adds a
//!   customer a week (six fields) and checks in at an event once a month;
//! - `ROUNDS` sync rounds per working day push that day's edits (the app syncs every
//!   five minutes and after each change; a rep out of signal syncs a few times a day);
//! - records are unsigned so the run does not spend its time on Ed25519, but each
//!   carries 150 bytes standing for its seal (key id and signature);
//! - every device has read every other device's newest head before each of its rounds
//!   over the last month, as in a team whose devices all sync through the day: its head
//!   names the whole team (`known_devices`) in a team smaller than
//!   `COMPACT_KNOWN_AFTER`, and claims it read up to its pull (`in_step_ms`) in a larger
//!   one (smaller heads);
//! - the two lowest device ids are the designated devices of the team index
//!   (`sync::index`): over the last month they pull before each of their rounds and write
//!   the index after it; on the days the observer pulls, they also make a round on the
//!   app's five-minute cadence 5 minutes before it (the manager's tablet is on), so the
//!   observer finds a fresh index. The column "no fresh index" is a second observer
//!   pulling just before that round, when the index is older than it may be: it reads
//!   every head directly;
//! - the observer pulls once a day, after everyone's last round; the host lists
//!   `devices/` (one request);
//! - teams larger than `SAMPLE` devices (`SAMPLE_OFF` without compaction): that many
//!   are simulated in full and every per-device cost is scaled to the team (a pull's
//!   cost is a sum over devices, each independent of the others, but for the listing,
//!   the index `GET`s and the spot checks, counted once; the index's bytes grow with the
//!   devices it carries and are scaled), while heads name the whole team.

/// The benchmarks' generator of names and numbers (`src/bench` is built for the page only).
#[cfg(not(target_arch = "wasm32"))]
#[path = "../src/bench/gen.rs"]
#[allow(dead_code)]
mod gen;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}

/// Native only: the simulation runs the engine on the in-memory host.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::time::Instant;

    use outpost::record::hlc::{Clock, Hlc};
    use outpost::record::replica::{Document, Entry, Register, Replica};
    use outpost::sync::compact::{compact, due, Compaction};
    use outpost::sync::crypto::TeamKey;
    use outpost::sync::engine::{chunk_path, pull, push, PeerState, SyncState};
    use outpost::sync::host::{Listing, MemoryHost, Traffic};
    use outpost::sync::index::{index_heads_path, index_path, write_index};
    use pollster::block_on;
    use serde_json::json;

    use super::gen::{company, mobile, region, Rng};

    const DAY: i64 = 86_400_000;
    const HOUR: i64 = 3_600_000;
    const START: i64 = 1_780_000_000_000;
    const WORKDAYS: usize = 750;
    /// Sync rounds per working day that publish something (`--rounds`).
    const ROUNDS: usize = 3;
    /// Devices simulated in full; larger teams are scaled from these. Without compaction a
    /// head lists every chunk ever written, and rewriting it each round makes a device's cost
    /// grow with its history: fewer are simulated.
    const SAMPLE: usize = 40;
    const SAMPLE_OFF: usize = 10;
    const SEAL: &str = "k1:8c3f0d6a1b2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3";

    fn uuid(i: u64, salt: u64) -> String {
        format!(
            "{:08x}-{:04x}-4{:03x}-8000-{:012x}",
            i,
            salt & 0xffff,
            (i >> 8) & 0xfff,
            i.wrapping_mul(2_654_435_761) ^ salt
        )
    }

    struct Device {
        id: String,
        profile: String,
        state: SyncState,
        clock: Clock,
        outbox: Replica,
        rng: Rng,
        customers: Vec<String>,
        made: u64,
    }

    impl Device {
        fn new(i: usize) -> Self {
            let id = uuid(i as u64, 0xd5);
            Device {
                profile: uuid(i as u64, 0x9e),
                clock: Clock::new(&id),
                id,
                state: SyncState::default(),
                outbox: Replica::default(),
                rng: Rng::new(i as u64 + 1),
                customers: Vec::new(),
                made: 0,
            }
        }

        fn next_id(&mut self) -> String {
            self.made += 1;
            uuid(self.made, self.rng.next())
        }

        fn set(&mut self, doc: &str, field: &str, value: serde_json::Value, at: Hlc) {
            let d = self.outbox.docs.entry(doc.to_owned()).or_insert_with(|| Document::new(doc, "customer"));
            let value = json!({ "v": value, "seal": SEAL });
            d.fields.insert(field.to_owned(), Register { value, stamp: at, author: self.profile.clone(), seal: None });
        }

        fn entry(&mut self, kind: &str, subject: String, body: serde_json::Value, at: Hlc) {
            let id = self.next_id();
            let mut body = body;
            body["seal"] = json!(SEAL);
            let e = Entry {
                id: id.clone(),
                kind: kind.into(),
                subject,
                stamp: at,
                author: self.profile.clone(),
                body,
                seal: None,
            };
            self.outbox.entries.insert(id, e);
        }

        /// The edits of one part (`part` of `parts`) of a working day, stamped from `from_ms`.
        fn work(&mut self, day: usize, part: usize, parts: usize, from_ms: i64) {
            let mut t = from_ms;
            let mine = |k: usize| k % parts == part;
            let mut tick = |c: &mut Clock| {
                t += 20 * 60_000;
                c.tick(t)
            };
            if (day.is_multiple_of(5) && mine(0)) || self.customers.is_empty() {
                let id = self.next_id();
                let (name, _) = company(&mut self.rng);
                let phone = mobile(&mut self.rng);
                let region = region(&mut self.rng);
                for (f, v) in [
                    ("name", json!(name)),
                    ("phone", json!(phone)),
                    ("region", json!(region)),
                    ("status", json!("lead")),
                    ("owner", json!(self.profile.clone())),
                    ("address", json!("浙江省杭州市西湖区文三路 90 号 3 楼")),
                ] {
                    let at = tick(&mut self.clock);
                    self.set(&id, f, v, at);
                }
                self.customers.push(id);
            }
            for _ in (0..3).filter(|k| mine(*k)) {
                let c = self.customers[self.rng.below(self.customers.len() as u64) as usize].clone();
                let at = tick(&mut self.clock);
                let body = json!({ "type": "visit", "outcome": "follow_up", "note": "拜访客户，介绍新产品系列，客户对价格有疑问，约定下周再联系确认订单数量。", "minutes": 40 });
                self.entry("activity", c, body, at);
            }
            if day.is_multiple_of(2) && mine(1) {
                let c = self.customers[self.rng.below(self.customers.len() as u64) as usize].clone();
                let at = tick(&mut self.clock);
                let lines: Vec<_> = (0..3)
                    .map(|i| json!({ "sku": format!("SKU-{:05}", i * 7 + day), "qty": 12, "price": "38.50" }))
                    .collect();
                self.entry("order.placed", c, json!({ "lines": lines, "total": "1386.00", "currency": "CNY" }), at);
            }
            if !mine(2) {
                return;
            }
            let c = self.customers[self.rng.below(self.customers.len() as u64) as usize].clone();
            let at = tick(&mut self.clock);
            let field = ["status", "phone", "address"][day % 3];
            self.set(&c, field, json!(format!("updated on day {day}")), at);
            if day.is_multiple_of(21) {
                let at = tick(&mut self.clock);
                self.entry("event.checkin", format!("event-{}", day / 21), json!({ "chips": 5 }), at);
            }
        }
    }

    struct Team {
        host: MemoryHost,
        key: TeamKey,
        devices: Vec<Device>,
        policy: Compaction,
        nonce: u64,
        /// Every device of the team (simulated or not), as read by everyone: set over the
        /// last month.
        team_ids: Vec<String>,
        /// From then on, the designated devices pull and write the index.
        indexing: bool,
    }

    impl Team {
        fn new(n: usize, policy: Compaction) -> Self {
            let devices: Vec<Device> = (0..n).map(Device::new).collect();
            let host = MemoryHost::new();
            *host.listing.borrow_mut() = Listing::Fixed(devices.iter().map(|d| d.id.clone()).collect());
            Team {
                host,
                key: TeamKey::from_bytes([7; 32]),
                devices,
                policy,
                nonce: 0,
                team_ids: Vec::new(),
                indexing: false,
            }
        }

        /// Every device has read every other one's newest head (what its head says), in a
        /// team of `n`.
        fn everyone_read(&mut self, n: usize, ms: i64) {
            let ids: Vec<String> = (0..n).map(|i| uuid(i as u64, 0xd5)).collect();
            for d in &mut self.devices {
                for id in ids.iter().filter(|i| **i != d.id) {
                    d.state.peers.entry(id.clone()).or_insert_with(PeerState::default).content_ms = ms;
                }
            }
            self.team_ids = ids;
            self.indexing = true;
        }

        /// Device `dev` has just read everyone's newest head, as everyone has over the last
        /// month: what its head then claims.
        fn in_step(&self, dev: &mut Device, now: i64) {
            if self.team_ids.is_empty() {
                return;
            }
            dev.state.last_sync_ms = Some(now);
            for id in self.team_ids.iter().filter(|i| **i != dev.id) {
                let p = dev.state.peers.entry(id.clone()).or_default();
                p.current_ms = Some(now);
            }
        }

        /// Whether device `i` is designated (the two lowest ids) and indexing has begun.
        fn designated(&self, i: usize) -> bool {
            self.indexing && i < 2
        }

        /// One round of device `i` at `now`: fold when due, then push its outbox.
        fn round(&mut self, i: usize, now: i64) {
            let mut dev = std::mem::replace(&mut self.devices[i], Device::new(0));
            if due(&dev.state, self.policy) {
                let hlc = dev.clock.tick(now);
                let (host, key, policy) = (&self.host, self.key.clone(), self.policy);
                let mut n = self.nonce;
                let folded = block_on(compact(
                    host,
                    &key,
                    &dev.id,
                    &dev.state,
                    policy,
                    hlc,
                    || {
                        n += 1;
                        nonce_of(n)
                    },
                    now,
                ));
                self.nonce = n + 1;
                if let Ok(Some(s)) = folded {
                    // The host's lifecycle rule removes files no head lists (here at once).
                    let kept = s.own_files();
                    let mut files = self.host.files.borrow_mut();
                    for gone in dev.state.own_files().iter().filter(|n| !kept.contains(n)) {
                        files.remove(&chunk_path(&dev.id, gone));
                    }
                    drop(files);
                    dev.state = s;
                }
            }
            // A designated device reads the team before its push, to index it after.
            let (mut heads, mut fetched) = Default::default();
            if self.designated(i) {
                match block_on(pull(&self.host, &self.key, &dev.id, &dev.state, &[], now, now + HOUR)) {
                    Ok(r) => {
                        dev.state = r.state;
                        heads = r.heads;
                        fetched = r.fetched;
                    }
                    Err(e) => eprintln!("designated pull failed: {e}"),
                }
            }
            self.in_step(&mut dev, now);
            let hlc = dev.clock.tick(now);
            let outbox = std::mem::take(&mut dev.outbox);
            let mut n = self.nonce;
            let pushed = block_on(push(
                &self.host,
                &self.key,
                &dev.id,
                &dev.state,
                &outbox,
                &[],
                hlc,
                || {
                    n += 1;
                    nonce_of(n)
                },
                now,
            ));
            self.nonce = n + 1;
            match pushed {
                Ok(p) => dev.state = p.state,
                Err(e) => eprintln!("push failed: {e}"),
            }
            if self.designated(i) {
                let hlc = dev.clock.tick(now);
                self.nonce += 1;
                let written = block_on(write_index(
                    &self.host,
                    &self.key,
                    &dev.id,
                    &dev.state,
                    &heads,
                    &fetched,
                    hlc,
                    nonce_of(self.nonce),
                    now,
                ));
                if let Err(e) = written {
                    eprintln!("index not written: {e}");
                }
            }
            self.devices[i] = dev;
        }
    }

    fn nonce_of(n: u64) -> [u8; 12] {
        let mut b = [0u8; 12];
        b[..8].copy_from_slice(&n.to_le_bytes());
        b
    }

    /// A device that only reads: its state, and everything it merged.
    struct Reader {
        id: String,
        state: SyncState,
        records: Replica,
        /// Whether it keeps what it pulls (only the new device does: memory).
        keep: bool,
    }

    impl Reader {
        fn new(name: &str, keep: bool) -> Self {
            Reader {
                id: uuid(0xffff_ffff, name.len() as u64),
                state: SyncState::default(),
                records: Replica::default(),
                keep,
            }
        }

        /// One pull: what it cost.
        fn pull(&mut self, team: &Team, now: i64) -> Pulled {
            let before = team.host.traffic.get();
            *team.host.gets_log.borrow_mut() = Some(Vec::new());
            let t = Instant::now();
            let r = block_on(pull(&team.host, &team.key, &self.id, &self.state, &[], now, now + HOUR));
            let secs = t.elapsed().as_secs_f64();
            let after = team.host.traffic.get();
            let log = team.host.gets_log.borrow_mut().take().unwrap_or_default();
            // GETs of devices that heads name but that are not simulated.
            let simulated: std::collections::BTreeSet<&str> = team.devices.iter().map(|d| d.id.as_str()).collect();
            let unsimulated = log
                .iter()
                .filter_map(|(p, _)| p.strip_prefix("devices/")?.split('/').next())
                .filter(|d| !simulated.contains(d))
                .count();
            let mut out = Pulled { secs, unsimulated, ..Default::default() };
            // With an index, the heads read directly in this in-step team are the spot
            // checks: a fixed number, whatever the team's size.
            let heads_read: u64 = log.iter().filter(|(p, _)| p.ends_with("/head.json")).map(|(_, b)| *b).sum();
            match r {
                Ok(r) => {
                    // The team's devices that are not simulated are named stale; nothing else
                    // may be refused.
                    if let Some(x) = r.rejected.iter().find(|x| x.reason.code() != "stale") {
                        eprintln!("{} files refused, one: {} {}", r.rejected.len(), x.path, x.reason);
                    }
                    out.fixed = r.index_requests;
                    out.index = r.index_used.clone();
                    if out.index.is_some() {
                        out.fixed_bytes = heads_read;
                    }
                    self.state = r.state;
                    if self.keep {
                        self.records = std::mem::take(&mut self.records).merge(r.incoming);
                    }
                }
                Err(e) => eprintln!("pull failed: {e}"),
            }
            out.traffic = Traffic {
                gets: after.gets - before.gets,
                not_modified: after.not_modified - before.not_modified,
                presences: after.presences - before.presences,
                puts: after.puts - before.puts,
                lists: after.lists - before.lists,
                bytes_down: after.bytes_down - before.bytes_down,
                bytes_up: after.bytes_up - before.bytes_up,
            };
            out
        }
    }

    /// What one pull cost, before scaling.
    #[derive(Default)]
    struct Pulled {
        traffic: Traffic,
        secs: f64,
        /// Requests counted once whatever the team's size: index GETs and spot checks.
        fixed: usize,
        /// GETs of devices heads name that are not simulated (404s): not counted.
        unsimulated: usize,
        /// The designated device whose index the pull used.
        index: Option<String>,
        /// Bytes of those fixed requests that do not grow with the team (spot checks).
        fixed_bytes: u64,
    }

    /// One pull, scaled to the team.
    #[derive(Default)]
    struct Cost {
        requests: f64,
        bytes: f64,
        head_bytes: f64,
        secs: f64,
    }

    impl Cost {
        /// A pull over `sample` devices, for a team of `n`: the listing, the first
        /// announcement slot, the index GETs and spot checks are made once whatever the
        /// team's size (and the spot checks' bytes counted once). The devices heads name but that are not simulated cost the reader
        /// GETs (404, then once more because others say they published): not counted.
        fn scaled(p: &Pulled, head_bytes: usize, sample: usize, n: usize) -> Cost {
            let t = p.traffic;
            let k = n as f64 / sample as f64;
            let fixed = (t.lists + 1) as f64 + p.fixed as f64;
            Cost {
                requests: fixed + (t.requests() as f64 - p.unsimulated as f64 - fixed) * k,
                bytes: p.fixed_bytes as f64 + (t.bytes_down - p.fixed_bytes) as f64 * k,
                head_bytes: head_bytes as f64 * k,
                secs: p.secs * k,
            }
        }
    }

    struct Outcome {
        devices: usize,
        compaction: bool,
        daily: Cost,
        /// The daily pull when the index is not fresh: every head read directly.
        direct: Cost,
        bootstrap: Cost,
        state_bytes: f64,
        host_bytes: f64,
        /// Every byte PUT in three years: what a host that never deletes holds at most.
        written: f64,
        head_bytes: usize,
        run_secs: f64,
    }

    fn simulate(team_size: usize, policy: Compaction, rounds: usize) -> Outcome {
        let started = Instant::now();
        let n = team_size.min(if policy == Compaction::OFF { SAMPLE_OFF } else { SAMPLE });
        let mut team = Team::new(n, policy);
        let mut observer = Reader::new("observer", false);
        let mut direct_observer = Reader::new("direct observer", false);
        let mut day_ms = START;
        let mut daily = Cost::default();
        let mut direct = Cost::default();
        // Heads name every device read from the last month on; before, they only grow the run.
        let named_from = WORKDAYS - 20;
        for day in 0..WORKDAYS {
            if day == named_from {
                team.everyone_read(team_size, day_ms);
            }
            for r in 0..rounds {
                let from = day_ms + 9 * HOUR + (r as i64) * 8 * HOUR / rounds as i64;
                for i in 0..n {
                    team.devices[i].work(day, r, rounds, from);
                    team.round(i, from + 2 * HOUR + i as i64);
                }
            }
            // The observer pulls daily over the last weeks, and once a month before: a
            // catch-up pull costs no more than the daily ones it replaces.
            if day >= WORKDAYS - 5 || day % 20 == 0 {
                let at = day_ms + 20 * HOUR;
                let heads = head_bytes(&team);
                let p = direct_observer.pull(&team, at - 10 * 60_000);
                direct = Cost::scaled(&p, heads, n, team_size);
                // The designated devices' round on the five-minute cadence, then the pull.
                let designated: Vec<usize> = (0..n).filter(|i| team.designated(*i)).collect();
                for i in designated {
                    team.round(i, at - 5 * 60_000 + i as i64);
                }
                let p = observer.pull(&team, at);
                let carried = match &p.index {
                    Some(w) => {
                        let files = team.host.files.borrow();
                        [index_path(w), index_heads_path(w)].iter().filter_map(|p| files.get(p)).map(Vec::len).sum()
                    }
                    None => head_bytes(&team),
                };
                daily = Cost::scaled(&p, carried, n, team_size);
            }
            day_ms += if day % 5 == 4 { 3 * DAY } else { DAY };
        }
        let mut newcomer = Reader::new("newcomer", true);
        let heads = head_bytes(&team);
        let p = newcomer.pull(&team, day_ms);
        let bootstrap = Cost::scaled(&p, heads, n, team_size);
        let k = team_size as f64 / n as f64;
        let state_bytes = newcomer.records.to_canonical_json().len() as f64 * k;
        let host_bytes = team.host.files.borrow().values().map(Vec::len).sum::<usize>() as f64 * k;
        Outcome {
            devices: team_size,
            compaction: policy != Compaction::OFF,
            daily,
            direct,
            bootstrap,
            state_bytes,
            host_bytes,
            written: team.host.traffic.get().bytes_up as f64 * k,
            head_bytes: heads / n.max(1),
            run_secs: started.elapsed().as_secs_f64(),
        }
    }

    /// The bytes of every head on the host (all of them change each working day).
    fn head_bytes(team: &Team) -> usize {
        team.host.files.borrow().iter().filter(|(p, _)| p.ends_with("head.json")).map(|(_, b)| b.len()).sum()
    }

    fn kb(b: f64) -> String {
        let b = b as u64;
        if b >= 10 << 20 {
            format!("{:.0} MB", b as f64 / 1048576.0)
        } else if b >= 1 << 20 {
            format!("{:.1} MB", b as f64 / 1048576.0)
        } else {
            format!("{:.0} KB", b as f64 / 1024.0)
        }
    }

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
        let rounds: usize = flag("--rounds").and_then(|r| r.parse().ok()).unwrap_or(ROUNDS).max(1);
        let only = flag("--only");
        let sizes: Vec<usize> = args
            .iter()
            .enumerate()
            .filter(|(i, _)| *i == 0 || !args[i - 1].starts_with("--"))
            .filter_map(|(_, a)| a.parse().ok())
            .collect();
        let sizes = if sizes.is_empty() { vec![20, 200, 1000] } else { sizes };
        println!(
            "Outpost sync simulation: {WORKDAYS} working days (3 years), {rounds} rounds a working day, \
             ~5 records per rep per day, 150-byte seals; daily pull after everyone's last round."
        );
        println!();
        println!(
            "| devices | compaction | daily pull: requests | bytes (heads or index) | time | no fresh index: requests | bytes (heads) | bootstrap: requests | bytes | × state | state | a head | host lists | written | run |"
        );
        println!("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for n in sizes {
            for policy in [Compaction::OFF, Compaction::default()] {
                let on = policy != Compaction::OFF;
                if only.as_deref().is_some_and(|o| (o == "on") != on) {
                    continue;
                }
                let o = simulate(n, policy, rounds);
                let line = format!(
                    "| {} | {} | {:.0} | {} ({}) | {:.2} s | {:.0} | {} ({}) | {:.0} | {} | {:.1} | {} | {} | {} | {} | {:.0} s |",
                    o.devices,
                    if o.compaction { "on" } else { "off" },
                    o.daily.requests,
                    kb(o.daily.bytes),
                    kb(o.daily.head_bytes),
                    o.daily.secs,
                    o.direct.requests,
                    kb(o.direct.bytes),
                    kb(o.direct.head_bytes),
                    o.bootstrap.requests,
                    kb(o.bootstrap.bytes),
                    o.bootstrap.bytes / o.state_bytes.max(1.0),
                    kb(o.state_bytes),
                    kb(o.head_bytes as f64),
                    kb(o.host_bytes),
                    kb(o.written),
                    o.run_secs,
                );
                println!("{line}");
            }
        }
    }
}
