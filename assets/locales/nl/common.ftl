# Words and counts used across the product (TUI, CLI, web, PDF).

workstations = { $count ->
    [one] { $count } werkplek
   *[other] { $count } werkplekken
}
users = { $count ->
    [one] { $count } gebruiker
   *[other] { $count } gebruikers
}
working-days = { $count ->
    [one] { $count } werkdag
   *[other] { $count } werkdagen
}
locations = { $count ->
    [one] { $count } locatie
   *[other] { $count } locaties
}
measured-of = { $measured } van { $total ->
    [one] { $total } werkplek gemeten
   *[other] { $total } werkplekken gemeten
}
yes = ja
no = nee
today = vandaag
yesterday = gisteren
