import { ApiProperty } from '@nestjs/swagger';
import type { ProjectResponse, ProjectRole } from '@tropa/contracts';
import { IsBoolean } from 'class-validator';

export class CreateDemoDto {
  /** Also create one account per other role (researcher, moderator, strategist) with a generated password. */
  @ApiProperty({ description: 'also create demo accounts for the researcher, moderator and strategist roles' })
  @IsBoolean({ message: 'roleUsers must be true or false' })
  roleUsers: boolean;
}

/** A demo account: its password is in this answer only, never stored in clear. */
export interface DemoUserResponse {
  role: Exclude<ProjectRole, 'owner'>;
  email: string;
  displayName: string;
  password: string;
}

export interface DemoVolumes {
  touchpoints: number;
  personas: number;
  responses: number;
  sessions: number;
  utterances: number;
  quotes: number;
  taggedQuotes: number;
  events: number;
  acceptedJobs: number;
  findings: number;
  recommendations: number;
}

export interface DemoProjectResponse {
  project: ProjectResponse;
  users: DemoUserResponse[];
  volumes: DemoVolumes;
  /** How long the creation took on this server. */
  durationMs: number;
}
