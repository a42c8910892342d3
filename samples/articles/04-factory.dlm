# Battery maker picks Eastbrook for new plant
url: https://news.example.org/business/2026/03/18/voltara-eastbrook
published: 2026-03-18
dateline: EASTBROOK
---
EASTBROOK — [Voltara]{ORG}, a maker of batteries for electric buses, will build a plant on the former rail yard in [Eastbrook]{GPE}, the company said on [Wednesday]{DATE:2026-03-18}, promising [450 jobs]{QTY:450:jobs} by [2028]{DATE:2028}.

<q speaker="Lena Voss" cue="said">"Eastbrook has the skills, the rail line and the river port we need,"</q> said [Lena Voss]{PERSON}, chief executive of [Voltara]{ORG}.

<c claimant="Lena Voss" evidence="none">The plant will be the largest private investment in the [Ost Valley]{LOC} in [a generation]{DURATION:P25Y}, Voss said.</c>

Environmental groups asked for guarantees about water use. [Tomas Reyes]{PERSON}, who also sits on the board of [Clean Ost]{ORG}, said the group would study the permit. <q speaker="Tomas Reyes" cue="said" kind="indirect">He said the group would not oppose the plant if its cooling water was returned clean to the river.</q>
