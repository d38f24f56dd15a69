export { matchClusters, MIN_OVERLAP } from './match-clusters';
export type { ClusterChangeKind, ClusterMatching, ClusterPair, MatchableCluster, MatchableKind } from './match-clusters';
