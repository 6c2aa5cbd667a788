"""Polish cue words: only the consent-banner family (Polish news sites carry the same banners).

Polish is not a supported article language; see ``EXTRA_LANGUAGES`` in auditor/languages/__init__.py.
"""

CONSENT = {
    # Consent buttons, as whole lines: two or more in a row, one of them accepting, are a banner's button row
    # even without its message ("Accept all / Reject all / Manage preferences").
    "button_accept": [r"zaakceptuj(?: wszystkie)?", r"akceptuję", r"zgadzam się", r"zrozumiałem!?", r"rozumiem"],
    "button_other": [r"odrzuć(?: wszystkie| ciasteczka)?", r"tylko niezbędne", r"ustawienia", r"więcej o ciasteczkach", r"dowiedz się więcej"],
    "site_uses": [
        r"(?:strona|serwis|witryna|nasze strony|nasza strona|nasz serwis)(?: internetowa| internetowy)? (?:korzysta z|korzystają z|używa|używają|wykorzystuje|wykorzystują|stosuje|stosują) (?:[\w'’-]+ ){0,3}?(?:plików cookies?|pliki cookies?|ciasteczek|ciasteczka|cookies?)",
        r"używamy (?:[\w'’-]+ ){0,3}?(?:plików cookies?|pliki cookies?|ciasteczek|ciasteczka|cookies?)",
        r"na naszych stronach (?:używamy|wykorzystujemy|stosujemy)"
    ],
    "visitor_consents": [
        r"korzystając ze? (?:strony|serwisu|witryny)", r"(?:zgadzasz|zgadza pan|zgadza pani) się na",
        r"wyrażasz zgodę", r"klikając", r"akceptuję"
    ],
    "web_context": [r"stron\w*", r"serwis\w*", r"korzystanie", r"reklam\w*", r"przeglądar\w*", r"prywatności"],
}

# Common function words: what the language detector (detect.py) counts, and what lean's
# sentence matching leaves out.
FUNCTION_WORDS = "i w na nie z się do że to jest o jak po ale przez dla od jego już tak"  # fmt: skip
