import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type QuoteSourceType = 'survey_answer' | 'transcript';

/**
 * A piece of evidence: an exact span of an utterance or of an open survey answer.
 * The synthesis reads quotes of both kinds alike.
 */
@Entity('quotes')
export class QuoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'source_type', type: 'varchar', length: 16 })
  sourceType: QuoteSourceType;

  @Column({ name: 'survey_id', type: 'uuid', nullable: true })
  surveyId: string | null;

  @Column({ name: 'response_id', type: 'uuid', nullable: true })
  responseId: string | null;

  @Column({ name: 'question_name', type: 'varchar', length: 100, nullable: true })
  questionName: string | null;

  @Column({ name: 'start_offset', type: 'integer' })
  startOffset: number;

  @Column({ name: 'end_offset', type: 'integer' })
  endOffset: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'stage_id', type: 'uuid', nullable: true })
  stageId: string | null;

  @Column({ name: 'touchpoint_id', type: 'uuid', nullable: true })
  touchpointId: string | null;

  @Column({ name: 'participant_key', type: 'varchar', length: 100, nullable: true })
  participantKey: string | null;

  @Column({ type: 'smallint', nullable: true })
  sentiment: number | null;

  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId: string | null;

  @Column({ name: 'utterance_id', type: 'uuid', nullable: true })
  utteranceId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
