#!/usr/bin/env python3
"""Times `candor eraser` against ERASER's own metrics script on the same synthetic results file.

DESIGN §10 asks Candor to score ERASER-format data at least 20 times faster than ERASER's
`rationale_benchmark/metrics.py`. This script writes a synthetic ERASER dataset (movie-review-sized documents, a
`test.jsonl` of annotations with evidence) and a results file with everything ERASER scores (hard and soft
rationale predictions, classification scores, comprehensiveness, sufficiency and thresholded scores), then runs
`candor eraser` (release build) and, when given ERASER's checkout, ERASER's script, and prints both times, the
ratio, and the largest difference between the metrics both print.

Nothing is downloaded. ERASER's script needs its own Python environment (numpy, scikit-learn, scipy, torch), which
the user provides.

    python3 Benchmarks/eraser/bench.py                          # candor alone
    python3 Benchmarks/eraser/bench.py --eraser ../eraserbenchmark --python ../venv/bin/python
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORDS = ("the film plot actor scene story music camera script ending dull great slow funny bright "
         "long short warm cold odd fine bad good , . ' s n't").split()
LABELS = ["NEG", "POS"]
AOPC = [0.01, 0.05, 0.1, 0.2, 0.5]


def distribution(rng):
    p = rng.random()
    return {"NEG": 1 - p, "POS": p}


def generate(folder, annotations, sentences, words_per_sentence, seed):
    """Writes docs/, test.jsonl and results.jsonl under `folder`; returns the results file's path."""
    rng = random.Random(seed)
    os.makedirs(os.path.join(folder, "docs"), exist_ok=True)
    with open(os.path.join(folder, "test.jsonl"), "w") as gold, open(os.path.join(folder, "results.jsonl"), "w") as out:
        for index in range(annotations):
            docid = "doc%06d" % index
            lines = [" ".join(rng.choice(WORDS) for _ in range(words_per_sentence)) for _ in range(sentences)]
            with open(os.path.join(folder, "docs", docid), "w") as doc:
                doc.write("\n".join(lines) + "\n")
            length = sentences * words_per_sentence
            evidences, position = [], rng.randrange(0, 20)
            while position < length - 10:
                end = min(length, position + rng.randrange(1, 12))
                evidences.append([{"docid": docid, "start_token": position, "end_token": end,
                                   "start_sentence": -1, "end_sentence": -1, "text": ""}])
                position = end + rng.randrange(5, 60)
            label = rng.choice(LABELS)
            gold.write(json.dumps({"annotation_id": docid, "classification": label, "docids": [docid],
                                   "evidences": evidences, "query": "What is the sentiment of this review?",
                                   "query_type": None}, sort_keys=True) + "\n")
            hard, position = [], rng.randrange(0, 20)
            while position < length - 10:
                end = min(length, position + rng.randrange(1, 12))
                hard.append({"start_token": position, "end_token": end})
                position = end + rng.randrange(5, 60)
            scores = distribution(rng)
            out.write(json.dumps({
                "annotation_id": docid,
                "rationales": [{"docid": docid, "hard_rationale_predictions": hard,
                                "soft_rationale_predictions": [round(rng.random(), 4) for _ in range(length)]}],
                "classification": max(scores, key=scores.get),
                "classification_scores": scores,
                "comprehensiveness_classification_scores": distribution(rng),
                "sufficiency_classification_scores": distribution(rng),
                "thresholded_scores": [{"threshold": t, "comprehensiveness_classification_scores": distribution(rng),
                                        "sufficiency_classification_scores": distribution(rng)} for t in AOPC],
            }) + "\n")
    return os.path.join(folder, "results.jsonl")


def timed(command, env=None):
    start = time.perf_counter()
    completed = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(command), completed.stderr[-2000:]))
    return elapsed


def leaves(value, prefix=""):
    """Every number in a nested report, by path."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, prefix + "/" + str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, prefix + "/" + str(index))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield prefix, float(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--annotations", type=int, default=2000, help="annotations (documents) to generate")
    parser.add_argument("--sentences", type=int, default=30, help="sentences per document")
    parser.add_argument("--words", type=int, default=25, help="tokens per sentence")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--eraser", help="ERASER's checkout (the folder holding rationale_benchmark/)")
    parser.add_argument("--python", default=sys.executable, help="the Python that has ERASER's requirements")
    parser.add_argument("--keep", help="write the data here and keep it (default: a temporary folder)")
    parser.add_argument("--skip-build", action="store_true", help="use the existing release build")
    args = parser.parse_args()

    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "candor"], cwd=ROOT, check=True)
    candor = os.path.join(ROOT, ".build", "release", "candor")
    folder = args.keep or tempfile.mkdtemp(prefix="candor-eraser-bench-")
    results = generate(folder, args.annotations, args.sentences, args.words, args.seed)
    size = os.path.getsize(results) / 1e6
    print("data: %d annotations of %d tokens, results file %.1f MB, in %s"
          % (args.annotations, args.sentences * args.words, size, folder))

    candor_out = os.path.join(folder, "candor-scores.json")
    candor_time = min(timed([candor, "eraser", "--data", folder, "--split", "test", "--results", results,
                             "--score-file", candor_out]) for _ in range(3))
    print("candor eraser:          %8.2f s (best of 3)" % candor_time)
    if not args.eraser:
        print("ERASER's script not run (pass --eraser PATH to its checkout to compare)")
        return
    eraser_out = os.path.join(folder, "eraser-scores.json")
    env = dict(os.environ, PYTHONPATH=os.path.abspath(args.eraser))
    eraser_time = timed([args.python, "-m", "rationale_benchmark.metrics", "--data_dir", folder, "--split", "test",
                         "--results", results, "--score_file", eraser_out], env=env)
    print("ERASER metrics.py:      %8.2f s" % eraser_time)
    print("speed-up:               %8.1f x (target: at least 20 x)" % (eraser_time / candor_time))
    with open(candor_out) as a, open(eraser_out) as b:
        ours, theirs = dict(leaves(json.load(a))), dict(leaves(json.load(b)))
    shared = sorted(set(ours) & set(theirs))
    worst = max((abs(ours[k] - theirs[k]), k) for k in shared) if shared else (0.0, "-")
    print("metrics compared: %d; largest difference %.3g at %s" % (len(shared), worst[0], worst[1]))
    only = sorted(set(theirs) - set(ours))
    if only:
        print("printed by ERASER only: " + ", ".join(only[:10]))


if __name__ == "__main__":
    main()
