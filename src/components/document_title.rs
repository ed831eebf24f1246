use crate::context::use_shared;
use crate::i18n::{use_i18n, Catalogue};
use leptos::prelude::*;

/// Each screen names itself in the tab and to screen readers, in the current language.
pub fn use_document_title(title: impl Catalogue) {
    let i18n = use_i18n();
    let product = use_shared().runtime().product_name;
    Effect::new(move |_| {
        let page = i18n.t(title);
        let product = product.as_str();
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if page.contains(product) {
                document.set_title(&page);
            } else {
                document.set_title(&format!("{page} · {product}"));
            }
        }
    });
}
