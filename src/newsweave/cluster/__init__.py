"""Story and event clustering."""

from newsweave.cluster.stories import cluster_stories, copies_within
from newsweave.cluster.stream import ClusterConfig, StreamClusterer

__all__ = ["ClusterConfig", "StreamClusterer", "cluster_stories", "copies_within"]
