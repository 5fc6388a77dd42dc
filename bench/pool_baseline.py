#!/usr/bin/env python3
"""The baseline of bench_pool: a Python ThreadPoolExecutor(max_workers=N)
running the same fake-solver jobs (`sleep SECONDS`) through subprocess, in
submission order, as in the post that motivated sheetpile's licence pool.
Usage: pool_baseline.py WORKERS SECONDS... ; prints the makespan in seconds."""
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor


def job(seconds):
    subprocess.run(["sleep", seconds], check=True)


def main():
    workers = int(sys.argv[1])
    durations = sys.argv[2:]
    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(job, durations))
    print(f"{time.monotonic() - t0:.6f}")


if __name__ == "__main__":
    main()
