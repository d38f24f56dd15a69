import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { QuestionMetric } from '@tropa/contracts';

@Entity('survey_question_mappings')
export class QuestionMappingEntity {
  @PrimaryColumn({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @PrimaryColumn({ name: 'question_name', type: 'varchar', length: 100 })
  questionName: string;

  @Column({ name: 'stage_id', type: 'uuid', nullable: true })
  stageId: string | null;

  @Column({ name: 'touchpoint_id', type: 'uuid', nullable: true })
  touchpointId: string | null;

  @Column({ name: 'persona_attribute', type: 'varchar', length: 100, nullable: true })
  personaAttribute: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  metric: QuestionMetric | null;

  @Column({ name: 'jtbd_prompt', type: 'boolean', default: false })
  jtbdPrompt: boolean;
}
