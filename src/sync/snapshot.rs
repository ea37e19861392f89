//! What a device writes to the host, and the restore step that reads it back.
//!
//! Each file on the host is a [`SealedFile`]: a small plaintext header (`format`,
//! `version`, `device`, `kind`) and the sealed body. The header is bound to the
//! ciphertext as associated data, so it cannot be moved onto another file. Inside is a
//! versioned JSON document: a [`Chunk`] (some of the device's changes), a [`Checkpoint`]
//! (chunks folded into one, `super::compact`) or its [`Head`] (the list of its
//! checkpoints and chunks, its clock, the devices it knows).
//!
//! Everything read from a host is untrusted. [`open_head`] and [`open_chunk`] check the
//! header, decrypt, refuse a newer format they do not understand (touching nothing),
//! migrate an older one, and clean what they return: a chunk may only carry changes
//! stamped by the device that wrote it.
//!
//! Chunk names are the SHA-256 of the sealed bytes, so a reader can check a chunk
//! before decrypting it and the same chunk is never stored twice.

use std::collections::BTreeMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use thiserror::Error;

use super::crypto::{open, seal, CryptoError, TeamKey, NONCE_LEN};
use crate::record::hlc::Hlc;
use crate::record::replica::Replica;

pub const SEALED_FORMAT: &str = "outpost.sealed";
pub const SEALED_VERSION: u32 = 1;
pub const HEAD_FORMAT: &str = "outpost.head";
/// The newest head version this app reads. Version 2 adds [`Head::checkpoints`]; a head
/// without checkpoints is still written as version 1, so older apps keep reading it, and
/// an older app refuses (`TooNew`) a head it would misread by ignoring its checkpoints.
pub const HEAD_VERSION: u32 = 2;
/// The version of a head that lists no checkpoint.
pub const HEAD_VERSION_PLAIN: u32 = 1;
pub const CHUNK_FORMAT: &str = "outpost.chunk";
pub const CHUNK_VERSION: u32 = 1;
pub const CHECKPOINT_FORMAT: &str = "outpost.checkpoint";
pub const CHECKPOINT_VERSION: u32 = 1;
pub const BUNDLE_FORMAT: &str = "outpost.bundle";
pub const BUNDLE_VERSION: u32 = 1;
pub const MEMBER_FORMAT: &str = "outpost.member";
pub const MEMBER_VERSION: u32 = 1;
pub const INDEX_FORMAT: &str = "outpost.index";
pub const INDEX_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Head,
    Chunk,
    /// One device's published changes folded into one file (issue 19: compaction).
    Checkpoint,
    /// Everything one device knows, for carrying by hand where there is no network.
    Bundle,
    /// A device's announcement in a numbered slot, for hosts that cannot list folders.
    Member,
    /// The team index a designated device writes (`super::index`, issue 19). Its own
    /// kind, bound into the seal: it never opens as a head, nor a head as an index.
    Index,
}

/// The file as the host stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedFile {
    pub format: String,
    pub version: u32,
    pub device: String,
    pub kind: FileKind,
    /// base64url of `nonce ‖ ciphertext ‖ tag`.
    pub data: String,
}

/// A device's index of what it has published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub format: String,
    pub version: u32,
    pub device: String,
    /// Chunk names (SHA-256 hex), oldest first.
    pub chunks: Vec<String>,
    /// The device's clock when it wrote this head.
    pub hlc: Hlc,
    /// Devices this one has merged from, with the newest head it read from each
    /// (epoch ms), so a team can see who is behind.
    pub known_devices: BTreeMap<String, i64>,
    pub written_ms: i64,
    /// When the device last published changes (`written_ms` of the head that first
    /// listed its newest chunk). Heads rewritten only to say what their device has read
    /// keep it, so peers' `known_devices` (which hold this value) settle instead of
    /// answering each other's rewrites forever. Absent in older heads: `written_ms`.
    #[serde(default)]
    pub content_ms: Option<i64>,
    /// Checkpoints that replace the chunks this device published before `chunks`,
    /// oldest first (version 2; see `super::compact`). Read before `chunks`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkpoints: Vec<CheckpointRef>,
    /// Smaller heads (issue 19): when set, `known_devices` names only the devices this
    /// device was not in step with at its last pull, and every other device is claimed
    /// read up to this time: everything it had published by `in_step_ms` (its own clock,
    /// within the clock skew allowed) this device had merged. Written only by teams of
    /// [`super::engine::COMPACT_KNOWN_AFTER`] devices or more, so a head stops growing
    /// with the team; older apps ignore the field and see the short list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_step_ms: Option<i64>,
}

/// A checkpoint as its device's head names it: enough for a reader to skip it unread
/// when it already has everything it holds, and to draw the no-backdating line after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckpointRef {
    /// SHA-256 (hex) of the sealed file, in `chunks/` like a chunk.
    pub name: String,
    /// The clock of the head that listed everything this checkpoint holds: a reader that
    /// merged all of a head that new (or newer) already has all of it.
    pub covers: Hlc,
    /// The newest stamp (wall ms) in the files it replaces: the floor for the files
    /// after it (`refuse_backdated`), the same whether a reader opens it or not.
    pub high_ms: i64,
}

/// Changes one device published, folded into one file: the join of the files it
/// replaces, each record verbatim (stamps, authors and seals as written; nothing is
/// signed again), less what every reader refuses anyway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub format: String,
    pub version: u32,
    pub device: String,
    /// As in the head's [`CheckpointRef`]; a file that says otherwise is refused.
    pub covers: Hlc,
    pub high_ms: i64,
    pub replica: Replica,
}

impl Checkpoint {
    pub fn new(device: &str, covers: Hlc, high_ms: i64, replica: Replica) -> Self {
        Self {
            format: CHECKPOINT_FORMAT.into(),
            version: CHECKPOINT_VERSION,
            device: device.into(),
            covers,
            high_ms,
            replica,
        }
    }
}

impl Head {
    /// [`Head::content_ms`], for heads written before it existed too.
    pub fn content(&self) -> i64 {
        self.content_ms.unwrap_or(self.written_ms)
    }

    /// What this head says its device has merged of `device`'s published changes (a
    /// `content_ms` of that device): the named value, or for a device a smaller head does
    /// not name, [`Head::in_step_ms`]. `None`: nothing is known.
    pub fn read_of(&self, device: &str) -> Option<i64> {
        known_of(&self.known_devices, self.in_step_ms, device)
    }
}

/// [`Head::read_of`] from a head's two fields as a peer's state keeps them.
pub fn known_of(known: &BTreeMap<String, i64>, in_step_ms: Option<i64>, device: &str) -> Option<i64> {
    known.get(device).copied().or(in_step_ms)
}

/// The team index (issue 19, `super::index`): one designated device's copy of the newest
/// head of every device it was in step with at its last round. Each head is the sealed
/// `data` its own device wrote, verbatim — a reader opens it exactly as if it had read
/// the head from the device's folder (same key, same header bound as associated data),
/// so the index can leave a head out or carry an older one, but never alter one.
///
/// On the host it is two files ([`seal_index`]): `index.json`, a small [`IndexStamp`]
/// sealed under the team key (who wrote it, when, the day files, and the SHA-256 of the
/// heads file), and `index-heads.json`, the heads ([`IndexHeads`]), not sealed again
/// (each head in it is sealed by its device) but checked against the stamp's hash. A
/// reader downloads the heads only when the stamp is fresh and names other heads than
/// it last read, and the heads' base64 is not encoded twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamIndex {
    pub format: String,
    pub version: u32,
    /// The device that wrote it (the folder it sits in).
    pub device: String,
    /// Its clock when it wrote the index: an older index than one read is a replay.
    pub hlc: Hlc,
    /// When it wrote it (its corrected clock): readers bypass an index older than
    /// `super::index::INDEX_FRESH_MS`.
    pub written_ms: i64,
    /// Device id → the `data` of that device's sealed head ([`SealedFile::data`]).
    pub heads: BTreeMap<String, String>,
    /// Day files (`super::index`): the chunks the writer downloaded lately, verbatim, in
    /// a few files instead of one per chunk.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<DayRef>,
}

impl TeamIndex {
    pub fn new(device: &str, hlc: Hlc, written_ms: i64, heads: BTreeMap<String, String>) -> Self {
        Self {
            format: INDEX_FORMAT.into(),
            version: INDEX_VERSION,
            device: device.into(),
            hlc,
            written_ms,
            heads,
            days: Vec::new(),
        }
    }
}

/// A day file as the index names it: `devices/<writer>/days/<name>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayRef {
    /// SHA-256 (hex) of the file's bytes: a reader checks the file against it.
    pub name: String,
    /// When it was written (the writer's pull): day files older than a few days are
    /// no longer listed.
    pub written_ms: i64,
    pub size: u64,
    /// The names of the files it holds (each a chunk's or checkpoint's SHA-256).
    pub files: Vec<String>,
}

/// A day file: files of other devices' folders, each the exact bytes its device
/// wrote, keyed `<device>/<name>`. Not sealed again: each file in it is sealed by its
/// device and opened by a reader exactly as if downloaded from that device's folder
/// (checked against its name, the SHA-256 of those bytes), and the day file itself is
/// checked against the name the sealed index gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayFile {
    pub format: String,
    pub version: u32,
    pub device: String,
    pub files: BTreeMap<String, String>,
}

pub const DAY_FORMAT: &str = "outpost.day";
pub const DAY_VERSION: u32 = 1;

impl DayFile {
    pub fn new(device: &str, files: BTreeMap<String, String>) -> Self {
        Self { format: DAY_FORMAT.into(), version: DAY_VERSION, device: device.into(), files }
    }
}

/// The `data` of a sealed head file, to carry it in an index; `None` when the bytes are
/// not a sealed file of this version (an index carries only what its readers open).
pub fn sealed_data(bytes: &[u8]) -> Option<String> {
    let f: SealedFile = serde_json::from_slice(bytes).ok()?;
    (f.format == SEALED_FORMAT && f.version == SEALED_VERSION && f.kind == FileKind::Head).then_some(f.data)
}

/// The sealed head file of `device` an index carries as `data`: what its device wrote,
/// to be opened with [`open_head`] like one read from its folder.
pub fn head_file(device: &str, data: &str) -> Vec<u8> {
    let file = SealedFile {
        format: SEALED_FORMAT.into(),
        version: SEALED_VERSION,
        device: device.into(),
        kind: FileKind::Head,
        data: data.into(),
    };
    serde_json::to_vec(&file).unwrap_or_default()
}

/// Some of one device's changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    pub format: String,
    pub version: u32,
    pub device: String,
    pub replica: Replica,
}

/// Everything a device knows, exported as one sealed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub version: u32,
    pub device: String,
    pub written_ms: i64,
    pub replica: Replica,
}

/// "This device publishes in `devices/<device>/`", sealed into `team/members/<slot>.json`
/// (see `super::members`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub format: String,
    pub version: u32,
    pub device: String,
    /// The slot it was written to: a file copied into another slot does not open as that
    /// slot's.
    pub slot: u32,
    pub written_ms: i64,
}

impl Member {
    pub fn new(device: &str, slot: u32, written_ms: i64) -> Self {
        Self { format: MEMBER_FORMAT.into(), version: MEMBER_VERSION, device: device.into(), slot, written_ms }
    }
}

impl Bundle {
    pub fn new(device: &str, written_ms: i64, replica: Replica) -> Self {
        Self { format: BUNDLE_FORMAT.into(), version: BUNDLE_VERSION, device: device.into(), written_ms, replica }
    }
}

impl Head {
    pub fn new(
        device: &str,
        chunks: Vec<String>,
        hlc: Hlc,
        known_devices: BTreeMap<String, i64>,
        written_ms: i64,
    ) -> Self {
        Self {
            format: HEAD_FORMAT.into(),
            version: HEAD_VERSION_PLAIN,
            device: device.into(),
            chunks,
            hlc,
            known_devices,
            written_ms,
            content_ms: Some(written_ms),
            checkpoints: Vec::new(),
            in_step_ms: None,
        }
    }

    /// This head listing `checkpoints` before its chunks (version 2 when there are any).
    pub fn with_checkpoints(mut self, checkpoints: Vec<CheckpointRef>) -> Self {
        self.version = if checkpoints.is_empty() { HEAD_VERSION_PLAIN } else { HEAD_VERSION };
        self.checkpoints = checkpoints;
        self
    }
}

impl Chunk {
    pub fn new(device: &str, replica: Replica) -> Self {
        Self { format: CHUNK_FORMAT.into(), version: CHUNK_VERSION, device: device.into(), replica }
    }
}

/// Why a file from the host was refused. Nothing local changes on any of these.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SnapshotError {
    #[error("this is not an Outpost sync file")]
    NotOutpost,
    #[error("this {what} was written by a newer Outpost (format version {found}; this app reads up to {supported}); update the app")]
    TooNew { what: &'static str, found: u32, supported: u32 },
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error("the file is damaged: {0}")]
    Malformed(String),
    #[error("the file claims device {found} but sits in the folder of {expected}")]
    WrongDevice { expected: String, found: String },
    #[error("the chunk's content does not match its name")]
    HashMismatch,
    #[error("the chunk carries a change stamped by device {0}, not by its author")]
    ForeignStamp(String),
}

fn malformed(e: impl std::fmt::Display) -> SnapshotError {
    SnapshotError::Malformed(e.to_string())
}

/// The SHA-256 (hex) a chunk file is named by.
pub fn chunk_name(sealed_bytes: &[u8]) -> String {
    Sha256::digest(sealed_bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn aad(device: &str, kind: FileKind) -> Vec<u8> {
    let kind = match kind {
        FileKind::Head => "head",
        FileKind::Chunk => "chunk",
        FileKind::Checkpoint => "checkpoint",
        FileKind::Bundle => "bundle",
        FileKind::Member => "member",
        FileKind::Index => "index",
    };
    format!("{SEALED_FORMAT}|{SEALED_VERSION}|{device}|{kind}").into_bytes()
}

fn seal_json<T: Serialize>(key: &TeamKey, nonce: [u8; NONCE_LEN], device: &str, kind: FileKind, body: &T) -> Vec<u8> {
    let plain = serde_json::to_vec(body).unwrap_or_default();
    let file = SealedFile {
        format: SEALED_FORMAT.into(),
        version: SEALED_VERSION,
        device: device.into(),
        kind,
        data: URL_SAFE_NO_PAD.encode(seal(key, nonce, &aad(device, kind), &plain)),
    };
    serde_json::to_vec(&file).unwrap_or_default()
}

pub fn seal_head(key: &TeamKey, nonce: [u8; NONCE_LEN], head: &Head) -> Vec<u8> {
    seal_json(key, nonce, &head.device, FileKind::Head, head)
}

pub fn seal_chunk(key: &TeamKey, nonce: [u8; NONCE_LEN], chunk: &Chunk) -> Vec<u8> {
    seal_json(key, nonce, &chunk.device, FileKind::Chunk, chunk)
}

pub fn seal_checkpoint(key: &TeamKey, nonce: [u8; NONCE_LEN], checkpoint: &Checkpoint) -> Vec<u8> {
    seal_json(key, nonce, &checkpoint.device, FileKind::Checkpoint, checkpoint)
}

pub fn seal_bundle(key: &TeamKey, nonce: [u8; NONCE_LEN], bundle: &Bundle) -> Vec<u8> {
    seal_json(key, nonce, &bundle.device, FileKind::Bundle, bundle)
}

/// The sealed half of a team index (`devices/<device>/index.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexStamp {
    pub format: String,
    pub version: u32,
    pub device: String,
    pub hlc: Hlc,
    pub written_ms: i64,
    /// SHA-256 (hex) of the heads file's bytes.
    pub heads_sha: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<DayRef>,
}

/// The heads of a team index (`devices/<device>/index-heads.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexHeads {
    pub format: String,
    pub version: u32,
    pub device: String,
    pub heads: BTreeMap<String, String>,
}

pub const INDEX_HEADS_FORMAT: &str = "outpost.index-heads";

/// The heads file of an index and the sealed stamp naming it by its hash.
pub fn seal_index(key: &TeamKey, nonce: [u8; NONCE_LEN], index: &TeamIndex) -> (Vec<u8>, Vec<u8>) {
    let heads = IndexHeads {
        format: INDEX_HEADS_FORMAT.into(),
        version: INDEX_VERSION,
        device: index.device.clone(),
        heads: index.heads.clone(),
    };
    let body = serde_json::to_vec(&heads).unwrap_or_default();
    let stamp = IndexStamp {
        format: INDEX_FORMAT.into(),
        version: INDEX_VERSION,
        device: index.device.clone(),
        hlc: index.hlc.clone(),
        written_ms: index.written_ms,
        heads_sha: chunk_name(&body),
        days: index.days.clone(),
    };
    (seal_json(key, nonce, &index.device, FileKind::Index, &stamp), body)
}

/// Reads `devices/<device>/index.json`: sealed under the team key by `device` (its
/// header is bound to the seal), as an index stamp.
pub fn open_index_stamp(key: &TeamKey, bytes: &[u8], device: &str) -> Result<IndexStamp, SnapshotError> {
    let v = open_json(key, bytes, device, FileKind::Index)?;
    let _version = check_inner(&v, INDEX_FORMAT, INDEX_VERSION, "team index")?;
    let stamp: IndexStamp = serde_json::from_value(v).map_err(malformed)?;
    if stamp.device != device {
        return Err(SnapshotError::WrongDevice { expected: device.into(), found: stamp.device });
    }
    Ok(stamp)
}

/// Reads the heads file a stamp names: its bytes must hash to the stamp's `heads_sha`.
/// The heads in it are opened one by one by the reader, each with [`open_head`].
pub fn open_index_heads(bytes: &[u8], stamp: &IndexStamp) -> Result<BTreeMap<String, String>, SnapshotError> {
    if chunk_name(bytes) != stamp.heads_sha {
        return Err(SnapshotError::HashMismatch);
    }
    let heads: IndexHeads = serde_json::from_slice(bytes).map_err(malformed)?;
    if heads.format != INDEX_HEADS_FORMAT || heads.version > INDEX_VERSION {
        return Err(malformed("expected the heads of a team index"));
    }
    if heads.device != stamp.device {
        return Err(SnapshotError::WrongDevice { expected: stamp.device.clone(), found: heads.device });
    }
    Ok(heads.heads)
}

/// Both halves of an index, checked ([`open_index_stamp`], [`open_index_heads`]).
pub fn open_index(key: &TeamKey, stamp: &[u8], heads: &[u8], device: &str) -> Result<TeamIndex, SnapshotError> {
    let s = open_index_stamp(key, stamp, device)?;
    let heads = open_index_heads(heads, &s)?;
    let mut index = TeamIndex::new(device, s.hlc, s.written_ms, heads);
    index.days = s.days;
    Ok(index)
}

pub fn seal_member(key: &TeamKey, nonce: [u8; NONCE_LEN], member: &Member) -> Vec<u8> {
    seal_json(key, nonce, &member.device, FileKind::Member, member)
}

/// Reads `team/members/<slot>.json`: the device it names is only known from its header,
/// which the key binds, so another team's file or a moved one does not open.
pub fn open_member(key: &TeamKey, bytes: &[u8], slot: u32) -> Result<Member, SnapshotError> {
    let device = serde_json::from_slice::<Value>(bytes)
        .ok()
        .and_then(|v| v.get("device").and_then(Value::as_str).map(str::to_owned))
        .ok_or(SnapshotError::NotOutpost)?;
    let v = open_json(key, bytes, &device, FileKind::Member)?;
    let _version = check_inner(&v, MEMBER_FORMAT, MEMBER_VERSION, "member announcement")?;
    let member: Member = serde_json::from_value(v).map_err(malformed)?;
    if member.device != device {
        return Err(SnapshotError::WrongDevice { expected: device, found: member.device });
    }
    if member.slot != slot {
        return Err(malformed(format!("announcement for slot {} found in slot {slot}", member.slot)));
    }
    Ok(member)
}

/// Reads an exported file. Its records may carry any team member's stamps: the file
/// holds everything its device had merged.
pub fn open_bundle(key: &TeamKey, bytes: &[u8]) -> Result<Bundle, SnapshotError> {
    let device = serde_json::from_slice::<Value>(bytes)
        .ok()
        .and_then(|v| v.get("device").and_then(Value::as_str).map(str::to_owned))
        .ok_or(SnapshotError::NotOutpost)?;
    let v = open_json(key, bytes, &device, FileKind::Bundle)?;
    let _version = check_inner(&v, BUNDLE_FORMAT, BUNDLE_VERSION, "export file")?;
    let bundle: Bundle = serde_json::from_value(v).map_err(malformed)?;
    if bundle.device != device {
        return Err(SnapshotError::WrongDevice { expected: device, found: bundle.device });
    }
    Ok(bundle)
}

/// Reads the outer file, checks it belongs to `device` and is a `kind`, and decrypts
/// the body to JSON.
fn open_json(key: &TeamKey, bytes: &[u8], device: &str, kind: FileKind) -> Result<Value, SnapshotError> {
    let outer: Value = serde_json::from_slice(bytes).map_err(|_| SnapshotError::NotOutpost)?;
    if outer.get("format").and_then(Value::as_str) != Some(SEALED_FORMAT) {
        return Err(SnapshotError::NotOutpost);
    }
    let version = outer.get("version").and_then(Value::as_u64).ok_or(SnapshotError::NotOutpost)? as u32;
    if version > SEALED_VERSION {
        return Err(SnapshotError::TooNew { what: "file", found: version, supported: SEALED_VERSION });
    }
    let file: SealedFile = serde_json::from_value(outer).map_err(malformed)?;
    if file.device != device {
        return Err(SnapshotError::WrongDevice { expected: device.into(), found: file.device });
    }
    if file.kind != kind {
        return Err(malformed("a head where a chunk was expected, or the reverse"));
    }
    let sealed = URL_SAFE_NO_PAD.decode(file.data.as_bytes()).map_err(|_| malformed("the body is not base64url"))?;
    let plain = open(key, &aad(device, kind), &sealed)?;
    serde_json::from_slice(&plain).map_err(malformed)
}

/// Checks an inner document's `format` and `version`, returning the version.
fn check_inner(v: &Value, format: &str, current: u32, what: &'static str) -> Result<u32, SnapshotError> {
    if v.get("format").and_then(Value::as_str) != Some(format) {
        return Err(malformed(format!("expected a {what}")));
    }
    let version = v.get("version").and_then(Value::as_u64).ok_or_else(|| malformed("no version"))? as u32;
    if version > current {
        return Err(SnapshotError::TooNew { what, found: version, supported: current });
    }
    Ok(version)
}

/// Reads `devices/<device>/head.json`.
pub fn open_head(key: &TeamKey, bytes: &[u8], device: &str) -> Result<Head, SnapshotError> {
    let v = open_json(key, bytes, device, FileKind::Head)?;
    // Version 1 is the first; later versions add a migration step here, oldest first.
    let _version = check_inner(&v, HEAD_FORMAT, HEAD_VERSION, "head")?;
    let head: Head = serde_json::from_value(v).map_err(malformed)?;
    if head.device != device {
        return Err(SnapshotError::WrongDevice { expected: device.into(), found: head.device });
    }
    Ok(head)
}

/// Reads `devices/<device>/chunks/<name>.json`, checking the name first.
pub fn open_chunk(key: &TeamKey, bytes: &[u8], device: &str, name: &str) -> Result<Chunk, SnapshotError> {
    if chunk_name(bytes) != name {
        return Err(SnapshotError::HashMismatch);
    }
    let v = open_json(key, bytes, device, FileKind::Chunk)?;
    let _version = check_inner(&v, CHUNK_FORMAT, CHUNK_VERSION, "chunk")?;
    let chunk: Chunk = serde_json::from_value(v).map_err(malformed)?;
    if chunk.device != device {
        return Err(SnapshotError::WrongDevice { expected: device.into(), found: chunk.device });
    }
    clean_chunk(&chunk)?;
    Ok(chunk)
}

/// Reads a checkpoint (`devices/<device>/chunks/<name>.json`), checking the name first.
/// It holds only its device's own changes, like a chunk, and a chunk does not open as a
/// checkpoint nor the reverse (the kind is bound into the seal).
pub fn open_checkpoint(key: &TeamKey, bytes: &[u8], device: &str, name: &str) -> Result<Checkpoint, SnapshotError> {
    if chunk_name(bytes) != name {
        return Err(SnapshotError::HashMismatch);
    }
    let v = open_json(key, bytes, device, FileKind::Checkpoint)?;
    let _version = check_inner(&v, CHECKPOINT_FORMAT, CHECKPOINT_VERSION, "checkpoint")?;
    let cp: Checkpoint = serde_json::from_value(v).map_err(malformed)?;
    if cp.device != device {
        return Err(SnapshotError::WrongDevice { expected: device.into(), found: cp.device });
    }
    clean_replica(&cp.replica, device)?;
    Ok(cp)
}

/// A chunk may only hold its own device's changes, each filed under its own id.
fn clean_chunk(chunk: &Chunk) -> Result<(), SnapshotError> {
    clean_replica(&chunk.replica, &chunk.device)
}

fn clean_replica(replica: &Replica, device: &str) -> Result<(), SnapshotError> {
    if let Some(s) = replica.stamps().find(|s| s.device != device) {
        return Err(SnapshotError::ForeignStamp(s.device.clone()));
    }
    for (id, doc) in &replica.docs {
        if *id != doc.id {
            return Err(malformed(format!("document filed as {id} is {}", doc.id)));
        }
    }
    for (id, e) in &replica.entries {
        if *id != e.id {
            return Err(malformed(format!("entry filed as {id} is {}", e.id)));
        }
    }
    Ok(())
}
