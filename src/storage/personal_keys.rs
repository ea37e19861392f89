//! Personal signing keys on this device (issue 15): one Ed25519 key per profile, made
//! here the first time the profile needs it and kept only wrapped under the device
//! secret ([`super::device_secret`]), so the database holds no usable private key.
//!
//! The key's public half travels in the person's directory entry
//! ([`super::people::person_key_change`]); an admin grants it roles on the roster.

use std::collections::HashMap;

use super::device_secret::{DeviceSecret, Wrapped};
use super::{get_typed, to_json, RecordStore, StorageError, StoreName, Write};
use crate::domain::profile::Profile;
use crate::record::seal::PersonalKey;

fn meta_key(profile: &str) -> String {
    format!("personal_key:{profile}")
}

/// The profile's key: the stored one, or a new one from `fresh` (32 bytes from the
/// platform's CSPRNG) stored wrapped. A stored key that cannot be opened (the device
/// secret is gone, the value damaged) is an error, never silently replaced: a new key
/// would be a new identity the roster does not know.
pub async fn personal_key<S: RecordStore + DeviceSecret>(
    s: &S,
    profile: &str,
    fresh: impl FnOnce() -> [u8; 32],
) -> Result<PersonalKey, StorageError> {
    let k = meta_key(profile);
    if let Some(w) = get_typed::<_, Wrapped>(s, StoreName::Meta, &k).await? {
        return open(s, &w).await;
    }
    let key = PersonalKey::from_seed(fresh());
    let w = s.wrap(&key.seed()).await?;
    s.write(vec![Write::Put(StoreName::Meta, k.clone(), to_json(&w)?)]).await?;
    // Another tab may have made one at the same moment: use whichever is stored.
    match get_typed::<_, Wrapped>(s, StoreName::Meta, &k).await? {
        Some(stored) if stored != w => open(s, &stored).await,
        _ => Ok(key),
    }
}

async fn open<S: DeviceSecret>(s: &S, w: &Wrapped) -> Result<PersonalKey, StorageError> {
    let seed: [u8; 32] =
        s.unwrap(w).await?.try_into().map_err(|_| StorageError::Secret("personal key: not 32 bytes".into()))?;
    Ok(PersonalKey::from_seed(seed))
}

/// The keys of `profiles` (made where missing). A profile whose stored key cannot be
/// opened is left out and named in the second list; its changes go unsealed.
pub async fn personal_keys<S: RecordStore + DeviceSecret>(
    s: &S,
    profiles: &[Profile],
    mut fresh: impl FnMut() -> [u8; 32],
) -> (HashMap<String, PersonalKey>, Vec<(String, StorageError)>) {
    let mut keys = HashMap::new();
    let mut failed = Vec::new();
    for p in profiles {
        match personal_key(s, &p.id, &mut fresh).await {
            Ok(k) => {
                keys.insert(p.id.clone(), k);
            }
            Err(e) => failed.push((p.id.clone(), e)),
        }
    }
    (keys, failed)
}

/// Keeps `key` as `profile`'s key on this device (restored from a recovery file). A
/// profile that already has another key here keeps it: replacing it would silently
/// make this tablet sign as someone else, so that is an error the person sees.
pub async fn restore_key<S: RecordStore + DeviceSecret>(
    s: &S,
    profile: &str,
    key: &PersonalKey,
) -> Result<(), StorageError> {
    let k = meta_key(profile);
    if let Some(w) = get_typed::<_, Wrapped>(s, StoreName::Meta, &k).await? {
        let stored = open(s, &w).await?;
        return if stored.id() == key.id() {
            Ok(())
        } else {
            Err(StorageError::Secret("this profile already has another key on this device".into()))
        };
    }
    let w = s.wrap(&key.seed()).await?;
    s.write(vec![Write::Put(StoreName::Meta, k, to_json(&w)?)]).await?;
    Ok(())
}
