use crate::i18n::tr;
use crate::i18n::{use_i18n, Text};
use leptos::prelude::*;
use topocloud_contract::{PasswordPolicy, PasswordRule};

/// The policy's rules, ticked off live as the person types. The list itself is silent;
/// one polite live line says how many rules are met, and only when that number changes,
/// so a screen reader is not interrupted on every key.
#[component]
pub fn PasswordChecklist(
    id: &'static str,
    #[prop(into)] policy: Signal<PasswordPolicy>,
    #[prop(into)] password: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let broken = Memo::new(move |_| policy.get().broken_rules(&password.get()));
    let rules = move || policy.get().rules();
    let met_count = Memo::new(move |_| {
        let broken = broken.get();
        rules().iter().filter(|r| !broken.contains(r)).count()
    });
    let summary = move || {
        let total = rules().len();
        let met = met_count.get();
        if password.with(String::is_empty) {
            String::new()
        } else if met == total {
            i18n.t(Text::RulesAllMet).into_owned()
        } else {
            match i18n.lang() {
                crate::i18n::Lang::Nl => format!("{met} van {total} eisen voldaan."),
                crate::i18n::Lang::En => format!("{met} of {total} requirements met."),
            }
        }
    };
    let label = move |rule: PasswordRule| -> String {
        match rule {
            PasswordRule::MinLength => format!(
                "{} {} {}",
                i18n.t(Text::RuleMinLengthPrefix),
                policy.get().min_length,
                i18n.t(Text::RuleMinLengthSuffix)
            ),
            PasswordRule::Letter => i18n.t(Text::RuleLetter).into_owned(),
            PasswordRule::Digit => i18n.t(Text::RuleDigit).into_owned(),
            PasswordRule::NotCommon => i18n.t(Text::RuleNotCommon).into_owned(),
            PasswordRule::MaxLength | PasswordRule::Printable => String::new(),
        }
    };
    let items = move || {
        let mut shown = rules();
        if policy.get().blocklist {
            shown.push(PasswordRule::NotCommon);
        }
        shown
            .into_iter()
            .map(|rule| {
                // The backend alone knows its blocklist: that rule is a promise, not a tick.
                let met = move || rule != PasswordRule::NotCommon && !password.with(String::is_empty) && !broken.get().contains(&rule);
                view! {
                    <li class="checklist-item" class:checklist-item--met=met>
                        <span aria-hidden="true" class="checklist-mark">{move || if met() { "✓" } else { "•" }}</span>
                        " " {label(rule)}
                        {(rule != PasswordRule::NotCommon).then(|| view! {
                            <span class="visually-hidden">
                                {move || format!(" ({})", i18n.t(if met() { Text::RuleMet } else { Text::RuleNotMet }))}
                            </span>
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div id=id class="checklist">
            <p class="checklist-heading">{tr(Text::RulesHeading)}</p>
            <ul>{items}</ul>
            <p class="visually-hidden" aria-live="polite">
                {summary}
            </p>
        </div>
    }
}
