"""Dutch: known to the language detector only, so that an Dutch article is not taken
for one of the supported languages; no cue words (the rules do not claim it)."""

# Common function words: what the language detector (detect.py) counts, and what lean's
# sentence matching leaves out.
FUNCTION_WORDS = "de het een en van is dat op te in zijn voor met niet er aan om ook als bij"  # fmt: skip
