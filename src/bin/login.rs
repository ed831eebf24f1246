//! The login page's own app: `/users/login` and nothing else (see `LoginApp`).

fn main() {
    topocloud_site::start(topocloud_site::LoginApp);
}
