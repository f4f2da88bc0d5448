#!/usr/bin/env python3
"""Times The Walrus's hafnian and loop hafnian on the matrices bench/gauss.sh wrote (bench/results/gauss/work),
side by side with mcs's numbers in gauss.csv. Needs numpy, scipy, numba and an importable `thewalrus`
(installed, or on PYTHONPATH); it does not fetch or build The Walrus. Usage:
    NUMBA_NUM_THREADS=1 python3 bench/gauss_walrus.py bench/results/gauss [max_n]
Writes walrus-<threads>t.csv next to gauss.csv and prints a Markdown table."""
import csv, os, re, sys, time

import numpy as np
import scipy.io

out = sys.argv[1]
max_n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
threads = os.environ.get("NUMBA_NUM_THREADS", "default")
import thewalrus  # noqa: E402
from thewalrus import _haf, loop_hafnian  # noqa: E402

version = getattr(thewalrus, "__version__", "?")
ours = {}
with open(os.path.join(out, "gauss.csv")) as f:
    for row in csv.DictReader(f):
        ours[(row["problem"], row["field"], int(row["n"]))] = row


def walrus(problem, a):
    return loop_hafnian(a) if problem == "loop" else _haf(a)


# compile outside the timings
for problem in ("haf", "loop"):
    walrus(problem, np.eye(4, dtype=np.complex128) + 0.5)

rows = []
files = sorted(os.listdir(os.path.join(out, "work")), key=lambda s: (s.split("-")[0], s.split("-")[1], int(re.search(r"n(\d+)", s).group(1))))
for name in files:
    m = re.match(r"(haf|loop)-(real|complex)-n(\d+)\.mtx$", name)
    if not m:
        continue
    problem, field, n = m.group(1), m.group(2), int(m.group(3))
    if n > max_n:
        continue
    a = np.asarray(scipy.io.mmread(os.path.join(out, "work", name)))
    t0 = time.perf_counter()
    v = complex(walrus(problem, a))
    t = time.perf_counter() - t0
    mine = ours.get((problem, field, n))
    ours2 = float(mine["ours_2t_s"]) if mine else float("nan")
    value = mine["value"] if mine else ""
    # our value is re±imi text; compare moduli of the difference relative to |ours|
    rel = float("nan")
    if value:
        mm = re.match(r"^(.*?)(?:([+-])([^+-]*(?:e[+-]?\d+)?)i)?$", value)
        re_part = float(mm.group(1)) if mm.group(1) else 0.0
        im_part = float(mm.group(3)) * (-1 if mm.group(2) == "-" else 1) if mm.group(3) else 0.0
        o = complex(re_part, im_part)
        rel = abs(v - o) / abs(o) if o != 0 else float("nan")
    rows.append((problem, field, n, t, ours2, t / ours2 if ours2 else float("nan"), rel))
    print(f"| {problem} | {field} | {n} | {t:.3f} | {ours2:.3f} | {t / ours2:.1f}x | {rel:.2g} |", flush=True)

with open(os.path.join(out, f"walrus-{threads}t.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["problem", "field", "n", "walrus_s", "ours_2t_s", "walrus_over_ours", "walrus_rel_diff", "walrus", "numba_threads", "load"])
    for r in rows:
        w.writerow(list(r) + [version, threads, os.getloadavg()[0]])
