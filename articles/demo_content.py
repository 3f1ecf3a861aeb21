"""Demo content for the Collective site: plain data only, loaded by articles/demo.py.

All prose here was written for this demo. Excerpts are paraphrases, not quotations.
"""

CONTRIBUTORS = [
    {
        "slug": "ines-varga",
        "name": "Ines Varga",
        "bio": "Writes on party structures and internal rules for the collective. "
        "Publishes under a pen name.",
        "pseudonymous": True,
    },
    {
        "slug": "tom-aldred",
        "name": "Tom Aldred",
        "bio": "Member of the collective's editorial group; reads party constitutions, "
        "conference documents and accounts so that others do not have to.",
        "pseudonymous": False,
    },
    {
        "slug": "nadia-brook",
        "name": "Nadia Brook",
        "bio": "Researches complaints procedures and safeguarding in voluntary organisations.",
        "pseudonymous": False,
    },
    {
        "slug": "k-sable",
        "name": "K. Sable",
        "bio": "Pen name of a contributor who writes on splits, expulsions and the history "
        "of the far left's internationals.",
        "pseudonymous": True,
    },
    {
        "slug": "owen-marsh",
        "name": "Owen Marsh",
        "bio": "Edits the collective's source files and writes on left-wing publishing "
        "and finance.",
        "pseudonymous": False,
    },
]

ORGANISATIONS = [
    {
        "slug": "imt",
        "short_name": "IMT",
        "full_name": "International Marxist Tendency",
        "other_names": [
            ("Committee for a Marxist International", 1992, 2006),
            ("Revolutionary Communist International", 2024, None),
            ("RCI", 2024, None),
        ],
        "tradition": "Trotskyist",
        "founded": 1992,
        "dissolved": None,
        "status": "renamed",
        "international": True,
        "country": "",
        "parent": None,
        "official_url": "https://www.marxist.com/",
        "wikipedia_url": "https://en.wikipedia.org/wiki/International_Marxist_Tendency",
        "summary": "Trotskyist international formed in 1992 by the minority around Ted Grant "
        "and Alan Woods that left the CWI; known as the IMT from 2006 and as the "
        "Revolutionary Communist International since 2024.",
        "body": [
            "The tendency traces its origin to the 1991-92 dispute inside the Committee for a "
            "Workers' International and its British section, the Militant tendency, over "
            "whether to abandon long-term work inside the Labour Party. The minority led by "
            "Ted Grant and Alan Woods opposed the change, was expelled or left, and regrouped "
            "as the Committee for a Marxist International.",
            "It adopted the name International Marxist Tendency in 2006. In 2009-2010 a "
            "dispute between the international leadership and several sections ended with "
            "most of its Spanish, Mexican and Venezuelan membership leaving.",
            "In 2024 the tendency relaunched itself as the Revolutionary Communist "
            "International, and several national sections took communist party names at the "
            "same time. Its British section, long known by the name of its paper Socialist "
            "Appeal, is among the largest.",
        ],
        "relations": [
            {
                "kind": "split_from",
                "other": "cwi",
                "year": 1992,
                "until": None,
                "note": "The Grant-Woods minority left or was expelled after the dispute "
                "over work in the Labour Party.",
            },
        ],
        "timeline": [
            {
                "date": "1992-01-01",
                "precision": "year",
                "title": "Minority leaves the CWI",
                "description": "Ted Grant, Alan Woods and their supporters are excluded from "
                "Militant and the CWI and found the Committee for a Marxist International.",
                "sources": ["wp-imt", "wp-ted-grant"],
            },
            {
                "date": "2006-01-01",
                "precision": "year",
                "title": "Name International Marxist Tendency adopted",
                "description": "The Committee for a Marxist International takes the name "
                "International Marxist Tendency.",
                "sources": ["wp-imt"],
            },
            {
                "date": "2006-07-01",
                "precision": "month",
                "title": "Death of Ted Grant",
                "description": "The tendency's founding theoretician dies in London.",
                "sources": ["wp-ted-grant"],
            },
            {
                "date": "2009-01-01",
                "precision": "year",
                "title": "Dispute with the Spanish, Mexican and Venezuelan sections",
                "description": "A conflict between the international leadership and several "
                "sections begins; by 2010 most of their members have left the tendency.",
                "sources": ["wp-imt", "imt-dispute-statements-2010"],
            },
            {
                "date": "2024-01-01",
                "precision": "year",
                "title": "Relaunch as the Revolutionary Communist International",
                "description": "The tendency renames itself and several sections adopt "
                "communist party names.",
                "sources": ["wp-imt", "imt-site"],
            },
        ],
    },
    {
        "slug": "socialist-appeal",
        "short_name": "Socialist Appeal",
        "full_name": "Socialist Appeal",
        "other_names": [("Revolutionary Communist Party", 2024, None)],
        "tradition": "Trotskyist",
        "founded": 1992,
        "dissolved": None,
        "status": "renamed",
        "international": False,
        "country": "United Kingdom",
        "parent": "imt",
        "official_url": "",
        "wikipedia_url": "",
        "summary": "British section of the IMT, organised around the paper Socialist Appeal "
        "from 1992; relaunched as the Revolutionary Communist Party in 2024.",
        "body": [
            "Socialist Appeal was the name under which the supporters of Ted Grant and Alan "
            "Woods in Britain organised after their break with Militant in 1992. For most of "
            "its history it worked inside the Labour Party, the question on which it had "
            "parted company with the majority.",
            "In 2024, as part of the international relaunch, the British section took the "
            "name Revolutionary Communist Party.",
        ],
        "relations": [
            {
                "kind": "section_of",
                "other": "imt",
                "year": 1992,
                "until": None,
                "note": "British section from the tendency's foundation.",
            },
        ],
        "timeline": [
            {
                "date": "1992-01-01",
                "precision": "year",
                "title": "Socialist Appeal launched",
                "description": "Grant and Woods's British supporters organise around a new "
                "paper after leaving Militant.",
                "sources": ["wp-imt", "wp-ted-grant"],
            },
            {
                "date": "2024-01-01",
                "precision": "year",
                "title": "Renamed Revolutionary Communist Party",
                "description": "The section relaunches under a new name with the rest of the "
                "international.",
                "sources": ["wp-imt"],
            },
        ],
    },
    {
        "slug": "swp",
        "short_name": "SWP",
        "full_name": "Socialist Workers Party",
        "other_names": [
            ("Socialist Review Group", 1950, 1962),
            ("International Socialists", 1962, 1977),
        ],
        "tradition": "Trotskyist (International Socialist)",
        "founded": 1977,
        "dissolved": None,
        "status": "active",
        "international": False,
        "country": "United Kingdom",
        "parent": "ist",
        "official_url": "https://www.swp.org.uk/",
        "wikipedia_url": "https://en.wikipedia.org/wiki/Socialist_Workers_Party_(UK)",
        "summary": "British organisation in the tradition of Tony Cliff, called the Socialist "
        "Workers Party since 1977 and the leading group of the International Socialist "
        "Tendency; badly damaged by the 2013 crisis over the 'Comrade Delta' case.",
        "body": [
            "The SWP descends from the Socialist Review Group formed around Tony Cliff in "
            "1950, which became the International Socialists and in 1977 took the name "
            "Socialist Workers Party. Its distinctive theory holds that the Soviet Union was "
            "a form of state capitalism rather than a workers' state.",
            "The party publishes the weekly Socialist Worker and has led a series of broad "
            "campaigns. It is the largest group in the International Socialist Tendency.",
            "In 2013 the way the party's disputes committee had handled a complaint of "
            "sexual misconduct against a leading member, known publicly as 'Comrade Delta', "
            "provoked a crisis. A special conference was held that March and hundreds of "
            "members left over the following year, some forming the International Socialist "
            "Network and rs21.",
        ],
        "relations": [
            {
                "kind": "section_of",
                "other": "ist",
                "year": None,
                "until": None,
                "note": "The largest and founding group of the tendency.",
            },
        ],
        "timeline": [
            {
                "date": "1950-01-01",
                "precision": "year",
                "title": "Socialist Review Group formed",
                "description": "Tony Cliff and a small group of supporters begin publishing "
                "after breaking with the orthodox Trotskyist movement over the nature of the "
                "Soviet Union.",
                "sources": ["wp-tony-cliff", "cliff-state-capitalism"],
            },
            {
                "date": "1977-01-01",
                "precision": "year",
                "title": "International Socialists become the SWP",
                "description": "The group renames itself the Socialist Workers Party and "
                "stands candidates in elections.",
                "sources": ["wp-swp"],
            },
            {
                "date": "2000-04-01",
                "precision": "month",
                "title": "Death of Tony Cliff",
                "description": "The party's founder and principal theoretician dies in London.",
                "sources": ["wp-tony-cliff"],
            },
            {
                "date": "2013-01-01",
                "precision": "month",
                "title": "Disputes committee report at annual conference",
                "description": "Conference narrowly accepts the report clearing a leading "
                "member; an account of the session circulates publicly within days.",
                "sources": ["swp-disputes-transcript-2013", "wp-swp"],
            },
            {
                "date": "2013-03-01",
                "precision": "month",
                "title": "Special conference",
                "description": "A recalled conference backs the leadership; resignations "
                "follow and the International Socialist Network is formed.",
                "sources": ["wp-swp", "swp-resignations-2013"],
            },
        ],
    },
    {
        "slug": "ist",
        "short_name": "IST",
        "full_name": "International Socialist Tendency",
        "other_names": [],
        "tradition": "Trotskyist (International Socialist)",
        "founded": None,
        "dissolved": None,
        "status": "active",
        "international": True,
        "country": "",
        "parent": None,
        "official_url": "",
        "wikipedia_url": "https://en.wikipedia.org/wiki/International_Socialist_Tendency",
        "summary": "Loose international grouping of organisations in the tradition of Tony "
        "Cliff, led in practice by the British SWP.",
        "body": [
            "The IST links groups that share the International Socialist analysis of the "
            "Soviet Union as state capitalist. It has no formal founding date and a light "
            "formal structure; in practice the British SWP has been its centre.",
            "Its best-known rupture came in 2001, when the American ISO was expelled after "
            "a long dispute with the SWP's leadership.",
        ],
        "relations": [],
        "timeline": [
            {
                "date": "2001-01-01",
                "precision": "year",
                "title": "Expulsion of the ISO",
                "description": "The tendency expels its American group after a prolonged "
                "dispute with the British SWP.",
                "sources": ["wp-ist", "wp-iso"],
            },
        ],
    },
    {
        "slug": "iso",
        "short_name": "ISO",
        "full_name": "International Socialist Organization",
        "other_names": [],
        "tradition": "Trotskyist (International Socialist)",
        "founded": 1977,
        "dissolved": 2019,
        "status": "dissolved",
        "international": False,
        "country": "United States",
        "parent": None,
        "official_url": "",
        "wikipedia_url": "https://en.wikipedia.org/wiki/International_Socialist_Organization",
        "summary": "American socialist organisation founded in 1976-77 in the Cliff tradition; "
        "expelled from the IST in 2001 and dissolved by a vote of its members in 2019.",
        "body": [
            "The ISO was formed by American supporters of the International Socialist "
            "tradition in the mid-1970s. For much of its life it was the largest group on "
            "the American revolutionary left, publishing the paper Socialist Worker and the "
            "International Socialist Review.",
            "It belonged to the International Socialist Tendency until 2001, when it was "
            "expelled after a dispute with the British SWP. It then operated as an "
            "independent national organisation.",
            "In 2019, after members learned how its leadership had handled a 2013 sexual "
            "assault complaint, the organisation went through a rapid crisis and its members "
            "voted to dissolve it.",
        ],
        "relations": [
            {
                "kind": "section_of",
                "other": "ist",
                "year": 1977,
                "until": 2001,
                "note": "Member group of the tendency until its expulsion.",
            },
        ],
        "timeline": [
            {
                "date": "1977-01-01",
                "precision": "year",
                "title": "ISO founded",
                "description": "American supporters of the International Socialist tradition "
                "form the organisation.",
                "sources": ["wp-iso"],
            },
            {
                "date": "2001-01-01",
                "precision": "year",
                "title": "Expelled from the IST",
                "description": "The ISO is expelled from the tendency after a dispute with the "
                "British SWP's leadership.",
                "sources": ["wp-iso", "wp-ist"],
            },
            {
                "date": "2019-02-01",
                "precision": "month",
                "title": "Handling of 2013 complaint becomes known",
                "description": "Members learn how the former leadership dealt with a 2013 "
                "sexual assault complaint; the crisis spreads across the organisation.",
                "sources": ["wp-iso", "iso-statements-2019"],
            },
            {
                "date": "2019-03-01",
                "precision": "month",
                "title": "Members vote to dissolve",
                "description": "An online vote of members and recently resigned members, "
                "closing at the end of March, backs dissolving the organisation.",
                "sources": ["wp-iso", "iso-dissolution-report"],
            },
        ],
    },
    {
        "slug": "cwi",
        "short_name": "CWI",
        "full_name": "Committee for a Workers' International",
        "other_names": [],
        "tradition": "Trotskyist",
        "founded": 1974,
        "dissolved": None,
        "status": "split",
        "international": True,
        "country": "",
        "parent": None,
        "official_url": "https://www.socialistworld.net/",
        "wikipedia_url": "https://en.wikipedia.org/wiki/Committee_for_a_Workers%27_International",
        "summary": "Trotskyist international founded in London in 1974 around the Militant "
        "tendency; lost the Grant-Woods minority in 1992 and most of its membership in the "
        "2019 split that produced ISA.",
        "body": [
            "The CWI was set up in London in 1974 by the leadership of the Militant tendency, "
            "then working inside the Labour Party. Its British section was for many years its "
            "largest and its political centre.",
            "In 1991-92 a dispute over leaving the Labour Party ended with the departure of "
            "Ted Grant, Alan Woods and their supporters, who formed what became the IMT. The "
            "British majority went on to become the Socialist Party in England and Wales.",
            "In 2019 a faction fight between the British-based leadership and a majority of "
            "the international's leading bodies split the organisation. The majority founded "
            "International Socialist Alternative in 2020; a minority around the Socialist "
            "Party in England and Wales kept the CWI name.",
        ],
        "relations": [],
        "timeline": [
            {
                "date": "1974-01-01",
                "precision": "year",
                "title": "CWI founded in London",
                "description": "Militant's leadership establishes an international "
                "organisation for its co-thinkers abroad.",
                "sources": ["wp-cwi", "wp-militant"],
            },
            {
                "date": "1983-01-01",
                "precision": "year",
                "title": "Labour expels Militant's editorial board",
                "description": "The first expulsions of Militant supporters from the Labour "
                "Party begin a decade of conflict over entryism.",
                "sources": ["wp-militant"],
            },
            {
                "date": "1992-01-01",
                "precision": "year",
                "title": "Grant-Woods minority leaves",
                "description": "After the turn away from Labour, the minority opposed to it "
                "is excluded and founds its own international.",
                "sources": ["wp-cwi", "wp-ted-grant"],
            },
            {
                "date": "1997-01-01",
                "precision": "year",
                "title": "British section becomes the Socialist Party",
                "description": "Militant Labour renames itself the Socialist Party in England "
                "and Wales.",
                "sources": ["wp-spew"],
            },
            {
                "date": "2019-07-01",
                "precision": "month",
                "title": "The international splits",
                "description": "The faction fight ends with the majority of the membership "
                "outside the organisation that keeps the CWI name.",
                "sources": ["wp-cwi", "cwi-split-statements-2019"],
            },
        ],
    },
    {
        "slug": "isa",
        "short_name": "ISA",
        "full_name": "International Socialist Alternative",
        "other_names": [],
        "tradition": "Trotskyist",
        "founded": 2020,
        "dissolved": None,
        "status": "active",
        "international": True,
        "country": "",
        "parent": None,
        "official_url": "https://internationalsocialist.net/",
        "wikipedia_url": "https://en.wikipedia.org/wiki/International_Socialist_Alternative",
        "summary": "International formed in 2020 by the majority of the former CWI after the "
        "2019 split.",
        "body": [
            "ISA was founded by the sections and members who left the CWI in the 2019 split, "
            "which by most accounts included a majority of the international's membership.",
            "Its founding documents present it as a continuation of the CWI's politics "
            "without the British-centred leadership that the majority had opposed.",
        ],
        "relations": [
            {
                "kind": "split_from",
                "other": "cwi",
                "year": 2019,
                "until": None,
                "note": "Formed by the majority of the CWI's membership after the 2019 split.",
            },
        ],
        "timeline": [
            {
                "date": "2019-07-01",
                "precision": "month",
                "title": "Majority leaves the CWI",
                "description": "The faction opposed to the CWI's British-based leadership "
                "organises separately.",
                "sources": ["wp-isa", "cwi-split-statements-2019"],
            },
            {
                "date": "2020-01-01",
                "precision": "year",
                "title": "ISA founded",
                "description": "The former majority adopts the name International Socialist "
                "Alternative.",
                "sources": ["wp-isa", "isa-site"],
            },
        ],
    },
    {
        "slug": "spew",
        "short_name": "Socialist Party",
        "full_name": "Socialist Party (England and Wales)",
        "other_names": [("Militant tendency", 1964, 1991), ("Militant Labour", 1991, 1997)],
        "tradition": "Trotskyist",
        "founded": 1997,
        "dissolved": None,
        "status": "active",
        "international": False,
        "country": "United Kingdom",
        "parent": "cwi",
        "official_url": "https://www.socialistparty.org.uk/",
        "wikipedia_url": "https://en.wikipedia.org/wiki/Socialist_Party_(England_and_Wales)",
        "summary": "Successor to the Militant tendency in England and Wales, named the "
        "Socialist Party since 1997; remained with the CWI in the 2019 split.",
        "body": [
            "After Militant's majority left the Labour Party in the early 1990s it organised "
            "as Militant Labour, taking the name Socialist Party in 1997.",
            "In the 2019 split it was the core of the minority that kept the CWI name and "
            "apparatus.",
        ],
        "relations": [
            {
                "kind": "section_of",
                "other": "cwi",
                "year": 1997,
                "until": None,
                "note": "The CWI's section in England and Wales.",
            },
        ],
        "timeline": [
            {
                "date": "1997-01-01",
                "precision": "year",
                "title": "Renamed the Socialist Party",
                "description": "Militant Labour adopts the name Socialist Party.",
                "sources": ["wp-spew"],
            },
        ],
    },
]

SOURCES = [
    {
        "slug": "wp-imt",
        "title": "International Marxist Tendency (Wikipedia article)",
        "type": "reference_work",
        "creator": "Wikipedia contributors",
        "publisher": "Wikimedia Foundation",
        "date": None,
        "precision": "day",
        "original_url": "https://en.wikipedia.org/wiki/International_Marxist_Tendency",
        "archived_url": "https://web.archive.org/web/2023/"
        "https://en.wikipedia.org/wiki/International_Marxist_Tendency",
        "accessed": "2026-09-14",
        "summary": "Encyclopedia overview of the tendency from the 1992 break with the CWI "
        "to its later renaming. Useful for dates and names; thin on internal life, and "
        "its account of the 2009-2010 dispute is brief.",
        "excerpts": [
            {
                "text": "Paraphrase: the tendency began as the minority expelled from "
                "Militant and the CWI in 1992 and used the name Committee for a Marxist "
                "International until 2006.",
                "location": "History section",
            },
            {
                "text": "Paraphrase: around 2009-2010 the Spanish, Mexican and Venezuelan "
                "sections largely left after a dispute with the international leadership.",
                "location": "History section",
            },
        ],
        "provenance": "Read online and checked against the archived copy; dates cross-checked "
        "with the Ted Grant and CWI articles.",
        "organisations": ["imt", "cwi", "socialist-appeal"],
    },
    {
        "slug": "wp-swp",
        "title": "Socialist Workers Party (UK) (Wikipedia article)",
        "type": "reference_work",
        "creator": "Wikipedia contributors",
        "publisher": "Wikimedia Foundation",
        "date": None,
        "precision": "day",
        "original_url": "https://en.wikipedia.org/wiki/Socialist_Workers_Party_(UK)",
        "archived_url": "https://web.archive.org/web/2022/"
        "https://en.wikipedia.org/wiki/Socialist_Workers_Party_(UK)",
        "accessed": "2026-09-14",
        "summary": "Encyclopedia overview of the SWP and its predecessors, including the "
        "2013 crisis and the groups that left in its wake. A starting point, not an "
        "authority: the crisis section rests on press reports and published statements.",
        "excerpts": [
            {
                "text": "Paraphrase: the International Socialists adopted the name Socialist "
                "Workers Party in 1977.",
                "location": "History section",
            },
            {
                "text": "Paraphrase: the handling of allegations against a leading member "
                "led to a special conference in March 2013 and the loss of several hundred "
                "members.",
                "location": "2013 crisis section",
            },
        ],
        "provenance": "Read online and checked against the archived copy; the 2013 material "
        "was compared with contemporary press coverage.",
        "organisations": ["swp", "ist"],
    },
    {
        "slug": "wp-iso",
        "title": "International Socialist Organization (Wikipedia article)",
        "type": "reference_work",
        "creator": "Wikipedia contributors",
        "publisher": "Wikimedia Foundation",
        "date": None,
        "precision": "day",
        "original_url": "https://en.wikipedia.org/wiki/International_Socialist_Organization",
        "archived_url": "https://web.archive.org/web/2020/"
        "https://en.wikipedia.org/wiki/International_Socialist_Organization",
        "accessed": "2026-09-14",
        "summary": "Encyclopedia overview of the ISO from its foundation in the mid-1970s to "
        "its dissolution in 2019, including its expulsion from the IST in 2001.",
        "excerpts": [
            {
                "text": "Paraphrase: the ISO was expelled from the International Socialist "
                "Tendency in 2001 and continued as an independent group.",
                "location": "History section",
            },
            {
                "text": "Paraphrase: in 2019 revelations about the mishandling of a 2013 "
                "sexual assault case led members to vote to dissolve the organisation.",
                "location": "Dissolution section",
            },
        ],
        "provenance": "Read online and checked against the archived copy; dissolution "
        "details compared with the ISO's own final reports.",
        "organisations": ["iso", "ist"],
    },
    {
        "slug": "wp-cwi",
        "title": "Committee for a Workers' International (Wikipedia article)",
        "type": "reference_work",
        "creator": "Wikipedia contributors",
        "publisher": "Wikimedia Foundation",
        "date": None,
        "precision": "day",
        "original_url": "https://en.wikipedia.org/wiki/Committee_for_a_Workers%27_International",
        "archived_url": "https://web.archive.org/web/2021/"
        "https://en.wikipedia.org/wiki/Committee_for_a_Workers%27_International",
        "accessed": "2026-09-14",
        "summary": "Encyclopedia overview of the CWI from its founding in London in 1974 "
        "through the 1992 and 2019 splits. Lists sections on both sides of the 2019 divide.",
        "excerpts": [
            {
                "text": "Paraphrase: the CWI was founded in London in 1974 by supporters of "
                "the Militant tendency.",
                "location": "History section",
            },
            {
                "text": "Paraphrase: in 2019 the international divided, with a majority of "
                "sections forming International Socialist Alternative.",
                "location": "2019 split section",
            },
        ],
        "provenance": "Read online and checked against the archived copy.",
        "organisations": ["cwi", "isa", "imt", "spew"],
    },
    {
        "slug": "wp-ist",
        "title": "International Socialist Tendency (Wikipedia article)",
        "type": "reference_work",
        "creator": "Wikipedia contributors",
        "publisher": "Wikimedia Foundation",
        "date": None,
        "precision": "day",
        "original_url": "https://en.wikipedia.org/wiki/International_Socialist_Tendency",
        "archived_url": "https://web.archive.org/web/2020/"
        "https://en.wikipedia.org/wiki/International_Socialist_Tendency",
        "accessed": "2026-09-14",
        "summary": "Encyclopedia overview of the tendency's politics and member groups, "
        "including groups that have left or been expelled.",
        "excerpts": [
            {
                "text": "Paraphrase: the tendency's American group, the ISO, was expelled in 2001.",
                "location": "History section",
            },
        ],
        "provenance": "Read online and checked against the archived copy.",
        "organisations": ["ist", "swp", "iso"],
    },
    {
        "slug": "wp-isa",
        "title": "International Socialist Alternative (Wikipedia article)",
        "type": "reference_work",
        "creator": "Wikipedia contributors",
        "publisher": "Wikimedia Foundation",
        "date": None,
        "precision": "day",
        "original_url": "https://en.wikipedia.org/wiki/International_Socialist_Alternative",
        "archived_url": "https://web.archive.org/web/2021/"
        "https://en.wikipedia.org/wiki/International_Socialist_Alternative",
        "accessed": "2026-09-14",
        "summary": "Encyclopedia overview of the international formed by the majority of "
        "the old CWI after the 2019 split.",
        "excerpts": [
            {
                "text": "Paraphrase: the organisation was formed by the former CWI majority "
                "and adopted its present name in early 2020.",
                "location": "Introduction",
            },
        ],
        "provenance": "Read online and checked against the archived copy.",
        "organisations": ["isa", "cwi"],
    },
    {
        "slug": "wp-militant",
        "title": "Militant tendency (Wikipedia article)",
        "type": "reference_work",
        "creator": "Wikipedia contributors",
        "publisher": "Wikimedia Foundation",
        "date": None,
        "precision": "day",
        "original_url": "https://en.wikipedia.org/wiki/Militant_tendency",
        "archived_url": "https://web.archive.org/web/2020/"
        "https://en.wikipedia.org/wiki/Militant_tendency",
        "accessed": "2026-09-14",
        "summary": "Encyclopedia history of Militant's entry work in the Labour Party, the "
        "expulsions of the 1980s and the 1991-92 split over leaving Labour.",
        "excerpts": [
            {
                "text": "Paraphrase: Labour expelled the five members of Militant's "
                "editorial board in 1983.",
                "location": "Expulsions section",
            },
            {
                "text": "Paraphrase: the debate over an open organisation outside Labour "
                "ended with the expulsion of Ted Grant's minority.",
                "location": "Split section",
            },
        ],
        "provenance": "Read online and checked against the archived copy.",
        "organisations": ["cwi", "imt", "spew"],
    },
    {
        "slug": "wp-ted-grant",
        "title": "Ted Grant (Wikipedia article)",
        "type": "reference_work",
        "creator": "Wikipedia contributors",
        "publisher": "Wikimedia Foundation",
        "date": None,
        "precision": "day",
        "original_url": "https://en.wikipedia.org/wiki/Ted_Grant",
        "archived_url": "https://web.archive.org/web/2020/https://en.wikipedia.org/wiki/Ted_Grant",
        "accessed": "2026-09-14",
        "summary": "Biography of Militant's founding theoretician, covering his role in the "
        "CWI, his exclusion in 1992 and his later years in the tendency that became the IMT.",
        "excerpts": [
            {
                "text": "Paraphrase: Grant opposed the turn away from Labour and was expelled "
                "from the organisation he had spent decades building.",
                "location": "Later life section",
            },
        ],
        "provenance": "Read online and checked against the archived copy.",
        "organisations": ["cwi", "imt", "socialist-appeal"],
    },
    {
        "slug": "wp-tony-cliff",
        "title": "Tony Cliff (Wikipedia article)",
        "type": "reference_work",
        "creator": "Wikipedia contributors",
        "publisher": "Wikimedia Foundation",
        "date": None,
        "precision": "day",
        "original_url": "https://en.wikipedia.org/wiki/Tony_Cliff",
        "archived_url": "https://web.archive.org/web/2020/https://en.wikipedia.org/wiki/Tony_Cliff",
        "accessed": "2026-09-14",
        "summary": "Biography of the founder of the International Socialist tradition, from "
        "the Socialist Review Group to his death in 2000.",
        "excerpts": [
            {
                "text": "Paraphrase: Cliff's theory of state capitalism set his group apart "
                "from other Trotskyists from 1950 onward.",
                "location": "Political thought section",
            },
        ],
        "provenance": "Read online and checked against the archived copy.",
        "organisations": ["swp", "ist"],
    },
    {
        "slug": "wp-spew",
        "title": "Socialist Party (England and Wales) (Wikipedia article)",
        "type": "reference_work",
        "creator": "Wikipedia contributors",
        "publisher": "Wikimedia Foundation",
        "date": None,
        "precision": "day",
        "original_url": "https://en.wikipedia.org/wiki/Socialist_Party_(England_and_Wales)",
        "archived_url": "https://web.archive.org/web/2020/"
        "https://en.wikipedia.org/wiki/Socialist_Party_(England_and_Wales)",
        "accessed": "2026-09-14",
        "summary": "Encyclopedia overview of the successor to Militant in England and Wales, "
        "from Militant Labour to its role in the 2019 CWI split.",
        "excerpts": [
            {
                "text": "Paraphrase: Militant Labour renamed itself the Socialist Party in 1997.",
                "location": "History section",
            },
        ],
        "provenance": "Read online and checked against the archived copy.",
        "organisations": ["spew", "cwi"],
    },
    {
        "slug": "imt-site",
        "title": "In Defence of Marxism (website of the IMT/RCI)",
        "type": "own_publication",
        "creator": "International Marxist Tendency",
        "publisher": "International Marxist Tendency",
        "date": None,
        "precision": "day",
        "original_url": "https://www.marxist.com/",
        "archived_url": "https://web.archive.org/web/2024/https://www.marxist.com/",
        "accessed": "2026-09-15",
        "summary": "The tendency's main English-language website, carrying its statements, "
        "theoretical articles and the announcement of its 2024 relaunch. Read as the "
        "organisation's account of itself.",
        "excerpts": [
            {
                "text": "Paraphrase: the site presents the 2024 relaunch as a turn from a "
                "tendency to an openly communist international.",
                "location": "Home page, 2024",
            },
        ],
        "provenance": "Consulted directly and through archived snapshots from 2020 and 2024.",
        "organisations": ["imt", "socialist-appeal"],
    },
    {
        "slug": "swp-site",
        "title": "Socialist Workers Party website",
        "type": "own_publication",
        "creator": "Socialist Workers Party",
        "publisher": "Socialist Workers Party",
        "date": None,
        "precision": "day",
        "original_url": "https://www.swp.org.uk/",
        "archived_url": "https://web.archive.org/web/2020/https://www.swp.org.uk/",
        "accessed": "2026-09-15",
        "summary": "The party's own site, setting out what it stands for and how to join. "
        "Useful for how the party describes its structure to newcomers.",
        "excerpts": [
            {
                "text": "Paraphrase: the party presents itself as a revolutionary socialist "
                "organisation and invites readers to join a local branch.",
                "location": "About page",
            },
        ],
        "provenance": "Consulted directly and through an archived snapshot.",
        "organisations": ["swp"],
    },
    {
        "slug": "socialist-worker-uk",
        "title": "Socialist Worker (UK) website",
        "type": "own_publication",
        "creator": "Socialist Workers Party",
        "publisher": "Socialist Worker",
        "date": None,
        "precision": "day",
        "original_url": "https://socialistworker.co.uk/",
        "archived_url": "https://web.archive.org/web/2021/https://socialistworker.co.uk/",
        "accessed": "2026-09-15",
        "summary": "Online edition of the SWP's weekly paper, including its regular appeals "
        "for donations and subscriptions. We use it for how the party funds and presents "
        "its press.",
        "excerpts": [
            {
                "text": "Paraphrase: readers are regularly asked to subscribe and to donate "
                "to keep the paper going.",
                "location": "Donation and subscription pages",
            },
        ],
        "provenance": "Consulted directly and through an archived snapshot.",
        "organisations": ["swp"],
    },
    {
        "slug": "cwi-site",
        "title": "Socialist World (website of the CWI)",
        "type": "own_publication",
        "creator": "Committee for a Workers' International",
        "publisher": "Committee for a Workers' International",
        "date": None,
        "precision": "day",
        "original_url": "https://www.socialistworld.net/",
        "archived_url": "https://web.archive.org/web/2020/https://www.socialistworld.net/",
        "accessed": "2026-09-15",
        "summary": "The CWI's website, which after 2019 carried the minority's account of the "
        "split. Read as one side's case.",
        "excerpts": [
            {
                "text": "Paraphrase: the remaining CWI described the split as a departure by "
                "a faction that had abandoned the organisation's programme.",
                "location": "Statements on the 2019 split",
            },
        ],
        "provenance": "Consulted through archived snapshots from 2019 and 2020.",
        "organisations": ["cwi", "spew"],
    },
    {
        "slug": "isa-site",
        "title": "International Socialist Alternative website",
        "type": "own_publication",
        "creator": "International Socialist Alternative",
        "publisher": "International Socialist Alternative",
        "date": None,
        "precision": "day",
        "original_url": "https://internationalsocialist.net/",
        "archived_url": "https://web.archive.org/web/2021/https://internationalsocialist.net/",
        "accessed": "2026-09-15",
        "summary": "ISA's website, carrying its founding material and its account of why the "
        "former majority left the CWI. Read as the other side's case.",
        "excerpts": [
            {
                "text": "Paraphrase: ISA presents its founding as a break with a "
                "bureaucratic leadership rather than with the CWI's politics.",
                "location": "About page",
            },
        ],
        "provenance": "Consulted directly and through an archived snapshot.",
        "organisations": ["isa", "cwi"],
    },
    {
        "slug": "spew-site",
        "title": "Socialist Party (England and Wales) website",
        "type": "own_publication",
        "creator": "Socialist Party",
        "publisher": "Socialist Party",
        "date": None,
        "precision": "day",
        "original_url": "https://www.socialistparty.org.uk/",
        "archived_url": "https://web.archive.org/web/2020/https://www.socialistparty.org.uk/",
        "accessed": "2026-09-15",
        "summary": "Website of the CWI's section in England and Wales, which publishes the "
        "weekly The Socialist and runs regular fighting fund appeals.",
        "excerpts": [
            {
                "text": "Paraphrase: branches are asked to meet targets for the party's "
                "fighting fund alongside paper sales.",
                "location": "Fighting fund reports",
            },
        ],
        "provenance": "Consulted directly and through an archived snapshot.",
        "organisations": ["spew", "cwi"],
    },
    {
        "slug": "cliff-state-capitalism",
        "title": "State Capitalism in Russia",
        "type": "book",
        "creator": "Tony Cliff",
        "publisher": "Marxists Internet Archive (online edition)",
        "date": "1955-01-01",
        "precision": "year",
        "original_url": "https://www.marxists.org/archive/cliff/works/1955/statecap/index.htm",
        "archived_url": "https://web.archive.org/web/2020/"
        "https://www.marxists.org/archive/cliff/works/1955/statecap/index.htm",
        "accessed": "2026-09-16",
        "summary": "Cliff's book-length case that the Soviet Union was a bureaucratic state "
        "capitalism, first circulated in 1948 and published in book form in 1955. The "
        "founding text of the International Socialist tradition.",
        "excerpts": [
            {
                "text": "Paraphrase: the bureaucracy, by subordinating consumption to "
                "accumulation in competition with the West, acted as a collective capitalist.",
                "location": "Concluding chapters",
            },
        ],
        "provenance": "Read in the online edition at the Marxists Internet Archive; the "
        "publication history was checked against the Tony Cliff encyclopedia article.",
        "organisations": ["swp", "ist", "iso"],
    },
    {
        "slug": "kelly-contemporary-trotskyism",
        "title": "Contemporary Trotskyism: Parties, Sects and Social Movements in Britain",
        "type": "academic",
        "creator": "John Kelly",
        "publisher": "Routledge",
        "date": "2018-03-01",
        "precision": "month",
        "original_url": "https://www.routledge.com/Contemporary-Trotskyism-Parties-Sects-and-"
        "Social-Movements-in-Britain/Kelly/p/book/9781138943810",
        "archived_url": "https://web.archive.org/web/2019/https://www.routledge.com/"
        "Contemporary-Trotskyism-Parties-Sects-and-Social-Movements-in-Britain/Kelly/p/book/"
        "9781138943810",
        "accessed": "2026-09-16",
        "summary": "A political scientist's study of British Trotskyist groups since the "
        "1970s, treating each as part party, part sect and part social movement. It "
        "covers membership turnover, finances, leadership and splits, with most attention "
        "on the SWP and the Socialist Party.",
        "excerpts": [
            {
                "text": "Paraphrase: frequent splits, high turnover and strong leaderships "
                "are explained by the combination of party, sect and movement features.",
                "location": "Introduction",
            },
            {
                "text": "Paraphrase: the groups' paid staff and weekly papers absorb much of "
                "their income from members.",
                "location": "Chapter on organisational resources",
            },
        ],
        "provenance": "Publisher's catalogue page cited; the book itself was read in the "
        "print edition.",
        "organisations": ["swp", "spew", "cwi", "socialist-appeal"],
    },
    {
        "slug": "isj-kelly-review",
        "title": "Trotskyology: a review of Contemporary Trotskyism",
        "type": "own_publication",
        "creator": "International Socialism journal",
        "publisher": "Socialist Workers Party",
        "date": "2018-10-01",
        "precision": "month",
        "original_url": "http://isj.org.uk/trotskyology/",
        "archived_url": "https://web.archive.org/web/2019/http://isj.org.uk/trotskyology/",
        "accessed": "2026-09-16",
        "summary": "Review of John Kelly's book in the SWP's theoretical journal, issue 160. "
        "It welcomes the research but rejects the book's sociological framing of the "
        "groups. Useful as the party's own response to academic study.",
        "excerpts": [
            {
                "text": "Paraphrase: the reviewer credits the book's research while arguing "
                "that it misreads the political purpose of the organisations it studies.",
                "location": "Opening paragraphs",
            },
        ],
        "provenance": "Read online at the journal's site; issue number confirmed on the "
        "page itself. The month of publication is approximate.",
        "organisations": ["swp"],
    },
    {
        "slug": "guardian-swp-2013",
        "title": "Socialist Workers Party leadership under fire over rape 'kangaroo court'",
        "type": "news_report",
        "creator": "The Guardian",
        "publisher": "Guardian News and Media",
        "date": "2013-03-09",
        "precision": "day",
        "original_url": "https://www.theguardian.com/society/2013/mar/09/"
        "socialist-workers-party-rape-kangaroo-court",
        "archived_url": "https://web.archive.org/web/2014/https://www.theguardian.com/society/"
        "2013/mar/09/socialist-workers-party-rape-kangaroo-court",
        "accessed": "2026-09-16",
        "summary": "Report published on the eve of the SWP's special conference. It describes "
        "the disputes committee's handling of the 'Comrade Delta' complaint, a further "
        "complainant's account of her own hearing, and the expectation that many members "
        "would leave.",
        "excerpts": [
            {
                "text": "Paraphrase: the report says a transcript of the January conference "
                "session had leaked to a blog, showing leaders urging delegates to trust "
                "the committee's verdict.",
                "location": "Paragraphs 5-6",
            },
            {
                "text": "Paraphrase: the allegations were heard by a panel of party members "
                "and were not referred to the police.",
                "location": "Paragraph 4",
            },
        ],
        "provenance": "Read on the publisher's site and in an archived copy; we rely on it "
        "for what was publicly reported at the time, not for the truth of disputed facts.",
        "organisations": ["swp"],
    },
    {
        "slug": "swp-disputes-transcript-2013",
        "title": "Transcript of the disputes committee session, SWP annual conference, "
        "January 2013",
        "type": "transcript",
        "creator": "",
        "publisher": "",
        "date": "2013-01-01",
        "precision": "month",
        "original_url": "https://en.wikipedia.org/wiki/Socialist_Workers_Party_(UK)",
        "archived_url": "https://web.archive.org/web/2014/"
        "https://en.wikipedia.org/wiki/Socialist_Workers_Party_(UK)",
        "accessed": "2026-09-16",
        "summary": "An unofficial transcript of the conference debate on the disputes "
        "committee's report, made by someone present and published online shortly after "
        "the conference. It records the committee's presentation, contributions from "
        "delegates and the close vote to accept the report.",
        "excerpts": [
            {
                "text": "Paraphrase: committee members asked delegates to accept their "
                "finding and said the party did not look to the courts for justice.",
                "location": "Committee presentation",
            },
            {
                "text": "Paraphrase: several delegates questioned whether a panel of "
                "party members close to the leadership could judge such a case fairly.",
                "location": "Floor contributions",
            },
        ],
        "provenance": "The transcript circulated on blogs in January 2013 and its leak was "
        "reported by the Guardian. We have not linked a copy of a document containing "
        "personal details; the link is to the encyclopedia article on the party, which "
        "summarises the episode.",
        "organisations": ["swp"],
    },
    {
        "slug": "swp-resignations-2013",
        "title": "Resignation statements by SWP members, 2013",
        "type": "testimony",
        "creator": "Former members of the Socialist Workers Party",
        "publisher": "",
        "date": "2013-03-01",
        "precision": "month",
        "original_url": "https://en.wikipedia.org/wiki/Socialist_Workers_Party_(UK)",
        "archived_url": "https://web.archive.org/web/2014/"
        "https://en.wikipedia.org/wiki/Socialist_Workers_Party_(UK)",
        "accessed": "2026-09-16",
        "summary": "Group and individual resignation statements published by members who "
        "left the party between January 2013 and early 2014. Common themes are the "
        "handling of the complaint, the treatment of the opposition faction, and the "
        "limits on debate outside the pre-conference period.",
        "excerpts": [
            {
                "text": "Paraphrase: signatories wrote that they had lost confidence in "
                "how the leadership handled the complaint and the members who criticised it.",
                "location": "Joint statement, March 2013",
            },
            {
                "text": "Paraphrase: several statements argued that the ban on permanent "
                "factions left members no legitimate way to pursue the issue.",
                "location": "Statements, spring 2013",
            },
        ],
        "provenance": "Statements were published on personal blogs and group websites; we "
        "read them at the time and in later copies. We do not name individuals; the link "
        "is to the encyclopedia article on the party, which summarises the departures.",
        "organisations": ["swp"],
    },
    {
        "slug": "iso-dissolution-report",
        "title": "The ISO's vote to dissolve and what comes next",
        "type": "statement",
        "creator": "International Socialist Organization",
        "publisher": "SocialistWorker.org",
        "date": "2019-04-02",
        "precision": "day",
        "original_url": "https://socialistworker.org/2019/04/02/"
        "the-isos-vote-to-dissolve-and-what-comes-next",
        "archived_url": "https://web.archive.org/web/2019/https://socialistworker.org/2019/04/"
        "02/the-isos-vote-to-dissolve-and-what-comes-next",
        "accessed": "2026-09-17",
        "summary": "The organisation's report on the online vote, closing on 29 March 2019, "
        "in which members and recently resigned members chose to dissolve it. It sets the "
        "decision against the crisis over the 2013 complaint and lists the working groups "
        "that would continue.",
        "excerpts": [
            {
                "text": "Paraphrase: close to 500 people voted, and about seven in ten of "
                "them backed proposals to dissolve the organisation in some form.",
                "location": "Opening section",
            },
            {
                "text": "Paraphrase: in 2013 a disciplinary body had found that a member "
                "should be expelled, but the steering committee of the time overrode it.",
                "location": "Opening section",
            },
        ],
        "provenance": "Read on the organisation's site, which was left online as an archive "
        "after publication ceased, and checked against the archived copy.",
        "organisations": ["iso"],
    },
    {
        "slug": "iso-final-steps",
        "title": "Taking our final steps",
        "type": "statement",
        "creator": "International Socialist Organization",
        "publisher": "SocialistWorker.org",
        "date": "2019-04-19",
        "precision": "day",
        "original_url": "https://socialistworker.org/2019/04/19/taking-our-final-steps",
        "archived_url": "https://web.archive.org/web/2019/"
        "https://socialistworker.org/2019/04/19/taking-our-final-steps",
        "accessed": "2026-09-17",
        "summary": "Final statement from the team charged with carrying out the dissolution. "
        "It reports that the paper has stopped and attributes the collapse both to the "
        "2013 case and to long-standing undemocratic practices.",
        "excerpts": [
            {
                "text": "Paraphrase: the authors blame decades of undemocratic habits, "
                "including hostility to caucuses of members from oppressed groups, as well "
                "as the handling of the sexual assault case.",
                "location": "Paragraph 4",
            },
            {
                "text": "Paraphrase: a separate body was to report on the 2013 case so that "
                "others on the left could learn from it.",
                "location": "Paragraph 2",
            },
        ],
        "provenance": "Read on the organisation's archived site and checked against the "
        "Wayback Machine copy.",
        "organisations": ["iso"],
    },
    {
        "slug": "rs21-on-iso",
        "title": "On the dissolution of the ISO",
        "type": "blog_post",
        "creator": "rs21 Steering Group",
        "publisher": "rs21",
        "date": "2019-04-23",
        "precision": "day",
        "original_url": "https://www.rs21.org.uk/2019/04/23/on-the-dissolution-of-the-iso/",
        "archived_url": "https://web.archive.org/web/2020/"
        "https://www.rs21.org.uk/2019/04/23/on-the-dissolution-of-the-iso/",
        "accessed": "2026-09-17",
        "summary": "Response from rs21, a group formed by people who left the SWP after 2013, "
        "to the ISO's dissolution. It notes the parallels with the SWP crisis and that "
        "the ISO's publishing house and annual conference were organisationally separate "
        "and would carry on.",
        "excerpts": [
            {
                "text": "Paraphrase: the book publisher and the annual Socialism conference "
                "were separate from the ISO and expected to continue.",
                "location": "Paragraph 2",
            },
        ],
        "provenance": "Read on the group's site and checked against the archived copy.",
        "organisations": ["iso", "swp"],
    },
    {
        "slug": "iso-statements-2019",
        "title": "Statements by former ISO members, 2019",
        "type": "testimony",
        "creator": "Former members of the International Socialist Organization",
        "publisher": "",
        "date": "2019-03-01",
        "precision": "month",
        "original_url": "https://en.wikipedia.org/wiki/International_Socialist_Organization",
        "archived_url": "https://web.archive.org/web/2020/"
        "https://en.wikipedia.org/wiki/International_Socialist_Organization",
        "accessed": "2026-09-17",
        "summary": "Reflections published by members and former members in February to April "
        "2019, many on personal blogs and on SocialistWorker.org. They describe a "
        "centralised leadership, little room for organised disagreement, and the shock of "
        "learning how the 2013 complaint had been handled.",
        "excerpts": [
            {
                "text": "Paraphrase: writers describe dissenting members being treated as a "
                "problem to be managed rather than as participants in a debate.",
                "location": "Various statements",
            },
            {
                "text": "Paraphrase: several explain their vote to dissolve as a judgement "
                "that the organisation could not be reformed from within.",
                "location": "Statements, late March 2019",
            },
        ],
        "provenance": "Collected from public posts at the time. We do not name the authors; "
        "the link is to the encyclopedia article on the organisation, which summarises "
        "the crisis.",
        "organisations": ["iso"],
    },
    {
        "slug": "cwi-split-statements-2019",
        "title": "Faction statements in the CWI split, 2018-2019",
        "type": "statement",
        "creator": "Committee for a Workers' International factions",
        "publisher": "",
        "date": "2019-07-01",
        "precision": "month",
        "original_url": "https://en.wikipedia.org/wiki/Committee_for_a_Workers%27_International",
        "archived_url": "https://web.archive.org/web/2019/"
        "https://en.wikipedia.org/wiki/Committee_for_a_Workers%27_International",
        "accessed": "2026-09-17",
        "summary": "The public statements of both sides in the faction fight that split the "
        "CWI: the British-based minority that kept the name and the majority that went on "
        "to form ISA. Each accuses the other of breaking the international's rules.",
        "excerpts": [
            {
                "text": "Paraphrase: the minority argued that the majority had drifted from "
                "working-class politics and that the minority carried on the real CWI.",
                "location": "Minority statements",
            },
            {
                "text": "Paraphrase: the majority argued that a British-centred leadership "
                "had refused to accept the decisions of the international's elected bodies.",
                "location": "Majority statements",
            },
        ],
        "provenance": "Both sides published their documents on their own websites in 2019. "
        "The link is to the encyclopedia article on the CWI, which summarises the split "
        "and points to both sides' material.",
        "organisations": ["cwi", "isa", "spew"],
    },
    {
        "slug": "imt-dispute-statements-2010",
        "title": "Statements on the IMT dispute with its Spanish, Mexican and Venezuelan "
        "sections, 2009-2010",
        "type": "statement",
        "creator": "International Marxist Tendency and departing sections",
        "publisher": "",
        "date": "2010-01-01",
        "precision": "year",
        "original_url": "https://en.wikipedia.org/wiki/International_Marxist_Tendency",
        "archived_url": "https://web.archive.org/web/2011/"
        "https://en.wikipedia.org/wiki/International_Marxist_Tendency",
        "accessed": "2026-09-17",
        "summary": "The documents published by both sides when most of the Spanish, Mexican "
        "and Venezuelan membership left the tendency. They disagree about who broke the "
        "rules and about the role of the international leadership.",
        "excerpts": [
            {
                "text": "Paraphrase: the departing members presented the dispute as one "
                "about how the international was led and how sections were treated.",
                "location": "Departing sections' statements",
            },
            {
                "text": "Paraphrase: the international leadership presented the departure "
                "as a breach of the tendency's rules by the sections' leaders.",
                "location": "IMT statements",
            },
        ],
        "provenance": "Both sides' texts circulated on their websites at the time. The link "
        "is to the encyclopedia article on the tendency, which summarises the dispute.",
        "organisations": ["imt"],
    },
]

ESSAYS = [
    {
        "slug": "two-splits-one-method",
        "title": "Two splits, one method: the CWI in 1992 and 2019",
        "standfirst": (
            "The Committee for a Workers' International has broken apart twice in thirty years, "
            "first over the Labour Party and then over its own leadership. The arguments differed; "
            "the way they ended did not."
        ),
        "contributors": [
            "k-sable",
        ],
        "date": "2025-03-14",
        "organisations": [
            "cwi",
            "imt",
            "isa",
            "spew",
        ],
        "topics": [
            "splits",
            "expulsions",
            "democratic centralism",
        ],
        "status": "live",
        "body": [
            (
                "paragraph",
                (
                    '<p>The Committee for a Workers\' International was <a data-cite="wp-cwi" '
                    'data-pinpoint="History section">set up in London in 1974</a> as the '
                    "international wing of the Militant tendency. For most of its life its centre "
                    "of gravity was in Britain, and its British leaders wrote most of its "
                    "documents. Twice since then the organisation has split in a way that changed "
                    "its character: in 1992, when its founding theoretician was pushed out, and in "
                    "2019, when the leadership that had pushed him out found itself in a minority. "
                    "Set side by side, the two episodes say a good deal about how democratic "
                    "centralism works when the argument is about the organisation itself.</p>"
                ),
            ),
            (
                "heading",
                "1992: an argument about Labour",
            ),
            (
                "paragraph",
                (
                    "<p>Militant had spent decades working inside the Labour Party, and from 1983, "
                    'when <a data-cite="wp-militant" data-pinpoint="Expulsions section">Labour '
                    "expelled the five members of its editorial board</a>, that work was conducted "
                    "under growing pressure. By 1991 the majority of the leadership wanted to "
                    "launch an open organisation outside Labour. Ted Grant and Alan Woods opposed "
                    "the turn. The debate did not end with a vote that both sides lived with: it "
                    'ended when <a data-cite="wp-militant" data-pinpoint="Split section">Grant\'s '
                    "minority was expelled</a>, and the man who had shaped the tendency's politics "
                    "for decades found himself outside it.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    '<p>The minority did not disappear. It <a data-cite="wp-imt" '
                    'data-pinpoint="History section">regrouped as the Committee for a Marxist '
                    "International</a>, the body later known as the IMT. What is worth noticing is "
                    "less who was right about Labour than the form the disagreement took. A "
                    "question of tactics, about where to work and under what name, became a "
                    "question of loyalty, and questions of loyalty in these organisations have "
                    "only one answer. The record of 1992 shows an outcome, not any procedure by "
                    "which a defeated minority might have stayed.</p>"
                ),
            ),
            (
                "heading",
                "2019: an argument about the centre",
            ),
            (
                "paragraph",
                (
                    "<p>Twenty-seven years later the positions were reversed. The British-based "
                    "leadership, which had controlled the international since 1992, lost the "
                    "support of a majority of its leading bodies. The <a "
                    'data-cite="cwi-split-statements-2019" data-pinpoint="Majority '
                    'statements">majority accused the centre of refusing to accept elected '
                    'bodies\' decisions</a>; the <a data-cite="cwi-split-statements-2019" '
                    'data-pinpoint="Minority statements">minority accused the majority of '
                    "political drift</a>. Neither side proposed to remain in a common organisation "
                    'as a minority. The majority went on to <a data-cite="wp-isa" '
                    'data-pinpoint="Introduction">found International Socialist Alternative in '
                    "2020</a>, while the minority kept the name, the website and the British "
                    "section.</p>"
                ),
            ),
            (
                "quotation",
                {
                    "text": (
                        "A rule book that binds the minority has nothing to say when the minority "
                        "is the leadership."
                    ),
                    "attribution": "K. Sable",
                    "source": None,
                },
            ),
            (
                "paragraph",
                (
                    "<p>The common thread is that neither split was settled by the rules members "
                    "had been taught to respect. Democratic centralism, as these groups practise "
                    "it, asks the losing side of a vote to carry out the decision in public and "
                    "argue again only at the next conference. That works when the losers are "
                    "ordinary members. It has no answer when the losers control the apparatus, or "
                    "when the winners believe the losers will never accept defeat. In both cases "
                    "the result was two organisations, each claiming to be the continuity of the "
                    "other.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>For members the cost is practical as well as political. Branches divide, "
                    "friendships end, and money and property have to be argued over. In England "
                    'and Wales, <a data-cite="wp-spew" data-pinpoint="History section">the '
                    "Socialist Party</a> stayed with the minority in 2019, which meant that the "
                    "international's largest historic section and its majority abroad now face "
                    "each other as rivals. A tradition that has twice failed to keep a serious "
                    "minority inside should at least ask whether the failure lies in its method "
                    "rather than in the characters of those who left.</p>"
                ),
            ),
        ],
        "corrections": [
            (
                "2025-03-20",
                (
                    "An earlier version said Labour first expelled Militant's editorial board in "
                    "1982; the expulsions took effect in 1983."
                ),
            ),
        ],
    },
    {
        "slug": "the-disputes-committee",
        "title": "The disputes committee: how the SWP judged one of its own",
        "standfirst": (
            "In 2013 a complaint against a leading member of the Socialist Workers Party was heard "
            "by a committee of his comrades. The crisis that followed was about the design of that "
            "procedure as much as about the case."
        ),
        "contributors": [
            "nadia-brook",
        ],
        "date": "2024-01-22",
        "organisations": [
            "swp",
        ],
        "topics": [
            "complaints procedures",
            "internal democracy",
            "factions",
        ],
        "status": "live",
        "body": [
            (
                "paragraph",
                (
                    "<p>In January 2013 the annual conference of the Socialist Workers Party heard "
                    "a report from its disputes committee on a complaint of sexual misconduct "
                    'against a leading member, referred to publicly as "Comrade Delta". The '
                    "committee had not upheld the complaint, and <a "
                    'data-cite="swp-disputes-transcript-2013" data-pinpoint="Committee '
                    'presentation">conference was asked to accept its finding</a>. It did, '
                    'narrowly. Within days <a data-cite="guardian-swp-2013" '
                    'data-pinpoint="Paragraphs 5-6">an account of the session had leaked</a>, and '
                    "the party entered the worst crisis in its history. We do not reopen the "
                    "complaint here; our subject is the procedure.</p>"
                ),
            ),
            (
                "heading",
                "Who judges the judges",
            ),
            (
                "paragraph",
                (
                    "<p>The disputes committee was a small body of party members elected by the "
                    "same conference that elected the leadership. When it heard a complaint "
                    "against a senior figure, its members were judging someone they had worked "
                    "alongside for years. Press coverage noted that <a "
                    'data-cite="guardian-swp-2013" data-pinpoint="Paragraph 4">the matter was '
                    "heard internally and not referred to the police</a>. Whatever the intentions "
                    "of those involved, the structure put people with obvious ties to the accused "
                    "in the position of investigators, and left the complainant with no route "
                    "outside the party that would not have been treated as disloyalty.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The only appeal from the committee was to conference, and conference is a "
                    "political body. When delegates were asked to vote on the report, they were in "
                    "effect voting on their confidence in the leadership. The <a "
                    'data-cite="swp-disputes-transcript-2013" data-pinpoint="Floor '
                    "contributions\">delegates who questioned the panel's fairness</a> were "
                    "arguing about process, but the vote turned their objection into a test of "
                    "loyalty. A procedure that depends on a political majority to confirm its "
                    "findings cannot also be expected to protect a complainant against that "
                    "majority.</p>"
                ),
            ),
            (
                "heading",
                "Rules on dissent",
            ),
            (
                "paragraph",
                (
                    "<p>The party's rules allowed factions only in the months before conference. "
                    "Members who continued to press the issue afterwards risked discipline for "
                    'factional activity. The leadership called <a data-cite="wp-swp" '
                    'data-pinpoint="2013 crisis section">a special conference in March 2013</a>, '
                    "which backed it, and the departures that followed were large. Many of the <a "
                    'data-cite="swp-resignations-2013" data-pinpoint="Statements, spring '
                    '2013">resignation statements</a> argued that the ban on permanent factions '
                    "had left them no legitimate way to pursue a question the conference had, in "
                    "their view, settled wrongly.</p>"
                ),
            ),
            (
                "quotation",
                {
                    "text": "A procedure that protects the party first ends up protecting no one.",
                    "attribution": "Nadia Brook",
                    "source": None,
                },
            ),
            (
                "paragraph",
                (
                    "<p>The people who left did not go quietly or all in one direction. Some "
                    "formed the International Socialist Network in 2013; others founded rs21 the "
                    'following year. <a data-cite="swp-resignations-2013" data-pinpoint="Joint '
                    'statement, March 2013">A joint statement that spring</a> described a loss of '
                    "confidence in the leadership's handling of both the complaint and its "
                    "critics, a combination that recurs in almost every account. Those who stayed "
                    "were asked to treat the matter as closed, which for many of those who left "
                    "was precisely the problem.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The lesson is not peculiar to the SWP. Any voluntary organisation that "
                    "handles complaints against its own officers needs a process that is "
                    "independent of them, that has specialist support, that keeps the complaint "
                    "apart from political disputes, and that does not make the complainant's "
                    "loyalty the price of being heard. The SWP's rules were written for arguments "
                    "about strategy. They were never fit to judge an allegation of this kind, and "
                    "the party paid for asking them to.</p>"
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "a-party-that-voted-itself-out",
        "title": "A party that voted itself out of existence",
        "standfirst": (
            "In 2019 the International Socialist Organization, for decades the largest group on "
            "the American revolutionary left, dissolved within weeks of learning how a 2013 "
            "complaint had been handled. Its own final statements blamed more than one case."
        ),
        "contributors": [
            "nadia-brook",
            "tom-aldred",
        ],
        "date": "2019-06-10",
        "organisations": [
            "iso",
            "ist",
        ],
        "topics": [
            "complaints procedures",
            "internal democracy",
            "leadership",
        ],
        "status": "live",
        "body": [
            (
                "paragraph",
                (
                    "<p>Organisations on the far left split, shrink and rename themselves. They "
                    "very rarely vote to stop existing. Yet at the end of March 2019 the "
                    "International Socialist Organization did just that: <a "
                    'data-cite="iso-dissolution-report" data-pinpoint="Opening section">close to '
                    "500 members and recently resigned members took part in an online vote, and "
                    "about seven in ten backed dissolution in some form</a>. The paper stopped, "
                    "the branches disbanded, and a group founded in the mid-1970s was gone within "
                    "two months of the convention that was supposed to renew it.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The trigger was a case from 2013. According to the organisation's own "
                    'report, <a data-cite="iso-dissolution-report" data-pinpoint="Opening '
                    'section">a disciplinary body had concluded that a member should be expelled, '
                    "but the steering committee of the time intervened and overturned the "
                    "decision</a>. This came to light only after the February 2019 convention had "
                    'elected a new leadership. The <a data-cite="wp-iso" '
                    'data-pinpoint="Dissolution section">crisis spread quickly</a>: branches '
                    "disaffiliated, members resigned, and the new leadership found that it had "
                    "inherited an organisation many members no longer trusted.</p>"
                ),
            ),
            (
                "heading",
                "Not only one case",
            ),
            (
                "paragraph",
                (
                    "<p>What sets the ISO's end apart is the candour of its last statements. The "
                    "team that carried out the dissolution did not blame a few individuals alone. "
                    'It pointed to <a data-cite="iso-final-steps" data-pinpoint="Paragraph '
                    '4">decades of undemocratic practice, including hostility to caucuses of '
                    "members from oppressed groups</a>, alongside the handling of the assault "
                    "complaint. That is an unusual admission for a Leninist organisation to make "
                    "about itself: that the problem was the culture of the organisation and not "
                    "just the conduct of one leadership.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    '<p>The <a data-cite="iso-statements-2019" data-pinpoint="Various '
                    'statements">reflections published by members and former members</a> in those '
                    "weeks describe the same culture from below. Dissent, they wrote, was handled "
                    "as a problem of management rather than as part of a debate. Several explained "
                    "their vote to dissolve as a conclusion that the organisation could not be "
                    "reformed from within, a judgement that says as much about the old structure's "
                    "resistance to change as about the 2013 case itself.</p>"
                ),
            ),
            (
                "heading",
                "A homegrown problem",
            ),
            (
                "paragraph",
                (
                    "<p>It would be convenient to blame a tradition imported from abroad. But the "
                    'ISO had been <a data-cite="wp-ist" data-pinpoint="History section">expelled '
                    "from the International Socialist Tendency in 2001</a>, and for eighteen years "
                    "it ran its own affairs. Whatever it shared with the British SWP in theory, "
                    "its steering committee answered to nobody outside the United States. The "
                    "habits its members described were maintained at home, which is why its "
                    "collapse cannot be explained as an accident of foreign influence.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    '<p>Some things outlived it. <a data-cite="rs21-on-iso" '
                    'data-pinpoint="Paragraph 2">Its associated book publisher and its annual '
                    "conference were organisationally separate</a> and carried on. The members "
                    "scattered into other organisations and new projects, carrying their own "
                    "lessons with them. The clearest of those is in the statements themselves: an "
                    "organisation that cannot let its members organise openly will not learn what "
                    "is going wrong until it is too late to fix.</p>"
                ),
            ),
        ],
        "corrections": [
            (
                "2019-06-14",
                (
                    "We originally said the dissolution vote closed in April 2019; the "
                    "organisation's own report gives 29 March."
                ),
            ),
        ],
    },
    {
        "slug": "the-faction-ban",
        "title": "The faction ban: democratic centralism as a calendar",
        "standfirst": (
            "In the groups we follow, members may organise to change the line for a few months "
            "before conference and then must stop. We look at what that rule has done to the SWP, "
            "the ISO, the CWI and the IMT."
        ),
        "contributors": [
            "ines-varga",
        ],
        "date": "2023-05-08",
        "organisations": [
            "swp",
            "iso",
            "cwi",
            "imt",
        ],
        "topics": [
            "democratic centralism",
            "factions",
            "internal democracy",
        ],
        "status": "live",
        "body": [
            (
                "paragraph",
                (
                    "<p>Every organisation we write about describes itself as democratic "
                    "centralist: free discussion, then unity in action. The formula is old and, on "
                    "its face, reasonable. The question is how the balance is struck in practice. "
                    "In most of these groups the answer is a calendar. Debate is permitted, and "
                    "organised opposition tolerated, for a short pre-conference period; afterwards "
                    "factions must dissolve. John Kelly's study of British Trotskyism <a "
                    'data-cite="kelly-contemporary-trotskyism" data-pinpoint="Introduction">links '
                    "their frequent splits and high turnover to features of the sect</a>, and the "
                    "calendar is one of those features.</p>"
                ),
            ),
            (
                "heading",
                "The calendar at work",
            ),
            (
                "paragraph",
                (
                    "<p>The SWP's rules are the clearest case. Factions may form in the three "
                    "months before annual conference and must disband when it ends. In 2013 that "
                    "rule turned a dispute about a complaints procedure into a disciplinary "
                    "matter: those who carried on arguing after conference were, by definition, "
                    'breaking the rules. <a data-cite="swp-resignations-2013" '
                    'data-pinpoint="Statements, spring 2013">Resignation statements</a> from that '
                    "year return again and again to the point that members had no legitimate way "
                    "to pursue a question they thought conference had got wrong.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The ISO's rules were less formal but had similar effects. When the "
                    "organisation dissolved, its final statement named <a "
                    'data-cite="iso-final-steps" data-pinpoint="Paragraph 4">a long-standing '
                    "hostility to caucuses</a>, including caucuses of members from oppressed "
                    "groups, as one cause of its collapse. A caucus is not a faction, but the "
                    "suspicion was the same: any grouping not created by the leadership was "
                    "treated as a potential rival to it.</p>"
                ),
            ),
            (
                "heading",
                "When the minority has nowhere to go",
            ),
            (
                "paragraph",
                (
                    "<p>The CWI and the IMT show the other side of the calendar. If a minority may "
                    "not stay organised between conferences, a serious minority has two options: "
                    'dissolve or leave. In the <a data-cite="imt-dispute-statements-2010" '
                    "data-pinpoint=\"Departing sections' statements\">IMT's dispute of "
                    "2009-2010</a> the leaderships of whole sections chose to leave, and <a "
                    'data-cite="wp-imt" data-pinpoint="History section">most of the Spanish, '
                    "Mexican and Venezuelan membership went with them</a>. In the CWI in 2019 <a "
                    'data-cite="cwi-split-statements-2019" data-pinpoint="Minority '
                    'statements">each side claimed to be the real organisation</a>, and neither '
                    "tried to coexist.</p>"
                ),
            ),
            (
                "quotation",
                {
                    "text": "Unity in action, and silence in between.",
                    "attribution": "Ines Varga",
                    "source": None,
                },
            ),
            (
                "paragraph",
                (
                    "<p>Defenders of the rule argue that permanent factions paralyse a small "
                    "organisation and turn it into a debating society. There is something in that. "
                    "But the record suggests the opposite risk is worse. Where disagreement cannot "
                    "be organised openly it is organised privately, it is discovered rather than "
                    "debated, and it ends in expulsion or departure. An organisation that "
                    "repeatedly loses whole sections of its membership this way is not being "
                    "protected by its discipline.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>A different balance is possible without giving up unity in action: a "
                    "standing right to form tendencies, minority positions published alongside "
                    "majority ones, and a leadership that does not also control the disciplinary "
                    "process. None of these is exotic. They are the ordinary rules of many trade "
                    "unions. That they sound radical inside these organisations is the best "
                    "measure of how far the calendar has shaped their idea of democracy.</p>"
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "paying-the-apparatus",
        "title": "Paying the apparatus: full-timers, papers and money",
        "standfirst": (
            "Small revolutionary groups raise a surprising amount of money from their members. "
            "Most of it goes on paid staff and the weekly paper. That shapes who holds power "
            "inside them."
        ),
        "contributors": [
            "owen-marsh",
        ],
        "date": "2024-09-30",
        "organisations": [
            "swp",
            "spew",
            "cwi",
            "imt",
        ],
        "topics": [
            "full-timers",
            "finance",
            "publications",
        ],
        "status": "live",
        "body": [
            (
                "paragraph",
                (
                    "<p>Political organisations are usually written about in terms of ideas. Money "
                    "gets less attention, though it explains a great deal. The groups we follow "
                    "ask far more of their members than mainstream parties do: regular "
                    "subscriptions, paper sales, special appeals. Kelly's study of British "
                    'Trotskyism found that <a data-cite="kelly-contemporary-trotskyism" '
                    'data-pinpoint="Chapter on organisational resources">much of that income is '
                    "absorbed by paid staff and the weekly paper</a>. Both are treated as "
                    "essential. Both also concentrate power in the hands of those who run them.</p>"
                ),
            ),
            (
                "heading",
                "The paper as organiser",
            ),
            (
                "paragraph",
                (
                    "<p>The weekly paper is the defining product of this tradition. Socialist "
                    'Worker in Britain <a data-cite="socialist-worker-uk" data-pinpoint="Donation '
                    'and subscription pages">regularly asks readers to subscribe and donate</a> to '
                    "keep going; the Socialist Party in England and Wales reports on <a "
                    'data-cite="spew-site" data-pinpoint="Fighting fund reports">branch targets '
                    "for its fighting fund</a> alongside sales. The paper is meant to organise as "
                    "well as inform, giving members a reason to be on the street every week. It "
                    "also gives the editorial office, which answers to the leadership, the only "
                    "voice that reaches every member.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Full-time organisers are the other large cost. They are appointed by the "
                    "leadership and paid from members' money, and in most of these groups they are "
                    "also delegates, speakers and the first point of contact for new members. <a "
                    'data-cite="kelly-contemporary-trotskyism" data-pinpoint="Chapter on '
                    'organisational resources">Kelly notes the weight of this layer</a> in the '
                    "larger groups. A member who disagrees with the leadership can lose an "
                    "argument; a full-timer who disagrees can lose a job. That asymmetry does not "
                    "require bad faith to distort internal debate.</p>"
                ),
            ),
            (
                "heading",
                "What members can see",
            ),
            (
                "paragraph",
                (
                    "<p>In the public material we reviewed, appeals are much easier to find than "
                    "accounts. The groups' sites explain what money is for, but we found little "
                    "that would let an ordinary member compare income with spending or know how "
                    "many people the organisation employs. Internal reporting may be fuller than "
                    "public reporting, and we have not seen it. But members who fund an "
                    "organisation so generously are entitled to more than an assurance that the "
                    "money is well used.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The same pattern holds across the splits. The IMT's relaunch in 2024 was "
                    'presented on <a data-cite="imt-site" data-pinpoint="Home page, 2024">its main '
                    "website</a> with new party names and new publications across several "
                    "countries, a real organisational effort that someone had to pay for and "
                    "staff. In every case the publication, the website and the staff are the part "
                    "of the organisation that survives a split, and the fight over who keeps them "
                    "is often the most bitter part.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The SWP's theoretical journal, reviewing Kelly's book, <a "
                    'data-cite="isj-kelly-review" data-pinpoint="Opening paragraphs">objected that '
                    "it misreads the political purpose</a> of the groups it studies. That is a "
                    "fair reminder: staff and papers exist because members believe in a project. "
                    "But purpose is not an argument against transparency. An apparatus that serves "
                    "the members should be able to show them, in figures, what it costs and what "
                    "it does.</p>"
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "the-founders-shadow",
        "title": "The founder's shadow: Cliff, Grant and the authority of the theorist",
        "standfirst": (
            "Two of the traditions we follow were built around one man's theory. What happens to "
            "internal democracy when the founder is also the final word?"
        ),
        "contributors": [
            "k-sable",
            "ines-varga",
        ],
        "date": "2022-11-03",
        "organisations": [
            "swp",
            "imt",
            "cwi",
        ],
        "topics": [
            "leadership",
            "splits",
            "democratic centralism",
        ],
        "status": "live",
        "body": [
            (
                "paragraph",
                (
                    '<p>The charge of a "leadership cult" is thrown about too easily on the left, '
                    "usually by rivals. We prefer a narrower question. Both the SWP and the "
                    "Militant tradition, which produced the CWI and the IMT, were shaped for "
                    "decades by a single theorist whose writings defined what the organisation "
                    'was. Kelly counts <a data-cite="kelly-contemporary-trotskyism" '
                    'data-pinpoint="Introduction">charismatic leadership</a> among the '
                    "characteristic features of British Trotskyism. We want to ask what that "
                    "feature does to the rules these groups write for themselves.</p>"
                ),
            ),
            (
                "heading",
                "Cliff and the theory that made a tradition",
            ),
            (
                "paragraph",
                (
                    "<p>The International Socialist tradition begins with a book. Tony Cliff's "
                    'case that the Soviet Union was <a data-cite="cliff-state-capitalism" '
                    'data-pinpoint="Concluding chapters">a bureaucratic state capitalism</a> set '
                    "his small group apart from other Trotskyists, and <a "
                    'data-cite="wp-tony-cliff" data-pinpoint="Political thought section">from 1950 '
                    "onward</a> it defined the current that became the SWP. A tradition founded on "
                    "one person's analysis tends to treat that person's later judgements, on "
                    "organisation as well as theory, with a deference that no rule book requires "
                    "and no rule book can limit.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Cliff died in 2000, and the SWP did not break apart. Authority passed to a "
                    "central committee that drew its legitimacy partly from continuity with him. "
                    'When the party faced its <a data-cite="wp-swp" data-pinpoint="2013 crisis '
                    'section">2013 crisis</a>, members who challenged that committee found '
                    "themselves arguing not only with the current leaders but with a tradition of "
                    "trust in the leadership that Cliff's long tenure had built.</p>"
                ),
            ),
            (
                "heading",
                "Grant: a founder outside his own house",
            ),
            (
                "paragraph",
                (
                    "<p>The Militant story runs the other way. Ted Grant was the tendency's "
                    'theorist for decades, yet in 1992 <a data-cite="wp-ted-grant" '
                    'data-pinpoint="Later life section">he was expelled from the organisation he '
                    "had done most to build</a>. A founder's authority, it turns out, is no "
                    "protection once a new leadership has built its own. The lesson for members is "
                    "uncomfortable: deference to the founder can coexist with very little "
                    "procedural protection for anyone, the founder included.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>In the tendency Grant and Alan Woods then built, his standing was "
                    'reinvested rather than diminished. The <a data-cite="wp-imt" '
                    'data-pinpoint="History section">Committee for a Marxist International</a> '
                    "presented itself as the true continuity of his ideas, and after <a "
                    'data-cite="wp-ted-grant" data-pinpoint="Later life section">his death in '
                    "2006</a> that claim of continuity remained central to how the IMT explained "
                    "itself, through its renaming and its 2024 relaunch. A founder excluded by one "
                    "organisation became the guarantee of another's legitimacy, which is a "
                    "different kind of authority but not a smaller one.</p>"
                ),
            ),
            (
                "quotation",
                {
                    "text": (
                        "The problem is not that members admire a founder but that nothing in the "
                        "rules depends on whether they do."
                    ),
                    "attribution": "K. Sable and Ines Varga",
                    "source": None,
                },
            ),
            (
                "paragraph",
                (
                    "<p>None of this requires us to judge the founders' ideas, which have serious "
                    "defenders. The structural point is simpler. Where the authority to interpret "
                    "the tradition sits with one person or a small circle around them, internal "
                    "debate is debate about who reads the texts correctly, and losing it means "
                    "being outside the tradition. Term limits, published minority reports and a "
                    "disciplinary process independent of the leadership would not dethrone anyone. "
                    "They would make it possible to disagree and stay.</p>"
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "from-tendency-to-party",
        "title": "From tendency to party: what the IMT's names tell us",
        "standfirst": (
            "Committee, tendency, international: the organisation founded by Ted Grant's "
            "supporters in 1992 has changed its name twice. Each name records a different idea of "
            "what it was for."
        ),
        "contributors": [
            "tom-aldred",
        ],
        "date": "2025-01-15",
        "organisations": [
            "imt",
            "socialist-appeal",
            "cwi",
        ],
        "topics": [
            "leadership",
            "splits",
            "publications",
        ],
        "status": "live",
        "body": [
            (
                "paragraph",
                (
                    "<p>Organisations on the left rename themselves for many reasons, and not all "
                    "of them are significant. The IMT's names are worth reading closely because "
                    "each marked a shift in self-understanding. It began in 1992 as <a "
                    'data-cite="wp-imt" data-pinpoint="History section">the Committee for a '
                    "Marxist International</a>, took the name International Marxist Tendency in "
                    '2006, and in 2024 <a data-cite="imt-site" data-pinpoint="Home page, '
                    '2024">relaunched itself as the Revolutionary Communist International</a>. '
                    "Three names in just over thirty years, each with a different claim about what "
                    "the group is and whom it addresses.</p>"
                ),
            ),
            (
                "heading",
                "A tendency, not a party",
            ),
            (
                "paragraph",
                (
                    "<p>The first two names were modest on purpose. The group had been formed by "
                    'the minority that <a data-cite="wp-militant" data-pinpoint="Split '
                    'section">opposed leaving the Labour Party</a> and was expelled for it. Its '
                    'view, inherited from <a data-cite="wp-ted-grant" data-pinpoint="Later life '
                    'section">Grant</a>, was that revolutionaries should work inside the mass '
                    'organisations of the working class until conditions changed. A "committee" or '
                    'a "tendency" is a current of opinion within a wider movement, not a party '
                    "standing against it. In Britain the supporters organised around a paper, "
                    "Socialist Appeal, rather than under a party name.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>That modesty did not mean a loose structure. The dispute of 2009-2010, in "
                    'which <a data-cite="wp-imt" data-pinpoint="History section">most of the '
                    "Spanish, Mexican and Venezuelan membership left</a>, showed an international "
                    "centre with real authority over its sections. The published <a "
                    'data-cite="imt-dispute-statements-2010" data-pinpoint="IMT '
                    'statements">statements of the international leadership</a> treated the '
                    "departure as a breach of the tendency's rules; <a "
                    'data-cite="imt-dispute-statements-2010" data-pinpoint="Departing sections\' '
                    'statements">the departing sections</a> described it as a dispute about how '
                    "the international was run.</p>"
                ),
            ),
            (
                "heading",
                "The communist turn",
            ),
            (
                "paragraph",
                (
                    "<p>The 2024 relaunch dropped the modesty. The organisation now calls itself "
                    "an international and its sections parties; the British section became the "
                    'Revolutionary Communist Party. The <a data-cite="imt-site" '
                    'data-pinpoint="Home page, 2024">tendency\'s own site</a> presents this as a '
                    "response to a new generation that identifies openly with communism. Whatever "
                    "one thinks of that assessment, it is a change of strategy, and it sits "
                    "uneasily with the history of a group whose founding argument was against "
                    "standing apart from the mass organisations.</p>"
                ),
            ),
            (
                "quotation",
                {
                    "text": "A new name is a promise; the statutes show whether it was kept.",
                    "attribution": "Tom Aldred",
                    "source": None,
                },
            ),
            (
                "paragraph",
                (
                    "<p>What a renaming does not by itself change is the internal regime. We have "
                    "not seen evidence that the new party names came with new rights for members, "
                    "such as standing tendencies or published minority reports, and we have not "
                    "seen evidence that they did not. That is the question we would ask of any "
                    "organisation announcing a new beginning: not what it is now called, but "
                    "whether a member who disagrees with the leadership has more room to say so "
                    "than before.</p>"
                ),
            ),
        ],
        "corrections": [
            (
                "2025-01-29",
                (
                    "We first gave 2007 as the year the tendency adopted the name International "
                    "Marxist Tendency; it was 2006."
                ),
            ),
        ],
    },
    {
        "slug": "expelled-in-2001",
        "title": "Expelled in 2001: the ISO and the International Socialist Tendency",
        "standfirst": (
            "The American ISO spent its last eighteen years outside the international it helped to "
            "build. A first look at what the expulsion tells us about how the IST settles "
            "disagreements."
        ),
        "contributors": [
            "ines-varga",
        ],
        "date": "2026-02-10",
        "organisations": [
            "iso",
            "ist",
            "swp",
        ],
        "topics": [
            "expulsions",
            "splits",
            "leadership",
        ],
        "status": "draft",
        "body": [
            (
                "paragraph",
                (
                    "<p>The International Socialist Tendency likes to describe itself as a loose "
                    "network of like-minded groups rather than a centralised international. Its "
                    "one famous expulsion tests that description. In 2001 the American <a "
                    'data-cite="wp-iso" data-pinpoint="History section">International Socialist '
                    "Organization was expelled</a> after a long dispute with the leadership of the "
                    "British SWP. A network without formal statutes turned out to have a way of "
                    "deciding who belonged.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The two groups shared a theory. Both traced their politics to <a "
                    'data-cite="cliff-state-capitalism" data-pinpoint="Concluding '
                    "chapters\">Cliff's analysis of the Soviet Union as state capitalist</a>, and "
                    "the ISO had been part of the tendency since its foundation in the 1970s. What "
                    "divided them by the late 1990s was a set of disagreements over perspectives "
                    "and over how far the British party could direct its sister groups. The <a "
                    'data-cite="wp-ist" data-pinpoint="History section">tendency\'s own '
                    "history</a> records the outcome more clearly than the argument.</p>"
                ),
            ),
            (
                "heading",
                "A network with a centre",
            ),
            (
                "paragraph",
                (
                    "<p>The episode suggests that the IST's looseness was real only for groups "
                    "that agreed with the SWP. We have found no sign of a body that could have "
                    "overruled the British leadership, or of a procedure by which a large member "
                    "group could remain as a dissenting minority. One of the largest groups in the "
                    '<a data-cite="wp-swp" data-pinpoint="History section">SWP\'s tradition</a> '
                    "outside Britain therefore spent its last eighteen years on its own.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Drafting note: before publication we want to read the documents both sides "
                    "circulated in 2000-2001 and add them to our source files, and to check "
                    "whether other groups left the tendency in the same period. Until then this "
                    "piece describes only the outcome, which is well documented, and not the "
                    "detail of the dispute, which is not yet in our files.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The question for later sections is the one that runs through our other "
                    "essays: what room does an international leave for a member group that "
                    "disagrees with its dominant section? In 2001 the answer was none. Whether the "
                    "ISO's own later troubles owed anything to that experience is something we "
                    "want to examine carefully rather than assume. Members who were there may "
                    "remember the dispute differently from the documents, and both deserve a "
                    "hearing.</p>"
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "what-a-complaints-procedure-needs",
        "title": "What a complaints procedure needs",
        "standfirst": (
            "Two organisations in the same tradition failed complainants in 2013. A draft "
            "checklist for any political group that means to handle complaints against its own "
            "members."
        ),
        "contributors": [
            "nadia-brook",
        ],
        "date": "2026-03-02",
        "organisations": [
            "swp",
            "iso",
        ],
        "topics": [
            "complaints procedures",
            "internal democracy",
        ],
        "status": "draft",
        "body": [
            (
                "paragraph",
                (
                    "<p>Around 2012 and 2013, on opposite sides of the Atlantic, two organisations "
                    "with a shared theoretical tradition handled complaints of sexual misconduct "
                    "in ways their own members later rejected. In Britain the SWP's disputes "
                    'committee <a data-cite="guardian-swp-2013" data-pinpoint="Paragraph 4">heard '
                    "the complaint against a leading member internally</a>. In the United States, "
                    'the ISO\'s own later account says <a data-cite="iso-dissolution-report" '
                    'data-pinpoint="Opening section">the leadership overrode a disciplinary '
                    "body's finding</a>. The details differ. The design faults overlap.</p>"
                ),
            ),
            (
                "heading",
                "Independence",
            ),
            (
                "paragraph",
                (
                    "<p>The first requirement is that the people who investigate are independent "
                    "of the people under investigation and of the leadership. In the SWP case <a "
                    'data-cite="swp-disputes-transcript-2013" data-pinpoint="Floor '
                    'contributions">delegates questioned</a> whether a panel of party members '
                    "could judge the matter fairly. In the ISO case, the elected body reached a "
                    "decision and the political leadership set it aside. Either way, the procedure "
                    "was subordinate to those with power in the organisation.</p>"
                ),
            ),
            (
                "heading",
                "Separation from politics",
            ),
            (
                "paragraph",
                (
                    "<p>The second requirement is that a complaint must never become a vote of "
                    "confidence. Once a finding has to be endorsed by conference, members are no "
                    "longer assessing evidence; they are choosing sides in a leadership dispute. "
                    "The ISO's final statement tied its collapse to <a "
                    'data-cite="iso-final-steps" data-pinpoint="Paragraph 4">decades of '
                    "undemocratic habits</a> as well as to the case. Those habits are what turn a "
                    "complaint into a factional struggle.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The third is that the lessons are written down and published. The ISO's "
                    'dissolving members at least <a data-cite="iso-final-steps" '
                    'data-pinpoint="Paragraph 2">set up a body to report on the 2013 case</a> so '
                    "that others could learn from it, and groups such as <a "
                    'data-cite="rs21-on-iso" data-pinpoint="Paragraph 2">rs21</a> responded in '
                    "public. An organisation that keeps its failures private guarantees that the "
                    "next group to face the same situation starts from nothing, and usually "
                    "repeats the same mistakes for the same reasons.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Drafting note: before this goes to review, add sections on specialist "
                    "support for complainants, on when and how a complaint should be referred "
                    "outside the organisation, and on confidentiality for both parties. Each needs "
                    "a source from outside the left, such as published guidance for voluntary "
                    "organisations, so that the checklist does not rest only on the two cases "
                    "discussed here.</p>"
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "the-2019-split-from-both-sides",
        "title": "The 2019 CWI split, read from both sides",
        "standfirst": (
            "The minority kept the name; the majority kept most of the members. We read the two "
            "sides' public accounts of the CWI split against each other."
        ),
        "contributors": [
            "tom-aldred",
            "k-sable",
        ],
        "date": "2026-06-01",
        "organisations": [
            "cwi",
            "isa",
            "spew",
        ],
        "topics": [
            "splits",
            "leadership",
            "internal democracy",
        ],
        "status": "review",
        "body": [
            (
                "paragraph",
                (
                    "<p>Most splits are narrated by the winners. The 2019 split in the Committee "
                    "for a Workers' International is unusual in having two sides that each "
                    'consider themselves the winner. The <a data-cite="cwi-site" '
                    'data-pinpoint="Statements on the 2019 split">remaining CWI</a> describes a '
                    'faction that abandoned the organisation\'s programme; <a data-cite="isa-site" '
                    'data-pinpoint="About page">International Socialist Alternative</a> describes '
                    "a break with a bureaucratic leadership rather than with the CWI's politics. "
                    "Both accounts are partisan, and we read each as evidence of how its authors "
                    "understood the split.</p>"
                ),
            ),
            (
                "heading",
                "Name and members",
            ),
            (
                "paragraph",
                (
                    "<p>The facts on which both agree are few but important. The international <a "
                    'data-cite="wp-cwi" data-pinpoint="2019 split section">divided in 2019</a>, '
                    'with a majority of sections going on to found ISA. The <a data-cite="wp-spew" '
                    'data-pinpoint="History section">Socialist Party in England and Wales</a> was '
                    "the core of the minority and kept the name, the website and the "
                    "international's historic centre. Everything else, from the causes of the "
                    "split to the legitimacy of the decisions taken in 2019, is disputed.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    '<p>Reading the <a data-cite="cwi-split-statements-2019" '
                    'data-pinpoint="Minority statements">minority\'s statements</a> and the <a '
                    'data-cite="cwi-split-statements-2019" data-pinpoint="Majority '
                    "statements\">majority's</a> side by side, the striking thing is how much they "
                    "share. Both appeal to the same rules and accuse the other of breaking them. "
                    "Both describe themselves as defending democratic centralism. Neither "
                    "describes a procedure by which the organisation could have continued with a "
                    "large, organised minority inside it. On that point, at least, their silence "
                    "is the same.</p>"
                ),
            ),
            (
                "heading",
                "What neither side explains",
            ),
            (
                "paragraph",
                (
                    "<p>What neither account explains is why an international with sections on "
                    "several continents had no agreed way to resolve a dispute between its elected "
                    "international bodies and its historic centre. That gap is not the fault of "
                    "one faction. It follows from rules written on the assumption that the centre "
                    "and the majority would always coincide. In 2019 they did not, and the rules "
                    "had nothing to offer.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The split also settled little for members on the ground. Where sections "
                    "divided, former comrades found themselves in rival groups with very similar "
                    "politics. Review note: before publication, editors should check that each "
                    "side's position is summarised in terms its own members would recognise, and "
                    "add the sections' own published documents to the source files, so that the "
                    "essay does not lean on secondary summaries.</p>"
                ),
            ),
        ],
        "corrections": [],
    },
]
