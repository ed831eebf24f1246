//! Who is signed in, known once for the whole app: asked of the backend when the app
//! starts, and told by the screens that sign in or out, so that the next screen neither
//! asks again nor reads a stale copy of its own. Screens for signed-in people only are
//! guarded in the route table by [`SignedInOnly`].

use crate::api::{self, ApiError};
use crate::components::{Loading, PageShell};
use crate::i18n::Text;
use crate::return_to::login_url_returning_to;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use topocloud_contract::routes::LOGIN;
use topocloud_contract::{ErrorCode, SessionInfo};

#[derive(Clone, Copy)]
pub struct Session {
    /// `None` until the backend has answered once.
    answer: RwSignal<Option<Result<SessionInfo, ApiError>>>,
    /// Signed out on this site, on purpose: the guard then leads to the plain login form
    /// instead of one that would bring the person straight back.
    signed_out_here: RwSignal<bool>,
}

impl Session {
    pub fn provide() -> Self {
        let session = Session {
            answer: RwSignal::new(None),
            signed_out_here: RwSignal::new(false),
        };
        session.check();
        provide_context(session);
        session
    }

    /// `None` until the backend has answered once; then the session, or why there is none
    /// (not signed in, or the check itself failed). While asked again, the last answer
    /// stays. Tracked.
    pub fn get(self) -> Option<Result<SessionInfo, ApiError>> {
        self.answer.get()
    }

    /// Whether the backend has answered once (untracked).
    pub fn is_known(self) -> bool {
        self.answer.with_untracked(Option::is_some)
    }

    /// Asks the backend (again): a session can end elsewhere (another device, a new
    /// password, time) without this app having been told. Hearing the same answer again
    /// redraws nothing.
    pub fn check(self) {
        spawn_local(async move {
            let answer = Some(api::current_session().await);
            if self.answer.try_with_untracked(|known| *known != answer) == Some(true) {
                self.answer.try_set(answer);
            }
        });
    }

    /// A screen signed this person in: the backend's answer to the sign-in or accept.
    pub fn signed_in(self, info: SessionInfo) {
        self.signed_out_here.try_set(false);
        self.answer.try_set(Some(Ok(info)));
    }

    /// A screen signed the person out.
    pub fn signed_out(self) {
        self.signed_out_here.try_set(true);
        self.answer.try_set(Some(Err(ApiError::Problem {
            status: 401,
            code: ErrorCode::NotSignedIn,
            fields: Vec::new(),
            retry_after_seconds: None,
            email: None,
            inviter: None,
        })));
    }
}

/// The app's session; a screen mounted alone (component tests) gets one of its own.
pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_else(Session::provide)
}

/// Whether an answer lets a guarded screen open: `None` until known. A failed check
/// opens it too, and the screen offers to try again: a network hiccup is not a sign-out.
pub fn may_open(answer: Option<&Result<SessionInfo, ApiError>>) -> Option<bool> {
    answer.map(|answer| !matches!(answer, Err(error) if error.is_not_signed_in()))
}

/// The route guard for screens of signed-in people: signed out, they go to the login
/// form, which brings them back to the same address, query and all (never the
/// fragment: fragments carry one-time tokens). Until the backend has answered, the
/// static first paint (or a loading frame) stays.
#[component]
pub fn SignedInOnly(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    // Only a change of verdict redraws the screen, not every fresh answer.
    let open = Memo::new(move |_| session.answer.with(|answer| may_open(answer.as_ref())));
    Effect::new(move |_| {
        if open.get() != Some(false) {
            return;
        }
        let to = if session.signed_out_here.get_untracked() {
            LOGIN.to_owned()
        } else {
            let here = window().location();
            let path = here.pathname().unwrap_or_default() + &here.search().unwrap_or_default();
            login_url_returning_to(&path)
        };
        let replace = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        navigate(&to, replace);
    });
    move || match open.get() {
        Some(true) => children().into_any(),
        _ => view! {
            <PageShell>
                <Loading text=Text::Loading />
            </PageShell>
        }
        .into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::may_open;
    use crate::api::ApiError;

    #[test]
    fn only_a_signed_out_answer_keeps_a_guarded_screen_closed() {
        assert_eq!(may_open(None), None);
        let signed_out = ApiError::from_response(
            401,
            Some("application/problem+json"),
            r#"{"status":401,"code":"not_signed_in"}"#,
            None,
            0,
        );
        assert!(signed_out.is_not_signed_in());
        assert_eq!(may_open(Some(&Err(signed_out))), Some(false));
        assert_eq!(may_open(Some(&Err(ApiError::Network))), Some(true));
    }
}
