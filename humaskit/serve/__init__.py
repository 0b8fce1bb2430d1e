"""`humaskit serve`: the humas desk in the browser, a thin face over the library (lint, render,
calendar, aduan). The web stack (Flask, waitress) is the optional extra ``humaskit[desk]`` and is
imported only by this package's app and server modules, never by the CLI at start-up."""
