//! The signed-in area: `/account`. Guarded in the route table by
//! [`crate::session::SignedInOnly`].

mod page;

pub use page::AccountPage;
