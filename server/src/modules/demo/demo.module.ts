import { Module } from '@nestjs/common';
import { CodebookModule } from '../codebook/codebook.module';
import { JourneyModule } from '../journey/journey.module';
import { MembersModule } from '../members/members.module';
import { PersonasModule } from '../personas/personas.module';
import { ProjectsModule } from '../projects/projects.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SurveysModule } from '../surveys/surveys.module';
import { SynthesisModule } from '../synthesis/synthesis.module';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { DemoController } from './demo.controller';
import { DemoService } from './demo.service';

/** The demo project: filled through the other modules' services, as a user would fill it. */
@Module({
  imports: [ProjectsModule, MembersModule, PersonasModule, TouchpointsModule, SurveysModule, SessionsModule, CodebookModule, SynthesisModule, JourneyModule],
  controllers: [DemoController],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
