//! Likely role of a host from which of the probed ports are open. A guess from
//! a handful of ports, meant to label an inventory, not to fingerprint.

use super::Role;

pub fn classify(open: &[u16]) -> Role {
    let has = |p: u16| open.contains(&p);
    let smb = has(445) || has(139);
    let web = has(80) || has(443);
    if has(9100) || (has(631) && !smb && !has(22)) {
        return Role::Printer;
    }
    if smb && has(53) {
        // File sharing plus DNS: a domain controller.
        return Role::Server;
    }
    if smb && (has(22) || web || open.len() >= 5) {
        // File sharing with management/web: NAS or file server.
        return Role::Server;
    }
    if smb || has(3389) {
        // Windows with sharing and/or remote desktop, nothing more.
        return Role::Workstation;
    }
    if has(53) || web {
        // DNS or a web UI without file sharing: router, firewall, switch, AP.
        return Role::NetworkDevice;
    }
    if has(22) {
        return Role::Server;
    }
    Role::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_from_ports() {
        assert_eq!(classify(&[9100, 80]), Role::Printer);
        assert_eq!(classify(&[631, 80, 443]), Role::Printer);
        assert_eq!(classify(&[445, 139, 3389]), Role::Workstation);
        assert_eq!(classify(&[3389]), Role::Workstation);
        assert_eq!(classify(&[445, 3389, 53, 139]), Role::Server);
        assert_eq!(classify(&[445, 139, 22, 80, 443]), Role::Server);
        assert_eq!(classify(&[53, 80, 443]), Role::NetworkDevice);
        assert_eq!(classify(&[443]), Role::NetworkDevice);
        assert_eq!(classify(&[22]), Role::Server);
        assert_eq!(classify(&[]), Role::Unknown);
    }
}
