//! zh-CN / en strings of the team's sync status and the quarantine.

use crate::record::hlc::HostClock;
use crate::sync::engine::Refusal;
use crate::sync::status::DeviceStatus;
use crate::ui::i18n::Lang;

crate::catalogue! { SMsg {
    InStep => "团队已同步一致：每台设备都已收到其他设备的最新更改。", "The team is in step: every device has every other's newest changes.";
    NotInStep => "本轮同步已完成，但团队尚未一致：", "This round finished, but the team is not in step yet:";
    Devices => "团队设备", "Team devices";
    Device => "设备", "Device";
    LastHead => "最近一次发布", "Last published";
    State => "状态", "State";
    OkDevice => "一致", "In step";
    NoDevices => "还没有发现其他设备。", "No other device found yet.";
    Unsynced => "本机还有未发布的更改", "This device has changes not published yet";
    Quarantine => "隔离区", "Quarantine";
    QuarantineHint => "其他设备写入、本机无法接收的文件和记录都原样保存在这里，每轮同步（以及应用更新后）都会重试，不会丢失。", "Files and records from other devices that this device could not take are kept here unchanged, retried on every sync (and after an app update), never lost.";
    QuarantineEmpty => "隔离区是空的。", "The quarantine is empty.";
    QuarantineExport => "导出隔离区（供技术支持）", "Export the quarantine (for support)";
    PartlyRead => "只能部分读取的记录", "Records read in part";
    PartlyReadHint => "这些记录显示时缺少下列字段。记录原样保存并继续同步，应用更新后或有人修改该字段后会重新读取。", "These records are shown without the fields below. They stay stored and synced unchanged, and are read again after an app update or when someone edits the field.";
    From => "来自", "From";
    Why => "原因", "Why";
    Since => "首次出现", "First seen";
    Republished => "同步目录丢失了本机的部分文件，已重新发布。", "The sync folder had lost some of this device's files; they were published again.";
} }

/// Why a stored field could not be read (`record_health::reason_code`), in words.
pub fn field_problem_text(lang: Lang, code: &str) -> &'static str {
    let (z, e) = match code {
        "wrong_type" => ("字段的值类型不对", "the field holds another type of value"),
        "bad_date" => ("字段不是有效日期", "the field is not a valid date"),
        "bad_amount" => ("字段不是有效金额", "the field is not a valid amount"),
        "unknown_value" => (
            "本版本不认识这个取值（可能来自更新的版本）",
            "a value this version does not know (perhaps from a newer version)",
        ),
        "required" => (
            "缺少必需的字段，记录暂不显示",
            "a field the record needs is missing or unreadable; the record is not shown",
        ),
        "unsealed" => {
            ("团队启用签名后写入却没有签名，不予计入", "written unsigned after the team began to sign; not counted")
        }
        "unknown_key" => (
            "签名密钥当时不在团队名册中，不予计入",
            "signed with a key the team roster did not hold at the time; not counted",
        ),
        "revoked" => (
            "签名密钥当时已被撤销（此人已离开团队或设备遗失），不予计入",
            "signed with a key revoked by then (the person left, or lost the device); not counted",
        ),
        "backdated" => (
            "记录的时间早于作者此前发布的时间，疑似倒填日期，不予计入",
            "dated before what its device had already published (backdated); not counted",
        ),
        "not_the_author" => {
            ("用他人的密钥冒名签署，不予计入", "signed with someone else's key than the author named; not counted")
        }
        "lacks_role" => (
            "签署人当时没有所需的角色，不予计入",
            "the signer did not hold the role this needs at the time; not counted",
        ),
        _ => ("字段格式不对", "the field is malformed"),
    };
    if lang == Lang::ZhCn {
        z
    } else {
        e
    }
}

/// Why a file or record was refused, in words.
pub fn refusal_text(lang: Lang, code: &str) -> &'static str {
    let zh = lang == Lang::ZhCn;
    let (z, e) = match code {
        "too_new" => ("由更新版本的 Outpost 写入，请更新本应用", "written by a newer Outpost; update this app"),
        "wrong_key" => {
            ("无法用团队密钥解开（密钥不同或被篡改）", "cannot be opened with the team key (another key, or altered)")
        }
        "too_large" => ("文件大小超出上限，未下载", "larger than any file Outpost writes; not downloaded"),
        "host" => ("同步目录拒绝提供此文件", "the sync folder refused to serve this file"),
        "missing" => (
            "同步目录中缺少此文件，等待作者重新发布",
            "missing from the sync folder; waiting for its author to publish it again",
        ),
        "rollback" => (
            "同步目录提供了比已读过的更旧的版本（被回滚或重放）",
            "the sync folder served an older version than one already read (rolled back or replayed)",
        ),
        "stale" => (
            "同步目录一直提供旧版本，而其他设备已读到新版本",
            "the sync folder keeps serving an old version while other devices have read a newer one",
        ),
        "kind_changed" => {
            ("同一记录以另一种类型再次发布，已拒绝", "the same record was published again as another kind; refused")
        }
        "backdated" => (
            "记录的时间早于该设备此前已发布的内容，疑似倒填日期，已拒绝",
            "dated before what its device had already published (backdated); refused",
        ),
        "withheld" => (
            "团队索引漏掉了一台设备已发布的新版本；本轮改为逐台读取",
            "the team index left out a newer version a device had published; every device was read directly this round",
        ),
        "bad_seal" => (
            "签名不符：记录在签名后被改动，或冒用了他人的密钥，已拒绝",
            "the signature does not match: the record was altered after signing, or names someone else's key; refused",
        ),
        _ => ("文件已损坏", "the file is damaged"),
    };
    if zh {
        z
    } else {
        e
    }
}

pub fn refusal(lang: Lang, r: &Refusal) -> &'static str {
    refusal_text(lang, r.code())
}

/// What keeps one device out of step, in words; empty when it is in step.
pub fn device_problems(lang: Lang, d: &DeviceStatus) -> Vec<String> {
    let zh = lang == Lang::ZhCn;
    let mut out = Vec::new();
    if d.head_written_ms.is_none() && d.clock_ms.is_none() {
        out.push(if zh {
            "尚未读到它发布的内容".into()
        } else {
            "nothing it published has been read yet".into()
        });
    }
    if d.missing > 0 {
        out.push(if zh {
            format!("还有 {} 个文件未合并", d.missing)
        } else {
            format!("{} file(s) not merged yet", d.missing)
        });
    }
    if d.refused > 0 {
        out.push(if zh {
            format!("{} 个文件被拒绝（见隔离区）", d.refused)
        } else {
            format!("{} refused (see the quarantine)", d.refused)
        });
    }
    if d.held > 0 {
        out.push(if zh {
            format!("{} 项更改的时间戳在未来，暂缓合并，等待时间赶上（请校正该设备的时间）", d.held)
        } else {
            format!(
                "{} change(s) stamped in the future are held back until the time catches up (set that device's clock)",
                d.held
            )
        });
    }
    if !d.has_mine {
        out.push(if zh {
            "还没有收到本机的最新更改".into()
        } else {
            "has not received this device's newest changes yet".into()
        });
    }
    if !d.behind_on.is_empty() {
        let names = d.behind_on.iter().map(|n| short(n)).collect::<Vec<_>>().join(", ");
        out.push(if zh {
            format!("还没有收到 {names} 的最新更改")
        } else {
            format!("has not received the newest changes of {names}")
        });
    }
    out
}

/// A device id shortened for reading (ids are UUIDs).
pub fn short(id: &str) -> String {
    id.chars().take(8).collect()
}

/// The host's clock reading when it was not believed (or corrected this device), in words.
pub fn host_clock_text(lang: Lang, h: &HostClock) -> Option<String> {
    let zh = lang == Lang::ZhCn;
    let days = |ms: i64| (ms.abs() as f64 / 86_400_000.0 * 10.0).round() / 10.0;
    match h {
        HostClock::InStep => None,
        HostClock::Corrected { offset_ms } => Some(if zh {
            format!("本机时钟与同步目录相差约 {} 天，新的更改按同步目录的时间记录；请校正本机时间。", days(*offset_ms))
        } else {
            format!("This device's clock is about {} day(s) off the sync folder's; new changes use the folder's time. Please set this device's clock.", days(*offset_ms))
        }),
        HostClock::BehindTeam { host_ms, team_ms } => Some(if zh {
            format!(
                "同步目录服务器的时钟比团队最新的更改还早约 {} 天，已忽略；请检查服务器时间。",
                days(team_ms - host_ms)
            )
        } else {
            format!("The sync server's clock is about {} day(s) behind the team's newest changes; ignored. Please check the server's time.", days(team_ms - host_ms))
        }),
        HostClock::Unconfirmed { off_ms, .. } => Some(if zh {
            format!("同步目录服务器的时钟与本机相差约 {} 天，且没有其他设备的记录可以印证，已忽略；请检查服务器和本机的时间。", days(*off_ms))
        } else {
            format!("The sync server's clock is about {} day(s) off this device's and nothing from the team confirms it; ignored. Please check the server's and this device's time.", days(*off_ms))
        }),
    }
}
