# New school year will start with smaller classes
url: https://news.example.org/lakemont/2026/03/20/schools
published: 2026-03-20
dateline: LAKEMONT
---
LAKEMONT — Primary classes in [Lakemont]{GPE} will have [no more than 24 pupils]{QTY:24:pupils} from [September]{DATE:2026-09}, the [Lakemont School Board]{ORG} decided on [Friday]{DATE:2026-03-20}.

<q speaker="Samuel Okafor" cue="said">"Smaller classes are the single change teachers asked us for most often,"</q> said [Samuel Okafor]{PERSON}, the board's chair.

<c claimant="Samuel Okafor" evidence="cited" ev="a survey of 310 teachers">Okafor said the change had the support of most staff, citing a survey of 310 teachers carried out in [January]{DATE:2026-01}.</c>

[Mayor Maria Keller]{PERSON:Maria Keller} said the city would pay for [two extra classrooms]{QTY:2:classrooms}. <q speaker="Maria Keller" cue="said">"Good schools are the best economic policy a town can have,"</q> [Keller]{PERSON:Maria Keller} said.
