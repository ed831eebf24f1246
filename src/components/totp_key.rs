use crate::i18n::security::SecurityText;
use crate::i18n::tr;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use topocloud_contract::{group_secret, TotpSetup};

/// The authenticator app's key: as a QR code to scan (drawn by the backend as one SVG
/// path, so the site carries no QR encoder), and as grouped text to type in.
#[component]
pub fn TotpKey(setup: TotpSetup) -> impl IntoView {
    let i18n = use_i18n();
    let size = setup.qr.size;
    let view_box = format!("0 0 {size} {size}");
    view! {
        <ol class="steps">
            <li>
                {tr(SecurityText::SetupStep1)}
                <svg
                    class="qr-code"
                    role="img"
                    aria-label=move || i18n.t(SecurityText::QrLabel)
                    viewBox=view_box
                    shape-rendering="crispEdges"
                >
                    <rect width=size height=size fill="#fff"></rect>
                    <path d=setup.qr.path fill="#000"></path>
                </svg> <p>{tr(SecurityText::KeyInstead)}</p> <p class="totp-key">
                    <span class="visually-hidden">{tr(SecurityText::KeyLabel)} ": "</span>
                    <code>{group_secret(&setup.secret)}</code>
                </p>
            </li>
            <li>{tr(SecurityText::SetupStep2)}</li>
        </ol>
    }
}
