/**
 * Channel hand-off matrix: for each customer, events in time order (ties: input
 * order); consecutive events at the same touchpoint are one visit; a move from
 * touchpoint A to a different touchpoint B is a hand-off (events without a
 * touchpoint do not break a visit). A customer is lost after a hand-off when it was
 * their last one and no event of any kind follows the visit to B.
 */
import type { CustomerEvent, HandOff, HandOffMatrix } from './funnel.types';

export function channelHandOffs(events: readonly CustomerEvent[]): HandOffMatrix {
  const ordered = events.map((event, index) => ({ event, index, time: event.at.getTime() })).sort((a, b) => a.time - b.time || a.index - b.index);
  const touchpointIds: string[] = [];
  const seen = new Set<string>();
  const byCustomer = new Map<string, typeof ordered>();
  for (const item of ordered) {
    const tp = item.event.touchpointId;
    if (tp !== null && !seen.has(tp)) {
      seen.add(tp);
      touchpointIds.push(tp);
    }
    const list = byCustomer.get(item.event.customerId) ?? [];
    list.push(item);
    byCustomer.set(item.event.customerId, list);
  }

  const cells = new Map<string, { from: string; to: string; customers: Set<string>; transitions: number; lost: number; lostWithoutPurchase: number }>();
  for (const [customerId, list] of byCustomer) {
    const purchased = list.some((x) => x.event.amount !== null);
    let previous: string | null = null;
    let lastHandOff: string | null = null;
    let lastVisitEnd = -1;
    list.forEach((item, position) => {
      const tp = item.event.touchpointId;
      if (tp === null) return;
      if (previous !== null && tp !== previous) {
        const key = `${previous}\u0000${tp}`;
        const cell = cells.get(key) ?? { from: previous, to: tp, customers: new Set<string>(), transitions: 0, lost: 0, lostWithoutPurchase: 0 };
        cell.customers.add(customerId);
        cell.transitions++;
        cells.set(key, cell);
        lastHandOff = key;
      }
      previous = tp;
      lastVisitEnd = position;
    });
    if (lastHandOff !== null && lastVisitEnd === list.length - 1) {
      const cell = cells.get(lastHandOff);
      if (cell) {
        cell.lost++;
        if (!purchased) cell.lostWithoutPurchase++;
      }
    }
  }

  const handOffs: HandOff[] = [...cells.values()]
    .map((c) => ({
      from: c.from,
      to: c.to,
      customers: c.customers.size,
      transitions: c.transitions,
      lost: c.lost,
      lostWithoutPurchase: c.lostWithoutPurchase,
      lossRate: Math.round((c.lost / c.customers.size) * 10000) / 10000,
    }))
    .sort((a, b) => b.customers - a.customers || b.transitions - a.transitions || cmp(a.from, b.from) || cmp(a.to, b.to));
  return { touchpointIds, handOffs };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
