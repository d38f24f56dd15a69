/** Texts of generated findings and opportunities, in the project's language. */
import type { Lang } from '../types';

export function painOpportunityText(lang: Lang, pain: string, stage: string, largestDrop: boolean): string {
  if (lang === 'ru') return `Устранить боль «${pain}» на этапе «${stage}»${largestDrop ? ', где теряется больше всего клиентов' : ''}`;
  return `Remove the pain "${pain}" at the ${stage} stage${largestDrop ? ', where most customers drop out' : ''}`;
}

export function missingTouchpointOpportunityText(lang: Lang, touchpoint: string, stage: string | null): string {
  if (lang === 'ru') {
    return stage === null
      ? `Добавить канал «${touchpoint}»: клиенты им пользуются, а у компании его нет`
      : `Добавить канал «${touchpoint}» на этапе «${stage}»: клиенты им пользуются, а у компании его нет`;
  }
  return stage === null
    ? `Offer ${touchpoint}: customers use it, but the company has no such touchpoint`
    : `Offer ${touchpoint} at the ${stage} stage: customers use it, but the company has no such touchpoint`;
}

/** A quote as a finding's text. */
export function quotedText(lang: Lang, quote: string): string {
  return lang === 'ru' ? `«${quote}»` : `"${quote}"`;
}

/** A tagged finding: the tag's name and the quote that says it best. */
export function taggedFindingText(lang: Lang, tag: string, example: string): string {
  return `${tag}: ${quotedText(lang, example)}`;
}
