"""decode._native_forward (the forward pass written out for the compiled module) against the
pass generated from the grammar and the weights: the same scores and back pointers, ties
included, for random weights and rows."""
import importlib
import random

D = importlib.import_module("kzreader.core.parsing.decode")  # (the package's name `decode` is the function)


def test_written_for_this_grammar():
    # a grammar it was not written for would quietly take the generated pass: rewrite it then
    assert tuple(tuple(p for p, _ in preds) for preds in D._PREDS) == D._NATIVE_PREDS


def _value(rng: random.Random) -> float:
    # few distinct values, so that candidates often tie (the first of equals must win)
    return rng.choice((0.0, 1.0, -2.5, 0.5, rng.uniform(-9.0, 9.0)))


def test_same_scores_and_back_pointers_as_the_generated_pass():
    rng = random.Random(18)
    for _ in range(400):
        trans = {key: _value(rng) for preds in D._PREDS for _, key in preds}
        w = D.Weights({}, trans)
        rows = [tuple(_value(rng) for _ in D.STATES) for _ in range(rng.randint(1, 25))]
        start = tuple(v if rng.random() < 0.6 else float("-inf") for v in rows[0])
        assert D._native_forward(start, rows, w.flat) == w.forward(start, iter(rows[1:]))

