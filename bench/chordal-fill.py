#!/usr/bin/env python3
"""How much a chordal (clique-tree) conversion would shrink ipm's Schur system on a sparse instance (bench/RESULTS-ipm.md).

Reads Matrix Market patterns, runs a minimum-degree elimination (ties by index) to get a chordal extension, and prints
its fill, its maximal cliques, and the number of overlap equalities a clique-tree conversion (Fukuda-Nakata; Kim,
Kojima, Mevissen, Yamashita) adds: one per entry of each separator, sum of s(s+1)/2 over the non-root maximal cliques
(an upper estimate: merging cliques trades fewer equalities for larger blocks). The plain SDP has n + |E| constraints.

    python3 bench/chordal-fill.py bench/results/cold/work/sparse-n{200,400,800}-yes.mtx

(bench/ipm-cold.sh writes those files first: CsdpComparison --only files.)
"""
import sys


def read(path):
    adj, header = {}, True
    with open(path) as f:
        for line in f:
            if line.startswith('%') or not line.strip():
                continue
            p = line.split()
            if header:
                adj, header = {i: set() for i in range(int(p[0]))}, False
                continue
            i, j = int(p[0]) - 1, int(p[1]) - 1
            if i != j:
                adj[i].add(j)
                adj[j].add(i)
    return adj


def main(paths):
    for path in paths:
        adj = read(path)
        n, m = len(adj), sum(len(s) for s in adj.values()) // 2
        g = {v: set(s) for v, s in adj.items()}
        alive, order, nbs, fill = set(g), [], {}, 0
        while alive:
            v = min(alive, key=lambda x: (len(g[x]), x))
            nb = set(g[v])
            nbs[v] = nb
            order.append(v)
            for a in nb:
                for b in nb:
                    if a < b and b not in g[a]:
                        g[a].add(b)
                        g[b].add(a)
                        fill += 1
            for a in nb:
                g[a].discard(v)
            alive.remove(v)
            del g[v]
        pos = {v: k for k, v in enumerate(order)}
        parent = {v: min(nbs[v], key=lambda x: pos[x]) if nbs[v] else None for v in order}
        # {v} ∪ nb(v) is a maximal clique unless a vertex eliminated before it has it as parent and one more neighbour.
        absorbed = {parent[u] for u in order if parent[u] is not None and len(nbs[u]) == len(nbs[parent[u]]) + 1}
        maximal = [v for v in order if v not in absorbed]
        overlap = sum(len(nbs[v]) * (len(nbs[v]) + 1) // 2 for v in maximal if nbs[v])
        print(f"{path}: n = {n}, |E| = {m}; chordal extension (minimum degree): {fill} fill edges, "
              f"{100 * (m + fill) / (n * (n - 1) / 2):.0f}% of all pairs; {len(maximal)} maximal cliques, largest "
              f"{max(len(nbs[v]) + 1 for v in maximal)}; overlap equalities about {overlap}, "
              f"against the {n + m} constraints of the plain SDP")


if __name__ == '__main__':
    main(sys.argv[1:])
