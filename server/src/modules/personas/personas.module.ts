import { Module } from '@nestjs/common';
import { PersonasController } from './personas.controller';
import { PersonasService } from './personas.service';

@Module({ controllers: [PersonasController], providers: [PersonasService], exports: [PersonasService] })
export class PersonasModule {}
