/** Types of the funnel (L·C·P·Q) model, the what-if and the channel hand-off matrix. */

/** One customer event: reaching a stage and/or a touchpoint; a purchase when it has an amount. */
export interface CustomerEvent {
  customerId: string;
  stageId: string | null;
  touchpointId: string | null;
  at: Date;
  /** The purchase amount; null for an event that is not a purchase. */
  amount: number | null;
}

export interface FunnelStageInput {
  id: string;
  order: number;
  name?: string;
}

export interface FunnelOptions {
  stages: readonly FunnelStageInput[];
  /** The stage where purchases happen. Default: the earliest stage with an event that has an amount, else the last stage. */
  purchaseStageId?: string;
  /** Length of the period of Q, in days (default 30). */
  periodDays?: number;
  /** Stage of a touchpoint, for events that name only a touchpoint. */
  touchpointStages?: Readonly<Record<string, string>>;
}

export interface FunnelStage {
  stageId: string;
  /** L: distinct customers who reached the stage or any later one. */
  leads: number;
  /** Distinct customers with an event at exactly this stage. */
  observed: number;
  /** Share of the stage's customers who reached the next stage; null for the last stage or no leads. */
  conversion: number | null;
  /** leads − leads of the next stage; null for the last stage. */
  lost: number | null;
}

export interface FunnelDrop {
  stageId: string;
  nextStageId: string;
  conversion: number;
  lost: number;
}

export interface FunnelModel {
  stages: FunnelStage[];
  purchaseStageId: string;
  /** The stage with the lowest conversion to the next (ties: more customers lost, then earlier). */
  largestDrop: FunnelDrop | null;
  /** L: leads at the first stage. */
  leads: number;
  /** C: conversion from the first stage to the purchase stage = product of the stage conversions before it. */
  conversion: number | null;
  /** P: average check = sum of amounts / number of purchase events. */
  averageCheck: number | null;
  /** Q: purchases per buying customer per period. */
  purchaseFrequency: number | null;
  /** L × C × P × Q, per period; null when a factor is unknown. */
  revenue: number | null;
  periodDays: number;
  /** First and last event (ISO), over all events. */
  window: { from: string | null; to: string | null; periods: number };
  purchases: number;
  buyers: number;
  /** Sum of all amounts in the window. */
  revenueObserved: number;
  customers: number;
  /** Events whose stage is unknown (no stage, touchpoint without a stage): not in L, still in P, Q and hand-offs. */
  unstagedEvents: number;
}

export interface WhatIfChange {
  stageId: string;
  /** New conversion of the stage to the next, 0..1. */
  conversion?: number;
  /** Change of the stage's conversion in shares (0.1 = +10 percentage points). */
  conversionDelta?: number;
}

export interface WhatIfResult {
  stageId: string;
  conversionBefore: number;
  conversionAfter: number;
  overallConversionBefore: number | null;
  overallConversionAfter: number | null;
  revenueBefore: number | null;
  revenueAfter: number | null;
  /** revenueAfter − revenueBefore, null when revenue is unknown. */
  delta: number | null;
  /** False for a stage at or after the purchase stage: its conversion does not enter C. */
  affectsRevenue: boolean;
}

export interface HandOff {
  from: string;
  to: string;
  /** Distinct customers who moved from `from` to `to`. */
  customers: number;
  transitions: number;
  /** Customers with no event after this hand-off (it was their last move and nothing followed). */
  lost: number;
  /** Of those lost, the ones who never purchased. */
  lostWithoutPurchase: number;
  /** lost / customers. */
  lossRate: number;
}

export interface HandOffMatrix {
  /** Touchpoints in order of first appearance (time, then input order). */
  touchpointIds: string[];
  handOffs: HandOff[];
}
