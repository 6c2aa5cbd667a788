"""Spanish cue words, by family and role (see auditor/languages/__init__.py)."""

AI_DISCLOSURE = {
    # A time clause dates the text against the AI ("written before ChatGPT was released"): no notice.
    "time_clause": [r"antes de", r"después de", r"desde", r"hasta"],
    # Sentence templates: the text itself, the creation verb, the link and the AI (research/phrases.md, C).
    "notice_self": [
        r"(?:partes de )?(?:(?:este|el presente|el siguiente) (?:artículo|texto|contenido|reportaje|resumen)|(?:esta|la presente|la siguiente) (?:nota|noticia|crónica|información|traducción))"
    ],
    "notice_verb": [
        r"(?:elaborad[oa]s?|generad[oa]s?|escrit[oa]s?|redactad[oa]s?|cread[oa]s?|producid[oa]s?|traducid[oa]s?|ensamblad[oa]s?|hech[oa]s?)"
    ],
    "notice_link": [
        r"(?:con (?:la )?(?:ayuda|asistencia|apoyo) de|con|por|mediante|usando|utilizando)"
    ],
    "notice_ai": [
        r"(?:una |la )?(?:inteligencia artificial|IA|ChatGPT|herramientas de (?:IA|inteligencia artificial))"
    ],
    "notice_order": [r"verb-before-ai"],
    "notice_extra": [],
    # The AI as the subject that helped write the text ("ChatGPT helped draft this article").
    "helped": [r"(?:ayudó|ha ayudado|redactó|generó|escribió|tradujo|elaboró)"],
    # A name declared as the signature of AI-made texts.
    "pen_name": [r"seudónimo", r"pseudónimo", r"firma", r"con el nombre de"],
    "self": [r"(?:este|esta|estos|estas) (?:[\w-]+ ){0,2}?(?:archivo|código|datos|imágenes|ilustraciones|respuesta|resultado|descripción|preguntas|cuestionario)s?",
             r"(?:este|esta|estos|estas|el presente|la presente|el siguiente|la siguiente) (?:[\w-]+ ){0,2}?"
             r"(?:artículo|texto|contenido|reportaje|resumen|nota|noticia|crónica|información|traducción|libro|"
             r"proyecto|análisis|documento|informe|guía|publicación|boletín|vídeo|video|imagen)s?",
             r"(?:parte|partes|algunas partes) (?:del contenido )?de (?:este|esta) (?:artículo|texto|nota|contenido)"],
    "made": [r"(?:elaborad|generad|escrit|redactad|cread|producid|traducid|ensamblad|hech|revisad|editad|asistid|"
             r"preparad|resumid|corregid)[oa]s?", r"se ha (?:redactado|elaborado|generado|escrito|traducido)",
             r"con (?:la )?(?:ayuda|asistencia|apoyo|colaboración) de", r"mediante", r"utilizando", r"usando"],
    "opening": [r"(?:imágenes|imagen|ilustraciones?|respuestas?|resultados?|preguntas|descripción|datos|código|archivo|análisis|resumen|informe|contenido)(?: (?:es|fue|son|fueron))? (?:generad|elaborad|cread|producid|redactad|escrit)[oa]s?",
             r"(?:(?:texto|artículo|resumen|contenido|imagen|nota|traducción) )?(?:elaborad|generad|escrit|"
                r"redactad|cread|producid|traducid)[oa]s?"],
    "user": [r"(?:el autor|la autora|los autores|la redacción|nosotros) (?:ha |han )?(?:utilizó|usó|utilizaron|"
             r"usaron|empleó|utilizado|usado|recurrió a)", r"(?:utilizamos|usamos|empleamos) (?:la )?(?:herramienta )?"],
    "label": [r"nota", r"aviso", r"aclaración", r"transparencia", r"nota de transparencia", r"info", r"contenido",
              r"descargo(?: de responsabilidad)?"],
    "modal": [r"puede", r"pueden", r"podría", r"podrían", r"debe", r"deben", r"debería", r"deberían", r"si",
              r"cuando", r"va a", r"van a"],
    "reported": [r"por ejemplo", r"como", r"ejemplo", r"plantilla", r"sugerid[oa]", r"fórmula", r"dice", r"reza"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "label_line": [
        r"(?:texto |artículo )?(?:elaborad[oa]s?|generad[oa]s?|escrit[oa]s?|redactad[oa]s?|cread[oa]s?|producid[oa]s?|traducid[oa]s?|ensamblad[oa]s?|hech[oa]s?) (?:con (?:la )?(?:ayuda|asistencia) de|con|por) (?:una |la )?(?:inteligencia artificial|IA|ChatGPT|herramientas de (?:IA|inteligencia artificial))"
    ],
}

BOILERPLATE = {
    # Page furniture: whole-line labels and the openings of short lines (related links, loaders, pagers, tag pages).
    "furniture_line": [r"los comentarios están cerrados", r"le[eé] (?:la nota|el artículo|la noticia) completa(?: en este enlace| aquí)?", r"selección de los editores", r"cargando\.{0,3}", r"ver (?:más|todo|todas|todos)", r"síguenos", r"únete", r"lee también", r"te puede interesar", r"(?:noticias|artículos) relacionad[oa]s", r"lo más leído", r"últimas noticias", r"índice(?: de contenidos)?", r"artículo siguiente", r"artículo anterior", r"deja un comentario", r"descargar(?: el)? pdf"],
    "furniture_opening": [r"lee también\s?:", r"te puede interesar\s?:", r"ver también\s?:", r"página \d+ de \d+", r"mostrando (?:entradas|publicaciones) (?:con la etiqueta|de)", r"publicado (?:por|en)\s"],
    "ad_label": [r"publicidad", r"anuncio", r"contenido patrocinado", r"contenido externo patrocinado",
                 r"patrocinado", r"continúa (?:leyendo )?(?:después|tras) (?:del|el) anuncio", r"sigue leyendo"],
    "paywall": [r"para (?:seguir|continuar) leyendo,? (?:suscríbete|hazte suscriptor|inicia sesión)",
                r"este (?:artículo|contenido) es (?:exclusivo )?para suscriptores", r"¿ya eres suscriptor\?",
                r"has alcanzado (?:el|tu) límite de (?:artículos|noticias) gratuit[oa]s",
                r"solo puedes leer (?:este artículo|esta noticia) en un dispositivo"],
    "toolbar": [r"compartir (?:en|por) (?:facebook|twitter|x|whatsapp|linkedin|email|correo)", r"copiar (?:el )?enlace", r"ver comentarios", r"compartir", r"compartir esta noticia", r"comentarios?", r"imprimir", r"escuchar", r"guardar",
                r"enviar", r"volver", r"volver arriba", r"copiar enlace", r"tamaño de (?:letra|texto)", r"cerrar",
                r"close button"],
    "reading_time": [r"(?:tiempo de lectura:? ?)?\d+ ?(?:min\.?|minutos?)(?: de lectura)?", r"lectura:? ?\d+ ?min"],
    "feedback": [r"¿(?:te|le) (?:resultó|ha resultado|pareció) útil (?:este artículo|esta noticia|esta información)\?"],
    "location": [r"saltar a(?:l)? (?:un )?(?:capítulo|contenido|sección)(?: [\w ]{0,20})?", r"usted está aquí:?", r"estás aquí:?", r"ir al contenido(?: principal)?", r"saltar al contenido"],
    "tag_label": [r"etiquetas:", r"temas:", r"tags?:", r"palabras clave:"],
    "staff_role": [r"redacción", r"editor", r"editora", r"fotógrafo", r"edición"],
    "contact": [r"contacta (?:con )?(?:nuestra|la) redacción"],
    "promo": [r"suscríbete a (?:nuestro|nuestra) (?:boletín|newsletter)"],
    "media_player": [r"tu navegador no (?:soporta|admite) (?:el )?(?:vídeo|video|audio)"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "more_label": [r"leer más", r"seguir leyendo", r"ver más", r"haz clic aquí", r"lee la nota completa", r"leer nota completa"],
    "related_label": [
        r"lee también", r"lea también", r"(?:también )?te puede interesar", r"te recomendamos",
        r"noticias relacionadas", r"relacionad[oa]s?"
    ],
    "call_to_action": [
        r"suscríbete(?: a(?: nuestro| nuestra)? (?:boletín|newsletter))?", r"suscríbase", r"síguenos en",
        r"comparte (?:esta (?:noticia|nota)|este artículo)", r"recibe (?:nuestro|el) boletín",
        r"regístrate (?:a|en) (?:nuestro|el) (?:boletín|newsletter)"
    ],
    "section": [
        r"deportes", r"economía", r"política", r"internacional", r"nacional", r"tecnología", r"cultura", r"sociedad",
        r"opinión", r"salud", r"ciencia", r"mundo", r"espectáculos", r"noticias", r"negocios", r"méxico", r"españa",
        r"actualidad"
    ],
    "section_ad_label": [r"publicidad", r"anuncio", r"contenido patrocinado", r"patrocinado"],
}

CITATION = {
    # Words that make a name in a credit position an organisation, not a photographer ("Anadolu Agency").
    "org_word": [r"agencia", r"prensa", r"noticias", r"diario"],
    # A nonprofit newsroom's boilerplate about itself ("Grist is a nonprofit, independent media organization").
    "newsroom_about": [r"es una? (?:medio|organización|redacción|agencia|sitio)[ ,]+(?:[\w-]+[ ,]+){0,3}?(?:sin fines de lucro|independiente|sin ánimo de lucro)"],
    "republished": [r"un artículo de [\w .\'-]{2,40}? para", r"publicad[oa] originalmente (?:en|por)", r"originalmente publicad[oa] en",
                    r"apareci[oó] (?:originalmente|primero) en",
                    r"publicad[oa] originalmente (?:en|por)", r"originalmente publicad[oa] (?:en|por)",
                    r"apareci[oó] (?:originalmente|primero|por primera vez) en", r"republicad[oa] (?:de|desde)",
                    r"reproducid[oa] (?:con permiso )?de"],
    "read_on": [r"lea (?:más|el original|la nota completa) en", r"lee (?:más|el artículo completo) en",
                r"seguir leyendo en"],
    "licence": [r"bajo (?:una )?licencia (?:creative commons|cc[- ]by[\w. -]*)"],
    "name_stop": [r", (?:un|una)", r"y (?:fue|ha sido)", r"bajo", r"con permiso", r"el \d{1,2}"],
    "rights": [r"todos los derechos reservados"],
    "with_agency": [r"con", r"y"],
    "byline": [r"por"],
    "photo_copyright": [r"derechos de autor", r"copyright"],
    "via": [r"vía", r"via"],
    "newspaper_filler": [r"el (?:diario|periódico|medio|sitio|portal)", r"la (?:revista|web)"],
    "from": [r"de", r"desde"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "republished_no_name": [r"reproducido con (?:el )?permiso"],
    "agency_with": [r"con informaci[oó]n(?:es)? de(?:l| la| las| los)?"],
    "reporting_by": [r"con (?:la )?colaboración de"],
    # "Foto de EFE": a credit by a preposition, kept only when it names a known outlet.
    "photo_of": [r"(?:foto|fotografía|imagen) de"],
    "photo_by": [r"derechos de autor de la imagen", r"(?:foto|imagen) cortesía de"],
    "via_lead": [r"vía"],
    "source_heading": [r"fuentes?(?: consultadas)?", r"referencias"],
    "label_photo": [r"fotos?", r"imagen", r"imágenes", r"fotografía", r"foto de portada"],
    "label_video": [r"v[ií]deo", r"fuente del v[ií]deo"],
    "label_text": [r"fuentes?"],
    "video_by": [],  # no cue in this language
}

CONSENT = {
    # A cookie *policy* speaks about cookies: definitions, browser settings, the policy's own name.
    "policy": [r"(?:las )?cookies son pequeños", r"una cookie es un (?:pequeño )?(?:archivo|fichero|fragmento)", r"(?:la )?configuración de (?:su|tu) navegador", r"configurar (?:su|tu) navegador"],
    "policy_heading": [r"¿qué (?:es una cookie|son las cookies)\?", r"política de cookies"],
    "request": [r"por favor,? acept[ae] (?:las |todas las )?cookies", r"acept[ae] (?:las )?cookies para (?:continuar|"
                r"seguir)", r"aceptar y (?:continuar|seguir leyendo|leer gratis)"],
    "choice": [r"con tu (?:permiso|consentimiento)", r"con su (?:permiso|consentimiento)", r"puedes decidir",
               r"rechazar (?:todas|todo)", r"configurar (?:las )?cookies", r"queremos usar cookies"],
    "web": [r"navegador", r"dispositivo", r"sesi[oó]n"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "site_uses": [
        r"(?:utilizamos|usamos|empleamos) (?:[\w'’-]+ ){0,3}?cookies",
        r"(?:este|nuestro|el) (?:sitio|portal|sitio web|web|página web|página) (?:web )?(?:utiliza|usa|emplea) (?:[\w'’-]+ ){0,3}?cookies"
    ],
    "visitor_consents": [
        r"si (?:continúa|continúas|continua|sigue|sigues) navegando", r"(?:acepta|aceptas) (?:su|el|nuestro) uso",
        r"acepto el uso de (?:las )?cookies", r"aceptar (?:todas )?(?:las )?cookies",
        r"al (?:continuar|seguir) (?:navegando|en este sitio|utilizando)", r"consideramos que (?:usted )?acepta"
    ],
    "web_context": [
        r"sitio", r"web", r"navegación", r"navegando", r"servicios?", r"publicidad", r"experiencia", r"preferencias",
        r"terceros", r"estadística\w*", r"privacidad"
    ],
}

STRUCTURE = {
    "summary_label": [
        r"(?:los )?puntos clave", r"claves", r"lo (?:más )?destacado", r"en resumen", r"resumen",
        r"lo que (?:hay que|debes|necesitas) saber"
    ],
}
