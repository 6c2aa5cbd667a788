"""Round 2 scores both directions of a mutual candidate pair in one chunk: every wanted
pair is scored exactly once, whichever chunk holds it."""
import random
import zlib

from auditor.lean.corpus import Plan
from auditor.lean.store import ProfileRef
from auditor.run.lean_round import _score_chunk
from auditor.run.pool import chunks


def test_every_wanted_pair_is_scored_once_and_reverse_pairs_ride_along():
    rng = random.Random(0)
    keys = [f"d{i:02d}" for i in range(40)]
    plans = [Plan(k, tuple(sorted(rng.sample([o for o in keys if o != k], 6))), ()) for k in keys]
    texts = {k: (zlib.compress(k.encode()), "en") for k in keys}
    refs = {k: ProfileRef("store", i, 1) for i, k in enumerate(keys) if i % 2}  # half have a stored profile
    size = 7
    wanted = {plan.key: frozenset(plan.to_score()) for plan in plans}
    chunk_of = {plan.key: i // size for i, plan in enumerate(plans)}
    position = {plan.key: i for i, plan in enumerate(plans)}
    scored = []
    for number, chunk in enumerate(chunks(plans, size)):
        for task in _score_chunk(chunk, number, plans, position, texts, refs, size):
            assert set(task.texts) == {task.plan.key, *task.plan.to_score()}
            assert task.profiles == {k: refs[k] for k in task.texts if k in refs}
            scored += [(task.plan.key, other) for other in task.plan.to_score()]
    assert len(scored) == len(set(scored))
    assert set(scored) == {(k, o) for k, others in wanted.items() for o in others}
    mutual = [(k, o) for k, others in wanted.items() for o in others if k in wanted[o] and chunk_of[k] != chunk_of[o]]
    assert mutual  # the sample has cross-chunk mutual pairs, which the first chunk scores both ways
