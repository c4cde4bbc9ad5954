"""The interview's main question marker (its "scheme") does not depend on the process."""
from kzreader.core.parsing.decode import main_scheme


def test_the_commonest_marker_wins():
    assert main_scheme(["dash", "speaker", "speaker", "dash", "speaker"]) == "speaker"


def test_a_tie_goes_to_the_marker_asked_first():
    # both orders in one process: a choice made through a set's order fails one of them
    assert main_scheme(["dash", "speaker", "speaker", "dash"]) == "dash"
    assert main_scheme(["speaker", "dash", "dash", "speaker"]) == "speaker"
    assert main_scheme(["none", "qa"]) == "none"
    assert main_scheme(["qa", "none"]) == "qa"
