use crate::i18n::security::SecurityText;
use crate::i18n::{tr, use_i18n, Catalogue, Lang};
use leptos::prelude::*;
use topocloud_contract::percent_encode;

/// Recovery codes, shown the one time they exist in plain: easy to copy, to download as
/// a text file and to print. Nothing of them is kept in the page's storage.
#[component]
pub fn RecoveryCodesList(codes: Vec<String>, email: String) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(None::<bool>);
    let file = {
        let codes = codes.clone();
        move || recovery_file(i18n.lang(), &email, &codes)
    };
    let download_href = {
        let file = file.clone();
        move || format!("data:text/plain;charset=utf-8,{}", percent_encode(&file()))
    };
    let copy = {
        let file = file.clone();
        move |_| {
            let text = file();
            leptos::task::spawn_local(async move {
                let clipboard = window().navigator().clipboard();
                let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text));
                copied.try_set(Some(done.await.is_ok()));
            });
        }
    };
    let print = |_| {
        let _ = window().print();
    };
    let items = codes
        .into_iter()
        .map(|code| {
            view! {
                <li>
                    <code>{code}</code>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="recovery-codes">
            <p>{tr(SecurityText::RecoveryCodesIntro)}</p>
            <p>
                <strong>{tr(SecurityText::RecoveryCodesOnce)}</strong>
            </p>
            <ul class="recovery-code-list">{items}</ul>
            <div class="button-row no-print">
                <button type="button" class="button button--secondary" on:click=copy>
                    {tr(SecurityText::CopyCodes)}
                </button>
                <a
                    class="button button--secondary"
                    download="topocloud-recovery-codes.txt"
                    href=download_href
                >
                    {tr(SecurityText::DownloadCodes)}
                </a>
                <button type="button" class="button button--secondary" on:click=print>
                    {tr(SecurityText::PrintCodes)}
                </button>
            </div>
            <p class="field-hint" role="status">
                {move || {
                    copied
                        .get()
                        .map(|ok| {
                            i18n.t(
                                if ok {
                                    SecurityText::CodesCopied
                                } else {
                                    SecurityText::CopyFailed
                                },
                            )
                        })
                }}
            </p>
        </div>
    }
}

/// The downloaded file: what the codes are for, whose they are, one code per line.
pub fn recovery_file(lang: Lang, email: &str, codes: &[String]) -> String {
    let mut file = format!(
        "{}\n{email}\n\n",
        SecurityText::RecoveryFileIntro.in_lang(lang)
    );
    for code in codes {
        file.push_str(code);
        file.push('\n');
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_names_the_account_and_lists_one_code_per_line() {
        let codes = vec!["abcde-23456".to_owned(), "fghjk-78923".to_owned()];
        let file = recovery_file(Lang::Nl, "anna@example.nl", &codes);
        assert!(file.starts_with("TopoCloud-herstelcodes."), "{file}");
        assert!(file.contains("\nanna@example.nl\n"));
        assert!(file.ends_with("\n\nabcde-23456\nfghjk-78923\n"), "{file}");
    }
}
