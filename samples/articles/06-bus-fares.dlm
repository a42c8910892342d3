# Bus fares to rise by ten cents in May
url: https://news.example.org/lakemont/2026/03/24/bus-fares
published: 2026-03-24
dateline: LAKEMONT
---
LAKEMONT — A single bus ticket in [Lakemont]{GPE} will cost [2.10 euros]{QTY:2.1} from [1 May]{DATE:2026-05-01}, up from [2.00 euros]{QTY:2}, the [Ost Valley Transport Authority]{ORG} said on [Tuesday]{DATE:2026-03-24}.

<c claimant="Hannah Brandt" evidence="cited" ev="the authority's own accounts">Councillor [Hannah Brandt]{PERSON} said the rise proved her warning about the transport fund, pointing to the authority's own accounts.</c>

<q speaker="Hannah Brandt" cue="said">"I said in March that the numbers did not add up. Now passengers are paying for it,"</q> [Brandt]{PERSON:Hannah Brandt} said.

The authority said monthly passes would not change. <q speaker="Pieter de Wit" cue="said">"Regular riders will not pay a cent more,"</q> said spokesman [Pieter de Wit]{PERSON}.
