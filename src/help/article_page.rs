//! `/help/:slug`: one answer. Dutch and English slugs both lead here; the answer shows in
//! the language the person chose, whichever slug they came by. An unknown slug gets a
//! not-found that leads back to the list, and every answer ends with the contact block.

use crate::components::{focus_when_drawn, PageShell};
use crate::help::{use_page_title, Article, ArticleBody, ArticleText, ContactBlock, HelpText};
use crate::i18n::tr;
use crate::i18n::use_i18n;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use topocloud_contract::routes::{HELP, LOGIN};

#[component]
pub fn HelpArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    // The same page stays mounted when a link leads from one article to another; only
    // the parameter changes, so everything below follows this memo.
    let article = Memo::new(move |_| {
        params
            .read()
            .get("slug")
            .and_then(|slug| Article::from_slug(&slug))
    });
    use_page_title(move || match article.get() {
        Some(a) => i18n.t(ArticleText::Question(a)).into_owned(),
        None => i18n.t(HelpText::ArticleNotFoundTitle).into_owned(),
    });

    // After a link to another article, focus the new heading, as a fresh page load
    // would put a screen reader at the top; the first render leaves focus alone.
    let heading = NodeRef::<H1>::new();
    Effect::new(move |previous: Option<Option<Article>>| {
        let now = article.get();
        if previous.is_some_and(|p| p != now) {
            focus_when_drawn(heading);
        }
        now
    });

    let title = move || match article.get() {
        Some(a) => i18n.t(ArticleText::Question(a)),
        None => i18n.t(HelpText::ArticleNotFoundTitle),
    };
    let not_found = move || {
        article.get().is_none().then(|| {
            view! {
                <p>{tr(HelpText::ArticleNotFoundBody)}</p>
                <a class="button button--primary" href=HELP>
                    {tr(HelpText::BackToList)}
                </a>
            }
        })
    };

    view! {
        <PageShell>
            <div class="help">
                <p class="help-breadcrumb">
                    <a href=HELP>
                        <span aria-hidden="true">"← "</span>
                        {tr(HelpText::AllQuestions)}
                    </a>
                </p>
                <article class="card help-article" aria-labelledby="help-article-title">
                    <h1 id="help-article-title" node_ref=heading tabindex="-1">
                        {title}
                    </h1>
                    <ArticleBody article=article />
                    {not_found}
                </article>
                <ContactBlock heading=HelpText::StillStuck />
                <p class="help-back">
                    <a href=LOGIN>{tr(HelpText::BackToLogin)}</a>
                </p>
            </div>
        </PageShell>
    }
}
