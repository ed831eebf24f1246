use crate::components::{use_document_title, PageShell};
use crate::i18n::tr;
use crate::i18n::Text;
use leptos::prelude::*;
use topocloud_contract::routes::LOGIN;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_document_title(Text::NotFoundTitle);
    view! {
        <PageShell>
            <section class="card">
                <h1>{tr(Text::NotFoundTitle)}</h1>
                <p>{tr(Text::NotFoundBody)}</p>
                <a class="button button--primary" href=LOGIN>
                    {tr(Text::GoToLogin)}
                </a>
            </section>
        </PageShell>
    }
}
