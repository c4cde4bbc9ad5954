"""The real seed interviews parse as their hand-checked truth files say."""
import yaml

from conftest import run_checker


def test_check_parse_scores(seeds_dir, tmp_path):
    data, report = run_checker(seeds_dir, tmp_path)
    summary = report.strip().splitlines()[-1]
    assert summary.startswith("exchanges 33/33"), report
    assert "exact counts 5/5 files" in summary, report
    assert "metadata 6/6" in summary and "junk leaks 0" in summary, report
    assert "missed" not in report, report
    iv = next(i for i in data["interviews"] if i["path"].endswith("004_479993717eb85b9c.txt"))
    ex = iv["exchanges"][5]
    assert ex["question"].startswith("Сегодня все чаще говорится, что вместо модели")
    assert ex["answer"].endswith("за весь производственный цикл — от разработки до сбыта.")


def test_seed_metadata_matches_truth(seeds_dir, tmp_path):
    data, _ = run_checker(seeds_dir, tmp_path)
    by_stem = {i["path"].rsplit("/", 1)[-1][:-4]: i for i in data["interviews"]}
    for tf in sorted(seeds_dir.glob("*.truth.yaml")):
        truth = yaml.safe_load(tf.read_text(encoding="utf-8"))
        iv = by_stem[tf.name[: -len(".truth.yaml")]]
        assert len(iv["exchanges"]) == truth["qa_count"], tf.name
        for key in ("title", "date", "source"):
            if truth[key] is not None:
                assert iv[key] == truth[key], (tf.name, key)
        if truth["interviewee"] is not None:
            assert iv["interviewee"] == truth["interviewee"] or set(truth["interviewee"].split()) <= set(
                iv["interviewee"].split()), (tf.name, iv["interviewee"])
