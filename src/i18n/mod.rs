//! Every user-facing word goes through Project Fluent.
//!
//! Messages live in `assets/locales/<lang>/<area>.ftl` (embedded at build time, see
//! `build.rs`), with named variables and CLDR plural selectors:
//!
//! ```ftl
//! workstations = { $count ->
//!     [one] { $count } werkplek
//!    *[other] { $count } werkplekken
//! }
//! ```
//!
//! Code asks for a message by id with [`t!`](crate::t): `t!(lang, "workstations", count = 3)`.
//! Numbers passed as variables are shown in the language's notation (decimal comma and
//! thousands dot in Dutch); dates, money and units are formatted with [`fmt`] before they are
//! passed. A missing message shows its id in brackets (never a panic); the tests in
//! `tests.rs` and `tests/i18n_ids.rs` make sure none is missing.
//!
//! A pseudo-locale (`INTAKE_PSEUDO=1`, or [`set_pseudo`]) passes every message through
//! Fluent's pseudo-localisation, so a test can find text that did not come through here.

pub mod catalog;
pub mod fmt;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
pub use fluent_bundle::{FluentArgs, FluentValue};
use intl_memoizer::concurrent::IntlLangMemoizer;

pub use crate::form::Lang;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// Every embedded resource: (language code, file name, FTL source).
pub fn resources() -> &'static [(&'static str, &'static str, &'static str)] {
    embedded::RESOURCES
}

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
static PSEUDO_BUNDLE: OnceLock<Bundle> = OnceLock::new();
static PSEUDO: AtomicBool = AtomicBool::new(false);

/// Turns the pseudo-locale on or off for the whole process (tests, `INTAKE_PSEUDO=1`).
pub fn set_pseudo(on: bool) {
    PSEUDO.store(on, Ordering::Relaxed);
}

/// Whether the pseudo-locale is on.
pub fn pseudo() -> bool {
    PSEUDO.load(Ordering::Relaxed)
}

/// The message `id` (or `id.attribute`) in `lang`, with `args` filled in.
pub fn message(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = if pseudo() {
        PSEUDO_BUNDLE.get_or_init(|| build(Lang::En, true))
    } else {
        let slot = match lang {
            Lang::Nl => 0,
            Lang::En => 1,
        };
        BUNDLES[slot].get_or_init(|| build(lang, false))
    };
    let (msg_id, attr) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let pattern = bundle.get_message(msg_id).and_then(|m| match attr {
        Some(a) => m.get_attribute(a).map(|a| a.value()),
        None => m.value(),
    });
    let Some(pattern) = pattern else {
        return format!("[{id}]");
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// A value for a message variable: text as it is, numbers for plural selection and
/// formatting in the language's notation.
pub trait Arg {
    fn into_arg(self) -> FluentValue<'static>;
}

impl Arg for String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self))
    }
}
impl Arg for &String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.clone()))
    }
}
impl Arg for &str {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.to_string()))
    }
}
impl Arg for Cow<'_, str> {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.into_owned()))
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize, f32, f64);

/// `t!(lang, "id")` or `t!(lang, "id", name = value, count = n)`: the message as a `String`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr $(,)?) => {
        $crate::i18n::message($lang, $id, None)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::Arg::into_arg($value)); )+
        $crate::i18n::message($lang, $id, Some(&args))
    }};
}

/// `msg!("id", name = value)`: a [`Msg`](crate::form::Msg) in both languages, for the form
/// engine, which picks the language when it shows the message.
#[macro_export]
macro_rules! msg {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::Arg::into_arg($value)); )*
        $crate::form::Msg::new(
            $crate::i18n::message($crate::form::Lang::Nl, $id, Some(&args)),
            $crate::i18n::message($crate::form::Lang::En, $id, Some(&args)),
        )
    }};
}

fn build(lang: Lang, pseudo: bool) -> Bundle {
    let locale = lang.code();
    let langid = locale.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    // Isolation marks (U+2068/U+2069) around variables would reach the terminal and the PDF.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::Nl => format_nl,
        Lang::En => format_en,
    }));
    if pseudo {
        bundle.set_transform(Some(pseudo_transform));
    }
    for (lang_code, _file, source) in resources() {
        if *lang_code != locale {
            continue;
        }
        // A broken resource is caught by the tests; at run time its good messages still count.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn pseudo_transform(s: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(s, false, false)
}

fn format_nl(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    format_number(value, Lang::Nl)
}

fn format_en(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    format_number(value, Lang::En)
}

/// Numbers in the language's notation; whole numbers without decimals unless the message
/// asks for them (`NUMBER($x, minimumFractionDigits: 1)`).
fn format_number(value: &FluentValue, lang: Lang) -> Option<String> {
    let FluentValue::Number(FluentNumber { value, options }) = value else {
        return None;
    };
    let decimals = match (
        options.minimum_fraction_digits,
        options.maximum_fraction_digits,
    ) {
        (Some(min), Some(max)) => fraction_digits(*value, max).max(min),
        (Some(min), None) => fraction_digits(*value, 2).max(min),
        (None, Some(max)) => fraction_digits(*value, max),
        (None, None) => fraction_digits(*value, 2),
    };
    Some(fmt::decimal(*value, decimals as u32, lang))
}

/// The fewest fraction digits (at most `max`) that show `value` without loss.
fn fraction_digits(value: f64, max: usize) -> usize {
    (0..max)
        .find(|&d| {
            let f = 10f64.powi(d as i32);
            ((value * f).round() - value * f).abs() < 1e-9
        })
        .unwrap_or(max)
}
