//! Every word the web pages show, by message id, in Dutch and English. Kept in one table
//! with Fluent-style ids so it moves to `assets/locales/*/web.ftl` in one step once the
//! project's Fluent layer is on main.

use crate::form::Lang;

const TEXTS: &[(&str, &str, &str)] = &[
    ("web-title", "Intake MKB Werkplek Online", "Intake MKB Werkplek Online"),
    ("web-skip", "Naar de vragen", "Skip to the questions"),
    ("web-step", "Stap", "Step"),
    ("web-of", "van", "of"),
    ("web-progress", "ingevuld", "answered"),
    ("web-prev", "Vorige", "Previous"),
    ("web-next", "Volgende", "Next"),
    ("web-save", "Opslaan", "Save"),
    ("web-saved", "Opgeslagen", "Saved"),
    ("web-save-failed", "Niet opgeslagen: controleer uw verbinding en probeer het opnieuw.", "Not saved: check your connection and try again."),
    ("web-review", "Controleren en versturen", "Review and submit"),
    ("web-sections", "Onderdelen", "Sections"),
    ("web-add", "Toevoegen", "Add"),
    ("web-remove", "Verwijderen", "Remove"),
    ("web-required", "verplicht", "required"),
    ("web-missing", "Nog niet ingevuld", "Not answered yet"),
    ("web-errors", "Nog te verbeteren", "To correct"),
    ("web-all-done", "Alle verplichte vragen zijn ingevuld.", "All required questions are answered."),
    ("web-confirm", "Ik begrijp dat ik deze intake zelf heb ingevuld en dat ik verantwoordelijk ben voor de juistheid en volledigheid van de gegevens. Als er door onjuiste of onvolledige gegevens extra werk nodig is, kan dat extra kosten geven (FAQ 3.3).", "I understand that I filled in this intake myself and that I am responsible for the accuracy and completeness of the information. If incorrect or incomplete information causes extra work, this may lead to extra costs (FAQ 3.3)."),
    ("web-confirm-needed", "Vink eerst aan dat u dit begrijpt.", "Please tick the box first to confirm you understand."),
    ("web-submit", "Versturen", "Submit"),
    ("web-submit-blocked", "U kunt versturen zodra alle verplichte vragen zijn ingevuld en er geen fouten meer zijn.", "You can submit once every required question is answered and nothing is wrong."),
    ("web-submitted", "Bedankt. Uw antwoorden zijn verstuurd; onze specialist neemt contact met u op. U kunt ze hieronder nog bekijken, maar niet meer wijzigen.", "Thank you. Your answers have been sent; our specialist will contact you. You can still read them below, but no longer change them."),
    ("web-read-only", "Deze intake is verstuurd en kan niet meer worden gewijzigd.", "This intake has been submitted and can no longer be changed."),
    ("web-gone", "Deze link werkt niet (meer). Vraag uw contactpersoon om een nieuwe link.", "This link does not work (any more). Ask your contact person for a new link."),
    ("web-too-many", "Te veel pogingen. Probeer het over een paar minuten opnieuw.", "Too many attempts. Please try again in a few minutes."),
    ("web-forbidden", "Dit verzoek is geweigerd: laad de pagina opnieuw en probeer het nog eens.", "This request was refused: reload the page and try again."),
    ("web-too-large", "Dit is te veel tekst om in één keer op te slaan.", "This is too much text to save at once."),
    ("web-server-error", "Er ging iets mis bij het opslaan. Uw eerdere antwoorden zijn bewaard; probeer het opnieuw.", "Something went wrong while saving. Your earlier answers are kept; please try again."),
    ("web-not-found", "Deze pagina bestaat niet.", "This page does not exist."),
    ("web-yes", "Ja", "Yes"),
    ("web-no", "Nee", "No"),
    ("web-no-answer", "(geen antwoord)", "(no answer)"),
    ("web-language", "English", "Nederlands"),
    ("web-speed", "Snelheid van uw internetverbinding meten", "Measure the speed of your internet connection"),
    ("web-speed-intro", "Doe deze meting op kantoor, op een computer die op het kantoornetwerk zit. Sluit andere programma's die veel internet gebruiken. De meting duurt ongeveer een halve minuut.", "Run this test at the office, on a computer connected to the office network. Close other programs that use a lot of internet. The test takes about half a minute."),
    ("web-speed-location", "Voor welke locatie meet u?", "Which location are you measuring?"),
    ("web-speed-start", "Meting starten", "Start the test"),
    ("web-speed-needs-js", "Voor de snelheidsmeting moet JavaScript aan staan in uw browser.", "The speed test needs JavaScript to be enabled in your browser."),
    ("web-speed-down", "Download", "Download"),
    ("web-speed-up", "Upload", "Upload"),
    ("web-speed-ping", "Vertraging (rust)", "Latency (idle)"),
    ("web-speed-loaded", "Vertraging (belast)", "Latency (loaded)"),
    ("web-speed-saved", "De meting is opgeslagen. Dank u wel.", "The measurement has been saved. Thank you."),
    ("web-speed-running", "Bezig met meten…", "Measuring…"),
    ("web-speed-failed", "De meting is mislukt. Controleer uw verbinding en probeer het opnieuw.", "The test failed. Check your connection and try again."),
    ("web-speed-no-location", "Vul eerst bij de vragen over uw locaties minstens één locatie in.", "First enter at least one location in the questions about your locations."),
    ("web-speed-link", "Internetsnelheid meten", "Measure internet speed"),
    ("web-unknown", "Weet ik niet", "I don't know"),
    ("web-entry", "Nummer", "Number"),
    ("web-calculated", "Berekend", "Calculated"),
];

/// The text of message `id` in `lang` (the id itself when unknown, so a gap shows).
pub fn t(lang: Lang, id: &'static str) -> &'static str {
    TEXTS
        .iter()
        .find(|(k, _, _)| *k == id)
        .map(|(_, nl, en)| match lang {
            Lang::Nl => *nl,
            Lang::En => *en,
        })
        .unwrap_or(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_both_languages_filled() {
        let mut ids: Vec<_> = TEXTS.iter().map(|(k, _, _)| *k).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), TEXTS.len());
        assert!(TEXTS.iter().all(|(_, nl, en)| !nl.is_empty() && !en.is_empty()));
    }
}
