#!/usr/bin/python3
"""NetworkX's answer for one edge list, next to `liaison analyze --json` on the same file.

Usage: /usr/bin/python3 networkx_reference.py EDGES.csv LIAISON.json
Reads the edge list as `liaison analyze --edges` does (source,target[,weight], undirected, an
`source,target` header, repeated pairs summed, self-loops dropped), computes every per-node measure with
NetworkX, the modularity of Liaison's own partition (read from LIAISON.json) and NetworkX's Louvain
modularity over seeds 0-4, and prints one JSON object. The comparison itself is in C#.
"""
import csv
import json
import sys

import networkx as nx
from networkx.algorithms.community import louvain_communities, modularity

LOUVAIN_SEEDS = range(5)


def read_edges(path):
    g = nx.Graph()
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.reader(f) if r and not r[0].startswith("#")]
    if rows and [c.strip().lower() for c in rows[0][:2]] == ["source", "target"]:
        rows = rows[1:]
    for row in rows:
        a, b = row[0].strip(), row[1].strip()
        w = float(row[2]) if len(row) > 2 else 1.0
        if a == b:
            continue
        old = g.get_edge_data(a, b, {"weight": 0.0})["weight"]
        g.add_edge(a, b, weight=old + w)
    return g


def main():
    g = read_edges(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        ours = json.load(f)
    partition = {}
    for node in ours["nodes"]:
        partition.setdefault(node["community"], set()).add(node["id"])
    ours_communities = list(partition.values())
    louvain = [modularity(g, louvain_communities(g, weight="weight", resolution=1, seed=s), weight="weight", resolution=1)
               for s in LOUVAIN_SEEDS]
    print(json.dumps({
        "networkx": nx.__version__,
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "degree": dict(g.degree()),
        "weighted_degree": dict(g.degree(weight="weight")),
        "pagerank": nx.pagerank(g, alpha=0.85, weight="weight"),
        "betweenness": nx.betweenness_centrality(g, normalized=True, weight=None),
        "closeness": nx.closeness_centrality(g, wf_improved=True),
        "core": nx.core_number(g),
        "components": [sorted(c) for c in nx.connected_components(g)],
        "modularity_of_liaison_partition": modularity(g, ours_communities, weight="weight", resolution=1),
        "louvain_modularity_by_seed": louvain,
    }))


if __name__ == "__main__":
    main()
