//! Importing customers from a CSV file a rep picked (**C1**, with **C2**, **C4**, **C5**
//! values read from their codes or labels).
//!
//! 1. [`parse`] decodes the bytes — UTF-8 (with or without BOM), UTF-16 with a BOM, else
//!    GB18030, a superset of the GBK that Chinese Excel saves CSV in — and splits rows,
//!    guessing the delimiter (`,`, `;` or tab) from the header line.
//! 2. [`guess_mapping`] maps columns to fields by their zh/en header names; the user
//!    corrects it. [`preview`] shows how the first rows would come out.
//! 3. [`validate_rows`] (or a [`RowValidator`] a slice at a time, so the UI can yield to
//!    a progress bar) reads every row into a [`CustomerFile`] and [`Contact`], validates
//!    them, and marks duplicates by phone or credit code — of a customer already on the
//!    device or of an earlier row of the file.
//!
//! 4. Every row gets a customer id derived from its identifying cells ([`row_id`]): a
//!    row whose id is already stored is [`RowStatus::AlreadyPresent`] (the file, or an
//!    earlier copy of it, was imported before), so importing a file twice adds nothing.
//!
//! A file larger than [`MAX_FILE_BYTES`] is refused before it is read ([`check_size`]).
//! A file that cannot be a customer list (empty, binary, no header row, no rows) is one
//! [`ImportError`]; a bad row never fails the file: it is reported with its line number
//! and the good rows go on.
//!
//! ```
//! use outpost::domain::csv_import::{guess_mapping, parse, validate_rows, ExistingKeys, RowStatus};
//! let parsed = parse("客户名称,联系人,手机\n张三五金,张三,138 0013 8000\n,李四,139\n".as_bytes()).unwrap();
//! let report = validate_rows(&parsed, &guess_mapping(&parsed.headers), &ExistingKeys::default()).unwrap();
//! assert_eq!(report.rows[0].status, RowStatus::Ok);
//! assert_eq!(report.rows[1].line, 3);
//! assert!(matches!(report.rows[1].status, RowStatus::Error(_)));
//! ```

use std::collections::{HashMap, HashSet};

use encoding_rs::{Encoding, GB18030};
use thiserror::Error;

use super::customer::{
    normalize_credit_code, normalize_phone, phone_key, validate_contact, validate_customer, Contact, CustomerFile,
    FieldError,
};

mod cells;
mod mapping;
mod row_id;

pub use mapping::{guess_mapping, normalize_header, Mapping, Target};
pub use row_id::{row_contact_id, row_id, IMPORTED_ID_PREFIX};

/// The largest file the import reads: 20 MB is about 100,000 rows, far more than a
/// customer list, and a file read whole into a tablet's memory must stay small.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Refuses a file over [`MAX_FILE_BYTES`], from its size alone (before reading it).
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes, max: MAX_FILE_BYTES });
    }
    Ok(())
}

/// Why a whole file cannot be imported; the UI words each variant.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file has {bytes} bytes, more than the {max} an import reads")]
    TooLarge { bytes: u64, max: u64 },
    #[error("the file is not a text (CSV) file")]
    NotText,
    #[error("the first row holds data, not column names")]
    NoHeader,
    #[error("the file has column names but no rows")]
    NoRows,
    #[error("line {line} cannot be read as CSV")]
    Malformed { line: usize },
    #[error("no column is mapped to the company name")]
    NoNameColumn,
    /// A workbook (XLSX, XLS, ODS) that cannot be read, or whose first sheet is too big.
    #[error("the spreadsheet cannot be read")]
    BadWorkbook,
}

/// One data row as read: its 1-based line in the file and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A decoded and split file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedCsv {
    pub headers: Vec<String>,
    pub rows: Vec<CsvRow>,
    /// The encoding the bytes were read as (`UTF-8`, `gb18030`, `UTF-16LE`…).
    pub encoding: &'static str,
    pub delimiter: u8,
}

/// Decodes a file's bytes: a BOM decides; else UTF-8 if the bytes are valid UTF-8; else
/// GB18030. Text with NUL or many other control characters is refused as not text.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static Encoding), ImportError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let (text, enc) = if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let t = enc.decode_without_bom_handling_and_without_replacement(&bytes[bom..]);
        (t.ok_or(ImportError::NotText)?.into_owned(), enc)
    } else if let Ok(t) = std::str::from_utf8(bytes) {
        (t.to_owned(), encoding_rs::UTF_8)
    } else {
        let t = GB18030.decode_without_bom_handling_and_without_replacement(bytes);
        (t.ok_or(ImportError::NotText)?.into_owned(), GB18030)
    };
    let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n' | '\u{c}')).count();
    if text.contains('\0') || controls * 100 > text.chars().count() {
        return Err(ImportError::NotText);
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok((text, enc))
}

/// The delimiter the header line uses most: `,`, `;` (European Excel) or tab.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    let count = |d: char| first.chars().filter(|&c| c == d).count();
    [(b',', count(',')), (b';', count(';')), (b'\t', count('\t'))]
        .into_iter()
        .max_by_key(|&(d, n)| (n, d == b','))
        .map_or(b',', |(d, _)| d)
}

/// A header cell that is really data: a phone number, a number, an email or a credit code.
fn looks_like_data(cell: &str) -> bool {
    let c = cell.trim();
    let digits = c.chars().filter(char::is_ascii_digit).count();
    (digits >= 5 && normalize_phone(c).is_ok())
        || c.parse::<f64>().is_ok()
        || (c.contains('@') && c.contains('.'))
        || matches!(normalize_credit_code(c), Ok(Some(_)))
}

/// The line a record really starts on. The reader stamps a record with the position
/// where the previous one ended, before any line ends and blank lines it then skips.
fn start_line(text: &[u8], pos: &csv::Position) -> usize {
    let skipped = text.get(pos.byte() as usize..).unwrap_or_default();
    let newlines = skipped.iter().take_while(|b| matches!(b, b'\r' | b'\n')).filter(|&&b| b == b'\n').count();
    pos.line() as usize + newlines
}

/// The first non-blank row as column names, the others as data rows — for a CSV and a
/// workbook's sheet alike.
#[derive(Default)]
struct HeaderThenRows {
    headers: Option<Vec<String>>,
    rows: Vec<CsvRow>,
}

impl HeaderThenRows {
    /// Takes one non-blank row; a first row that holds data is refused.
    fn push(&mut self, line: usize, cells: Vec<String>) -> Result<(), ImportError> {
        match self.headers {
            None => {
                if cells.iter().any(|c| looks_like_data(c)) {
                    return Err(ImportError::NoHeader);
                }
                self.headers = Some(cells.iter().map(|c| c.trim().to_owned()).collect());
            }
            Some(_) => self.rows.push(CsvRow { line, cells }),
        }
        Ok(())
    }

    fn finish(self) -> Result<(Vec<String>, Vec<CsvRow>), ImportError> {
        let headers = self.headers.ok_or(ImportError::Empty)?;
        if self.rows.is_empty() {
            return Err(ImportError::NoRows);
        }
        Ok((headers, self.rows))
    }
}

/// Decodes and splits a file: a CSV, or the first sheet of a workbook (XLSX, XLS, ODS;
/// [`parse_workbook`]). Blank rows are skipped; rows keep whatever number of cells
/// they have (a wrong count is reported per row by [`validate_rows`]).
pub fn parse(bytes: &[u8]) -> Result<ParsedCsv, ImportError> {
    check_size(bytes.len() as u64)?;
    if is_workbook(bytes) {
        return parse_workbook(bytes);
    }
    let (text, enc) = decode(bytes)?;
    let delimiter = sniff_delimiter(&text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut split = HeaderThenRows::default();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => return Err(ImportError::Malformed { line }),
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(line, |p| start_line(text.as_bytes(), p));
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        split.push(line, cells)?;
    }
    let (headers, rows) = split.finish()?;
    Ok(ParsedCsv { headers, rows, encoding: enc.name(), delimiter })
}

/// Keys of the customers already on the device. `phones` hold [`phone_key`]s (digits
/// only, without a +86 prefix); `credit_codes` are upper-case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExistingKeys {
    pub phones: HashSet<String>,
    pub credit_codes: HashSet<String>,
    /// Ids of stored customers (an imported one's is its [`row_id`]).
    pub ids: HashSet<String>,
}

impl ExistingKeys {
    /// Adds the keys of one stored customer and its contacts.
    pub fn add<'a>(&mut self, id: &str, file: &CustomerFile, contacts: impl IntoIterator<Item = &'a Contact>) {
        if id.starts_with(IMPORTED_ID_PREFIX) {
            self.ids.insert(id.to_owned());
        }
        let code = file.credit_code.trim().to_ascii_uppercase();
        if !code.is_empty() {
            self.credit_codes.insert(code);
        }
        self.phones.extend(contacts.into_iter().filter_map(|c| phone_key(&c.phone)));
    }
}

/// What two rows (or a row and a stored customer) share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DuplicateKey {
    /// A [`phone_key`].
    Phone(String),
    CreditCode(String),
    /// The same identifying cells ([`row_id`]): the same company and contact.
    SameRow,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateOf {
    /// A customer already on the device.
    Existing,
    /// An earlier row of the file, by its line.
    EarlierRow(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowStatus {
    /// Ready to import.
    Ok,
    /// Fields that cannot be imported as they are. A field is a [`Target::code`].
    Error(Vec<FieldError>),
    /// The row has a different number of cells than the header.
    WrongCellCount { expected: usize, found: usize },
    /// Valid, but the customer is already known; not imported.
    Duplicate { of: DuplicateOf, key: DuplicateKey },
    /// This very row was imported before (its [`row_id`] is stored); not imported again.
    AlreadyPresent,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// The row's 1-based line in the file (its first line if a cell spans lines).
    pub line: usize,
    /// The id its customer is stored under ([`row_id`]).
    pub id: String,
    pub customer: CustomerFile,
    /// The row's contact, when it names one or gives a phone or email.
    pub contact: Option<Contact>,
    pub status: RowStatus,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub total: usize,
    pub ok: usize,
    /// Rows with field errors or a wrong number of cells.
    pub errors: usize,
    pub duplicates: usize,
    /// Rows imported before ([`RowStatus::AlreadyPresent`]).
    pub present: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: Vec<ImportRow>,
    pub counts: ImportCounts,
}

/// Reads and checks rows a slice at a time, keeping what it has seen so duplicates are
/// found across slices.
#[derive(Debug)]
pub struct RowValidator<'a> {
    parsed: &'a ParsedCsv,
    existing: &'a ExistingKeys,
    columns: Vec<(usize, Target)>,
    next: usize,
    seen_phones: HashMap<String, usize>,
    seen_codes: HashMap<String, usize>,
    seen_ids: HashMap<String, usize>,
    report: ImportReport,
}

impl<'a> RowValidator<'a> {
    /// Refuses a mapping without a company-name column.
    pub fn new(parsed: &'a ParsedCsv, mapping: &Mapping, existing: &'a ExistingKeys) -> Result<Self, ImportError> {
        if !mapping.contains(&Some(Target::Name)) {
            return Err(ImportError::NoNameColumn);
        }
        Ok(Self::unchecked(parsed, mapping, existing))
    }

    fn unchecked(parsed: &'a ParsedCsv, mapping: &Mapping, existing: &'a ExistingKeys) -> Self {
        let columns =
            mapping.iter().take(parsed.headers.len()).enumerate().filter_map(|(i, t)| t.map(|t| (i, t))).collect();
        RowValidator {
            parsed,
            existing,
            columns,
            next: 0,
            seen_phones: HashMap::new(),
            seen_codes: HashMap::new(),
            seen_ids: HashMap::new(),
            report: ImportReport::default(),
        }
    }

    /// Rows checked so far, of [`total`](Self::total).
    pub fn done(&self) -> usize {
        self.next
    }

    pub fn total(&self) -> usize {
        self.parsed.rows.len()
    }

    /// Checks up to `n` more rows; returns whether rows remain.
    pub fn step(&mut self, n: usize) -> bool {
        let parsed = self.parsed;
        let end = self.next.saturating_add(n).min(self.total());
        for source in &parsed.rows[self.next..end] {
            let row = self.check(source);
            let c = &mut self.report.counts;
            c.total += 1;
            match row.status {
                RowStatus::Ok => c.ok += 1,
                RowStatus::Duplicate { .. } => c.duplicates += 1,
                RowStatus::AlreadyPresent => c.present += 1,
                RowStatus::Error(_) | RowStatus::WrongCellCount { .. } => c.errors += 1,
            }
            self.report.rows.push(row);
        }
        self.next = end;
        self.next < self.total()
    }

    /// The rows checked so far.
    pub fn report(&self) -> &ImportReport {
        &self.report
    }

    /// Checks whatever rows remain and returns the report.
    pub fn finish(mut self) -> ImportReport {
        self.step(usize::MAX);
        self.report
    }

    fn check(&mut self, row: &CsvRow) -> ImportRow {
        let expected = self.parsed.headers.len();
        // Empty cells past the last column (a spreadsheet's stray commas) are harmless.
        let stray = row.cells.len() > expected && row.cells[expected..].iter().all(|c| c.trim().is_empty());
        let found = if stray { expected } else { row.cells.len() };
        let mut customer = CustomerFile::default();
        let mut contact = Contact::default();
        let mut errors = Vec::new();
        let cells: Vec<(Target, &str)> =
            self.columns.iter().filter_map(|&(i, t)| row.cells.get(i).map(|c| (t, c.as_str()))).collect();
        cells::read_row(&cells, &mut customer, &mut contact, &mut errors);
        customer.tidy();
        contact.tidy();
        let contact = (!contact.is_blank()).then_some(contact);
        let id = row_id(&customer, contact.as_ref());
        let status = if found != expected {
            RowStatus::WrongCellCount { expected, found }
        } else {
            if let Err(e) = validate_customer(&customer) {
                errors.extend(e);
            }
            if let Some(Err(e)) = contact.as_ref().map(validate_contact) {
                errors.extend(e.into_iter().map(FieldError::in_contact));
            }
            if errors.is_empty() {
                self.duplicate(row.line, &id, &customer, contact.as_ref())
            } else {
                RowStatus::Error(errors)
            }
        };
        ImportRow { line: row.line, id, customer, contact, status }
    }

    /// Whether a valid row repeats a known customer; if not, remembers its keys.
    fn duplicate(&mut self, line: usize, id: &str, file: &CustomerFile, contact: Option<&Contact>) -> RowStatus {
        if self.existing.ids.contains(id) {
            return RowStatus::AlreadyPresent;
        }
        if let Some(&first) = self.seen_ids.get(id) {
            return RowStatus::Duplicate { of: DuplicateOf::EarlierRow(first), key: DuplicateKey::SameRow };
        }
        let code = (!file.credit_code.is_empty()).then(|| file.credit_code.clone());
        let phone = contact.and_then(|c| phone_key(&c.phone));
        let keys = [code.map(DuplicateKey::CreditCode), phone.map(DuplicateKey::Phone)];
        for key in keys.iter().flatten() {
            let (known, seen) = match key {
                DuplicateKey::CreditCode(k) => (self.existing.credit_codes.contains(k), self.seen_codes.get(k)),
                DuplicateKey::Phone(k) => (self.existing.phones.contains(k), self.seen_phones.get(k)),
                DuplicateKey::SameRow => continue,
            };
            let of = match (known, seen) {
                (true, _) => DuplicateOf::Existing,
                (false, Some(&first)) => DuplicateOf::EarlierRow(first),
                (false, None) => continue,
            };
            return RowStatus::Duplicate { of, key: key.clone() };
        }
        for key in keys.into_iter().flatten() {
            match key {
                DuplicateKey::CreditCode(k) => self.seen_codes.insert(k, line),
                DuplicateKey::Phone(k) => self.seen_phones.insert(k, line),
                DuplicateKey::SameRow => None,
            };
        }
        self.seen_ids.insert(id.to_owned(), line);
        RowStatus::Ok
    }
}

/// Reads and checks every row. Rows that fail are reported, never fatal.
pub fn validate_rows(
    parsed: &ParsedCsv,
    mapping: &Mapping,
    existing: &ExistingKeys,
) -> Result<ImportReport, ImportError> {
    Ok(RowValidator::new(parsed, mapping, existing)?.finish())
}

/// The first `n` rows as the current mapping would import them, checked against each
/// other but not against stored customers. Works with any mapping, so the user sees the
/// effect of each change while mapping.
pub fn preview(parsed: &ParsedCsv, mapping: &Mapping, n: usize) -> Vec<ImportRow> {
    let none = ExistingKeys::default();
    let mut v = RowValidator::unchecked(parsed, mapping, &none);
    v.step(n);
    v.report.rows
}

/// Whether the bytes are a spreadsheet workbook rather than text: XLSX and ODS are ZIP
/// files (`PK\x03\x04`), old Excel XLS is an OLE file (`D0 CF 11 E0`).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// The most cells a workbook's first sheet is read for (a month of stations or a list of
/// customers is far below; a crafted sheet claiming a huge range is refused).
const MAX_SHEET_CELLS: usize = 2_000_000;

/// Reads the first worksheet of an XLSX/XLS/ODS workbook (with the calamine crate) as
/// rows of text, each with its 1-based row number in the sheet, as [`parse`] reads a
/// CSV. Numbers read as written (`10000`, `0.25`); blank rows are skipped.
pub fn parse_workbook(bytes: &[u8]) -> Result<ParsedCsv, ImportError> {
    use calamine::Reader;
    check_size(bytes.len() as u64)?;
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .map_err(|_| ImportError::BadWorkbook)?;
    let first = book.sheet_names().first().cloned().ok_or(ImportError::Empty)?;
    let range = book.worksheet_range(&first).map_err(|_| ImportError::BadWorkbook)?;
    let (height, width) = range.get_size();
    if height.saturating_mul(width) > MAX_SHEET_CELLS {
        return Err(ImportError::BadWorkbook);
    }
    let top = range.start().map_or(0, |(r, _)| r as usize);
    let left = range.start().map_or(0, |(_, c)| c as usize);
    let mut split = HeaderThenRows::default();
    for (i, row) in range.rows().enumerate() {
        let mut cells: Vec<String> = vec![String::new(); left];
        cells.extend(row.iter().map(cell_text));
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = top + i + 1;
        split.push(line, cells)?;
    }
    let (headers, rows) = split.finish()?;
    Ok(ParsedCsv { headers, rows, encoding: "xlsx", delimiter: b',' })
}

/// A cell as the text a CSV would hold: whole numbers without `.0`, others as written.
fn cell_text(c: &calamine::Data) -> String {
    use calamine::Data;
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}
