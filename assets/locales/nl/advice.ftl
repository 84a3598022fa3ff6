# Teksten van de adviesregels (assets/advice.toml): per regel één bericht. De waarde is de titel;
# .finding en .measure zijn voor de specialist (TUI, CLI) en mogen medewerkers instrueren;
# .customer leest de klant in de pdf en spreekt de klant aan met "u" (gecontroleerd bij het laden).
#
# Variabelen: $naam is het feit facts.naam (src/advice/facts.rs, en de [limits] van advice.toml);
# $sectie_vraag is het antwoord sectie.vraag van het formulier (keuzes als label, kleine letter
# midden in een zin). Aantallen zijn getallen: kies enkelvoud en meervoud met [one] / *[other].
# Ja/nee komt binnen als true/false. Tussen een getal en zijn eenheid staat een harde spatie.

## Omvang van het bedrijf (FAQ 1.23, 1.25, 2.2, 2.4, 2.8)

rule-small-company = Minder dan { $min_workstations ->
        [one] { $min_workstations } werkplek
       *[other] { $min_workstations } werkplekken
    }
    .finding = { $workstations ->
        [one] Er is { $workstations } werkplek
       *[other] Er zijn { $workstations } werkplekken
    }; MKB Werkplek Online is bedoeld voor bedrijven met { $min_workstations } of meer werkplekken.
    .measure = Bespreek de alternatieven op kpn.com, zoals MKB Werkplek Start, Back-up Online, het Internetveiligheidspakket en Exchange Online.
    .customer = MKB Werkplek Online is bedoeld voor bedrijven met { $min_workstations } of meer werkplekken; u heeft er { $workstations }. { $provider } bespreekt graag met u of een alternatief zoals MKB Werkplek Start, Back-up Online of Exchange Online beter bij u past.

rule-order-online = Online bestellen
    .finding = Met { $workstations ->
        [one] { $workstations } werkplek
       *[other] { $workstations } werkplekken
    } bestelt de klant zelf via kpn.com en ziet daar direct het totaalbedrag.
    .measure = Geen offerte nodig: de orderbevestiging is het contract. Het kostenoverzicht geeft de bedragen vooraf.
    .customer = Met { $workstations ->
        [one] { $workstations } werkplek
       *[other] { $workstations } werkplekken
    } bestelt u zelf online en ziet u daar direct het totaalbedrag; de orderbevestiging is uw contract.

rule-sales-conversation = Verkoopadviesgesprek en offerte
    .finding = Met { $workstations ->
        [one] { $workstations } werkplek
       *[other] { $workstations } werkplekken
    } (vanaf { $quote_threshold_workstations }) volgt een verkoopadviesgesprek en een offerte.
    .measure = Plan het verkoopadviesgesprek met { $provider }; de getekende offerte is het contract.
    .customer = Met { $workstations ->
        [one] { $workstations } werkplek
       *[other] { $workstations } werkplekken
    } ontvangt u een offerte van { $provider }; de door u getekende offerte is het contract.

## Internetverbinding: bandbreedte en vertraging (FAQ 1.30)

rule-workload-unknown = Type werk onbekend
    .finding = Het type werk (belasting per gebruiker) is niet ingevuld; de benodigde bandbreedte is berekend met { $down_per_user_mbps }{"\u00A0"}Mbit/s per gebruiker.
    .measure = Vraag na wat de meeste gebruikers doen en vul het type werk in.
    .customer = Het type werk is nog niet bekend. De benodigde internetsnelheid is berekend met { $down_per_user_mbps }{"\u00A0"}Mbit/s per gebruiker en kan nog veranderen.

rule-bandwidth-location-slow = Internetverbinding te traag
    .finding = Locatie { $entry } ({ $locations_name }): { $link_measured ->
        [true] gemeten
       *[other] volgens abonnement
    } { $link_down_mbps }{"\u00A0"}Mbit/s download en { $link_up_mbps }{"\u00A0"}Mbit/s upload; nodig is { $needed_down_mbps }{"\u00A0"}Mbit/s download en { $needed_up_mbps }{"\u00A0"}Mbit/s upload voor { $locations_workstations ->
        [one] { $locations_workstations } werkplek
       *[other] { $locations_workstations } werkplekken
    }.
    .measure = Laat de internetverbinding op deze locatie verhogen vóór de overstap; bij de provider hoeft verder niets te veranderen.
    .customer = Locatie { $location_name }: uw internetverbinding ({ $link_measured ->
        [true] gemeten
       *[other] volgens abonnement
    } { $link_down_mbps }{"\u00A0"}Mbit/s download en { $link_up_mbps }{"\u00A0"}Mbit/s upload) is te traag voor { $location_workstations ->
        [one] { $location_workstations } werkplek
       *[other] { $location_workstations } werkplekken
    }; nodig is { $needed_down_mbps }{"\u00A0"}Mbit/s download en { $needed_up_mbps }{"\u00A0"}Mbit/s upload. De verbinding moet vóór de overstap worden verhoogd.

rule-bandwidth-total-slow = Gemeten verbinding te traag
    .finding = Niet toegewezen meting: { $unassigned_download_mbps }{"\u00A0"}Mbit/s download en { $unassigned_upload_mbps }{"\u00A0"}Mbit/s upload; nodig is { $needed_down_mbps }{"\u00A0"}Mbit/s download en { $needed_up_mbps }{"\u00A0"}Mbit/s upload voor { $workstations ->
        [one] { $workstations } werkplek
       *[other] { $workstations } werkplekken
    }.
    .measure = Laat de verbinding verhogen, of geef aan bij welke locatie de meting hoort en vul de werkplekken per locatie in.
    .customer = Er is { $unassigned_download_mbps }{"\u00A0"}Mbit/s download en { $unassigned_upload_mbps }{"\u00A0"}Mbit/s upload gemeten op een verbinding die nog niet aan een locatie is toegewezen; { $workstations ->
        [one] voor uw { $workstations } werkplek
       *[other] voor al uw { $workstations } werkplekken samen
    } is { $needed_down_mbps }{"\u00A0"}Mbit/s download en { $needed_up_mbps }{"\u00A0"}Mbit/s upload nodig.

rule-bandwidth-unknown = Verbinding niet te beoordelen
    .finding = Locatie { $entry } ({ $locations_name }): de snelheid van de verbinding of het aantal werkplekken is onbekend.
    .measure = Meet de verbinding met de bandbreedteprobe of vul de abonnementssnelheden en de werkplekken op deze locatie in.
    .customer = Locatie { $location_name }: de snelheid van uw internetverbinding of het aantal werkplekken daar is nog niet bekend, dus nog niet te beoordelen.

rule-bandwidth-ok = Internetverbinding voldoende
    .finding = Locatie { $entry } ({ $locations_name }): { $link_measured ->
        [true] gemeten
       *[other] volgens abonnement
    } { $link_down_mbps }{"\u00A0"}Mbit/s download en { $link_up_mbps }{"\u00A0"}Mbit/s upload; nodig is { $needed_down_mbps }{"\u00A0"}Mbit/s download en { $needed_up_mbps }{"\u00A0"}Mbit/s upload.
    .measure = Geen maatregel nodig.
    .customer = Locatie { $location_name }: uw internetverbinding ({ $link_measured ->
        [true] gemeten
       *[other] volgens abonnement
    } { $link_down_mbps }{"\u00A0"}Mbit/s download en { $link_up_mbps }{"\u00A0"}Mbit/s upload) is voldoende; nodig is { $needed_down_mbps }{"\u00A0"}Mbit/s download en { $needed_up_mbps }{"\u00A0"}Mbit/s upload.

rule-latency-high = Vertraging te hoog
    .finding = Gemeten vertraging (heen en terug) { $latency_ms }{"\u00A0"}ms; boven { $latency_max_ms }{"\u00A0"}ms merken gebruikers de vertraging bij elke toetsaanslag.
    .measure = Zoek de oorzaak (wifi, overbelaste of mobiele verbinding) en herhaal de meting; overweeg een andere verbinding.
    .customer = De gemeten vertraging van { $latency_ms }{"\u00A0"}ms is te hoog: u merkt die bij elke toetsaanslag. De oorzaak (wifi, een overbelaste of mobiele verbinding) moet vóór de overstap worden weggenomen.

rule-latency-text-only = Vertraging alleen geschikt voor tekstwerk
    .finding = Gemeten vertraging { $latency_ms }{"\u00A0"}ms: tussen { $latency_fine_ms }{"\u00A0"}ms en { $latency_max_ms }{"\u00A0"}ms is acceptabel voor tekstwerk, niet voor grafisch werk.
    .measure = Controleer of gebruikers grafisch werk doen; meet zo nodig bekabeld in plaats van via wifi.
    .customer = De gemeten vertraging van { $latency_ms }{"\u00A0"}ms is goed genoeg voor tekstwerk, maar niet voor grafisch werk.

rule-latency-under-load = Vertraging loopt op onder belasting
    .finding = In rust { $latency_ms }{"\u00A0"}ms, onder belasting { $loaded_latency_ms }{"\u00A0"}ms: bij druk gebruik wordt werken traag.
    .measure = Laat de router controleren (buffering, QoS) of de verbinding verhogen.
    .customer = Als uw verbinding druk is, loopt de vertraging op van { $latency_ms }{"\u00A0"}ms tot { $loaded_latency_ms }{"\u00A0"}ms en wordt werken traag. Laat de router controleren (buffering, QoS) of de verbinding verhogen.

rule-bufferbloat = Vertraging loopt op als de verbinding vol is (bufferbloat)
    .finding = In rust { $latency_ms }{"\u00A0"}ms; terwijl de verbinding vol is { $loaded_latency_download_ms }{"\u00A0"}ms bij downloaden en { $loaded_latency_upload_ms }{"\u00A0"}ms bij uploaden: tot { $loaded_latency_increase_ms }{"\u00A0"}ms erbij, meer dan { $loaded_latency_increase_max_ms }{"\u00A0"}ms. Zodra iemand een groot bestand verstuurt of ophaalt, reageert het externe bureaublad voor iedereen op deze lijn traag.
    .measure = Zet wachtrijbeheer (smart queue management, SQM: bijvoorbeeld fq_codel of cake) aan op de router, ingesteld op iets minder dan de gemeten snelheid; kan de router dat niet, vervang hem. Blijft de vertraging te hoog, kies dan een andere verbinding. Meet daarna opnieuw.
    .customer = Zodra iemand een groot bestand verstuurt of ophaalt, loopt de vertraging op uw verbinding op tot { $loaded_latency_increase_ms }{"\u00A0"}ms extra, en reageert de online werkplek voor iedereen op deze lijn traag. Dat is op te lossen met een instelling op de router (wachtrijbeheer, smart queue management) of een andere router; daarna wordt opnieuw gemeten.

rule-latency-ok = Vertraging goed
    .finding = Gemeten vertraging { $latency_ms }{"\u00A0"}ms (grens { $latency_fine_ms }{"\u00A0"}ms).
    .measure = Geen maatregel nodig.
    .customer = De gemeten vertraging van { $latency_ms }{"\u00A0"}ms is goed.

## Gebruikers en inloggen (FAQ 1.2, 1.31)

rule-mobile-missing = Gebruiker zonder mobiel nummer
    .finding = { $users_without_mobile ->
        [one] { $users_without_mobile } gebruiker
       *[other] { $users_without_mobile } gebruikers
    } zonder mobiel nummer voor de sms-inlog: { $users_without_mobile_names }.
    .measure = Vul voor elke gebruiker een 06-nummer in dat sms kan ontvangen; zonder nummer kan die gebruiker niet inloggen.
    .customer = Inloggen gaat altijd met een sms-code. Voor { $users_without_mobile_names } ontbreekt nog een mobiel nummer; { $users_without_mobile ->
        [one] zonder nummer kan deze gebruiker niet inloggen.
       *[other] zonder nummer kunnen deze gebruikers niet inloggen.
    }

rule-mobile-ok = Alle gebruikers hebben een mobiel nummer
    .finding = { $users ->
        [one] De enige gebruiker heeft een mobiel nummer voor de sms-inlog.
       *[other] Alle { $users } gebruikers hebben een mobiel nummer voor de sms-inlog.
    }
    .measure = Geen maatregel nodig.
    .customer = { $users ->
        [one] De enige gebruiker heeft een mobiel nummer voor de sms-inlog.
       *[other] Alle { $users } gebruikers hebben een mobiel nummer voor de sms-inlog.
    }

## Bedrijfsapplicaties (FAQ 1.5)

rule-custom-hosting = Bedrijfsapplicatie vraagt maatwerkhosting
    .finding = { $apps_name } draait nu niet in de cloud. { $provider } kan de applicatie als maatwerk op het platform zetten en beheren, maar dat kan technisch niet altijd.
    .measure = Laat de haalbaarheid van maatwerkhosting onderzoeken; kan het niet, dan blijft de applicatie werken zoals nu.
    .customer = { $apps_name } draait nu niet in de cloud. { $provider } onderzoekt of de applicatie als maatwerk op het platform kan draaien; kan dat niet, dan blijft de applicatie werken zoals nu.

rule-saas-app = Applicatie in de cloud
    .finding = { $apps_name } draait in de cloud via de browser en werkt ook vanuit de online werkplek.
    .measure = Geen maatregel nodig.
    .customer = { $apps_name } draait al in de cloud en werkt ook vanuit de online werkplek.

## Domein (FAQ 1.32, 1.33)

rule-domain-elsewhere = DNS-wijziging bij de hostingprovider
    .finding = Het domein { $domain_name } staat bij een andere hostingprovider ({ $domain_hosting_name }). Het hoeft niet te verhuizen en blijft eigendom van de klant.
    .measure = Laat bij de hostingprovider een verwijzing in de DNS naar MKB Werkplek Online zetten, gepland na de migratie.
    .customer = Uw domein { $domain_name } blijft bij uw hostingprovider ({ $domain_hosting_name }) en blijft uw eigendom. Na de migratie wordt daar een verwijzing in de DNS naar MKB Werkplek Online gezet.

rule-domain-provider-unknown = Onbekend waar het domein staat
    .finding = Van het domein { $domain_name } is niet bekend waar het geregistreerd is of wie de DNS beheert.
    .measure = Zoek de registratie op (bijvoorbeeld via sidn.nl) en regel toegang tot de DNS-instellingen vóór de migratie.
    .customer = Van uw domein { $domain_name } is nog niet bekend waar het is geregistreerd. Vóór de migratie is toegang tot de DNS-instellingen nodig.

## Migratie van e-mail en bestanden (FAQ 1.4)

rule-migration-project-needed = Migratieproject nodig
    .finding = Over te zetten: { $migration_gb }{"\u00A0"}GB ({ $mailbox_gb }{"\u00A0"}GB e-mail, { $data_gb }{"\u00A0"}GB bestanden), aantal mailboxen: { $email_mailboxes }; boven { $manual_migration_max_gb }{"\u00A0"}GB of { $manual_migration_max_mailboxes } mailboxen is zelf migreren met de handleiding niet verstandig.
    .measure = Laat { $provider } een migratieproject uitvoeren, met eenmalige kosten, buiten kantoortijd.
    .customer = Er gaat { $migration_gb }{"\u00A0"}GB aan e-mail en bestanden over. Dat is te veel om zelf met de handleiding over te zetten: { $provider } voert een migratieproject uit, buiten kantoortijd en met eenmalige kosten.

rule-migration-project-chosen = Migratieproject op verzoek
    .finding = De klant kiest voor een migratieproject ({ $migration_gb }{"\u00A0"}GB).
    .measure = Het migratieproject wordt ingepland, met eenmalige kosten.
    .customer = U kiest voor een migratieproject ({ $migration_gb }{"\u00A0"}GB); { $provider } voert het uit, met eenmalige kosten.

rule-migration-manual = Zelf migreren met de handleiding
    .finding = Over te zetten: { $migration_gb }{"\u00A0"}GB; dat kan de klant zelf met de handleiding.
    .measure = Stuur de installatiehandleiding en plan de migratie buiten kantoortijd.
    .customer = Er gaat { $migration_gb }{"\u00A0"}GB over; dat kunt u zelf doen met de handleiding, buiten kantoortijd.

rule-migration-volume-unknown = Omvang e-mail en bestanden onbekend
    .finding = De omvang van de e-mail en de bestanden is niet ingevuld; daarmee is niet te kiezen tussen zelf migreren en een migratieproject.
    .measure = Vraag de omvang op bij de huidige beheerder of lees hem af op de server.
    .customer = De omvang van uw e-mail en bestanden is nog niet bekend. Daarvan hangt af of u zelf migreert of dat er een migratieproject nodig is.

## Werkplekken (FAQ 1.14, 1.34)

rule-workstations-not-ready = Werkplekken voldoen niet
    .finding = { $workstations_not_ready ->
        [one] { $workstations_not_ready } van de { $workstations_measured } gemeten computers voldoet niet
       *[other] { $workstations_not_ready } van de { $workstations_measured } gemeten computers voldoen niet
    }: { $not_ready_list }.
    .measure = Vervang of upgrade deze computers vóór de livegang, of laat hun gebruikers op een andere computer inloggen.
    .customer = { $workstations_not_ready ->
        [one] { $workstations_not_ready } van de { $workstations_measured } gemeten computers voldoet niet: { $not_ready_list }. Vervang of upgrade deze computer vóór de livegang, of laat de gebruiker op een andere computer inloggen.
       *[other] { $workstations_not_ready } van de { $workstations_measured } gemeten computers voldoen niet: { $not_ready_list }. Vervang of upgrade ze vóór de livegang, of laat de gebruikers op een andere computer inloggen.
    }

rule-workstations-marginal = Werkplekken krap
    .finding = { $workstations_marginal ->
        [one] { $workstations_marginal } van de { $workstations_measured } gemeten computers voldoet krap
       *[other] { $workstations_marginal } van de { $workstations_measured } gemeten computers voldoen krap
    }: { $marginal_list }.
    .measure = Plan vervanging van deze computers; voor de online werkplek volstaan ze voorlopig.
    .customer = { $workstations_marginal ->
        [one] { $workstations_marginal } van de { $workstations_measured } gemeten computers voldoet krap: { $marginal_list }. Voor de online werkplek volstaat hij voorlopig; plan zijn vervanging.
       *[other] { $workstations_marginal } van de { $workstations_measured } gemeten computers voldoen krap: { $marginal_list }. Voor de online werkplek volstaan ze voorlopig; plan hun vervanging.
    }

rule-workstations-ready = Gemeten werkplekken voldoen
    .finding = { $workstations_measured ->
        [one] De gemeten computer voldoet.
       *[other] Alle { $workstations_measured } gemeten computers voldoen.
    }
    .measure = De huidige computers kunnen blijven.
    .customer = { $workstations_measured ->
        [one] De gemeten computer voldoet; u kunt hem blijven gebruiken.
       *[other] Alle { $workstations_measured } gemeten computers voldoen; u kunt ze blijven gebruiken.
    }

rule-windows-outdated = Verouderde Windows-versies
    .finding = Er zijn computers met Windows 8.1, 7 of ouder; die krijgen geen beveiligingsupdates meer.
    .measure = Vervang of upgrade deze computers; de computer waarmee wordt ingelogd blijft de verantwoordelijkheid van de klant.
    .customer = Er zijn computers met Windows 8.1, 7 of ouder. Die krijgen geen beveiligingsupdates meer; vervang of upgrade ze. De computer waarmee u inlogt blijft uw verantwoordelijkheid.

rule-apple-computers = Apple-computers
    .finding = Er worden Apple-computers gebruikt. Inloggen kan met de Remote Desktop-app voor macOS, maar niet elk onderdeel (zoals Back-up Online) werkt op een Mac.
    .measure = Test de inlog op een Mac tijdens de intake en controleer printers, randapparatuur en de lokale back-up.
    .customer = U gebruikt Apple-computers. Inloggen kan met de Remote Desktop-app voor macOS, maar niet elk onderdeel (zoals Back-up Online) werkt op een Mac.

rule-offline-needed = Offline werken nodig
    .finding = Er moet soms zonder internet gewerkt worden. De online werkplek werkt alleen via internet; offline werken kan alleen met software die lokaal op de computer staat.
    .measure = Spreek af wie lokale software (zoals Office) houdt naast de online werkplek en hoe die bestanden daarna in de werkplek komen.
    .customer = U werkt soms zonder internet. De online werkplek werkt alleen via internet; offline werken kan alleen met software die op de computer zelf staat.

## Waarnemingen op locatie (FAQ 3.3, 3.5)

rule-no-site-survey = Geen site survey
    .finding = De intake is niet op locatie gedaan: bekabeling, servers en netwerkapparatuur zijn niet ter plekke beoordeeld.
    .measure = Overweeg een site survey als er twijfel is over de bekabeling of de apparatuur.
    .customer = De intake is niet bij u op locatie gedaan: bekabeling, servers en netwerkapparatuur zijn niet ter plekke bekeken. Bij twijfel kan dat alsnog met een bezoek op locatie.

rule-cabling-poor = Bekabeling slecht
    .finding = De specialist beoordeelt de inpandige bekabeling als slecht.
    .measure = Laat de bekabeling herstellen of vernieuwen vóór de overstap (minimaal Cat5e).
    .customer = De bekabeling in uw pand is slecht. Die moet vóór de overstap worden hersteld of vernieuwd (minimaal Cat5e).

rule-cabling-fair = Bekabeling redelijk
    .finding = De bekabeling werkt, maar is rommelig of deels verouderd.
    .measure = Laat de bekabeling per locatie controleren.
    .customer = De bekabeling in uw pand werkt, maar is rommelig of deels verouderd; waar die niet als in orde is beoordeeld, wordt hij gecontroleerd.

rule-location-cabling = Bekabeling op locatie niet in orde
    .finding = Locatie { $entry } ({ $locations_name }): de bekabeling is niet in orde.
    .measure = Laat de bekabeling op deze locatie controleren en zo nodig herstellen.
    .customer = Locatie { $location_name }: de bekabeling is niet in orde; die wordt gecontroleerd en zo nodig hersteld.

rule-location-network = Netwerkapparatuur op locatie niet in orde
    .finding = Locatie { $entry } ({ $locations_name }): router, switches of firewall niet in orde.
    .measure = Laat de netwerkapparatuur op deze locatie controleren en zo nodig vervangen vóór de overstap.
    .customer = Locatie { $location_name }: de router, switches of firewall zijn niet in orde; die worden vóór de overstap gecontroleerd en zo nodig vervangen.

rule-servers-on-site = Servers op locatie
    .finding = Servers op locatie, volgens de specialist: { $server_roles }.
    .measure = Neem elke rol op in het migratieplan en spreek af wat er na de overstap met de servers gebeurt.
    .customer = Er staan servers bij u op locatie: { $server_roles }. Per server wordt vastgelegd wat naar de online werkplek gaat en wat er daarna met de server gebeurt.

rule-servers-roles-unknown = Servers op locatie, rollen onbekend
    .finding = Er staan servers op locatie, maar niet is vastgelegd wat erop draait.
    .measure = Inventariseer per server wat erop draait (bestanden, e-mail, applicaties) en vul het in bij de servers.
    .customer = Er staan servers bij u op locatie. Wat erop draait (bestanden, e-mail, applicaties) wordt nog vastgelegd, zodat alles meegaat naar de online werkplek.

rule-network-equipment-poor = Netwerkapparatuur slecht
    .finding = De specialist beoordeelt router, switches of firewall als slecht.
    .measure = Laat de netwerkapparatuur vervangen vóór de overstap.
    .customer = Uw router, switches of firewall zijn in slechte staat; die moeten vóór de overstap worden vervangen.

rule-network-equipment-fair = Netwerkapparatuur redelijk
    .finding = De netwerkapparatuur werkt, maar is ouder of onbeheerd.
    .measure = Plan vervanging; controleer firmware-updates.
    .customer = Uw netwerkapparatuur werkt, maar is ouder of niet beheerd. Plan vervanging en houd de firmware bij.

rule-wifi-poor = Wifi-dekking onvoldoende
    .finding = De wifi dekt niet alle werkplekken goed.
    .measure = Sluit vaste werkplekken bekabeld aan of laat de wifi verbeteren.
    .customer = De wifi dekt niet alle werkplekken goed. Sluit vaste werkplekken met een kabel aan of laat de wifi verbeteren.

## De computers waarop wordt ingelogd (FAQ 1.14, 1.35)

rule-windows10-measured = Windows 10 buiten ondersteuning
    .finding = { $windows10_measured ->
        [one] { $windows10_measured } gemeten computer
       *[other] { $windows10_measured } gemeten computers
    } met Windows 10: { $windows10_list }. Windows 10 krijgt sinds 14 oktober 2025 geen gratis beveiligingsupdates meer (IoT Enterprise LTSC uitgezonderd).
    .measure = Bespreek upgrade naar Windows 11 of vervanging vóór de livegang; controleer of de hardware Windows 11 aankan.
    .customer = { $windows10_measured ->
        [one] Deze computer draait
       *[other] Deze computers draaien
    } Windows 10: { $windows10_list }. Windows 10 krijgt sinds 14 oktober 2025 geen gratis beveiligingsupdates meer. De computer waarmee u inlogt moet veilig blijven: upgrade naar Windows 11 of vervang de computer.

rule-windows10-answered = Windows 10 buiten ondersteuning
    .finding = Volgens de intake draaien er computers op Windows 10; dat krijgt sinds 14 oktober 2025 geen gratis beveiligingsupdates meer. Geen gemeten computer bevestigt het (IoT Enterprise LTSC telt niet mee).
    .measure = Meet de computers met de werkplekprobe om te zien welke het zijn, en bespreek upgrade naar Windows 11 of vervanging.
    .customer = Een deel van uw computers draait Windows 10. Windows 10 krijgt sinds 14 oktober 2025 geen gratis beveiligingsupdates meer. De computer waarmee u inlogt moet veilig blijven: upgrade naar Windows 11 of vervang de computer.

rule-probe-coverage = Niet alle computers gemeten
    .finding = { $workstations_measured } van { $computers_known } computers gemeten; { $workstations_unmeasured } niet.
    .measure = Draai de werkplekprobe op de overige computers en importeer de bestanden (intake probe import).
    .customer = { $workstations_measured ->
        [one] { $workstations_measured } van uw { $computers_known } computers is gemeten.
       *[other] { $workstations_measured } van uw { $computers_known } computers zijn gemeten.
    } { $workstations_unmeasured ->
        [one] Of de overige computer voldoet, is nog niet vastgesteld.
       *[other] Of de overige { $workstations_unmeasured } voldoen, is nog niet vastgesteld.
    }

rule-probe-none = Geen computer gemeten
    .finding = { $computers_known ->
        [one] De computer is niet gemeten; of hij voldoet is onbekend.
       *[other] Geen van de { $computers_known } computers is gemeten; of ze voldoen is onbekend.
    }
    .measure = Draai de werkplekprobe op de computers (intake probe workstation --save) en importeer de bestanden van andere computers.
    .customer = { $computers_known ->
        [one] Uw computer is nog niet gemeten; of hij geschikt is voor de online werkplek, wordt nog vastgesteld.
       *[other] Geen van uw computers is nog gemeten; of ze geschikt zijn voor de online werkplek, wordt nog vastgesteld.
    }

rule-peripherals = Randapparatuur
    .finding = Aangesloten apparatuur: { $peripherals_list }. In een gehoste werkplek heeft elk apparaat een doorverwijzing (USB/RDP) of een stuurprogramma op het platform nodig.
    .measure = Test elk apparaat (merk en type) in de online werkplek vóór de livegang en noteer welke doorverwijzing of welk stuurprogramma nodig is.
    .customer = U gebruikt deze apparatuur: { $peripherals_list }. In de online werkplek moet elk apparaat worden doorgegeven of een stuurprogramma krijgen; elk apparaat wordt vóór de livegang getest.

rule-printers = Printers
    .finding = Printers volgens de intake: { $workstations_printers }; gevonden door de netwerkscan: { $lan_printers }.
    .measure = Controleer per printer of er een stuurprogramma voor het platform is en test afdrukken vanuit de online werkplek.
    .customer = Printen vanuit de online werkplek vraagt per printer het juiste stuurprogramma; elke printer wordt vóór de livegang getest.

## Het netwerk zoals gescand

rule-lan-inventory = Netwerk geïnventariseerd
    .finding = De netwerkscan vond { $lan_hosts ->
        [one] { $lan_hosts } apparaat
       *[other] { $lan_hosts } apparaten
    }: { $lan_printers ->
        [one] { $lan_printers } printer
       *[other] { $lan_printers } printers
    }, { $lan_servers ->
        [one] { $lan_servers } server
       *[other] { $lan_servers } servers
    }, { $lan_network_devices ->
        [one] { $lan_network_devices } netwerkapparaat
       *[other] { $lan_network_devices } netwerkapparaten
    }.
    .measure = Vergelijk de gevonden apparaten met de intake; neem wat ontbreekt op.
    .customer = In uw netwerk { $lan_hosts ->
        [one] is { $lan_hosts } apparaat
       *[other] zijn { $lan_hosts } apparaten
    } gevonden, waaronder { $lan_printers ->
        [one] { $lan_printers } printer
       *[other] { $lan_printers } printers
    }, { $lan_servers ->
        [one] { $lan_servers } server
       *[other] { $lan_servers } servers
    } en { $lan_network_devices ->
        [one] { $lan_network_devices } netwerkapparaat
       *[other] { $lan_network_devices } netwerkapparaten
    }; de lijst staat bij de huidige situatie.

rule-lan-servers-unlisted = Servers gevonden die de intake niet noemt
    .finding = De netwerkscan vond { $lan_servers ->
        [one] een server
       *[other] { $lan_servers } servers
    }: { $lan_servers_list }; de intake noemt geen servers.
    .measure = Ga na wat deze apparaten doen en vul de servers en hun rollen in.
    .customer = In uw netwerk { $lan_servers ->
        [one] is een apparaat gevonden dat zich als server gedraagt
       *[other] zijn apparaten gevonden die zich als server gedragen
    } ({ $lan_servers_list }). Wat erop draait wordt nog vastgesteld, zodat niets achterblijft bij de overstap.

## E-mail (FAQ 1.4)

rule-mail-exchange-server = E-mail van een eigen Exchange-server
    .finding = De e-mail staat op een eigen Exchange-server; mailboxen, agenda's en contacten gaan mee.
    .measure = Plan de mailboxmigratie vanaf Exchange en de MX-wijziging; spreek af wanneer de server uit kan.
    .customer = Uw e-mail staat op een eigen Exchange-server. De mailboxen, agenda's en contacten worden overgezet; daarna kan de server uit.

rule-mail-google = E-mail uit Google Workspace
    .finding = De e-mail staat in Google Workspace; mail, agenda en contacten gaan naar Exchange, Google Drive-bestanden apart.
    .measure = Neem Google Drive mee in de bestandsomvang en plan de opzegging van Google Workspace na de overstap.
    .customer = Uw e-mail staat nu bij Google. E-mail, agenda en contacten worden overgezet; bestanden in Google Drive gaan apart mee. Zeg Google Workspace pas na de overstap op.

rule-mail-pop-imap = E-mail via POP/IMAP bij de hostingprovider
    .finding = De e-mail staat bij de hostingprovider (POP/IMAP); agenda's en contacten staan meestal lokaal in Outlook.
    .measure = Neem de lokale agenda's, contacten en PST-bestanden mee; plan de MX-wijziging bij de hostingprovider.
    .customer = Uw e-mail staat bij uw hostingprovider (POP/IMAP). De berichten worden overgezet; agenda's en contacten die lokaal in Outlook staan, gaan apart mee.

rule-mail-microsoft365 = E-mail uit Microsoft 365
    .finding = De e-mail staat in Microsoft 365 / Exchange Online.
    .measure = Plan de mailboxmigratie en de opzegging van het huidige Microsoft 365-abonnement na de overstap.
    .customer = Uw e-mail staat in Microsoft 365. De mailboxen worden overgezet; zeg het huidige abonnement pas na de overstap op.

rule-mail-source-unknown = Huidig e-mailsysteem onbekend
    .finding = Niet bekend waar de e-mail nu staat.
    .measure = Vraag na waar de e-mail staat (eigen server, Microsoft 365, Google, hostingprovider).
    .customer = Waar uw e-mail nu staat, is nog niet bekend; daarvan hangt af hoe de e-mail wordt overgezet.

rule-pst-files = Lokale e-mailarchieven (PST)
    .finding = Er zijn PST-bestanden; die gaan niet vanzelf mee met de mailboxmigratie.
    .measure = Zoek de PST-bestanden op, tel ze mee in de omvang en importeer ze in de mailboxen.
    .customer = U heeft lokale e-mailarchieven (PST-bestanden). Die gaan niet vanzelf mee: ze worden in uw mailbox opgenomen en tellen mee in de omvang van de migratie.

## Back-up, virusscanner, privacy (FAQ 1.16-1.18, 1.35)

rule-backup-none = Geen back-up
    .finding = Er is nu geen back-up van de bestanden.
    .measure = Wijs op het risico tot de overstap; plan de migratie van de bestanden vroeg.
    .customer = U heeft nu geen back-up. In MKB Werkplek Online wordt elke dag een gecontroleerde back-up gemaakt; tot de overstap loopt u het risico gegevens kwijt te raken.

rule-backup-local = Back-up op een lokale schijf
    .finding = De back-up wordt gemaakt op: { $data_backup_how }. Een lokale schijf gaat bij brand, diefstal of ransomware mee verloren.
    .measure = Houd de lokale back-up aan tot de bestanden zijn overgezet en gecontroleerd.
    .customer = Uw back-up staat op een lokale schijf ({ $data_backup_how }). Bij brand, diefstal of ransomware gaat die mee verloren. Na de overstap staat de back-up in beveiligde datacenters; houd de huidige aan tot alles is overgezet.

rule-backup-not-tested = Back-up onregelmatig of niet getest
    .finding = Back-up: { $data_backup_frequency }; teruggezet en getest: { $data_backup_tested ->
        [true] ja
        [false] nee
       *[other] onbekend
    }.
    .measure = Maak vóór de migratie een volledige back-up en test het terugzetten.
    .customer = Uw back-up wordt niet dagelijks gemaakt of is nooit teruggezet om te testen. Vóór de migratie wordt een volledige back-up gemaakt en gecontroleerd.

rule-backup-ok = Back-up in orde
    .finding = Dagelijkse back-up, getest ({ $data_backup_how }).
    .measure = Geen maatregel nodig.
    .customer = Uw back-up wordt dagelijks gemaakt en is getest; na de overstap neemt de dagelijkse back-up van MKB Werkplek Online dit over.

rule-antivirus-missing = Geen virusscanner op de computers
    .finding = Op de computers draait geen virusscanner.
    .measure = Adviseer een virusscanner op elke computer waarmee wordt ingelogd.
    .customer = Op uw computers draait geen virusscanner. In de online werkplek worden alle e-mail en servers gecontroleerd, maar de computer waarmee u inlogt blijft uw verantwoordelijkheid: installeer er een virusscanner op.

rule-sensitive-data = Bijzondere persoonsgegevens
    .finding = Het bedrijf verwerkt bijzondere persoonsgegevens; eisen: { $security_policies }.
    .measure = Sluit een verwerkersovereenkomst (AVG art. 28) en leg de beveiligingseisen vast.
    .customer = U verwerkt bijzondere persoonsgegevens. Met { $provider } sluit u een verwerkersovereenkomst (AVG artikel 28); uw gegevens staan in datacenters volgens ISO 27001 en inloggen gaat altijd met een sms-code.

rule-sector-healthcare = Zorg: NEN 7510
    .finding = Zorgsector: informatiebeveiliging volgens NEN 7510 en patiëntgegevens onder de AVG.
    .measure = Vraag welke NEN 7510-eisen de praktijk stelt en leg vast hoe de werkplek eraan voldoet.
    .customer = Als zorgaanbieder werkt u volgens NEN 7510. Welke eisen daaruit voor de online werkplek gelden, wordt met u vastgelegd vóór de overstap.

rule-office-subscription-end = Lopend Office-abonnement
    .finding = Het huidige Office-abonnement loopt tot { $work_subscription_end }.
    .measure = Stem de opzegging af op de livegang, zodat er niet dubbel wordt betaald.
    .customer = Uw huidige Office-abonnement loopt tot { $work_subscription_end }. Office zit in MKB Werkplek Online; zeg het huidige abonnement op tegen de livegang.

## Planning (FAQ 2.1, 3.5)

rule-go-live-too-early = Gewenste startdatum te vroeg
    .finding = De gewenste startdatum { $planning_go_live } is te vroeg: de benodigde fasen maken livegang op zijn vroegst mogelijk op { $earliest_go_live }.
    .measure = Kies met de klant een startdatum op of na { $earliest_go_live }, of breng maatregelen naar voren.
    .customer = Uw gewenste startdatum { $planning_go_live } is niet haalbaar: met de benodigde stappen is livegang op zijn vroegst mogelijk op { $earliest_go_live }.
