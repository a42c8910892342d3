# Council approves budget with new money for libraries
url: https://news.example.org/lakemont/2026/03/12/budget
published: 2026-03-12
dateline: LAKEMONT
---
LAKEMONT — The [Lakemont City Council]{ORG} approved a budget of [96 million euros]{QTY:96000000} for [2026]{DATE:2026} on [Thursday]{DATE:2026-03-12}, after a debate that ran past midnight.

The plan adds [three new librarians]{QTY:3:librarians} and extends opening hours at the [Riverside Library]{FAC} to [seven days a week]{SET:P1W}.

<q speaker="Maria Keller" cue="said">"Libraries are where this town does its homework,"</q> [Mayor Maria Keller]{PERSON:Maria Keller} said after the vote.

Opposition councillor [Hannah Brandt]{PERSON} voted against it. <c claimant="Hannah Brandt" evidence="absence_noted" ev="did not publish">The budget hides a deficit in the transport fund, she said, noting that the treasury did not publish its forecast for the bus network.</c>

<q speaker="Hannah Brandt" cue="wrote" medium="social_post">"A budget that balances only on paper is not a balanced budget,"</q> [Brandt]{PERSON:Hannah Brandt} wrote on social media.
