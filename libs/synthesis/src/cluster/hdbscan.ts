/**
 * HDBSCAN* (Campello, Moulavi & Sander 2013) on a k-nearest-neighbour graph:
 * mutual-reachability distances, minimum spanning forest by Kruskal over the
 * graph's edges (an approximation of the full MST that needs O(n·k) memory),
 * condensed tree with a minimum cluster size, and excess-of-mass selection of
 * the most stable clusters. Points that never belong to a selected cluster are
 * noise (label -1): the number of clusters and the outliers come out of the
 * data's density, not from a parameter.
 */
import type { KnnGraph } from './knn';

export interface HdbscanOptions {
  /** Neighbours defining a point's core distance (density smoothing). */
  minPoints?: number;
  /** Smallest group reported as a cluster. */
  minClusterSize?: number;
  /** 'eom' (excess of mass: most stable clusters) or 'leaf' (finest clusters of the condensed tree). */
  selection?: 'eom' | 'leaf';
}

export interface HdbscanResult {
  /** Cluster per point (0..clusters-1) or -1 for noise. */
  labels: Int32Array;
  clusters: number;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[x] !== r) {
      const next = this.parent[x];
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number, into: number): void {
    this.parent[a] = into;
    this.parent[b] = into;
  }
}

export function hdbscan(graph: KnnGraph, options: HdbscanOptions = {}, skip?: Uint8Array): HdbscanResult {
  const n = graph.n;
  const k = graph.k;
  const minPoints = Math.max(1, Math.min(options.minPoints ?? 5, k));
  const minClusterSize = Math.max(2, options.minClusterSize ?? 5);
  const labels = new Int32Array(n).fill(-1);
  if (n < minClusterSize || k === 0) return { labels, clusters: 0 };

  const distance = (s: number): number => Math.max(0, 1 - s);
  const core = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const s = graph.similarities[i * k + minPoints - 1];
    if (graph.indices[i * k + minPoints - 1] >= 0) core[i] = distance(s);
  }

  // Edges of the kNN graph weighted by mutual reachability.
  const edgeA: number[] = [];
  const edgeB: number[] = [];
  const edgeW: number[] = [];
  for (let i = 0; i < n; i++) {
    if (skip && skip[i]) continue;
    for (let t = 0; t < k; t++) {
      const j = graph.indices[i * k + t];
      if (j < 0 || (skip && skip[j])) continue;
      edgeA.push(i);
      edgeB.push(j);
      edgeW.push(Math.max(core[i], core[j], distance(graph.similarities[i * k + t])));
    }
  }
  const order = Array.from({ length: edgeW.length }, (_, e) => e).sort((x, y) => edgeW[x] - edgeW[y] || x - y);

  // Single-linkage tree: nodes 0..n-1 are points, n.. are merges.
  const left: number[] = [];
  const right: number[] = [];
  const height: number[] = [];
  const size: number[] = [];
  const uf = new UnionFind(2 * n);
  const nodeOf = new Int32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) nodeOf[i] = i;
  const sizeOf = (node: number): number => (node < n ? 1 : size[node - n]);
  for (const e of order) {
    const ra = uf.find(edgeA[e]);
    const rb = uf.find(edgeB[e]);
    if (ra === rb) continue;
    const id = n + left.length;
    left.push(ra);
    right.push(rb);
    height.push(edgeW[e]);
    size.push(sizeOf(ra) + sizeOf(rb));
    uf.union(ra, rb, id);
  }
  // Join disconnected components (and skipped points) at an infinite distance.
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    if (skip && skip[i]) continue;
    const r = uf.find(i);
    if (!roots.includes(r)) roots.push(r);
  }
  let root = roots[0];
  for (let r = 1; r < roots.length; r++) {
    const id = n + left.length;
    left.push(root);
    right.push(roots[r]);
    height.push(Infinity);
    size.push(sizeOf(root) + sizeOf(roots[r]));
    root = id;
  }
  if (root === undefined || sizeOf(root) < minClusterSize) return { labels, clusters: 0 };

  // Condensed tree. Cluster 0 is the root; λ = 1 / distance.
  const lambda = (h: number): number => (h === Infinity ? 0 : h > 0 ? 1 / h : 1e12);
  const birth: number[] = [0];
  const parentCluster: number[] = [-1];
  const stability: number[] = [0];
  const pointCluster = new Int32Array(n).fill(-1);
  const pointLambda = new Float64Array(n);
  const stack: Array<[number, number]> = [[root, 0]];
  const fallOut = (node: number, cluster: number, l: number): void => {
    const todo = [node];
    while (todo.length) {
      const x = todo.pop() as number;
      if (x < n) {
        pointCluster[x] = cluster;
        pointLambda[x] = l;
        stability[cluster] += l - birth[cluster];
      } else {
        todo.push(left[x - n], right[x - n]);
      }
    }
  };
  while (stack.length) {
    const [node, cluster] = stack.pop() as [number, number];
    if (node < n) {
      fallOut(node, cluster, birth[cluster]);
      continue;
    }
    const l = lambda(height[node - n]);
    const a = left[node - n];
    const b = right[node - n];
    const bigA = sizeOf(a) >= minClusterSize;
    const bigB = sizeOf(b) >= minClusterSize;
    if (bigA && bigB) {
      for (const child of [a, b]) {
        const id = birth.length;
        birth.push(l);
        parentCluster.push(cluster);
        stability.push(0);
        stability[cluster] += sizeOf(child) * (l - birth[cluster]);
        stack.push([child, id]);
      }
    } else if (bigA) {
      fallOut(b, cluster, l);
      stack.push([a, cluster]);
    } else if (bigB) {
      fallOut(a, cluster, l);
      stack.push([b, cluster]);
    } else {
      fallOut(a, cluster, l);
      fallOut(b, cluster, l);
    }
  }

  // Excess of mass: keep a cluster unless its children together are more stable.
  const count = birth.length;
  const childSum = new Float64Array(count);
  const selected = new Uint8Array(count);
  const best = Float64Array.from(stability);
  const hasChild = new Uint8Array(count);
  for (let c = 1; c < count; c++) hasChild[parentCluster[c]] = 1;
  for (let c = count - 1; c >= 1; c--) {
    if (options.selection === 'leaf') {
      selected[c] = hasChild[c] ? 0 : 1;
      continue;
    }
    if (best[c] >= childSum[c]) selected[c] = 1;
    else best[c] = childSum[c];
    childSum[parentCluster[c]] += best[c];
  }
  // Deselect descendants of selected clusters (children always have larger ids).
  const selectedAncestor = new Int32Array(count).fill(-1);
  for (let c = 1; c < count; c++) {
    const inherited = selectedAncestor[parentCluster[c]];
    if (inherited >= 0) {
      selected[c] = 0;
      selectedAncestor[c] = inherited;
    } else if (selected[c]) selectedAncestor[c] = c;
  }
  const finalId = new Int32Array(count).fill(-1);
  let clusters = 0;
  for (let c = 1; c < count; c++) if (selected[c]) finalId[c] = clusters++;
  if (clusters === 0) {
    // One dense blob and nothing else: report it as a single cluster.
    for (let i = 0; i < n; i++) if (pointCluster[i] >= 0) labels[i] = 0;
    return { labels, clusters: 1 };
  }
  for (let i = 0; i < n; i++) {
    const c = pointCluster[i];
    if (c >= 0 && selectedAncestor[c] >= 0) labels[i] = finalId[selectedAncestor[c]];
  }
  return { labels, clusters };
}
