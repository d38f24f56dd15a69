import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { JobKind, JobStatus, JsonObject } from '@tropa/contracts';

@Entity('background_jobs')
export class BackgroundJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: JobKind;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: JobStatus;

  @Column({ type: 'varchar', length: 64, default: '' })
  phase: string;

  @Column({ type: 'real', default: 0 })
  progress: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: JsonObject;

  @Column({ type: 'jsonb', nullable: true })
  result: JsonObject | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
