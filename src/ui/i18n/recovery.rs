//! zh-CN / en strings of recovery files (Settings, and restoring on a new tablet).

use crate::storage::recovery::RecoveryError;
use crate::ui::i18n::{passphrase_weak, Lang};

crate::catalogue! { RecMsg {
    Title => "恢复文件", "Recovery file";
    Hint => "换新平板或平板被清空时，用恢复文件以同一身份继续签名。文件用口令保护，请把文件和口令分开保管。", "On a new tablet, or after this one is wiped, a recovery file lets you go on signing as yourself. A passphrase protects it: keep the file and the passphrase apart.";
    YourKey => "你的签名密钥", "Your signing key";
    NoKey => "此档案在本机还没有签名密钥。", "This profile has no signing key on this tablet yet.";
    Passphrase => "口令", "Passphrase";
    Repeat => "再次输入口令", "Repeat the passphrase";
    Save => "保存恢复文件", "Save the recovery file";
    Working => "正在加密…", "Protecting…";
    Saved => "恢复文件已下载。请妥善保管，并记住口令。", "The recovery file was downloaded. Keep it safe and remember the passphrase.";
    Mismatch => "两次输入的口令不一致。", "The two passphrases differ.";
    RestoreTitle => "从另一台平板转来？", "Moving from another tablet?";
    RestoreHint => "选择你的恢复文件并输入口令，即可以原来的身份继续工作。", "Choose your recovery file and enter its passphrase to carry on as yourself.";
    File => "恢复文件", "Recovery file";
    Restore => "恢复我的档案", "Restore my profile";
    Opening => "正在解密…", "Opening…";
    NoFile => "请先选择恢复文件。", "Choose the recovery file first.";
    OtherKey => "本机上的这个档案已有另一把签名密钥，未替换。", "This profile already signs with another key on this tablet; it was not replaced.";
    SaveFailed => "无法保存：", "Could not save: ";
    QrHint => "也可以打印这个二维码与文件分开保管；新平板可扫码恢复，仍需口令。", "You can also print this code and keep it apart from the file; a new tablet can scan it, and still needs the passphrase.";
    Scan => "扫描恢复二维码", "Scan a recovery code";
    Scanned => "已读取二维码。", "Code read.";
} }

/// Why a recovery file could not be made or opened, in words.
pub fn recovery_error(lang: Lang, e: &RecoveryError) -> String {
    let zh = lang == Lang::ZhCn;
    let s = match e {
        RecoveryError::Weak(w) => return passphrase_weak(lang, *w),
        RecoveryError::NotARecoveryFile => {
            if zh {
                "这不是 Outpost 恢复文件。"
            } else {
                "This is not an Outpost recovery file."
            }
        }
        RecoveryError::TooNew(_) => {
            if zh {
                "此恢复文件由更新版本的 Outpost 写入，请先更新本应用。"
            } else {
                "A newer Outpost wrote this recovery file; update this app first."
            }
        }
        RecoveryError::WrongPassphrase => {
            if zh {
                "口令不对（或文件被改动过）。"
            } else {
                "Wrong passphrase (or the file was altered)."
            }
        }
        RecoveryError::KeyMismatch | RecoveryError::Damaged(_) => {
            if zh {
                "恢复文件已损坏。"
            } else {
                "The recovery file is damaged."
            }
        }
    };
    s.to_owned()
}
