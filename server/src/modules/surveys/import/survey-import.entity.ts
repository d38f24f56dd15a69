import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportColumn, ImportColumnTarget, ImportReport, ImportSource, ImportStatus } from '@tropa/contracts';

@Entity('survey_imports')
export class SurveyImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'file_size', type: 'integer' })
  fileSize: number;

  @Column({ name: 'file_sha256', type: 'varchar', length: 64 })
  fileSha256: string;

  /** Not loaded unless asked for: `select: false`. */
  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'varchar', length: 16 })
  source: ImportSource;

  @Column({ type: 'jsonb' })
  columns: ImportColumn[];

  @Column({ name: 'suggested_mapping', type: 'jsonb', default: () => "'[]'" })
  suggestedMapping: ImportColumnTarget[];

  @Column({ name: 'respondent_column', type: 'integer', nullable: true })
  respondentColumn: number | null;

  @Column({ name: 'submitted_at_column', type: 'integer', nullable: true })
  submittedAtColumn: number | null;

  @Column({ type: 'varchar', length: 16, default: 'uploaded' })
  status: ImportStatus;

  @Column({ type: 'jsonb', nullable: true })
  report: ImportReport | null;

  @Column({ name: 'job_id', type: 'uuid', nullable: true })
  jobId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
