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

struct Words {
    debtor_name: &'static str,
    debtor_address: &'static str,
    description: &'static str,
    signer: &'static str,
    /// `{creditor}` is the creditor's legal name. The Betaalvereniging's standard text for a
    /// recurrent mandate (nl) and the EPC's (en), with the refund right and the sentence that
    /// the bank explains the rights.
    consent: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Nl => Words {
            debtor_name: "Naam rekeninghouder",
            debtor_address: "Adres rekeninghouder",
            description: "Omschrijving",
            signer: "Naam ondertekenaar",
            consent: "Door ondertekening van dit formulier geeft u toestemming aan {creditor} om doorlopende incasso-opdrachten te sturen naar uw bank om een bedrag van uw rekening af te schrijven en aan uw bank om doorlopend een bedrag van uw rekening af te schrijven overeenkomstig de opdracht van {creditor}. Als u het niet eens bent met deze afschrijving kunt u deze laten terugboeken. Neem hiervoor binnen acht weken na afschrijving contact op met uw bank. Vraag uw bank naar de voorwaarden. Uw rechten worden toegelicht in een verklaring die u van uw bank kunt krijgen.",
        },
        Lang::En => Words {
            debtor_name: "Account holder",
            debtor_address: "Account holder's address",
            description: "Payment description",
            signer: "Name of signatory",
            consent: "By signing this mandate form, you authorise (A) {creditor} to send instructions to your bank to debit your account and (B) your bank to debit your account in accordance with the instructions from {creditor}. As part of your rights, you are entitled to a refund from your bank under the terms and conditions of your agreement with your bank. A refund must be claimed within eight weeks starting from the date on which your account was debited. Your rights are explained in a statement that you can obtain from your bank.",
        },
    }
}

/// The consent text with the creditor's name; "B.V." already ends a sentence, so no "B.V..".
pub fn consent(lang: Lang, creditor: &str) -> String {
    let name_end = if creditor.ends_with('.') {
        creditor.to_string()
    } else {
        format!("{creditor}.")
    };
    words(lang)
        .consent
        .replace("{creditor}.", &name_end)
        .replace("{creditor}", creditor)
}

pub fn sepa(layout: &mut Layout, input: &ReportInput, s: &SepaInfo) -> Result<(), ReportError> {
    let (lang, l, w) = (input.lang, labels(input.lang), words(input.lang));
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
        l.sepa_title,
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
        (w.description.to_string(), s.description.clone()),
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
    let debtor: [(&str, &str); 4] = [
        (w.debtor_name, &s.account_holder),
        (w.debtor_address, s.debtor_address.as_deref().unwrap_or("")),
        (l.sepa_iban, &s.iban),
        (w.signer, s.signer.as_deref().unwrap_or("")),
    ];
    for (label, value) in debtor {
        field_with(layout, MARGIN_L, CONTENT_W, 44.0, label, value, 5.0)?;
        layout.y += 9.0;
    }
    let half = (CONTENT_W - 10.0) / 2.0;
    field(
        layout,
        MARGIN_L,
        half,
        l.place,
        input.customer.city.as_deref().unwrap_or(""),
        5.0,
    )?;
    field(layout, MARGIN_L + half + 10.0, half, l.date, "", 5.0)?;
    layout.y += 9.0;
    field(layout, MARGIN_L, half, l.signature, "", 18.0)?;
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
