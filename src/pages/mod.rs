mod account;
mod login;
mod not_found;

pub use account::AccountPage;
pub use login::LoginPage;
pub use not_found::NotFoundPage;
