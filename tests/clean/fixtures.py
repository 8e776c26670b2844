"""Small invented pages (invented outlets and events) for the cleaner's unit tests."""

BODY = [
    "The harbour council of Westmere voted on Tuesday to close the old ferry pier for repairs, "
    "ending weeks of debate among residents and fishing crews about the crumbling structure.",
    "Council chair Mara Quellen said the repairs would take about six months and cost "
    "roughly 4 million crowns, paid for by a regional fund set up after the storms of 2021.",
    "Fishing crews will moor at the temporary pontoon built last spring near the lighthouse, "
    "while the passenger ferry to Oskel Island will run from the northern quay instead.",
    "“We know this is hard for everyone who relies on the pier every day,” Quellen told "
    "reporters after the vote, adding that the council would review the timetable in March.",
    "Residents who opposed the closure had asked for the work to be split into two phases so "
    "that part of the pier could stay open, but engineers said that would double the cost.",
]

TEXT_PAGE = "\n\n".join(
    [
        "Skip to content",
        "Home",
        "  • World",
        "  • Business",
        "  • Sport",
        "Westmere council votes to close ferry pier for repairs",
        "westmere council votes to close ferry pier for repairs",
        "Repairs to the crumbling pier will take six months and cost about 4 million crowns",
        "Tidewater Agency",
        *BODY,
        "kq/lm (Tidewater, Coastwire)",
        "Related stories",
        "  • Oskel Island festival draws record crowds",
        "  • New lighthouse keeper named for the northern cape",
        "Sign up for our newsletter",
        "Copyright © 2024 Harbour Herald",
    ]
)

MENU_ONLY = "\n".join(["Home", "  • World", "  • Business", "Subscribe", "Sign in", "Contact us"])

HTML_PAGE = """<html><head><title>Westmere council votes to close ferry pier</title>
<meta property="og:site_name" content="Harbour Herald">
<meta name="author" content="Ilse Marrow">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<link rel="canonical" href="https://harbourherald.example/westmere-pier"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Westmere council votes to close ferry pier</h1>
{paras}
</article>
<footer><p>Copyright 2024 Harbour Herald. All rights reserved.</p></footer></body></html>
""".format(paras="\n".join(f"<p>{p}</p>" for p in BODY))
