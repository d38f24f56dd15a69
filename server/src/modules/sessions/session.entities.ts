import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SessionKind } from '@tropa/contracts';

/** An interview or a focus group. */
@Entity('research_sessions')
export class ResearchSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: SessionKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** A calendar date, kept as PostgreSQL returns it (YYYY-MM-DD). */
  @Column({ name: 'held_on', type: 'date', nullable: true })
  heldOn: string | null;

  @Column({ name: 'moderator_id', type: 'uuid', nullable: true })
  moderatorId: string | null;

  @Column({ type: 'text', default: '' })
  notes: string;

  /** Coders see only their own highlights and tags until they ask to compare. */
  @Column({ name: 'blind_coding', type: 'boolean', default: false })
  blindCoding: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('participants')
export class ParticipantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ type: 'varchar', length: 100 })
  pseudonym: string;

  @Column({ name: 'persona_id', type: 'uuid', nullable: true })
  personaId: string | null;

  @Column({ type: 'boolean', default: false })
  consent: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  contact: string | null;

  /** When the participant was erased; their row stays so the transcript keeps its speakers. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One turn of speech, stored already redacted. */
@Entity('utterances')
export class UtteranceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  speaker: string | null;

  @Column({ name: 'participant_id', type: 'uuid', nullable: true })
  participantId: string | null;

  @Column({ type: 'boolean', default: false })
  moderator: boolean;

  @Column({ name: 'start_ms', type: 'integer', nullable: true })
  startMs: number | null;

  @Column({ name: 'end_ms', type: 'integer', nullable: true })
  endMs: number | null;

  @Column({ type: 'text' })
  text: string;
}
