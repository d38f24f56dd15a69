import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { FixedWindowStorage } from './core/http/rate-limit-storage';
import { AUTH_RATE_LIMIT } from './core/auth/auth.decorators';
import { SessionAuthGuard } from './core/auth/session-auth.guard';
import { APP_CONFIG, type AppConfig } from './core/config/app-config';
import { DatabaseModule } from './core/database/database.module';
import { ApiExceptionFilter } from './core/errors/api-exception.filter';
import { JobQueueModule } from './core/jobs/jobs-queue.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CodebookModule } from './modules/codebook/codebook.module';
import { DemoModule } from './modules/demo/demo.module';
import { HealthModule } from './modules/health/health.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MembersModule } from './modules/members/members.module';
import { PersonasModule } from './modules/personas/personas.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { SessionsModule } from './modules/sessions/sessions.module';
import { StagesModule } from './modules/stages/stages.module';
import { SurveysModule } from './modules/surveys/surveys.module';
import { SynthesisModule } from './modules/synthesis/synthesis.module';
import { JourneyModule } from './modules/journey/journey.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { TouchpointsModule } from './modules/touchpoints/touchpoints.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static register({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    const ttl = config.rateLimit.windowSeconds * 1000;
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.register({ url: databaseUrl, runMigrations: config.runMigrations }),
        JobQueueModule.register({ url: databaseUrl, runWorkers: config.workers === 'inline', leaseSeconds: config.jobLeaseSeconds }),
        JobsModule,
        ThrottlerModule.forRoot({
          storage: new FixedWindowStorage(),
          throttlers: [
            { name: 'default', ttl, limit: config.rateLimit.perWindow },
            {
              // Login, registration and invitation look-ups: a strict limit against guessing.
              name: 'auth',
              ttl,
              limit: config.rateLimit.authPerWindow,
              skipIf: (context) => Reflect.getMetadata(AUTH_RATE_LIMIT, context.getHandler()) !== true,
            },
          ],
        }),
        AuditModule,
        AuthModule,
        HealthModule,
        MembersModule,
        ProjectsModule,
        StagesModule,
        PersonasModule,
        TouchpointsModule,
        SurveysModule,
        SessionsModule,
        CodebookModule,
        SynthesisModule,
        JourneyModule,
        DemoModule,
        PrivacyModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: SessionAuthGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
      exports: [APP_CONFIG],
    };
  }
}
