import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ProjectLanguage, SurveyDefinition, SurveyStatus } from '@tropa/contracts';

@Entity('surveys')
export class SurveyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 2 })
  language: ProjectLanguage;

  @Column({ type: 'varchar', length: 8, default: 'draft' })
  status: SurveyStatus;

  @Column({ type: 'jsonb' })
  definition: SurveyDefinition;

  /** The capability in the public link; created when the survey is first opened. */
  @Column({ name: 'public_token', type: 'varchar', length: 64, nullable: true })
  publicToken: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
