//! Attachment bytes on the host: one sealed, immutable file per blob, named by a keyed
//! hash only the team can compute.
//!
//! ```text
//! <base>/devices/<device>/blobs/<name>.bin
//! name     = hex HMAC-SHA256(name key, lowercase hex SHA-256 of the plain bytes)   [blob_name]
//! name key = HMAC-SHA256(team key, "outpost blob names v1")               [TeamKey::subkey]
//! ```
//!
//! Why not the plain SHA-256, which the device stores blobs under: the host (or anyone
//! who can list the folder) could hash an image it already has — a known business
//! licence — and see whether the team holds it (rule S3: the host learns nothing about
//! customers). The keyed name is stable for one team, so a photo is uploaded once and its
//! name never changes; it differs between teams and cannot be computed or tested without
//! the team key. Only the host path and the file's header and associated data use it: on
//! the device, the `blobs` store and an attachment document's `hash` stay the plain
//! SHA-256, and a reader maps that to the name when it fetches.
//!
//! A blob file is a one-line plaintext JSON [`BlobHeader`] (`format`, `version`,
//! `device`, `name` — never the plain hash), a newline, then `nonce ‖ ciphertext ‖ tag`
//! of the raw bytes. The body is not base64 as in a chunk's
//! [`SealedFile`](super::snapshot::SealedFile): photos are the largest thing a team
//! syncs, and a third more upload matters on a field network. The discipline is the
//! chunks' (rule S3): the header is bound to the ciphertext as associated data, so it
//! cannot be moved onto another device's or another blob's file; a newer format is
//! refused before anything is decrypted; and the opened bytes must hash to the plain
//! SHA-256 the attachment document names, so a reader trusts nothing the host says.
//! (What the host still sees: each file's size and upload time, as for chunks.)
//!
//! **Format version 2.** Version 1 named files and headers by the plain SHA-256; it only
//! ever reached dev test hosts. A reader does not fall back to the version-1 name on a
//! 404: the request itself would hand the plain hash to the host, and a host could force
//! that just by hiding the keyed file, so the fallback would reopen the leak this closes.
//! Version-1 files are therefore never requested (and a version-1 header met under a new
//! name is refused as not ours); photos published as version 1 wait as "missing" on other
//! devices — clear such a host, or attach the photo again. The storage half keeps its
//! record of uploaded blobs under a new key, so a device re-uploads, under the new name,
//! any blob whose attachment is still in its outbox.
//!
//! A device uploads its own blobs before the chunk naming them and remembers what it
//! uploaded (the storage half, `storage::blob_sync`); a reader fetches a blob from the
//! folder of the device that took the photo.
//!
//! ```
//! use outpost::sync::blob::{blob_hash, blob_name, blob_path, open_blob, seal_blob};
//! use outpost::sync::crypto::TeamKey;
//! let key = TeamKey::from_bytes([7; 32]);
//! let photo = b"\x89PNG a business card".to_vec();
//! let (hash, file) = seal_blob(&key, [1; 12], "dev-a", &photo);
//! assert_eq!(hash, blob_hash(&photo));
//! // On the host the file is named by the keyed name, never by the plain hash.
//! assert_eq!(blob_path(&key, "dev-a", &hash), format!("devices/dev-a/blobs/{}.bin", blob_name(&key, &hash)));
//! assert_ne!(blob_name(&key, &hash), hash);
//! assert_eq!(open_blob(&key, &file, "dev-a", &hash).unwrap(), photo);
//! assert!(open_blob(&TeamKey::from_bytes([8; 32]), &file, "dev-a", &hash).is_err());
//! ```

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::Sha256;
use thiserror::Error;

use super::crypto::{open, seal, CryptoError, TeamKey, NONCE_LEN};
use super::engine::valid_device_name;
use super::host::{Fetched, Host, HostError};
use super::snapshot::chunk_name;

pub const BLOB_FORMAT: &str = "outpost.blob";
/// 2: files and headers use the keyed [`blob_name`] (1 used the plain SHA-256).
pub const BLOB_VERSION: u32 = 2;

/// Domain-separation label of the key blob names are computed under ([`TeamKey::subkey`]).
pub const NAME_KEY_LABEL: &[u8] = b"outpost blob names v1";

/// A header longer than this is not ours (and is not worth parsing).
const MAX_HEADER: usize = 1024;
/// The largest attachment file this app reads from a host (photos are resized to well
/// under 2 MB before they are stored; documents stay far below this).
pub const MAX_BLOB_BYTES: usize = 32 << 20;

/// The plaintext line in front of a blob's ciphertext.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlobHeader {
    pub format: String,
    pub version: u32,
    /// The device that uploaded the file (the folder it must sit in).
    pub device: String,
    /// The blob's keyed [`blob_name`]: the file's name. Never the plain hash.
    pub name: String,
}

/// Why one blob could not be moved. The sync goes on without it, nothing local changes,
/// and it is tried again next round. [`BlobError::code`] is what the UI words.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BlobError {
    #[error("the file is not on the sync host")]
    Missing,
    #[error(transparent)]
    Host(#[from] HostError),
    #[error("this is not an Outpost attachment file")]
    NotOutpost,
    #[error("this attachment was written by a newer Outpost (format version {found}; this app reads up to {supported}); update the app")]
    TooNew { found: u32, supported: u32 },
    #[error("the file claims device {found} but sits in the folder of {expected}")]
    WrongDevice { expected: String, found: String },
    /// Another team's key, altered bytes, or a file cut short.
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    /// The header names another blob, or the opened bytes are not the photo named.
    #[error("the file's content does not match its name")]
    HashMismatch,
    /// A document names a blob by something that is not a SHA-256 or a device id.
    #[error("the attachment names its file wrongly")]
    BadName,
    /// This device's own attachment whose bytes it no longer holds.
    #[error("the attachment's bytes are not stored on this device")]
    NotHeld,
}

impl BlobError {
    /// A stable reason code, stored and mapped to words by the UI.
    pub fn code(&self) -> &'static str {
        match self {
            BlobError::Missing => "missing",
            BlobError::Host(_) => "host",
            BlobError::NotOutpost | BlobError::BadName => "not_outpost",
            BlobError::TooNew { .. } => "too_new",
            BlobError::WrongDevice { .. } => "wrong_device",
            BlobError::Crypto(CryptoError::Truncated) => "truncated",
            BlobError::Crypto(_) => "wrong_key_or_tampered",
            BlobError::HashMismatch => "hash_mismatch",
            BlobError::NotHeld => "not_held",
        }
    }

    /// The host as a whole is unusable (down, read-only, refusing us): trying the
    /// remaining blobs this round would only fail the same way.
    pub fn host_wide(&self) -> bool {
        matches!(
            self,
            BlobError::Host(
                HostError::Unreachable(_) | HostError::ReadOnly | HostError::Unauthorized | HostError::Rejected(_)
            )
        )
    }
}

/// One blob that failed this round, with the file it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobFailure {
    /// The plain hash (local; the attachment's `hash`).
    pub hash: String,
    /// The host path ([`blob_path`], keyed name).
    pub path: String,
    pub error: BlobError,
}

/// The name a blob is stored under on the device, and the `hash` an attachment document
/// carries: lowercase hex SHA-256 of its bytes. Never a host path (see [`blob_name`]).
pub fn blob_hash(bytes: &[u8]) -> String {
    chunk_name(bytes)
}

/// The name the blob with plain hash `hash` is published under on the host: lowercase hex
/// HMAC-SHA256 keyed with the team's name key (see the module docs). Stable for a team,
/// unrelated across teams, and not computable without the team key.
pub fn blob_name(key: &TeamKey, hash: &str) -> String {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(&key.subkey(NAME_KEY_LABEL)).expect("HMAC takes a key of any length");
    mac.update(hash.as_bytes());
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `h` is 64 lowercase hex digits, the shape of both a [`blob_hash`] and a
/// [`blob_name`] (nothing else becomes a path).
pub fn valid_hash(h: &str) -> bool {
    h.len() == 64 && h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The host path of `device`'s blob with plain hash `hash`. It takes the key so that a
/// host path can only ever be built from the keyed name.
pub fn blob_path(key: &TeamKey, device: &str, hash: &str) -> String {
    format!("devices/{device}/blobs/{}.bin", blob_name(key, hash))
}

fn aad(device: &str, name: &str) -> Vec<u8> {
    format!("{BLOB_FORMAT}|{BLOB_VERSION}|{device}|blob|{name}").into_bytes()
}

/// Seals `bytes` as `device`'s blob file; returns their plain hash (what the device and the
/// attachment document know it by) and the file, whose header names it by [`blob_name`].
pub fn seal_blob(key: &TeamKey, nonce: [u8; NONCE_LEN], device: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let hash = blob_hash(bytes);
    let name = blob_name(key, &hash);
    let header =
        BlobHeader { format: BLOB_FORMAT.into(), version: BLOB_VERSION, device: device.into(), name: name.clone() };
    // serde_json escapes control characters, so the header is one line.
    let mut file = serde_json::to_vec(&header).unwrap_or_default();
    file.push(b'\n');
    file.extend_from_slice(&seal(key, nonce, &aad(device, &name), bytes));
    (hash, file)
}

/// Reads the file at [`blob_path`]`(key, device, hash)`: checks the header, decrypts, and
/// checks the bytes hash to `hash`, the plain SHA-256 the attachment document names.
pub fn open_blob(key: &TeamKey, file: &[u8], device: &str, hash: &str) -> Result<Vec<u8>, BlobError> {
    let end = file.iter().take(MAX_HEADER).position(|&b| b == b'\n').ok_or(BlobError::NotOutpost)?;
    let header: Value = serde_json::from_slice(&file[..end]).map_err(|_| BlobError::NotOutpost)?;
    if header.get("format").and_then(Value::as_str) != Some(BLOB_FORMAT) {
        return Err(BlobError::NotOutpost);
    }
    let version = header.get("version").and_then(Value::as_u64).ok_or(BlobError::NotOutpost)?;
    if version > u64::from(BLOB_VERSION) {
        return Err(BlobError::TooNew { found: u32::try_from(version).unwrap_or(u32::MAX), supported: BLOB_VERSION });
    }
    // Version 1 (named by the plain hash) is never requested; one met here is not ours.
    if version < u64::from(BLOB_VERSION) {
        return Err(BlobError::NotOutpost);
    }
    let header: BlobHeader = serde_json::from_value(header).map_err(|_| BlobError::NotOutpost)?;
    if header.device != device {
        return Err(BlobError::WrongDevice { expected: device.into(), found: header.device });
    }
    // Opened under the header's own name first, so another team's key reads as that
    // (the name is keyed too, and would otherwise just not match); then the now
    // authenticated name must be the one this team gives `hash`.
    let plain = open(key, &aad(device, &header.name), &file[end + 1..])?;
    if header.name != blob_name(key, hash) || blob_hash(&plain) != hash {
        return Err(BlobError::HashMismatch);
    }
    Ok(plain)
}

/// Uploads `device`'s blob to [`blob_path`]. Refuses bytes that do not hash to `hash`
/// (damaged local storage must not be published under a name it does not match).
pub async fn upload_blob<H: Host>(
    host: &H,
    key: &TeamKey,
    device: &str,
    hash: &str,
    bytes: &[u8],
    nonce: [u8; NONCE_LEN],
) -> Result<(), BlobError> {
    if !valid_hash(hash) || !valid_device_name(device) {
        return Err(BlobError::BadName);
    }
    let (sealed_hash, file) = seal_blob(key, nonce, device, bytes);
    if sealed_hash != hash {
        return Err(BlobError::HashMismatch);
    }
    host.put(&blob_path(key, device, hash), file).await?;
    Ok(())
}

/// Downloads and opens the blob with plain hash `hash` from the folder of `device` (the one
/// that took it). Only the keyed path is ever requested (no fallback, see the module docs).
pub async fn fetch_blob<H: Host>(host: &H, key: &TeamKey, device: &str, hash: &str) -> Result<Vec<u8>, BlobError> {
    if !valid_hash(hash) || !valid_device_name(device) {
        return Err(BlobError::BadName);
    }
    match host.get(&blob_path(key, device, hash), None, MAX_BLOB_BYTES).await? {
        Fetched::Found { bytes, .. } => open_blob(key, &bytes, device, hash),
        Fetched::Missing | Fetched::NotModified => Err(BlobError::Missing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> TeamKey {
        TeamKey::from_bytes([5; 32])
    }

    const PHOTO: &[u8] = b"\x89PNG\r\n\x1a\n a photo of a business licence";

    #[test]
    fn a_sealed_blob_opens_to_the_same_bytes_and_is_known_locally_by_their_hash() {
        let (hash, file) = seal_blob(&key(), [1; 12], "dev-a", PHOTO);
        assert!(valid_hash(&hash));
        assert_eq!(hash, blob_hash(PHOTO));
        assert_eq!(open_blob(&key(), &file, "dev-a", &hash), Ok(PHOTO.to_vec()));
    }

    #[test]
    fn the_host_name_is_a_keyed_hash_stable_per_team_and_unrelated_across_teams() {
        let hash = blob_hash(PHOTO);
        let name = blob_name(&key(), &hash);
        assert!(valid_hash(&name));
        assert_ne!(name, hash);
        assert_eq!(name, blob_name(&key(), &hash), "stable for one team");
        assert_ne!(name, blob_name(&TeamKey::from_bytes([6; 32]), &hash), "another team");
        assert_ne!(name, blob_name(&key(), &blob_hash(b"another photo")));
        assert_eq!(blob_path(&key(), "dev-a", &hash), format!("devices/dev-a/blobs/{name}.bin"));
        assert!(!blob_path(&key(), "dev-a", &hash).contains(&hash));
    }

    #[test]
    fn the_name_derivation_is_pinned_so_published_files_keep_their_names() {
        // Computed independently (Python hmac/hashlib): name key = HMAC-SHA256(team key,
        // "outpost blob names v1"); name = HMAC-SHA256(name key, hex SHA-256 of the bytes).
        // Changing either silently orphans every file a team has published.
        let hash = blob_hash(b"x");
        assert_eq!(hash, "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
        assert_eq!(blob_name(&key(), &hash), "cba011226ab76bc2291b56030181c27e289ea6b15262a171f6a58604bab5e85a");
        // The name key is a subkey, not the team key itself.
        assert_ne!(key().subkey(NAME_KEY_LABEL), [5; 32]);
        assert_ne!(key().subkey(NAME_KEY_LABEL), key().subkey(b"outpost something else v1"));
    }

    #[test]
    fn the_file_holds_no_plain_bytes_nor_plain_hash_and_a_header_line_naming_format_device_and_name() {
        let (hash, file) = seal_blob(&key(), [1; 12], "dev-a", PHOTO);
        assert!(!file.windows(8).any(|w| w == &PHOTO[..8]), "PNG signature in the clear");
        assert!(!file.windows(8).any(|w| w == b"licence "));
        assert!(!file.windows(hash.len()).any(|w| w == hash.as_bytes()), "plain hash in the clear");
        let header: BlobHeader = serde_json::from_slice(split(&file).0).unwrap();
        let name = blob_name(&key(), &hash);
        assert_eq!(header, BlobHeader { format: BLOB_FORMAT.into(), version: 2, device: "dev-a".into(), name });
    }

    #[test]
    fn another_teams_key_is_refused() {
        let (hash, file) = seal_blob(&key(), [1; 12], "dev-a", PHOTO);
        let err = open_blob(&TeamKey::from_bytes([6; 32]), &file, "dev-a", &hash).unwrap_err();
        assert_eq!(err, BlobError::Crypto(CryptoError::WrongKeyOrTampered));
        assert_eq!(err.code(), "wrong_key_or_tampered");
    }

    #[test]
    fn a_flipped_byte_anywhere_in_the_ciphertext_is_refused() {
        let (hash, file) = seal_blob(&key(), [1; 12], "dev-a", PHOTO);
        let body = split(&file).0.len() + 1;
        for i in body..file.len() {
            let mut bad = file.clone();
            bad[i] ^= 0x01;
            assert_eq!(
                open_blob(&key(), &bad, "dev-a", &hash),
                Err(BlobError::Crypto(CryptoError::WrongKeyOrTampered)),
                "byte {i}"
            );
        }
    }

    #[test]
    fn a_file_cut_short_is_refused_as_truncated_or_tampered() {
        let (hash, file) = seal_blob(&key(), [1; 12], "dev-a", PHOTO);
        let body = split(&file).0.len() + 1;
        let err = open_blob(&key(), &file[..body + 20], "dev-a", &hash).unwrap_err();
        assert_eq!(err.code(), "truncated");
        let err = open_blob(&key(), &file[..file.len() - 1], "dev-a", &hash).unwrap_err();
        assert_eq!(err, BlobError::Crypto(CryptoError::WrongKeyOrTampered));
        assert_eq!(open_blob(&key(), &file[..body - 5], "dev-a", &hash), Err(BlobError::NotOutpost));
    }

    /// The header line and the sealed body of a blob file.
    fn split(file: &[u8]) -> (&[u8], &[u8]) {
        let end = file.iter().position(|&b| b == b'\n').unwrap();
        (&file[..end], &file[end + 1..])
    }

    #[test]
    fn a_header_edited_to_move_the_file_to_another_device_or_name_is_refused() {
        let (hash, file) = seal_blob(&key(), [1; 12], "dev-a", PHOTO);
        let (header, body) = split(&file);
        // Moved to dev-b's folder with its header rewritten to match: the associated
        // data no longer matches the ciphertext.
        let moved = String::from_utf8_lossy(header).replacen("\"dev-a\"", "\"dev-b\"", 1);
        let moved = [moved.as_bytes(), b"\n", body].concat();
        assert_eq!(open_blob(&key(), &moved, "dev-b", &hash), Err(BlobError::Crypto(CryptoError::WrongKeyOrTampered)));
        // Left as it is in another device's folder.
        assert!(matches!(open_blob(&key(), &file, "dev-b", &hash), Err(BlobError::WrongDevice { .. })));
        // Copied under another blob's name.
        let other = blob_hash(b"another photo");
        assert_eq!(open_blob(&key(), &file, "dev-a", &other), Err(BlobError::HashMismatch));
    }

    #[test]
    fn bytes_sealed_by_a_team_member_under_a_name_they_do_not_hash_to_are_refused() {
        // Someone holding the key can seal anything under any header; the hash check
        // after opening still catches content that is not what the name promises.
        let claimed = blob_hash(b"the licence everyone expects");
        let name = blob_name(&key(), &claimed);
        let header = BlobHeader {
            format: BLOB_FORMAT.into(),
            version: BLOB_VERSION,
            device: "dev-a".into(),
            name: name.clone(),
        };
        let mut file = serde_json::to_vec(&header).unwrap();
        file.push(b'\n');
        file.extend(seal(&key(), [2; 12], &aad("dev-a", &name), b"something else entirely"));
        let err = open_blob(&key(), &file, "dev-a", &claimed).unwrap_err();
        assert_eq!(err, BlobError::HashMismatch);
        assert_eq!(err.code(), "hash_mismatch");
    }

    #[test]
    fn a_newer_format_is_refused_before_decrypting_and_garbage_is_not_ours() {
        let (hash, file) = seal_blob(&key(), [1; 12], "dev-a", PHOTO);
        let newer = String::from_utf8_lossy(&file).replacen("\"version\":2", "\"version\":3", 1);
        assert_eq!(
            open_blob(&key(), newer.as_bytes(), "dev-a", &hash),
            Err(BlobError::TooNew { found: 3, supported: BLOB_VERSION })
        );
        assert_eq!(open_blob(&key(), b"<html>proxy error</html>", "dev-a", &hash), Err(BlobError::NotOutpost));
        assert_eq!(open_blob(&key(), b"{\"format\":\"other\"}\nxx", "dev-a", &hash), Err(BlobError::NotOutpost));
        assert_eq!(open_blob(&key(), &[], "dev-a", &hash), Err(BlobError::NotOutpost));
    }

    #[test]
    fn a_version_1_file_named_by_the_plain_hash_is_not_read() {
        // What version 1 wrote: header and associated data carried the plain hash.
        let hash = blob_hash(PHOTO);
        let mut file =
            format!("{{\"format\":\"{BLOB_FORMAT}\",\"version\":1,\"device\":\"dev-a\",\"hash\":\"{hash}\"}}\n")
                .into_bytes();
        file.extend(seal(&key(), [3; 12], format!("{BLOB_FORMAT}|1|dev-a|blob|{hash}").as_bytes(), PHOTO));
        assert_eq!(open_blob(&key(), &file, "dev-a", &hash), Err(BlobError::NotOutpost));
    }

    #[test]
    fn only_lowercase_sha256_hex_is_a_blob_hash_or_name() {
        assert!(valid_hash(&blob_hash(b"x")));
        assert!(valid_hash(&blob_name(&key(), &blob_hash(b"x"))));
        assert!(!valid_hash(&blob_hash(b"x").to_uppercase()));
        assert!(!valid_hash("../../head.json"));
        assert!(!valid_hash(""));
    }
}
