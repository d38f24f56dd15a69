import type { ProjectLanguage, TagKind } from '@tropa/contracts';
import type { EntityManager } from 'typeorm';
import { TagEntity } from './tag.entity';

interface StarterTag {
  kind: TagKind;
  ru: string;
  en: string;
  color: string;
  valence?: number;
  parent?: string;
  /** A key that tags a selection at once in the transcript viewer (editable). */
  shortcut?: string;
}

/** Emotions from curiosity to delight or irritation, and the other lanes of the map. */
const STARTER: StarterTag[] = [
  { kind: 'emotion', ru: 'Позитив', en: 'Positive', color: '#16a34a', valence: 1, shortcut: 'y' },
  { kind: 'emotion', ru: 'Нейтрально', en: 'Neutral', color: '#6b7280', valence: 0, shortcut: 'u' },
  { kind: 'emotion', ru: 'Негатив', en: 'Negative', color: '#dc2626', valence: -1, shortcut: 'n' },
  { kind: 'emotion', ru: 'Любопытство', en: 'Curiosity', color: '#0891b2', valence: 1, parent: 'Positive' },
  { kind: 'emotion', ru: 'Восторг', en: 'Delight', color: '#15803d', valence: 2, parent: 'Positive' },
  { kind: 'emotion', ru: 'Сомнение', en: 'Doubt', color: '#ca8a04', valence: -1, parent: 'Negative' },
  { kind: 'emotion', ru: 'Раздражение', en: 'Irritation', color: '#b91c1c', valence: -2, parent: 'Negative' },
  { kind: 'pain', ru: 'Боль', en: 'Pain', color: '#e11d48', shortcut: 'p' },
  { kind: 'gain', ru: 'Выгода', en: 'Gain', color: '#059669', shortcut: 'g' },
  { kind: 'job', ru: 'Работа (JTBD)', en: 'Job (JTBD)', color: '#7c3aed', shortcut: 'w' },
  { kind: 'action', ru: 'Действие', en: 'Action', color: '#2563eb', shortcut: 'a' },
  { kind: 'decision', ru: 'Момент решения', en: 'Decision moment', color: '#9333ea', shortcut: 'm' },
];

/** Names of the starter codebook's catch-all tags per kind ("Pain", "Действие", "Негатив"), lower case. */
const CATCH_ALL = new Set(STARTER.filter((tag) => !tag.parent && tag.kind !== 'job').flatMap((tag) => [`${tag.kind}:${tag.ru.toLowerCase()}`, `${tag.kind}:${tag.en.toLowerCase()}`]));

/** Whether a tag is a kind's catch-all one of the starter codebook, whose name says nothing about what was meant. */
export function isCatchAllTag(kind: TagKind, name: string): boolean {
  return CATCH_ALL.has(`${kind}:${name.trim().toLowerCase()}`);
}

const STAGE_COLORS = ['#1d4ed8', '#0e7490', '#0f766e', '#4d7c0f', '#a16207', '#c2410c', '#be123c', '#7e22ce'];

export function stageTagColor(position: number): string {
  return STAGE_COLORS[position % STAGE_COLORS.length];
}

/** A new project's codebook: a tag per stage, emotions, pain, gain, job, action, decision. */
export async function seedStarterCodebook(manager: EntityManager, projectId: string, language: ProjectLanguage, stages: Array<{ id: string; name: string; position: number }>): Promise<void> {
  await manager.insert(
    TagEntity,
    // Stages take the digit keys in their order (1–9).
    stages.map((stage, index) => ({
      projectId,
      kind: 'stage' as const,
      name: stage.name,
      stageId: stage.id,
      color: stageTagColor(stage.position),
      shortcut: index < 9 ? String(index + 1) : null,
    })),
  );
  const idsByEnglish = new Map<string, string>();
  for (const tag of STARTER) {
    const saved = await manager.save(
      manager.create(TagEntity, {
        projectId,
        kind: tag.kind,
        name: tag[language],
        color: tag.color,
        valence: tag.valence ?? null,
        parentId: tag.parent ? (idsByEnglish.get(tag.parent) ?? null) : null,
        shortcut: tag.shortcut ?? null,
      }),
    );
    idsByEnglish.set(tag.en, saved.id);
  }
}
