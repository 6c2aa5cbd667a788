"""English cue words, by family and role (see auditor/languages/__init__.py)."""

AI_DISCLOSURE = {
    # A time clause dates the text against the AI ("written before ChatGPT was released"): no notice.
    "time_clause": [r"before", r"after", r"since", r"until", r"prior to"],
    # Sentence templates: the text itself, the creation verb, the link and the AI (research/phrases.md, C).
    "notice_self": [
        r"(?:this|the present|the following|the above) (?:article|story|text|content|report|post|piece|summary|translation|version|key points|news item)s?"
    ],
    "notice_verb": [
        r"(?:created|generated|written|produced|drafted|assisted|translated|prepared|compiled|composed|assembled|researched|summari[sz]ed|edited|made)"
    ],
    "notice_link": [
        r"(?:with|by|using|via|through|from|thanks to)"
    ],
    "notice_ai": [
        r"(?:AI|A\.I\.|artificial intelligence|generative AI|gen ?AI|ChatGPT|GPT-?\d?|automation technology|an AI engine|a language model|large language models?|LLMs?|machine learning|automated insights)(?! (?:researchers?|experts?|companies|company|firms?|start-?ups?|industry|policy|regulation|ethics|safety|labs?|act|law|scientists?|specialists?|now institute))"
    ],
    "notice_order": [r"verb-before-ai"],
    "notice_extra": [r"(?:this|the present|the following|the above) (?:article|story|text|content|report|post|piece|summary|translation|version|key points|news item)s?[^.!?\n]{0,40}?\b(?:generated|written|produced|created) automatically", r"this AI[- ](?:generated|assisted|written) (?:article|story|text|content|report)", r"(?:AI|artificial intelligence|generative AI) (?:tools? )?(?:was|were) used (?:to|in|for) (?:[\w'’-]+ ){0,3}?(?:this|the) (?:article|story|text|content|report)"],
    # The AI as the subject that helped write the text ("ChatGPT helped draft this article").
    "helped": [r"(?:helped|assisted|wrote|generated|drafted|produced|translated|summari[sz]ed|co-wrote)"],
    # A name declared as the signature of AI-made texts.
    "pen_name": [r"pen name", r"byline", r"pseudonym", r"the name (?:under|with) which"],
    # The text, a part of it, or the publication as the subject of a sentence.
    "self": [r"(?:this|the following|the above|our) (?:[\w-]+ ){0,2}?(?:file|code|script|dataset|data|documentation|images?|illustrations?|figures?|diagrams?|answers?|responses?|results?|output|description|questions?|quiz)",
             r"(?:this|the present|the following|the above|our) (?:[\w-]+ ){0,2}?(?:article|story|text|content|"
             r"report|post|piece|summary|translation|version|book|project|analysis|manuscript|work|newsletter|page|"
             r"guide|review|episode|chapter|document|readme|blog post|briefing|explainer|image|video)s?",
             r"(?:parts?|portions?|some parts|sections?) of (?:this|the following|our) (?:[\w-]+ )?"
             r"(?:article|story|text|content|report|post|piece|summary|book)"],
    # Creation or assistance, written before the AI that did it.
    "made": [r"(?:created|generated|written|produced|drafted|assisted|translated|prepared|compiled|composed|"
             r"assembled|researched|summari[sz]ed|edited|made|reviewed|revised|refined|developed|designed|"
             r"supported|enhanced|improved|polished|proofread)",
             r"with (?:the )?(?:help|assistance|support|aid) of", r"with (?:\w+ )?assistance from", r"using",
             r"by means of", r"relied (?:up)?on", r"counted on", r"leaned on", r"with input from"],
    # Sentences that open with the participle: labels ("Written with the help of AI").
    "opening": [r"(?:images?|illustrations?|figures?|pictures?|answers?|responses?|results?|output|questions?|descriptions?|data|code|files?|analys[ei]s|summar(?:y|ies)|reports?|content) (?:(?:was|were|is|are) )?(?:automatically )?(?:written|created|generated|produced|made|drafted|compiled|prepared)",
             r"(?:(?:story|article|text|content|report|summary|translation|image|photo|video|illustration|"
                r"episode|post) )?(?:written|created|generated|produced|made|translated|drafted|assisted|"
                r"summari[sz]ed|compiled|prepared)"],
    # The author, the publisher or "we" used the AI.
    "user": [r"(?:the )?(?:author|authors|writer|editors?|publisher|newsroom|editorial (?:team|staff)|our team|"
             r"reporter) (?:has |have )?(?:used|utili[sz]ed|employed|relied on|counted on|consulted|worked with)",
             r"(?:we|I) (?:have )?(?:used|utili[sz]ed|employed|relied on|counted on|worked with)"],
    "label": [r"note", r"disclosure", r"disclaimer", r"notice", r"transparency(?: note)?", r"declaration",
              r"content", r"editor'?s note", r"about this (?:article|story)", r"ai (?:use|disclosure|notice)"],
    # Generic, hypothetical or future statements are not a notice about this text.
    "modal": [r"can", r"could", r"may", r"might", r"must", r"should", r"shall", r"will", r"would", r"if",
              r"whether", r"when", r"is able to", r"are able to"],
    # Someone else's wording introduced as such.
    "reported": [r"for example", r"for instance", r"e\.g\.", r"such as", r"example", r"suggested", r"template",
                 r"disclosed in", r"wording", r"reads?", r"stated", r"said", r"like this"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "label_line": [
        r"(?:story|article|text|content|report|summary|translation)? ?(?:produced|created|generated|written|made|translated|drafted) (?:with|by|using) (?:the )?(?:help of |assistance of |support of )?(?:an? )?(?:AI|artificial intelligence|generative AI)\b(?: assistance| tools?)?"
    ],
}

BOILERPLATE = {
    # Page furniture: whole-line labels and the openings of short lines (related links, loaders, pagers, tag pages).
    "furniture_line": [r"comments are (?:closed|disabled)", r"editor'?s picks?", r"connect with us", r"(?:published|updated|posted)(?: on)?", r"this article is more than (?:\w+ )?(?:years?|months?) old", r"loading\.{0,3}", r"load more", r"show more", r"see all", r"view all", r"join us", r"follow us", r"related (?:articles|stories|posts)", r"more (?:stories|news) from [\w ]{1,30}", r"most (?:read|popular)", r"latest (?:news|stories)", r"breaking news", r"table of contents", r"in this article", r"next (?:article|story|post)", r"previous (?:article|story|post)", r"(?:blog )?comments powered by disqus", r"leave a (?:comment|reply)", r"download(?: the)? pdf", r"home tags?(?: [\w -]{1,40})?"],
    "furniture_opening": [r"(?:also )?read (?:also|more|next)\s?:", r"see also\s?:", r"related\s?:", r"showing posts (?:with label|for)", r"page \d+ of \d+", r"posted (?:by|in|on)\s", r"(?:all )?(?:posts|articles|news) tagged"],
    "ad_label": [r"advertisement", r"advertising", r"sponsored(?: content)?", r"ad", r"ads", r"header ads",
                 r"advertisement (?:[-–—] )?continue reading below", r"continue reading (?:below|after (?:the|this) "
                 r"(?:ad|advertisement))", r"story continues below(?: advertisement)?", r"paid content",
                 r"partner content", r"promoted"],
    "paywall": [r"to continue reading,? (?:please )?(?:subscribe|log in|sign in)", r"subscribe to (?:continue|keep) "
                r"reading", r"\w+ reserves this (?:article|story|content) for (?:its|our) subscribers",
                r"this (?:article|story|content) is (?:reserved |available )?(?:only )?for (?:subscribers|members)",
                r"you(?:'ve| have) reached (?:your|the) (?:limit|maximum) of free articles",
                r"(?:already a subscriber|already have an account)\??", r"you can only read this (?:article|story) "
                r"on one device", r"read (?:unlimited|without ads)", r"unlock (?:this|the full) (?:article|story)",
                r"subscribe (?:now )?to read"],
    "toolbar": [r"share (?:on|via) (?:facebook|twitter|x|whatsapp|linkedin|email|e-mail)", r"copy (?:the )?link", r"see (?:the )?comments", r"share", r"share this", r"print", r"email", r"e-mail", r"comments?", r"listen", r"listen to this "
                r"(?:article|story)", r"read aloud", r"save", r"copy link", r"back to top(?: button)?", r"back",
                r"tweet", r"whatsapp", r"facebook", r"twitter", r"linkedin", r"telegram", r"pinterest", r"reddit",
                r"font size", r"a a", r"close", r"menu", r"search", r"home"],
    "reading_time": [r"\d+ ?(?:-| )?min(?:ute)?s?\.? read", r"reading time:? ?\d+ ?min(?:ute)?s?",
                     r"read time:? ?\d+ ?min(?:ute)?s?(?:,? \d+ ?sec(?:ond)?s?)?",
                     r"\d+ ?min(?:ute)?s? (?:reading|to read)"],
    "feedback": [r"was this (?:article|story|page) (?:helpful|useful)\??", r"did you (?:find|like) this (?:article|"
                 r"story)\??", r"rate this (?:article|story)"],
    "location": [r"you are here:?", r"skip to (?:main )?content", r"press \W?enter\W? to skip to content",
                 r"jump to (?:navigation|search|content)", r"skip navigation"],
    "tag_label": [r"tags?:", r"topics?:", r"filed under:", r"related topics:", r"keywords:"],
    "staff_role": [r"editor", r"reporter", r"writer", r"photographer", r"editing", r"reporting"],
    "contact": [r"contact (?:our|the) (?:newsroom|editorial team|editors)", r"have a (?:news )?tip\??",
                r"got a (?:news )?tip\??"],
    "promo": [r"read (?:the news|our journalism) without ads", r"become a (?:member|columnist|contributor)"],
    # Media players and other technical leftovers (a PHP notice printed into the page).
    "media_player": [r"(?:php )?(?:notice|warning|deprecated|fatal error|parse error)\s?: (?:function|undefined|cannot|use of|trying to|[\w\\]+\(\))", r"no media source currently available", r"your browser does not support (?:the )?"
                     r"(?:video|audio)(?: (?:tag|element))?", r"please wait"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "more_label": [
        r"read (?:more|source|the source|full (?:story|article)|the full (?:story|article))", r"continue reading",
        r"click here(?: to read more)?", r"learn more", r"see more", r"view (?:source|original|full article)",
        r"full story", r"more…?"
    ],
    "related_label": [
        r"read also", r"also read", r"see also", r"related(?: articles?| stories| news| coverage)?",
        r"you may also like", r"recommended(?: for you)?", r"more on this(?: story)?"
    ],
    "call_to_action": [
        r"(?:sign up|subscribe|register) (?:now |today |here )?(?:for|to) (?:our|the) (?:free )?(?:\w+ )?(?:newsletters?|daily|weekly|briefing|alerts?)",
        r"subscribe (?:now|today|here)", r"get (?:our|the) (?:free )?(?:\w+ )?newsletter",
        r"follow us(?: on (?:facebook|twitter|x|instagram|linkedin|telegram|tiktok|youtube|google news))?",
        r"like us on facebook", r"share this (?:article|story|post)", r"(?:like|spread the word)!? (?:and|&) share",
        r"spread the word", r"join (?:us|our community) on",
        r"(?:\d+ ?)?% of readers think this story is (?:fact|fiction)", r"add your two cents", r"headline:(?= \S)"
    ],
    "section": [
        r"news",
        r"(?:world|local|national|business|tech|technology|science|health|sports?|politics|opinion)(?: news)?",
        r"entertainment", r"culture", r"lifestyle", r"economy", r"markets", r"finance", r"travel", r"android",
        r"ios", r"apple", r"google", r"mobile", r"gaming", r"gadgets", r"reviews?", r"u\.?s\.?", r"europe", r"asia",
        r"breaking(?: news)?", r"top stories", r"editorial"
    ],
    "section_ad_label": [r"advertisement", r"advertising", r"sponsored(?: content)?", r"paid content", r"promoted"],
}

CITATION = {
    # Words that make a name in a credit position an organisation, not a photographer ("Anadolu Agency").
    "org_word": [r"agency", r"press", r"news", r"images", r"pictures", r"photos", r"media", r"wire", r"news service", r"newswire"],
    # A nonprofit newsroom's boilerplate about itself ("Grist is a nonprofit, independent media organization").
    "newsroom_about": [r"is an? (?:[\w-]+[ ,]+){0,3}?(?:nonprofit|non-profit|independent|nonpartisan|not-for-profit)[ ,]+(?:[\w-]+[ ,]+){0,3}?(?:newsroom|news organi[sz]ation|news outlet|media organi[sz]ation|publication|news site|news service)"],
    "republished": [r"an article by [\w .\'-]{2,40}? for", r"originally (?:published|posted|appeared|ran) (?:on|at|in|by)", r"appeared first (?:on|in|at)",
                    r"first (?:published|appeared) (?:on|in|at|by)",
                    r"republished (?:here )?(?:with permission )?from", r"reprinted (?:with permission )?from",
                    r"reproduced (?:with permission )?from",
                    r"(?:is |was )?republished (?:here )?(?:with permission )?from", r"provided by",
                    r"published (?:initially|first) (?:by|on|in|at)",
                    r"originally written by [\w .'-]{2,40}? for"],
    "read_on": [r"read (?:more|the (?:full|original) (?:article|story)) (?:at|on|in)", r"continue reading (?:at|on)"],
    "licence": [r"under an? (?:creative commons|cc[- ]by[\w. -]*) licen[cs]e", r"under (?:the )?(?:terms of )?(?:a |the )?"
                r"creative commons"],
    "name_stop": [r"under", r"with permission", r"on \w+ \d{1,2}", r"in \d{4}", r"and has been", r"and (?:was|has|is)", r",? an? "
                  r"(?:nonprofit|non-profit|independent)"],
    "rights": [r"all rights reserved"],
    "with_agency": [r"with", r"and"],
    "byline": [r"by"],
    "photo_copyright": [r"copyright", r"image copyright", r"photograph:"],
    "via": [r"via"],
    "newspaper_filler": [r"the (?:newspaper|magazine|daily|weekly|site|website)"],
    "from": [r"from"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "republished_no_name": [r"republished (?:here )?with (?:kind )?permission", r"reprinted with permission"],
    "agency_with": [r"with (?:material|files) from"],
    "reporting_by": [r"(?:with )?(?:additional )?reporting (?:by|from)"],
    # "Foto de EFE": a credit by a preposition, kept only when it names a known outlet.
    "photo_of": [r"photo of"],
    "photo_by": [
        r"(?:photo(?:graph)?s?|images?|pictures?) (?:by|via|courtesy(?: of)?)",
        r"(?:featured|header|cover|top|lead) (?:image|photo) (?:by|via)", r"image copyright"
    ],
    "video_by": [r"video (?:by|via|courtesy of)"],
    "via_lead": [r"via"],
    "source_heading": [r"sources?(?: for this (?:article|story|report))?(?: include)?", r"references", r"contacts and sources"],
    "label_photo": [
        r"photos?", r"images?", r"pictures?", r"photo credits?", r"image credits?", r"credits?", r"photograph",
        r"(?:featured|header|cover|top|lead) (?:image|photo)"
    ],
    "label_video": [r"video", r"video credit"],
    "label_text": [r"sources?", r"via"],
}

CONSENT = {
    # A cookie *policy* speaks about cookies: definitions, browser settings, the policy's own name.
    "policy": [r"cookies are small (?:text )?files", r"an? cookie is an? (?:small|tiny)", r"(?:your|the) browser(?:['’]s)? settings"],
    "policy_heading": [r"what are cookies\??", r"cookie policy", r"this cookie policy"],
    "request": [r"please accept (?:all )?(?:the )?cookies", r"accept (?:all )?cookies (?:to|and) (?:continue|read|"
                r"proceed|keep)", r"accept and (?:continue|read for free|close)", r"to continue,? (?:please )?accept",
                r"you (?:need|have) to accept (?:the )?cookies"],
    "choice": [r"choose which (?:cookies|categories)", r"manage (?:your )?(?:cookie )?(?:preferences|settings|choices)",
               r"(?:reject|decline|refuse) (?:all|non-essential)", r"with your (?:consent|permission)"],
    "web": [r"browser", r"device", r"session"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "site_uses": [
        r"(?:this|our) (?:web ?)?(?:site|page|portal|service) (?:uses|is using|employs|stores|places) (?:[\w'’-]+ ){0,3}?cookies?",
        r"we(?: and our (?:\w+ )?(?:partners|vendors|advertisers))? (?:use|are using|place|store|set) (?:[\w'’-]+ ){0,3}?cookies",
        r"we(?:'d| would) like to (?:use|set|store) (?:\w+ )?cookies",
        r"cookies help us (?:deliver|provide|improve|give)", r"(?:privacy|data protection) (?:&|and) cookies:"
    ],
    "visitor_consents": [
        r"by (?:continuing|using|browsing|clicking|choosing|closing|visiting|staying)",
        r"if you continue (?:to )?(?:use|using|browse|browsing|visit)",
        r"you (?:accept|agree to|consent to|are giving consent to|are agreeing to) (?:our |the |their |its |this )?(?:use|placement|storing|storage|cookie|cookies)",
        r"you agree to (?:their|its|this) use", r"accept (?:all )?cookies",
        r"we(?:'ll| will) assume (?:that )?you(?:'re| are) (?:ok|okay|happy|fine)",
        r"continu(?:ed|ous) (?:usage|use) of (?:the|this|our) (?:web)?site"
    ],
    "web_context": [
        r"(?:web)?sites?", r"brows\w+", r"experience", r"services?", r"traffic", r"analy[sz]\w*", r"advertis\w*",
        r"ads", r"personali[sz]\w*", r"preferences", r"partners", r"third[- ]part\w+", r"consent", r"privacy",
        r"tracking", r"navigation", r"visits?"
    ],
}

STRUCTURE = {
    "summary_label": [
        r"key (?:points|takeaways|facts)", r"(?:the )?highlights", r"at a glance", r"in brief",
        r"(?:story )?summary", r"tl;? ?dr", r"what you need to know", r"the big picture", r"main points",
        r"quick read"
    ],
}
