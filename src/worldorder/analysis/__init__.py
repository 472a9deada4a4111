"""Relations over time, the signed network of states, its blocs, and alignment shifts.

Pure functions over typed records: the store's ``RelationPoint`` and ``DyadWeight`` (or any
record with the same fields) go in, frozen dataclasses come out. No SQL and no I/O here.
"""

from worldorder.analysis.alignment import AlignmentShift, PartnerChange, alignment_shifts
from worldorder.analysis.blocs import (
    Bloc,
    BlocEvidence,
    BlocPartition,
    bloc_evidence,
    find_blocs,
    network_and_blocs,
    signed_modularity,
)
from worldorder.analysis.network import NetworkEdge, NetworkNode, SignedNetwork, signed_network
from worldorder.analysis.relations import (
    OffChart,
    RelationCounts,
    TimelinePoint,
    off_chart,
    overall_score,
    relation_score,
    relation_timeline,
    timeline_score,
)

__all__ = [
    "AlignmentShift",
    "Bloc",
    "BlocEvidence",
    "BlocPartition",
    "NetworkEdge",
    "NetworkNode",
    "OffChart",
    "PartnerChange",
    "RelationCounts",
    "SignedNetwork",
    "TimelinePoint",
    "alignment_shifts",
    "bloc_evidence",
    "find_blocs",
    "network_and_blocs",
    "off_chart",
    "overall_score",
    "relation_score",
    "relation_timeline",
    "signed_modularity",
    "signed_network",
    "timeline_score",
]
