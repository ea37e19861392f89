//! zh-CN / en strings of the document photos card (C1).

use crate::storage::attachments::Label;
use crate::ui::i18n::Lang;

crate::catalogue! { PhMsg {
    Title => "证件照片", "Document photos";
    Hint => "营业执照、名片等证件的照片。离线也能拍，联网后同步给团队。", "Photos of the business licence, business cards and other documents. Works offline; the team gets them at the next sync.";
    LabelField => "照片内容", "What it shows";
    Licence => "营业执照", "Business licence";
    Card => "名片", "Business card";
    Other => "其他", "Other";
    Take => "拍照或选择图片", "Take or choose a photo";
    Saving => "正在保存照片…", "Saving the photo…";
    Empty => "还没有照片。", "No photos yet.";
    Waiting => "等待同步", "waiting for sync";
    Loading => "正在打开…", "Opening…";
    View => "查看大图", "View large";
    Close => "关闭", "Close";
    Remove => "删除", "Remove";
    ConfirmRemove => "删除这张照片？团队其他设备同步后也会删除。", "Remove this photo? It also goes from the team's other devices when they sync.";
    ErrUnreadable => "无法读取这张图片，请换一张（JPEG、PNG 或 WebP）。", "This image could not be read; try another one (JPEG, PNG or WebP).";
    ErrSave => "照片未能保存：", "The photo could not be saved: ";
    FailMissing => "同步主机上还没有这张照片的文件，下次同步会再试。", "The sync host does not have this photo's file yet; the next sync tries again.";
    FailRefused => "这张照片的文件被拒绝（密钥不同、被篡改或损坏），下次同步会再试。", "This photo's file was refused (another key, altered or damaged); the next sync tries again.";
    FailHost => "同步主机没能提供这张照片，下次同步会再试。", "The sync host could not deliver this photo; the next sync tries again.";
    FailTooNew => "这张照片由更新版本的 Outpost 上传，请先更新应用。", "This photo was uploaded by a newer Outpost; update the app to see it.";
} }

pub fn label_text(lang: Lang, label: Label) -> &'static str {
    match label {
        Label::Licence => PhMsg::Licence,
        Label::Card => PhMsg::Card,
        Label::Other => PhMsg::Other,
    }
    .text(lang)
}

/// Why a photo's file could not be fetched, from its reason code
/// ([`crate::sync::blob::BlobError::code`]).
pub fn failure_text(lang: Lang, code: &str) -> &'static str {
    match code {
        "missing" => PhMsg::FailMissing,
        "host" => PhMsg::FailHost,
        "too_new" => PhMsg::FailTooNew,
        _ => PhMsg::FailRefused,
    }
    .text(lang)
}
