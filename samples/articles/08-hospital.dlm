# Eastbrook hospital opens new emergency wing
url: https://news.example.org/region/2026/04/08/hospital
published: 2026-04-08
dateline: EASTBROOK
---
EASTBROOK — [St. Agnes Hospital]{ORG} in [Eastbrook]{GPE} opened a new emergency wing on [Wednesday]{DATE:2026-04-08}, with [32 beds]{QTY:32:beds} and a helicopter pad.

<c claimant="Ruth Lindqvist" evidence="cited" ev="figures from last winter">Waiting times in the old department had reached [four hours]{DURATION:PT4H} at peak times, the hospital's director [Ruth Lindqvist]{PERSON} said, citing figures from last winter.</c>

<q speaker="Ruth Lindqvist" cue="said">"Nobody should wait four hours for help in an emergency,"</q> [Lindqvist]{PERSON:Ruth Lindqvist} said. <q speaker="Ruth Lindqvist" cue="said" kind="indirect">She said the target was to see every patient within [90 minutes]{DURATION:PT90M}.</q>

[Lena Voss]{PERSON} of [Voltara]{ORG} attended the opening; the company donated [150,000 euros]{QTY:150000} toward the equipment.
