"""The parser on the annotated corpus of real interviews (shared/corpus, issue 18), scored by
the project's checker exactly as a user would run it.  The floors are what the parser reached;
raise them when the score rises, never lower them to let a change through."""
import re

from conftest import run_checker

EXCHANGES_FLOOR = 526  # of 534
EXACT_COUNTS_FLOOR = 39  # of 40 files
JUNK_LEAKS_CEILING = 0


def test_corpus_score_stays_at_its_floor(corpus_dir, tmp_path):
    _, report = run_checker(corpus_dir, tmp_path)
    summary = report.strip().splitlines()[-1]
    m = re.match(r"exchanges (\d+)/(\d+) .*exact counts (\d+)/(\d+) files, .*junk leaks (\d+)", summary)
    assert m, report
    found, total, exact, files, leaks = map(int, m.groups())
    assert total == 534 and files == 40, summary  # the corpus this floor was measured on
    assert found >= EXCHANGES_FLOOR, report
    assert exact >= EXACT_COUNTS_FLOOR, report
    assert leaks <= JUNK_LEAKS_CEILING, report
