import type { ChoiceCount, QuestionSummary, SurveySummaryResponse } from '@tropa/contracts';

/** One bar: what ngx-charts calls a data item. */
export interface ChartPoint {
  name: string;
  value: number;
}

/** A group of bars (a matrix row). */
export interface ChartSeries {
  name: string;
  series: ChartPoint[];
}

interface ChartBase {
  name: string;
  title: string;
  answered: number;
}

export type QuestionChart =
  | (ChartBase & { kind: 'choices'; series: ChartPoint[] })
  | (ChartBase & { kind: 'rating'; series: ChartPoint[]; mean: number | null })
  | (ChartBase & {
      kind: 'nps';
      series: ChartPoint[];
      mean: number | null;
      score: number;
      groups: ChartPoint[];
    })
  | (ChartBase & { kind: 'matrix'; groups: ChartSeries[] })
  | (ChartBase & { kind: 'open'; latest: string[] });

export interface ChartLabels {
  yes: string;
  no: string;
  promoters: string;
  passives: string;
  detractors: string;
}

function points(counts: ChoiceCount[]): ChartPoint[] {
  return counts.map((count) => ({ name: count.text || count.value, value: count.count }));
}

function questionChart(question: QuestionSummary, labels: ChartLabels): QuestionChart {
  const base: ChartBase = { name: question.name, title: question.title, answered: question.answered };
  switch (question.type) {
    case 'text':
    case 'comment':
      return { ...base, kind: 'open', latest: question.latest ?? [] };
    case 'matrix':
      return {
        ...base,
        kind: 'matrix',
        groups: (question.matrix ?? []).map((row) => ({ name: row.row, series: points(row.counts) })),
      };
    case 'boolean':
      return {
        ...base,
        kind: 'choices',
        series: question.counts.map((count) => ({
          name: count.value === 'true' ? labels.yes : count.value === 'false' ? labels.no : count.text,
          value: count.count,
        })),
      };
    case 'rating': {
      const series = question.counts.map((count) => ({ name: count.value, value: count.count }));
      if (question.nps) {
        return {
          ...base,
          kind: 'nps',
          series,
          mean: question.mean,
          score: question.nps.score,
          groups: [
            { name: labels.promoters, value: question.nps.promoters },
            { name: labels.passives, value: question.nps.passives },
            { name: labels.detractors, value: question.nps.detractors },
          ],
        };
      }
      return { ...base, kind: 'rating', series, mean: question.mean };
    }
    case 'radiogroup':
    case 'checkbox':
    case 'dropdown':
      return { ...base, kind: 'choices', series: points(question.counts) };
  }
}

/** The summary as chart series: bars per choice, a distribution per rating, the NPS split, a group per matrix row. */
export function summaryCharts(summary: SurveySummaryResponse | null, labels: ChartLabels): QuestionChart[] {
  return summary ? summary.questions.map((question) => questionChart(question, labels)) : [];
}
