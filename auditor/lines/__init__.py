"""Line classifiers: one small scikit-learn model per rule family, scoring a line of text.

The rules (AI001, DB006, CK001) decide from signals they compute themselves: where a line stands,
its shape, the cue words of ``auditor.languages``. A learned score is one more signal: how much a
line reads like the family's lines seen in training (``training/lines/`` and the design part of
``eval/real-wording/``), from its character n-grams, its words, its shape and the roles of the cue
words it holds; for AI notices and cookie banners also from its multilingual sentence embedding, where
the ``embeddings`` extra is installed (``auditor.lines.model``). A gate decides first whether the line may
be heard at all (``auditor.lines.gates``: it must name AI outside quotation marks, be short and carry a mark
of furniture, or name cookies or ask for consent).

CK001 had no line model until the fifth session: a consent-wall model tried in round 3 added false alarms on
the round-2 held-out part. With 268 collected training lines (``training/lines/collected_cookie.jsonl``) and
the embedding model, own-data cross-validation found more banners at the same false alarms.

The model is trained by ``scripts/train_lines.py`` and loaded only after its card vouches for it
(``auditor.lines.model``).
"""

from __future__ import annotations


class LineModelError(RuntimeError):
    """The line model file is missing, altered, or was trained with another scikit-learn."""
