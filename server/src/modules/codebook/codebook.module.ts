import { Module } from '@nestjs/common';
import { QuotesController } from '../quotes/quotes.controller';
import { QuotesService } from '../quotes/quotes.service';
import { CodebookExchangeService } from './codebook-exchange.service';
import { CodebookController } from './codebook.controller';
import { CodebookService } from './codebook.service';

/** The codebook and the quotes it codes: one module, since applying tags needs both. */
@Module({ controllers: [CodebookController, QuotesController], providers: [CodebookService, CodebookExchangeService, QuotesService], exports: [QuotesService] })
export class CodebookModule {}
