//! Form-level validation of the customer file and its contacts (**C1**, **C4**): every
//! problem at once, each tied to its field.

use super::{normalize_credit_code, normalize_phone, Contact, CustomerError, CustomerFile, GRADES, MAX_COMPANY_CHARS};

/// Longest text accepted in any other field (notes included): generous for a field form,
/// but it keeps a pasted document out of a synced record.
pub const MAX_TEXT_CHARS: usize = 2000;
const MAX_EMAIL_CHARS: usize = 254;

/// One refused field. `field` is the stored field name ([`CustomerFile::FIELDS`] or
/// [`Contact::FIELDS`]); a contact's fields read `contact.<field>` once
/// [`in_contact`](FieldError::in_contact) has placed them inside a customer's form or
/// an import row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub reason: CustomerError,
}

impl FieldError {
    pub fn new(field: &'static str, reason: CustomerError) -> FieldError {
        FieldError { field, reason }
    }

    /// A form's amount field whose text is not an amount.
    pub fn money(field: &'static str) -> FieldError {
        FieldError::new(field, CustomerError::NotAnAmount)
    }

    /// A form's percentage field whose text is not a whole percentage.
    pub fn percent(field: &'static str) -> FieldError {
        FieldError::new(field, CustomerError::NotAPercentage)
    }

    /// The same error on a contact shown inside a customer's form or import row: the
    /// field becomes `contact.<field>` (`contact.phone`), apart from customer fields.
    pub fn in_contact(self) -> FieldError {
        let field = match self.field {
            "name" => "contact.name",
            "title" => "contact.title",
            "phone" => "contact.phone",
            "email" => "contact.email",
            "decision_maker" => "contact.decision_maker",
            "interests" => "contact.interests",
            other => other,
        };
        FieldError { field, ..self }
    }
}

fn collect(errors: Vec<FieldError>) -> Result<(), Vec<FieldError>> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn err(field: &'static str, reason: CustomerError) -> FieldError {
    FieldError::new(field, reason)
}

/// Checks a customer file (after [`CustomerFile::tidy`], though untidy input is judged
/// the same way): name required and at most 100 characters; a credit code, when given,
/// valid under GB 32100-2015 (lowercase accepted); discount 0–100 %; amounts not
/// negative; grade A, B or C; no text over [`MAX_TEXT_CHARS`].
pub fn validate_customer(file: &CustomerFile) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = file.name.trim();
    if name.is_empty() {
        errors.push(err("name", CustomerError::CompanyEmpty));
    } else if name.chars().count() > MAX_COMPANY_CHARS {
        errors.push(err("name", CustomerError::CompanyTooLong));
    }
    if let Err(e) = normalize_credit_code(&file.credit_code) {
        errors.push(err("credit_code", e));
    }
    for (field, value) in file.text_fields() {
        if !matches!(field, "name" | "credit_code") && value.chars().count() > MAX_TEXT_CHARS {
            errors.push(err(field, CustomerError::TooLong { max: MAX_TEXT_CHARS }));
        }
    }
    if file.annual_spend_fen.is_some_and(|f| f < 0) {
        errors.push(err("annual_spend_fen", CustomerError::NegativeAmount));
    }
    if file.discount_pct.is_some_and(|d| d > 100) {
        errors.push(err("discount_pct", CustomerError::DiscountOutOfRange));
    }
    if let Some(g) = &file.grade {
        if !GRADES.iter().any(|c| c.0.eq_ignore_ascii_case(g.trim())) {
            errors.push(err("grade", CustomerError::BadGrade));
        }
    }
    collect(errors)
}

/// Checks a contact: a name, a phone or an email to reach someone by (a switchboard
/// number without a person is still a contact, as a company-and-phone row of a file
/// is); a valid phone and email when given. An empty contact is reported on `name`.
pub fn validate_contact(contact: &Contact) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = contact.name.trim();
    if name.is_empty() && contact.phone.trim().is_empty() && contact.email.trim().is_empty() {
        errors.push(err("name", CustomerError::ContactEmpty));
    } else if name.chars().count() > MAX_COMPANY_CHARS {
        errors.push(err("name", CustomerError::TooLong { max: MAX_COMPANY_CHARS }));
    }
    if contact.title.chars().count() > MAX_COMPANY_CHARS {
        errors.push(err("title", CustomerError::TooLong { max: MAX_COMPANY_CHARS }));
    }
    if contact.interests.chars().count() > MAX_TEXT_CHARS {
        errors.push(err("interests", CustomerError::TooLong { max: MAX_TEXT_CHARS }));
    }
    if let Err(e) = normalize_phone(&contact.phone) {
        errors.push(err("phone", e));
    }
    if let Err(e) = validate_email(&contact.email) {
        errors.push(err("email", e));
    }
    collect(errors)
}

/// A pragmatic email check (empty is no email): one `@`, a non-empty local part without
/// spaces, and a domain of dot-separated labels of letters, digits and hyphens (any
/// non-ASCII letter too, for internationalised domains) with at least one dot. It
/// refuses typos, not every address RFC 5322 would refuse.
pub fn validate_email(input: &str) -> Result<(), CustomerError> {
    let e = input.trim();
    if e.is_empty() {
        return Ok(());
    }
    let Some((local, domain)) = e.split_once('@') else {
        return Err(CustomerError::BadEmail);
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| !c.is_whitespace() && !c.is_control() && !"@,;:<>()[]\\\"".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    if local_ok && domain_ok && e.len() <= MAX_EMAIL_CHARS {
        Ok(())
    } else {
        Err(CustomerError::BadEmail)
    }
}
