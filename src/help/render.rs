//! Turns the markup of an answer into elements, and the pieces both help pages share.

use super::markup::{parse, Block, Inline, Target};
use super::{Article, ArticleText, HelpText};
use crate::context::use_shared;
use crate::i18n::tr;
use crate::i18n::{use_i18n, Catalogue, Lang, Text};
use crate::runtime_config::RuntimeConfig;
use leptos::prelude::*;

/// One article's answer in the current language, redrawn when the language changes.
#[component]
pub fn ArticleBody(#[prop(into)] article: Signal<Option<Article>>) -> impl IntoView {
    let i18n = use_i18n();
    let runtime = use_shared().runtime();
    move || {
        let article = article.get()?;
        let lang = i18n.lang();
        let body = i18n.t(ArticleText::Body(article));
        Some(
            parse(&body)
                .into_iter()
                .map(|block| render_block(block, &runtime, lang))
                .collect_view(),
        )
    }
}

fn render_block(block: Block, runtime: &RuntimeConfig, lang: Lang) -> AnyView {
    let line = |inlines: Vec<Inline>| {
        inlines
            .into_iter()
            .map(|inline| render_inline(inline, runtime, lang))
            .collect_view()
    };
    match block {
        Block::Paragraph(inlines) => view! { <p>{line(inlines)}</p> }.into_any(),
        Block::Steps(items) => {
            let items = items
                .into_iter()
                .map(|i| view! { <li>{line(i)}</li> })
                .collect_view();
            view! { <ol class="help-steps">{items}</ol> }.into_any()
        }
        Block::Bullets(items) => {
            let items = items
                .into_iter()
                .map(|i| view! { <li>{line(i)}</li> })
                .collect_view();
            view! { <ul class="help-bullets">{items}</ul> }.into_any()
        }
    }
}

fn render_inline(inline: Inline, runtime: &RuntimeConfig, lang: Lang) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
        Inline::SupportEmail => email_link(runtime).into_any(),
        Inline::SupportPhone => phone_link(runtime).into_any(),
        Inline::Link { label, target } => match target {
            Target::Page(path) => view! { <a href=path>{label}</a> }.into_any(),
            Target::Article(to) => view! { <a href=to.path(lang)>{label}</a> }.into_any(),
            Target::QuickStartGuide => external(label, runtime.quick_start_url.clone(), lang),
            Target::ChangePasswordGuide => {
                external(label, runtime.change_password_help_url.clone(), lang)
            }
            // A test catches these; should one slip through, the words still show.
            Target::Unknown(_) => label.into_any(),
        },
    }
}

/// Guides live on another site: a new tab keeps the help page, and says so.
fn external(label: String, href: String, lang: Lang) -> AnyView {
    view! {
        <a href=href target="_blank" rel="noopener">
            {label}
            <span class="visually-hidden">" " {Text::OpensInNewTab.in_lang(lang)}</span>
        </a>
    }
    .into_any()
}

fn email_link(runtime: &RuntimeConfig) -> impl IntoView {
    let email = runtime.support_email.clone();
    let href = format!("mailto:{email}");
    view! {
        <a class="help-contact-email" href=href>
            {email}
        </a>
    }
}

fn phone_link(runtime: &RuntimeConfig) -> impl IntoView {
    view! {
        <a class="help-contact-phone" href=runtime.support_phone_href()>
            {runtime.support_phone.clone()}
        </a>
    }
}

/// "Still stuck?": the support address and number from the runtime configuration.
#[component]
pub fn ContactBlock(heading: HelpText) -> impl IntoView {
    let runtime = use_shared().runtime();
    view! {
        <section class="help-contact" aria-labelledby="help-contact-title">
            <h2 id="help-contact-title">{tr(heading)}</h2>
            <p>{tr(HelpText::ContactBody)}</p>
            <ul class="help-contact-list">
                <li>{tr(HelpText::EmailLabel)} " " {email_link(&runtime)}</li>
                <li>{tr(HelpText::PhoneLabel)} " " {phone_link(&runtime)}</li>
            </ul>
        </section>
    }
}

/// The tab title for a help page, e.g. "Ik kan niet inloggen · TopoCloud". The shared
/// `use_document_title` takes a fixed `Text`; an article's title follows its slug.
pub fn use_page_title(page: impl Fn() -> String + 'static) {
    let product = use_shared().runtime().product_name;
    Effect::new(move |_| {
        let page = page();
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&format!("{page} · {product}"));
        }
    });
}
