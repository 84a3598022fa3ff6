//! The SEPA mandate (doorlopende machtiging): every field the standard form has — creditor
//! name, full address with country, creditor identifier, mandate reference, recurrent, debtor
//! name and address, IBAN, payment description, place, date, signer's name, signature — and the
//! standard consent text with the refund right, in Dutch and English.

use super::ReportError;
use super::canvas::Style;
use super::contract::{field, field_with};
use super::labels::labels;
use super::layout::{
    BODY, CONTENT_W, INK, Layout, MARGIN_L, PRIMARY, WHITE, baseline_offset, line_height, wrap,
};
use super::model::{Lang, ReportInput, SepaInfo};

/// The frame sits in the margin so the text inside keeps the normal text width.
const FRAME_X: f32 = MARGIN_L - 5.0;
const FRAME_W: f32 = CONTENT_W + 10.0;

/// The standard consent text with the creditor's name: the Betaalvereniging's for a recurrent
/// mandate (nl) and the EPC's (en), with the refund right and the sentence that the bank
/// explains the rights. "B.V." already ends a sentence, so no "B.V..".
pub fn consent(lang: Lang, creditor: &str) -> String {
    let creditor_end = if creditor.ends_with('.') {
        creditor.to_string()
    } else {
        format!("{creditor}.")
    };
    crate::t!(
        lang,
        "sepa-consent",
        creditor = creditor,
        creditor_end = creditor_end
    )
}

pub fn sepa(layout: &mut Layout, input: &ReportInput, s: &SepaInfo) -> Result<(), ReportError> {
    let (lang, l) = (input.lang, labels(input.lang));
    use crate::t;
    let p = &input.provider;
    let top = layout.y;
    // Not a heading, but a part of its own: list it in the contents.
    layout.outline.push((l.sepa_title.to_string(), layout.page));
    layout.canvas.rect(
        layout.page,
        FRAME_X,
        top,
        FRAME_W,
        11.0,
        Some(PRIMARY),
        None,
    )?;
    layout.canvas.text(
        layout.page,
        MARGIN_L,
        top + 7.5,
        13.0,
        Style::Bold,
        WHITE,
        &l.sepa_title,
    )?;
    layout.y = top + 17.0;
    let rows = vec![
        (l.sepa_creditor.to_string(), p.legal_name.clone()),
        (
            l.address.to_string(),
            format!(
                "{}, {}  {}, {}",
                p.address,
                p.postcode,
                p.city,
                p.country(lang)
            ),
        ),
        (l.sepa_creditor_id.to_string(), p.sepa_creditor_id.clone()),
        (l.sepa_reference.to_string(), s.mandate_reference.clone()),
        (l.sepa_kind.to_string(), l.sepa_kind_value.to_string()),
        (t!(lang, "sepa-description"), s.description.clone()),
    ];
    layout.key_values(&rows, 44.0, BODY)?;
    layout.space(3.0);
    let lh = line_height(BODY);
    for line in wrap(
        &layout.canvas,
        &consent(lang, &p.legal_name),
        CONTENT_W,
        BODY,
        Style::Regular,
    ) {
        layout.canvas.text(
            layout.page,
            MARGIN_L,
            layout.y + baseline_offset(BODY),
            BODY,
            Style::Regular,
            INK,
            &line,
        )?;
        layout.y += lh;
    }
    layout.y += 6.0;
    // The debtor's part: pre-filled where the intake knows it, a line to write on otherwise.
    let debtor: [(String, &str); 4] = [
        (t!(lang, "sepa-debtor-name"), &s.account_holder),
        (
            t!(lang, "sepa-debtor-address"),
            s.debtor_address.as_deref().unwrap_or(""),
        ),
        (l.sepa_iban.to_string(), &s.iban),
        (t!(lang, "sepa-signer"), s.signer.as_deref().unwrap_or("")),
    ];
    for (label, value) in debtor {
        field_with(layout, MARGIN_L, CONTENT_W, 44.0, &label, value, 5.0)?;
        layout.y += 9.0;
    }
    let half = (CONTENT_W - 10.0) / 2.0;
    field(
        layout,
        MARGIN_L,
        half,
        &l.place,
        input.customer.city.as_deref().unwrap_or(""),
        5.0,
    )?;
    field(layout, MARGIN_L + half + 10.0, half, &l.date, "", 5.0)?;
    layout.y += 9.0;
    field(layout, MARGIN_L, half, &l.signature, "", 18.0)?;
    layout.y += 26.0;
    // The frame is drawn last, now that the height is known; stroke only, so nothing is hidden.
    layout.canvas.rect(
        layout.page,
        FRAME_X,
        top,
        FRAME_W,
        layout.y - top,
        None,
        Some((PRIMARY, 1.0)),
    )?;
    layout.y += 4.0;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consent_has_the_refund_right_and_the_banks_statement_in_both_languages() {
        let nl = consent(Lang::Nl, "Voorbeeld B.V.");
        assert!(nl.contains("aan Voorbeeld B.V. om doorlopende") && !nl.contains("B.V.."));
        assert!(nl.contains("laten terugboeken") && nl.contains("acht weken"));
        assert!(nl.contains("verklaring die u van uw bank kunt krijgen"));
        let en = consent(Lang::En, "Example Ltd");
        assert!(en.contains("instructions from Example Ltd."));
        assert!(en.contains("entitled to a refund") && en.contains("eight weeks"));
        assert!(en.contains("statement that you can obtain from your bank"));
    }
}
