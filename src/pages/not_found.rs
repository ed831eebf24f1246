use crate::components::{use_document_title, PageShell};
use crate::i18n::{use_i18n, Text};
use crate::return_to::LOGIN;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    use_document_title(Text::NotFoundTitle);
    view! {
        <PageShell>
            <section class="card">
                <h1>{move || i18n.t(Text::NotFoundTitle)}</h1>
                <p>{move || i18n.t(Text::NotFoundBody)}</p>
                <a class="button button--primary" href=LOGIN>{move || i18n.t(Text::GoToLogin)}</a>
            </section>
        </PageShell>
    }
}
