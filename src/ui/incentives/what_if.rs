use leptos::prelude::*;

use crate::domain::incentive::{
    sales_what_if, what_if, Area, BillLine, LineFigures, ReferralKind, Scheme, Statement, StationFigures, Swipe,
};
use crate::domain::money::{format_yuan, parse_yuan};
use crate::ui::i18n::incentives::{arithmetic_text, item_text, line_band, IMsg};
use crate::ui::i18n::{t, use_i18n};

/// A count as typed: blank is 0; anything else must be a whole number.
fn count(text: &str) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() {
        Some(0)
    } else {
        t.parse().ok().filter(|n| *n <= MAX_COUNT)
    }
}

/// The largest count the what-if takes (a month of one station is far below).
const MAX_COUNT: u64 = 10_000_000;
const MAX_WITHDRAWALS: u64 = 100_000;

fn yuan(text: &str) -> Option<i64> {
    if text.trim().is_empty() {
        Some(0)
    } else {
        parse_yuan(text).ok().filter(|f| *f >= 0)
    }
}

/// The fields of the station what-if, in the order the form shows them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum F {
    Households,
    Stations,
    Electricity,
    Withdrawals,
    Mobile,
    Unicom,
    Telecom,
    Pos,
    Ref(ReferralKind),
}

impl F {
    const ALL: [F; 12] = [
        F::Households,
        F::Stations,
        F::Electricity,
        F::Withdrawals,
        F::Mobile,
        F::Unicom,
        F::Telecom,
        F::Pos,
        F::Ref(ReferralKind::NewHousehold),
        F::Ref(ReferralKind::FinancialLead),
        F::Ref(ReferralKind::CarInsuranceLead),
        F::Ref(ReferralKind::CarInsuranceConverted),
    ];

    fn label(self) -> IMsg {
        match self {
            F::Households => IMsg::Households,
            F::Stations => IMsg::StationsInVillage,
            F::Electricity => IMsg::ElectricityTx,
            F::Withdrawals => IMsg::WithdrawalTx,
            F::Mobile => IMsg::MobileAmount,
            F::Unicom => IMsg::UnicomTx,
            F::Telecom => IMsg::TelecomAmount,
            F::Pos => IMsg::PosTx,
            F::Ref(ReferralKind::NewHousehold) => IMsg::RefHousehold,
            F::Ref(ReferralKind::FinancialLead) => IMsg::RefFinancial,
            F::Ref(ReferralKind::CarInsuranceLead) => IMsg::RefCarLead,
            F::Ref(ReferralKind::CarInsuranceConverted) => IMsg::RefCarConverted,
        }
    }

    fn is_money(self) -> bool {
        matches!(self, F::Mobile | F::Telecom)
    }

    fn slug(self) -> &'static str {
        match self {
            F::Households => "households",
            F::Stations => "stations",
            F::Electricity => "electricity",
            F::Withdrawals => "withdrawals",
            F::Mobile => "mobile",
            F::Unicom => "unicom",
            F::Telecom => "telecom",
            F::Pos => "pos",
            F::Ref(ReferralKind::NewHousehold) => "ref-household",
            F::Ref(ReferralKind::FinancialLead) => "ref-financial",
            F::Ref(ReferralKind::CarInsuranceLead) => "ref-car-lead",
            F::Ref(ReferralKind::CarInsuranceConverted) => "ref-car-converted",
        }
    }
}

/// The station as typed, or the first field that does not read.
fn station(area: Area, values: &[(F, RwSignal<String>)]) -> Result<StationFigures, F> {
    let mut st = StationFigures::new("what-if", area, "", "");
    for (f, v) in values {
        let text = v.get();
        if f.is_money() {
            let fen = yuan(&text).ok_or(*f)?;
            let line = if *f == F::Mobile { BillLine::Mobile } else { BillLine::Telecom };
            st.bills.insert(line, LineFigures { tx: u64::from(fen > 0), amount_fen: fen });
            continue;
        }
        let n = count(&text).ok_or(*f)?;
        match f {
            F::Households => st.households = n,
            F::Stations => st.stations_in_village = n.max(1),
            F::Electricity => st.electricity_tx = n,
            F::Withdrawals => {
                // Counted withdrawals: each on a card of its own, so the daily cap does
                // not apply a second time. A village station's month is far below the limit.
                if n > MAX_WITHDRAWALS {
                    return Err(*f);
                }
                st.swipes = (0..n).map(|i| Swipe { card: format!("w{i}"), day: 1, count: 1 }).collect();
            }
            F::Unicom => {
                let e = st.bills.entry(BillLine::Unicom).or_default();
                e.tx = n;
            }
            F::Pos => st.pos_tx = n,
            F::Ref(k) => {
                if n > 0 {
                    st.referrals.insert(*k, n);
                }
            }
            F::Mobile | F::Telecom => {}
        }
    }
    Ok(st)
}

fn lines_view(s: Statement) -> impl IntoView {
    let i18n = use_i18n();
    let total = s.total_fen();
    view! {
        <table class="statement-lines">
            <tbody>
                {s.lines.into_iter().map(|l| {
                    let (a, b, c) = (l.clone(), l.clone(), l.clone());
                    view! {
                        <tr data-testid="what-if-line">
                            <td>{move || item_text(i18n.lang(), &a.item)}</td>
                            <td>{move || { let band = line_band(i18n.lang(), &b); if band.is_empty() { band } else { format!("{band} · ") } }}
                                {move || arithmetic_text(i18n.lang(), &c)}</td>
                            <td class="num">{format_yuan(l.amount_fen)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
            <tfoot><tr><th colspan="2">{t(IMsg::Total)}</th><td class="num" data-testid="what-if-total" data-total=total>{format_yuan(total)}</td></tr></tfoot>
        </table>
    }
}

/// I8's what-if: a station's month typed in and a rep's month of confirmed payments,
/// each computed with the version explained, as they type. Nothing is stored.
#[component]
pub fn WhatIf(scheme: Scheme) -> impl IntoView {
    let i18n = use_i18n();
    let area = RwSignal::new(Area::Rural);
    let values: Vec<(F, RwSignal<String>)> = F::ALL.iter().map(|f| (*f, RwSignal::new(String::new()))).collect();
    let scheme = StoredValue::new(scheme);
    let inputs = values.clone();
    let result = Memo::new(move |_| {
        let st = station(area.get(), &inputs)?;
        Ok::<_, F>(scheme.with_value(|s| what_if(s, &st)))
    });
    let sales = RwSignal::new(String::new());
    let sales_result = move || {
        let fen = yuan(&sales.get())?;
        Some(scheme.with_value(|s| (s.sales.pays(), sales_what_if(s, fen))))
    };
    view! {
        <section class="explain-section what-if" data-testid="what-if">
            <h4>{t(IMsg::WhatIf)}</h4>
            <p class="muted">{t(IMsg::WhatIfHint)}</p>
            <div class="what-if-form">
                <label class="knob"><span>{t(IMsg::Area)}</span>
                    <select data-testid="what-if-area" on:change=move |ev| area.set(if event_target_value(&ev) == "urban" { Area::Urban } else { Area::Rural })>
                        <option value="rural" selected=true>{t(IMsg::Rural)}</option>
                        <option value="urban">{t(IMsg::Urban)}</option>
                    </select>
                </label>
                {values.into_iter().map(|(f, v)| view! {
                    <label class="knob"><span>{t(f.label())}</span>
                        <input type="text" inputmode=if f.is_money() { "decimal" } else { "numeric" }
                            data-testid=format!("what-if-{}", f.slug()) placeholder="0"
                            prop:value=move || v.get() on:input=move |ev| v.set(event_target_value(&ev)) /></label>
                }).collect_view()}
            </div>
            {move || match result.get() {
                Err(f) => view! { <p class="notice error" role="alert" data-testid="what-if-error">{move || format!("{}{}", IMsg::KnobBadNumber.text(i18n.lang()), f.label().text(i18n.lang()))}</p> }.into_any(),
                Ok((own, maint)) => view! {
                    {lines_view(own)}
                    <p data-testid="what-if-maintenance" data-fen=maint>{t(IMsg::WhatIfMaint)}{format_yuan(maint)}</p>
                }.into_any(),
            }}
            <label class="knob"><span>{t(IMsg::WhatIfSales)}</span>
                <input type="text" inputmode="decimal" data-testid="what-if-sales" placeholder="0"
                    prop:value=move || sales.get() on:input=move |ev| sales.set(event_target_value(&ev)) /></label>
            {move || match sales_result() {
                None => view! { <p class="notice error" role="alert">{move || format!("{}{}", IMsg::KnobBadNumber.text(i18n.lang()), IMsg::WhatIfSales.text(i18n.lang()))}</p> }.into_any(),
                Some((false, _)) => view! { <p class="muted">{t(IMsg::CommissionNone)}</p> }.into_any(),
                Some((true, st)) => lines_view(st).into_any(),
            }}
        </section>
    }
}
