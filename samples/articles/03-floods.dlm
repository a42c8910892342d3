# River Ost rises after two days of heavy rain
url: https://news.example.org/region/2026/03/15/ost-floods
published: 2026-03-15
dateline: EASTBROOK
---
EASTBROOK — The [River Ost]{LOC} rose [1.2 metres]{QTY:1.2} above its usual level on [Sunday]{DATE:2026-03-15} after [two days]{DURATION:P2D} of heavy rain, flooding cellars in [Eastbrook]{GPE} and parts of [Lakemont]{GPE}.

The [regional fire service]{ORG:Ost Valley Fire Service} said it had pumped water from [more than 140 homes]{QTY:140:homes}. <q speaker="Ines Albrecht" cue="said">"The water came up faster than in 2021, but the new barriers held,"</q> said [Ines Albrecht]{PERSON}, the service's commander.

<c claimant="Ines Albrecht" evidence="contested" ev="The river authority disputed the figure">Albrecht said the barriers built after the [2021]{DATE:2021} flood had protected [about 600 houses]{QTY:600:houses}. The river authority disputed the figure, putting it closer to 400.</c>

[Mayor Maria Keller]{PERSON:Maria Keller} of [Lakemont]{GPE} visited the flooded streets on [Sunday afternoon]{TIME:2026-03-15TAF}. <q speaker="Maria Keller" cue="promised">"No family will be left to clean up alone,"</q> [she]{PERSON:Maria Keller} promised.
