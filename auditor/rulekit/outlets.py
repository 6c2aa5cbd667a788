"""Known news outlets and agencies: the name a newsroom writes, and its web domain.

Facts, used to turn "SOURCE: CNBC" into {name: CNBC, domain: cnbc.com} and
"Dantri.com.vn" into {name: Dantri, domain: dantri.com.vn}.  Add a line to
add an outlet.  Keys of ALIASES are lower-case spellings seen in credits.
"""

from __future__ import annotations

import re

# canonical name -> domain
OUTLETS: dict[str, str] = {
    # international agencies and broadcasters
    "Reuters": "reuters.com", "AP": "apnews.com", "AFP": "afp.com", "EFE": "efe.com", "dpa": "dpa.com",
    "ANSA": "ansa.it", "Bloomberg": "bloomberg.com", "CNBC": "cnbc.com", "CNN": "cnn.com", "BBC": "bbc.com",
    "Axios": "axios.com", "The Guardian": "theguardian.com", "The New York Times": "nytimes.com",
    "The Washington Post": "washingtonpost.com", "The Wall Street Journal": "wsj.com",
    "Financial Times": "ft.com", "The Economist": "economist.com", "Al Jazeera": "aljazeera.com",
    "Yahoo Finance": "finance.yahoo.com", "Yahoo": "yahoo.com", "Business Insider": "businessinsider.com",
    "The Verge": "theverge.com", "TechCrunch": "techcrunch.com", "Wired": "wired.com", "Fox News": "foxnews.com",
    "NBC News": "nbcnews.com", "CBS News": "cbsnews.com", "ABC News": "abcnews.go.com", "NPR": "npr.org",
    "Politico": "politico.com", "Forbes": "forbes.com", "Fortune": "fortune.com", "Vice": "vice.com",
    "Grist": "grist.org", "The Conversation": "theconversation.com", "ProPublica": "propublica.org", "Xinhua": "xinhuanet.com", "Kyodo": "kyodonews.net", "Yonhap": "yna.co.kr",
    "TASS": "tass.com", "RIA Novosti": "ria.ru", "Getty Images": "gettyimages.com", "Shutterstock": "shutterstock.com",
    "Deutsche Welle": "dw.com", "Euronews": "euronews.com", "NASA": "nasa.gov", "YouTube": "youtube.com",
    "Twitter": "twitter.com", "X": "x.com", "Facebook": "facebook.com", "Instagram": "instagram.com",
    "UNZ": "unz.com", "Anadolu": "aa.com.tr", "EPA": "epa.eu", "ANP": "anp.nl",
    "SID": "sid.de", "ČTK": "ctk.cz", "PAP": "pap.pl", "Interfax": "interfax.com",
    "UPI": "upi.com", "Catholic News Agency": "catholicnewsagency.com", "Sky News": "news.sky.com", "The Independent": "independent.co.uk",
    "The Telegraph": "telegraph.co.uk", "USA Today": "usatoday.com", "Los Angeles Times": "latimes.com",
    "ZUMA Press": "zumapress.com", "Rex Features": "rexfeatures.com", "Bernama": "bernama.com", "IANS": "ians.in",
    "Action Images": "actionimages.com", "Vox": "vox.com", "HuffPost": "huffpost.com", "The Atlantic": "theatlantic.com", "Nature": "nature.com",
    # photo and video agencies
    "Alamy": "alamy.com", "Sipa": "sipa.com", "Abaca": "abacapress.com", "Hans Lucas": "hanslucas.com",
    "Photononstop": "photononstop.com", "Hemis": "hemis.fr", "Keystone": "keystone.ch", "imago": "imago-images.com",
    "picture alliance": "picture-alliance.com", "ddp": "ddp.de", "Visual China Group": "vcg.com",
    "Pear Video": "pearvideo.com", "Storyful": "storyful.com", "Vimeo": "vimeo.com", "TikTok": "tiktok.com",
    "Unsplash": "unsplash.com", "Pixabay": "pixabay.com", "Pexels": "pexels.com", "Flickr": "flickr.com",
    "iStock": "istockphoto.com", "Wikimedia Commons": "commons.wikimedia.org",
    # Vietnamese
    "Dantri": "dantri.com.vn", "VnExpress": "vnexpress.net", "Tuổi Trẻ": "tuoitre.vn", "Thanh Niên": "thanhnien.vn",
    "VietnamNet": "vietnamnet.vn", "Zing News": "zingnews.vn", "Znews": "znews.vn", "Vietnamplus": "vietnamplus.vn",
    "TTXVN": "vnanet.vn", "VOV": "vov.vn", "VTV": "vtv.vn", "Người Lao Động": "nld.com.vn", "Lao Động": "laodong.vn",
    "Kenh14": "kenh14.vn", "Soha": "soha.vn", "Cafef": "cafef.vn", "Báo Quốc Tế": "baoquocte.vn",
    "Nhân Dân": "nhandan.vn", "Tiền Phong": "tienphong.vn", "Vietnam News": "vietnamnews.vn",
    "Pháp luật TP Hồ Chí Minh": "plo.vn", "An ninh Thủ đô": "anninhthudo.vn", "Công an Nhân dân": "cand.com.vn",
    "VTC News": "vtc.vn", "Giáo dục Việt Nam": "giaoduc.net.vn", "Người Đưa Tin": "nguoiduatin.vn",
    "Sức khỏe & Đời sống": "suckhoedoisong.vn", "Thể thao & Văn hóa": "thethaovanhoa.vn", "Vietnam Finance": "vnfinance.vn",
    # Spanish
    "El País": "elpais.com", "El Mundo": "elmundo.es", "ABC": "abc.es", "La Vanguardia": "lavanguardia.com",
    "Europa Press": "europapress.es", "Infobae": "infobae.com", "Clarín": "clarin.com", "Notimex": "notimex.gob.mx",
    "El Universal": "eluniversal.com.mx", "Milenio": "milenio.com", "La Jornada": "jornada.com.mx",
    "Télam": "telam.com.ar", "Emol": "emol.com", "La Tercera": "latercera.com", "El Mercurio": "elmercurio.com", "El Tiempo": "eltiempo.com", "Sputnik": "sputniknews.com",
    # French
    "Le Monde": "lemonde.fr", "Le Figaro": "lefigaro.fr", "Libération": "liberation.fr", "France 24": "france24.com",
    "RFI": "rfi.fr", "Franceinfo": "francetvinfo.fr", "Le Parisien": "leparisien.fr", "Ouest-France": "ouest-france.fr",
    "Les Échos": "lesechos.fr", "L'Humanité": "humanite.fr", "Jeune Afrique": "jeuneafrique.com",
    "Radio France": "radiofrance.fr", "20 Minutes": "20minutes.fr", "Belga": "belga.be",
    # German
    "Spiegel": "spiegel.de", "Die Zeit": "zeit.de", "FAZ": "faz.net", "Süddeutsche Zeitung": "sueddeutsche.de",
    "Tagesschau": "tagesschau.de", "Der Standard": "derstandard.at", "APA": "apa.at", "KNA": "kna.de",
    "epd": "epd.de", "Reuters Deutschland": "de.reuters.com", "Welt": "welt.de", "Bild": "bild.de", "heise online": "heise.de",
    "Tagesspiegel": "tagesspiegel.de", "MDR": "mdr.de", "NDR": "ndr.de", "WDR": "wdr.de", "ZDF": "zdf.de",
    "ARD": "ard.de", "ORF": "orf.at", "SDA": "sda-ats.ch", "AFX": "dpa-afx.de",
    # Indonesian
    "Antara": "antaranews.com", "Kompas": "kompas.com", "Detik": "detik.com", "Tempo": "tempo.co",
    "CNN Indonesia": "cnnindonesia.com", "Liputan6": "liputan6.com", "Tribunnews": "tribunnews.com",
    "Republika": "republika.co.id", "Okezone": "okezone.com", "Suara": "suara.com", "Kumparan": "kumparan.com",
    "Jawa Pos": "jawapos.com", "Bisnis Indonesia": "bisnis.com", "Media Indonesia": "mediaindonesia.com",
    # Portuguese
    "Folha de S.Paulo": "folha.uol.com.br", "O Globo": "oglobo.globo.com", "G1": "g1.globo.com",
    "Estadão": "estadao.com.br", "Agência Brasil": "agenciabrasil.ebc.com.br", "Lusa": "lusa.pt",
    "Público": "publico.pt", "UOL": "uol.com.br", "Veja": "veja.abril.com.br",
    "TV Globo": "redeglobo.globo.com", "Agência Senado": "senado.leg.br", "RTP": "rtp.pt", "Expresso": "expresso.pt", "Correio Braziliense": "correiobraziliense.com.br",
}  # fmt: skip

# other spellings -> canonical name
ALIASES: dict[str, str] = {
    "associated press": "AP", "the associated press": "AP", "agence france-presse": "AFP",
    "agence france presse": "AFP", "deutsche presse-agentur": "dpa", "dân trí": "Dantri", "dan tri": "Dantri",
    "báo dân trí": "Dantri", "guardian": "The Guardian", "new york times": "The New York Times",
    "nyt": "The New York Times", "washington post": "The Washington Post", "wall street journal": "The Wall Street Journal",
    "wsj": "The Wall Street Journal", "ft": "Financial Times", "der spiegel": "Spiegel", "spiegel online": "Spiegel",
    "zeit online": "Die Zeit", "sz": "Süddeutsche Zeitung", "heise": "heise online", "tuoi tre": "Tuổi Trẻ",
    "thanh nien": "Thanh Niên", "vnexpress": "VnExpress", "antara news": "Antara", "kompas.com": "Kompas",
    "folha": "Folha de S.Paulo", "estadao": "Estadão", "agencia brasil": "Agência Brasil",
    "the verge": "The Verge", "yahoo finance": "Yahoo Finance", "dw": "Deutsche Welle",
    "getty": "Getty Images", "agencia efe": "EFE", "agência efe": "EFE", "europa press": "Europa Press",
    "austria presse agentur": "APA", "austria presse-agentur": "APA", "sport-informations-dienst": "SID",
    "w.post": "The Washington Post", "vcg": "Visual China Group", "yonhap news": "Yonhap",
    "yonhap news agency": "Yonhap",
    "pearvideo": "Pear Video", "antara foto": "Antara",
    "pháp luật tp.hcm": "Pháp luật TP Hồ Chí Minh", "pháp luật tp hcm": "Pháp luật TP Hồ Chí Minh",
    "plo": "Pháp luật TP Hồ Chí Minh", "antđ": "An ninh Thủ đô", "cand": "Công an Nhân dân", "vtc": "VTC News",
    "tuổi trẻ online": "Tuổi Trẻ", "dantri.com.vn": "Dantri", "picture-alliance": "picture alliance",
    "deutsche welle": "Deutsche Welle", "efe noticias": "EFE", "sputnik news": "Sputnik", "dpa picture-alliance": "dpa",
    "dpa-picture-alliance": "dpa", "agencia europa press": "Europa Press", "antarafoto": "Antara",
    "zuma press": "ZUMA Press", "zuma wire": "ZUMA Press", "rex features": "Rex Features",
    "humanité": "L'Humanité", "ouest france": "Ouest-France", "süddeutsche": "Süddeutsche Zeitung",
    "süddeutschen zeitung": "Süddeutsche Zeitung", "süddeutschen": "Süddeutsche Zeitung", "die welt": "Welt",
    "revista veja": "Veja", "agence france-presse (afp)": "AFP", "the associated press (ap)": "AP",
}  # fmt: skip

# Platforms that host what others publish: a "Facebook / Twitter" line is a share bar, not a credit.
SOCIAL_PLATFORMS = frozenset({"Twitter", "X", "Facebook", "Instagram", "YouTube", "TikTok", "Vimeo", "WhatsApp"})

_BY_LOWER = {name.lower(): name for name in OUTLETS}
_BY_DOMAIN = {domain: name for name, domain in OUTLETS.items()}

# Second-level suffixes under which the registrable name is one label further left.
MULTI_PART_SUFFIXES = frozenset(
    "com.vn net.vn org.vn gov.vn edu.vn co.uk org.uk ac.uk com.au net.au co.id or.id go.id ac.id web.id "
    "com.br org.br gov.br net.br com.ar com.mx gob.mx com.co com.pe co.jp co.kr com.cn com.tr co.za co.in "
    "com.es com.pt com.sg com.my com.ph co.nz".split()
)
DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?=[/:?#\s]|$)"
)


def canonical_name(name: str) -> str | None:
    key = name.strip().lower()
    if key in _BY_LOWER:
        return _BY_LOWER[key]
    return ALIASES.get(key)


def domain_of(name: str) -> str | None:
    canonical = canonical_name(name)
    return OUTLETS.get(canonical) if canonical else None


def name_for_domain(domain: str, as_written: str) -> str:
    """Readable outlet name for a domain: the known name, else the site's label as written."""
    domain = domain.lower()
    if domain in _BY_DOMAIN:
        return _BY_DOMAIN[domain]
    labels = as_written.split(".")
    lowered = [label.lower() for label in labels]
    suffix_len = 2 if ".".join(lowered[-2:]) in MULTI_PART_SUFFIXES and len(labels) > 2 else 1
    site = labels[: len(labels) - suffix_len]
    if site and site[0].lower() == "www":
        site = site[1:]
    if not site:
        return as_written
    known = _BY_DOMAIN.get(".".join(lowered[len(lowered) - suffix_len - 1 :]))
    if known and len(site) == 1:
        return known
    return ".".join(site)


def registrable_domain(host: str) -> str:
    """"www.finance.yahoo.com" -> "yahoo.com"; "dantri.com.vn" -> "dantri.com.vn"."""
    labels = host.lower().strip(".").split(".")
    keep = 3 if ".".join(labels[-2:]) in MULTI_PART_SUFFIXES else 2
    return ".".join(labels[-keep:])
