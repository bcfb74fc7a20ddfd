"""Actor linking precision on a hand-labelled sample of real mentions (ECB+, GVC, the seeds, PolNeAR, news pages).

The documents go through the code path of ``newsfuse ingest`` (``pipeline.read_and_clean``, then
``nlp.annotate`` and ``actors.link`` as ``pipeline.analyse`` calls them) and every linked actor
mention is collected with its sentence. ``benchmarks/data/actor_links.jsonl`` holds a fixed-seed
random sample of those mentions, drawn from the linker as it stood before the issue-20 fixes and
labelled by a person reading the sentence: right (an actor, linked to the right identity, country,
sector and role), wrong (an actor, linked wrongly) or not_an_actor (a street, a time zone, a product,
a place used as a place, ...). A labelled mention is found again by its document, its sentence text
and its place in that sentence, so the labels survive code changes.

precision = right / labelled mentions the linker still links; recall (proxy) = labelled-right mentions
still linked to the same actor / all labelled-right. The labelled documents are split into two folds by
document (seed below). The issue-20 rules were written while reading the misses of BOTH folds, so the
fold figures are in-sample. Issue 20 item 6 then read six more samples, each held out when drawn and
labelled, and wrote rules from their misses, so all six are in-sample now: seed 21 (``sample21_*``,
120 mentions of dev documents the first sample never touched), seed 22 (``sample22_*``, 130 mentions
of the last such dev documents), seed 23 (``sample23_*``, 130 mentions of 60 ECB+ train records,
seed 23, of topics that are in no dev split and that no test reads), seed 24 (``sample24_``,
``set: heldout-24``, 130 mentions of 60 more such records, none of the seed-23 ones) and seed 25
(``sample25_``, ``set: seed25``, 130 mentions of 60 more, none of the seed-23 or -24 ones) and seed 26
(``sample26_``, ``set: seed26``, 130 mentions of 60 more, none of the seed-23 to -25 ones; held out when
the seed-25 rules were measured, in-sample since its misses were read with all the others to find the
causes behind them: the parse's evidence of an actor's part, ``actors/roles.py``) and seed 27
(``sample27_``, ``set: seed27``, 135 mentions of 60 more, none of the seed-23 to -26 ones; held out when
the roles.py causes were measured, 0.741 -> 0.860, in-sample since its misses were read with those of
seeds 20-26: names joined across a full stop, person/organisation kinds, bodies with no country, works).
Seed 28 (``sample28_``, ``set: seed28``, 150 mentions of 60 more, none of the seed-23 to -27 ones) was held
out when those causes were measured (0.820, unchanged by them); it is in-sample since round 3 of item 6
read the misses of seeds 20-28 all at once, grouped by mechanism, and fixed the largest (countries and
capitals named as places, organisations named as venues or buildings, titles and ranks with no name,
nationality and person nouns before a name, legislatures with no country, a spelling of a prime minister);
no link for a bare surname that two persons share, or for a known person's bare surname with no full name
in the article, was tried and dropped (it cost more right links on seeds 20-28 than it saved wrong ones).
Seed 29 (``sample29_``, ``set: seed29``, 140 mentions of 60 more such records, none of the seed-23 to -28
ones) was held out when round 3 was measured (0.893 -> 0.900); it is in-sample since round 4 read the misses
of seeds 20-29 grouped by mechanism and fixed those that generalise (a city before a capitalised plural
agent noun is a club, 'the Washington Nationals'; an acronym of a law's name is that law; what someone is
armed with is a weapon; a headline's common words are no name and end a titled name; a one-word plural
name written after 'the' is a team, not a person; a tagged organisation ending in 's is judged without the
's; a country after a person's name and 'of' is the person's home; two names joined by 'and' are no one
name); no link for a known person's bare surname where the article's date falls outside the person's terms
was not tried (the ECB+ records carry no date). Seed 30 (``sample30_``, ``set: seed30``): 140 mentions of
the 17 ECB+ train records of those topics that seeds 23-29 left, drawn and labelled with the linker before
round 4's fixes (0.907), held out when round 4 was measured; in-sample since round 5 read its misses too.
Round 5 took a new source, as the ECB+ train records were spent: PolNeAR train articles (political news of
2015-16; the quotes benchmark scores PolNeAR dev, no test reads these), ``POLNEAR_DOCS`` per seed, each seed
from the articles the seeds before it left. Seed 31 (``sample31_``) was drawn, labelled and scored before any
rule was written from that source: 0.814, the honest held-out figure of round 4's linker on a new source
(``sample31_before_precision``). Seeds 32 and 33 were drawn and labelled too, and round 5 read the misses of
seeds 20-33 grouped by mechanism and fixed those that generalise: a first name (or a family name written
first, 'Ban' after 'Ban Ki-moon') is the one person named in full with it; a two-word surname is its full
name's; a bare surname kept for a person not yet named in full is the person named in full with it most
often before it ('Bush' after 'Jeb Bush'), and middle initials tell persons apart; a headline's surname is
the person named in full later; the US parties' nicknames and national committees are the party (pty:USA),
the Fed and the CDC US bodies; a Phoenix acronym matches only capitals ('Dawn' is no 'DAWN'); a country one
enters or flees, a route's end, a treaty or a war named by a place, an organisation where an event is held,
are no actors; a known surname after 'the' before a noun is the person ('the Cruz campaign'); the US Census
Bureau's ethnic groups are US civilians. Tried and dropped: a country's name before an agent noun as that
agent ('the U.S. military' as mil:USA: it turned 'US dollars ... US forces' and 'Jamaica Hospital' wrong);
not tried: 'Mr. Trump' where the article never names him in full (an honorific and the KB's one person of
that surname: common surnames would link strangers), persons the Phoenix dictionary files as organisations
('Edward Snowden'). Roles on a date stay as the KB's latest term where the article has no date (PolNeAR's
.txt files carry none), as the earlier labels counted them. Seed 34 (``sample34_``: 140 mentions of 12 more
PolNeAR train articles, drawn with the linker before round 5 and labelled after its fixes) was round 5's
held-out sample, 0.879 -> 0.921; it is in-sample since round 6 read its misses. Round 6, the same protocol:
seed 35 (``sample35_``) was drawn, labelled and scored before any round-6 rule: 0.857, round 5's linker held
out (``sample35_before_precision``); seeds 36 and 37 were drawn and labelled too (0.857, 0.871 as drawn), and
round 6 read the misses of seeds 20-37 grouped by mechanism and fixed those that generalise: a full name with
another first name is another person ('Melania Trump' after 'Donald Trump'); a tagged full name in the
possessive counts for its surname ('Jeb Bush's exit'); a title names the KB person who held it ('President
Obama' beside 'Michelle Obama'); the plural surname is the family ('the Clintons'); a bare surname that only
one person of the KB's own list of public figures bears, where the article names no one in full with it, is
that person ('Mr. Trump'; not after 'the', not a name the tagger only ever calls an organisation); generic
party names in the possessive, or in a report that names one country only, and a chamber alone or before a
committee ('House Democrats', 'the House Select Committee') are that country's party or legislature; a
country before a singular lower-case agent or title is that body ('the U.S. military', 'a U.S. senator'; a
plural, 'US forces', stays the state); an office sought is no actor ('White House hopeful', 'a Senate race',
'running for Congress'); a country one departs or immigrates to is a place; a KB body's one-word name that is
the surname of a person named in full before is the person ('Bloomberg'); a dictionary alias naming a
person's administration is the government ('Obama Administration'); a demonym after a region word is no
country's ('Central American'); a name with a middle initial is a person; a person the dictionary files as
an organisation or a group is a person where the tagger reads that full name ('Edward Snowden', 'Osama bin
Laden'). Tried and dropped: a surname kept for a person named later goes to the one named first or most (it
turned 'Chin' Gigante and a 'Bush-era' right link wrong); every Phoenix organisation shaped as a person's
name read as a person (most are firms: 'Charles Schwab', 'Eli Lilly'). Left: organisations named by
persons' names with no full name in the article ('Romney', 'Fiorina', 'Janney'), a first name before a full
name later ('Jeb!', 'Ted'), platforms and newsletters ('Twitter', 'Playbook'), a name in a work's or an
organisation's name ('Trump University', 'Airlines for America'), a people for its state ('the Saudis'). Seed
38 (``sample38_``: 140 mentions of 12 more PolNeAR train articles, drawn with the linker before round 6, commit
73c91bb, and labelled after its fixes) was round 6's held-out sample, 0.879 -> 0.893; in-sample since round 7
read its misses. Round 7, the same protocol: seeds 40-43 draw from the PolNeAR train articles that seeds 31-38,
the described-persons sample (seed 39) and the events benchmark's PolNeAR sample leave (12 each). Seed 40 was
drawn, labelled and scored before any round-7 rule: 0.893, round 6's linker held out
(``sample40_before_precision``); seeds 41 and 42 too (0.886, 0.907). Round 7 read the misses of seeds 35-42
grouped by mechanism and fixed those that generalise: each head's name before a plural 'administrations' is
the government ('the Bush and Obama administrations'); a maker's name that the article writes before a model
number and a word for a made thing ('his Boeing 757 jet', 'a Cessna 750 Citation X') is the model where a
model number follows it or a determiner precedes it ('the Boeing has flown'; 'Boeing no longer makes 757s'
keeps the maker; counts, shares, scores, years and numbered places are no model numbers); a person's name that
opens an organisation's name ('Trump University', 'the Trump Organization', 'the Bill and Hillary Clinton
Foundation') is no mention of the person, and a dictionary alias that is one word for an organisation closing
such a name ('Organization', Phoenix's Tanzim) names no one; 'the Foundation' alone is the organisation named
before with that last word; US federal agencies the Phoenix dictionary lacks (the US Government Manual: FAA,
IRS, the Secret Service, ...) are those parts of the US state, a US state's party ('the California Democratic
Party') the US party, a congressional caucus the US legislature, 'GOPers' the Republican Party, Burma's NLD and
USDP its parties; a name the article calls a law in apposition ('No Child Left Behind, the sweeping law') makes
its acronym that law; a trade pact's long name is no actor; a lower-case word after a hyphen ('Jeb
Bush-spent'), a capitalised preposition ('Beyond Washington') and an outlet's possessive ('the Daily Wire's
Ben Shapiro') are no part of a name; a country after 'for' and a word for an organisation closes its name
('Airlines for America'). Tried and dropped: no US agency was added under an acronym a labelled right link
already holds under its own id ('ATF', 'NIH': the harness compares ids); 'the Post' alone is left to the
newspaper's own short name. Left: Bernie Sanders's bare surname where the article never names him in full
(the KB's list of public figures lacks the 2016 candidates), a misspelt first name ('Hilary Clinton'),
headline and slogan words ('What Will Happen', 'MAKE AMERICA GREAT AGAIN'), places and prizes ('in the White
House', 'the walls of the Metropolitan Museum'), aircraft names ('Air Force One'), a people for its state ('the
Saudis'). Seed 43 (``sample43_``: 140 mentions of 12 more such articles, drawn with the linker before round 7,
commit 7e3d92f, and labelled after its fixes, commit 7fb3b16) was round 7's held-out sample, 0.914 -> 0.921; it
is in-sample since round 8 read its misses. Round 8, the same protocol: seeds 44-48 draw 12 more PolNeAR train
articles each from those seeds 31-43 left, all drawn with round 7's linker (commit 7fb3b16; seed 44 is the
draw round 7 left unread, the same as this script's). Seeds 44-47 were labelled and scored before any round-8
rule: round 7's linker held out 0.893, 0.936, 0.943, 0.893 (``sample44_before_precision`` ...). Round 8 read
the misses of seeds 31-47 grouped by mechanism and fixed those that generalise: a name after 'pro-'/'anti-' is a
stance, so 'pro-Israel' lends no person the surname 'Israel'; an acronym defined right after a law's or a
programme's long form ('Freedom of Information Act (FOIA)', 'the Deferred Action for Childhood Arrivals
program, or DACA') is that law; no name runs across a paragraph break ('As President.\n\nDemocratic') or into
a quotation ('Rudy Giuliani Wear ‘Make Mexico'); a country's name the article lists with US states' names
('Georgia and Virginia') is the US state there and in the whole article, and 'both states' then names two US
states; the leaders of a faith or people with no state of its own are its elites ('Jewish leaders', ELI, not a
government); 'the Democrat Party' is a party phrase (the report's country's party); a tagged organisation
between two tagged persons in a list is a person; 'policy maker' is a person, 'Research' closes a firm's name;
a capital before 'attacks' or 'bombings' names where they struck; a letter mis-decoded as two (UTF-8 read as
Latin-1, 'FranÃ§ois') stays in its word and is read as that letter; the European Union and a government's seat
('the White House', the Kremlin) after a preposition of place are the territory and the building, unless a
word of membership or of holding a post comes before ('remain in the EU', 'working at the White House'); a
court one is nominated or appointed to, or a choice for, is an office (as a seat run for); a county is a place
('Scott and Polk counties'); an organisation named after a state body's possessive is that body ('the White
House's Office of Political Strategy'); a plural opening a sentence that the article writes in lower case
('Rabbis vow ...'), and a dictionary alias that is not the body's own name opening a sentence as a common noun
('Youth joblessness', Phoenix's alias of Gazteriak), are common nouns; a first line in title case with a full
stop and more text after it is a headline. Two right links are counted lost by the ids the labels hold: 'the
Mexican president' (gov:MEX in seed 43) is now the president named before, Enrique Peña Nieto, whose mis-decoded
name the linker now reads; 'his Supreme Court nominee' (seed 47) is now an office sought, as 'a Senate race'
is labelled; 'Hillary' alone in a title-case headline (seed 37) is lost as a name found only in headlines.
Not done: 'the Times' after 'The New York Times' is left to the paper's own short name, as the labels since
round 6 accept it ('the Post', org:post) and seed 45's labels then do; Carly Fiorina's bare surname, which the
tagger calls an organisation each time, stays unlinked to her.
Seed 48 (``sample48_``: 140 mentions of 12 more such articles, drawn with round 7's linker, commit 7fb3b16, and
labelled after round 8's fixes, commit 4a1da25) was round 8's held-out sample, 0.850 as drawn and after them; it
is in-sample since round 9 read its misses. Round 9, the same protocol: seeds 49-52 draw 12 more PolNeAR train
articles each from those seeds 31-48 left, all drawn with round 8's linker (commit e95f08e). Seeds 50-52 were
labelled and scored before any round-9 rule: round 8's linker held out 0.936, 0.886, 0.921 (384 right of 420,
0.914; ``sample50_before_precision`` ...). Round 9 read the misses of seeds 48 and 50-52 (with those of 31-47)
grouped by mechanism and fixed those that generalise: an honorific says a man or a woman, so 'Mrs. Clinton' is not
the person the article calls 'Mr. Clinton' (the honorific written first after each full name, not_actors.yaml:
male_honorifics, female_honorifics) but the other person named in full with that surname; a standing committee
named by its subject ('the Judiciary Committee', 'the Armed Services Committee'; committee_subjects, from the US
Congress's committees) is the legislature of the report's country, as 'the Senate Judiciary Committee' was; an
acronym the tagger calls a person ('the Indiana GOP') lends no surname; a person's full name the tagger calls an
organisation, whose surname alone it tags as a person in the same article ('Tashfeen Malik' beside 'Ms. Malik'),
lends the person its surname; Twitter is a company, and a social network's name after 'on', 'via' or a verb of
spreading, or listed with another's ('Facebook, Twitter and Snapchat'), is the medium, no actor; 'both parties'
after a word of membership ('candidates in both parties') are the parties the article has linked, never two
states or persons; a country after 'for' and a capitalised word inside a tagged organisation's name ('Democracy
for America') is that name; a US state's residents before a name ('Floridians Jeb Bush') describe the person; a
title that ends its sentence ('the nominee for President. This') takes no name; a country after a place and a
comma ('in Benghazi, Libya') and one people are brought to are places; 'the E.U.' after 'across' is the
territory; 'take back the House', 'his candidacy for the White House' are prizes; a city before a modifier and a
word for attacks ('the Paris terror attacks') or given as an example of attacks ('attacks like Paris and
Brussels') names where they struck; a demonym joined to 'Americans' ('Turkish Americans') is US civilians of that
descent. In-sample after them: seeds 48/50/51/52 0.850/0.936/0.886/0.921 -> 0.904/0.971/0.928/0.957, seed 32
0.912 -> 0.934, 33 0.948 -> 0.970, 38 0.921 -> 0.928, 43 0.934 -> 0.941; no other sample changed, and no right
link was lost (every recall proxy as before). Not done: 'the Saudis', 'the Russians' for the state ('the
Palestinians' beside Israel is labelled a people, so 'the' before a plural demonym cannot tell); Carly Fiorina's
and Mitt Romney's bare surnames, which the tagger calls organisations wherever it writes them; 'Politico' and
other outlets the tagger calls persons (not added to the KB: its name would be matched inside 'POLITICO New
York' and 'The POLITICO Caucus', labelled right under their own ids); a name standing for the resort or the
aircraft named after it ('Trump National Doral', 'Air Force Two'); 'Gang of Eight' linked to a Chinese
minister's surname.
Seed 49 (``sample49_``: round 9's held-out sample, drawn with round 8's linker, commit e95f08e, labelled after
round 9's fixes: 0.814 as drawn, 0.821 after them) is in-sample since round 10 read its misses. Round 10, the same
protocol: seeds 53-56 draw 12 more PolNeAR train articles each from those seeds 31-52 left, all drawn with round 9's
linker (commit 56581fe; the events sample's set C, added after, is left out of the pool's exclusions: EVENTS_SETS).
Seeds 54-56 were labelled and scored before any round-10 rule: round 9's linker held out 0.943, 0.921, 0.929 (391
right of 420, 0.931; ``sample54_before_precision`` ...). Round 10 read the misses of seeds 49 and 54-56 (with those of
31-52) grouped by mechanism and fixed those that generalise: a capitalised word written twice or more right before a
surname the article names a person by, never written in lower case and no title, honorific or known name, opens a
full name the tagger missed ('Ivanka Trump', tagged a product, beside 'Donald Trump'): another person, who then
counts for the bare surname as a tagged full name does ('Trump declined' in her article is she); a generational
suffix is no surname ('Charles Elliott III' is 'Elliott'; generational_suffixes); a US state's name before a chamber
('the Missouri Senate'; state_chambers) is that state's legislature, not the US Congress; a tagged person whose name
ends in a trade or a plural noun ('Marc Fisher Footwear', 'Latino Decisions'; org_heads) is a firm; 'seeking' and
'ineligible for' the White House name an office sought; a body's name hyphened to 'era' ('White House-era
documents'; period_words) names a time; a social network one 'took to' is the medium (medium_verbs_to); an acronym
for a kind of organisation ('his allied super PAC'; kind_acronyms) names none; a primary is an event.
In-sample after them: seeds 49/54/55/56 0.821/0.943/0.921/0.929 -> 0.920/0.957/0.935/0.942; no other sample's
precision changed and no right link was lost (seed 21's recall proxy 0.95 -> 0.96; the harness now reads a person's
id without a generational suffix, so 'LaCalamita' now linked to 'Anthony LaCalamita III' stays right).
Not done: 'Mr. and Mrs. Trump' in 2010 (the wife named
by her maiden name, 'Melania Knauss'); a bare 'Bush' or 'Clinton' where two persons of that surname are named once
each ('Kasich, Christie and Bush' after 'Jeb Bush' and 'George W. Bush'); 'Both men' after two persons named in the
sentence before; 'Fox News’ Bret Baier' (a first name the KB's list lacks after a possessive without 's); the
Dallas Mavericks as Phoenix's French 'Mavericks'; a church, golf clubs, a tennis court and a fictional character
named as persons or organisations; 'the Granite State'; 'the far-right leader in France' as the French government.
Seed 53 (``sample53_``: round 10's held-out sample, drawn with round 9's linker, commit 56581fe, labelled after round
10's fixes: 0.943 as drawn and after them; 592 linked mentions on its articles before and after) is in-sample since
round 11 read its misses. Round 11, the same protocol: seeds 57-60 draw 12 more PolNeAR train articles each from
those seeds 31-56 left, all drawn with round 10's linker (commit baa583c). Seeds 58-60 were labelled and scored before
any round-11 rule: round 10's linker held out 0.907, 0.950, 0.879 (383 right of 420, 0.912;
``sample58_before_precision`` ...). Round 11 read the misses of seeds 53 and 58-60 (with those of 31-56) grouped by
mechanism and fixed those that generalise: a social network's name before a word for what is posted on it ('46,000
Twitter accounts', 'a Twitter message'; not_actors.yaml: platform_content) or after 'the use of' is the medium; a
dictionary name inside a quoted title of capitalised words ('ABC's “Good Morning America”') is a word of the title; a
government's seat before a word for an event ('a Capitol Hill rally'; venue_events) is its venue; a committee named
'Committee on' a standing committee's subject ('the Permanent Select Committee on Intelligence') is the legislature
of the report's country; 'both men', 'the two leaders' after two persons joined by 'and' in one sentence are those
two, also where the tagger alone named them ('former senator Rick Santorum and former governor Mike Huckabee. Both
men'), and never the speaker of the quotation that holds them ('Pence replied, “These are two men ...”'); a title
before a name that ends in a word for an organisation ('King Solomon Missionary Baptist Church'; org_heads: church,
initiative, ...) names no person; a name the article writes as a town with its US state ('Ferguson, Missouri,') is a
place wherever the article writes it; a capital between 'the' and lower-case words for an organisation ('The Mexico
City advocacy group') is where it is based; goods exported or shipped to a country go to a place (kb.yaml words:
motion); a person placed in a state body, a party or the elite by a title or a description but with no country
('Sen. Ted Cruz', 'Mayor Bill de Blasio') holds that office in the country the report is about
(``offices.report_country``; kb.yaml words: office_sectors), the CAMEO coding USALEG, so the event stage reads a
country for them. In-sample after them: seeds 58/59/60 0.907/0.950/0.879 -> 0.927/0.964/0.933 (0.941 together),
54/55/56 0.957/0.935/0.942 -> 0.964/0.942/0.949, 52 0.957 -> 0.964, 24 0.950 -> 0.958; no other sample's precision
changed and no right link was lost (seed 21's recall proxy 0.95 -> 0.96). The described-persons sample's labels give
a person no country where the description names none; the persons the report's country now places (Evan Bayh,
Bernie Sanders, Ted Cruz, Jill Stein, Corey Lewandowski, Harry Reid, ...: every one a US office holder, candidate or
party official in a US report) count right with that country (``described_verdict``'s ``report``); scored strictly by
the labelled country they count wrong (``described_strict_precision``). A pair's verdict reads one of its two
actors (the labelled one first), so 'two men' labelled with ``correct_ids`` of both counts right while linked to
either. Not done: Nancy Reagan's first name and nickname, Carly Fiorina, Fethullah Gulen and Richard Uihlein linked
as organisations, a group the dictionary files as a person's name ('Ansar al-Sharia'), 'the U.S. district judge' as
the US state, a nickname ('Condi'), cities in a list of cities ('Caracas', 'San Pedro Sula'), a channel one speaks on
('said on CNN'), a Phoenix person of another country with a US governor's name ('Gov. George Wallace' as Liberian),
headline words ('NYTimes Casually Conflates'), 'win the Electoral College' as a prize; a foreign head of state named by
a title the KB does not match ('President PeÃ±a Nieto') takes the report's country where the report is about another.
Seed 57 (``sample57_``: round 11's held-out sample, drawn with round 10's linker, commit baa583c, labelled after round
11's fixes: 0.957 as drawn and after them; 502 linked mentions on its articles before and after) is in-sample since
round 12 read its misses. Round 12, the same protocol: seeds 61-64 draw 12 more PolNeAR train articles each from those
seeds 31-60 left, all drawn with round 11's linker (commit 48be9d7; the draws kept in the session's scratch folder).
Seeds 62-64 were labelled and scored before any round-12 rule: round 11's linker held out 0.857, 0.971, 0.950 (389
right of 420, 0.926; ``sample62_before_precision`` ...). Round 12 read the misses of seeds 57-60 and 62-64 (with those
of 31-56) grouped by mechanism and fixed those that generalise: US laws known by their sponsors' hyphened surnames
('Glass-Steagall', 'Dodd-Frank'; not_actors.yaml: things), also where the tagger cuts the compound ('Glass'), are no
actors; a party's name in a court case's name ('NFIB v. Sebelius', as courts and the AP write a case; 'Clinton vs.
Trump' is a contest) names the case; a tagged name ends at a dash between spaces ('Deborah Jordan Reynolds -
Santilli's girlfriend'; not in a text split into words, as ECB+'s 'Strauss - Kahn', nor after a dateline's word) and
before a word a contraction closes ('Sanders Aren’t'); a one-word name before 'and' and a first name and a surname
('Bill and Melinda Gates', 'brothers Ammon and Ryan Bundy') is a first name of that surname; a given name the KB's
persons bear right before a surname the tagger tags alone as an organisation ('Ilya Shapiro argues') opens the name;
'the Oval Office' after a preposition of place is the room; a body's annex or compound ('a CIA Annex') and an eating
place ('at Fratello’s Italian Grille') are places; an embassy or a consulate after a country's name is that
country's ('the U.S. Embassy in Tripoli', not Libya's; kb.yaml words: mission_agents); a country's name before a
court or a judge, with a word for its level between ('the U.S. district judge', 'the U.S. Court of Appeals';
court_levels), is that country's judiciary; a noun of a trade that a firm or a person plies ('an Illinois
shipping-supplies manufacturer', 'two GRS operators'; kinds.yaml: trade_nouns) leaves a name shaped as a person's a
person; 'united' closes an organisation's name ('Citizens United', 'National Nurses United'); an outlet's possessive
written with an apostrophe alone ('Fox News’ Bret Baier') ends the outlet's name; a first name shared only by the
parts of one full name ('Nancy Davis', 'Nancy Reagan', 'Nancy Davis Reagan') is that person; 'the two men' opening a
sentence, with no pair joined by 'and' before it, is the two persons, and no others, of the sentence before ('on Mr.
Kasich, ... to Mr. Trump. While the two men'); a military rank (kb.yaml words: military_ranks) in a sentence that
names another country takes no country from the report ('Gen. Khalifa Haftar, whose forces hold eastern Libya'), as
the national titles already did. Every placement the rules changed on seeds 23-30 and 31-64 (a diff of every linked
mention against commit 48be9d7) was read by hand: three embassies, two US district judges, a US district court and a
US court of appeals now placed in the USA, all right; Generals Petraeus, Dempsey and Ham keep the USA. In-sample
after them: seeds 62/63/64 0.857/0.971/0.950 -> 0.955/0.979/0.986, 57 0.957 -> 0.971, 58 0.927 -> 0.942, 53 0.943 ->
0.950, 55 0.942 -> 0.950, 56 0.949 -> 0.957, 51 0.928 -> 0.934, 49 0.920 -> 0.927, 36 0.956 -> 0.963; no other
sample's precision changed and no right link was lost. Tried and dropped: an outlet after 'on' as the medium ('said
on CNN'): the labels count the network right in 'an interview on ABC News' twice and wrong once, so it cost more
labelled right links than it fixed; 'base' as a compound ('the CIA base'): 'the GOP base' is the party's voters. Not
done: 'Hilary Clinton' misspelt as another person, a PAC 'called Stop Hillary' as a person, 'the Census' as a data
source, a state's slogan ('the Crossroads of America'), 'Jerusalem' as a place after 'all of', 'House' in a list of
races, 'Israel.' run into the next paragraph's name, Carly Fiorina and Fethullah Gulen as organisations, a deputy's
title read as the office's ('Deputy Secretary of State Thomas Nides' as Secretary of State), an NGO's president in
the government sector ('Judicial Watch President Tom Fitton').
Seed 61 (``sample61_``: round 12's held-out sample, drawn with round 11's linker, commit 48be9d7, labelled after round
12's fixes: 0.936 as drawn, 0.929 after them; 590 linked mentions on its articles before) is in-sample since round 13
read its misses. Round 13 first limited a bare surname (part 1, commit f976c13): a person of the knowledge base's own
list is named by the surname alone only as news names one: after the full name or a title and the surname ('Gov.
Christie', 'Mr. Trump'), for one who headed a state or a government, or while the person holds a listed office on the
article's date (``KnowledgeBase.best``; 'Sanders, 34, was charged' is a stranger); then it added the 47 US politicians
of 2015-16 the PolNeAR train articles of seeds 31-64 name most (Ted Cruz, Bernie Sanders, John Kasich, Chris Christie,
Jeb Bush, Carly Fiorina, Ben Carson, Rand Paul, Paul Ryan, Mitch McConnell, ...: offices with dates from the public
record); on no date a listed person's own description in the article places the person ('former Fla. Gov. Jeb Bush'
ELI); ids alike but for middle initials count as one person ('james-b-comey', 'james-comey'; ``initials_left_out``).
Seeds 65-68 then drew 12 more PolNeAR train articles each from those seeds 31-64 left, all drawn with that linker
(commit f976c13; the draws kept in the session's scratch folder). Seeds 66-68 were labelled and scored before any
part-2 rule: 0.950, 0.950, 0.943 (398 right of 420, 0.948; ``sample66_before_precision`` ...). Round 13 read the
misses of seeds 62-68 grouped by mechanism and fixed those that generalise: a US state's name before a federal
department's 'Department of' name is that state's government ('an Arizona Department of Transportation sign'), as its
chambers are its legislature; a state's own body that the tagger calls a person stays that body ('Border Patrol
agents'); a faith's or a people's adjective joined to 'Americans' is US civilians ('Muslim Americans'); no country's
name opens a title and name across a paragraph break ('Israel.\n\nSenator Marco Rubio'). In-sample after them: seeds
67/68 0.950/0.943 -> 0.964/0.957, 66 0.950, 62-64 0.955/0.979/0.986 unchanged; no recall proxy fell. Not done:
'Latino leaders' as the US government (the peoples list does not tell a state's nationals from its ethnic groups), 'the
Scott administration' (a governor's) as the man, a chief of staff placed in the military ('Mills'), an outlet as the
medium, coreference slips ('Smith said' of the mother, named after her son; 'the two men' of the sentence before),
'Will Cruz's gambit' (a question's verb run into the name), 'Ford won the nomination' (Gerald Ford as the carmaker).
Seed 65 (``sample65_``: round 13's held-out sample, drawn with the linker after round 13's part 1, commit f976c13,
labelled after part 2's fixes: 0.943 as drawn and after them; 535 linked mentions on its articles before and after) is
in-sample since round 14 read its misses. Round 14, the same protocol: seeds 69-72 draw 12 more PolNeAR train articles
each from those seeds 31-68 left, all drawn with round 13's linker (commit d51a150; the draws kept in the session's
scratch folder). Seeds 70-72 were labelled and scored before any round-14 rule: round 13's linker held out 0.957, 0.907,
0.936 (392 right of 420, 0.933; ``sample70_before_precision`` ...). Round 14 read the misses of seeds 62-72 grouped by
mechanism and fixed those that generalise: a photo credit's slash ends the photographer's name ('Carlos Barria /
Reuters': the agency is no part of it); a name before a lower-case word for a programme ('the Central American Minors
program'; not_actors.yaml: programme_words, not after a possessive: 'Bill O'Reilly's program'), after 'the' before a
doctrine ('the Purcell doctrine'; namesake_notions), a country before a currency word ('19 United States cents';
currency_words), a name of one letter ('Neither do I.'), a possessive and a year ('Bachmann’s 2012'), a law's acronym
('FOIA'; things) and a title in capitals between two apostrophes, the New York Times' quotation marks (''America's
Unwritten Constitution''; a quotation there that is no title keeps its names) are no actors; a chamber after a
candidate's surname and 'for' names the campaign committee, as the FEC's filings do ('The Kirkpatrick for Senate
campaign'), an office's title after 'former' a post held ('Former Secretary of State and ... Hillary Clinton'); an agent
right after a country's name is that country's, never the place's after 'in' ('U.S. military advisers in Iraq'), and
refugees are no host's ('a refugee in Khartoum'), as UNHCR counts them by origin; a country before 'Court' or a court's
level is its judiciary even where the pass reads it as a place ('Judge Posner of the United States Court of Appeals'); a
people after a region's word is no country's ('Central Americans'); a country's name before 'invasion' is the country
invaded, its adjective the invader ('the Iraq invasion', 'the American invasion of Iraq'; invaded_things); the leaders
of a US Census Bureau category are its elites, no office of the state ('Latino leaders' ELI; kb.yaml words:
census_groups); a chief of staff alone is a civilian post (GOV, as Phoenix codes it; the services' chiefs of staff are
Phoenix's own MIL entries); a name the tagger calls an organisation before a possessive and a kin noun is a person
('Trump's children'; kin_nouns); 'Will' opening a question before a surname is the verb ('Will Cruz's gambit do any
better?'; question_verbs); a people's name in the possessive opening a longer name is no people ('the Ethiopian People's
Revolutionary Party'); a title and a name split by a bracket are no one name ('Prime Minister (Junichiro) Koizumi'); a
place after a capitalised word for an organisation and 'of' closes its name ('a University of Washington professor').
In-sample after them: seeds 70/71/72 0.957/0.907/0.936 -> 1.0/0.977/0.957 (0.978 together), 65 0.943 -> 0.971, 66 0.950
-> 0.964, 67 0.964 -> 0.971, 60 0.933 -> 0.940; no other sample's precision changed and no right link was lost (every
recall proxy as before). Every linked mention the rules changed on seeds 23-30 and 31-72 but 69 (a diff of every linked
mention against commit d51a150's linker, 67 changes) was read by hand: three chiefs of staff moved from MIL to GOV
(Cheryl Mills, Jeremy Bash of Defense, a congressman's), five US courts now placed as the US judiciary, 'Ava's mother'
and 'Eva's parents' now the girls, 'United States forces in Afghanistan' and 'a U.S. Marine barracks in Lebanon' no
longer Afghanistan's or Lebanon's, programmes ('the CHIP program', 'Lawful Permanent Residents') and show titles (''Good
Morning America'') no longer organisations; all right. The correct ids of seed 72's 'Ethiopian People's Revolutionary
Party' allow the party under the tagger's name without 'Ethiopian'. Tried and dropped: a people's name in the possessive
before a longer name for every sector (it cut 'the Serbian Workers' Union' from its workers, LAB); a surname before
'administration' as the government in the pass over the words (``possessive_office`` does it already, and persons placed
by the report's country, 'the Scott administration', have no country yet there). Not done: 'Clinton' for Hillary where
Bill is named first ('vote for Clinton because she would be the first woman'; a pronoun's gender), 'a Clinton appointee'
(Breyer, Bill's), 'Podesta' for Tony where his brother John is named after him, 'the Communist regime' of Ethiopia, a
capital as a place after 'surrounds', a misspelt name ('Angela Correy [sic]'), 'Lin-Manuel Miranda' tagged an
organisation.
Seed 69 (``sample69_``, round 14's held-out sample below) is in-sample since round 15 read its misses. Round 15, the
same protocol: seeds 73-75 draw 12 more PolNeAR train articles each from those seeds 31-72 left, all drawn with the
linker at commit d906eab (round 14's and the seats of government after it). Seeds 73 and 74 were labelled and scored
before any round-15 rule: that linker held out 0.921 and 0.936 (260 right of 280, 0.929; ``sample73_before_precision``
...). Round 15 read the misses of seeds 73 and 74 with those of seeds 31-72, grouped by mechanism, and fixed those that
generalise: an epithet and the first name of a person named in full ('Crooked Hillary' beside 'Hillary Clinton'; no
given name, title or KB name first, and the bearer's name all capitalised words) is that person's nickname, and the bare
first name then the person's, not the nickname's; a one-word name the tagger calls an organisation that is a given name
of the KB's persons and the first name of one person named in full is that person ('The Donald', 'Bernie', 'Marco'); a
surname that one person of the KB's own list bears, right before a lower-case word for a campaign or its following ('a
prominent Trump supporter', 'the Sanders camp'; not_actors.yaml: campaign_nouns), is that candidate; a full name whose
first name is the KB person's of that surname with a letter dropped or doubled ('Hilary Clinton', 'Rence Priebus'; five
letters or more) is that person, and its bare surname too; an office's title after a form of 'be' or 'become' or after
'as' is a post held, as after 'former' (post_openers: 'you cannot be Secretary of State', 'her time as Secretary of
State'); a title that a quotation mark follows takes no name after it ('Mr. President,'' Representative Steve Cohen'); a
bare surname kept for a person the KB does not list, right before a government's seat or a namesake office ('the Obama
White House' beside 'Michelle Obama'), is the KB's one head of state or government of that surname; a hyphened 'non-' or
'anti-' before an office word after a possessive denies the office ('Clinton's non-government meetings'); a capital and
a word for attackers that is also an attack's modifier before a word for attacks names where they struck ('the Paris
terrorist attacks'); countries after 'between' where a word for a contest or an event comes before in the sentence are
sides of a match, no states ('the final of the Copa America tournament between Argentina and Chile'); a capitalised
word, 'for' and a country's name in running text are an organisation's name ('Obama for America', 'Democracy for
America', 'Alternative for Germany'). In-sample after them: seeds 73/74 0.921/0.936 -> 0.986/0.971, 40 0.985 -> 0.993,
42 0.935 -> 0.942, 50 0.971 -> 0.978, 51 0.934 -> 0.942, 55 0.95 -> 0.957, 61 0.936 -> 0.942, 62 0.955 -> 0.962; no
other sample's precision changed and no right link was lost. Every linked mention the rules changed on the dev documents
and seeds 23-74 (a diff of every linked mention against commit d906eab's linker, 51 changes) was read by hand: all right
or no worse but 'Stop Hillary' (a PAC's name, still wrong: now Hillary Clinton, a nickname by the rule) and a footer's
'Amanda' (the reporter, now the Clinton aide Amanda Renteria named in the article). Not done: the Khan family ('Mr.
Khan' of Khizr, named only in 'Khizr and Ghazala Khan', linked to his wife: the honorifics after a couple name either),
'Politico' as a person, a headline's words in capitals ('And It Says A LOT.', 'His Fox News Nemesis'), Germany's Federal
Office for the Protection of the Constitution with no country, a proposed office ('a national Office of Immigrant
Affairs'), a fictional character ('Lady Macbeth').
Seed 75 (``sample75_``: round 15's held-out sample, below) is in-sample since round 16 read its misses. Round 16, the
same protocol: seeds 76-78 draw 12 more PolNeAR train articles each from those seeds 31-75 left, all drawn with the
linker at commit b5fb285. Seeds 76 and 77 were labelled and scored before any round-16 rule: that linker held out 0.907
and 0.921 (256 right of 280, 0.914; ``sample76_before_precision`` ...). Round 16 read the misses of seeds 75-77 (with
those of 31-74) grouped by mechanism and fixed those that generalise: a US state's name that a country bears too
('Georgia') is the US state in an article that writes a place in that state (its AP abbreviation, its capital or a
large city, a county before the name; described.yaml: state_places), so 'Georgia businessman Bruce LeVell' of
suburban Atlanta is an American businessman, not Georgia's; the US President's yearly address ('the State of the
Union'), faiths ('Islam') and one-word notions ('Islamophobia', 'Communism'; not_actors.yaml: things,
notion_suffixes) are no organisations; a country's demonym joined to 'American' before an agent is an American of
that descent ('his Irish-American mother', 'the Cuban-American population', 'a Mexican-American judge'; its leaders
are the group's elites); a capitalised plural that a capitalised word, a quotation mark or a word for naming opens,
'for' and a person's name are a supporters' group's name ('Sikh Americans for Trump', 'a group called Citizens for
Trump'), not the person (nor the people); a name the sentence calls a place is none of the state or the government
seated there (``roles.Parse.called_a_place``): the object of 'to' on a word of motion however far the parse hangs
it ('before heading to other nations and to Germany', 'his recent trips to Israel', 'bring ... to Washington'), a
name listed with 'other cities' or given as an example of places ('places such as Syria'), a capital its clause
calls a capital or a city ('Jerusalem should be the undivided capital', 'regards all of Jerusalem as its capital',
'Asmara has become a city') and one that restates 'the capital' between commas ('the capital, Kabul.'); the first
word of a person's two-word knowledge-base alias that is no listed given name is the person where the article names
the person ('Bibi' of 'Bibi Netanyahu'; 'Condi'); a first name that two persons named in full bear, each called by
the surname alone too ('Paul Ryan', 'Paul Nehlen'), is no new person ('I like Paul'): the linker abstains; chambers
coordinated before a word for an office sought are that office ('help House and Senate candidates'). In-sample after
them: seeds 75/76/77 0.929/0.907/0.921 -> 0.970/0.956/0.970, 42 0.942 -> 0.949, 49 0.927 -> 0.941, 58 0.942 -> 0.949,
59 0.964 -> 0.971, 60 0.940 -> 0.947, 64 0.986 -> 1.0; no other sample's precision changed and no right link was lost
(every recall proxy as before). Every linked mention the rules changed on the dev documents and seeds 23-77 (a diff
of every linked mention against commit b5fb285's linker) was read by hand: all right or no worse, but a stranger
'person:jerome' kept only because the article never shortens 'Jerome Arthur' or 'Jerome Siegel', and 'the White House'
in 'if Democrats hold the White House or five seats' now read as an office held. The 'for' group first dropped 'Clinton'
in 'rallies Democrats for Clinton' (seed 32): a plural after a lower-case verb is now no group's name. Georgia's
LeVell now carries the USA, but the labels of his name (seed 75) hold no ``correct_ids`` (the harness compares ids),
so they still count wrong. Tried and dropped: the first word of any alias ('Rafael' of 'Rafael Edward Cruz' turned
his father Rafael into the senator). Not done: a pair anaphor of the wrong countries ('the gulf between the two
countries', lead's work), 'London has proved him wrong' (the city's voters), a US spokesman 'in Baghdad' placed in
Iraq, 'Cheers erupted' as a person, 'a Latino senator' after 'is', a court one serves on after a nomination.
Seed 78 is round 16's held-out sample: 140 mentions of its 12 articles, drawn with the linker at commit b5fb285 and
labelled (from the articles, with ``correct_ids`` for wrong links) after round 16's rules were written; no rule was
written from its misses: 0.807 as drawn (113 right of 140, ``heldout_before_precision``) and 0.819 after the rules
(113 of 138, recall proxy 1.0: two 'Islamophobia' no longer linked). Its misses: the Swiss People's Party ('the SVP')
linked as a person 'Junge SVP' (nine mentions), Donald Trump linked as his son Eric in Eric's article (three), courts
one is appointed to, 'Clevelanders' as an organisation, headline words, the King James Bible, picture credits, 'Bikers
for Trump' after 'Now,'. Not met: precision 0.95 on held-out mentions (seed 78: 0.819). Its misses were read in round 17
(``sample78_``).
Round 17, the same protocol with a wider draw: seeds 79-81 draw 60 PolNeAR train articles each (``POLNEAR_DOCS_OF``)
from those seeds 31-78 left, all drawn with the linker at commit 4520910, and each was labelled from the articles and
scored as drawn before any round-17 rule: 0.943, 0.914 and 0.936 (132, 128 and 131 right of 140; 391 of 420, 0.931;
``sample79_before_precision`` ...: the honest held-out figures of round 16's linker). Round 17 read the misses of
seeds 76-80 (seed 78's for the first time) with those of seeds 20-75, grouped by mechanism, and fixed those that
generalise, seed 81 kept out: a word of two to five capitals closing a name the tagger calls a person, after a word
not in capitals ('Junge SVP', 'the SVP'), is an acronym, an organisation's or a party's, and lends no surname (not a
regnal number, 'Pope Benedict XVI', a generational suffix or letters after a name, not_actors.yaml: post_nominals,
'Anthony Russell QC', a word the article writes in lower case, 'Wylie AGAIN', or one after a surname the article
names a person by, 'Kemp AGAIN'); an acronym given right after an organisation's name of two words or more, after
', or' or in brackets, that opens with its first word's initial, is that organisation whatever its letters spell
(a name in another language: 'the Swiss People's Party, or SVP', tagged a person and linked by the dictionary's
party words); the dictionary's spaced initials match the text's joined ones ('George H.W. Bush', 'George HW Bush');
a title and a surname that the dictionary lists as a name of a person ('President Reagan', 'President Truman') are
that person where no hand-listed person holds the title, and the bare surname after it too; a person named in full
with middle initials counts as the hand-listed person for a bare surname ('Donald J. Trump' beside a shirt's
'Fascist Trump'); a bare surname in a sentence that names its person in full is another person of that surname
named in full before ('gifts that came from Trump's businesses, Eric Trump's foundation'; not across a quotation
mark, after an honorific or as a compound's modifier); a common word the article writes in lower case and no given
name before the surname of another person named in full is no first name ('Top Clinton adviser', 'Fascist Trump');
an office's title after 'as the next' (not_actors.yaml: post_modifiers) and with its country ('President of the
United States') is a post to be held; a court one appoints someone to, up to three words after the verb ('appoint
antiabortion justices to the Supreme Court'), is an office; a dictionary person known by one word only (Phoenix's
'Hassan', a Jordanian prince) is not the last word of a longer name the tagger calls a person ('Gov. Maggie
Hassan'); the dictionary's one-word plural body closing a tagged name after a capitalised word that is no country's
or people's ('the Dallas Mavericks') is that name, not Phoenix's 'Mavericks'; a name with a slash between two names
('SVP/Global Risk Insights', 'Times/CBS News') is a picture credit or two names, no one name. In-sample after them:
seeds 78/79/80 0.819/0.943/0.914 -> 0.918/0.964/0.935, 43 0.941 -> 0.948, 48 0.904 -> 0.919, 54 0.964 -> 0.971,
56 0.964 -> 0.971, 65 0.971 -> 0.978; no other sample's precision changed and no right link was lost (every recall
proxy as before). Every linked mention the rules changed on the dev documents and seeds 23-80 (a diff of every
linked mention against commit 4520910's linker) was read by hand: all right or no worse, but 'Big Brothers/Big
Sisters' (one organisation, now unlinked) and 'Dallas Mavericks owner Mark Cuban' (tagged a person: now a person
'Dallas Mavericks' in place of the French irregulars). Tried and dropped: lower-case words for appointments after a
court ('Supreme Court appointments'; the labels since round 7 count the court right there). Not tried: a bare
surname as the person named in full last before it (read by hand on the Trump family's article: two labelled
links gained, one lost). Not done: 'Trump' for Donald Trump where the article names Eric Trump more often and no
full name stands in the sentence ('the free use of Trump golf courses'), the Khan family's honorifics after a
couple's name, a people for its state ('the Russians'), courts and seats as places, a city's people
('Clevelanders'), a headline's words.
Seed 81 is round 17's held-out sample: 140 mentions of its 60 articles, drawn with the linker at commit 4520910 and
labelled (with ``correct_ids`` for wrong links) before any round-17 rule was written; no rule was written from its
misses: 0.936 as drawn (131 right of 140, ``heldout_before_precision``) and 0.936 after round 17 (131 of 140, recall
proxy 1.0, 2857 linked mentions on its articles before and after). Not met: precision 0.95 on held-out mentions
(seed 81: 0.936).
Its misses were read in round 18 (``sample81_``). Round 18: only 13 PolNeAR train articles were left undrawn, so seed 82
(``POLNEAR_DEV_SEEDS``) draws its 60 articles from those and the 84 PolNeAR dev articles (8 train, 52 dev drawn; the
quotes benchmark scores PolNeAR dev quotes, never actor links, and no actor rule was ever written from them, so they are
fair for an actor sample; none is read by a test). Seed 82 was drawn with the linker at commit 516abc3, labelled by hand
from the articles (``correct_ids`` for wrong links) and scored before any round-18 rule: 0.957 as drawn (134 right of
140, ``heldout_before_precision``; 2286 linked mentions on its articles), the honest held-out figure of round 17's
linker on articles no actor sample had used. Its misses: a law ('the 1994 Crime Bill') as Bill Clinton, a nickname ('I
love Larry' of Laurence H. Tribe) as a stranger, a man shot by the police tagged an organisation, 'Senate Armed Services
Committee' as Congress in the government sector, a union's president ('the union's president, Mary Kay Henry') in the
government sector, a senator ('Democrat of Vermont') in the party sector. Round 18 then read the misses of seed 81 (held
out until now) with the older ones still left, grouped by mechanism, and fixed those that generalise, seed 82 kept out:
a person's name the tagger cut at a quoted nickname runs on to the surname after the closing quote ('George "Jay"
Keyworth', news style's nickname in quotation marks; the bare surname then is that person); a headline's colon ends a
tagged name ('De Blasio: Trust Bratton' is De Blasio, the speaker, then his words); a name the tagger calls an
organisation right before a title, one the knowledge base does not hold (no state body, party, country or people), makes
the office that body's, no state's, as an acronym there already did ('Judicial Watch President Tom Fitton': no
government sector; 'White House Press Secretary', 'FBI Director' keep theirs). A name the knowledge base holds, a
demonym, a country or a word of a state's bodies in that name (not_actors.yaml: state_body_words: 'Indiana House
Speaker', 'Texas State Senator') keeps the state's office. Figures after them: held-out seed 82 0.957 -> 0.957 (134
right of 140, recall proxy 1.0; 2285 linked mentions on its articles, one fewer: 'Robert C. "Bobby" Scott' is now one
name, not two); in-sample seeds 81 0.936 -> 0.950 and 35 0.957 -> 0.971; no other figure changed (every recall proxy as
before). Every linked mention the rules changed on the dev documents, seeds 23-82 and the described sample (a diff of
every linked mention against commit 516abc3's linker, 41 links added or dropped) was read by hand: all right or no worse
('Leader Who', a headline's words, and 'Spokesman-Review' lose the government sector they wrongly had). The first form
of the body rule placed House and state speakers ('House Speaker Paul D. Ryan') in no sector; state_body_words was read
from that diff. Target, precision 0.95 on held-out mentions: met by seed 82 (0.957 as drawn and after), the first sample
drawn mostly from PolNeAR dev articles; round 17's three samples read 0.914-0.943 as drawn, so one sample meeting it is
no proof it holds. Tried and dropped: a full name that modifies a noun ('Former Bill Clinton pollster Douglas Schoen')
no longer keeps the bare surname for its person (seed 81's 'pledged to Clinton', Hillary, 0.936 -> 0.957), but it turned
seeds 49, 66 and 80 down (0.941 -> 0.912, 0.964 -> 0.957, 0.935 -> 0.928: it moved nine bare 'Trump' of an article about
Ivanka Trump to her father and six 'Obama' from the president to Michelle Obama). Not done: Bill for Hillary Clinton
where both are named once (seed 81), James A. Baker of the FBI as the Secretary of State of that name, 'the two men' of
the sentence before, a law's name opening with a first name ('the 1994 Crime Bill').
Seed 82 is in-sample since round 19 read its misses (``sample82_``). Round 19: 37 PolNeAR articles no actor sample had
used were left after seed 82, 32 dev and 5 train; seed 83 (``POLNEAR_CLEAN_SEEDS``) draws from those that no set of the
events benchmark's PolNeAR sample holds (sets C-H hold two of the train ones, and events and actor-coding rules were
written from those sets), 35, and took 34 of them (31 dev, 3 train; ``POLNEAR_DOCS_OF``, a miscount of the 35 kept as
drawn: 'wash-post_2016-09-16_burma-leader-s-visit' stays unused). They are fair: no actor rule was written from any of
them (the quotes benchmark scores the dev articles' quotes only; one sentence of the dev article
'wash-post_2016-09-25_phone-video' is read by a dates test, for its date, kept as seed 82's pool kept it). Seed 83 was
drawn with the linker at commit 20cd0c7, labelled by hand from the articles (``correct_ids`` and, new in this round,
``correct_placements`` for wrong links) and scored before any round-19 rule: 0.914 as drawn (128 right of 140,
``heldout_before_precision``; 1648 linked mentions on its articles), the honest held-out figure of round 18's linker.
Its misses: 'Bank executives' and a video series ('Capital Download') as organisations, the White House as a building
and a place (two), a former ambassador's title and 'The former first lady and U.S. senator' as the state, Patriot Coal
linked as a person (two), Lashkar-e-Taiba as Phoenix's Al-Arifeen, Keith Lamont Scott ('a 43-year-old black man') as an
organisation, Senator Ron Wyden placed in Mexico (the report's country), a campaign spokeswoman in the government.
A label may now carry ``correct_placements``, [country, sector] pairs: a wrong link of the right person in the wrong
place turns right when the same person is placed as one of them (``placed_as_labelled``; [null, null]: no placement, as
an unknown person has). Added to the wrong labels whose person was right and whose placement was not, read again from
their notes: seeds 25 (Berdymukhamedov), 62 and 81 (Tom Fitton), 65 (Cheryl Mills), 75 (Bruce LeVell), 80 (Tom Vilsack),
82 (Mary Kay Henry, Patrick Leahy), 83 (Ron Wyden, Jessica Ditto). With the linker at 20cd0c7 this alone reads seeds
25 0.956 -> 0.965, 62 0.962 -> 0.970, 65 0.978 -> 0.993, 75 0.970 -> 0.985, 81 0.950 -> 0.957 (fixes of earlier rounds
the ids could not show); every before/after figure below is read with it on both sides. Round 19 then read the misses of
seed 82 (with the older ones still left) grouped by mechanism and fixed those that generalise, seed 83 kept out: a word
for a law tagged alone as a person right after a capitalised word or a year is the law's name's last word ('the 1994
Crime Bill', not Bill Clinton; not after a title or a given name); a short form of a given name that no one named in
full bears is the one person named in full with one of its full forms ('Larry' after 'Laurence H. Tribe';
data/short_names.yaml, the dictionaries' pet forms); an age between commas after a name ('Scott, 43,', news style) says
a person, and the tagger's organisation named in full ending in that surname is that person ('Keith Lamont Scott');
'Democrat of Vermont' after a name's comma, with no article, is the New York Times' form of Congress's '(D-Vt.)': a
member of the US Congress (USA LEG), where 'a Democrat from Ohio' stays the party's; a title after a common noun's
possessive is that body's office, in the body's sector ('the union's president, Mary Kay Henry': LAB; 'the campaign's
spokeswoman': PTY; 'the group's leader': none; 'the country's president' keeps the state's); 'Mr.' and 'Ms.' after a
couple's names written as news writes a married couple's ('Khizr and Ghazala Khan', in an article that writes the
surname after both a man's and a woman's honorific) are the husband, the first given name, and the wife, where the
person the bare surname was kept for has no gender of its own (seed 61's 'Mr. Khan', 'Ms. Khan'). Figures after them:
held-out seed 83 0.914 -> 0.914 (128 of 140, recall proxy 1.0: no rule changed a labelled mention of it); in-sample
seeds 82 0.957 -> 0.993 (138 of 139: the Crime Bill unlinked; left: 'Senate Armed Services Committee' as Phoenix's US
Congress entry, which seed 70's labels count right for 'Senate Intelligence Committee'), 61 0.942 -> 0.986; no other
figure changed (every recall proxy as before).
Every linked mention the rules changed on the dev documents, seeds 23-83 and the described sample (a diff of every
linked mention against commit 20cd0c7's linker: 65 mentions, none on seed 83's articles) was read by hand: all right
or no worse ('Ben', 'Bob', 'Jim', 'Pete',
'Larry' now the persons named in full with 'Benjamin', 'Robert', 'James', 'Peter', 'Laurence'; 'Weiner, 51,', 'Marquez,
24,', 'Rakeem Jones, 26,' now persons; 'James E. Rogan, Republican of California' LEG; 'The group's spokesman' no longer
Turkmenistan's government). Tried and dropped: couples taken from any 'A and B Surname' (it read 'Clinton and Bernie
Sanders' as a couple 'Clinton Sanders' and moved every 'Mr. Sanders' there); an age read from '30,290' or '5.5 percent'
after a name (a number's comma or decimal point is no age); a surname's person carried to a name of two joined by '&'
('Prez Jim & Sarah'); a law's word after a sentence's first word ('When Bill was governor' lost Bill Clinton). Not
done: the Khan family's 'Khan and his wife' with no honorific (seed 37), Eric Trump kept for a bare 'Trump', WikiLeaks
and Khizr Khan with no code, a Phoenix person of another country matched by a stranger's name ('Gov. George Wallace' as
Liberian, a Miami voter as a Salvadoran official). Target, precision 0.95 on held-out mentions: not met (seed 83:
0.914; seeds 80-82 as drawn 0.936).
Seed 83 is in-sample since round 20 read its misses (``sample83_``). Round 20: the PolNeAR articles were spent, and
so were the ECB+ train records of the topics no test reads (seeds 23-30 took all 437). Seed 84 (``ECB_CLEAN_SEEDS``)
reads the ECB+ train records of the two subtopics of those topics that no file of tests/ and no benchmark sample names
a record of (``ECB_CLEAN_SUBTOPICS``: 1_ecbplus, Lindsay Lohan's rehab in May-June 2013, 21 records; 3_ecbplus, a
Texas inmate's escape in 2009, 11 records; the other subtopics of topics 1, 3, 4, 16, 20 and 28 hold records that tests
or the events benchmark's ECB+ sample read, so rules may have been written from their stories). They are fair: no
actor sample drew from them, no actor rule was written from them, and a stories test reads two records of each only
for clustering. The WCXB dev pages were the other candidate, but few of their 793 pages are news with actors (most
are guides, reviews, product pages). The pool is narrow (two stories, 174 linked mentions, so the sample of 140 is most
of them and its misses come in clusters): one sample, no proof. Seed 84 was drawn with the linker at commit d478083,
labelled by hand from the records (``correct_ids`` for wrong links) and scored before any round-20 rule: 0.829 as drawn
(116 right of 140, ``heldout_before_precision``), the honest held-out figure of round 19's linker on a new source. Its
misses: the Betty Ford Center (a clinic) as a place one checks into, leaves or stays at, linked as the former first
lady 'Betty Ford' (nine) or as the clinic (four), Morningside Recovery as a person (two), 'LiLo' (Lindsay Lohan's
nickname) as another person (four), 'CA' after a town as an armed group (two), 'is MIA' as an organisation, Access
Hollywood as a person, a headline's 'Handcuffs Guards' as a person. Round 20 then read the misses of seed 83 (held out
until now) with the older ones still left, grouped by mechanism, and fixed those that generalise, seed 84 kept out: a
name the tagger calls a person's that ends in what a firm mines, makes or runs is the firm ('Patriot Coal';
not_actors.yaml: firm_trades), and its first word alone is the firm's short name ('Patriot'); where an armed group
bears the name read as its own, a group whose own name shares no word with it is another group that lists it as an
alias ('Lashkar-e-Taiba' is not Phoenix's Al-Arifeen; kb.best); a full name in apposition to a noun of a human being
by sex and age ('Keith Lamont Scott, a 43-year-old black man'; kinds.yaml: apposition_person_nouns, not before a name:
'Girl Scouts') is a person; a person placed by a title in a report about another country, in a sentence that names a
US state in full, holds that office in the United States ('apples from Washington -- to help sway the views of Senator
Patty Murray', in a report about Mexico; not 'Georgia' unless the article means the state); a spokesperson's title
with no body named before it, in a paragraph about a campaign or a party or right after one, is the campaign's (PTY,
as 'the campaign's spokeswoman'; not_actors.yaml: speaker_titles); a government's seat that one is brought or goes to
('bring her husband's sex scandal back to the White House', kb.yaml words: motion) or that a physical act is done to
('the White House fumigated and burned to the ground'; building_verbs) is the building ('the White House said' keeps
the government); a country's lower-case title that 'former' opens in the same phrase ('a former United States
ambassador to Russia', 'The former first lady and U.S. senator') is a post held, no body ('the former secretary of
State, U.S. senator, and first lady' is a list: 'former' is its first item's); a one-word name opening a sentence that
the parse reads as a common noun modifying the next ('Bank executives aren't.' beside 'the bank said') is no name.
Figures after them: held-out seed 84 0.829 -> 0.829 (116 of 140, recall proxy 1.0: no rule changed a labelled mention
of it; 174 linked mentions on its records before and after); in-sample seeds 83 0.914 -> 0.993 (139 of 140; left:
'Capital Download', a video series, as an organisation), 53 0.957 -> 0.964 ('brought Old Hollywood glamour to the
White House'), 67 0.971 -> 0.978 ('a former U.S. senator and secretary of State'); no other figure changed (every
recall proxy as before). Every linked mention the rules changed on the dev documents, seeds 23-84 and the described
sample (a diff of every linked mention against commit d478083's linker: 68 mentions, 39 of them Patriot Coal's) was
read by hand: all right or no worse (a Brooklyn justice placed in Australia now American, 'visit to Capitol
Hill', 'on his way to the White House', 'the slaves who built the White House' and 'elected as U.S. president' no
longer bodies acting, 'Scott Brown, the former U.S. senator from Massachusetts' no longer the Senate, 'The former New
Mexico governor' no longer Mexico's government, an O'Malley campaign spokeswoman now PTY). Tried and dropped: the
firm's trades among the words for an organisation anywhere in a name (they linked a headline's 'Coal Power', 'Alabama
Securities Commissioner' and, with 'capital', 'Capital Download'); a body's own name before another's alias for every
kind (it sent 'EPA' to a Venezuelan group, 'Red Cross' and 'Doctors Without Borders' to duplicate entries and George
Papandreou to a namesake's entry); 'man', 'woman', 'girl' as nouns before a name ('Girl Scouts' became a person).
Not done (seed 84's misses, kept held out): a clinic as a place, a nickname of the article's person, a state's postal
abbreviation after a town. Target, precision 0.95 on held-out mentions: not met (seed 84: 0.829; one narrow sample).
Seed 84 is in-sample since round 21 read its misses (``sample84_``). Round 21 took a source no actor sample or rule had
used: the WCXB dev pages (``WCXB``: pages of 768 sites, their gold main text as a person marked it), news pages only.
Before any linking, the pages that are news (a report or a feature of a newspaper, broadcaster, news agency, news
magazine, news site or trade press; no guides, lists, rankings, reviews, deals, opinion columns, company, university or
personal pages) were listed from each page's site and title alone (``WCXB_NEWS``, benchmarks/data/wcxb_news_pages.tsv):
24 of the 793, fewer than the 30 asked for, so seed 85 (``WCXB_SEEDS``) reads all 24 (one, with two linked mentions,
has fewer than three), each page a JSON record with its title, date, author and address, as ingest reads a feed's item.
The linker at commit adac9fa linked 608 mentions on them; the sample is ``random.Random(85).sample`` of 140 of them,
labelled by hand from the pages before any round-21 rule was written (provenance in each label: ``source``, ``drawn``,
``labelled``): 0.764 as drawn (107 right of 140, ``heldout_before_precision``), the honest held-out figure of round 20's
linker on a new kind of source, news pages of technology, health, science, business and the arts rather than politics.
Its misses (counted here, not read for rules): products, technologies and practices tagged as organisations (12:
'XDR', 'PQC', 'GenAI', 'Google Meet', 'the Ping Identity Platform', 'GRC expertise'), firms, outlets and a research
initiative linked as persons (5: 'J.D. Power', 'Ars Technica', 'Anthropic'), places (4: two Bangladeshi upazilas as
persons, 'Austin' of 'the University of Texas, Austin' as Lloyd Austin, a country one takes a firm out of), names cut or
run on (3: 'Baguette' of 'Paris Baguette', a director's name with his film's title, an outlet's possessive), works and a
programme's name (3: a film, a TV show, 'U.S. in Progress' as the United States), a mathematician named in full before
as an organisation, a firm's vice president placed in government, an epithet, a platform as a place, a mathematical
set, a body system. Round 21 then read seed 84's misses (held out until now) and fixed those that generalise, seed 85
kept out: the name of an institution where people are treated (not_actors.yaml: treatment_heads, a clinic's, a
rehab's; 'Center' too where the article speaks of treatment: treatment_nouns) after a word of leaving, 'out of' or a
preposition of place, with 'the' and up to two lower-case words between ('has left the Betty Ford Center', 'her stay
at the famed Betty Ford Center') is the place; a name that opens such an institution's name in the same article
('Betty Ford' beside 'the Betty Ford Center', 'Morningside' beside 'Morningside Recovery'; not 'Anderson' of 'MD
Anderson Cancer Center') is that institution: a place after those words ('checked into Betty Ford'), else the
institution ('Morningside is unlicensed': org); a US state's postal code after a town and a comma, closed by a comma
or a full stop ('Newport Beach, CA, according to'; described.yaml: postal_codes) is the state of an address, not
Phoenix's armed group 'CA'. Figures after them: held-out seed 85 0.764 -> 0.764 (107 of 140, recall proxy 1.0: no rule
changed a linked mention on its pages; 608 linked mentions before and after); in-sample seed 84 0.829 -> 0.944 (117 of
124 still linked; the 16 no longer linked were all labelled no actor; left: 'LiLo', Lindsay Lohan's nickname in a
record that names her in full only in an untagged headline, four; Access Hollywood as a person; 'is MIA'; a headline's
'Handcuffs Guards'); no other figure changed (every precision and recall proxy as before; a diff of every linked
mention on the dev documents, seeds 21-85 and the described sample against commit adac9fa's linker: 20 changed, all
on seed 84's records, all read by hand and right: two more, 'Checks Out Of Betty Ford' and 'checked out of the Betty
Ford Treatment Center', were not in its sample). Tried and dropped: 'center'/'centre' as a treatment institution's last
word in any article (it made 'Muhammad Ali' the Muhammad Ali Center, a museum, in a seed-55 article, and dropped 'New
York University' of 'New York University's Brennan Center'); a nickname blended from a given name's and a surname's
openings ('LiLo') as the person named in full (the one record with it names her only in a headline the tagger leaves
untagged: no effect, so not kept). Target, precision 0.95 on held-out mentions: not met (seed 85: 0.764).
Seed 85 is in-sample since round 22 read its misses (``sample85_``). Round 22 took another source no actor sample or
rule had used: the scrapinghub article pages (``SCRAPINGHUB``: 181 pages of 126 sites, their article body as a person
marked it, with no title), news pages only. Before any linking, the pages that are news (as round 21 judged them, in
English; no trackers, results tables, podcasts, advice columns or editorials either) were listed from each page's site
and HTML title alone (``SCRAPINGHUB_NEWS``, benchmarks/data/scrapinghub_news_pages.tsv): 111 of the 181; seed 86
(``SCRAPINGHUB_SEEDS``) reads all of them, each a JSON record with an empty title and its address (the page's title
carries the site's name, so none is given). The linker at commit 8b86cee linked 2866 mentions on them; the sample is
``random.Random(86).sample`` of 140 of them, labelled by hand from the pages before any round-22 rule was written
(provenance in each label): 0.821 as drawn (115 right of 140, ``heldout_before_precision``), the honest held-out figure
of round 21's linker on general news pages (politics, business, science, sport, entertainment). Its misses (counted
here, not read for rules): things tagged as organisations (8: a streaming service, a currency, a disease written 'HP', a
car model, a car platform, a results table's 'NR', a region as a market, a venue's cut name), places (2: a county, a
prison one is held at), fictional characters (2), firms, a club and a league linked as persons (4: 'Hanwha Q Cells',
'Spurs', 'Blue Origin', the Premier League as a prime minister), persons linked wrong (4: a singer and a named envoy as
organisations, 'Both men' as Afghanistan's president, two researchers' names joined), a wrong body (3: Nigeria's Senate
as the US Congress, the DEA as the FBI, Argentina's Davis Cup team as the state), a union's president and a musician
placed in a government (2). Round 22 then read seed 85's misses (held out until now) and fixed those that generalise,
seed 86 kept out: an acronym given in brackets right after the lower-case words it abbreviates, none of them a word for
a body, is a common noun's (acronyms.py: common_noun_acronyms; 'extended detection and response (XDR)', 'post-quantum
cryptography (PQC)'; 'X' may stand for 'ex', 'cross', 'trans'); a name joined by a hyphen to 'based' is a basis or a
seat ('LLM-based agents'; not_actors.yaml: basis_words); a division below a province as South Asian and post-Soviet
presses write it after the name ('Paba Upazila'; place_heads) is a place; a name of one or two words after a US state
university's name and a comma, closed by a mark or 'and', is the campus ('the University of Texas, Austin and'; not one
that opens with a given name or that a verb follows); a state's title that firms' officers bear too, in apposition and
held 'at' or 'of' a body that is no country ('vice president and head of engineering at Shopify'; described.yaml:
shared_titles), places the person in no government; an organisation's name run past its possessive into another name
that ends in a word for a body is that body ('Stanford University's SCALE Initiative', not a person); a name in brackets
after 'formerly' ('X (formerly Twitter)') and a title in a list after 'credits include' ('TV credits include Hacks and
SNL') are no actors. Figures after them: held-out seed 86 0.821 -> 0.821 (115 of 140, recall proxy 1.0: no rule changed
a linked mention on its pages, 2866 before and after); in-sample seed 85 0.764 -> 0.826 (109 right of 132 still linked;
the 8 no longer linked were all labelled no actor; 'SCALE Initiative' and Shopify's vice president turned right; left:
outlets and firms as persons, 'J.D. Power', 'Ars Technica', 'Anthropic', products and fields, 'GenAI', 'GRC', 'DevOps',
'Google Meet', 'the Ping Identity Platform', 'MBSR' defined with capitals, a mathematician tagged an organisation in
full, a film's and a programme's names, 'Paris Baguette' cut); no other figure changed (every precision and recall proxy
as before; a diff of every linked mention on the dev documents, seeds 23-86 and the described sample against commit
8b86cee's linker: 15 changed, all on seed 85's records but one, 'World News' of 'ABC News' World News Tonight', a
programme, from a person to an outlet). Tried and dropped: a person's name run past a possessive of a word in lower case
or capitals ('theCUBE's Savannah Peterson') taken after the possessive whatever its first name (it made a film's title
after its director's possessive a person: 'Amanda Kramer's By Design'); any body's name after any possessive ('People's
Action Committee', 'the AFL-CIO's Executive Committee' lost their owners: only a body's possessive now); 'for' as a
preposition of a body after a shared title ('a former press secretary for Mr. Obama' lost his ELI); the campus rule
without its closing mark (a diff of all linked mentions showed it unlinking a person on seed 86's pages, 'the University
of Pennsylvania, Andrew Vaughan followed': fixed from news style before seed 86 was scored, read from that diff, not
from its labels); 'technique', 'method', 'therapy', 'algorithm', 'technology' as nouns of a work in apposition (no
effect on seed 85's 'MBSR'). Target, precision 0.95 on held-out mentions: not met (seed 86: 0.821).
Seed 86 is in-sample since round 23 read its misses (``sample86_``). Round 23 took another source no actor sample or
rule had used: the TimeBank articles (``TIMEBANK``, corpus/dates/timebank.jsonl: 183 English news articles of 1989-98,
ABC, AP, CNN, NYT, PRI, VOA and mostly WSJ business news, as cleaned for TempEval-3; the dates benchmark reads them,
no actor rule was written from them), each a JSON record with an empty title and its ``dct`` as the publication date,
as the dates benchmark ingests them; seed 87 (``TIMEBANK_SEEDS``) reads all of them. The linker at commit 9bdc24d
linked 2862 mentions on them; the sample is ``random.Random(87).sample`` of 140 of them, labelled by hand from the
articles before any round-23 rule was written (provenance in each label): 0.879 as drawn (123 right of 140,
``heldout_before_precision``), the honest held-out figure of round 22's linker on older wire and business news. Its
misses (counted here, not read for rules): firms linked as persons by their short names (4), a firm's unit as the
Basque armed group ('ETA Systems Inc.'), a cabinet with no country ('Cabinet minister Michael Eitan'), a person named
in full before linked as an organisation, places (5: a country or a city where a firm is, a country one exits, a
country as a market, a resort, a property), a model and a product ('An-70 cargo planes', 'Intel chips'), a charter,
a hypothetical government. Round 23 then read seed 86's misses (held out until now) and fixed those that generalise,
seed 87 kept out: a title before one word for a body names no person ('three Premier League titles', no prime
minister 'League'); a title after the name of a body of members that is no state's (not_actors.yaml:
members_body_heads: association, union, league, ...) is that body's office, whatever state its name holds ('Indiana
State Teachers Association President Keith Gambill', no GOV); a country's name after a lower-case preposition that
opens a tagged organisation before a person's name ('former special envoy to Ukraine Kurt Volker') closes the
description, so the rest is the person, whose bare surname the tagger calls an organisation after it ('Volker said')
is then that person; the DEA is its own US agency (kb.yaml, from the US Government Manual; the Phoenix dictionary
files 'DEA' under the FBI); a prison or a jail is a building (facility_heads), so 'a prison in London' is a place,
not that country's police; the last name of a list before a place's head in the plural is a place ('Kalamazoo and
Van Buren counties'); a person's name, a possessive and more capitalised words ('Amazon founder Jeff Bezos’s Blue
Origin') are two names, the person and what the person owns or made (an organisation or a work; not a kin noun, not
in a headline in title case); a name the knowledge base does not know, holding no word for a body, before a lower-case
'platform' is a platform ('the new MEB platform'; platform_words); a name closed by a currency's ISO code and '=' is
a wire service's market instrument ('Sterling GBP='); and, read from seed 85 (in-sample), a known person's surname
that the tagger calls a place right after a preposition of place is the place ('a Saturday afternoon in Austin', no
Lloyd Austin). Figures after them: held-out seed 87 0.879 -> 0.879 (123 of 140, recall proxy 1.0: no rule changed a
linked mention on the TimeBank articles, 2862 before and after); in-sample seed 86 0.821 -> 0.881 (119 right of 135
still linked; the Premier League, 'a prison in London', Van Buren county, 'Sterling GBP' and the MEB platform no
longer linked, Kurt Volker, the DEA, Blue Origin and the teachers' union's president turned right), seed 85 0.826 ->
0.833 ('Pete Ohs’ Erupcja' now the director); no other figure changed (every precision and recall proxy as before; a
diff of every linked mention on the dev documents, seeds 23-87 and the described sample against commit 9bdc24d's
linker: 50 changed, none on seed 87's articles, 32 on seed 86's pages, 12 on seed 85's, and six elsewhere, all read:
'the St. Bernard Parish Prison' no longer a person, the Drug Enforcement Administration twice now the US agency (COP)
where it was an unknown body, 'hospital in Ethiopia' a place, 'Donald Trump's America' no longer a person, a
newspaper's 'Union Leader, New Hampshire' (a person id, wrong before and after) no longer placed in a government).
Tried and dropped: no link for a one-word name the tagger calls a person where the article names no one in full with
it (news style names a person in full first; on the labels of seeds 20-86 it would have unlinked 66 labelled right
against 84 wrong or no actor: precision bought with right links, some samples would drop); 'platform' as a
programme word for every name (it unlinked 'the Democratic Party' before 'platform', the party's own programme).
Not done (seed 86's misses left): a streaming service in apposition ('the tech giant's game streaming service,
Stadia'; 'service' is ambiguous), Nigeria's Senate as the US Congress (the article names Nigeria only in a tweet's
'The Nigerian Senate'), 'Both men' (two freed hostages) as Ashraf Ghani, fictional characters ('Rose-Lynn', 'Captain
James T. Kirk'), a Phoenix person of Grenada sharing a musician's name, 'Spurs' as a person, 'Britney Spears' as an
organisation, a disease's and a results table's abbreviations ('HP', 'NR'), a car model ('the Convertible'), 'its
ASEAN debut', 'ARGENTINA CRUISES'; the films after a director's possessive are organisations now ('Erupcja', 'Take Me
Home'), no actors still. Target, precision 0.95 on held-out mentions: not met (seed 87: 0.879).
Seed 87 is in-sample since round 24 read its misses (``sample87_``; each of its labels now says so in ``read``).
Round 24 took another source no actor sample had used: the PLOVER gsr-dev records (``GSR_DEV``,
corpus/events/plover/gsr-dev.jsonl: 220 political news sentences, edited from the CAMEO manual's examples), each
record's text one document, a JSON record with its id, an empty title and no date (the records' 2000-01-01 is a
placeholder); seed 88 (``GSR_SEEDS``) reads all of them. It is no untouched source: the events benchmark tunes the
event coder on all 220 records and scores their parties' actor codes, and actor and events tests read 17 of the
records the sample holds (22 of its mentions, all labelled right); no actor-link sample drew from it and no rule of
this round was written from it. The linker at commit ca7561d linked 528 mentions on them; the sample is
``random.Random(88).sample`` of 140 of them, labelled by hand from the sentences before any round-24 rule was written
and before any scoring (provenance in each label): 0.950 as drawn (133 right of 140, ``heldout_before_precision``;
111 of 118, 0.941, on the records no test reads). As the earlier labels count known persons placed with no country,
a person or a body linked to its identity with its country or sector missing counts right ('Defence Minister Pierre
Joxe' with no country; 'the Nigerian Interior Ministry' NGA with no sector; a note says so), a wrong country or
sector wrong. Its misses (counted here, not read for rules): an agent after 'in' and a country read as that country's
where a possessive names its owner ('Israel has strengthened its forces in Lebanon'), the Turkish Cypriot side as
Turkey's government ('The Turkish and Greek sides of the divided Mediterranean island of Cyprus'), two UN officials
placed by the dictionary in their home governments ('Kenzo Oshima, the United Nations Emergency Relief Coordinator',
'U.N. mediator Diego Cordovez'), a president placed as an elite ('described his rival Elias Hrawi as president'), an
airline as a plane's owner linked as a person ('a Pan Am plane'), a capital restated after 'the country's capital' as
where reports come from ('Freetown'). Round 24 then read seed 87's misses (held out until now) and fixed those that
generalise, seed 88 kept out: a one-word name the tagger calls a person that opens a firm's full name in the article,
one or two capitalised words and its legal form or a word for an organisation ('Reed International PLC' ... 'Reed
said', 'Ralston Purina Co.', 'Poughkeepsie Savings Bank'; business news names a firm in full first, then short), is
the firm (not where the tagger finds a person's full name so: 'Hillary Clinton Foundation'); a legal form written as
one, with full stops or closing the name in capitals ('N.V. DSM'; not_actors.yaml: legal_forms), makes a name a
firm's ('AG Mukasey' stays an attorney general); a dictionary body that is no firm or outlet opening a longer tagged
name that ends in more words and a legal form is that firm ('ETA Systems Inc.', not the Basque armed group); 'exit'
is a verb of leaving a place ('a final deadline to exit Kuwait'; kb.yaml words: place_objects); a country's
possessive before one firm, past up to three lower-case words ('Britain's leading luxury-car maker', 'Germany's
largest private bank'; possessed_firms, singular: 'America's greatest corporations' stays the country; not a central,
state-owned or national firm, state_firm_words, nor before an agent, 'bank regulators') is where the firm is; a
country before a lower-case 'market' ('U.S. market leader'; market_words, not before a regulator) names the market; a
capital or a country joined to '-based' is where someone sits ('a London-based jeweler'; basis_words, as for tagged
names since round 22); 'Cabinet' alone before a lower-case minister's title is the government of the report's country
('Cabinet minister Michael Eitan', Israel's; ``offices.national_body``); an occupation noun before a full name says a
person ('Hungarian astronaut Bertalan Farkas'; kinds.yaml person_nouns: astronaut, cosmonaut, diplomat), so his bare
surname is the person too; a model's letters and number joined by a hyphen before a word for a made thing ('An-70
cargo planes'; MODEL_DESIGNATION, product_nouns) and a resort or a casino after a name and 'the' or a possessive ('the
company's Desert Inn resort'; facility_heads) are no actors; a body's name between 'the' and its founding document
('the U.N. charter'; founding_documents) names the document.
Figures after them: held-out seed 88 0.950 -> 0.950 (133 of 140, recall proxy 1.0: no rule changed a linked mention
on the gsr-dev records, 528 before and after); in-sample seed 87 0.879 -> 0.977 (130 right of 133 still linked; the
seven no longer linked were all labelled no actor; left: 'Intel chips', a maker before a plural word for its
product, 'the Tropicana Country Club' as a property to be acquired, 'some American-controlled government' a
hypothetical one), seed 48 0.919 -> 0.925 ('Germany's largest private bank'), seed 54 0.971 -> 0.978 ('The Bellevue,
Washington-based firm'); no other figure changed (every precision and recall proxy as before). Every linked mention
the rules changed on the dev documents, seeds 21-88 and the described sample (a diff of every linked mention against
commit ca7561d's linker: 62 mentions, 49 on seed 87's articles, none on seed 88's) was read by hand: all right or no
worse (TimeBank firms by their short names: Magna,
Montedison, Citadel, Equus, Hunter, McCaw, Kyle, Esselte, Stroh; '-based' cities and countries; "Portugal 's biggest
phone company"; 'The Trump National Doral Resort Miami' no longer Donald Trump; a Wasilla mention wrong before and
after). Tried and dropped, read from that diff: the plural firm
nouns ('America's greatest corporations' is labelled right in seed 64: a right link lost), 'firm' (an adjective:
'Iran’s firm non-compromise'), a legal form anywhere in a name ('AG Mukasey', an attorney general, became a firm), the
firm's full name for a first name that the tagger reads as a person's full name ('Hillary' of 'Hillary Clinton
Foundation' became a firm), an outlet inside a firm's name ('Reuters Holdings PLC' lost the news agency) and a
dictionary body matched up to the legal form ('the Canadian Broadcasting Corp.' lost its media sector). Not done (seed
87's misses left, above). Target, precision 0.95 on held-out mentions: met by seed 88 (0.950 as drawn and after), but
on a source the event coder was tuned on, with 22 of its mentions in records that tests read (0.941 without them);
seeds 84-87, drawn from sources no rule had read, came in at 0.764-0.879, so it is not shown to hold.
Seed 75 was round 15's held-out sample: 140 mentions of its 12 articles, drawn with the linker at commit d906eab and
labelled after round 15's rules were written, with ``correct_ids`` for wrong links; no rule was written from its misses:
0.929 as drawn (130 right of 140, ``heldout_before_precision``) and 0.928 after the rules as first written (129 of 139:
'Support for Israel' lost as a 'for' name, recall proxy 0.992); the 'for' rule then left out a word opening its sentence
that the tagger reads as no name, read from that loss, so the figure now, 0.929 with recall proxy 1.0, is no longer
wholly held out. Its misses: 'Bibi' (Netanyahu's nickname), 'Kendal Unruh' by her surname tagged an organisation, a
Georgia (US state) businessman placed in the country Georgia (three mentions), Mickey Mouse, 'Sikh Americans for Trump',
'trips to Israel', the State of the Union Address, Jerusalem as a capital. Not met: precision 0.95 on held-out mentions
(seed 75: 0.929). Its misses were read in round 16.
Before round 15, the held-out figure (``heldout_*``) came from seed 69, 140 mentions of its 12 articles, drawn with
round 13's linker (commit d51a150) before any round-14 rule was written and kept unread until round 14's fixes were
committed (df0121a), then labelled, with ``correct_ids`` for wrong links; no rule was written from it: 0.957 as drawn
(134 right of 140, ``heldout_before_precision``) and 0.957 now, recall proxy 1.0, 705 linked mentions on its articles
before and after. Its misses: 'BLM' of Black Lives Matter linked as the Bureau of Land Management twice, a records
system's acronym ('a system known as SMART'), the Associated Press misspelt ('the Associates Press'), 'The Ted Cruz
Super PAC' as the man, 'her testimony on Capitol Hill' as Congress. Not met: the held-out seed reaches 0.95 (0.957), but
the last seeds read, scored before any rule written from them, do not (seeds 70-72: 0.933). Each seed draws its
documents from those the seeds before it left, so adding a seed changes no earlier draw. (The described-persons
sample drew its 30 articles from a pool without the events sample's articles, so its draw of seeds 31-38 was
not theirs: 7 of its articles are also seed 31-38 articles; seeds 40 on leave both out.) Beside it: how many
mentions the linker links on those documents now and before round 9 (``heldout_doc_mentions``,
``heldout_doc_mentions_before``: the recall proxy for it, where precision bought by dropping links would show).
A label on a bare first name ('person:katie', 'Katie Jenkin by her first name') counts right when the mention is
now linked to the full name it opens. ``--sample N`` prints a fresh sample of N mentions as JSON lines (for
labelling) and stops; with ``--heldout`` from the documents of ``--seed`` (24 to 64) by that seed.

Persons the knowledge base does not know, placed by the article's description (``actors/described.py``:
'Vermont Sen. Bernie Sanders' USA LEG, 'MSNBC host Joe Scarborough' MED): the labels above were drawn from
what the linker linked before, so these links are in none of them. ``described_*``: a sample of its own
(``benchmarks/data/described_persons.jsonl``), 60 mentions drawn with seed 39 from the mentions the linker
places by a description on DESCRIBED_DOCS PolNeAR train articles that no seed above and no sentence of the
events benchmark's PolNeAR sample uses (``described_inputs``): only the mentions whose actor (id, country,
sector) differs from the linker's at commit 9f8ae14, the one before the descriptions. Drawn and labelled
after the rules were written, by reading the article: right where the person is the one named and the
country (or none, where the description names none) and the sector are the person's; a wrong one carries
``correct`` [country, sector] where there is one; a right one placed with no country carries
``article_country`` where the article's description names one the linker did not read then ('(R-TX)',
'Fla.'). A mention counts right while linked to the same person with the labelled-right sector and country
(or that country). Scored as drawn: 56 right of 60 (0.933, ``described_as_drawn_precision``):
three mentions of 'the former senator from Minnesota' placed as LEG (a former official is ELI, as the words
before a name already said) and a party convention's 'delegate' as LEG; both were then fixed (an appositive's
'former' gives ELI; Phoenix's DELEGATE left out), so the figure after them is in-sample. An appositive's title
before 'of', 'at' or 'for' and a body's name ('host of MSNBC's “Morning Joe”') was added after the draw; it
changes no mention of the sample. So do the AP stylebook's state abbreviations ('Fla. Gov.') and Congress's
party-and-state brackets ('(I-Vt.)'), added after the draw: seven mentions of the sample gain the USA, labelled
``article_country`` then.
``described_doc_mentions``: mentions of persons the knowledge base does not know that the linker places with
a country or a sector on those articles now (91 mentions there changed placement against 9f8ae14's linker).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, SHARED, emit, machine, versions  # noqa: E402

CORPUS = SHARED / "corpus"
ECBPLUS = CORPUS / "clustering" / "ecbplus" / "documents.jsonl"
GVC = CORPUS / "clustering" / "gvc" / "documents.jsonl"
SEEDS = CORPUS / "seeds"
LABELS = REPO / "benchmarks" / "data" / "actor_links.jsonl"
SAMPLE_SEED = 20  # the random sample that was labelled (drawn before the issue-20 fixes)
# ECB+ train samples (seeds 23-30): 60 documents of other topics each, none of the ones before; in-sample now
ECB_TRAIN_SEEDS = (23, 24, 25, 26, 27, 28, 29, 30)
HELDOUT_SEED = 88  # the held-out sample: the 220 PLOVER gsr-dev sentences (no actor sample or rule read them)
# ECB+ train subtopics of TOPICS_IN_TESTS whose records no test, no benchmark sample and no actor seed names (seed
# 84's pool: 1_ecbplus, Lindsay Lohan's rehab in 2013; 3_ecbplus, a Texas inmate's escape in 2009)
ECB_CLEAN_SUBTOPICS = frozenset({"1_ecbplus", "3_ecbplus"})
ECB_CLEAN_SEEDS = frozenset({84})
# seed 85's pool: the WCXB dev pages that are news (listed by site and title before any linking), their gold main text
WCXB = CORPUS / "extraction" / "wcxb-dev-articles" / "truth.json"
WCXB_NEWS = REPO / "benchmarks" / "data" / "wcxb_news_pages.tsv"
WCXB_SEEDS = frozenset({85})
# seed 86's pool: the scrapinghub article pages that are news (listed by site and title before any linking), their
# gold article body
SCRAPINGHUB = CORPUS / "extraction" / "scrapinghub" / "ground-truth.json"
SCRAPINGHUB_NEWS = REPO / "benchmarks" / "data" / "scrapinghub_news_pages.tsv"
SCRAPINGHUB_SEEDS = frozenset({86})
# seed 87's pool: the TimeBank articles (news of 1989-98; the dates benchmark reads them, no actor sample or rule did)
TIMEBANK = CORPUS / "dates" / "timebank.jsonl"
TIMEBANK_SEEDS = frozenset({87})
# seed 88's pool: the PLOVER gsr-dev sentences (edited CAMEO-manual examples; the events benchmark tunes on them, no
# actor sample or actor-linking rule read them), each record's text one document
GSR_DEV = CORPUS / "events" / "plover" / "gsr-dev.jsonl"
GSR_SEEDS = frozenset({88})
# each draws from the documents the ones before left, so every seed's draw stays the same when one is added
# (prefix of its figures, its labels' ``set``, the seed whose documents hold it; None: the dev documents)
SAMPLES: tuple[tuple[str, str, int | None], ...] = (
    ("sample21_", "heldout-21", None),
    ("sample22_", "heldout-22", None),
    ("sample23_", "heldout-23", 23),
    ("sample24_", "heldout-24", 24),
    *((f"sample{n}_", f"seed{n}", n) for n in (25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 40, 41, 42)),
    *((f"sample{n}_", f"seed{n}", n) for n in (43, 44, 45, 46, 47, 48)),
    *((f"sample{n}_", f"seed{n}", n) for n in (49, 50, 51, 52, 54, 55, 56)),
    *((f"sample{n}_", f"seed{n}", n) for n in (53, 58, 59, 60)),
    *((f"sample{n}_", f"seed{n}", n) for n in (57, 62, 63, 64)),
    *((f"sample{n}_", f"seed{n}", n) for n in (61, 66, 67, 68)),
    *((f"sample{n}_", f"seed{n}", n) for n in (65, 70, 71, 72)),
    *((f"sample{n}_", f"seed{n}", n) for n in (69, 73, 74)),
    *((f"sample{n}_", f"seed{n}", n) for n in (75, 76, 77)),
    *((f"sample{n}_", f"seed{n}", n) for n in (78, 79, 80)),
    ("sample81_", "seed81", 81),
    ("sample82_", "seed82", 82),
    ("sample83_", "seed83", 83),
    ("sample84_", "seed84", 84),
    ("sample85_", "seed85", 85),
    ("sample86_", "seed86", 86),
    ("sample87_", "seed87", 87),
    ("heldout_", f"seed{HELDOUT_SEED}", HELDOUT_SEED),
)
HELDOUT_DOCS = 60  # documents drawn per seed from those topics (seed 30: the 17 that seeds 23-29 left)
# round 5's source: PolNeAR train articles (political news, 2015-16; the quotes benchmark scores PolNeAR dev),
# minus those a test of this repository reads; each seed draws POLNEAR_DOCS from those the seeds before it left
POLNEAR_TRAIN = CORPUS / "quotes" / "polnear" / "train" / "text"
# round 18's source beside the last train articles: PolNeAR dev (the quotes benchmark scores its quotes, never actor
# links, so no actor rule was written from it)
POLNEAR_DEV = CORPUS / "quotes" / "polnear" / "dev" / "text"
POLNEAR_IN_TESTS = frozenset(
    {
        "breitbart_2016-01-10_trump-tells-in-reno",
        "huff-post_2015-12-08_the-biggest-blow",
        "huff-post_2016-08-31_france-s-marine-le-pen",
        "nyt_2016-02-09_rubio-is-tested",
        "usa-today_2015-12-14_on-the-islamic",
        "wash-post_2016-02-19_gowdy-promises",
    }
)
POLNEAR_SEEDS = (31, 32, 33, 34, 35, 36, 37, 38, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56)
POLNEAR_SEEDS += (57, 58, 59, 60)  # round 11's, drawn with round 10's linker (commit baa583c)
POLNEAR_SEEDS += (61, 62, 63, 64)  # round 12's, drawn with round 11's linker (commit 48be9d7)
POLNEAR_SEEDS += (65, 66, 67, 68)  # round 13's, drawn with the linker after round 13's part 1 (commit f976c13)
POLNEAR_SEEDS += (69, 70, 71, 72)  # round 14's, drawn with round 13's linker (commit d51a150)
POLNEAR_SEEDS += (73, 74, 75)  # round 15's, drawn with the linker at commit d906eab
POLNEAR_SEEDS += (76, 77, 78)  # round 16's, drawn with the linker at commit b5fb285
POLNEAR_SEEDS += (79, 80, 81)  # round 17's, drawn with the linker at commit 4520910, 60 articles each
POLNEAR_SEEDS += (82,)  # round 18's, drawn with the linker at commit 516abc3 from the train articles left and dev
POLNEAR_SEEDS += (83,)  # round 19's, drawn with the linker at commit 20cd0c7 from the articles the seeds before left
POLNEAR_DOCS = 12
POLNEAR_DOCS_OF = {79: 60, 80: 60, 81: 60, 82: 60, 83: 34}  # seeds that draw more articles than POLNEAR_DOCS
POLNEAR_DEV_SEEDS = frozenset({82})  # seeds whose pool takes the PolNeAR dev articles in too
# seeds whose pool also leaves out the articles of every set of the events benchmark's PolNeAR sample (events and
# actor-coding rules were written from sets C-H)
POLNEAR_CLEAN_SEEDS = frozenset({83})
# ECB+ train topics a test of this repository reads (tests/): rules may have been written from them
TOPICS_IN_TESTS = frozenset({"1", "3", "4", "16", "20", "28"})
# linked mentions on the seed-69 documents with the linker before round 14's fixes (actors as of commit d51a150, this
# script's all_mentions() on the same parsed documents; the seed-69 sample was drawn from them then and labelled after
# the fixes), and on the 278 dev documents with the linker before item 6 (commit 475bc7d);
# seed 65 (round 13's held-out sample): 535 linked mentions before round 13's part 2, 132 right of 140 as drawn (0.943);
# seed 61 (round 12's held-out sample): 590 linked mentions before round 12, 131 right of 140 as drawn (0.936);
# seed 57 (round 11's held-out sample): 502 linked mentions before round 11, 134 right of 140 as drawn (0.957);
# seed 53 (round 10's held-out sample): 592 linked mentions before round 10, 132 right of 140 as drawn (0.943);
# seed 49 (round 9's held-out sample): 393 linked mentions before round 9, 114 right of 140 as drawn (0.814);
# seed 48 (round 8's held-out sample): 490 linked mentions before round 8, 119 right of 140 as drawn (0.850);
# seed 43 (round 7's held-out sample): 470 linked mentions before round 7, 128 right of 140 as drawn (0.914);
# seed 38 (round 6's): 459 before round 6, 0.879 as drawn; seed 34 (round 5's): 398 before round 5, 0.879
# seed 69 (round 14's held-out sample): 705 linked mentions before round 14, 134 right of 140 as drawn (0.957);
# seed 75 (round 15's): 559 linked mentions with the linker of commit d906eab, the draw's, 130 right of 140 (0.929);
# seed 78 (round 16's): 593 linked mentions with the linker of commit b5fb285, the draw's
# seed 78 (round 16's): 593 linked mentions with the linker of commit b5fb285, the draw's, 113 right of 140 (0.807);
# seed 81 (round 17's): 2857 linked mentions on its 60 articles with the linker of commit 4520910, the draw's;
# seed 82 (round 18's): 2286 linked mentions on its 60 articles with the linker of commit 516abc3, the draw's;
# seed 83 (round 19's): 1648 linked mentions on its 34 articles with the linker of commit 20cd0c7, the draw's
# seed 84 (round 20's): 174 linked mentions on its 32 records with the linker of commit d478083, the draw's;
# seed 85 (round 21's): 608 linked mentions on its 24 pages with the linker of commit adac9fa, the draw's;
# seed 86 (round 22's): 2866 linked mentions on its 111 pages with the linker of commit 8b86cee, the draw's;
# seed 87 (round 23's): 2862 linked mentions on the 183 TimeBank articles with the linker of commit 9bdc24d, the draw's;
# seed 88 (round 24's): 528 linked mentions on the 220 gsr-dev records with the linker of commit ca7561d, the draw's
HELDOUT_DOC_MENTIONS_BEFORE = 528
HELDOUT_PRECISION_BEFORE = 0.95  # the seed-88 sample with that linker (its labels as drawn: 133 right of 140)
# the first PolNeAR sample (seed 31) scored before any rule was written from that source: the honest held-out
# figure of round 4's linker on a new source (114 right of 140); seed 30 with the linker before round 4: 0.907;
# seed 35, drawn and labelled before round 6 wrote any rule: round 5's linker held out (120 right of 140); seeds
# 40-42, drawn and labelled before round 7 wrote any rule: round 6's linker held out (125, 124 and 127 of 140)
# seeds 44-47, drawn with round 7's linker (commit 7fb3b16) and labelled before round 8 wrote any rule: round 7's
# linker held out (125, 131, 132 and 125 right of 140); seeds 50-52, drawn with round 8's linker (commit e95f08e)
# and labelled before round 9 wrote any rule: round 8's linker held out (131, 124 and 129 right of 140); seed 49,
# round 9's held-out sample as drawn (114 of 140); seeds 54-56, drawn with round 9's linker (commit 56581fe) and
# labelled before round 10 wrote any rule: round 9's linker held out (132, 129 and 130 right of 140); seed 53,
# round 10's held-out sample as drawn (132 of 140); seeds 58-60, drawn with round 10's linker (commit baa583c) and
# labelled before round 11 wrote any rule: round 10's linker held out (127, 133 and 123 right of 140); seed 57,
# round 11's held-out sample as drawn (134 of 140); seeds 62-64, drawn with round 11's linker (commit 48be9d7) and
# labelled before round 12 wrote any rule: round 11's linker held out (120, 136 and 133 right of 140); seeds 66-68,
# drawn with the linker after round 13's part 1 (commit f976c13) and labelled before round 13's part 2 wrote any
# rule: that linker held out (133, 133 and 132 right of 140); seed 61, round 12's held-out sample as drawn (131);
# seeds 70-72, drawn with round 13's linker (commit d51a150) and labelled before round 14 wrote any rule: that linker
# held out (134, 127 and 131 right of 140); seed 65, round 13's held-out sample as drawn (132); seeds 73 and 74, drawn
# with the linker at commit d906eab and labelled before round 15 wrote any rule: that linker held out (129 and 131
# right of 140); seed 69, round 14's held-out sample as drawn (134); seeds 76 and 77, drawn with the linker at commit
# b5fb285 and labelled before round 16 wrote any rule: that linker held out (127 and 129 right of 140); seed 75, round
# 15's held-out sample as drawn (130); seed 81, round 17's held-out sample as drawn (131); seeds 84 and 85, rounds 20's
# and 21's held-out samples as drawn (116 and 107); seed 86, round 22's held-out sample as drawn (115); seed 87, round
# 23's held-out sample as drawn (123)
SOURCE_HELDOUT_PRECISION_BEFORE = {
    87: 0.879,
    86: 0.821,
    85: 0.764,
    84: 0.829,
    83: 0.914,
    82: 0.957,
    81: 0.936,
    78: 0.807,
    79: 0.943,
    80: 0.914,
    75: 0.929,
    76: 0.907,
    77: 0.921,
    69: 0.957,
    73: 0.921,
    74: 0.936,
    65: 0.943,
    70: 0.957,
    71: 0.907,
    72: 0.936,
    61: 0.936,
    66: 0.95,
    67: 0.95,
    68: 0.943,
    57: 0.957,
    62: 0.857,
    63: 0.971,
    64: 0.95,
    53: 0.943,
    58: 0.907,
    59: 0.95,
    60: 0.879,
    49: 0.814,
    54: 0.943,
    55: 0.921,
    56: 0.929,
    48: 0.85,
    50: 0.936,
    51: 0.886,
    52: 0.921,
    43: 0.914,
    44: 0.893,
    45: 0.936,
    46: 0.943,
    47: 0.893,
    40: 0.893,
    41: 0.886,
    42: 0.907,
    38: 0.879,
    35: 0.857,
    31: 0.814,
    30: 0.907,
}
MENTIONS_BEFORE = 3413
DESCRIBED = REPO / "benchmarks" / "data" / "described_persons.jsonl"
DESCRIBED_SEED = 39  # PolNeAR train articles no seed above and no events-benchmark sentence uses
DESCRIBED_DOCS = 30
EVENTS_POLNEAR = REPO / "benchmarks" / "data" / "plover_polnear_sample.jsonl"
# the events sample's sets when seeds 40-56 were drawn (set C came after, commit 5619fdd, and changes no draw)
EVENTS_SETS = frozenset({"A", "B"})
DESCRIBED_AS_DRAWN_PRECISION = 0.933  # 56 right of 60, the linker the sample was drawn from (before its fixes)
FOLD_SEED = 2020  # documents -> two folds
GENERATIONAL = re.compile(r"-(?:jr|sr|ii|iii|iv)$")  # a generational suffix closing a person's id
BATCH = 16


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="last line of output: one JSON object")
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep parsed (pre-actor) articles in")
    parser.add_argument("--labels", type=Path, default=LABELS, help=f"labelled mentions (default {LABELS})")
    parser.add_argument("--sample", type=int, default=0, help="print a random sample of N mentions and stop")
    parser.add_argument(
        "--heldout",
        action="store_true",
        help="with --sample: draw from the documents of --seed (ECB+ train, other topics; PolNeAR train)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=HELDOUT_SEED,
        choices=sorted({n for _, _, n in SAMPLES if n is not None and n > 23} | set(POLNEAR_SEEDS)),
        help=f"with --sample --heldout: the documents and the draw of this seed (default {HELDOUT_SEED})",
    )
    parser.add_argument("--misses", type=int, default=40, help="misses to print")
    return parser.parse_args(argv)


# ---------------------------------------------------------------------- documents, as ingest reads them


def dev_inputs() -> list[tuple[str, bytes]]:
    """(path, bytes) per input file: the dev records of ECB+ and GVC (JSON lines) and the seed texts."""
    out = []
    for path in (ECBPLUS, GVC):
        lines = [line for line in path.read_bytes().splitlines(keepends=True) if line.strip()]
        out.append((str(path), b"".join(line for line in lines if json.loads(line).get("split") == "dev")))
    out.extend((str(p), p.read_bytes()) for p in sorted(SEEDS.glob("*.txt")))
    return out


def train_inputs(seed: int) -> list[tuple[str, bytes]]:
    """HELDOUT_DOCS ECB+ train records of topics that are in no dev split and no test: seed 23 draws from
    all of them, seed 24 from those seed 23 left, seed 25 from those seeds 23 and 24 left."""
    lines = [line for line in ECBPLUS.read_bytes().splitlines(keepends=True) if line.strip()]
    records = [(json.loads(line), line) for line in lines]
    dev_topics = {r["doc_id"].split("_")[0] for r, _ in records if r.get("split") == "dev"}
    pool = sorted(
        (r["doc_id"], line)
        for r, line in records
        if r.get("split") == "train" and r["doc_id"].split("_")[0] not in dev_topics | TOPICS_IN_TESTS
    )
    for drawn in ECB_TRAIN_SEEDS[: ECB_TRAIN_SEEDS.index(seed) + 1]:
        chosen = random.Random(drawn).sample(pool, min(HELDOUT_DOCS, len(pool)))
        pool = [d for d in pool if d not in chosen]
    return [(str(ECBPLUS), b"".join(line for _, line in sorted(chosen)))]


def clean_subtopic_inputs() -> list[tuple[str, bytes]]:
    """Every ECB+ train record of ECB_CLEAN_SUBTOPICS, as one JSON-lines input."""
    lines = [line for line in ECBPLUS.read_bytes().splitlines(keepends=True) if line.strip()]
    records = [(json.loads(line), line) for line in lines]
    kept = sorted(
        (r["doc_id"], line) for r, line in records if r.get("split") == "train" and r["subtopic"] in ECB_CLEAN_SUBTOPICS
    )
    return [(str(ECBPLUS), b"".join(line for _, line in kept))]


def wcxb_news_inputs() -> list[tuple[str, bytes]]:
    """The WCXB dev pages of WCXB_NEWS as one JSON-lines input: each page's gold main text with its title, date,
    author and address (the page's id, 'wcxb-0031', is the document's)."""
    truth = json.loads(WCXB.read_text(encoding="utf-8"))
    lines = []
    for page in wcxb_news_pages():
        fields = truth[page]
        record = {
            "id": f"wcxb-{page}",
            "title": fields["title"],
            "published": fields["publish_date"],
            "author": fields["author"],
            "url": fields["url"],
            "text": fields["main_content"],
        }
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return [(str(WCXB.with_name("news-pages.jsonl")), "".join(lines).encode("utf-8"))]


def wcxb_news_pages() -> list[str]:
    return listed_pages(WCXB_NEWS)


def listed_pages(listing: Path) -> list[str]:
    rows = (line.split("\t")[0] for line in listing.read_text(encoding="utf-8").splitlines())
    return [page for page in rows if page and not page.startswith("#")]


def scrapinghub_news_inputs() -> list[tuple[str, bytes]]:
    """The scrapinghub pages of SCRAPINGHUB_NEWS as one JSON-lines input: each page's gold article body with its
    address and an empty title (the gold body has none; the HTML title carries the site's name), the page's id cut to
    12 hex digits the document's ('scrapinghub-70cb2d5b0cf4')."""
    truth = json.loads(SCRAPINGHUB.read_text(encoding="utf-8"))
    by_short = {page[:12]: fields for page, fields in truth.items()}
    lines = []
    for page in listed_pages(SCRAPINGHUB_NEWS):
        fields = by_short[page]
        record = {"id": f"scrapinghub-{page}", "title": "", "url": fields["url"], "text": fields["articleBody"]}
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return [(str(SCRAPINGHUB.with_name("news-pages.jsonl")), "".join(lines).encode("utf-8"))]


def timebank_inputs() -> list[tuple[str, bytes]]:
    """Every TimeBank article as one JSON-lines input, as the dates benchmark ingests it: its id, an empty title, its
    ``dct`` as the publication date and its text."""
    lines = []
    for line in TIMEBANK.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            record = {"id": doc["doc_id"], "title": "", "published": doc["dct"][:10], "text": doc["text"]}
            lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return [(str(TIMEBANK), "".join(lines).encode("utf-8"))]


def gsr_inputs() -> list[tuple[str, bytes]]:
    """Every PLOVER gsr-dev record as one JSON-lines input: its id, an empty title and its text, with no date (the
    records' 2000-01-01 is a placeholder: the sentences carry no real date)."""
    lines = []
    for line in GSR_DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            lines.append(json.dumps({"id": rec["id"], "title": "", "text": rec["text"]}, ensure_ascii=False) + "\n")
    return [(str(GSR_DEV), "".join(lines).encode("utf-8"))]


def polnear_pool(folder: Path = POLNEAR_TRAIN) -> list[Path]:
    """PolNeAR train (or dev) articles no test reads."""
    return sorted(p for p in folder.glob("*.txt") if not any(p.stem.startswith(name) for name in POLNEAR_IN_TESTS))


def events_polnear_articles(sets: frozenset[str] | None = EVENTS_SETS) -> set[str]:
    """The articles of the events benchmark's PolNeAR sample as the seeds after DESCRIBED_SEED left them out:
    its sets EVENTS_SETS (a set it draws later leaves every seed's draw as it was); ``sets=None``: every set."""
    rows = (json.loads(line) for line in open(EVENTS_POLNEAR, encoding="utf-8") if line.strip())
    return {r["id"].split("/")[0] for r in rows if sets is None or r.get("set", "A") in sets}


def polnear_inputs(seed: int) -> list[tuple[str, bytes]]:
    """POLNEAR_DOCS PolNeAR train articles no test reads: seed 31 draws from all of them, seed 32 from
    those seed 31 left, and so on; the seeds after DESCRIBED_SEED (round 7) also leave out the described
    sample's articles and the events benchmark's PolNeAR articles."""
    pool = polnear_pool()
    for drawn in POLNEAR_SEEDS[: POLNEAR_SEEDS.index(seed) + 1]:
        if drawn > DESCRIBED_SEED:
            used = {Path(path) for path, _ in described_inputs()}
            events = events_polnear_articles()
            pool = [p for p in pool if p not in used and p.stem not in events]
        if drawn in POLNEAR_DEV_SEEDS:
            pool = sorted({*pool, *polnear_pool(POLNEAR_DEV)})
        if drawn in POLNEAR_CLEAN_SEEDS:
            events = events_polnear_articles(None)
            pool = [p for p in pool if p.stem not in events]
        chosen = random.Random(drawn).sample(pool, POLNEAR_DOCS_OF.get(drawn, POLNEAR_DOCS))
        pool = [p for p in pool if p not in chosen]
    return [(str(p), p.read_bytes()) for p in sorted(chosen)]


def described_inputs() -> list[tuple[str, bytes]]:
    """DESCRIBED_DOCS PolNeAR train articles drawn with DESCRIBED_SEED from those the PolNeAR seeds before it
    left, without the articles of the events benchmark's PolNeAR sample."""
    events = events_polnear_articles()
    pool = [p for p in polnear_pool() if p.stem not in events]
    for drawn in (n for n in POLNEAR_SEEDS if n < DESCRIBED_SEED):
        chosen = random.Random(drawn).sample(pool, POLNEAR_DOCS)
        pool = [p for p in pool if p not in chosen]
    chosen = random.Random(DESCRIBED_SEED).sample(pool, DESCRIBED_DOCS)
    return [(str(p), p.read_bytes()) for p in sorted(chosen)]


def is_described(m: dict[str, Any]) -> bool:
    """A person the knowledge base does not know, placed with a country or a sector (by a description, or
    by a title the linker read before: 'Senator Jane Roe')."""
    from newsfuse.actors import get_kb

    aid = str(m["actor_id"])
    return aid.startswith("person:") and aid not in get_kb().entries and bool(m["country"] or m["sector"])


def described_verdict(label: dict[str, Any], now: dict[str, Any] | None, report: str | None = None) -> str:
    """right / wrong for a described person still placed, 'unlinked' where the mention lost its placement.
    ``report``: the country the mention's article is about (``offices.report_country`` over the article's
    linked mentions); a person labelled right with no country (the description named none) counts right in
    the labelled sector with that country too, as the linker places an office holder since round 11."""
    if now is None or not (now["country"] or now["sector"]):
        return "unlinked"
    if not same_actor(now["actor_id"], label["actor_id"]):
        return "wrong"
    if label["label"] == "right":
        wants = [[label["country"], label["sector"]], [label.get("article_country"), label["sector"]]]
        if report and label["country"] is None and label.get("article_country") is None:
            wants.append([report, label["sector"]])
    else:
        wants = [list(label["correct"])] if label.get("correct") else []
    return "right" if [now["country"], now["sector"]] in wants else "wrong"


def report_countries(mentions: list[dict[str, Any]]) -> dict[str, str | None]:
    """doc -> the country its report is about (``offices.report_country`` over its linked mentions)."""
    from newsfuse.actors.offices import report_country

    by_doc: dict[str, list[tuple[int, str]]] = {}
    for m in mentions:
        by_doc.setdefault(m["doc"], [])
        if m["country"]:
            by_doc[m["doc"]].append((m["start"], m["country"]))
    return {doc: report_country(countries) for doc, countries in by_doc.items()}


def described_figures(cache: Path | None, path: Path = DESCRIBED) -> dict[str, Any]:
    """The described-persons sample scored against the linker now."""
    mentions, texts = all_mentions(cache, described_inputs())
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_doc.setdefault(m["doc"], []).append(m)
    labels = read_labels(path) if path.exists() else []
    report = report_countries(mentions)
    rows = [(lab, described_verdict(lab, find_again(lab, by_doc, texts), report.get(lab["doc"]))) for lab in labels]
    strict = [(lab, described_verdict(lab, find_again(lab, by_doc, texts))) for lab in labels]
    out = {f"described_{k}": v for k, v in score(rows).items()}
    out["described_strict_precision"] = score(strict)["precision"]  # the labelled country (or none) only
    out["described_seed"] = DESCRIBED_SEED
    out["described_as_drawn_precision"] = DESCRIBED_AS_DRAWN_PRECISION
    out["described_documents"] = len(texts)
    out["described_doc_mentions"] = sum(1 for m in mentions if is_described(m))
    return out


def seed_inputs(seed: int) -> list[tuple[str, bytes]]:
    """The documents a sample seed draws from: ECB+ train records (23-30, 84), PolNeAR articles (31-83) or the WCXB
    dev news pages (85), the scrapinghub news pages (86), the TimeBank articles (87) or the PLOVER gsr-dev
    sentences (88)."""
    if seed in ECB_CLEAN_SEEDS:
        return clean_subtopic_inputs()
    if seed in WCXB_SEEDS:
        return wcxb_news_inputs()
    if seed in SCRAPINGHUB_SEEDS:
        return scrapinghub_news_inputs()
    if seed in TIMEBANK_SEEDS:
        return timebank_inputs()
    if seed in GSR_SEEDS:
        return gsr_inputs()
    return polnear_inputs(seed) if seed in POLNEAR_SEEDS else train_inputs(seed)


def doc_key(article: Any) -> str:
    return str(article.external_id or Path(article.source_path).name)


def parsed(cache: Path | None, inputs: list[tuple[str, bytes]]) -> list[Any]:
    """Cleaned and parsed articles (nlp.annotate output, capped as the pipeline caps them)."""
    from newsfuse import nlp, pipeline
    from newsfuse.model import InputFile

    digest = hashlib.sha256(b"".join(data for _, data in inputs)).hexdigest()[:16]
    cached = cache / f"actors-parsed-{digest}.pkl" if cache else None
    if cached and cached.exists():
        with open(cached, "rb") as fh:
            return pickle.load(fh)
    articles = [a for path, data in inputs for a in pipeline.read_and_clean(InputFile.of(path, data))[1]]
    out = []
    for start in range(0, len(articles), BATCH):
        out.extend(nlp.annotate(articles[start : start + BATCH]))
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with open(cached, "wb") as fh:
            pickle.dump(out, fh)
    return out


def linked(annotated: Any) -> Any:
    """``actors.link`` on what the parser saw, as ``pipeline._analyse_one`` calls it."""
    import dataclasses

    from newsfuse import actors, analysis

    if annotated.analysed_chars is not None:
        part = analysis.analysed_part(annotated.article, annotated.analysed_chars)
        annotated = dataclasses.replace(annotated, article=part)
    return actors.link(annotated)


def mentions_of(annotated: Any) -> list[dict[str, Any]]:
    """Every linked actor mention with its sentence (not the bare names kept for the event stage)."""
    text = annotated.article.text
    sents = sorted(annotated.sentences, key=lambda s: s.start)
    out = []
    for m in (m for m in annotated.actors if not m.bare):
        sent = next((s for s in sents if s.start <= m.start < s.end), None)
        s0, s1 = (sent.start, sent.end) if sent else (max(m.start - 150, 0), min(m.end + 150, len(text)))
        a = m.actor
        out.append(
            {
                "doc": doc_key(annotated.article),
                "sentence": text[s0:s1],
                "offset": m.start - s0,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "actor_id": a.actor_id,
                "name": a.name,
                "country": a.country,
                "sector": a.sector,
                "role": a.role,
                "source": m.source,
            }
        )
    return out


def all_mentions(
    cache: Path | None, inputs: list[tuple[str, bytes]] | None = None
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """(mentions, doc -> article text) over every dev document (or the documents of ``inputs``)."""
    mentions, texts = [], {}
    for ann in parsed(cache, dev_inputs() if inputs is None else inputs):
        done = linked(ann)
        texts[doc_key(ann.article)] = done.article.text
        mentions.extend(mentions_of(done))
    return mentions, texts


# ---------------------------------------------------------------------- scoring


def folds(docs: Sequence[str]) -> dict[str, int]:
    order = sorted(set(docs))
    random.Random(FOLD_SEED).shuffle(order)
    return {d: n % 2 for n, d in enumerate(order)}


def find_again(label: dict[str, Any], by_doc: dict[str, list[dict[str, Any]]], texts: dict[str, str]) -> dict | None:
    """The current mention at the labelled words (same document, sentence and offset in it), or None.
    Several actors on the same words ('the two leaders'): the labelled actor id first."""
    text = texts.get(label["doc"], "")
    start = labelled_start(label, text)
    if start is None:
        return None
    end = start + len(label["text"])
    over = [m for m in by_doc.get(label["doc"], []) if m["start"] < end and start < m["end"]]
    if not over:
        return None
    same = [m for m in over if m["actor_id"] == label["actor_id"]]
    return (same or over)[0]


def labelled_start(label: dict[str, Any], text: str) -> int | None:
    """Where the labelled words start in the article text: their sentence found word for word, whatever the spaces
    between the words (the cleaner now sets a wire dateline labelled with its sentence, 'Mannheim , Germany
    ( Sports Network ) - Wladimir Klitschko ...', apart in a block of its own), at the labelled offset counted in
    the words' letters."""
    at = text.find(label["sentence"])
    if at >= 0:
        return at + label["offset"]
    found = re.search(r"\s+".join(re.escape(w) for w in label["sentence"].split()), text)
    if found is None:
        return None
    letters = sum(not c.isspace() for c in label["sentence"][: label["offset"]])
    pos = found.start()
    while letters or text[pos].isspace():
        letters -= not text[pos].isspace()
        pos += 1
    return pos


def verdict(label: dict[str, Any], now: dict[str, Any] | None) -> str:
    """right / wrong / not_an_actor for a still-linked mention, 'unlinked' otherwise. A mention labelled
    right counts right only while linked to the same actor; one labelled wrong turns right when linked
    to an identity its ``correct_ids`` patterns allow."""
    if now is None:
        return "unlinked"
    if label["label"] == "right":
        return "right" if same_actor(now["actor_id"], label["actor_id"]) else "wrong"
    if label["label"] == "wrong" and any(fnmatch(now["actor_id"] or "", p) for p in label.get("correct_ids", [])):
        return "right"
    if label["label"] == "wrong" and placed_as_labelled(label, now):
        return "right"
    return label["label"]


def placed_as_labelled(label: dict[str, Any], now: dict[str, Any]) -> bool:
    """A wrong link of the right person in the wrong place (labelled since round 19 with ``correct_placements``,
    [country, sector] pairs: 'Patrick J. Leahy, Democrat of Vermont' in the party sector, [USA, LEG]) turns right
    when the same person is now placed as one of them ([null, null]: placed nowhere, as an unknown person is)."""
    wants = label.get("correct_placements", [])
    return bool(wants) and same_actor(now["actor_id"], label["actor_id"]) and [now["country"], now["sector"]] in wants


def same_actor(now: str | None, then: str | None) -> bool:
    """The same id, or the same unlinked person written with or without a title or first name
    ('person:dr-sanjay-gupta' and 'person:sanjay-gupta'), or a person labelled by the first name alone and
    now linked to the full name that begins with it ('person:katie', labelled 'Katie Jenkin by her first
    name', and 'person:katie-jenkin')."""
    if now == then or (now and then and _without_article(now) == _without_article(then)):
        return True
    if now and then and _acronym_of(then, now):
        return True
    if not (now and then and now.startswith("person:") and then.startswith("person:")):
        return False
    a, b = GENERATIONAL.sub("", now[7:]), GENERATIONAL.sub("", then[7:])  # 'anthony-lacalamita-iii' is 'lacalamita'
    if initials_left_out(a, b):  # 'james-comey' (the knowledge base's) and 'james-b-comey' (the text's)
        return True
    return a.endswith("-" + b) or b.endswith("-" + a) or ("-" not in b and a.startswith(b + "-"))


def _without_article(ident: str) -> str:
    """An unlinked body's id without a leading article: 'org:the-biologos-foundation' (labelled before ids
    dropped it) is 'org:biologos-foundation'."""
    return "org:" + ident[8:] if ident.startswith("org:the-") else ident


def _acronym_of(acronym_id: str, long_id: str) -> bool:
    """An unlinked acronym's id and the id of an unlinked name its letters spell ('org:dlc' labelled, before an
    acronym the article defines took its long form's id, and 'org:democratic-leadership-council'): one body."""
    from newsfuse.actors.acronyms import spells

    if not (acronym_id.startswith("org:") and long_id.startswith("org:")) or "-" in acronym_id[4:]:
        return False
    words = [w if w in LINKING_WORDS else w.capitalize() for w in _without_article(long_id)[4:].split("-")]
    return len(words) > 1 and spells(acronym_id[4:].upper(), " ".join(words))


LINKING_WORDS = frozenset({"of", "and", "for", "the", "in", "on", "to"})


def initials_left_out(a: str, b: str) -> bool:
    """Two persons' ids alike but for middle initials that one of them writes and the other leaves out ('james-comey',
    'james-b-comey'; 'lindsey-graham', 'lindsey-o-graham'): one person, unless the knowledge base holds both as
    two ('george-bush', 'george-w-bush')."""
    from newsfuse.actors import get_kb

    plain_a, plain_b = _without_initials(a), _without_initials(b)
    if plain_a != plain_b or (plain_a == a) == (plain_b == b):
        return False
    return not (f"person:{a}" in get_kb().entries and f"person:{b}" in get_kb().entries)


def _without_initials(ident: str) -> str:
    parts = ident.split("-")
    return "-".join([parts[0], *(p for p in parts[1:-1] if len(p) > 1), parts[-1]]) if len(parts) > 2 else ident


def score(rows: list[tuple[dict, str]]) -> dict[str, Any]:
    counts = Counter(v for _, v in rows)
    linked_n = sum(counts[k] for k in ("right", "wrong", "not_an_actor"))
    gold_right = sum(1 for lab, _ in rows if lab["label"] == "right")
    kept_right = sum(1 for lab, v in rows if lab["label"] == "right" and v == "right")
    return {
        "labelled": len(rows),
        "linked": linked_n,
        "right": counts["right"],
        "wrong": counts["wrong"],
        "not_an_actor": counts["not_an_actor"],
        "unlinked": counts["unlinked"],
        "precision": round(counts["right"] / linked_n, 3) if linked_n else 0.0,
        "recall_proxy": round(kept_right / gold_right, 3) if gold_right else 0.0,
    }


def read_labels(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    mentions, texts = all_mentions(args.cache)
    by_seed = {n: all_mentions(args.cache, seed_inputs(n)) for _, _, n in SAMPLES if n is not None}
    every = read_labels(args.labels)
    labels = [lab for lab in every if lab.get("set", "sample-20") == "sample-20"]
    if args.sample:
        pool = by_seed[args.seed][0] if args.heldout else mentions
        for m in random.Random(args.seed if args.heldout else SAMPLE_SEED).sample(pool, args.sample):
            print(json.dumps(m, ensure_ascii=False))
        return 0
    by_doc: dict[str, list[dict[str, Any]]] = {}
    texts_all = dict(texts)
    for m in mentions:
        by_doc.setdefault(m["doc"], []).append(m)
    for seed_mentions, seed_texts in by_seed.values():
        texts_all.update(seed_texts)
        for m in seed_mentions:
            by_doc.setdefault(m["doc"], []).append(m)
    fold_of = folds([lab["doc"] for lab in labels])
    found = [find_again(lab, by_doc, texts) for lab in labels]
    rows = [(lab, verdict(lab, now)) for lab, now in zip(labels, found)]
    now_id = {id(lab): (now or {}).get("actor_id") for lab, now in zip(labels, found)}
    base = score([(lab, lab["label"]) for lab in labels])
    figures: dict[str, Any] = {
        "task": "actor linking, hand-labelled dev mentions",
        "documents": len(texts),
        "mentions": len(mentions),
        "mentions_before": MENTIONS_BEFORE,
        "sample_seed": SAMPLE_SEED,
        "fold_seed": FOLD_SEED,
        "before_precision": base["precision"],
        **score(rows),
    }
    for k in (0, 1):
        for name, value in score([r for r in rows if fold_of[r[0]["doc"]] == k]).items():
            figures[f"fold{k + 1}_{name}"] = value
    for prefix, set_name, _ in SAMPLES:
        sample = [lab for lab in every if lab.get("set") == set_name]
        held = [(lab, verdict(lab, find_again(lab, by_doc, texts_all))) for lab in sample]
        for name, value in score(held).items():
            figures[f"{prefix}{name}"] = value
    for seed, before in SOURCE_HELDOUT_PRECISION_BEFORE.items():
        figures[f"sample{seed}_before_precision"] = before
    held_mentions, held_texts = by_seed[HELDOUT_SEED]
    figures["heldout_seed"] = HELDOUT_SEED
    figures["heldout_documents"] = len(held_texts)
    figures["heldout_doc_mentions"] = len(held_mentions)
    figures["heldout_doc_mentions_before"] = HELDOUT_DOC_MENTIONS_BEFORE
    figures["heldout_before_precision"] = HELDOUT_PRECISION_BEFORE
    figures.update(described_figures(args.cache))
    figures.update({"versions": versions("spacy"), "machine": machine()})
    if not args.json:
        misses = [(lab, v) for lab, v in rows if v in {"wrong", "not_an_actor"}]
        lost = [(lab, v) for lab, v in rows if lab["label"] == "right" and v != "right"]
        for lab, v in (misses + lost)[: args.misses]:
            print(
                f"{v:<13} {lab['label']:<13} {lab['text']!r:<24} {lab['actor_id']} -> {now_id[id(lab)]}"
                f"  | {lab['sentence'][:100]!r}"
            )
    emit(figures, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
