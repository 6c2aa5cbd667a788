"""German cue words, by family and role (see auditor/languages/__init__.py)."""

AI_DISCLOSURE = {
    # The AI as the subject that helped write the text ("ChatGPT helped draft this article").
    "helped": [r"(?:half|hat (?:bei )?(?:\w+ ){0,3}geholfen|schrieb|erstellte|generierte|übersetzte|verfasste)"],
    # A name declared as the signature of AI-made texts.
    "pen_name": [r"kürzel", r"autorenname", r"pseudonym", r"künstlername", r"unter dem namen"],
    "self": [r"(?:dieser|diese|dieses|der vorliegende|die vorliegende|das vorliegende|folgender|folgende) "
             r"(?:[\w-]+ ){0,2}?(?:text|beitrag|artikel|bericht|meldung|nachricht|zusammenfassung|übersetzung|buch|"
             r"projekt|analyse|dokument|inhalt|leitfaden|ratgeber|video|bild|newsletter|blogbeitrag|post)",
             r"teile (?:dieses|des folgenden) (?:textes|beitrags|artikels)"],
    "made": [r"(?:erstellt|generiert|geschrieben|verfasst|übersetzt|erzeugt|produziert|zusammengefasst|"
             r"zusammengestellt|bearbeitet|überarbeitet|optimiert|redigiert|unterstützt)",
             r"mit hilfe", r"mithilfe", r"mit unterstützung", r"unter einsatz", r"unter verwendung", r"unter zuhilfenahme"],
    "opening": [r"(?:(?:text|artikel|bild|zusammenfassung|übersetzung) )?(?:erstellt|generiert|geschrieben|verfasst|"
                r"übersetzt|erzeugt) (?:mit|von|durch)", r"(?:mit hilfe|mithilfe|mit unterstützung) (?:von )?"],
    "user": [r"(?:der autor|die autorin|die autoren|die redaktion|wir|ich) (?:hat |haben |habe )?(?:nutzte|nutzten|"
             r"verwendete|verwendeten|setzte|setzten|genutzt|verwendet|eingesetzt)"],
    "label": [r"hinweis", r"transparenzhinweis", r"offenlegung", r"anmerkung", r"info", r"inhalt", r"ki-hinweis",
              r"disclaimer"],
    "modal": [r"kann", r"können", r"könnte", r"könnten", r"muss", r"müssen", r"sollte", r"sollten", r"soll",
              r"sollen", r"wenn", r"falls", r"ob", r"darf", r"dürfen"],
    "reported": [r"zum beispiel", r"z\. ?b\.", r"beispielsweise", r"etwa", r"wie", r"vorlage", r"formulierung",
                 r"heißt es", r"lautet"],
}

BOILERPLATE = {
    "ad_label": [r"anzeige", r"werbung", r"weiterlesen nach der anzeige", r"artikel wird nach der anzeige fortgesetzt",
                 r"gesponsert", r"sponsored", r"bezahlter inhalt", r"partnerinhalt"],
    "paywall": [r"(?:um )?weiter(?:zu)?lesen(?:,)? (?:mit|als) (?:abo|abonnement|plus)", r"dieser (?:artikel|beitrag) ist "
                r"(?:nur )?(?:für|exklusiv für) (?:abonnenten|abonnentinnen|abonnierende|plus-leser)",
                r"jetzt (?:weiterlesen|abonnieren und weiterlesen)", r"sie haben bereits ein abo\??",
                r"lesen sie (?:jetzt )?(?:weiter|den ganzen artikel) mit"],
    "toolbar": [r"teilen", r"drucken", r"vorlesen", r"merken", r"kommentare?", r"kommentieren", r"e-mail",
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
}

CITATION = {
    # A nonprofit newsroom's boilerplate about itself ("Grist is a nonprofit, independent media organization").
    "newsroom_about": [r"ist eine? (?:gemeinnützige|unabhängige|spendenfinanzierte)[ ,]+(?:[\w-]+[ ,]+){0,2}?(?:redaktion|nachrichtenorganisation|medienorganisation|newsroom|rechercheredaktion|plattform)"],
    "republished": [r"(?:im (?:\w+ )?original|zuerst|ursprünglich|erstmals) (?:auf|bei|in|im)",
                    r"(?:erschien|erschienen) (?:zuerst|ursprünglich|erstmals) (?:bei|auf|in|im)",
                    r"übernommen (?:von|aus)", r"mit freundlicher genehmigung (?:von|der|des)"],
    "read_on": [r"weiterlesen (?:auf|bei)", r"den (?:ganzen|vollständigen) artikel lesen sie (?:auf|bei)"],
    "licence": [r"unter (?:einer|der) (?:creative-commons|cc[- ]by[\w. -]*)-?lizenz"],
    "name_stop": [r"und (?:wurde|ist|hat)", r"veröffentlicht", r"erschienen", r"unter", r"am \d", r"im \w+ \d{4}"],
    "rights": [r"alle rechte vorbehalten"],
    "with_agency": [r"mit", r"und"],
    "byline": [r"von"],
    "photo_copyright": [r"bildrechte", r"copyright"],
    "via": [r"via", r"über"],
    "newspaper_filler": [r"(?:der|die|dem) (?:zeitung|zeitschrift|magazin|website)"],
    "from": [r"von", r"aus"],
}

CONSENT = {
    "request": [r"bitte akzeptier(?:e|en sie) (?:die |alle )?cookies", r"akzeptieren und weiterlesen",
                r"(?:um fortzufahren|zum fortfahren),? (?:bitte )?(?:cookies )?akzeptieren",
                r"sie müssen (?:die )?cookies akzeptieren"],
    "choice": [r"entscheide(?:n sie)? selbst,? welche", r"(?:cookie-)?einstellungen (?:anpassen|verwalten)",
               r"alle ablehnen", r"mit (?:deiner|ihrer) (?:zustimmung|einwilligung)",
               r"stimme der nutzung zu oder lehne ab"],
    "web": [r"browser", r"gerät", r"online-erlebnis", r"sitzung"],
}
