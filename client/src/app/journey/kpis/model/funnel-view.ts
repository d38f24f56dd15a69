import type { FunnelResponse, FunnelStage, JourneyMapResponse } from '@tropa/contracts';

type MapStage = JourneyMapResponse['stages'][number];

/** One stage of the funnel as the KPI screens show it. */
export interface FunnelRow {
  stageId: string;
  name: string;
  leads: number | null;
  conversion: number | null;
  averageCheck: number | null;
  purchasesPerCustomer: number | null;
  source: FunnelStage['source'];
  /** The next stage's name, null for the last stage. */
  nextName: string | null;
  /** Leads lost before the next stage, when both are known. */
  lost: number | null;
  isLargestDrop: boolean;
}

/** A bar of the funnel chart (ngx-charts data item). */
export interface FunnelPoint {
  name: string;
  value: number;
}

export interface LargestDrop {
  stageId: string;
  stageName: string;
  nextName: string | null;
  conversion: number | null;
  lost: number | null;
}

/** Revenue = L × C × P × Q: the factors behind the server's revenue. */
export interface RevenueFactors {
  /** L: leads at the first stage. */
  leads: number | null;
  /** C: conversion from the first stage to the purchase stage (product of the conversions before it). */
  conversion: number | null;
  /** P: average check at the purchase stage. */
  averageCheck: number | null;
  /** Q: purchases per customer per period at the purchase stage. */
  purchasesPerCustomer: number | null;
  purchaseStageName: string | null;
}

/** The funnel's stages in the map's stage order, each with its KPIs and the drop to the next one. */
export function funnelRows(funnel: FunnelResponse, stages: readonly MapStage[]): FunnelRow[] {
  const byId = new Map(funnel.stages.map((stage) => [stage.stageId, stage]));
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  return ordered.map((stage, index) => {
    const metrics = byId.get(stage.id);
    const next = ordered[index + 1];
    const nextLeads = next ? (byId.get(next.id)?.leads ?? null) : null;
    const leads = metrics?.leads ?? null;
    return {
      stageId: stage.id,
      name: stage.name,
      leads,
      conversion: metrics?.conversion ?? null,
      averageCheck: metrics?.averageCheck ?? null,
      purchasesPerCustomer: metrics?.purchasesPerCustomer ?? null,
      source: metrics?.source ?? null,
      nextName: next?.name ?? null,
      lost: next && leads !== null && nextLeads !== null ? leads - nextLeads : null,
      isLargestDrop: funnel.largestDropStageId === stage.id,
    };
  });
}

/** Leads per stage for the chart; stages without leads are drawn as 0. */
export function funnelSeries(rows: readonly FunnelRow[]): FunnelPoint[] {
  return rows.map((row) => ({ name: row.name, value: row.leads ?? 0 }));
}

export function largestDrop(rows: readonly FunnelRow[]): LargestDrop | null {
  const row = rows.find((candidate) => candidate.isLargestDrop);
  return row ? { stageId: row.stageId, stageName: row.name, nextName: row.nextName, conversion: row.conversion, lost: row.lost } : null;
}

/**
 * L, C, P and Q of the revenue model: L at the first stage; the purchase stage is the
 * first one with an average check; C the product of the conversions before it.
 */
export function revenueFactors(rows: readonly FunnelRow[]): RevenueFactors {
  const purchaseIndex = rows.findIndex((row) => row.averageCheck !== null);
  const purchase = purchaseIndex >= 0 ? rows[purchaseIndex] : null;
  let conversion: number | null = null;
  if (purchase) {
    conversion = 1;
    for (const row of rows.slice(0, purchaseIndex)) {
      if (row.conversion === null) {
        conversion = null;
        break;
      }
      conversion *= row.conversion;
    }
  }
  return {
    leads: rows[0]?.leads ?? null,
    conversion,
    averageCheck: purchase?.averageCheck ?? null,
    purchasesPerCustomer: purchase?.purchasesPerCustomer ?? null,
    purchaseStageName: purchase?.name ?? null,
  };
}
