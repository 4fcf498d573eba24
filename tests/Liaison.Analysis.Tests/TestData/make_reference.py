#!/usr/bin/python3
"""Computes NetworkX reference values for the criminal networks in criminal-networks/.

Run with Debian's python (apt-get install python3-networkx): /usr/bin/python3 make_reference.py
Writes reference/<network>.json, which the C# tests compare against, so that the test suite does
not need NetworkX. Each matrix becomes an undirected graph with weight max(a_ij, a_ji); nodes are
kept in label order and isolated nodes are kept.
"""
import csv
import glob
import json
import os
from itertools import islice

import networkx as nx
from networkx.algorithms.community import louvain_communities, modularity

HERE = os.path.dirname(os.path.abspath(__file__))
LOUVAIN_SEEDS = range(10)


def read_matrix(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    labels = rows[0][1:]
    g = nx.Graph()
    g.add_nodes_from(labels)
    for i, row in enumerate(rows[1:]):
        assert row[0] == labels[i]
        for j, cell in enumerate(row[1:]):
            w = float(cell)
            if w > 0 and i != j:
                old = g.get_edge_data(labels[i], labels[j], {"weight": 0.0})["weight"]
                g.add_edge(labels[i], labels[j], weight=max(old, w))
    return g


def main():
    os.makedirs(os.path.join(HERE, "reference"), exist_ok=True)
    for path in sorted(glob.glob(os.path.join(HERE, "criminal-networks", "*.csv"))):
        name = os.path.splitext(os.path.basename(path))[0]
        g = read_matrix(path)
        components = sorted(sorted(c) for c in nx.connected_components(g))
        giant = max(nx.connected_components(g), key=len)
        ordered = [v for v in g.nodes if v in giant]
        source, target = ordered[0], ordered[-1]
        louvain = []
        for seed in LOUVAIN_SEEDS:
            parts = louvain_communities(g, weight="weight", resolution=1, seed=seed)
            louvain.append(modularity(g, parts, weight="weight", resolution=1))
        paths = list(islice(nx.shortest_simple_paths(g, source, target), 5))
        reference = {
            "network": name,
            "networkx": nx.__version__,
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "total_weight": g.size(weight="weight"),
            "degree": dict(g.degree()),
            "weighted_degree": dict(g.degree(weight="weight")),
            "pagerank": nx.pagerank(g, alpha=0.85, weight="weight"),
            "pagerank_unweighted": nx.pagerank(g, alpha=0.85, weight=None),
            "betweenness": nx.betweenness_centrality(g, normalized=True, weight=None),
            "closeness": nx.closeness_centrality(g),
            "closeness_plain": nx.closeness_centrality(g, wf_improved=False),
            "components": components,
            "core_number": nx.core_number(g),
            "louvain_modularity_by_seed": louvain,
            "k_shortest": {"source": source, "target": target, "hops": [len(p) - 1 for p in paths]},
            "shortest_weighted": {
                "source": source, "target": target,
                "cost": nx.dijkstra_path_length(g, source, target, weight="weight"),
            },
        }
        with open(os.path.join(HERE, "reference", name + ".json"), "w", encoding="utf-8") as f:
            json.dump(reference, f, indent=1, sort_keys=True)
            f.write("\n")
        print(name, g.number_of_nodes(), g.number_of_edges(), "louvain max %.6f" % max(louvain))


if __name__ == "__main__":
    main()
