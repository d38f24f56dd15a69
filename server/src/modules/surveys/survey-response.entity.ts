import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AnswerValue, ResponseSource } from '@tropa/contracts';

/** One respondent's answers to a survey. */
@Entity('survey_responses')
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'respondent_key', type: 'varchar', length: 100 })
  respondentKey: string;

  @Column({ type: 'varchar', length: 8 })
  source: ResponseSource;

  @Column({ name: 'import_batch_id', type: 'uuid', nullable: true })
  importBatchId: string | null;

  @Column({ type: 'jsonb' })
  answers: Record<string, AnswerValue>;

  @Column({ type: 'boolean', default: true })
  completed: boolean;

  @Column({ name: 'persona_id', type: 'uuid', nullable: true })
  personaId: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  /** When the respondent was erased: answers emptied, quotes deleted, key replaced. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
