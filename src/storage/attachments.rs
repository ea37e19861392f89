//! Photos of a customer's documents (C1: business licence, business cards) as
//! `attachment` documents.
//!
//! The document carries what the team needs to show and find the photo — the customer,
//! the bytes' hash, MIME type and length, a label, and the device that took it (whose
//! host folder holds the file). The bytes themselves live in [`super::blobs`] and travel
//! as their own sealed files ([`crate::sync::blob`]). `hash` is the plain SHA-256, which
//! stays on the team's devices and inside sealed chunks; the host names the file by a
//! keyed hash of it ([`blob_name`](crate::sync::blob::blob_name)). Being a document, an attachment
//! syncs like any other and is removed with a tombstone
//! ([`delete_doc`](super::customers::delete_doc)`(id, ATTACHMENT, …)`).
//!
//! Only the device that takes a photo stamps `hash` and `origin`, so a chunk that names a
//! blob is always its uploader's (storage::blob_sync holds it back until the file is up).

use serde_json::Value;

use super::codec::{decode_doc, Codec, FieldProblem, ProblemReason, Reader};
use super::customers::Author;
use super::{RecordStore, StorageError};
use crate::record::replica::{Document, Replica};
use crate::sync::blob::valid_hash;
use crate::sync::engine::valid_device_name;

pub const ATTACHMENT: &str = "attachment";

/// What a photo shows; the rep picks it before taking the photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Label {
    /// The business licence (营业执照).
    Licence,
    /// A business card (名片).
    Card,
    #[default]
    Other,
}

impl Label {
    pub const ALL: [Label; 3] = [Label::Licence, Label::Card, Label::Other];

    pub fn code(self) -> &'static str {
        match self {
            Label::Licence => "licence",
            Label::Card => "card",
            Label::Other => "other",
        }
    }

    /// Unknown codes (a newer build's labels) read as [`Label::Other`].
    pub fn from_code(code: &str) -> Label {
        Label::ALL.into_iter().find(|l| l.code() == code).unwrap_or_default()
    }
}

/// The image types an attachment may declare. Anything else (a forged `text/html`, an
/// SVG with script) is shown as opaque bytes, never handed to the browser as a document.
const IMAGE_TYPES: [&str; 4] = ["image/jpeg", "image/png", "image/webp", "image/gif"];

/// `mime` if it is a raster image type we show, else `application/octet-stream`.
pub fn safe_mime(mime: &str) -> &'static str {
    IMAGE_TYPES.into_iter().find(|t| t.eq_ignore_ascii_case(mime.trim())).unwrap_or("application/octet-stream")
}

/// A live attachment as the UI and sync read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub id: String,
    pub customer: String,
    pub hash: String,
    pub mime: &'static str,
    pub label: Label,
    /// The device that took the photo: its host folder holds the file.
    pub origin: String,
    pub bytes: u64,
    pub created_ms: i64,
    pub created_by: String,
}

impl Attachment {
    /// The attachment a document describes; `None` if it is another kind, deleted, or
    /// names its file with something that could not be a hash or a device (a damaged or
    /// forged document never becomes a host path).
    pub fn from_doc(d: &Document) -> Option<Attachment> {
        Self::from_doc_restored(d, &mut Vec::new())
    }

    /// [`from_doc`](Self::from_doc), adding the fields that could not be read to
    /// `problems`.
    pub fn from_doc_restored(d: &Document, problems: &mut Vec<FieldProblem>) -> Option<Attachment> {
        if d.kind != ATTACHMENT || d.is_deleted() {
            return None;
        }
        decode_doc(d, problems)
    }
}

impl Codec for Attachment {
    fn encode(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("bytes", Value::from(self.bytes)),
            ("customer", Value::from(self.customer.clone())),
            ("hash", Value::from(self.hash.clone())),
            ("label", Value::from(self.label.code())),
            ("mime", Value::from(self.mime)),
            ("origin", Value::from(self.origin.clone())),
        ]
    }

    /// A hash or device name that could not be one is reported and the attachment left
    /// out: a damaged or forged document never becomes a host path.
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let d = r.doc()?;
        let hash = checked(r, "hash", valid_hash)?;
        let origin = checked(r, "origin", valid_device_name)?;
        let customer = r.opt_text("customer");
        let customer = r.require("customer", customer)?;
        let first = d.fields.values().min_by(|a, b| a.stamp.cmp(&b.stamp))?;
        let label = r.text("label");
        if !label.is_empty() && !Label::ALL.iter().any(|l| l.code() == label) {
            // Still shown, as "other".
            r.problem("label", ProblemReason::UnknownValue);
        }
        Some(Attachment {
            id: d.id.clone(),
            customer,
            hash,
            mime: safe_mime(&r.text("mime")),
            label: Label::from_code(&label),
            origin,
            bytes: r.opt_uint("bytes").unwrap_or(0),
            created_ms: first.stamp.wall_ms,
            created_by: first.author.clone(),
        })
    }
}

/// A required text that must also pass `valid`; one that does not is reported as malformed.
fn checked(r: &mut Reader<'_>, field: &str, valid: impl Fn(&str) -> bool) -> Option<String> {
    let v = r.opt_text(field);
    match v {
        Some(v) if !valid(&v) => {
            r.problem(field, ProblemReason::Malformed);
            None
        }
        v => r.require(field, v),
    }
}

/// What the device that took a photo records about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment<'a> {
    pub customer: &'a str,
    pub hash: &'a str,
    pub mime: &'a str,
    pub label: Label,
    /// This device's id.
    pub origin: &'a str,
    pub bytes: u64,
}

/// A new attachment document. Store its bytes first ([`super::blobs::put`]): a crash in
/// between leaves an unreferenced blob, never a reference without bytes.
pub fn attachment_change(id: &str, new: &NewAttachment, by: &mut Author) -> Replica {
    let mut d = Document::new(id, ATTACHMENT);
    let fields = [
        ("bytes", Value::from(new.bytes)),
        ("customer", Value::from(new.customer)),
        ("hash", Value::from(new.hash)),
        ("label", Value::from(new.label.code())),
        ("mime", Value::from(safe_mime(new.mime))),
        ("origin", Value::from(new.origin)),
    ];
    for (k, v) in fields {
        let stamp = by.clock.tick(by.now_ms);
        d.set(k, v, stamp, by.profile);
    }
    Replica { docs: [(id.to_owned(), d)].into(), entries: Default::default() }
}

/// The live attachments among `docs`, oldest first (pure).
pub fn live(docs: &[Document]) -> Vec<Attachment> {
    let mut v: Vec<Attachment> = docs.iter().filter_map(Attachment::from_doc).collect();
    v.sort_by(|a, b| a.created_ms.cmp(&b.created_ms).then_with(|| a.id.cmp(&b.id)));
    v
}

/// A customer's live attachments, oldest first.
pub async fn load_attachments<S: RecordStore>(s: &S, customer: &str) -> Result<Vec<Attachment>, StorageError> {
    let judge = super::roster::Judge::load(s).await?;
    let mut v = live(&judge.docs(s.docs_of_kind(ATTACHMENT).await?));
    v.retain(|a| a.customer == customer);
    Ok(v)
}
