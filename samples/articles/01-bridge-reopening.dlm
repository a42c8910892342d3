# Lakemont footbridge to reopen in spring after repairs
url: https://news.example.org/lakemont/2026/03/10/footbridge
published: 2026-03-10
dateline: LAKEMONT
---
LAKEMONT — The [Old Mill footbridge]{FAC} will reopen in [April]{DATE:2026-04}, [Mayor Maria Keller]{PERSON:Maria Keller} announced on [Tuesday]{DATE:2026-03-10}, ending a closure that has forced [about 1,800 commuters]{QTY:1800:commuters} a day onto a detour.

<q speaker="Maria Keller" cue="said">"We promised this town a safe crossing, and we will deliver it before the first market day of spring,"</q> [Keller]{PERSON:Maria Keller} said at a briefing in [City Hall]{FAC}.

<c claimant="Maria Keller" evidence="cited" ev="an inspection report published in February">The repairs cost [2.4 million euros]{QTY:2400000}, less than half the price of a new bridge, according to an inspection report published in February.</c>

[Tomas Reyes]{PERSON}, who chairs the [Lakemont Cyclists' Association]{ORG}, welcomed the date but warned about delays. <q speaker="Tomas Reyes" cue="told">"Every month of detour adds twenty minutes to a child's ride to school,"</q> [Reyes]{PERSON:Tomas Reyes} told reporters.

Work on the deck began [last autumn]{DATE:2025-FA} and was paused for [six weeks]{DURATION:P6W} in [January]{DATE:2026-01} because of frost.
