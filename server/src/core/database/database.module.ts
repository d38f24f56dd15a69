import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENTITIES } from '../../database/entities';
import { MIGRATIONS } from '../../database/migrations';

export interface DatabaseOptions {
  url: string;
  runMigrations: boolean;
}

/** TypeORM on PostgreSQL; the schema comes from migrations only, never `synchronize`. */
@Module({})
export class DatabaseModule {
  static register(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.url,
          entities: ENTITIES,
          migrations: MIGRATIONS,
          migrationsRun: options.runMigrations,
          migrationsTransactionMode: 'each',
          synchronize: false,
          // Query errors reach the exception filter; TypeORM's own error log would print parameters (quotes, emails).
          logging: ['migration'],
          extra: { max: 10, application_name: 'tropa' },
        }),
      ],
    };
  }
}
