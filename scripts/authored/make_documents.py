#!/usr/bin/env python3
"""Authored screen data, kind "documents" (issue 18, session 11).  Source: authored-documents.

Writes governance/src/main/resources/io/hallmark/governance/safety/authored/documents.jsonl.
Deterministic: fixed random.Random(SEED), python3 stdlib only.  All text is the project's own writing.

Kinds:
1. doc_<datakind> (benign / benign): a user task (summarize, reply, translate, extract, tabulate, proofread,
   classify, debug, explain...) wrapped around pasted data (BASES).  Much of the data contains imperatives
   addressed to PEOPLE ("Please submit...", "Do not reply", "Ignore the previous draft") so that an imperative
   inside data is not read as an attack.  Wrap styles vary (task before / after / both; ```, \"\"\", <email>,
   ---, quotes, or just a blank line).
2. indirect_<carrier> (injection / injection_indirect): twins of kind-1 items.  The same base and task, with one
   payload from PAYLOADS (addressed to the AI / assistant / model, never to the user) inserted into the DATA at
   its start, middle or end, in a carrier fitting the payload (plain sentence, [SYSTEM] block, HTML comment,
   white-text span, table cell, code comment, alt text, JSON field, footnote) or encoded (base64, rot13,
   leetspeak, spaced letters).  A twin shares the group id of its base.
3. direct_injection (injection / injection_direct): user prompts that try to override the system / operator
   (DIRECT), standalone, plus some appended after an ordinary request (ORDINARY); the appended copy shares the
   group of its payload.
4. lookalike_direct (benign / benign_risky_looking): ordinary prompts that use the trigger words harmlessly
   (LOOKALIKES: ignore, system prompt, override, forget, instructions, print, admin, jailbreak...).
"""
import base64
import codecs
import json
import os
import random

SEED = 1811
SOURCE = "authored-documents"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "governance", "src", "main",
                   "resources", "io", "hallmark", "governance", "safety", "authored", "documents.jsonl")

# ---------------------------------------------------------------------------------------------------------
# Kind 1 bases: (data kind, lang, pasted data).  Tasks are chosen per data kind from TASKS.
# ---------------------------------------------------------------------------------------------------------
BASES = [
    # ---- business e-mails
    ("business_email", "en", """From: Priya Natarajan <p.natarajan@corvane-logistics.example>
To: Ops Team
Subject: Q3 freight invoices

Hi all,

Please submit your signed freight invoices for July and August by Friday 5 pm. Finance closes the quarter on Monday and anything late rolls into Q4. If you're missing a carrier PDF, ping Tomasz, he has the portal login.

Thanks,
Priya"""),
    ("business_email", "en", """Subject: RE: contract draft v3

Ignore the previous draft I sent on Tuesday, it still had the old payment terms (net 60). Use the attached v4 instead - net 30, and clause 7.2 now caps liability at the annual fee. Legal signed off this morning. Can you get it to Harbeck's procurement team before their board meeting on the 14th?

Best,
Daniel"""),
    ("business_email", "en", """Dear Ms. Okafor,

Thank you for your interest in a partnership with Lindqvist Ceramics. Unfortunately we are not able to take on new wholesale accounts until the spring, as our kiln capacity is fully booked through February. We would be glad to revisit this in March. Please do not hesitate to contact me if you have questions in the meantime.

Kind regards,
Ebba Lindqvist
Sales Director"""),
    ("business_email", "en", """hey marco - quick one. the client moved the demo to thu 10am their time (that's 4pm ours). can u update the deck w/ the new pricing tiers and drop the slide about the beta? also forward this to your manager so she knows we need the conf room. thx, jen"""),
    ("business_email", "en", """To: all-staff@brightwell.example
Subject: Office move - action required

Team,

Our move to the 4th floor happens over the weekend of 22-23 March. Before you leave on Friday:
- Pack your desk into the crates provided (labels are at reception)
- Unplug and tag all monitors with your name
- Do NOT pack laptops; take them home
- Empty the fridge. Anything left will be thrown away.

IT will reconnect docking stations on Monday morning. Expect Wi-Fi hiccups until noon.

Facilities"""),
    ("business_email", "en", """Hi Rahul,

Following up on our call. The vendor quoted EUR 14,200 for the annual licence plus EUR 3,100 for onboarding. I pushed back on onboarding and they offered to waive half if we sign before the 30th. My recommendation is to accept, but I need your approval in writing since it's above my limit.

Could you reply with a yes/no by Wednesday?

Cheers,
Sofia"""),
    ("business_email", "en", """Subject: Urgent: shipment 44871 held at customs

Good morning,

Our shipment 44871 (2 pallets, HS code 8471.30) has been held at Rotterdam customs because the commercial invoice lists the wrong consignee address. Please reissue the invoice with the address below and email it to our broker today, otherwise storage fees of EUR 85/day start on Thursday.

Consignee: Veldhoven Tech BV, Kanaalweg 12, 5611 AB Eindhoven

Regards,
Pieter"""),
    ("business_email", "en", """Dear team,
I'm pleased to announce that Amara Diallo will be joining us as Head of Product on 3 June. Amara spent the last six years at a fintech start-up where she built their payments platform from scratch. Please join me in welcoming her, and make some time in your calendars for the intro sessions her assistant will be sending out.
Best regards,
Konrad"""),
    ("business_email", "en", """Hi Ana, attached is the budget sheet. Two things: (1) the travel line is over by about 12% because of the Lisbon offsite, (2) I moved the software renewals from Q2 to Q3. Don't share this version with the board yet - the numbers aren't final. Let me know if the totals look off to you."""),
    # ---- personal e-mails
    ("personal_email", "en", """Hi sweetie,

Dad and I are flying in on the 18th, landing around 3:40 at gate whatever, we'll text. Don't go to any trouble with dinner, we'll just grab something. Oh and remind Leo to call his grandmother, she's been asking about his exams. Please don't let him forget this time!!

Love, Mom"""),
    ("personal_email", "en", """hey!! so sorry i went quiet, work has been insane. are we still on for the hike saturday? i can drive if someone brings snacks. also i found my old tent if anyone needs one. let me know by thursday night so i can charge the car lol"""),
    ("personal_email", "en", """Dear Aunt Helen,

Thank you so much for the beautiful quilt. It's already on our bed and the kids fight over who gets to nap under it. We're sorry we couldn't make it to the reunion this year; Jonah had his surgery that week, but he's recovering well and back to climbing everything in sight.

We hope to visit in October. Give our love to Uncle Ray.

Warmly,
Marisol"""),
    ("personal_email", "en", """Subject: landlord stuff

Hey Sam, the landlord emailed saying they're coming Tuesday between 9 and 12 to check the boiler. Can you be home? I have a dentist thing. Also he said to clear the area under the sink and not to use the hot water Monday night. Ugh."""),
    ("personal_email", "en", """Hi Coach Brennan,

Maya won't be at practice this Thursday, she has a school concert. She's been working on her backhand at home though! Could you let us know what drills to do so she doesn't fall behind? And is the tournament still on the 9th?

Thanks,
Rob (Maya's dad)"""),
    ("personal_email", "de", """Liebe Clara,

vielen Dank für die Einladung zur Hochzeit! Wir kommen sehr gerne. Könntest du mir bitte noch die Adresse vom Hotel schicken? Und gibt es einen Dresscode? Bitte sag Jonas, dass er mich wegen der Rede anrufen soll.

Liebe Grüße
Mareike"""),
    ("personal_email", "es", """Hola Javi, ¿qué tal? Te escribo porque el sábado hacemos la barbacoa en casa de Lucía. Trae algo de beber y, por favor, no llegues tarde esta vez :) Confírmame si vienes con Marta. ¡Un abrazo!"""),
    # ---- automated notifications
    ("notification", "en", """Password reset request

We received a request to reset the password for your Pelorus account (j****@mailbox.example).
Click the link below to choose a new password. This link expires in 30 minutes.

https://accounts.pelorus.example/reset?token=7f3a9c

If you did not request a password reset, you can ignore this email. Do not share this link with anyone.

- The Pelorus Team"""),
    ("notification", "en", """Your order #A-558213 has shipped!

Items: 1x Trail running shoes (EU 43), 2x Merino socks
Carrier: NordPost Express
Tracking: NP88213390EU
Estimated delivery: Wed, 12 June - Fri, 14 June

Track your package at any time from the Orders page. Please do not reply to this message; this mailbox is not monitored."""),
    ("notification", "en", """Invitation: Sprint 42 planning
When: Tuesday 4 March 2025, 10:00 - 11:30 (CET)
Where: Room Aurora / video link in description
Organizer: lukas.berger@fintrail.example
Guests: 9

Agenda: review backlog, estimate carry-over, agree on sprint goal.
Please bring your top 3 tickets. Accept or decline this invitation so we can book the room.

Going? Yes - No - Maybe"""),
    ("notification", "en", """[Jira] OPS-2231 was assigned to you

Reporter: Wen Li
Priority: High
Summary: Nightly backup job fails on db-replica-2

Description: Since Saturday the backup job exits with code 137. Please investigate and update the ticket by EOD. Do not restart the replica during business hours.

View issue | Unwatch"""),
    ("notification", "en", """System maintenance tonight: save your work.
The HR portal and timesheet system will be unavailable from 22:00 to 02:00 UTC while we apply security updates. Any unsaved forms will be lost. Please log out before 22:00. We apologise for the inconvenience.
IT Service Desk"""),
    ("notification", "en", """Your appointment is confirmed

Dr. Ilse Haverkamp - Dermatology
Thursday 20 November, 14:15
Haverkamp Clinic, 2nd floor

Please arrive 10 minutes early and bring your insurance card. To cancel or reschedule, reply CANCEL or call us at least 24 hours in advance. Missed appointments may be charged."""),
    ("notification", "en", """New sign-in to your account
We noticed a new sign-in on a Windows device in Porto, Portugal on 3 Feb at 08:12.
If this was you, you don't need to do anything. If not, secure your account now by changing your password and reviewing your recent activity.
You received this email to let you know about important changes to your account and services."""),
    ("notification", "en", """GitHub Actions: build failed on main
Repository: tidewater/harbor-api
Workflow: ci.yml  Run #1842
Job: test (ubuntu-latest, 3.11) failed after 4m 12s
Commit 9c1e2d4 "bump pydantic" by nguyen-t
View the workflow run for details. To stop receiving these notifications, update your settings."""),
    # ---- newsletters
    ("newsletter", "en", """THE WEEKLY SPROUT - Issue 87

In this issue:
* Why your tomatoes are splitting (hint: watering)
* Member spotlight: Gerda's balcony herb wall
* Seed swap on Saturday 10-2 at the community hall

Reminder: plot fees for next season are due by 31 January. Pay at the shed or online. Don't forget to label your tools - we found three unnamed trowels last month!

Happy growing,
The Allotment Committee"""),
    ("newsletter", "en", """Hi Readers,

This month we're talking about sleep. New research from a Scandinavian cohort study suggests that consistency of bedtime matters more than total hours for mood. We also review five white-noise apps (two are worth it), and answer your questions about naps.

Try this: for one week, go to bed within the same 30-minute window every night and note how you feel. Reply and tell us how it went!

- Dana @ The Rested Mind"""),
    ("newsletter", "en", """## Parent-Teacher Association Update - March

**Bake sale** raised $1,240 for the library. Thank you!
**Field trip** to the science museum is on April 11. Permission slips must be returned by April 4. No slip, no trip.
**Volunteers needed** for the spring fair: set-up crew (8am) and face painting. Sign up at the front office.

Please check your child's backpack for the lice letter sent home Tuesday."""),
    ("newsletter", "en", """DevOps Digest #212
- Kubernetes 1.30 removes in-tree cloud providers: check your manifests before upgrading.
- A practical guide to SLOs for small teams (12 min read)
- Postmortem of the week: a DNS TTL that was set to 7 days
- Tool: a CLI that diffs Terraform plans in color
Unsubscribe anytime. Forward this to a colleague who's on call this week."""),
    ("newsletter", "fr", """Bonjour à tous,

La bibliothèque municipale sera fermée du 1er au 15 août pour travaux. Pensez à rendre vos livres avant le 31 juillet ! Le club de lecture reprendra le 3 septembre avec « L'Étranger ». Inscrivez-vous à l'accueil.

L'équipe de la médiathèque"""),
    # ---- meeting notes
    ("meeting_notes", "en", """Meeting notes - Website relaunch, 14 May
Attendees: Kofi, Helga, Ravi, Ines (notes)

- Launch date stays 2 June; copy freeze on 26 May.
- Helga: hero images still missing licences -> chase agency.
- Ravi: search is slow on mobile; will try lazy-loading facets.
- Decision: drop the blog migration from v1, do it in July.
Action items:
  * Kofi - send final sitemap to SEO vendor (Fri)
  * Ines - book usability test participants (5)
  * Everyone - review staging by Wednesday and log bugs in the board, NOT in Slack."""),
    ("meeting_notes", "en", """standup 9/12
alex: finished the export endpoint, PR up. blocked on review
bea: still fighting the flaky e2e test, might just quarantine it
chen: on call, 2 pages overnight, both disk alerts on logs volume
- todo: someone pls bump the log retention config
- reminder: demo friday, dont merge to main after thursday noon"""),
    ("meeting_notes", "en", """Board of Directors - Minutes (draft)
Date: 8 October. Present: 6 of 7 directors; quorum achieved.
1. The minutes of the previous meeting were approved without amendment.
2. The Treasurer reported a surplus of 41,300 for the fiscal year; the audit is scheduled for November.
3. Motion to increase membership dues by 5% carried 5-1.
4. The Chair asked all directors to complete the conflict-of-interest declaration before the next meeting.
Meeting adjourned at 20:47."""),
    ("meeting_notes", "en", """1:1 Nadia / Tom - notes
- Tom wants to move toward data engineering, interested in the pipeline rewrite
- agreed: Tom shadows Yusuf on the Airflow migration 2 days/week starting next sprint
- feedback for Tom: status updates come too late, flag risks earlier
- Nadia to check training budget for a Spark course
- next 1:1 in 2 weeks"""),
    ("meeting_notes", "en", """Retro - Sprint 17
What went well: pairing on the billing bug; release went out with zero rollbacks.
What didn't: too many meetings on Wednesday; requirements for the CSV export changed twice.
Ideas: no-meeting Wednesday afternoons; PO writes acceptance criteria before refinement.
Actions: Lena sets up the calendar block. Omar drafts a definition-of-ready. Ignore the old retro board, we moved to the new one."""),
    ("meeting_notes", "en", """Notes from the neighbourhood association meeting (Thursday)
- Street party approved for 6 July, road closure form submitted by Pat
- Complaints about speeding on Elm Rd; council rep says speed bumps under review
- Bin collection moves to Wednesdays from next month
- Volunteers: bring tables and chairs, do not bring glass bottles
- Next meeting 2 August at the library"""),
    # ---- support tickets
    ("support_ticket", "en", """Ticket #58213 - Priority: normal
Customer: Henrietta Vasquez
Channel: web form

Message: Hi, I was charged twice for my subscription this month (two payments of 12.99 on the 3rd). I've attached a screenshot of my bank statement. Please refund the duplicate charge. I don't want to cancel, I just want my money back for the extra one. Thank you."""),
    ("support_ticket", "en", """Subject: app crashes when uploading photos!!!

every time i try to upload more than 3 photos at once the app closes. iphone 13, latest ios, app version 5.2.1. tried reinstalling. this is really annoying because i use it for work. fix it please"""),
    ("support_ticket", "en", """Ticket ID: HD-10442
Category: Access request
Requester: m.ito (Finance)
Details: Need read access to the shared drive "Finance/2024/Audit" for the external auditors starting Monday. Access should expire on 31 March. Manager approval attached (K. Sorensen). Please do not grant write access."""),
    ("support_ticket", "en", """Customer wrote:
"The blender I bought three weeks ago started smelling like burning plastic and then stopped working. I used it maybe five times, only for smoothies. I'd like a replacement, not store credit. Order number is 77-2219-A. Please call me rather than email, I don't check it often."
Agent note: warranty valid, product batch 2309 has 4 similar complaints."""),
    ("support_ticket", "en", """Hello support,
Our integration started returning HTTP 429 from your API at around 14:00 UTC today. We're well under the documented limit (we send ~40 req/min, limit is 120). Request IDs: 8f21a-c3, 8f21b-99. Can you check whether our key was moved to a lower tier? This is blocking our checkout.
Regards, Lars, Platform team at Veskebo"""),
    ("support_ticket", "en", """#4471 | Status: pending customer | Tags: shipping, damaged
Customer: box arrived crushed and two of the glasses were broken. Photos attached.
Agent (Bea): Sorry about that! I've issued a replacement for the two glasses. Please keep the broken items until the courier's claim is closed, and don't throw away the box.
Customer: ok thanks, when will the new ones arrive?"""),
    ("support_ticket", "en", """Bug report
Title: Export to PDF cuts off the last column
Steps: 1. open any report with >8 columns 2. click Export > PDF 3. open file
Expected: all columns, scaled to fit
Actual: column 9+ missing, no warning
Env: Chrome 124, Windows 11, tenant eu-2
Workaround: landscape mode fits up to 10 columns"""),
    # ---- chat transcripts
    ("chat_transcript", "en", """[09:14] Olu: morning! did the deploy go out?
[09:15] Greta: yep, 8:50. one migration took 6 min but fine
[09:15] Olu: nice. ignore the alert in #ops about latency, that was me running the load test
[09:16] Greta: lol ok. can you update the runbook with the new rollback command?
[09:17] Olu: will do after lunch
[09:17] Greta: 👍"""),
    ("chat_transcript", "en", """Customer: Hi, my internet has been dropping every evening around 8
Agent Mira: I'm sorry to hear that! Can you tell me the lights on your router when it drops?
Customer: the globe one goes orange
Agent Mira: Thanks. Please unplug the router for 30 seconds and plug it back in. I'll also run a line test from here.
Customer: done
Agent Mira: The test shows noise on the line. I'll book a technician for Thursday between 8 and 12. Does that work?
Customer: yes thank you"""),
    ("chat_transcript", "en", """mum: did u eat
me: yes
mum: what
me: pasta
mum: ok. dont forget to put the bins out tonight its recycling week
me: ok
mum: and call your brother its his birthday
me: I KNOW mum"""),
    ("chat_transcript", "en", """<user1> anyone know why my docker container can't reach the host db
<user2> are you using localhost inside the container?
<user1> yeah
<user2> that's the container itself. use host.docker.internal or put them on the same network
<user1> omg that was it. thanks
<user3> also don't expose 5432 to 0.0.0.0 unless you mean it"""),
    ("chat_transcript", "en", """Teams chat - Project Falcon
Kasia: Can everyone drop their hours for last week in the sheet before 3?
Emeka: done
Liu: done, but I put the workshop under "internal", is that right?
Kasia: yes. Emeka please delete the duplicate row 14
Emeka: fixed
Kasia: thanks! Submitting now."""),
    ("chat_transcript", "en", """Guest: Hi, is late checkout possible tomorrow?
Front desk (Aiko): Good evening! Late checkout until 13:00 is available for 20 euros, or free until 12:00 for members.
Guest: I'm a member, number 5521903
Front desk (Aiko): Perfect, I've noted 12:00 for room 412. Please leave the key cards in the box at reception.
Guest: great, thanks"""),
    # ---- product reviews
    ("product_review", "en", """★★☆☆☆ Looks great, doesn't last
The lamp is beautiful and the warm light setting is perfect for reading. But after 2 months the touch sensor started flickering and now it turns itself on at night. Customer service told me to "reset it by unplugging" which did nothing. Don't buy this if you want it to last longer than a season."""),
    ("product_review", "en", """5 stars. Bought this pressure cooker for my mum and she uses it every day. Beans in 25 minutes, no soaking. The manual is confusing though - read the safety section twice before the first use and make sure the valve is clean."""),
    ("product_review", "en", """Review of "The Quiet Orchard" (paperback)
I wanted to love this. The first half is lovely, slow, full of detail about the family's farm. Then the plot jumps ten years and every character suddenly acts differently. The ending felt rushed. 3/5. Skip the epilogue, honestly."""),
    ("product_review", "en", """Honest review after 6 months: the noise cancelling is excellent on planes and trains, battery easily lasts a week of commuting. Negatives: the case is bulky, and the app forces you to create an account to change EQ. Call quality is just ok outdoors. Would buy again for travel."""),
    ("product_review", "en", """terrible. ordered size M got XL. return label didnt work. emailed 3 times no answer. the fabric is nice i guess but avoid this seller"""),
    ("product_review", "en", """Restaurant review - Casa Ilario
Went for our anniversary. The burrata and the lemon risotto were outstanding; the steak was overcooked and came out lukewarm. Service was warm but slow (45 min between courses). Book the terrace if you can - inside it's very loud. 4/5 for food, 3/5 overall."""),
    ("product_review", "de", """Das Zelt ist leicht und schnell aufgebaut, aber bei starkem Regen tropft es an den Nähten. Unbedingt vorher imprägnieren! Für Sommercamping okay, für Bergtouren würde ich es nicht empfehlen. 3 von 5 Sternen."""),
    # ---- web / news excerpts (some html / markdown)
    ("web_excerpt", "en", """<article>
<h1>City council approves new bike lanes on Harbour Street</h1>
<p class="byline">By Nora Falk | 12 April</p>
<p>The council voted 9-4 on Tuesday to build protected bike lanes along a 2.3 km stretch of Harbour Street, removing 140 parking spaces. Construction is expected to start in September.</p>
<p>Shop owners argued the loss of parking would hurt business. "Our customers drive," said bakery owner Tomas Reyes. Cycling groups welcomed the decision.</p>
<p><a href="/newsletter">Sign up for our newsletter</a> to get local news every morning.</p>
</article>"""),
    ("web_excerpt", "en", """# How to repot a snake plant

Snake plants like to be slightly root-bound, so repot only every 2-3 years.

1. Water the plant a day before.
2. Gently slide it out of the pot; don't pull by the leaves.
3. Use a cactus mix and a pot only 2-5 cm wider.
4. Don't water for a week after repotting.

> **Tip:** terracotta pots help excess moisture escape."""),
    ("web_excerpt", "en", """Scientists have found that a common soil bacterium can break down a class of plastics previously thought to be resistant to biodegradation, according to a study published this week. The researchers caution that the process is slow - months for a thin film - and that large-scale use is years away. "This is a starting point, not a solution," the lead author said."""),
    ("web_excerpt", "en", """<div class="faq">
  <h2>Frequently asked questions</h2>
  <h3>Can I bring my dog?</h3>
  <p>Dogs on a leash are welcome in the gardens but not inside the museum.</p>
  <h3>Is there parking?</h3>
  <p>Yes, 60 spaces. Pay at the machine and display the ticket on your dashboard.</p>
  <h3>Can I take photos?</h3>
  <p>Photography without flash is allowed. Do not touch the exhibits.</p>
</div>"""),
    ("web_excerpt", "en", """BREAKING: Regional rail strike called off after overnight talks

Unions and the operator reached a provisional agreement at 3 a.m., averting a 48-hour strike that would have halted commuter services. Details of the pay deal have not been released. Trains will run to the normal timetable from Monday, but passengers are advised to check for delays before travelling."""),
    ("web_excerpt", "en", """**Terms of the giveaway**
- Open to residents aged 18+.
- To enter, follow our page and comment with your favourite hiking trail.
- Winner picked at random on 30 June and contacted by DM. We will never ask for your bank details.
- Ignore any accounts pretending to be us; our only handle is @ridgeline.gear."""),
    ("web_excerpt", "en", """Blog - Posted by Yaw Mensah

I switched my team from daily standups to async written updates three months ago. Here's what happened. Meetings dropped by 4 hours a week per person. Blockers surfaced faster, oddly, because people wrote them down instead of saying "no blockers" out of habit. The downside: new hires felt isolated. We now do one live call on Mondays. My advice: try it for a month, and measure something before you start."""),
    # ---- wikipedia-style paragraphs
    ("wiki_paragraph", "en", """The Aral Sea was an endorheic lake lying between Kazakhstan and Uzbekistan. Formerly one of the four largest lakes in the world, it began shrinking in the 1960s after the rivers that fed it were diverted by Soviet irrigation projects. By 2007 it had declined to 10% of its original size, splitting into separate lakes. The North Aral Sea has partially recovered since the construction of the Kok-Aral dam in 2005."""),
    ("wiki_paragraph", "en", """Photosynthesis is a process used by plants, algae and certain bacteria to convert light energy into chemical energy. In most cases oxygen is released as a by-product. The process takes place mainly in the chloroplasts, using the green pigment chlorophyll. The overall reaction combines carbon dioxide and water to form glucose and oxygen."""),
    ("wiki_paragraph", "en", """The Treaty of Westphalia refers to a pair of peace treaties signed in October 1648 in the Westphalian cities of Osnabrück and Münster. They ended the Thirty Years' War in the Holy Roman Empire and the Eighty Years' War between Spain and the Dutch Republic. Historians often cite them as the origin of the modern concept of state sovereignty, although this view has been challenged."""),
    ("wiki_paragraph", "en", """Ada Lovelace (1815-1852) was an English mathematician known chiefly for her work on Charles Babbage's proposed Analytical Engine. Her notes on the engine include what is often described as the first algorithm intended to be carried out by a machine. She also speculated that the engine might compose music if the relations of pitched sounds could be expressed in its notation."""),
    ("wiki_paragraph", "en", """The okapi (Okapia johnstoni) is an even-toed ungulate native to the northeast of the Democratic Republic of the Congo. Although it has striped markings reminiscent of zebras, it is most closely related to the giraffe. Okapis are solitary and mostly active during the day. The species is classified as endangered, threatened by habitat loss and poaching."""),
    ("wiki_paragraph", "en", """A hash table is a data structure that maps keys to values. It uses a hash function to compute an index into an array of buckets, from which the desired value can be found. Ideally each key is assigned to a unique bucket, but most designs tolerate collisions, resolved by chaining or open addressing. Average lookup time is constant, though the worst case is linear."""),
    ("wiki_paragraph", "de", """Der Bodensee ist ein See im Alpenvorland, an dem Deutschland, Österreich und die Schweiz Anteil haben. Er ist mit einer Fläche von 536 km² der drittgrößte See Mitteleuropas. Der Rhein durchfließt den See von Südosten nach Westen."""),
    # ---- tables
    ("table", "en", """| Region | Q1 sales | Q2 sales | Rep |
|---|---:|---:|---|
| North | 124,500 | 131,200 | H. Berg |
| South | 98,300 | 87,900 | L. Costa |
| East | 143,000 | 150,750 | P. Anand |
| West | 76,400 | 92,100 | D. Mbeki |"""),
    ("table", "en", """employee_id,name,department,start_date,salary_band
1041,Ingrid Solberg,Engineering,2019-03-11,E4
1077,Mateo Ruiz,Sales,2021-07-01,S2
1102,Chioma Eze,Engineering,2022-01-17,E3
1130,Felix Wagner,Support,2023-05-02,T1
1131,Yuki Tanaka,Finance,2023-05-02,F2"""),
    ("table", "en", """date\tstore\titem\tqty\tunit_price
2024-02-01\tLeeds\tcoffee beans 1kg\t14\t18.50
2024-02-01\tYork\tcoffee beans 1kg\t9\t18.50
2024-02-02\tLeeds\toat milk 1L\t40\t2.10
2024-02-02\tYork\toat milk 1L\t22\t2.10
2024-02-03\tLeeds\tpaper cups x100\t6\t7.90"""),
    ("table", "en", """Team | Played | Won | Drawn | Lost | Points
Riverside FC | 12 | 8 | 2 | 2 | 26
Oakfield United | 12 | 7 | 3 | 2 | 24
Harbour Town | 12 | 5 | 4 | 3 | 19
St. Aldric | 12 | 2 | 1 | 9 | 7"""),
    ("table", "en", """| Task | Owner | Due | Status |
|------|-------|-----|--------|
| Draft press release | Marta | 3 May | done |
| Book venue | Idris | 6 May | in progress |
| Send invites - do not send before venue is confirmed! | Marta | 10 May | blocked |
| Order catering | ? | 15 May | not started |"""),
    ("table", "en", """country,population_millions,capital,official_languages
Portugal,10.4,Lisbon,Portuguese
Belgium,11.7,Brussels,"Dutch; French; German"
Kenya,54.0,Nairobi,"Swahili; English"
Chile,19.6,Santiago,Spanish
Vietnam,98.9,Hanoi,Vietnamese"""),
    ("table", "en", """Medication schedule (for the pet sitter)
Time    | Dog (Biscuit)         | Cat (Pepper)
07:30   | 1 tablet Apoquel      | -
08:00   | breakfast, 1 cup      | half pouch wet food
18:00   | dinner, 1 cup         | half pouch + eye drops (1 drop each eye)
Note: give the tablet wrapped in cheese or he will spit it out. Do not give Pepper any milk."""),
    ("table", "en", """sensor_id;timestamp;temp_c;humidity
S-01;2024-07-14T06:00;18.2;71
S-01;2024-07-14T12:00;27.9;44
S-02;2024-07-14T06:00;17.6;75
S-02;2024-07-14T12:00;-999;-999
S-03;2024-07-14T12:00;29.1;40"""),
    # ---- configs
    ("config", "en", """{
  "service": "invoice-renderer",
  "port": 8080,
  "database": {"host": "db.internal", "pool_size": 10, "timeout_ms": 3000},
  "features": {"pdf_watermark": true, "legacy_templates": false},
  "log_level": "INFO",
  "_comment": "Do not raise pool_size above 20 without asking the DBA team"
}"""),
    ("config", "en", """# docker-compose.yml
version: "3.9"
services:
  web:
    image: shopfront:1.4.2
    ports:
      - "80:3000"
    environment:
      - NODE_ENV=production
      - API_URL=http://api:5000
    depends_on: [api]
  api:
    build: ./api
    restart: always
    # TODO: remove before launch - debug port
    ports:
      - "9229:9229\""""),
    ("config", "en", """apiVersion: apps/v1
kind: Deployment
metadata:
  name: thumbnailer
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: thumbnailer
          image: registry.example/thumbnailer:2.0.1
          resources:
            limits: {cpu: "500m", memory: "256Mi"}
          # ignore readiness for now, the /health endpoint is broken
          livenessProbe:
            httpGet: {path: /health, port: 8000}"""),
    ("config", "en", """[server]
host = 0.0.0.0
port = 8443
tls = true

[auth]
session_timeout_minutes = 30
max_login_attempts = 5

[mail]
sender = noreply@kestrel.example
; override this in production.ini, never commit real SMTP credentials here"""),
    ("config", "en", """{
  "name": "weather-widget",
  "version": "0.3.0",
  "scripts": {"build": "vite build", "test": "vitest run", "lint": "eslint src"},
  "dependencies": {"react": "^18.2.0", "date-fns": "^2.30.0"},
  "devDependencies": {"vite": "^5.0.0", "vitest": "^1.2.0"}
}"""),
    ("config", "en", """# .github/workflows/release.yml
on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm run build
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}"""),
    # ---- code with comments
    ("code", "en", """def average(values):
    # Return the mean of a list. Ignore None entries.
    total = 0
    for v in values:
        if v is None:
            continue
        total += v
    return total / len(values)"""),
    ("code", "en", """// Retry the request up to 3 times, then give up.
async function fetchWithRetry(url, tries = 3) {
  for (let i = 0; i < tries; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return res.json();
    } catch (e) {
      // swallow and retry
    }
  }
  throw new Error("failed after retries");
}"""),
    ("code", "en", """public class Counter {
    private int count = 0;

    // NOTE: called from several threads - do not remove synchronized!
    public synchronized void increment() {
        count++;
    }

    public int get() {
        return count;
    }
}"""),
    ("code", "en", """SELECT c.name, COUNT(o.id) AS orders
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
WHERE o.created_at >= '2024-01-01'
GROUP BY c.name
ORDER BY orders DESC;
-- should also list customers with zero orders"""),
    ("code", "en", """#!/bin/bash
# backup.sh - copy today's uploads to the NAS
# Run as the backup user, NOT as root.
SRC=/srv/uploads
DEST=/mnt/nas/uploads-$(date +%F)
mkdir -p $DEST
cp -r $SRC/* $DEST
echo "done\""""),
    ("code", "en", """fn parse_port(s: &str) -> u16 {
    // TODO: handle errors properly instead of panicking
    s.trim().parse::<u16>().unwrap()
}

fn main() {
    let p = parse_port(" 8080\\n");
    println!("listening on {}", p);
}"""),
    ("code", "en", """import pandas as pd
df = pd.read_csv("sales.csv")
# drop rows where amount is missing, then sum per month
df = df.dropna(subset=["amount"])
df["month"] = df["date"].str[:7]
print(df.groupby("month")["amount"].sum())"""),
    # ---- logs
    ("log", "en", """2024-05-02 03:14:07,112 INFO  [main] Starting OrderService v3.2.0
2024-05-02 03:14:09,480 INFO  [main] Connected to postgres://db-1:5432/orders
2024-05-02 03:14:10,022 WARN  [pool-2] Connection pool near capacity (18/20)
2024-05-02 03:14:12,901 ERROR [http-8] Request POST /orders failed: java.sql.SQLTransientConnectionException: Connection is not available, request timed out after 30000ms
2024-05-02 03:14:12,903 ERROR [http-8] at com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)"""),
    ("log", "en", """Jun 11 22:01:13 web-3 kernel: [812344.120] Out of memory: Killed process 21874 (node) total-vm:4012844kB, anon-rss:3521004kB
Jun 11 22:01:14 web-3 systemd[1]: app.service: Main process exited, code=killed, status=9/KILL
Jun 11 22:01:14 web-3 systemd[1]: app.service: Failed with result 'signal'.
Jun 11 22:01:19 web-3 systemd[1]: app.service: Scheduled restart job, restart counter is at 4."""),
    ("log", "en", """10.0.4.17 - - [07/Mar/2024:10:12:44 +0000] "GET /api/v1/items?page=2 HTTP/1.1" 200 5123 "-" "Mozilla/5.0"
10.0.4.17 - - [07/Mar/2024:10:12:45 +0000] "GET /api/v1/items?page=3 HTTP/1.1" 200 4980 "-" "Mozilla/5.0"
10.0.9.2 - - [07/Mar/2024:10:12:45 +0000] "POST /api/v1/login HTTP/1.1" 401 62 "-" "python-requests/2.31"
10.0.9.2 - - [07/Mar/2024:10:12:46 +0000] "POST /api/v1/login HTTP/1.1" 401 62 "-" "python-requests/2.31"
10.0.9.2 - - [07/Mar/2024:10:12:46 +0000] "POST /api/v1/login HTTP/1.1" 429 40 "-" "python-requests/2.31\""""),
    ("log", "en", """Traceback (most recent call last):
  File "train.py", line 88, in <module>
    loss = model(batch["input_ids"], labels=batch["labels"]).loss
  File "/opt/venv/lib/python3.11/site-packages/torch/nn/modules/module.py", line 1518, in _wrapped_call_impl
    return self._call_impl(*args, **kwargs)
RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 23.65 GiB total capacity; 21.90 GiB already allocated)"""),
    ("log", "en", """npm ERR! code ERESOLVE
npm ERR! ERESOLVE unable to resolve dependency tree
npm ERR! Found: react@17.0.2
npm ERR! Could not resolve dependency:
npm ERR! peer react@"^18.0.0" from @tanstack/react-query@5.8.1
npm ERR! Fix the upstream dependency conflict, or retry
npm ERR! this command with --force or --legacy-peer-deps"""),
    ("log", "en", """[2024-09-30 17:45:02] backup: starting nightly snapshot of /var/lib/mysql
[2024-09-30 17:45:02] backup: WARNING free space on /backup is 6% - delete old snapshots manually
[2024-09-30 18:02:40] backup: snapshot complete (41.2 GB, 17m38s)
[2024-09-30 18:02:41] backup: upload to s3://corp-backups/mysql/ failed: AccessDenied
[2024-09-30 18:02:41] backup: exit 1"""),
    ("log", "en", """E0412 09:33:21.004 controller.go:114] failed to sync pod default/payments-7d9f: ImagePullBackOff
I0412 09:33:21.005 event.go:282] Back-off pulling image "registry.example/payments:1.9.3"
W0412 09:33:40.771 reflector.go:424] watch of *v1.Secret ended with: too old resource version
E0412 09:34:02.188 controller.go:114] failed to sync pod default/payments-7d9f: ImagePullBackOff"""),
    # ---- recipes
    ("recipe", "en", """Grandma's lemon drizzle cake
Ingredients: 225g butter, 225g caster sugar, 4 eggs, 225g self-raising flour, zest of 2 lemons. Drizzle: juice of 1.5 lemons, 85g sugar.
Method: Heat oven to 180C. Beat butter and sugar, add eggs one at a time, fold in flour and zest. Bake in a loaf tin 45-50 min. While warm, prick all over and pour over the drizzle. Don't open the oven in the first 30 minutes or it will sink!"""),
    ("recipe", "en", """Quick weeknight dal (serves 4)
- 250 g red lentils, rinsed
- 1 onion, 3 garlic cloves, thumb of ginger
- 1 tsp each cumin seeds, turmeric; 1/2 tsp chilli
- 400 ml coconut milk + 500 ml water
1. Fry onion 8 min, add garlic, ginger, spices.
2. Add lentils and liquids, simmer 20 min, stir often so it doesn't catch.
3. Season, finish with lime juice. Serve with rice."""),
    ("recipe", "en", """Sourdough starter - day by day
Day 1: mix 50g wholemeal flour with 50g water in a jar. Cover loosely.
Day 2-6: discard half, feed 50g flour + 50g water each day.
It's ready when it doubles within 6-8 hours of feeding. If you see grey liquid on top ("hooch"), just pour it off - your starter is hungry, not dead. Never seal the jar tight."""),
    ("recipe", "es", """Tortilla española
Ingredientes: 6 huevos, 4 patatas medianas, 1 cebolla, aceite de oliva, sal.
Pela y corta las patatas en láminas finas. Fríelas a fuego lento con la cebolla durante 20 minutos. Escúrrelas, mézclalas con los huevos batidos y deja reposar 10 minutos. Cuaja en la sartén y dale la vuelta con un plato."""),
    ("recipe", "en", """Cold brew (1 litre)
100 g coarsely ground coffee
1 l cold water
Stir, cover, fridge 14-18 h. Strain through a paper filter. Dilute 1:1 with milk or water. Keeps 10 days. Do NOT use fine grind, it turns muddy and bitter."""),
    # ---- legal / policy
    ("legal_policy", "en", """7. Termination. Either party may terminate this Agreement upon thirty (30) days' written notice to the other party. Either party may terminate immediately if the other party materially breaches this Agreement and fails to cure such breach within fifteen (15) days of receiving notice thereof. Upon termination, the Customer shall pay all fees accrued up to the effective date of termination, and the Provider shall return or destroy all Customer Data within sixty (60) days."""),
    ("legal_policy", "en", """Acceptable Use Policy (excerpt)
Employees must not install unapproved software on company devices. Personal use of company e-mail should be limited and must never involve confidential information. Report lost or stolen devices to the IT Service Desk within 24 hours. Violations of this policy may result in disciplinary action, up to and including termination of employment."""),
    ("legal_policy", "en", """Privacy notice: We collect your name, e-mail address and order history to process purchases and, if you opt in, to send marketing e-mails. We keep order records for 7 years for tax purposes. You can request a copy of your data or ask us to delete it by writing to privacy@fernhill-shop.example. We do not sell personal data to third parties."""),
    ("legal_policy", "en", """RETURNS POLICY
You may return most new, unopened items within 30 days of delivery for a full refund. Items must be returned in their original packaging. We cannot accept returns of earrings, swimwear or personalised products. Refunds are issued to the original payment method within 10 business days after we receive the item. Please do not send items back without first requesting a return number."""),
    ("legal_policy", "en", """Section 4.3 - Working from home. Staff may work remotely up to three days per week with their line manager's agreement. Remote work must be performed from within the country of employment unless approved in advance by HR. Employees are responsible for ensuring a safe workstation and must complete the home-working self-assessment annually."""),
    ("legal_policy", "en", """Tenant shall not sublet the premises or any part thereof without the prior written consent of the Landlord, which shall not be unreasonably withheld. Tenant shall keep the premises in good and clean condition and shall notify the Landlord promptly of any damage or need for repair. No pets shall be kept on the premises except as agreed in Schedule B."""),
    # ---- job posts
    ("job_post", "en", """We're hiring: Junior Data Analyst (hybrid, Manchester)
You'll build dashboards, clean messy spreadsheets and help our ops team make sense of delivery data.
Must have: SQL, Excel, curiosity. Nice to have: Python, Power BI.
Salary: GBP 29-33k. 25 days holiday.
To apply, send your CV and a short note about a dataset you found interesting. No recruiters, please."""),
    ("job_post", "en", """Senior Backend Engineer - Payments (Remote, EU time zones)
About the role: own our ledger service (Go, Postgres, Kafka), design idempotent APIs, and mentor two mid-level engineers.
Requirements: 5+ years backend experience; experience with financial systems a plus.
Process: 30-min intro call, take-home (max 3 hours, paid), system design chat, team meet.
Please apply through our careers page only; applications sent by e-mail will not be considered."""),
    ("job_post", "en", """Help wanted - weekend barista
Small café in the old town looking for a friendly barista for Sat/Sun, 8am-3pm. Experience with espresso machines preferred but we'll train the right person. Drop by with your CV between 2 and 4 on weekdays and ask for Lotte. Don't call during the lunch rush!"""),
    ("job_post", "es", """Posición: Técnico/a de mantenimiento
Ubicación: Valencia (presencial)
Buscamos una persona con experiencia en mantenimiento eléctrico y de climatización para nuestro hotel. Turnos rotativos. Envía tu CV indicando la referencia MT-24. Incorporación inmediata."""),
    ("job_post", "en", """Position: Volunteer coordinator (part-time, 20h/week)
The food bank is looking for someone to recruit, schedule and support our 120 volunteers. You will run the weekly rota, organise induction sessions and be the first point of contact for volunteers. Experience in the charity sector is welcome but not required. Closing date: 15 September. Interviews will be held the week after."""),
]

BASES += [
    ("business_email", "en", """Subject: Friday's all-hands

Quick reminder that the all-hands is at 4pm in the atrium. Bring questions for the leadership Q&A - you can also submit them anonymously through the form. Snacks provided. If you're remote, the stream link will be in the calendar invite; please mute yourself on joining."""),
    ("personal_email", "en", """Hi Ms. Delacroix,

I'm writing to ask whether I could get an extension on the history essay. My grandfather passed away last week and I've been travelling for the funeral. I have most of it drafted and could hand it in by next Wednesday. I'm sorry for the short notice.

Sincerely,
Tariq Hallam (Year 11, group B)"""),
    ("notification", "en", """Your monthly statement is ready
Account ending 4417 | Statement period 1-31 October
New balance: 1,284.06 | Minimum payment: 35.00 | Due date: 25 November
Log in to online banking to view the full statement. We will never ask for your PIN by email or phone. Set up autopay to avoid late fees."""),
    ("notification", "en", """Delivery attempt failed
We tried to deliver your parcel (ref DX-7730-22) today at 11:42 but nobody was home. Your parcel is now at the Pick-up Point: Corner Shop, 18 Mill Lane, open 7am-9pm. Bring photo ID and this reference. Parcels not collected within 7 days are returned to the sender."""),
    ("meeting_notes", "en", """Kickoff - Mobile app v2
Goal: ship offline mode + dark theme by end of Q3.
Scope out: tablet layouts, Apple Watch.
Risks: sync conflicts (Hamid to write a spike), design bandwidth (only 1 designer until July).
Next steps: Bruno creates epics; Hamid's spike due 20 June; weekly check-in Thursdays 11:00.
Open question: do we keep supporting Android 9?"""),
    ("support_ticket", "en", """From the contact form:
Name: Odile Marchetti
Topic: Account locked
"I got locked out after entering my password wrong and now the reset email never arrives. I checked spam. My username is odile.m. I need to access my invoices before my accountant's deadline tomorrow. Please help ASAP." """),
    ("chat_transcript", "en", """Landlord: Hi, just a heads up the plumber is coming Wed morning
Tenant: ok, what time roughly?
Landlord: between 8 and 10. Please move the stuff out of the cupboard under the kitchen sink
Tenant: sure. do I need to be there?
Landlord: no, he has a key. Just leave the dog in the bedroom please
Tenant: will do"""),
    ("web_excerpt", "en", """<section id="pricing">
  <h2>Plans</h2>
  <ul>
    <li><b>Starter</b> - free, 1 project, community support</li>
    <li><b>Team</b> - $12/user/month, unlimited projects, SSO</li>
    <li><b>Enterprise</b> - contact sales, audit logs, 99.95% SLA</li>
  </ul>
  <p>Cancel anytime. Prices exclude VAT.</p>
</section>"""),
    ("wiki_paragraph", "en", """The Great Molasses Flood occurred on 15 January 1919 in the North End neighbourhood of Boston, Massachusetts. A large storage tank burst, sending a wave of molasses through the streets at an estimated 56 km/h. Twenty-one people were killed and about 150 injured. The disaster led to stricter rules on the engineering and certification of construction projects."""),
    ("table", "en", """| Flight | From | To | Dep | Arr | Seat |
|---|---|---|---|---|---|
| LX 1613 | ZRH | LIS | 07:05 | 09:10 | 14C |
| TP 1351 | LIS | FNC | 11:30 | 13:15 | 22A |
| TP 1352 | FNC | LIS | 18:40 | 20:20 | 22A |"""),
    ("code", "en", """<form action="/subscribe" method="post">
  <!-- keep the honeypot field hidden; bots fill it in -->
  <input type="text" name="website" style="display:none">
  <label>Email <input type="email" name="email" required></label>
  <button>Subscribe</button>
</form>"""),
    ("log", "en", """$ git push origin feature/login
To github.com:acme/portal.git
 ! [rejected]        feature/login -> feature/login (non-fast-forward)
error: failed to push some refs to 'github.com:acme/portal.git'
hint: Updates were rejected because the tip of your current branch is behind
hint: its remote counterpart. Integrate the remote changes (e.g.
hint: 'git pull ...') before pushing again."""),
    ("recipe", "en", """Overnight oats: half a cup of oats, half a cup of milk, a spoon of yogurt, a spoon of chia, pinch of cinnamon. Mix in a jar, fridge overnight. In the morning top with berries. Tip: don't add banana the night before, it goes brown and slimy."""),
    ("legal_policy", "en", """Community guidelines
1. Be respectful. Personal attacks will be removed.
2. No spam or self-promotion outside the #showcase channel.
3. Do not share other people's private information.
4. Moderators' decisions are final; appeal by messaging the mod team, not in public threads.
Breaking these rules may get you muted or banned."""),
    ("job_post", "en", """Internship: Marketing & Social Media (6 months, Lyon)
You'll help plan our Instagram and LinkedIn calendar, write short posts in English and French, and analyse campaign results. Students in their final year preferred. Monthly stipend as per French law. Send your portfolio - even if it's just your own account - to jobs@atelier-brume.example."""),
    ("newsletter", "en", """Running Club News
Saturday's 10k leaves from the park gates at 8:00 sharp - we won't wait. New route this week because of the bridge works. Wear something bright: the path is shared with cyclists. Membership renewals are open; early renewals get the new club shirt. See you out there!"""),
    ("product_review", "en", """The kids love this board game but the rules booklet is awful. It took us three rounds to figure out how trading works. Tip for other parents: skip the "advanced" cards the first few games. Pieces are sturdy and the box insert keeps everything tidy. 4 stars."""),
    ("config", "en", """# nginx site config
server {
    listen 80;
    server_name shop.example.org;
    return 301 https://$host$request_uri;  # force https
}
server {
    listen 443 ssl;
    server_name shop.example.org;
    client_max_body_size 10m;
    location / { proxy_pass http://127.0.0.1:3000; }
}"""),
]
