"""French cue words, by family and role (see auditor/languages/__init__.py)."""

AI_DISCLOSURE = {
    # A time clause dates the text against the AI ("written before ChatGPT was released"): no notice.
    "time_clause": [r"avant", r"après", r"depuis", r"jusqu'à"],
    # Sentence templates: the text itself, the creation verb, the link and the AI (research/phrases.md, C).
    "notice_self": [
        r"(?:(?:cet|le présent) (?:article|texte|contenu)|(?:ce|le présent) (?:texte|contenu|reportage|résumé)|(?:cette|la présente) (?:dépêche|traduction|synthèse))"
    ],
    "notice_verb": [
        r"(?:rédigée?s?|générée?s?|écrite?s?|créée?s?|produite?s?|traduite?s?|assemblée?s?|réalisée?s?)"
    ],
    "notice_link": [
        r"(?:avec (?:l'|l’)?(?:aide|assistance|appui) (?:de |d['’])|avec|par|grâce à)"
    ],
    "notice_ai": [
        r"(?:l['’]|une )?(?:intelligence artificielle|IA|ChatGPT)"
    ],
    "notice_order": [r"verb-before-ai"],
    "notice_extra": [],
    # The AI as the subject that helped write the text ("ChatGPT helped draft this article").
    "helped": [r"(?:a aidé|aide|a rédigé|a généré|a écrit|a traduit)"],
    # A name declared as the signature of AI-made texts.
    "pen_name": [r"pseudonyme", r"signature", r"nom de plume", r"sous le nom de"],
    "self": [r"(?:cet|cette|ce|ces) (?:[\w-]+ ){0,2}?(?:fichier|code|données|images?|illustrations?|réponses?|résultats?|description|questions?|quiz)",
             r"(?:cet|cette|ce|ces|le présent|la présente) (?:[\w-]+ ){0,2}?(?:article|texte|contenu|reportage|"
             r"résumé|dépêche|traduction|livre|projet|analyse|document|rapport|guide|publication|billet|vidéo|image)s?",
             r"(?:certaines parties|une partie|des parties) de (?:cet|ce|cette) (?:article|texte|contenu)"],
    "made": [r"(?:rédigé|généré|écrit|créé|produit|traduit|assemblé|réalisé|relu|révisé|corrigé|résumé|conçu|"
             r"élaboré|préparé)e?s?", r"avec (?:l['’])?(?:aide|assistance|appui|concours) d(?:e |['’])",
             r"à l['’]aide d(?:e |['’])", r"grâce à", r"au moyen d(?:e |['’])", r"en s['’]appuyant sur"],
    "opening": [r"(?:images?|illustrations?|réponses?|résultats?|questions?|descriptions?|données|code|fichiers?|analyses?|résumés?|rapports?|contenus?|diagnostics?|briefings?|synthèses?)(?: (?:a été|ont été|est|sont))? (?:rédigé|généré|écrit|créé|produit|réalisé)e?s?",
             r"(?:(?:texte|article|résumé|contenu|image|traduction) )?(?:rédigé|généré|écrit|créé|produit|"
                r"traduit|réalisé)e?s?"],
    "user": [r"(?:l['’]auteur|l['’]autrice|les auteurs|la rédaction|nous) (?:a |ont |avons )?(?:utilisé|eu recours à|"
             r"employé|s['’]est appuyée? sur)"],
    "label": [r"note", r"avertissement", r"mention", r"transparence", r"remarque", r"info", r"contenu", r"avis"],
    "modal": [r"peut", r"peuvent", r"pourrait", r"pourraient", r"doit", r"doivent", r"devrait", r"devraient", r"si",
              r"quand", r"lorsque", r"va", r"vont"],
    "reported": [r"par exemple", r"comme", r"exemple", r"modèle", r"suggérée?", r"formule", r"mention type"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "label_line": [
        r"(?:texte |article )?(?:rédigée?s?|générée?s?|écrite?s?|créée?s?|produite?s?|traduite?s?|assemblée?s?|réalisée?s?) (?:avec (?:l'|l’)?(?:aide|assistance) (?:de |d['’])|avec|par) (?:l['’]|une )?(?:intelligence artificielle|IA|ChatGPT)"
    ],
}

BOILERPLATE = {
    # Page furniture: whole-line labels and the openings of short lines (related links, loaders, pagers, tag pages).
    "furniture_line": [r"les commentaires sont (?:clos|fermés)", r"abonnés", r"réservé aux abonnés", r"cet article date de plus d['’](?:un|une) (?:an|année)", r"cet article date de plus de [\w-]+ (?:ans|mois)", r"le choix de la rédaction", r"chargement(?: en cours)?\.{0,3}", r"voir (?:plus|tout|tous)", r"rejoignez-nous", r"suivez-nous", r"(?:à|a) lire (?:aussi|également)", r"lire aussi", r"articles? (?:similaires|liés|associés)", r"les plus lus", r"dernières (?:actualités|nouvelles)", r"sommaire", r"article suivant", r"article précédent", r"laisser un commentaire", r"télécharger(?: le)? pdf"],
    "furniture_opening": [r"(?:à|a) lire (?:aussi|également)\s?:", r"lire aussi\s?:", r"voir aussi\s?:", r"page \d+ (?:sur|/) ?\d+", r"publié (?:par|dans)\s"],
    "ad_label": [r"publicité", r"pub", r"contenu sponsorisé", r"sponsorisé", r"la suite après (?:cette )?(?:publicité|"
                 r"la publicité)", r"article (?:réservé|sponsorisé)"],
    "paywall": [r"(?:cet article est )?réservé aux abonnés", r"pour lire la suite,? (?:abonnez-vous|connectez-vous)",
                r"(?:il vous reste|lisez) \d+% de cet article", r"vous avez atteint (?:la|votre) limite",
                r"déjà abonné\s?\?", r"cet article (?:ne )?peut (?:être lu|se lire) (?:que )?sur un seul appareil"],
    "toolbar": [r"partager (?:sur|par) (?:facebook|twitter|x|whatsapp|linkedin|mail|e-mail)", r"partager l['’]article(?: sur les réseaux sociaux)?", r"partager le lien", r"voir les commentaires", r"copier le lien", r"partager", r"imprimer", r"écouter", r"commentaires?", r"envoyer", r"sauvegarder", r"retour",
                r"haut de page", r"copier le lien", r"taille du texte", r"fermer"],
    "reading_time": [r"(?:temps de )?lecture:? ?\d+ ?(?:min\.?|minutes?)", r"\d+ ?(?:min\.?|minutes?) de lecture"],
    "feedback": [r"cet article vous a-t-il été utile\s?\?", r"avez-vous aimé cet article\s?\?"],
    "location": [r"vous êtes ici:?", r"aller au contenu(?: principal)?", r"passer au contenu"],
    "tag_label": [r"mots-clés\s?:", r"tags?\s?:", r"thèmes\s?:", r"sujets\s?:"],
    "staff_role": [r"rédaction", r"rédacteur", r"rédactrice", r"photographe"],
    "contact": [r"contactez notre équipe de rédaction", r"contactez la rédaction",
                r"vous avez une question, une remarque, des suggestions\s?\?"],
    "promo": [r"inscrivez-vous à (?:notre|la) newsletter"],
    "media_player": [r"votre navigateur ne (?:prend pas en charge|supporte pas) (?:la )?(?:vidéo|audio)"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "more_label": [r"lire la suite", r"lire plus", r"en savoir plus", r"voir plus", r"cliquez ici"],
    "related_label": [r"(?:à )?lire aussi", r"voir aussi", r"sur le même sujet", r"à lire également"],
    "call_to_action": [
        r"abonnez-vous(?: à (?:notre|la) newsletter)?", r"inscrivez-vous à (?:notre|la) newsletter",
        r"suivez-nous sur", r"partagez cet article", r"recevez (?:notre|la) newsletter"
    ],
    "section": [
        r"économie", r"politique", r"international", r"société", r"sports?", r"culture", r"sciences?", r"santé",
        r"monde", r"france", r"tech", r"actualités?", r"faits divers", r"idées", r"planète"
    ],
    "section_ad_label": [r"publicité", r"contenu sponsorisé", r"sponsorisé"],
}

CITATION = {
    # Words that make a name in a credit position an organisation, not a photographer ("Anadolu Agency").
    "org_word": [r"agence", r"presse", r"info"],
    # A nonprofit newsroom's boilerplate about itself ("Grist is a nonprofit, independent media organization").
    "newsroom_about": [r"est une? (?:média|rédaction|organisation|site|journal)[ ,]+(?:[\w-]+[ ,]+){0,3}?(?:indépendante?|à but non lucratif)"],
    "republished": [r"un article de [\w .\'-]{2,40}? pour", r"(?:cette tribune|cet article|ce texte|cette chronique|cet entretien)[^.\n]{0,60}? a été publiée? (?:le \d{1,2}(?:er)? [\wéû]+ \d{4} )?(?:dans|par|sur)", r"publié (?:initialement|à l'origine|originellement|d'abord) (?:sur|dans|par)",
                    r"paru (?:initialement|d'abord) (?:sur|dans)",
                    r"(?:article )?paru (?:initialement |d['’]abord |originellement )?(?:dans|sur)",
                    r"publié (?:initialement|à l['’]origine|originellement|d['’]abord) (?:sur|dans|par)",
                    r"(?:est |a été )?republié (?:à partir |depuis )?(?:de|d['’])"],
    "read_on": [r"(?:à|a) lire (?:sur|dans)", r"lire la suite (?:sur|dans)", r"pour lire (?:l['’]intégralité|la suite) "
                r"de l['’]article", r"retrouvez (?:l['’]article|cet article) (?:sur|dans)"],
    "licence": [r"sous licence (?:creative commons|cc[- ]by[\w. -]*)"],
    "name_stop": [r", (?:un|une)", r"et (?:a été|est)", r"sous", r"du \d{1,2}", r"le \d{1,2}", r"cliquez", r"en \d{4}"],
    "rights": [r"tous droits réservés"],
    "with_agency": [r"avec", r"et"],
    "byline": [r"par"],
    "photo_copyright": [r"copyright", r"crédits?"],
    "via": [r"via"],
    "newspaper_filler": [r"le (?:journal|quotidien|magazine|site|média)", r"la (?:revue|publication)"],
    "from": [r"de", r"d[’']après"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "republished_no_name": [r"reproduit avec (?:l'aimable )?autorisation"],
    "agency_with": [r"avec"],
    "reporting_by": [r"avec la collaboration de"],
    # "Foto de EFE": a credit by a preposition, kept only when it names a known outlet.
    "photo_of": [r"photo (?:de|d[\'’])"],
    "photo_by": [r"photo (?:de|par) courtoisie de"],
    "via_lead": [r"via"],
    "source_heading": [r"sources?", r"références"],
    "label_photo": [r"photos?", r"crédits? photos?", r"illustration", r"images?"],
    "label_video": [r"vidéo"],
    "label_text": [r"sources?"],
    "video_by": [],  # no cue in this language
}

CONSENT = {
    # A cookie *policy* speaks about cookies: definitions, browser settings, the policy's own name.
    "policy": [r"les cookies sont de petits", r"un cookie est un (?:petit )?(?:fichier|texte)", r"(?:les )?paramètres de votre navigateur"],
    "policy_heading": [r"qu['’]est-ce qu['’]un cookie\s?\??", r"politique (?:de|relative aux|d['’]utilisation des) cookies"],
    "request": [r"veuillez accepter (?:les )?cookies", r"acceptez les cookies pour (?:continuer|poursuivre)",
                r"accepter et (?:continuer|poursuivre|lire gratuitement|fermer)"],
    "choice": [r"faites votre choix", r"refuser (?:tout|et s['’]abonner)", r"personnaliser (?:vos choix|les cookies)",
               r"gérer (?:mes|vos) (?:choix|préférences)", r"avec votre (?:accord|consentement)"],
    "web": [r"navigateur", r"appareil", r"terminal", r"stockage local"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "site_uses": [
        r"nous utilisons (?:[\w'’-]+ ){0,3}?(?:des |les )?(?:cookies|traceurs)",
        r"(?:ce|notre) site (?:web |internet )?utilise (?:[\w'’-]+ ){0,3}?(?:des |les )?(?:cookies|traceurs)"
    ],
    "visitor_consents": [
        r"en poursuivant (?:votre )?navigation", r"en continuant (?:à|de) (?:naviguer|utiliser)",
        r"vous acceptez (?:l'|l’|que|le dépôt|nos)", r"accepter (?:tous )?les cookies", r"tout accepter"
    ],
    "web_context": [
        r"site", r"navigation", r"expérience", r"services?", r"publicité\w*", r"audience", r"partenaires", r"tiers",
        r"confidentialité", r"consentement"
    ],
}

STRUCTURE = {
    "summary_label": [
        r"(?:les )?points? clés?", r"l[’']essentiel", r"à retenir", r"ce qu[’']il faut (?:retenir|savoir)",
        r"en bref", r"résumé"
    ],
}
