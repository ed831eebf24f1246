//! `/help`: every sign-in question, with a search that narrows the list as you type.
//!
//! The query is kept in the address (`/help?q=…`, replaced, not pushed), so the back
//! button from an article returns to the same narrowed list.

use crate::components::PageShell;
use crate::help::search::search;
use crate::help::{result_count, use_page_title, Article, ArticleText, ContactBlock, HelpText};
use crate::i18n::tr;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use topocloud_contract::percent_encode;
use topocloud_contract::routes::{HELP, LOGIN};

#[component]
pub fn HelpPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t(HelpText::HelpTitle).into_owned());
    let initial = use_query_map().with_untracked(|q| q.get("q").unwrap_or_default());
    let query = RwSignal::new(initial);
    let results = Memo::new(move |_| search(&query.get()));
    let searching = move || !query.get().trim().is_empty();
    let count = move || result_count(i18n.lang(), results.get().len(), searching());

    let on_input = move |ev| {
        let value = event_target_value(&ev);
        remember_query(&value);
        query.set(value);
    };
    let question = move |article: Article| {
        view! {
            <li>
                <a href=move || article.path(i18n.lang())>{tr(ArticleText::Question(article))}</a>
            </li>
        }
    };

    view! {
        <PageShell>
            <div class="help">
                <section class="card" aria-labelledby="help-title">
                    <h1 id="help-title">{tr(HelpText::HelpTitle)}</h1>
                    <p class="intro">{tr(HelpText::HelpIntro)}</p>
                    <form
                        class="help-search field"
                        role="search"
                        on:submit=|ev| ev.prevent_default()
                    >
                        <label for="help-search">{tr(HelpText::SearchLabel)}</label>
                        <input
                            id="help-search"
                            type="search"
                            autocomplete="off"
                            spellcheck="false"
                            aria-describedby="help-search-hint"
                            aria-controls="help-results"
                            prop:value=move || query.get()
                            on:input=on_input
                        />
                        <p id="help-search-hint" class="field-hint">
                            {tr(HelpText::SearchHint)}
                        </p>
                    </form>
                    <h2 id="help-questions">{tr(HelpText::QuestionsHeading)}</h2>
                    // Polite: announced after the person pauses typing, never interrupting.
                    <p id="help-count" class="help-count" role="status" aria-live="polite">
                        {count}
                    </p>
                    <ul id="help-results" class="help-list" aria-labelledby="help-questions">
                        <For each=move || results.get() key=|article| *article as usize let:article>
                            {question(article)}
                        </For>
                    </ul>
                    <Show when=move || results.with(Vec::is_empty)>
                        <p>{tr(HelpText::NoResults)}</p>
                    </Show>
                </section>
                <ContactBlock heading=HelpText::ListContactHeading />
                <p class="help-back">
                    <a href=LOGIN>{tr(HelpText::BackToLogin)}</a>
                </p>
            </div>
        </PageShell>
    }
}

/// Puts the query in the address bar without a navigation (no re-render, no history
/// entry per keystroke).
fn remember_query(value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Only what search reads: a pasted page of text would make an address longer than
    // servers accept, and the page would not load again.
    let kept: String = value
        .chars()
        .take(crate::help::search::QUERY_CHARS)
        .collect();
    let url = if kept.trim().is_empty() {
        HELP.to_owned()
    } else {
        format!("{HELP}?q={}", percent_encode(&kept))
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
