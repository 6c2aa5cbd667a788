"""German cue words, by family and role (see auditor/languages/__init__.py)."""

AI_DISCLOSURE = {
    # A time clause dates the text against the AI ("written before ChatGPT was released"): no notice.
    "time_clause": [r"bevor", r"nachdem", r"seit", r"bis"],
    # Sentence templates: the text itself, the creation verb, the link and the AI (research/phrases.md, C).
    "notice_self": [
        r"(?:dieser|der vorliegende|folgender) (?:text|beitrag|artikel|bericht)|(?:diese|die vorliegende|folgende) (?:meldung|nachricht|zusammenfassung|übersetzung)"
    ],
    "notice_verb": [
        r"(?:erstellt|generiert|geschrieben|verfasst|übersetzt|erzeugt|produziert|zusammengefasst|zusammengestellt|bearbeitet)"
    ],
    "notice_link": [
        r"(?:mit hilfe|mithilfe|mit unterstützung|unter einsatz|unter verwendung|mit|durch|von)"
    ],
    "notice_ai": [
        r"(?:KI|künstliche[rn]? intelligenz|ChatGPT|einer KI|eines KI-\w+|KI-\w+)"
    ],
    "notice_order": [r"ai-before-verb"],
    "notice_extra": [],
    # The AI as the subject that helped write the text ("ChatGPT helped draft this article").
    "helped": [r"(?:half|hat (?:bei )?(?:\w+ ){0,3}geholfen|schrieb|erstellte|generierte|übersetzte|verfasste)"],
    # A name declared as the signature of AI-made texts.
    "pen_name": [r"kürzel", r"autorenname", r"pseudonym", r"künstlername", r"unter dem namen"],
    "self": [r"(?:dieser|diese|dieses) (?:[\w-]+ ){0,2}?(?:datei|code|daten|bilder|bild|illustrationen?|antworten?|ergebnisse?|beschreibung|fragen|quiz)",
             r"(?:dieser|diese|dieses|der vorliegende|die vorliegende|das vorliegende|folgender|folgende) "
             r"(?:[\w-]+ ){0,2}?(?:text|beitrag|artikel|bericht|meldung|nachricht|zusammenfassung|übersetzung|buch|"
             r"projekt|analyse|dokument|inhalt|leitfaden|ratgeber|video|bild|newsletter|blogbeitrag|post)",
             r"teile (?:dieses|des folgenden) (?:textes|beitrags|artikels)"],
    "made": [r"(?:erstellt|generiert|geschrieben|verfasst|übersetzt|erzeugt|produziert|zusammengefasst|"
             r"zusammengestellt|bearbeitet|überarbeitet|optimiert|redigiert|unterstützt)",
             r"mit hilfe", r"mithilfe", r"mit unterstützung", r"unter einsatz", r"unter verwendung", r"unter zuhilfenahme"],
    "opening": [r"(?:bilder|bild|illustrationen?|antworten?|ergebnisse?|fragen|beschreibungen?|daten|code|dateien?|analysen?|zusammenfassungen?|berichte?|inhalte?)(?: (?:wurde|wurden|ist|sind))? (?:automatisch )?(?:erstellt|generiert|geschrieben|verfasst|erzeugt)",
             r"(?:(?:text|artikel|bild|zusammenfassung|übersetzung) )?(?:erstellt|generiert|geschrieben|verfasst|"
                r"übersetzt|erzeugt) (?:mit|von|durch)", r"(?:mit hilfe|mithilfe|mit unterstützung) (?:von )?"],
    "user": [r"(?:der autor|die autorin|die autoren|die redaktion|wir|ich) (?:hat |haben |habe )?(?:nutzte|nutzten|"
             r"verwendete|verwendeten|setzte|setzten|genutzt|verwendet|eingesetzt)"],
    "label": [r"hinweis", r"transparenzhinweis", r"offenlegung", r"anmerkung", r"info", r"inhalt", r"ki-hinweis",
              r"disclaimer"],
    "modal": [r"kann", r"können", r"könnte", r"könnten", r"muss", r"müssen", r"sollte", r"sollten", r"soll",
              r"sollen", r"wenn", r"falls", r"ob", r"darf", r"dürfen"],
    "reported": [r"zum beispiel", r"z\. ?b\.", r"beispielsweise", r"etwa", r"wie", r"vorlage", r"formulierung",
                 r"heißt es", r"lautet"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "label_line": [
        r"(?:mit hilfe|mithilfe|mit) (?:von )?(?:KI|künstliche[rn]? intelligenz|ChatGPT|einer KI|eines KI-\w+|KI-\w+) (?:erstellt|generiert|geschrieben|übersetzt)"
    ],
}

BOILERPLATE = {
    # Page furniture: whole-line labels and the openings of short lines (related links, loaders, pagers, tag pages).
    "furniture_line": [r"kommentare (?:sind )?geschlossen", r"die kommentarfunktion (?:ist )?geschlossen", r"redaktionstipps?", r"(?:wird )?geladen\.{0,3}", r"lädt\.{0,3}", r"mehr (?:anzeigen|laden)", r"alle (?:anzeigen|artikel)", r"folgen sie uns", r"lesen sie auch", r"auch interessant", r"mehr zum thema", r"(?:verwandte|ähnliche) artikel", r"meistgelesen", r"neueste (?:artikel|nachrichten)", r"inhaltsverzeichnis", r"nächster artikel", r"vorheriger artikel", r"kommentar schreiben", r"pdf herunterladen"],
    "furniture_opening": [r"lesen sie auch\s?:", r"auch interessant\s?:", r"mehr zum thema\s?:", r"seite \d+ von \d+", r"veröffentlicht (?:von|in)\s"],
    "ad_label": [r"anzeige", r"werbung", r"weiterlesen nach der anzeige", r"artikel wird nach der anzeige fortgesetzt",
                 r"gesponsert", r"sponsored", r"bezahlter inhalt", r"partnerinhalt"],
    "paywall": [r"(?:um )?weiter(?:zu)?lesen(?:,)? (?:mit|als) (?:abo|abonnement|plus)", r"dieser (?:artikel|beitrag) ist "
                r"(?:nur )?(?:für|exklusiv für) (?:abonnenten|abonnentinnen|abonnierende|plus-leser)",
                r"jetzt (?:weiterlesen|abonnieren und weiterlesen)", r"sie haben bereits ein abo\??",
                r"lesen sie (?:jetzt )?(?:weiter|den ganzen artikel) mit"],
    "toolbar": [r"teilen (?:auf|per|via) (?:facebook|twitter|x|whatsapp|linkedin|e-mail)", r"link kopieren", r"teilen", r"drucken", r"vorlesen", r"merken", r"kommentare?", r"kommentieren", r"e-mail",
                r"link kopieren", r"nach oben", r"zurück", r"schriftgröße", r"artikel anhören", r"schließen"],
    "reading_time": [r"lesezeit:? ?(?:ca\. ?)?\d+ ?(?:min\.?|minuten)", r"\d+ ?(?:min\.?|minuten) lesezeit"],
    "feedback": [r"war dieser (?:artikel|beitrag) hilfreich\??", r"wie (?:hat ihnen|gefällt ihnen) (?:dieser|der) "
                 r"(?:artikel|beitrag)\??"],
    "location": [r"sie sind hier:?", r"du bist hier:?", r"zum inhalt springen", r"drücke \W?enter\W?,? um zum inhalt "
                 r"zu springen", r"direkt zum inhalt"],
    "tag_label": [r"schlagwörter:", r"schlagworte:", r"themen:", r"tags?:", r"stichworte:"],
    "staff_role": [r"redaktion", r"autor", r"autorin", r"redakteur", r"redakteurin", r"fotograf"],
    "contact": [r"kontaktieren sie (?:die|unsere) redaktion", r"schreiben sie (?:der|unserer) redaktion"],
    "promo": [r"(?:unseren|den) newsletter abonnieren", r"folge(?:n sie)? uns auf (?:social media|facebook|instagram)",
              r"sei der erste,? der unsere artikel"],
    "media_player": [r"ihr browser unterstützt (?:das|dieses) (?:video|audio)"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "more_label": [
        r"weiterlesen", r"mehr lesen", r"mehr erfahren", r"hier klicken", r"zum artikel", r"ganzen artikel lesen",
        r"hier geht[’']?s zum (?:ganzen |vollständigen )?(?:artikel|beitrag)(?: (?:auf|bei) (?:der |dem )?[\w.-]+)?"
    ],
    "related_label": [r"lesen sie auch", r"auch interessant", r"mehr zum thema", r"das könnte sie auch interessieren"],
    "call_to_action": [
        r"(?:jetzt )?(?:zum )?newsletter (?:abonnieren|anmelden|bestellen)", r"jetzt abonnieren",
        r"folgen sie uns(?: auf)?", r"artikel teilen",
        r"melden sie sich (?:hier )?(?:für|zum) (?:unseren|den) newsletter an", r"zur anmeldung geht es hier"
    ],
    "section": [
        r"wirtschaft", r"politik", r"sport", r"kultur", r"wissenschaft", r"panorama", r"inland", r"ausland",
        r"digital", r"gesundheit", r"meinung", r"nachrichten", r"web", r"international"
    ],
    "section_ad_label": [r"anzeige", r"werbung", r"gesponsert"],
}

CITATION = {
    # Words that make a name in a credit position an organisation, not a photographer ("Anadolu Agency").
    "org_word": [r"agentur", r"presse", r"nachrichten", r"bildagentur"],
    # A nonprofit newsroom's boilerplate about itself ("Grist is a nonprofit, independent media organization").
    "newsroom_about": [r"ist eine? (?:gemeinnützige|unabhängige|spendenfinanzierte)[ ,]+(?:[\w-]+[ ,]+){0,2}?(?:redaktion|nachrichtenorganisation|medienorganisation|newsroom|rechercheredaktion|plattform)"],
    "republished": [r"ein (?:artikel|beitrag) von [\w .\'-]{2,40}? für", r"(?:erschien|erschienen) (?:zuerst|ursprünglich|erstmals) (?:bei|auf|in|im)",
                    r"(?:zuerst|ursprünglich) erschienen (?:bei|auf|in|im)",
                    r"(?:im (?:\w+ )?original|zuerst|ursprünglich|erstmals) (?:auf|bei|in|im)",
                    r"(?:erschien|erschienen) (?:zuerst|ursprünglich|erstmals) (?:bei|auf|in|im)",
                    r"übernommen (?:von|aus)", r"mit freundlicher genehmigung (?:von|der|des)"],
    "read_on": [r"weiterlesen (?:auf|bei)", r"den (?:ganzen|vollständigen) artikel lesen sie (?:auf|bei)"],
    "licence": [r"unter (?:einer|der) (?:creative-commons|cc[- ]by[\w. -]*)-?lizenz"],
    "name_stop": [r", (?:ein|eine|einem|einer|der|die|das)", r"und (?:wurde|wird|ist|hat)", r"veröffentlicht", r"erschienen", r"unter", r"am \d", r"im \w+ \d{4}"],
    "rights": [r"alle rechte vorbehalten"],
    "with_agency": [r"mit", r"und"],
    "byline": [r"von"],
    "photo_copyright": [r"bildrechte", r"copyright"],
    "via": [r"via", r"über"],
    "newspaper_filler": [r"(?:der|die|dem) (?:zeitung|zeitschrift|magazin|website)"],
    "from": [r"von", r"aus"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "republished_no_name": [r"mit (?:freundlicher )?genehmigung (?:von|der|des) \w+ (?:übernommen|veröffentlicht)"],
    "agency_with": [r"mit material (?:von|vom|der|des)"],
    "reporting_by": [r"mitarbeit:?"],
    # "Foto de EFE": a credit by a preposition, kept only when it names a known outlet.
    "photo_of": [r"foto von"],
    "photo_by": [r"foto mit freundlicher genehmigung (?:von|der|des)"],
    "via_lead": [r"via"],
    "source_heading": [r"quellen?(?:angaben)?", r"verwendete quellen"],
    "label_photo": [r"fotos?", r"bild", r"bilder", r"bildquelle", r"bildnachweis", r"titelbild", r"fotoquelle"],
    "label_video": [r"video", r"videoquelle"],
    "label_text": [r"quellen?"],
    "video_by": [],  # no cue in this language
}

CONSENT = {
    # A cookie *policy* speaks about cookies: definitions, browser settings, the policy's own name.
    "policy": [r"cookies sind kleine", r"ein cookie ist eine? (?:kleine )?(?:textdatei|datei)", r"einstellungen (?:ihres|deines) browsers", r"browser-?einstellungen"],
    "policy_heading": [r"was sind cookies\??", r"cookie-richtlinie"],
    "request": [r"bitte akzeptier(?:e|en sie) (?:die |alle )?cookies", r"akzeptieren und weiterlesen",
                r"(?:um fortzufahren|zum fortfahren),? (?:bitte )?(?:cookies )?akzeptieren",
                r"sie müssen (?:die )?cookies akzeptieren"],
    "choice": [r"entscheide(?:n sie)? selbst,? welche", r"(?:cookie-)?einstellungen (?:anpassen|verwalten)",
               r"alle ablehnen", r"mit (?:deiner|ihrer) (?:zustimmung|einwilligung)",
               r"stimme der nutzung zu oder lehne ab"],
    "web": [r"browser", r"gerät", r"online-erlebnis", r"sitzung"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "site_uses": [
        '(?:diese|unsere) (?:web|internet)?(?:site|seite|webseite|website|internetseite|homepage) (?:verwendet|benutzt|nutzt|setzt) (?:[\\w\'’-]+ ){0,3}?[\'\\"‚„]?cookies',
        r"wir (?:verwenden|nutzen|benutzen|setzen) (?:[\w'’-]+ ){0,3}?cookies",
        r"(?:verwenden|nutzen|benutzen|setzen|müssen|möchten) wir (?:[\w'’-]+ ){0,3}?cookies",
        r"(?:auf )?(?:dieser|unserer) (?:web|internet)?(?:seite|website|webseite|homepage) (?:werden|wird) (?:[\w'’-]+ ){0,3}?cookies",
        r"(?:die )?auf (?:dieser|unserer) (?:web|internet)?(?:seite|website|webseite) (?:verwendeten|eingesetzten|genutzten) cookies",
        r"cookies erleichtern die bereitstellung"
    ],
    "visitor_consents": [
        r"stimmen sie (?:[\w'’-]+ ){0,3}?(?:\w+ )?zu", r"stimmst du (?:[\w'’-]+ ){0,3}?(?:\w+ )?zu",
        r"erklären sie sich (?:[\w'’-]+ ){0,3}?einverstanden",
        r"(?:wenn|indem) (?:du|sie) (?:mit dem besuch )?(?:die |diese |der |unsere )?(?:website|seite|webseite)? ?(?:weiterhin |weiter )?(?:nutzt|nutzen|besuchst|besuchen|fortfahren)",
        r"mit der (?:weiteren )?nutzung (?:der|dieser|unserer) (?:website|seite|webseite|dienste|internetseite)",
        r"durch (?:die )?nutzung unserer (?:website|seite|webseite|dienste)",
        r"(?:alle |nur notwendige )?cookies akzeptieren", r"von (?:deinem|ihrem) einverständnis aus",
        r"akzeptieren sie die verwendung von cookies"
    ],
    "web_context": [
        r"\w*(?:seite|website)\w*", r"nutzer\w*", r"dienste?", r"service", r"analyse\w*", r"werbung", r"anzeigen",
        r"datenschutz\w*", r"einverständnis", r"personalisier\w*"
    ],
}

STRUCTURE = {
    "summary_label": [
        r"das wichtigste(?: in kürze)?", r"auf einen blick", r"kernpunkte", r"zusammenfassung", r"in kürze",
        r"die wichtigsten punkte"
    ],
}
