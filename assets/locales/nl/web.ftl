# The customer's web form and browser speed test (`intake serve`, src/web).

web-title = Intake MKB Werkplek Online
web-skip = Naar de vragen
web-step = Stap
web-of = van
web-progress = ingevuld
web-prev = Vorige
web-next = Volgende
web-save = Opslaan
web-saved = Opgeslagen
web-save-failed = Niet opgeslagen: controleer uw verbinding en probeer het opnieuw.
web-review = Controleren en versturen
web-sections = Onderdelen
web-add = Toevoegen
web-remove = Verwijderen
web-required = verplicht
web-missing = Nog niet ingevuld
web-errors = Nog te verbeteren
web-all-done = Alle verplichte vragen zijn ingevuld.
web-confirm = Ik begrijp dat ik deze intake zelf heb ingevuld en dat ik verantwoordelijk ben voor de juistheid en volledigheid van de gegevens. Als er door onjuiste of onvolledige gegevens extra werk nodig is, kan dat extra kosten geven (FAQ 3.3).
web-confirm-needed = Vink eerst aan dat u dit begrijpt.
web-submit = Versturen
web-submit-blocked = U kunt versturen zodra alle verplichte vragen zijn ingevuld en er geen fouten meer zijn.
web-submitted = Bedankt. Uw antwoorden zijn verstuurd; onze specialist neemt contact met u op. U kunt ze hieronder nog bekijken, maar niet meer wijzigen.
web-read-only = Deze intake is verstuurd en kan niet meer worden gewijzigd.
web-gone = Deze link werkt niet (meer). Vraag uw contactpersoon om een nieuwe link.
web-too-many = Te veel pogingen. Probeer het over een paar minuten opnieuw.
web-forbidden = Dit verzoek is geweigerd: laad de pagina opnieuw en probeer het nog eens.
web-too-large = Dit is te veel tekst om in één keer op te slaan.
web-server-error = Er ging iets mis bij het opslaan. Uw eerdere antwoorden zijn bewaard; probeer het opnieuw.
web-not-found = Deze pagina bestaat niet.
web-yes = Ja
web-no = Nee
web-no-answer = (geen antwoord)
web-language = English
web-speed = Snelheid van uw internetverbinding meten
web-speed-intro = Doe deze meting op kantoor, op een computer die op het kantoornetwerk zit. Sluit andere programma's die veel internet gebruiken. De meting duurt ongeveer 20 seconden.
web-speed-location = Voor welke locatie meet u?
web-speed-start = Meting starten
web-speed-needs-js = Voor de snelheidsmeting moet JavaScript aan staan in uw browser.
web-speed-down = Download
web-speed-up = Upload
web-speed-ping = Vertraging (rust)
web-speed-loaded = Vertraging (belast)
web-speed-saved = De meting is opgeslagen. Dank u wel.
web-speed-running = Bezig met meten…
web-speed-failed = De meting is mislukt. Controleer uw verbinding en probeer het opnieuw.
web-speed-no-location = Vul eerst bij de vragen over uw locaties minstens één locatie in.
web-speed-link = Internetsnelheid meten
web-unknown = Weet ik niet
web-entry = Nummer
web-calculated = Berekend

# intake invite
web-invite-valid = geldig tot { $until } (UTC); de link wordt niet opgeslagen: bewaar of verstuur hem nu
web-invite-customer-only = let op: de klant ziet alleen de klantvragen; specialistenvragen blijven voor u
web-invite-revoked = { $count ->
    [one] { $count } link van intake { $id } beëindigd
   *[other] { $count } links van intake { $id } beëindigd
}
web-invite-none = intake { $id } heeft geen links
web-invite-header = #    status     gemaakt           verloopt          door
status-returned = teruggestuurd
web-unknown-conflict = Vul een antwoord in óf kies "Weet ik niet", niet allebei.
