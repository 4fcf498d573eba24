#!/usr/bin/python3
"""Peer for the Dice benchmark: plain CPython (no numpy, no C extension), popcount with int.bit_count().
It is the baseline a Python user gets without anonlink's C++ kernel, which is not installable offline here."""
import random
import sys
import time

n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
threshold = 0.7
random.seed(7)
a = [random.getrandbits(1024) for _ in range(n)]
b = [random.getrandbits(1024) for _ in range(n)]
pa = [x.bit_count() for x in a]
pb = [x.bit_count() for x in b]
start = time.process_time()
found = 0
for x, px in zip(a, pa):
    for y, py in zip(b, pb):
        if 2 * (x & y).bit_count() >= threshold * (px + py):
            found += 1
cpu = time.process_time() - start
print(f"| {n:,} × {n:,} | 1 | CPython {sys.version.split()[0]} int.bit_count | {n * n:,} | {cpu:.2f} s CPU | | {n * n / cpu / 1e6:.1f} M/s |")
