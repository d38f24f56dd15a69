import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ChannelKind, TouchpointOrigin } from '@tropa/contracts';
import { StageEntity } from '../stages/stage.entity';

@Entity('touchpoints')
export class TouchpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  channel: ChannelKind;

  @Column({ type: 'boolean', default: true })
  online: boolean;

  @Column({ name: 'owner_department', type: 'varchar', length: 200, default: '' })
  ownerDepartment: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  aliases: string[];

  @Column({ type: 'varchar', length: 16, default: 'inventory' })
  origin: TouchpointOrigin;

  @ManyToMany(() => StageEntity)
  @JoinTable({
    name: 'touchpoint_stages',
    joinColumn: { name: 'touchpoint_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'stage_id', referencedColumnName: 'id' },
  })
  stages: StageEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
