# Words and counts used across the product (TUI, CLI, web, PDF).

workstations = { $count ->
    [one] { $count } workstation
   *[other] { $count } workstations
}
users = { $count ->
    [one] { $count } user
   *[other] { $count } users
}
working-days = { $count ->
    [one] { $count } working day
   *[other] { $count } working days
}
locations = { $count ->
    [one] { $count } location
   *[other] { $count } locations
}
measured-of = { $measured } of { $total ->
    [one] { $total } workstation measured
   *[other] { $total } workstations measured
}
yes = yes
no = no
today = today
yesterday = yesterday
