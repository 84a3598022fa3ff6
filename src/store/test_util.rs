//! Helpers shared by the unit tests.

use super::{Mode, NewIntake, Store};

pub fn mem_store() -> Store {
    Store::open_in_memory().expect("in-memory store")
}

pub fn new_intake(customer: &str) -> NewIntake {
    NewIntake {
        customer: customer.to_string(),
        mode: Mode::OnSite,
        form_id: "standard".to_string(),
        form_version: 3,
    }
}
