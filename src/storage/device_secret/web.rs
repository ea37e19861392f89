//! The device secret in the browser ([`super`]): a non-extractable AES-256-GCM
//! `CryptoKey` made by `crypto.subtle.generateKey` and kept, as the key object itself,
//! in IndexedDB's `secrets` store. Its bytes never reach script, so reading the
//! database gives a handle that cannot be exported, not a key.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, AesKeyGenParams, Crypto, CryptoKey};

use super::{DeviceSecret, Wrapped, DEVICE_SECRET_KEY};
use crate::storage::idb::IdbStore;
use crate::storage::{StorageError, StoreName};

fn secret_err(what: &str, e: impl std::fmt::Debug) -> StorageError {
    StorageError::Secret(format!("{what}: {e:?}"))
}

/// Web Crypto of the page or worker this runs in.
fn crypto() -> Result<Crypto, StorageError> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .and_then(|c| c.dyn_into::<Crypto>().ok())
        .ok_or_else(|| StorageError::Secret("Web Crypto is not available".into()))
}

async fn stored_key(store: &IdbStore) -> Result<Option<CryptoKey>, StorageError> {
    let name = StoreName::Secrets.as_str();
    let tx = store.database().transaction(name).build().map_err(|e| secret_err("read", e))?;
    let os = tx.object_store(name).map_err(|e| secret_err("read", e))?;
    let js: Option<JsValue> = os
        .get::<JsValue, String, _>(DEVICE_SECRET_KEY.to_owned())
        .primitive()
        .map_err(|e| secret_err("read", e))?
        .await
        .map_err(|e| secret_err("read", e))?;
    Ok(js.and_then(|v| v.dyn_into::<CryptoKey>().ok()))
}

/// The device's key, made and stored the first time. Two tabs making one at once: the
/// check and the store are one readwrite transaction, so the first stored wins and the
/// other tab uses it too (a value wrapped under a key that was never stored could not
/// be opened again).
async fn device_key(store: &IdbStore) -> Result<CryptoKey, StorageError> {
    if let Some(k) = stored_key(store).await? {
        return Ok(k);
    }
    let usages = Array::of2(&JsValue::from_str("encrypt"), &JsValue::from_str("decrypt"));
    let params = AesKeyGenParams::new("AES-GCM", 256);
    let promise =
        crypto()?.subtle().generate_key_with_object(&params, false, &usages).map_err(|e| secret_err("generate", e))?;
    let fresh: CryptoKey = JsFuture::from(promise)
        .await
        .map_err(|e| secret_err("generate", e))?
        .dyn_into()
        .map_err(|e| secret_err("generate", e))?;
    let name = StoreName::Secrets.as_str();
    let tx = store
        .database()
        .transaction(name)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .map_err(|e| secret_err("store", e))?;
    let os = tx.object_store(name).map_err(|e| secret_err("store", e))?;
    let existing: Option<JsValue> = os
        .get::<JsValue, String, _>(DEVICE_SECRET_KEY.to_owned())
        .primitive()
        .map_err(|e| secret_err("store", e))?
        .await
        .map_err(|e| secret_err("store", e))?;
    let key = match existing.and_then(|v| v.dyn_into::<CryptoKey>().ok()) {
        Some(k) => k,
        None => {
            os.put(JsValue::from(fresh.clone()))
                .with_key(DEVICE_SECRET_KEY.to_owned())
                .primitive()
                .map_err(|e| secret_err("store", e))?;
            fresh
        }
    };
    tx.commit().await.map_err(|e| secret_err("store", e))?;
    Ok(key)
}

fn gcm(iv: &[u8; 12]) -> AesGcmParams {
    AesGcmParams::new("AES-GCM", &Uint8Array::from(&iv[..]))
}

async fn bytes_of(promise: Result<js_sys::Promise, JsValue>, what: &str) -> Result<Vec<u8>, StorageError> {
    let buf = JsFuture::from(promise.map_err(|e| secret_err(what, e))?).await.map_err(|e| secret_err(what, e))?;
    let buf: ArrayBuffer = buf.dyn_into().map_err(|e| secret_err(what, e))?;
    Ok(Uint8Array::new(&buf).to_vec())
}

impl DeviceSecret for IdbStore {
    async fn wrap(&self, plain: &[u8]) -> Result<Wrapped, StorageError> {
        let key = device_key(self).await?;
        let mut iv = [0u8; 12];
        crypto()?.get_random_values_with_u8_array(&mut iv).map_err(|e| secret_err("random", e))?;
        let ct =
            bytes_of(crypto()?.subtle().encrypt_with_object_and_u8_array(&gcm(&iv), &key, plain), "encrypt").await?;
        Ok(Wrapped::new(&iv, &ct))
    }

    async fn unwrap(&self, w: &Wrapped) -> Result<Vec<u8>, StorageError> {
        let (iv, ct) = w.parts()?;
        // No key stored: nothing was ever wrapped on this device (or its data was cleared).
        let key =
            stored_key(self).await?.ok_or_else(|| StorageError::Secret("this device has no device secret".into()))?;
        bytes_of(crypto()?.subtle().decrypt_with_object_and_u8_array(&gcm(&iv), &key, &ct), "decrypt")
            .await
            .map_err(|_| StorageError::Secret("sealed under another device secret, or altered".into()))
    }
}
