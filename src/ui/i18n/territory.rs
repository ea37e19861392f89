//! zh-CN / en strings of territory assignment, the files sent to marketing and the
//! key-account filter (issue 18, seed 002).

use crate::domain::territory::TerritoryError;
use crate::ui::i18n::Lang;

crate::catalogue! { TerMsg {
    TabTerritory => "按片区分配", "By territory";
    TableTitle => "片区与负责代表", "Territories and their reps";
    TableHint => "市场部收集的线索按客户所在片区交给该片区的代表；一个片区有几位代表时，分给现有客户相对容量最少的一位。", "Leads collected by marketing go to the reps of the customer's region; where several reps share a region, to the one holding the fewest customers for their capacity.";
    Region => "片区", "Region";
    Reps => "代表", "Reps";
    Rep => "分给", "Goes to";
    AddRow => "添加片区", "Add a region";
    RemoveRow => "删除此片区", "Remove this region";
    NoRows => "还没有片区。", "No regions yet.";
    TableSaved => "片区已保存，全团队同步。", "Territories saved for the whole team.";
    AssignTitle => "按片区分配市场线索", "Assign marketing leads by territory";
    AssignHint => "公海中来自市场部或公司活动、尚无负责人的线索，按片区表和各代表的容量自动算出分配方案；确认后一次分配。", "Ownerless leads in the pool from marketing or company events, matched to the territory table and balanced by each rep's capacity; confirm to assign them all at once.";
    NothingPending => "没有可按片区分配的线索。", "No leads to assign by territory.";
    NoTable => "团队还没有片区表，请在“设置”中添加。", "The team has no territories yet; add them in Settings.";
    NoRegion => "片区表中没有其所在片区，请手动分配：", "Their region is not in the table; assign them by hand:";
    NoRoom => "片区代表的容量已满，留在公海：", "The region's reps have no room left; they stay in the pool:";
    NoRegionGiven => "未填片区", "no region";
    AssignedNote => "已按片区分配", "assigned by territory";
    MarketingTitle => "待发送市场营销部的客户档案", "Customer files to send to marketing";
    MarketingHint => "经理审核后的客户档案，须在下一个工作日发送市场营销部。", "A customer file the manager has reviewed goes to the marketing department the next working day.";
    NothingToSend => "没有待发送的客户档案。", "No files to send.";
    ReviewedOn => "审核于", "reviewed";
    DueOn => "应发送", "due";
    MarkSent => "已发送市场部", "Sent to marketing";
    RecentlySent => "最近发送", "Recently sent";
    KeyAccountsOnly => "只看大客户", "Key accounts only";
} }

/// "Assign 12 leads by territory".
pub fn assign_button(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhCn => format!("按片区分配 {n} 条线索"),
        Lang::En => format!("Assign {n} lead(s) by territory"),
    }
}

pub fn assigned_text(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhCn => format!("已按片区分配 {n} 条线索。"),
        Lang::En => format!("{n} lead(s) assigned by territory."),
    }
}

/// Why a territory table was refused, naming the row or region.
pub fn territory_error(lang: Lang, e: &TerritoryError) -> String {
    match (lang, e) {
        (Lang::ZhCn, TerritoryError::EmptyRegion { row }) => format!("第 {row} 行没有填写片区。"),
        (Lang::En, TerritoryError::EmptyRegion { row }) => format!("Row {row} has no region."),
        (Lang::ZhCn, TerritoryError::DuplicateRegion { region }) => {
            format!("片区“{region}”重复了，每个片区只能写一行。")
        }
        (Lang::En, TerritoryError::DuplicateRegion { region }) => {
            format!("The region “{region}” is listed twice; give each region one row.")
        }
        (Lang::ZhCn, TerritoryError::NoRep { region }) => format!("片区“{region}”还没有选择代表。"),
        (Lang::En, TerritoryError::NoRep { region }) => format!("Choose at least one rep for “{region}”."),
        (Lang::ZhCn, TerritoryError::UnknownRep { region, rep }) => {
            format!("片区“{region}”中的“{rep}”不是团队的销售代表。")
        }
        (Lang::En, TerritoryError::UnknownRep { region, rep }) => {
            format!("“{rep}” in “{region}” is not a rep of the team.")
        }
    }
}
