//! The provider (legal name, registrations, bank details, terms) read from `assets/provider.toml`.

use serde::{Deserialize, Serialize};

use super::ReportError;
use super::model::Lang;

/// The provider file shipped with the program (fictional example values, see the file header).
const PROVIDER_TOML: &str = include_str!("../../assets/provider.toml");

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
    pub terms: Terms,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    pub nl: Vec<String>,
    pub en: Vec<String>,
}

impl Provider {
    /// The provider embedded in the binary.
    pub fn embedded() -> Result<Provider, ReportError> {
        Self::from_toml_str(PROVIDER_TOML, "assets/provider.toml")
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

    pub fn terms(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Nl => &self.terms.nl,
            Lang::En => &self.terms.en,
        }
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
        assert_eq!(p.terms.nl.len(), p.terms.en.len());
        assert!(p.terms(Lang::Nl).iter().any(|t| t.contains("incasso")));
        assert!(p.terms(Lang::En).iter().any(|t| t.contains("direct debit")));
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
