"""Portuguese cue words, by family and role (see auditor/languages/__init__.py)."""

AI_DISCLOSURE = {
    # A time clause dates the text against the AI ("written before ChatGPT was released"): no notice.
    "time_clause": [r"antes de", r"depois de", r"desde", r"até"],
    # Sentence templates: the text itself, the creation verb, the link and the AI (research/phrases.md, C).
    "notice_self": [
        r"(?:(?:este|esse|o presente) (?:artigo|texto|conteúdo|resumo)|(?:esta|essa|a presente) (?:reportagem|matéria|notícia|tradução))"
    ],
    "notice_verb": [
        r"(?:produzid[oa]s?|gerad[oa]s?|escrit[oa]s?|redigid[oa]s?|criad[oa]s?|elaborad[oa]s?|traduzid[oa]s?|feit[oa]s?)"
    ],
    "notice_link": [
        r"(?:com (?:o |a )?(?:auxílio|ajuda|apoio|assistência) d[aeo]|com|por|usando|utilizando)"
    ],
    "notice_ai": [
        r"(?:uma |a )?(?:inteligência artificial|IA|ChatGPT)"
    ],
    "notice_order": [r"verb-before-ai"],
    "notice_extra": [],
    # The AI as the subject that helped write the text ("ChatGPT helped draft this article").
    "helped": [r"(?:ajudou|redigiu|gerou|escreveu|traduziu|elaborou)"],
    # A name declared as the signature of AI-made texts.
    "pen_name": [r"pseudônimo", r"pseudónimo", r"assinatura", r"com o nome de"],
    "self": [r"(?:este|esta|estes|estas) (?:[\w-]+ ){0,2}?(?:arquivo|código|dados|imagens|ilustrações|resposta|resultado|descrição|perguntas|questionário|plano)s?",
             r"(?:este|esta|estes|estas|esse|essa|o presente|a presente) (?:[\w-]+ ){0,2}?(?:artigo|texto|conteúdo|"
             r"resumo|reportagem|matéria|notícia|tradução|livro|projeto|análise|documento|relatório|guia|publicação|"
             r"readme|vídeo|imagem|post)s?", r"parte do conteúdo(?: (?:deste|desta) (?:artigo|texto|matéria))?"],
    "made": [r"(?:produzid|gerad|escrit|redigid|criad|elaborad|traduzid|feit|revisad|adicionad|editad|resumid|"
             r"preparad|assistid)[oa]s?", r"contou com", r"com (?:o |a )?(?:auxílio|ajuda|apoio|assistência|suporte) d[aeo]s?",
             r"em colaboração (?:com|entre)", r"utilizando", r"usando", r"por meio d[aeo]"],
    "opening": [r"(?:imagens?|ilustrações|respostas?|resultados?|perguntas|descrição|dados|código|arquivos?|análises?|resumos?|relatórios?|conteúdos?|estudos?|planos?)(?: (?:conceitual|automátic[oa]))?(?: (?:é|foi|são|foram))? (?:gerad|elaborad|criad|produzid|redigid|escrit)[oa]s?",
             r"(?:(?:texto|artigo|resumo|conteúdo|imagem|matéria|tradução|parte do conteúdo) )?(?:produzid|gerad|"
                r"escrit|redigid|criad|elaborad|traduzid)[oa]s?"],
    "user": [r"(?:o autor|a autora|os autores|a redação|nós) (?:utilizou|usou|utilizaram|usaram|recorreu a)"],
    "label": [r"nota", r"aviso", r"transparência", r"nota de transparência", r"nota dos autores", r"info",
              r"conteúdo", r"observação"],
    "modal": [r"pode", r"podem", r"poderia", r"poderiam", r"deve", r"devem", r"deveria", r"deveriam", r"se",
              r"quando", r"vai", r"vão"],
    "reported": [r"por exemplo", r"como", r"exemplo", r"modelo", r"sugerid[oa]", r"fórmula", r"diz"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "label_line": [
        r"(?:texto |artigo )?(?:produzid[oa]s?|gerad[oa]s?|escrit[oa]s?|redigid[oa]s?|criad[oa]s?|elaborad[oa]s?|traduzid[oa]s?|feit[oa]s?) (?:com (?:o |a )?(?:auxílio|ajuda|apoio) d[aeo]|com|por) (?:uma |a )?(?:inteligência artificial|IA|ChatGPT)"
    ],
}

BOILERPLATE = {
    # Page furniture: whole-line labels and the openings of short lines (related links, loaders, pagers, tag pages).
    "furniture_line": [r"(?:artigo )?destaque dos editores", r"os comentários estão (?:fechados|encerrados)", r"escolha do editor", r"carregando\.{0,3}", r"ver (?:mais|tudo|todas|todos)", r"siga-nos", r"leia (?:também|mais)", r"veja também", r"(?:notícias|matérias|artigos) relacionad[oa]s", r"mais lidas", r"[úu]ltimas not[íi]cias", r"índice", r"próxima (?:matéria|notícia)", r"deixe (?:um|seu) comentário", r"baixar(?: o)? pdf"],
    "furniture_opening": [r"leia (?:também|mais)\s?:?", r"veja também\s?:", r"saiba mais\s?:", r"página \d+ de \d+", r"mostrando postagens com (?:o )?marcador", r"mostrar todas as postagens", r"publicado por\s"],
    "ad_label": [r"publicidade", r"anúncio", r"conteúdo patrocinado", r"patrocinado", r"continua após a publicidade",
                 r"continua depois da publicidade"],
    "paywall": [r"assine (?:para|e) continu(?:e|ar) (?:a )?(?:ler|lendo)", r"(?:este|esta) (?:conteúdo|matéria|artigo) é "
                r"exclusiv[oa] para assinantes", r"já é assinante\??", r"você atingiu o limite de (?:matérias|"
                r"reportagens|artigos)", r"para continuar lendo,? (?:assine|faça login|entre)"],
    "toolbar": [r"compartilhar (?:no|via|por) (?:facebook|twitter|x|whatsapp|linkedin|e-mail)", r"copiar (?:o )?link", r"ver comentários", r"compartilhar", r"compartilhe", r"imprimir", r"ouvir", r"comentários?", r"salvar", r"enviar",
                r"voltar", r"voltar ao topo", r"copiar link", r"tamanho da fonte", r"fechar", r"ler mais"],
    "reading_time": [r"tempo de leitura:? ?\d+ ?(?:min\.?|minutos?)", r"\d+ ?(?:min\.?|minutos?) de leitura",
                     r"leitura:? ?\d+ ?min"],
    "feedback": [r"(?:este|esse) (?:artigo|conteúdo|texto) foi útil\??", r"você gostou (?:deste|desse) (?:artigo|"
                 r"conteúdo)\??"],
    "location": [r"você está aqui:?", r"ir para o conteúdo(?: principal)?", r"pular para o conteúdo"],
    "tag_label": [r"tags?:", r"temas:", r"assuntos:", r"palavras-chave:"],
    "staff_role": [r"redação", r"editor", r"editora", r"fotógrafo", r"repórter", r"edição"],
    "contact": [r"fale com a redação", r"entre em contato com a redação"],
    "promo": [r"assine a newsletter", r"receba as notícias"],
    "media_player": [r"seu navegador não (?:suporta|é compatível com) (?:o )?(?:vídeo|áudio)"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "more_label": [
        r"leia mais", r"saiba mais", r"continue lendo", r"clique aqui", r"leia a (?:reportagem|íntegra|matéria)",
        r"veja a reportagem", r"veja mais"
    ],
    "related_label": [r"leia também", r"veja também", r"notícias relacionadas", r"saiba mais"],
    "call_to_action": [
        r"assine (?:nossa|a) newsletter", r"assine (?:já|agora)", r"siga-nos (?:no|nas|em)",
        r"compartilhe (?:esta (?:notícia|matéria)|este artigo)", r"inscreva-se (?:na|em) (?:nossa )?newsletter",
        r"receba (?:nossa|a) newsletter"
    ],
    "section": [
        r"economia", r"política", r"esportes?", r"mundo", r"internacional", r"tecnologia", r"saúde", r"ciência",
        r"cultura", r"brasil", r"entretenimento", r"notícias", r"cotidiano", r"poder", r"mercado"
    ],
    "section_ad_label": [r"publicidade", r"anúncio", r"conteúdo patrocinado", r"patrocinado"],
}

CITATION = {
    # Words that make a name in a credit position an organisation, not a photographer ("Anadolu Agency").
    "org_word": [r"agência", r"imprensa", r"notícias", r"jornal"],
    # A nonprofit newsroom's boilerplate about itself ("Grist is a nonprofit, independent media organization").
    "newsroom_about": [r"é uma? (?:veículo|organização|agência|redação|site)[ ,]+(?:[\w-]+[ ,]+){0,3}?(?:sem fins lucrativos|independente)"],
    "republished": [r"um artigo de [\w .\'-]{2,40}? para", r"publicad[oa] originalmente (?:em|no|na|por|pelo|pela)",
                    r"originalmente publicad[oa] (?:em|no|na)",
                    r"publicad[oa] originalmente (?:em|no|na|por|pelo|pela)", r"originalmente publicad[oa] (?:em|no|na)",
                    r"apareceu primeiro (?:em|no|na)", r"republicad[oa] (?:de|do|da)",
                    r"(?:o artigo|a matéria|o texto) é de [\w .'-]{2,60}?,? publicad[oa] (?:por|pelo|pela|em|no|na)"],
    "read_on": [r"leia (?:mais|a matéria completa|o original) (?:em|no|na)", r"continue lendo (?:em|no|na)"],
    "licence": [r"sob (?:uma )?licença (?:creative commons|cc[- ]by[\w. -]*)"],
    "name_stop": [r", (?:um|uma|o|a)", r"e (?:foi|é)", r"sob", r"em \d{1,2}", r"\d{1,2}-\d{1,2}-\d{4}"],
    "rights": [r"todos os direitos reservados"],
    "with_agency": [r"com", r"e"],
    "byline": [r"por"],
    "photo_copyright": [r"direitos autorais", r"copyright"],
    "via": [r"via"],
    "newspaper_filler": [r"o (?:jornal|portal|site|veículo)", r"a (?:revista|agência)"],
    "from": [r"de", r"do", r"da"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "republished_no_name": [r"republicad[oa] com permissão"],
    "agency_with": [r"com informa[cç][oõ]es d(?:e|a|o|as|os)"],
    "reporting_by": [r"colaborou"],
    # "Foto de EFE": a credit by a preposition, kept only when it names a known outlet.
    "photo_of": [r"(?:foto|imagem) d[aeo]"],
    "photo_by": [r"(?:foto|imagem) cedida por"],
    "via_lead": [r"via"],
    "source_heading": [r"fontes?(?: consultadas)?", r"referências"],
    "label_photo": [r"fotos?", r"imagem", r"crédito da foto", r"foto de capa"],
    "label_video": [r"v[ií]deo"],
    "label_text": [r"fontes?"],
    "video_by": [],  # no cue in this language
}

CONSENT = {
    # A cookie *policy* speaks about cookies: definitions, browser settings, the policy's own name.
    "policy": [r"(?:os )?cookies são pequenos", r"um cookie é um (?:pequeno )?arquivo", r"configurações do (?:seu )?navegador"],
    "policy_heading": [r"o que são cookies\??", r"política de cookies"],
    "request": [r"por favor,? aceite (?:os )?cookies", r"aceite (?:os )?cookies para continuar",
                r"aceitar e (?:continuar|ler gratuitamente|fechar)"],
    "choice": [r"com (?:a sua|sua) (?:permissão|autorização)", r"recusar (?:todos|tudo)", r"gerenciar (?:as )?"
               r"(?:preferências|cookies)", r"você pode aceitar ou recusar"],
    "web": [r"navegador", r"dispositivo", r"sessão"],
    # Moved from the rule modules (wording sources: the comments above each table there).
    "site_uses": [
        r"(?:este|esse|o nosso|nosso|o) (?:site|portal|sítio)(?: web)? (?:utiliza|usa) (?:[\w'’-]+ ){0,3}?cookies",
        r"(?:nós )?(?:utilizamos|usamos) (?:[\w'’-]+ ){0,3}?cookies"
    ],
    "visitor_consents": [
        r"se (?:você )?continuar (?:a navegar|a navegação|navegando|a utilizar)",
        r"ao (?:continuar|aceitar|utilizar|usar|navegar|clicar)",
        r"(?:você )?(?:aceita|concorda com) (?:o uso|a utilização|a nossa|nossa)",
        r"aceitar (?:todos )?(?:os )?cookies"
    ],
    "web_context": [r"site", r"navegação", r"experiência", r"serviços?", r"publicidade", r"terceiros", r"privacidade"],
}

STRUCTURE = {
    "summary_label": [
        r"pontos?[- ]chaves?", r"(?:os )?pontos principais", r"destaques", r"resumo", r"em resumo",
        r"o que (?:você precisa|é preciso) saber"
    ],
}
