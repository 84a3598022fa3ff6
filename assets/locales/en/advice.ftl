# Texts of the advice rules (assets/advice.toml): one message per rule. Its value is the title;
# .finding and .measure are for the specialist (TUI, CLI) and may instruct staff; .customer is
# what the customer reads in the PDF, addressed as "you" (checked when the rules are loaded).
#
# Variables: $name is the fact facts.name (src/advice/facts.rs, and the [limits] of advice.toml);
# $section_question is the form's answer section.question (choices as their labels, lower case
# inside a sentence). Counts are numbers: choose singular and plural with [one] / *[other].
# Yes/no arrives as true/false. A no-break space stands between a number and its unit.

## Size of the business (FAQ 1.23, 1.25, 2.2, 2.4, 2.8)

rule-small-company = Fewer than { $min_workstations ->
        [one] { $min_workstations } workstation
       *[other] { $min_workstations } workstations
    }
    .finding = { $workstations ->
        [one] There is { $workstations } workstation
       *[other] There are { $workstations } workstations
    }; MKB Werkplek Online is meant for businesses with { $min_workstations } or more workstations.
    .measure = Discuss the alternatives at kpn.com, such as MKB Werkplek Start, Back-up Online, the Internet security package and Exchange Online.
    .customer = MKB Werkplek Online is meant for businesses with { $min_workstations } or more workstations; you have { $workstations }. { $provider } will gladly discuss with you whether an alternative such as MKB Werkplek Start, Back-up Online or Exchange Online suits you better.

rule-order-online = Order online
    .finding = With { $workstations ->
        [one] { $workstations } workstation
       *[other] { $workstations } workstations
    } the customer orders at kpn.com and sees the total amount straight away.
    .measure = No quote needed: the order confirmation is the contract. The cost overview gives the amounts beforehand.
    .customer = With { $workstations ->
        [one] { $workstations } workstation
       *[other] { $workstations } workstations
    } you order online yourself and see the total amount straight away; the order confirmation is your contract.

rule-sales-conversation = Sales conversation and quote
    .finding = With { $workstations ->
        [one] { $workstations } workstation
       *[other] { $workstations } workstations
    } (from { $quote_threshold_workstations } on) a sales conversation and a quote follow.
    .measure = Plan the sales conversation with { $provider }; the signed quote is the contract.
    .customer = With { $workstations ->
        [one] { $workstations } workstation
       *[other] { $workstations } workstations
    } you receive a quote from { $provider }; the quote you sign is the contract.

## Internet link: bandwidth and latency (FAQ 1.30)

rule-workload-unknown = Type of work unknown
    .finding = The type of work (load per user) is not filled in; the bandwidth needed is computed with { $down_per_user_mbps }{"\u00A0"}Mbit/s per user.
    .measure = Ask what most users do and fill in the type of work.
    .customer = The type of work is not known yet. The internet speed needed is computed with { $down_per_user_mbps }{"\u00A0"}Mbit/s per user and may still change.

rule-bandwidth-location-slow = Internet link too slow
    .finding = Location { $entry } ({ $locations_name }): { $link_measured ->
        [true] measured
       *[other] subscribed
    } { $link_down_mbps }{"\u00A0"}Mbit/s download and { $link_up_mbps }{"\u00A0"}Mbit/s upload; needed { $needed_down_mbps }{"\u00A0"}Mbit/s download and { $needed_up_mbps }{"\u00A0"}Mbit/s upload for { $locations_workstations ->
        [one] { $locations_workstations } workstation
       *[other] { $locations_workstations } workstations
    }.
    .measure = Have the internet link at this location upgraded before the move; nothing else needs to change with the provider.
    .customer = Location { $location_name }: your internet link ({ $link_measured ->
        [true] measured
       *[other] subscribed
    } { $link_down_mbps }{"\u00A0"}Mbit/s download and { $link_up_mbps }{"\u00A0"}Mbit/s upload) is too slow for { $location_workstations ->
        [one] { $location_workstations } workstation
       *[other] { $location_workstations } workstations
    }; { $needed_down_mbps }{"\u00A0"}Mbit/s download and { $needed_up_mbps }{"\u00A0"}Mbit/s upload are needed. The link must be upgraded before the move.

rule-bandwidth-total-slow = Measured link too slow
    .finding = Unassigned measurement: { $unassigned_download_mbps }{"\u00A0"}Mbit/s download and { $unassigned_upload_mbps }{"\u00A0"}Mbit/s upload; needed { $needed_down_mbps }{"\u00A0"}Mbit/s download and { $needed_up_mbps }{"\u00A0"}Mbit/s upload for { $workstations ->
        [one] { $workstations } workstation
       *[other] { $workstations } workstations
    }.
    .measure = Have the link upgraded, or say which location the measurement belongs to and fill in the workstations per location.
    .customer = A link not yet assigned to a location measured { $unassigned_download_mbps }{"\u00A0"}Mbit/s download and { $unassigned_upload_mbps }{"\u00A0"}Mbit/s upload; { $workstations ->
        [one] your { $workstations } workstation needs
       *[other] all your { $workstations } workstations together need
    } { $needed_down_mbps }{"\u00A0"}Mbit/s download and { $needed_up_mbps }{"\u00A0"}Mbit/s upload.

rule-bandwidth-unknown = Link cannot be assessed
    .finding = Location { $entry } ({ $locations_name }): the speed of the link or the number of workstations is unknown.
    .measure = Measure the link with the bandwidth probe or fill in the subscribed speeds and the workstations at this location.
    .customer = Location { $location_name }: the speed of your internet link or the number of workstations there is not known yet, so it cannot be assessed yet.

rule-bandwidth-ok = Internet link sufficient
    .finding = Location { $entry } ({ $locations_name }): { $link_measured ->
        [true] measured
       *[other] subscribed
    } { $link_down_mbps }{"\u00A0"}Mbit/s download and { $link_up_mbps }{"\u00A0"}Mbit/s upload; needed { $needed_down_mbps }{"\u00A0"}Mbit/s download and { $needed_up_mbps }{"\u00A0"}Mbit/s upload.
    .measure = No measure needed.
    .customer = Location { $location_name }: your internet link ({ $link_measured ->
        [true] measured
       *[other] subscribed
    } { $link_down_mbps }{"\u00A0"}Mbit/s download and { $link_up_mbps }{"\u00A0"}Mbit/s upload) is sufficient; { $needed_down_mbps }{"\u00A0"}Mbit/s download and { $needed_up_mbps }{"\u00A0"}Mbit/s upload are needed.

rule-latency-high = Latency too high
    .finding = Measured round-trip latency { $latency_ms }{"\u00A0"}ms; above { $latency_max_ms }{"\u00A0"}ms users notice the delay with every keystroke.
    .measure = Find the cause (Wi-Fi, an overloaded or mobile link) and measure again; consider another connection.
    .customer = The measured latency of { $latency_ms }{"\u00A0"}ms is too high: you will notice it with every keystroke. Its cause (Wi-Fi, an overloaded or mobile link) must be removed before the move.

rule-latency-text-only = Latency fit for text work only
    .finding = Measured latency { $latency_ms }{"\u00A0"}ms: between { $latency_fine_ms }{"\u00A0"}ms and { $latency_max_ms }{"\u00A0"}ms is acceptable for text work, not for graphical work.
    .measure = Check whether users do graphical work; if needed measure over a cable instead of Wi-Fi.
    .customer = The measured latency of { $latency_ms }{"\u00A0"}ms is good enough for text work, but not for graphical work.

rule-latency-under-load = Latency rises under load
    .finding = Idle { $latency_ms }{"\u00A0"}ms, under load { $loaded_latency_ms }{"\u00A0"}ms: work gets slow when the link is busy.
    .measure = Have the router checked (buffering, QoS) or the link upgraded.
    .customer = When your link is busy, the latency rises from { $latency_ms }{"\u00A0"}ms to { $loaded_latency_ms }{"\u00A0"}ms and work gets slow. Have the router checked (buffering, QoS) or the link upgraded.

rule-bufferbloat = Latency rises when the link is full (bufferbloat)
    .finding = Idle { $latency_ms }{"\u00A0"}ms; while the link is full { $loaded_latency_download_ms }{"\u00A0"}ms downloading and { $loaded_latency_upload_ms }{"\u00A0"}ms uploading: up to { $loaded_latency_increase_ms }{"\u00A0"}ms more, above { $loaded_latency_increase_max_ms }{"\u00A0"}ms. Whenever someone sends or fetches a large file, the remote desktop becomes slow for everyone on this line.
    .measure = Turn on smart queue management (SQM, e.g. fq_codel or cake) on the router, set slightly below the measured speed; if the router cannot do that, replace it. If the latency stays too high, choose another line. Measure again afterwards.
    .customer = Whenever someone sends or fetches a large file, the latency on your link rises by up to { $loaded_latency_increase_ms }{"\u00A0"}ms, and the online workplace gets slow for everyone on this line. A router setting (smart queue management) or another router fixes it; the link is then measured again.

rule-latency-ok = Latency fine
    .finding = Measured latency { $latency_ms }{"\u00A0"}ms (limit { $latency_fine_ms }{"\u00A0"}ms).
    .measure = No measure needed.
    .customer = The measured latency of { $latency_ms }{"\u00A0"}ms is fine.

## Users and login (FAQ 1.2, 1.31)

rule-mobile-missing = User without a mobile number
    .finding = { $users_without_mobile ->
        [one] { $users_without_mobile } user
       *[other] { $users_without_mobile } users
    } without a mobile number for the SMS login: { $users_without_mobile_names }.
    .measure = Fill in a 06 number able to receive SMS for every user; without one that user cannot log in.
    .customer = Logging in always takes an SMS code. A mobile number is still missing for { $users_without_mobile_names }; { $users_without_mobile ->
        [one] without one this user cannot log in.
       *[other] without one these users cannot log in.
    }

rule-mobile-ok = All users have a mobile number
    .finding = { $users ->
        [one] The only user has a mobile number for the SMS login.
       *[other] All { $users } users have a mobile number for the SMS login.
    }
    .measure = No measure needed.
    .customer = { $users ->
        [one] The only user has a mobile number for the SMS login.
       *[other] All { $users } users have a mobile number for the SMS login.
    }

## Business applications (FAQ 1.5)

rule-custom-hosting = Business application needs custom hosting
    .finding = { $apps_name } does not run in the cloud today. { $provider } can put the application on the platform as custom work and manage it, but that is not always technically possible.
    .measure = Have the feasibility of custom hosting studied; if it cannot be done, the application keeps working as it does now.
    .customer = { $apps_name } does not run in the cloud today. { $provider } will study whether the application can run on the platform as custom work; if not, it keeps working as it does now.

rule-saas-app = Application in the cloud
    .finding = { $apps_name } runs in the cloud in the browser and works from the online workplace too.
    .measure = No measure needed.
    .customer = { $apps_name } already runs in the cloud and works from the online workplace too.

## Domain (FAQ 1.32, 1.33)

rule-domain-elsewhere = DNS change at the hosting provider
    .finding = The domain { $domain_name } is with another hosting provider ({ $domain_hosting_name }). It does not have to move and remains the customer's property.
    .measure = Have the hosting provider set a DNS reference to MKB Werkplek Online, planned after the migration.
    .customer = Your domain { $domain_name } stays with your hosting provider ({ $domain_hosting_name }) and remains your property. After the migration a DNS reference to MKB Werkplek Online is set there.

rule-domain-provider-unknown = Unknown where the domain is registered
    .finding = For the domain { $domain_name } it is not known where it is registered or who manages the DNS.
    .measure = Look up the registration (for example at sidn.nl) and arrange access to the DNS settings before the migration.
    .customer = It is not yet known where your domain { $domain_name } is registered. Access to its DNS settings is needed before the migration.

## Migration of e-mail and data (FAQ 1.4)

rule-migration-project-needed = Migration project needed
    .finding = To move: { $migration_gb }{"\u00A0"}GB ({ $mailbox_gb }{"\u00A0"}GB e-mail, { $data_gb }{"\u00A0"}GB files), mailboxes: { $email_mailboxes }; above { $manual_migration_max_gb }{"\u00A0"}GB or { $manual_migration_max_mailboxes } mailboxes migrating with the manual is not advisable.
    .measure = Have { $provider } run a migration project, at a one-time cost, outside office hours.
    .customer = { $migration_gb }{"\u00A0"}GB of e-mail and files move over. That is too much to move yourself with the manual: { $provider } runs a migration project, outside office hours and at a one-time cost.

rule-migration-project-chosen = Migration project as requested
    .finding = The customer chooses a migration project ({ $migration_gb }{"\u00A0"}GB).
    .measure = The migration project is planned, at a one-time cost.
    .customer = You choose a migration project ({ $migration_gb }{"\u00A0"}GB); { $provider } carries it out, at a one-time cost.

rule-migration-manual = Migrate with the manual
    .finding = To move: { $migration_gb }{"\u00A0"}GB; the customer can do that with the manual.
    .measure = Send the installation manual and plan the migration outside office hours.
    .customer = { $migration_gb }{"\u00A0"}GB moves over; you can do that yourself with the manual, outside office hours.

rule-migration-volume-unknown = E-mail and file volume unknown
    .finding = The volume of e-mail and files is not filled in; without it there is no choosing between migrating with the manual and a migration project.
    .measure = Ask the current administrator for the volume or read it off the server.
    .customer = The volume of your e-mail and files is not known yet. It decides whether you migrate yourself or a migration project is needed.

## Workstations (FAQ 1.14, 1.34)

rule-workstations-not-ready = Workstations not ready
    .finding = { $workstations_not_ready ->
        [one] { $workstations_not_ready } of the { $workstations_measured } measured computers is not ready
       *[other] { $workstations_not_ready } of the { $workstations_measured } measured computers are not ready
    }: { $not_ready_list }.
    .measure = Replace or upgrade these computers before go-live, or have their users log in from another computer.
    .customer = { $workstations_not_ready ->
        [one] { $workstations_not_ready } of the { $workstations_measured } measured computers is not ready: { $not_ready_list }. Replace or upgrade this computer before go-live, or have its user log in from another computer.
       *[other] { $workstations_not_ready } of the { $workstations_measured } measured computers are not ready: { $not_ready_list }. Replace or upgrade them before go-live, or have their users log in from another computer.
    }

rule-workstations-marginal = Workstations marginal
    .finding = { $workstations_marginal ->
        [one] { $workstations_marginal } of the { $workstations_measured } measured computers is marginal
       *[other] { $workstations_marginal } of the { $workstations_measured } measured computers are marginal
    }: { $marginal_list }.
    .measure = Plan to replace these computers; they will do for the online workplace for now.
    .customer = { $workstations_marginal ->
        [one] { $workstations_marginal } of the { $workstations_measured } measured computers is marginal: { $marginal_list }. It will do for the online workplace for now; plan to replace it.
       *[other] { $workstations_marginal } of the { $workstations_measured } measured computers are marginal: { $marginal_list }. They will do for the online workplace for now; plan to replace them.
    }

rule-workstations-ready = Measured workstations ready
    .finding = { $workstations_measured ->
        [one] The measured computer is ready.
       *[other] All { $workstations_measured } measured computers are ready.
    }
    .measure = The current computers can stay.
    .customer = { $workstations_measured ->
        [one] The measured computer is ready; you can keep using it.
       *[other] All { $workstations_measured } measured computers are ready; you can keep using them.
    }

rule-windows-outdated = Outdated Windows versions
    .finding = There are computers with Windows 8.1, 7 or older; they no longer get security updates.
    .measure = Replace or upgrade these computers; the computer used to log in remains the customer's responsibility.
    .customer = Some computers run Windows 8.1, 7 or older. They no longer get security updates; replace or upgrade them. The computer you log in from remains your responsibility.

rule-apple-computers = Apple computers
    .finding = Apple computers are in use. Logging in works with the Remote Desktop app for macOS, but not every part (such as Back-up Online) works on a Mac.
    .measure = Test the login on a Mac during the intake and check printers, peripherals and the local backup.
    .customer = You use Apple computers. Logging in works with the Remote Desktop app for macOS, but not every part (such as Back-up Online) works on a Mac.

rule-offline-needed = Offline work needed
    .finding = People sometimes need to work without internet. The online workplace only works over the internet; offline work is possible only with software installed on the computer itself.
    .measure = Agree who keeps local software (such as Office) next to the online workplace and how those files reach the workplace afterwards.
    .customer = You sometimes work without internet. The online workplace only works over the internet; offline work is possible only with software on the computer itself.

## On-site observations (FAQ 3.3, 3.5)

rule-no-site-survey = No site survey
    .finding = The intake was not done on site: cabling, servers and network equipment were not judged in person.
    .measure = Consider a site survey if there is doubt about the cabling or the equipment.
    .customer = The intake was not done at your premises: cabling, servers and network equipment were not seen in person. If in doubt, a site visit can still do that.

rule-cabling-poor = Cabling poor
    .finding = The specialist judges the in-house cabling as poor.
    .measure = Have the cabling repaired or renewed before the move (at least Cat5e).
    .customer = The cabling in your building is poor. It must be repaired or renewed before the move (at least Cat5e).

rule-cabling-fair = Cabling fair
    .finding = The cabling works, but is untidy or partly outdated.
    .measure = Have the cabling checked at each location.
    .customer = The cabling in your building works, but is untidy or partly outdated; where it was not judged in order, it is checked.

rule-location-cabling = Cabling at a location not in order
    .finding = Location { $entry } ({ $locations_name }): the cabling is not in order.
    .measure = Have the cabling at this location checked and repaired where needed.
    .customer = Location { $location_name }: the cabling is not in order; it is checked and repaired where needed.

rule-location-network = Network equipment at a location not in order
    .finding = Location { $entry } ({ $locations_name }): router, switches or firewall not in order.
    .measure = Have the network equipment at this location checked and replaced where needed before the move.
    .customer = Location { $location_name }: the router, switches or firewall are not in order; they are checked and replaced where needed before the move.

rule-servers-on-site = Servers on site
    .finding = Servers on site, as the specialist noted: { $server_roles }.
    .measure = Include each role in the migration plan and agree what happens to the servers after the move.
    .customer = There are servers at your premises: { $server_roles }. For each server the plan records what moves to the online workplace and what happens to the server afterwards.

rule-servers-roles-unknown = Servers on site, roles unknown
    .finding = There are servers on site, but what runs on them is not recorded.
    .measure = List what runs on each server (files, e-mail, applications) and fill it in under the servers.
    .customer = There are servers at your premises. What runs on them (files, e-mail, applications) is still to be recorded, so that everything moves to the online workplace.

rule-network-equipment-poor = Network equipment poor
    .finding = The specialist judges the router, switches or firewall as poor.
    .measure = Have the network equipment replaced before the move.
    .customer = Your router, switches or firewall are in poor condition; they must be replaced before the move.

rule-network-equipment-fair = Network equipment fair
    .finding = The network equipment works, but is older or unmanaged.
    .measure = Plan replacement; check firmware updates.
    .customer = Your network equipment works, but is older or unmanaged. Plan its replacement and keep the firmware up to date.

rule-wifi-poor = Wi-Fi coverage insufficient
    .finding = The Wi-Fi does not cover all workplaces well.
    .measure = Connect fixed workplaces by cable or have the Wi-Fi improved.
    .customer = The Wi-Fi does not cover all workplaces well. Connect fixed workplaces by cable or have the Wi-Fi improved.

## The computers people log in from (FAQ 1.14, 1.35)

rule-windows10-measured = Windows 10 out of support
    .finding = { $windows10_measured ->
        [one] { $windows10_measured } measured computer
       *[other] { $windows10_measured } measured computers
    } on Windows 10: { $windows10_list }. Windows 10 no longer gets free security updates since 14 October 2025 (IoT Enterprise LTSC aside).
    .measure = Discuss upgrading to Windows 11 or replacement before go-live; check whether the hardware can run Windows 11.
    .customer = { $windows10_measured ->
        [one] This computer runs
       *[other] These computers run
    } Windows 10: { $windows10_list }. Windows 10 no longer gets free security updates since 14 October 2025. The computer you log in from must stay secure: upgrade to Windows 11 or replace the computer.

rule-windows10-answered = Windows 10 out of support
    .finding = According to the intake some computers run Windows 10, which no longer gets free security updates since 14 October 2025. No measured computer confirms it (IoT Enterprise LTSC does not count).
    .measure = Measure the computers with the workstation probe to see which they are, and discuss upgrading to Windows 11 or replacement.
    .customer = Some of your computers run Windows 10, which no longer gets free security updates since 14 October 2025. The computer you log in from must stay secure: upgrade to Windows 11 or replace the computer.

rule-probe-coverage = Not every computer measured
    .finding = { $workstations_measured } of { $computers_known } computers measured; { $workstations_unmeasured } not.
    .measure = Run the workstation probe on the other computers and import the files (intake probe import).
    .customer = { $workstations_measured ->
        [one] { $workstations_measured } of your { $computers_known } computers was measured.
       *[other] { $workstations_measured } of your { $computers_known } computers were measured.
    } { $workstations_unmeasured ->
        [one] Whether the other computer is ready is not established yet.
       *[other] Whether the other { $workstations_unmeasured } are ready is not established yet.
    }

rule-probe-none = No computer measured
    .finding = { $computers_known ->
        [one] The computer was not measured; whether it is ready is unknown.
       *[other] None of the { $computers_known } computers was measured; whether they are ready is unknown.
    }
    .measure = Run the workstation probe on the computers (intake probe workstation --save) and import the files of other computers.
    .customer = { $computers_known ->
        [one] Your computer has not been measured yet; whether it suits the online workplace is still to be established.
       *[other] None of your computers has been measured yet; whether they suit the online workplace is still to be established.
    }

rule-peripherals = Peripherals
    .finding = Connected equipment: { $peripherals_list }. In a hosted desktop each device needs a redirection (USB/RDP) or a driver on the platform.
    .measure = Test each device (make and model) in the online workplace before go-live and note which redirection or driver it needs.
    .customer = You use this equipment: { $peripherals_list }. In the online workplace each device must be passed through or get a driver; every device is tested before go-live.

rule-printers = Printers
    .finding = Printers according to the intake: { $workstations_printers }; found by the network scan: { $lan_printers }.
    .measure = Check for each printer that the platform has a driver and test printing from the online workplace.
    .customer = Printing from the online workplace needs the right driver for each printer; every printer is tested before go-live.

## The network as scanned

rule-lan-inventory = Network inventoried
    .finding = The network scan found { $lan_hosts ->
        [one] { $lan_hosts } device
       *[other] { $lan_hosts } devices
    }: { $lan_printers ->
        [one] { $lan_printers } printer
       *[other] { $lan_printers } printers
    }, { $lan_servers ->
        [one] { $lan_servers } server
       *[other] { $lan_servers } servers
    }, { $lan_network_devices ->
        [one] { $lan_network_devices } network device
       *[other] { $lan_network_devices } network devices
    }.
    .measure = Compare the devices found with the intake; add what is missing.
    .customer = { $lan_hosts ->
        [one] { $lan_hosts } device was
       *[other] { $lan_hosts } devices were
    } found on your network, including { $lan_printers ->
        [one] { $lan_printers } printer
       *[other] { $lan_printers } printers
    }, { $lan_servers ->
        [one] { $lan_servers } server
       *[other] { $lan_servers } servers
    } and { $lan_network_devices ->
        [one] { $lan_network_devices } network device
       *[other] { $lan_network_devices } network devices
    }; the list is under the current situation.

rule-lan-servers-unlisted = Servers found that the intake does not mention
    .finding = The network scan found { $lan_servers ->
        [one] a server
       *[other] { $lan_servers } servers
    }: { $lan_servers_list }; the intake mentions no servers.
    .measure = Find out what these devices do and fill in the servers and their roles.
    .customer = { $lan_servers ->
        [one] A device that behaves like a server was
       *[other] Devices that behave like servers were
    } found on your network ({ $lan_servers_list }). What runs on them is still to be established, so that nothing is left behind in the move.

## E-mail (FAQ 1.4)

rule-mail-exchange-server = E-mail from an own Exchange server
    .finding = The e-mail is on an own Exchange server; mailboxes, calendars and contacts move along.
    .measure = Plan the mailbox migration from Exchange and the MX change; agree when the server can be switched off.
    .customer = Your e-mail is on your own Exchange server. The mailboxes, calendars and contacts are moved; after that the server can be switched off.

rule-mail-google = E-mail from Google Workspace
    .finding = The e-mail is in Google Workspace; mail, calendar and contacts move to Exchange, Google Drive files separately.
    .measure = Include Google Drive in the file volume and plan cancelling Google Workspace after the move.
    .customer = Your e-mail is with Google today. Mail, calendar and contacts are moved; files in Google Drive move separately. Cancel Google Workspace only after the move.

rule-mail-pop-imap = E-mail by POP/IMAP at the hosting provider
    .finding = The e-mail is at the hosting provider (POP/IMAP); calendars and contacts are usually local in Outlook.
    .measure = Include local calendars, contacts and PST files; plan the MX change at the hosting provider.
    .customer = Your e-mail is at your hosting provider (POP/IMAP). The messages are moved; calendars and contacts kept locally in Outlook move separately.

rule-mail-microsoft365 = E-mail from Microsoft 365
    .finding = The e-mail is in Microsoft 365 / Exchange Online.
    .measure = Plan the mailbox migration and cancelling the current Microsoft 365 subscription after the move.
    .customer = Your e-mail is in Microsoft 365. The mailboxes are moved; cancel the current subscription only after the move.

rule-mail-source-unknown = Current e-mail system unknown
    .finding = Not known where the e-mail is today.
    .measure = Ask where the e-mail is (own server, Microsoft 365, Google, hosting provider).
    .customer = Where your e-mail is today is not known yet; how it is moved depends on it.

rule-pst-files = Local mail archives (PST)
    .finding = There are PST files; they do not move along with the mailbox migration by themselves.
    .measure = Find the PST files, count them in the volume and import them into the mailboxes.
    .customer = You have local mail archives (PST files). They do not move by themselves: they are imported into your mailbox and count in the migration volume.

## Backup, antivirus, privacy (FAQ 1.16-1.18, 1.35)

rule-backup-none = No backup
    .finding = There is no backup of the files today.
    .measure = Point out the risk until the move; plan the file migration early.
    .customer = You have no backup today. MKB Werkplek Online makes a checked backup every day; until the move you risk losing data.

rule-backup-local = Backup on a local drive
    .finding = The backup is made on: { $data_backup_how }. A local drive is lost along with the rest in a fire, theft or ransomware.
    .measure = Keep the local backup until the files have been moved and checked.
    .customer = Your backup is on a local drive ({ $data_backup_how }). A fire, theft or ransomware takes it too. After the move the backup is kept in secured data centres; keep the current one until everything has moved.

rule-backup-not-tested = Backup irregular or untested
    .finding = Backup: { $data_backup_frequency }; restored and tested: { $data_backup_tested ->
        [true] yes
        [false] no
       *[other] unknown
    }.
    .measure = Make a full backup before the migration and test restoring it.
    .customer = Your backup is not made daily or has never been restored as a test. A full backup is made and checked before the migration.

rule-backup-ok = Backup in order
    .finding = Daily backup, tested ({ $data_backup_how }).
    .measure = No measure needed.
    .customer = Your backup is made daily and has been tested; after the move the daily backup of MKB Werkplek Online takes over.

rule-antivirus-missing = No antivirus on the computers
    .finding = The computers run no antivirus.
    .measure = Advise antivirus on every computer used to log in.
    .customer = Your computers run no antivirus. In the online workplace all e-mail and servers are checked, but the computer you log in from remains your responsibility: install antivirus on it.

rule-sensitive-data = Special categories of personal data
    .finding = The business processes special categories of personal data; requirements: { $security_policies }.
    .measure = Conclude a data-processing agreement (GDPR art. 28) and record the security requirements.
    .customer = You process special categories of personal data. You conclude a data-processing agreement (GDPR article 28) with { $provider }; your data is kept in ISO 27001 data centres and logging in always takes an SMS code.

rule-sector-healthcare = Health care: NEN 7510
    .finding = Health care: information security per NEN 7510 and patient data under the GDPR.
    .measure = Ask which NEN 7510 requirements the practice sets and record how the workplace meets them.
    .customer = As a health-care provider you work to NEN 7510. Which of its requirements apply to the online workplace is recorded with you before the move.

rule-office-subscription-end = Running Office subscription
    .finding = The current Office subscription runs until { $work_subscription_end }.
    .measure = Time the cancellation to go-live, so nothing is paid twice.
    .customer = Your current Office subscription runs until { $work_subscription_end }. Office is part of MKB Werkplek Online; cancel the current subscription for go-live.

## Planning (FAQ 2.1, 3.5)

rule-go-live-too-early = Desired go-live too early
    .finding = The desired go-live { $planning_go_live } is too early: the phases needed allow go-live on { $earliest_go_live } at the earliest.
    .measure = Agree a go-live on or after { $earliest_go_live } with the customer, or bring measures forward.
    .customer = Your desired go-live { $planning_go_live } cannot be met: with the steps needed, go-live is possible on { $earliest_go_live } at the earliest.
