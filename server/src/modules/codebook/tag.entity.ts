import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { TagKind } from '@tropa/contracts';

@Entity('tags')
export class TagEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: TagKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 7, default: '#6b7280' })
  color: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 1, nullable: true })
  shortcut: string | null;

  @Column({ name: 'stage_id', type: 'uuid', nullable: true })
  stageId: string | null;

  @Column({ type: 'smallint', nullable: true })
  valence: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One coder's application of a tag to a quote. */
@Entity('quote_tags')
export class QuoteTagEntity {
  @PrimaryColumn({ name: 'quote_id', type: 'uuid' })
  quoteId: string;

  @PrimaryColumn({ name: 'tag_id', type: 'uuid' })
  tagId: string;

  @PrimaryColumn({ name: 'applied_by', type: 'uuid' })
  appliedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
