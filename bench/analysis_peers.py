#!/usr/bin/python3
"""NetworkX / igraph side of bench/analysis.sh: the same files, the same algorithms.

usage: analysis_peers.py networkx|igraph FILES ALGOS K REPEAT
Prints "<lib> <algo> <wall seconds> <check> <cpu seconds>" per algorithm (times summed over FILES, fastest of REPEAT)
and "<lib> peak_mb <MB>". Files whose path contains "criminal-networks" are adjacency matrices
(undirected, weight max(a_ij, a_ji)); others are source,target,weight edge lists.
"""
import csv
import random
import resource
import sys
import time


def read_matrix(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    labels = rows[0][1:]
    edges = {}
    for i, row in enumerate(rows[1:]):
        for j, cell in enumerate(row[1:]):
            w = float(cell)
            if w > 0 and i != j:
                key = (min(i, j), max(i, j))
                edges[key] = max(edges.get(key, 0.0), w)
    return labels, [(labels[a], labels[b], w) for (a, b), w in edges.items()]


def read_edges(path):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        return None, [(a, b, float(w)) for a, b, w in reader]


def load(lib, path):
    labels, edges = read_matrix(path) if "criminal-networks" in path else read_edges(path)
    if lib == "networkx":
        import networkx as nx
        g = nx.Graph()
        if labels:
            g.add_nodes_from(labels)
        for a, b, w in edges:
            # Repeated pairs add up, as Liaison's edge-list reader does (there are none in these files).
            g.add_edge(a, b, weight=g[a][b]["weight"] + w if g.has_edge(a, b) else w)
        return g
    import igraph as ig
    names = list(labels) if labels else []
    index = {v: i for i, v in enumerate(names)}
    pairs = []
    weights = []
    for a, b, w in edges:
        for v in (a, b):
            if v not in index:
                index[v] = len(names)
                names.append(v)
        pairs.append((index[a], index[b]))
        weights.append(w)
    g = ig.Graph(n=len(names), edges=pairs, directed=False)
    g.vs["name"] = names
    g.es["weight"] = weights
    return g


def run(lib, g, algo, k):
    if lib == "networkx":
        import networkx as nx
        from networkx.algorithms.community import louvain_communities, modularity
        if algo == "pagerank":
            return max(nx.pagerank(g, alpha=0.85, weight="weight").values())
        if algo == "pagerank_exact":
            # NetworkX stops when the L1 change is below N x tol; tol = 1e-10 / N asks for 1e-10 in total.
            return max(nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-10 / g.number_of_nodes(), max_iter=1000).values())
        if algo == "betweenness":
            kk = k if 0 < k < g.number_of_nodes() else None
            return max(nx.betweenness_centrality(g, k=kk, normalized=True, weight=None, seed=1).values())
        if algo == "louvain":
            parts = louvain_communities(g, weight="weight", seed=1)
            return modularity(g, parts, weight="weight")
        if algo == "components":
            return nx.number_connected_components(g)
    else:
        if algo in ("pagerank", "pagerank_exact"):
            return max(g.pagerank(damping=0.85, weights="weight"))
        if algo == "betweenness":
            if 0 < k < g.vcount():
                return float("nan")  # python-igraph 0.10 cannot restrict Brandes to sampled sources
            n = g.vcount()
            scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
            return max(g.betweenness(directed=False)) * scale
        if algo == "louvain":
            return g.community_multilevel(weights="weight").modularity
        if algo == "components":
            return len(g.connected_components())
    raise ValueError(algo)


def main():
    lib, files, algos, k, repeat = sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(","), int(sys.argv[4]), int(sys.argv[5])
    random.seed(1)
    totals = {a: 0.0 for a in algos}
    cpu = {a: 0.0 for a in algos}
    checks = {a: 0.0 for a in algos}
    for path in files:
        # When load is measured, that measurement is the load (as in the Liaison runner), so the
        # peak memory is one graph's.
        g = None if "load" in algos else load(lib, path)
        for algo in algos:
            best = float("inf")
            best_cpu = 0.0
            for _ in range(repeat):
                start, start_cpu = time.perf_counter(), time.process_time()
                if algo == "load":
                    g = None
                    g = load(lib, path)
                    check = g.number_of_edges() if lib == "networkx" else g.ecount()
                else:
                    check = run(lib, g, algo, k)
                wall = time.perf_counter() - start
                if wall < best:
                    best, best_cpu = wall, time.process_time() - start_cpu
            totals[algo] += best
            cpu[algo] += best_cpu
            checks[algo] += check
    for algo in algos:
        print(f"{lib} {algo} {totals[algo]:.6f} {checks[algo]!r} {cpu[algo]:.6f}")
    print(f"{lib} peak_mb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


if __name__ == "__main__":
    main()
