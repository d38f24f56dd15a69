import type { AnswerValue, SurveyQuestionInfo } from '@tropa/contracts';
import type { PersonaEntity } from '../personas/persona.entity';
import type { QuestionMappingEntity } from './question-mapping.entity';

export type PersonaOf = (answers: Record<string, AnswerValue>) => string | null;

const fold = (text: string) => text.trim().toLowerCase().replace(/ё/g, 'е');

/**
 * A response belongs to the persona whose attribute equals the answer to the
 * question mapped to that attribute (by the choice's value or its label). The
 * first persona-mapped question with a match decides.
 */
export function personaMatcher(personas: PersonaEntity[], mappings: Map<string, QuestionMappingEntity>, questions: SurveyQuestionInfo[]): PersonaOf {
  const mapped = questions
    .map((question) => ({ question, attribute: mappings.get(question.name)?.personaAttribute ?? null }))
    .filter((item): item is { question: SurveyQuestionInfo; attribute: string } => item.attribute !== null);
  if (!mapped.length || !personas.length) return () => null;
  return (answers) => {
    for (const { question, attribute } of mapped) {
      const answer = answers[question.name];
      if (typeof answer !== 'string' && typeof answer !== 'number') continue;
      const label = question.choices.find((choice) => choice.value === String(answer))?.text;
      const candidates = new Set([fold(String(answer)), ...(label ? [fold(label)] : [])]);
      const persona = personas.find((item) => {
        const key = Object.keys(item.attributes).find((name) => fold(name) === fold(attribute));
        return key !== undefined && candidates.has(fold(item.attributes[key]));
      });
      if (persona) return persona.id;
    }
    return null;
  };
}
