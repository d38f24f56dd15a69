import { Injectable } from '@nestjs/common';
import type { FindingResponse, JourneyLane, JourneyMapResponse, ProjectLanguage, RecommendationResponse } from '@tropa/contracts';
import { JOURNEY_LANES } from '@tropa/contracts';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';
import { csvField } from '../surveys/export/spreadsheet-cells';
import { projectLanguage } from './journey-inputs';
import { JourneyMapsService } from './journey-maps.service';
import { JourneyReviewService } from './journey-review.service';
import { MapVersionsService, type VersionSnapshot } from './map-versions.service';

export type MapExportFormat = 'csv' | 'md' | 'json' | 'pdf';

export interface ExportFile {
  contentType: string;
  fileName: string;
  body: Buffer | string;
}

const LANE_NAMES: Record<ProjectLanguage, Record<JourneyLane, string>> = {
  en: {
    jobs: 'Jobs',
    actions: 'Actions',
    decisions: 'Key decision moments',
    touchpoints: 'Touchpoints',
    thoughts: 'Thoughts',
    emotions: 'Emotions',
    pains: 'Pains',
    gains: 'Gains',
    opportunities: 'Opportunities',
    kpis: 'KPIs',
  },
  ru: {
    jobs: 'Работы (JTBD)',
    actions: 'Действия',
    decisions: 'Ключевые моменты решения',
    touchpoints: 'Точки контакта',
    thoughts: 'Мысли',
    emotions: 'Эмоции',
    pains: 'Боли',
    gains: 'Выгоды',
    opportunities: 'Возможности',
    kpis: 'KPI',
  },
};

const WORDS: Record<ProjectLanguage, Record<string, string>> = {
  en: {
    title: 'Customer journey map',
    stage: 'Stage',
    evidence: 'evidence',
    quotes: 'quotes',
    people: 'people',
    sources: 'sources',
    recommendations: 'Recommendations',
    kpis: 'KPIs',
    rejected: 'rejected',
    note: 'Note',
    priority: 'priority',
    revenue: 'Revenue (L × C × P × Q)',
  },
  ru: {
    title: 'Карта пути клиента',
    stage: 'Этап',
    evidence: 'доказательства',
    quotes: 'цитат',
    people: 'людей',
    sources: 'источников',
    recommendations: 'Рекомендации',
    kpis: 'KPI',
    rejected: 'отклонено',
    note: 'Заметка',
    priority: 'приоритет',
    revenue: 'Выручка (L × C × P × Q)',
  },
};

const FONT = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
const FONT_BOLD = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans-Bold.ttf');

/**
 * The map as files: CSV of findings with their evidence (safe against formula
 * injection), a Markdown report, JSON of the whole map, and a PDF report (with a font
 * that has Cyrillic). PNG is drawn in the browser from the map itself.
 */
@Injectable()
export class MapExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly maps: JourneyMapsService,
    private readonly review: JourneyReviewService,
    private readonly versions: MapVersionsService,
  ) {}

  async export(projectId: string, personaId: string | null, versionId: string | undefined, format: MapExportFormat): Promise<ExportFile> {
    const map: VersionSnapshot = versionId
      ? await this.versions.get(projectId, versionId)
      : { ...(await this.maps.get(projectId, personaId)), recommendations: (await this.review.recommendations(projectId, personaId, { page: 1, pageSize: 100 })).items };
    const lang = await projectLanguage(this.dataSource, projectId);
    const quotes = await this.quoteTexts(map.findings);
    const base = `journey-map${versionId ? `-v${map.latestVersion?.number ?? ''}` : ''}`;
    switch (format) {
      case 'csv':
        return { contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv`, body: '\ufeff' + this.csv(map, lang, quotes) };
      case 'md':
        return { contentType: 'text/markdown; charset=utf-8', fileName: `${base}.md`, body: this.markdown(map, lang, quotes) };
      case 'json':
        return { contentType: 'application/json; charset=utf-8', fileName: `${base}.json`, body: JSON.stringify(map, null, 2) };
      case 'pdf':
        return { contentType: 'application/pdf', fileName: `${base}.pdf`, body: await this.pdf(map, lang, quotes) };
    }
  }

  private async quoteTexts(findings: readonly FindingResponse[]): Promise<Map<string, string>> {
    const ids = [...new Set(findings.flatMap((f) => f.quoteIds))];
    const rows = ids.length ? ((await this.dataSource.query(`SELECT id, text FROM quotes WHERE id = ANY($1::uuid[])`, [ids])) as Array<{ id: string; text: string }>) : [];
    return new Map(rows.map((row) => [row.id, row.text]));
  }

  private cells(map: VersionSnapshot): Array<{ stage: JourneyMapResponse['stages'][number]; lane: JourneyLane; findings: FindingResponse[] }> {
    return map.stages.flatMap((stage) =>
      JOURNEY_LANES.map((lane) => ({ stage, lane, findings: map.findings.filter((f) => f.stageId === stage.id && f.lane === lane) })).filter((cell) => cell.findings.length > 0),
    );
  }

  private csv(map: VersionSnapshot, lang: ProjectLanguage, quotes: Map<string, string>): string {
    const header = ['stage', 'lane', 'finding', 'status', 'strength', 'quotes', 'people', 'sources', 'evidence'];
    const lines = [header.join(',')];
    for (const cell of this.cells(map)) {
      for (const f of cell.findings) {
        const evidence = f.quoteIds.map((id) => quotes.get(id)).filter((text): text is string => text !== undefined).join(' | ');
        lines.push(
          [cell.stage.name, LANE_NAMES[lang][cell.lane], f.text, f.status, f.strength.level, f.strength.quotes, f.strength.participants, f.strength.sources, evidence]
            .map((value) => csvField(value))
            .join(','),
        );
      }
    }
    return lines.join('\r\n') + '\r\n';
  }

  private markdown(map: VersionSnapshot, lang: ProjectLanguage, quotes: Map<string, string>): string {
    const w = WORDS[lang];
    const escape = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\r?\n/g, ' ');
    const out: string[] = [`# ${w.title}`, ''];
    const funnel = new Map(map.funnel.stages.map((s) => [s.stageId, s]));
    for (const stage of map.stages) {
      out.push(`## ${escape(stage.name)}`, '');
      const kpi = funnel.get(stage.id);
      if (kpi && (kpi.leads !== null || kpi.conversion !== null)) {
        out.push(`${w.kpis}: L ${kpi.leads ?? '—'} · C ${kpi.conversion === null ? '—' : `${Math.round(kpi.conversion * 1000) / 10} %`} · P ${kpi.averageCheck ?? '—'} · Q ${kpi.purchasesPerCustomer ?? '—'}`, '');
      }
      for (const lane of JOURNEY_LANES) {
        const findings = map.findings.filter((f) => f.stageId === stage.id && f.lane === lane);
        const notes = map.notes.filter((n) => n.stageId === stage.id && n.lane === lane);
        if (findings.length === 0 && notes.length === 0) continue;
        out.push(`### ${LANE_NAMES[lang][lane]}`, '');
        for (const f of findings) {
          const status = f.status === 'rejected' ? ` (${w.rejected})` : '';
          out.push(`- ${escape(f.text)}${status} — ${f.strength.level}: ${f.strength.quotes} ${w.quotes}, ${f.strength.participants} ${w.people}, ${f.strength.sources} ${w.sources}`);
          for (const id of f.quoteIds.slice(0, 3)) {
            const text = quotes.get(id);
            if (text) out.push(`  > ${escape(text)}`);
          }
        }
        for (const n of notes) out.push(`- _${w.note}:_ ${escape(n.text)}`);
        out.push('');
      }
    }
    if (map.recommendations.length) {
      out.push(`## ${w.recommendations}`, '');
      for (const r of map.recommendations) out.push(this.recommendationLine(r, map, w, escape));
      out.push('');
    }
    if (map.funnel.revenue !== null) out.push(`${w.revenue}: ${map.funnel.revenue}`, '');
    return out.join('\n');
  }

  private recommendationLine(r: RecommendationResponse, map: VersionSnapshot, w: Record<string, string>, escape: (text: string) => string): string {
    const stage = map.stages.find((s) => s.id === r.stageId)?.name;
    const target = [stage, r.kpi].filter(Boolean).join(' · ');
    return `- ${escape(r.text)}${target ? ` (${escape(target)})` : ''} — ${w.priority} ${r.priority}${r.expectedEffect ? `; ${escape(r.expectedEffect)}` : ''}`;
  }

  private pdf(map: VersionSnapshot, lang: ProjectLanguage, quotes: Map<string, string>): Promise<Buffer> {
    const w = WORDS[lang];
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: w.title } });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    doc.registerFont('body', FONT);
    doc.registerFont('bold', FONT_BOLD);
    doc.font('bold').fontSize(18).text(w.title);
    for (const stage of map.stages) {
      doc.moveDown().font('bold').fontSize(14).text(stage.name);
      for (const lane of JOURNEY_LANES) {
        const findings = map.findings.filter((f) => f.stageId === stage.id && f.lane === lane && f.status !== 'rejected');
        if (findings.length === 0) continue;
        doc.moveDown(0.3).font('bold').fontSize(11).text(LANE_NAMES[lang][lane]);
        for (const f of findings) {
          doc.font('body').fontSize(10).text(`• ${f.text} (${f.strength.level}: ${f.strength.quotes} ${w.quotes}, ${f.strength.participants} ${w.people})`);
          const first = f.quoteIds.map((id) => quotes.get(id)).find((text) => text !== undefined);
          if (first) doc.fontSize(9).fillColor('#555555').text(`« ${first} »`, { indent: 12 }).fillColor('#000000');
        }
      }
    }
    if (map.recommendations.length) {
      doc.moveDown().font('bold').fontSize(14).text(w.recommendations);
      for (const r of map.recommendations) doc.font('body').fontSize(10).text(`• ${r.text} — ${w.priority} ${r.priority}`);
    }
    doc.end();
    return done;
  }
}
