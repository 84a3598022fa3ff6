//! The command-line surface (fixed by issue #3; every test and later part uses it).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "intake",
    version,
    about = "Intake en locatieonderzoek voor MKB Werkplek Online / intake and site survey"
)]
pub struct Cli {
    /// The database file (default: the user's data directory, e.g. ~/.local/share/intake/intake.db).
    #[arg(long, global = true, env = "INTAKE_DB")]
    pub db: Option<PathBuf>,
    /// Language of messages and of the TUI (nl or en).
    #[arg(long, global = true, env = "INTAKE_LANG", value_parser = ["nl", "en"])]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check or print form files.
    #[command(subcommand)]
    Form(FormCmd),
    /// Start a new intake and print its id.
    New {
        #[arg(long)]
        customer: String,
        #[arg(long, value_enum, default_value = "on-site")]
        mode: ModeArg,
        /// A form file other than the built-in standard form.
        #[arg(long)]
        form: Option<PathBuf>,
    },
    /// List the intakes.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one intake: answers, progress per section, errors.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Set answers: KEY=VALUE ... (all or nothing).
    Set {
        id: i64,
        #[arg(required = true, value_name = "KEY=VALUE")]
        pairs: Vec<String>,
    },
    /// Remove answers.
    Unset {
        id: i64,
        #[arg(required = true, value_name = "KEY")]
        keys: Vec<String>,
    },
    /// Who changed what, when.
    History {
        id: i64,
        key: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write an intake as a JSON bundle (plain, or age-encrypted with --encrypt).
    Export {
        id: i64,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        crypt: BundleCrypt,
    },
    /// Read a JSON bundle (e.g. a form the customer filled in).
    ///
    /// A bundle of an intake that exists here is merged into it: answers changed only in
    /// the bundle are taken, answers changed only here are kept, answers changed on both
    /// sides are conflicts, and nothing is imported until each has a side.
    Import {
        file: PathBuf,
        /// In conflicts keep this database's value: for all (--ours) or for the keys given
        /// (--ours=KEY,KEY).
        #[arg(long, num_args = 0.., value_delimiter = ',', require_equals = true, value_name = "KEY")]
        ours: Option<Vec<String>>,
        /// In conflicts take the bundle's value: for all (--theirs) or for the keys given
        /// (--theirs=KEY,KEY).
        #[arg(long, num_args = 0.., value_delimiter = ',', require_equals = true, value_name = "KEY")]
        theirs: Option<Vec<String>>,
        /// The same as --theirs: the bundle wins every conflict (answers changed only here
        /// after the export are still kept).
        #[arg(long, conflicts_with_all = ["as_new", "theirs"])]
        replace: bool,
        /// Import as a new intake even if the bundle came from an existing one.
        #[arg(long, conflicts_with_all = ["ours", "theirs"])]
        as_new: bool,
        /// For an encrypted bundle: a file (readable by you only) holding its passphrase;
        /// without it the passphrase is asked on the terminal.
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Bring a deleted intake back into the list (possible until it is purged).
    Restore { id: i64 },
    /// Remove an intake from the list (kept in the database until purged).
    Delete {
        id: i64,
        #[arg(long)]
        yes: bool,
    },
    /// Erase an intake with its history and probes (GDPR right to erasure).
    Purge {
        id: i64,
        #[arg(long)]
        yes: bool,
    },
    /// Measure this workstation, the local network or the internet link.
    #[command(subcommand)]
    Probe(ProbeCmd),
    /// Run the bandwidth measuring server.
    BandwidthServer {
        #[arg(long, default_value = "0.0.0.0:5201")]
        listen: String,
        /// Stop after this many seconds (default: run until interrupted).
        #[arg(long)]
        max_seconds: Option<u64>,
    },
    /// Findings and measures for an intake.
    Advise {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Accept a finding with a reason (stays in the report, marked accepted).
    Accept {
        id: i64,
        rule: String,
        #[arg(long)]
        reason: String,
    },
    /// The quote or cost overview.
    Quote {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// The migration plan.
    Plan {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Export the PDF migration plan and quote (in the language of the global --lang).
    Report {
        id: i64,
        #[arg(long)]
        out: PathBuf,
        /// Refuse a draft: exit 1, write nothing, list why it is a draft.
        #[arg(long = "final")]
        final_only: bool,
    },
    /// Create a realistic sample intake (12 workstations, 2 locations).
    Demo,
    /// Make a link for the customer to fill in their intake in a browser (see `serve`).
    Invite {
        id: i64,
        /// How many days the link works (1-90).
        #[arg(long, default_value_t = 14)]
        days: i64,
        /// End every link of this intake.
        #[arg(long, conflicts_with = "list")]
        revoke: bool,
        /// Show the links of this intake and their state.
        #[arg(long)]
        list: bool,
        /// The address customers reach `intake serve` on.
        #[arg(
            long,
            env = "INTAKE_PUBLIC_URL",
            default_value = "http://127.0.0.1:8080"
        )]
        public_url: String,
    },
    /// Serve the customers' web form and browser speed test on the same database.
    Serve {
        /// Address and port to listen on (only this machine unless told otherwise).
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: std::net::SocketAddr,
        /// The address customers use, when behind a reverse proxy (https://...).
        #[arg(long, env = "INTAKE_PUBLIC_URL")]
        public_url: Option<String>,
        /// Speak HTTPS with this certificate (PEM, the full chain); needs --tls-key.
        #[arg(long, value_name = "FILE", requires = "tls_key")]
        tls_cert: Option<std::path::PathBuf>,
        /// The certificate's private key (PEM: PKCS#8, PKCS#1 or SEC1).
        #[arg(long, value_name = "FILE", requires = "tls_cert")]
        tls_key: Option<std::path::PathBuf>,
    },
    /// The database file: encryption and its key.
    #[command(subcommand)]
    Db(DbCmd),
}

/// How an exported bundle is protected.
#[derive(Args, Debug, Default)]
pub struct BundleCrypt {
    /// Encrypt the bundle with a passphrase (age format: any age tool opens it).
    #[arg(long)]
    pub encrypt: bool,
    /// A file (readable by you only) holding the passphrase; without it the passphrase is
    /// asked on the terminal, twice.
    #[arg(long, requires = "encrypt")]
    pub passphrase_file: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum DbCmd {
    /// Whether the database is encrypted and where its key is.
    Status,
    /// Encrypt a plain database in place (a verified copy first; the plain pages are overwritten).
    Encrypt,
    /// Rewrite an encrypted database under a new key.
    Rekey,
}

#[derive(Subcommand, Debug)]
pub enum FormCmd {
    /// Validate form files; prints every problem as file:line:col.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the parsed form.
    Show {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ProbeCmd {
    /// Collect facts about this workstation.
    Workstation(WorkstationArgs),
    /// Find hosts on the local network.
    Lan {
        #[arg(long)]
        cidr: Option<String>,
        /// Allow ranges larger than /22.
        #[arg(long)]
        force: bool,
        #[arg(long)]
        save: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Measure bandwidth and latency to a measuring server.
    Bandwidth {
        #[arg(long)]
        server: String,
        /// Most measured seconds per direction; a direction stops earlier once its rate is stable.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        #[arg(long, default_value_t = 4)]
        streams: usize,
        /// Measure the full --seconds, without the early stop.
        #[arg(long)]
        full: bool,
        /// TCP congestion control both ends send with (cubic: as Windows and macOS do;
        /// `system` leaves it to each machine's default).
        #[arg(long, default_value = "cubic")]
        congestion: String,
        #[arg(long)]
        save: Option<i64>,
        /// The location (entry number or name) whose link this measures; with --save.
        #[arg(long, requires = "save")]
        location: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add probe files from other workstations to an intake.
    Import {
        id: i64,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Args, Debug)]
pub struct WorkstationArgs {
    #[arg(long)]
    pub json: bool,
    #[arg(long)]
    pub save: Option<i64>,
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModeArg {
    OnSite,
    Online,
    #[value(name = "self")]
    SelfFilled,
}

impl ModeArg {
    /// The choice id of `intake.mode` in the standard form.
    pub fn choice_id(self) -> &'static str {
        match self {
            ModeArg::OnSite => "on_site",
            ModeArg::Online => "online",
            ModeArg::SelfFilled => "self",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// clap checks the definition only when parsing in a debug build, and then panics:
    /// a second `--lang` on `report` made `intake report` panic before it ran.
    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn lang_is_global_so_report_takes_it_after_the_command() {
        let cli = <Cli as clap::Parser>::try_parse_from([
            "intake", "report", "1", "--out", "r.pdf", "--lang", "en",
        ])
        .unwrap();
        assert_eq!(cli.lang.as_deref(), Some("en"));
    }
}
