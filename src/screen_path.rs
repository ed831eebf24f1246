//! The router takes its paths from the route registry (`topocloud_contract::routes`), the
//! same constants every link and the backend's emails use, instead of `path!` literals:
//! `ScreenPath(routes::LOGIN)` matches exactly that path, with or without a trailing slash.

use leptos_router::{PartialPathMatch, PathSegment, PossibleRouteMatch};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScreenPath(pub &'static str);

impl PossibleRouteMatch for ScreenPath {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let (matched, rest) = path.split_at_checked(self.0.len())?;
        // Whole segments only: `/help` is not the start of `/helpdesk`.
        let whole = matched == self.0 && (rest.is_empty() || rest.starts_with('/'));
        whole.then(|| PartialPathMatch::new(rest, Vec::new(), matched))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        path.extend(
            self.0
                .split('/')
                .filter(|segment| !segment.is_empty())
                .map(|segment| PathSegment::Static(segment.into())),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::ScreenPath;
    use leptos_router::{ParamSegment, PossibleRouteMatch};
    use topocloud_contract::routes;

    fn complete(route: &impl PossibleRouteMatch, path: &str) -> bool {
        route.test(path).is_some_and(|m| m.is_complete())
    }

    #[test]
    fn a_screen_matches_its_own_path_only() {
        for path in routes::SCREENS {
            assert!(complete(&ScreenPath(path), path), "{path}");
            assert!(complete(&ScreenPath(path), &format!("{path}/")), "{path}/");
            for other in routes::SCREENS.iter().filter(|other| *other != path) {
                assert!(!complete(&ScreenPath(path), other), "{path} took {other}");
            }
        }
        assert!(!complete(&ScreenPath(routes::HELP), "/helpdesk"));
        assert!(!complete(&ScreenPath(routes::LOGIN), "/users/log"));
        assert!(!complete(&ScreenPath(routes::LOGIN), "/USERS/LOGIN"));
        assert!(!complete(&ScreenPath(routes::ROOT), ""));
    }

    #[test]
    fn an_article_path_is_the_help_path_and_a_slug() {
        let article = (ScreenPath(routes::HELP), ParamSegment("slug"));
        let found = article.test("/help/kan-niet-inloggen").map(|m| m.params());
        assert_eq!(
            found,
            Some(vec![("slug".into(), "kan-niet-inloggen".to_owned())])
        );
        assert!(!complete(&article, "/help"));
        assert!(!complete(
            &ScreenPath(routes::HELP),
            "/help/kan-niet-inloggen"
        ));
    }

    #[test]
    fn the_generated_path_is_the_registry_path() {
        let mut segments = Vec::new();
        ScreenPath(routes::RESET_PASSWORD).generate_path(&mut segments);
        let joined: String = segments
            .iter()
            .map(|s| format!("/{}", s.as_raw_str()))
            .collect();
        assert_eq!(joined, routes::RESET_PASSWORD);
    }
}
