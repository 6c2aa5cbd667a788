"""Italian: known to the language detector only, so that an Italian article is not taken
for one of the supported languages; no cue words (the rules do not claim it)."""

# Common function words: what the language detector (detect.py) counts, and what lean's
# sentence matching leaves out.
FUNCTION_WORDS = "il di che e la per un una non in sono del della con si gli le più anche questo essere"  # fmt: skip
