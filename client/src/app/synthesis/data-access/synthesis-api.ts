import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ClusterListQuery,
  ClusterQuote,
  ClusterQuotesQuery,
  ClusterResponse,
  MergeClustersRequest,
  MoveQuotesRequest,
  Page,
  ProjectJobListQuery,
  ProjectJobResponse,
  RunComparisonResponse,
  SplitClusterRequest,
  StartSynthesisRequest,
  SynthesisRunListQuery,
  SynthesisRunResponse,
  UpdateClusterRequest,
  UpdateProjectJobRequest,
} from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

/** Synthesis runs, their clusters (the review) and the project's accepted jobs. */
@Injectable({ providedIn: 'root' })
export class SynthesisApi {
  private readonly http = inject(HttpClient);

  private base(projectId: string): string {
    return `/api/projects/${projectId}/synthesis`;
  }

  startRun(projectId: string, request: StartSynthesisRequest): Observable<SynthesisRunResponse> {
    return this.http.post<SynthesisRunResponse>(`${this.base(projectId)}/runs`, request);
  }

  listRuns(projectId: string, query: SynthesisRunListQuery): Observable<Page<SynthesisRunResponse>> {
    return this.http.get<Page<SynthesisRunResponse>>(`${this.base(projectId)}/runs`, { params: toHttpParams(query) });
  }

  getRun(projectId: string, runId: string): Observable<SynthesisRunResponse> {
    return this.http.get<SynthesisRunResponse>(`${this.base(projectId)}/runs/${runId}`);
  }

  cancelRun(projectId: string, runId: string): Observable<SynthesisRunResponse> {
    return this.http.post<SynthesisRunResponse>(`${this.base(projectId)}/runs/${runId}/cancel`, {});
  }

  retryRun(projectId: string, runId: string): Observable<SynthesisRunResponse> {
    return this.http.post<SynthesisRunResponse>(`${this.base(projectId)}/runs/${runId}/retry`, {});
  }

  listClusters(projectId: string, runId: string, query: ClusterListQuery): Observable<Page<ClusterResponse>> {
    return this.http.get<Page<ClusterResponse>>(`${this.base(projectId)}/runs/${runId}/clusters`, { params: toHttpParams(query) });
  }

  compareRuns(projectId: string, runId: string, withRunId: string): Observable<RunComparisonResponse> {
    return this.http.get<RunComparisonResponse>(`${this.base(projectId)}/runs/${runId}/compare`, {
      params: toHttpParams({ with: withRunId }),
    });
  }

  getCluster(projectId: string, clusterId: string): Observable<ClusterResponse> {
    return this.http.get<ClusterResponse>(`${this.base(projectId)}/clusters/${clusterId}`);
  }

  clusterQuotes(projectId: string, clusterId: string, query: ClusterQuotesQuery): Observable<Page<ClusterQuote>> {
    return this.http.get<Page<ClusterQuote>>(`${this.base(projectId)}/clusters/${clusterId}/quotes`, { params: toHttpParams(query) });
  }

  updateCluster(projectId: string, clusterId: string, request: UpdateClusterRequest): Observable<ClusterResponse> {
    return this.http.patch<ClusterResponse>(`${this.base(projectId)}/clusters/${clusterId}`, request);
  }

  acceptCluster(projectId: string, clusterId: string): Observable<ClusterResponse> {
    return this.http.post<ClusterResponse>(`${this.base(projectId)}/clusters/${clusterId}/accept`, {});
  }

  discardCluster(projectId: string, clusterId: string): Observable<ClusterResponse> {
    return this.http.post<ClusterResponse>(`${this.base(projectId)}/clusters/${clusterId}/discard`, {});
  }

  mergeClusters(projectId: string, clusterId: string, request: MergeClustersRequest): Observable<ClusterResponse> {
    return this.http.post<ClusterResponse>(`${this.base(projectId)}/clusters/${clusterId}/merge`, request);
  }

  splitCluster(projectId: string, clusterId: string, request: SplitClusterRequest): Observable<ClusterResponse> {
    return this.http.post<ClusterResponse>(`${this.base(projectId)}/clusters/${clusterId}/split`, request);
  }

  moveQuotes(projectId: string, clusterId: string, request: MoveQuotesRequest): Observable<{ moved: number }> {
    return this.http.post<{ moved: number }>(`${this.base(projectId)}/clusters/${clusterId}/move`, request);
  }

  listJobs(projectId: string, query: ProjectJobListQuery): Observable<Page<ProjectJobResponse>> {
    return this.http.get<Page<ProjectJobResponse>>(`/api/projects/${projectId}/jtbd`, { params: toHttpParams(query) });
  }

  getJob(projectId: string, jobId: string): Observable<ProjectJobResponse> {
    return this.http.get<ProjectJobResponse>(`/api/projects/${projectId}/jtbd/${jobId}`);
  }

  updateJob(projectId: string, jobId: string, request: UpdateProjectJobRequest): Observable<ProjectJobResponse> {
    return this.http.patch<ProjectJobResponse>(`/api/projects/${projectId}/jtbd/${jobId}`, request);
  }

  jobQuotes(projectId: string, jobId: string, query: ClusterQuotesQuery): Observable<Page<ClusterQuote>> {
    return this.http.get<Page<ClusterQuote>>(`/api/projects/${projectId}/jtbd/${jobId}/quotes`, { params: toHttpParams(query) });
  }
}
