//! JSON shape of a quote, as printed by `intake quote ID --json`.

use super::money::Lang;
use super::price::{Period, Quote, QuoteKind};
use serde_json::{Value, json};
use time::Date;

/// "YYYY-MM-DD".
pub(crate) fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

impl Quote {
    /// `{kind, price_name, lines: [{code, description, quantity, unit_cents, net_cents, vat_cents,
    /// period, optional, only_if_cancelled, example, includes}], totals: {...}, valid_until, date,
    /// has_example_prices}`. A line's `vat_cents` is informative: the totals' VAT is the rate
    /// over each subtotal, rounded once. `period` is `monthly`, `one_time` or `on_request` (no price:
    /// `unit_cents` is null). Descriptions are in `lang`.
    pub fn to_json(&self, lang: Lang) -> Value {
        let lines: Vec<Value> = self
            .lines
            .iter()
            .map(|l| {
                let period = match (l.unit_cents, l.period) {
                    (None, _) => "on_request",
                    (Some(_), Period::Monthly) => "monthly",
                    (Some(_), Period::OneTime) => "one_time",
                };
                json!({
                    "code": l.code,
                    "description": l.description(lang),
                    "quantity": l.quantity,
                    "unit_cents": l.unit_cents,
                    "net_cents": l.net_cents,
                    "vat_cents": l.vat_cents,
                    "period": period,
                    "optional": l.optional,
                    "only_if_cancelled": l.only_if_cancelled,
                    "example": l.example,
                    "includes": l.includes(lang),
                })
            })
            .collect();
        let t = &self.totals;
        json!({
            "kind": match self.kind { QuoteKind::CostOverview => "cost_overview", QuoteKind::Quote => "quote" },
            "price_name": self.price_name,
            "lines": lines,
            "totals": {
                "monthly_net_cents": t.monthly_net_cents,
                "monthly_vat_cents": t.monthly_vat_cents,
                "monthly_gross_cents": t.monthly_gross_cents,
                "one_time_net_cents": t.one_time_net_cents,
                "one_time_vat_cents": t.one_time_vat_cents,
                "one_time_gross_cents": t.one_time_gross_cents,
                "first_year_cents": t.first_year_cents,
                "first_year_gross_cents": t.first_year_gross_cents,
                "first_year_commitment_cents": t.first_year_commitment_cents,
                "first_year_commitment_gross_cents": t.first_year_commitment_gross_cents,
            },
            "valid_until": iso(self.valid_until),
            "date": iso(self.date),
            "has_example_prices": self.has_example_prices,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Catalog, QuoteInput, UserOptions, price};
    use super::*;
    use time::macros::date;

    #[test]
    fn json_shape_and_language() {
        let cat = Catalog::embedded().unwrap();
        let input = QuoteInput {
            date: date!(2026 - 03 - 02),
            workstations: 12,
            users: vec![UserOptions {
                name: "An".into(),
                options: vec!["app_virtualisation".into()],
            }],
            one_time: vec![("migration_project".into(), 1)],
            optional: vec![],
        };
        let q = price(&cat, &input).unwrap();
        let nl = q.to_json(Lang::Nl);
        let en = q.to_json(Lang::En);
        assert_eq!(nl["kind"], "quote");
        assert_eq!(nl["date"], "2026-03-02");
        assert_eq!(nl["valid_until"], "2026-04-01");
        assert_eq!(nl["lines"][0]["period"], "monthly");
        assert_eq!(nl["lines"][1]["period"], "on_request");
        assert!(nl["lines"][1]["unit_cents"].is_null());
        assert_eq!(nl["lines"][2]["period"], "one_time");
        assert_eq!(
            en["lines"][2]["description"],
            "Migration project for user data and e-mail"
        );
        assert_eq!(
            nl["lines"][2]["description"],
            "Migratieproject gebruikersdata en e-mail"
        );
        assert_eq!(nl["totals"]["monthly_net_cents"], 119_940);
        for key in [
            "monthly_vat_cents",
            "monthly_gross_cents",
            "one_time_net_cents",
            "one_time_vat_cents",
            "one_time_gross_cents",
            "first_year_cents",
            "first_year_gross_cents",
            "first_year_commitment_cents",
        ] {
            assert!(nl["totals"][key].is_i64(), "{key}");
        }
    }
}
