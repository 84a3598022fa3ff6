//! The provider (legal name, registrations, bank details, terms) read from `assets/provider.toml`.

use serde::{Deserialize, Serialize};

use super::ReportError;
use super::model::Lang;

/// The provider file shipped with the program (fictional example values, see the file header).
const PROVIDER_TOML: &str = include_str!("../../assets/provider.toml");

/// The environment variable naming the provider's file to use instead of the embedded example.
pub const PROVIDER_ENV: &str = "INTAKE_PROVIDER";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// True while the file holds example values; the report then says so in small print.
    #[serde(default)]
    pub example: bool,
    pub legal_name: String,
    pub trade_name: Option<String>,
    pub address: String,
    pub postcode: String,
    pub city: String,
    /// The country, in Dutch and English (a SEPA mandate names the creditor's full address).
    pub country: String,
    pub country_en: String,
    pub kvk: String,
    pub vat_id: String,
    pub iban: String,
    pub bic: Option<String>,
    pub sepa_creditor_id: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub signatory_name: Option<String>,
    pub signatory_role: Option<String>,
    /// Catalog codes whose price the provider confirms as current (`workstation` for the
    /// workstation price); every other catalog price is an example.
    #[serde(default)]
    pub confirmed_prices: Vec<String>,
    pub general_terms_nl: String,
    pub general_terms_en: String,
    /// The data-processing agreement (verwerkersovereenkomst, AVG art. 28).
    pub dpa_nl: String,
    pub dpa_en: String,
    #[serde(rename = "term")]
    pub terms: Vec<Term>,
}

/// Which documents a clause belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applies {
    Always,
    /// 10+ workstations: the signed quote is the contract.
    Quote,
    /// Fewer: ordered online, the order confirmation is the contract.
    CostOverview,
}

/// One clause of the terms, with the source it is taken from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// A FAQ section or the provider's file, in Dutch (and in English when it differs).
    pub source: String,
    pub source_en: Option<String>,
    pub applies: Applies,
    pub title_nl: String,
    pub title_en: String,
    pub nl: String,
    pub en: String,
}

impl Provider {
    /// The provider embedded in the binary.
    pub fn embedded() -> Result<Provider, ReportError> {
        Self::from_toml_str(PROVIDER_TOML, "assets/provider.toml")
    }

    /// The provider's file named by `INTAKE_PROVIDER` (the real provider's data, with the prices
    /// it confirms), else the embedded example. Errors name the file, line and column.
    pub fn load() -> Result<Provider, ReportError> {
        match std::env::var_os(PROVIDER_ENV) {
            Some(path) if !path.is_empty() => {
                let file = std::path::PathBuf::from(path).display().to_string();
                let text = std::fs::read_to_string(&file).map_err(|e| ReportError::Provider {
                    file: file.clone(),
                    line: 0,
                    column: 0,
                    message: e.to_string(),
                })?;
                Self::from_toml_str(&text, &file)
            }
            _ => Self::embedded(),
        }
    }

    /// Parses a provider file; errors name the file, line and column.
    pub fn from_toml_str(text: &str, file: &str) -> Result<Provider, ReportError> {
        toml::from_str::<Provider>(text).map_err(|e| {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((0, 0));
            ReportError::Provider {
                file: file.to_string(),
                line,
                column,
                message: e.message().to_string(),
            }
        })
    }

    /// The clauses for a quote (`quote` true) or a cost overview, each as "Title [source]: text"
    /// in `lang`, with the provider's names filled in.
    pub fn terms(&self, lang: Lang, quote: bool) -> Vec<String> {
        let (general, dpa) = lang.pick(
            (&self.general_terms_nl, &self.dpa_nl),
            (&self.general_terms_en, &self.dpa_en),
        );
        self.terms
            .iter()
            .filter(|t| match t.applies {
                Applies::Always => true,
                Applies::Quote => quote,
                Applies::CostOverview => !quote,
            })
            .map(|t| {
                let (title, source, text) = lang.pick(
                    (&t.title_nl, &t.source, &t.nl),
                    (
                        &t.title_en,
                        t.source_en.as_ref().unwrap_or(&t.source),
                        &t.en,
                    ),
                );
                let text = text
                    .replace("{provider}", &self.legal_name)
                    .replace("{general_terms}", general)
                    .replace("{dpa}", dpa);
                format!("{title} [{source}]: {text}")
            })
            .collect()
    }

    /// The country in `lang`.
    pub fn country(&self, lang: Lang) -> &str {
        lang.pick(&self.country, &self.country_en)
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_provider_parses_with_terms_in_both_languages() {
        let p = Provider::embedded().expect("embedded provider");
        assert!(
            p.example,
            "the shipped provider must stay marked as example"
        );
        for quote in [true, false] {
            let nl = p.terms(Lang::Nl, quote);
            assert_eq!(nl.len(), p.terms(Lang::En, quote).len());
            assert!(nl.iter().any(|t| t.contains("incasso")));
            for t in nl.iter().chain(&p.terms(Lang::En, quote)) {
                assert!(
                    t.contains(" [") && !t.contains('{'),
                    "no source or a placeholder left: {t}"
                );
            }
        }
        let overview = p.terms(Lang::Nl, false).join("\n");
        assert!(overview.contains("orderbevestiging is uw contract"));
        assert!(overview.contains("geen machtiging") && !overview.contains("in dit document"));
        let quote = p.terms(Lang::En, true).join("\n");
        for needed in [
            "[FAQ 8.3]",
            "24 hours a day",
            "GDPR art. 28",
            "General terms",
        ] {
            assert!(quote.contains(needed), "{needed} missing");
        }
        // Not in the FAQ: it was once printed as a term.
        assert!(
            !p.terms(Lang::Nl, true)
                .join(" ")
                .contains("maandelijks opzegbaar")
        );
    }

    #[test]
    fn broken_provider_reports_line_and_column() {
        let text = "legal_name = \"X\"\naddress = 12\n";
        match Provider::from_toml_str(text, "p.toml") {
            Err(ReportError::Provider {
                file, line, column, ..
            }) => {
                assert_eq!(file, "p.toml");
                assert_eq!(line, 2);
                assert_eq!(column, 11);
            }
            other => panic!("expected a provider error, got {other:?}"),
        }
    }
}
