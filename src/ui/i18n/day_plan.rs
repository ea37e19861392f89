//! zh-CN / en strings of the day plan (V8): plan slots on the visit-plan form, the day
//! plan at the top of Today, and the unplanned-visit mark (V2).

use crate::domain::day_plan::{PlanKind, Slot, SlotHint};
use crate::ui::i18n::Lang;

crate::catalogue! { DMsg {
    DayPlan => "今日计划", "Day plan";
    Morning => "上午", "Morning";
    Afternoon => "下午", "Afternoon";
    NothingPlanned => "这一天没有已批准的计划，也没有到期的跟进。", "No approved plan and no follow-up due for this day.";
    LogCall => "记录电话", "Log the call";
    LogVisit => "记录拜访", "Log the visit";
    Done => "已完成", "Done";
    ToDo => "待完成", "To do";
    FollowUp => "到期跟进", "Follow-up due";
    NotOnPlan => "不在计划中", "not on the plan";
    Schedule => "时间安排", "Schedule";
    ScheduleHint => "每位客户：电话或拜访，上午或下午；可填时间。", "For each customer: call or visit, morning or afternoon; a time if you like.";
    Time => "时间", "Time";
    KindOf => "电话还是拜访", "Call or visit";
    HalfOf => "上午或下午", "Morning or afternoon";
    Rep => "业务员", "Rep";
    Day => "日期", "Day";
    PickRep => "选择业务员", "Pick a rep";
    ReadOnly => "只读：业务员本人在今日页记录。", "Read-only: the rep logs from their own Today page.";
    Unplanned => "计划外", "unplanned";
    UnplannedTitle => "当天没有已批准的拜访计划包含这位客户", "No approved visit plan named this customer on that day";
    Progress => "已完成", "done";
} }

pub fn slot_label(lang: Lang, s: Slot) -> &'static str {
    match s {
        Slot::Morning => DMsg::Morning.text(lang),
        Slot::Afternoon => DMsg::Afternoon.text(lang),
    }
}

pub fn plan_kind_label(lang: Lang, k: PlanKind) -> &'static str {
    match (k, lang) {
        (PlanKind::Call, Lang::ZhCn) => "电话/预约",
        (PlanKind::Call, Lang::En) => "Call / booking",
        (PlanKind::Visit, Lang::ZhCn) => "拜访",
        (PlanKind::Visit, Lang::En) => "Visit",
    }
}

pub fn hint_text(lang: Lang, h: SlotHint) -> &'static str {
    match (h, lang) {
        (SlotHint::VisitInMorning, Lang::ZhCn) => "建议：拜访尽量安排在下午，上午留给电话和预约。",
        (SlotHint::VisitInMorning, Lang::En) => {
            "Tip: visits are best in the afternoon; mornings are for calls and bookings."
        }
        (SlotHint::CallInAfternoon, Lang::ZhCn) => "建议：电话和预约尽量安排在上午。",
        (SlotHint::CallInAfternoon, Lang::En) => "Tip: calls and bookings are best in the morning.",
    }
}

pub fn slot_code(s: Slot) -> &'static str {
    match s {
        Slot::Morning => "morning",
        Slot::Afternoon => "afternoon",
    }
}

pub fn plan_kind_code(k: PlanKind) -> &'static str {
    match k {
        PlanKind::Call => "call",
        PlanKind::Visit => "visit",
    }
}
