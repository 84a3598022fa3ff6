//! What can go wrong in a measurement, or is worth saying about it, as data; the words
//! come from Fluent (`assets/locales/*/probe.ftl`) in the reader's language.

use super::Phase;
use crate::form::Lang;
use crate::i18n::FluentArgs;
use crate::t;
use serde::{Deserialize, Serialize};
use std::io::{self, ErrorKind};
use std::time::Duration;

/// Why a connection or a phase ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Cause {
    Closed,
    Broken(String),
    Refused,
    NoAnswer {
        seconds: f64,
    },
    Unreachable(String),
    /// The download's byte count stood still.
    NoData {
        seconds: f64,
    },
    /// The upload's byte count (at the server) stood still.
    NothingReceived {
        seconds: f64,
    },
    EchoTimeout {
        seconds: f64,
    },
    DataRefused(String),
    NotTestData,
    EchoRefused(String),
    ControlTooLong,
    NoCounts,
    CountsStopped,
    StartFailed,
}

impl Cause {
    /// An I/O error in words a specialist on site can act on.
    pub fn from_io(e: &io::Error, timeout: Duration) -> Cause {
        match e.kind() {
            ErrorKind::ConnectionRefused => Cause::Refused,
            ErrorKind::TimedOut | ErrorKind::WouldBlock => Cause::NoAnswer {
                seconds: timeout.as_secs_f64(),
            },
            ErrorKind::HostUnreachable | ErrorKind::NetworkUnreachable => {
                Cause::Unreachable(e.to_string())
            }
            ErrorKind::ConnectionReset | ErrorKind::BrokenPipe | ErrorKind::UnexpectedEof => {
                Cause::Closed
            }
            _ => Cause::Broken(e.to_string()),
        }
    }

    pub fn render(&self, lang: Lang) -> String {
        let secs = |s: f64| (s * 10.0).round() / 10.0;
        match self {
            Cause::Closed => t!(lang, "bw-cause-closed"),
            Cause::Broken(r) => t!(lang, "bw-cause-broken", reason = r),
            Cause::Refused => t!(lang, "bw-cause-refused"),
            Cause::NoAnswer { seconds } => t!(lang, "bw-cause-no-answer", seconds = secs(*seconds)),
            Cause::Unreachable(r) => t!(lang, "bw-cause-unreachable", reason = r),
            Cause::NoData { seconds } => t!(lang, "bw-cause-no-data", seconds = secs(*seconds)),
            Cause::NothingReceived { seconds } => {
                t!(lang, "bw-cause-nothing-received", seconds = secs(*seconds))
            }
            Cause::EchoTimeout { seconds } => {
                t!(lang, "bw-cause-echo-timeout", seconds = secs(*seconds))
            }
            Cause::DataRefused(m) => t!(lang, "bw-cause-data-refused", message = m),
            Cause::NotTestData => t!(lang, "bw-cause-not-test-data"),
            Cause::EchoRefused(m) => t!(lang, "bw-cause-echo-refused", message = m),
            Cause::ControlTooLong => t!(lang, "bw-cause-control-too-long"),
            Cause::NoCounts => t!(lang, "bw-cause-no-counts"),
            Cause::CountsStopped => t!(lang, "bw-cause-counts-stopped"),
            Cause::StartFailed => t!(lang, "bw-cause-start-failed"),
        }
    }
}

/// What the client was doing when a connection failed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    Connect,
    Setup,
    Hello,
    Welcome,
    ConnectData(Phase),
    DataHello(Phase),
}

impl Step {
    fn render(self, lang: Lang) -> String {
        match self {
            Step::Connect => t!(lang, "bw-step-connect"),
            Step::Setup => t!(lang, "bw-step-setup"),
            Step::Hello => t!(lang, "bw-step-hello"),
            Step::Welcome => t!(lang, "bw-step-welcome"),
            Step::ConnectData(p) => t!(lang, "bw-step-connect-data", phase = p.render(lang)),
            Step::DataHello(p) => t!(lang, "bw-step-data-hello", phase = p.render(lang)),
        }
    }
}

/// What something else on the server's port did instead of welcoming us.
#[derive(Debug, Clone, PartialEq)]
pub enum Foreign {
    Closed,
    Silent {
        seconds: f64,
    },
    /// The start of its answer, printable and short.
    Answered(String),
}

impl Foreign {
    fn render(&self, lang: Lang) -> String {
        match self {
            Foreign::Closed => t!(lang, "bw-foreign-closed"),
            Foreign::Silent { seconds } => t!(
                lang,
                "bw-foreign-silent",
                seconds = (seconds * 10.0).round() / 10.0
            ),
            Foreign::Answered(text) => t!(lang, "bw-foreign-answered", text = text),
        }
    }
}

impl Phase {
    /// The phase as a message names it ("... during the upload").
    pub fn render(self, lang: Lang) -> String {
        match self {
            Phase::Latency => t!(lang, "bw-phase-latency"),
            Phase::Download => t!(lang, "bw-phase-download"),
            Phase::Upload => t!(lang, "bw-phase-upload"),
            Phase::SingleStream => t!(lang, "bw-phase-single"),
        }
    }
}

/// Why an OS did not take the congestion control asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Refusal {
    NotAvailable,
    NotAllowed,
    Unsupported,
    Other { message: String },
}

impl Refusal {
    pub fn from_io(e: &io::Error) -> Refusal {
        match e.kind() {
            ErrorKind::NotFound => Refusal::NotAvailable,
            ErrorKind::PermissionDenied => Refusal::NotAllowed,
            ErrorKind::Unsupported => Refusal::Unsupported,
            _ => Refusal::Other {
                message: e.to_string(),
            },
        }
    }

    fn render(&self, lang: Lang) -> String {
        match self {
            Refusal::NotAvailable => t!(lang, "bw-refusal-not-available"),
            Refusal::NotAllowed => t!(lang, "bw-refusal-not-allowed"),
            Refusal::Unsupported => t!(lang, "bw-refusal-unsupported"),
            Refusal::Other { message } => t!(lang, "bw-refusal-other", reason = message),
        }
    }
}

/// Something the reader of a result should know about how it came about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// An older server that does not say what it sent the download with.
    ServerSilent { asked: String },
    ServerRefused {
        asked: String,
        reason: Refusal,
        used: Option<String>,
    },
    ClientRefused {
        asked: String,
        reason: Refusal,
        used: Option<String>,
    },
}

impl Warning {
    pub fn render(&self, lang: Lang) -> String {
        let (id, asked, reason, used) = match self {
            Warning::ServerSilent { asked } => {
                return t!(lang, "bw-warn-server-silent", asked = asked);
            }
            Warning::ServerRefused {
                asked,
                reason,
                used,
            } => ("bw-warn-server-refused", asked, reason, used),
            Warning::ClientRefused {
                asked,
                reason,
                used,
            } => ("bw-warn-client-refused", asked, reason, used),
        };
        // Both ids are checked in this module's tests (they are not spelled in a t!).
        let mut args = FluentArgs::new();
        args.set("asked", asked.clone());
        args.set("reason", reason.render(lang));
        args.set(
            "used",
            used.clone().unwrap_or_else(|| t!(lang, "bw-cc-default")),
        );
        crate::i18n::message(lang, id, Some(&args))
    }
}

/// Every way a measurement can fail, each naming the server and what happened.
#[derive(Debug)]
pub enum BandwidthError {
    Resolve {
        server: String,
        message: String,
    },
    Connect {
        server: String,
        addr: String,
        step: Step,
        cause: Cause,
    },
    NotOurServer {
        server: String,
        addr: String,
        what: Foreign,
    },
    /// The server's own message (it ended the test: time limit, shutdown).
    Protocol {
        server: String,
        message: String,
    },
    /// A phase did not run its full window: no figure is given.
    Interrupted {
        server: String,
        phase: Phase,
        cause: Cause,
    },
    Refused {
        server: String,
        message: String,
    },
    Cancelled,
    Options(String),
}

impl BandwidthError {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            BandwidthError::Resolve { server, message } => {
                t!(lang, "bw-err-resolve", server = server, reason = message)
            }
            BandwidthError::Connect {
                server,
                addr,
                step,
                cause,
            } => t!(
                lang,
                "bw-err-connect",
                server = server,
                addr = addr,
                step = step.render(lang),
                reason = cause.render(lang)
            ),
            BandwidthError::NotOurServer { server, addr, what } => t!(
                lang,
                "bw-err-not-ours",
                server = server,
                addr = addr,
                what = what.render(lang)
            ),
            BandwidthError::Protocol { server, message } => {
                t!(lang, "bw-err-protocol", server = server, message = message)
            }
            BandwidthError::Interrupted {
                server,
                phase,
                cause,
            } => t!(
                lang,
                "bw-err-interrupted",
                server = server,
                cause = cause.render(lang),
                phase = phase.render(lang)
            ),
            BandwidthError::Refused { server, message } => {
                t!(lang, "bw-err-refused", server = server, message = message)
            }
            BandwidthError::Cancelled => t!(lang, "bw-err-cancelled"),
            BandwidthError::Options(m) => t!(lang, "bw-err-options", message = m),
        }
    }
}

/// English, for logs and `anyhow` chains; people read [`BandwidthError::render`].
impl std::fmt::Display for BandwidthError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for BandwidthError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_in_both_languages() {
        let e = BandwidthError::Interrupted {
            server: "srv:5201".into(),
            phase: Phase::Upload,
            cause: Cause::Closed,
        };
        assert_eq!(
            e.render(Lang::En),
            "bandwidth server srv:5201: the server closed the connection during the upload; the measurement was stopped and no figures were kept"
        );
        assert!(
            e.render(Lang::Nl).contains("tijdens de upload"),
            "{}",
            e.render(Lang::Nl)
        );
        let w = Warning::ClientRefused {
            asked: "cubic".into(),
            reason: Refusal::NotAllowed,
            used: Some("bbr".into()),
        };
        assert!(
            w.render(Lang::En).ends_with("it used bbr"),
            "{}",
            w.render(Lang::En)
        );
        let json = serde_json::to_value(&w).expect("json");
        assert_eq!(json["kind"], "client_refused");
        assert_eq!(json["reason"]["kind"], "not_allowed");
        let stall = Cause::NoData { seconds: 4.0 }.render(Lang::Nl);
        assert!(stall.starts_with("4 s lang"), "{stall}");
    }
}
