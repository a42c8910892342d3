# Spring market returns to the Old Mill square
url: https://news.example.org/lakemont/2026/04/04/spring-market
published: 2026-04-04
dateline: LAKEMONT
---
LAKEMONT — [More than 90 stalls]{QTY:90:stalls} filled the [Old Mill square]{FAC} on [Saturday]{DATE:2026-04-04} as the spring market returned, with the newly repaired [Old Mill footbridge]{FAC} open to walkers [a week early]{DURATION:P1W}.

<q speaker="Maria Keller" cue="said">"We said spring, and spring it is,"</q> [Mayor Maria Keller]{PERSON:Maria Keller} said as she crossed the bridge with [Tomas Reyes]{PERSON} of the [Lakemont Cyclists' Association]{ORG}.

<q speaker="Tomas Reyes" cue="said">"The detour is over. Today the kids can ride straight to school again,"</q> [Reyes]{PERSON:Tomas Reyes} said.

Stallholders said trade was brisk. <c claimant="Ana Duarte" evidence="none">[Ana Duarte]{PERSON}, who sells cheese from the [Ost Valley]{LOC}, said she had sold out by noon, something that had not happened since [2019]{DATE:2019}.</c>
