import type { ProjectLanguage, StageTemplate } from './projects';

interface TemplateStage {
  ru: string;
  en: string;
}

/** The stage frameworks a project can start from (DESIGN.md, "The method", step 1). */
export const STAGE_TEMPLATE_STAGES: Record<StageTemplate, readonly TemplateStage[]> = {
  seven: [
    { ru: 'Осознание', en: 'Awareness' },
    { ru: 'Интерес', en: 'Interest' },
    { ru: 'Рассмотрение', en: 'Consideration' },
    { ru: 'Решение', en: 'Decision' },
    { ru: 'Покупка', en: 'Purchase' },
    { ru: 'Послепродажное обслуживание', en: 'Service' },
    { ru: 'Лояльность', en: 'Loyalty' },
  ],
  four: [
    { ru: 'Осознание', en: 'Awareness' },
    { ru: 'Рассмотрение', en: 'Consideration' },
    { ru: 'Решение', en: 'Decision' },
    { ru: 'Покупка', en: 'Purchase' },
  ],
  six: [
    { ru: 'Первичное рассмотрение', en: 'Initial consideration' },
    { ru: 'Активная оценка', en: 'Active evaluation' },
    { ru: 'Сделка', en: 'Deal' },
    { ru: 'Опыт использования', en: 'Experience' },
    { ru: 'Триггер', en: 'Trigger' },
    { ru: 'Лояльность', en: 'Loyalty' },
  ],
};

export function templateStageNames(template: StageTemplate, language: ProjectLanguage): string[] {
  return STAGE_TEMPLATE_STAGES[template].map((stage) => stage[language]);
}
