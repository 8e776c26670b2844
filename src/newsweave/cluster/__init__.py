"""Story and event clustering."""

from newsweave.cluster.stories import ClusterConfig, cluster_stories

__all__ = ["ClusterConfig", "cluster_stories"]
