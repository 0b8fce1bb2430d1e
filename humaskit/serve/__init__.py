"""`humaskit serve`: the humas desk in the browser, a thin face over the library (lint, render,
calendar, aduan). The web stack (Flask, waitress) is the optional extra ``humaskit[desk]`` and is
imported only by this package's app and server modules, never by the CLI at start-up."""

# The names of this computer: bound to one of them, the desk answers only requests addressed to one
# of them (a web page whose own name resolves to 127.0.0.1 cannot reach it: no DNS rebinding).
LOOPBACK = ("127.0.0.1", "localhost", "::1")
