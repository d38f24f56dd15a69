import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { HealthResponse } from '@tropa/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../core/auth/auth.decorators';

export const VERSION = '0.1.0';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** 200 when the database answers, 503 otherwise (for load balancers and orchestrators). */
  @Get()
  @Public()
  @SkipThrottle()
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const up = await this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    if (!up) response.status(503);
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', version: VERSION };
  }
}
