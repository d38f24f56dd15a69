import { Injectable } from '@nestjs/common';
import { TAG_KINDS, type CodebookFormat, type CodebookImportReport, type TagKind } from '@tropa/contracts';
import { type CodebookEntry, ImportError, readCodebookCsv, readQdc, writeCodebookCsv, writeQdc } from '@tropa/importers';
import { DataSource } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { TagEntity } from './tag.entity';

export type { CodebookFormat, CodebookImportReport };
export const MAX_CODEBOOK_BYTES = 2 * 1024 * 1024;

/** The codebook as REFI-QDA (.qdc) or CSV, out and in. */
@Injectable()
export class CodebookExchangeService {
  constructor(private readonly dataSource: DataSource) {}

  async export(projectId: string, format: CodebookFormat): Promise<{ fileName: string; contentType: string; body: string }> {
    const tags = await this.dataSource.getRepository(TagEntity).find({ where: { projectId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const entries: CodebookEntry[] = tags.map((tag) => ({ id: tag.id, parentId: tag.parentId, name: tag.name, color: tag.color, description: tag.description, kind: tag.kind }));
    return format === 'qdc'
      ? { fileName: 'codebook.qdc', contentType: 'application/xml; charset=utf-8', body: writeQdc(entries) }
      : { fileName: 'codebook.csv', contentType: 'text/csv; charset=utf-8', body: '\uFEFF' + writeCodebookCsv(entries) };
  }

  /**
   * Adds the file's codes that the codebook lacks, under their parents, in one
   * transaction. A code whose kind and name exist already is reused; stage codes
   * only match existing stages (stages are managed as stages); an unknown kind becomes custom.
   */
  async import(projectId: string, file: { originalname: string; buffer: Buffer } | undefined): Promise<CodebookImportReport> {
    if (!file) throw DomainException.invalid('file', 'Attach a .qdc or .csv codebook in the "file" field');
    let entries: CodebookEntry[];
    try {
      const text = file.buffer.toString('utf8');
      if (/\.qdc$/i.test(file.originalname)) entries = readQdc(text);
      else if (/\.csv$/i.test(file.originalname)) entries = readCodebookCsv(text);
      else throw DomainException.invalid('file', 'A codebook is a .qdc (REFI-QDA) or .csv file');
    } catch (error) {
      if (error instanceof ImportError) throw DomainException.invalid('file', error.message);
      throw error;
    }
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.find(TagEntity, { where: { projectId } });
      const key = (kind: string, name: string) => `${kind}\u0000${name.toLowerCase()}`;
      const byKey = new Map(existing.map((tag) => [key(tag.kind, tag.name), tag]));
      const idMap = new Map<string, string | null>();
      const report: CodebookImportReport = { created: 0, reused: 0, skipped: 0 };
      for (const entry of entries) {
        const kind: TagKind = (TAG_KINDS as readonly string[]).includes(entry.kind ?? '') ? (entry.kind as TagKind) : 'custom';
        const found = byKey.get(key(kind, entry.name));
        if (found) {
          idMap.set(entry.id, found.id);
          report.reused += 1;
          continue;
        }
        if (kind === 'stage') {
          idMap.set(entry.id, null);
          report.skipped += 1;
          continue;
        }
        const saved = await manager.save(
          manager.create(TagEntity, {
            projectId,
            kind,
            name: entry.name.slice(0, 200),
            parentId: entry.parentId ? (idMap.get(entry.parentId) ?? null) : null,
            color: entry.color ?? '#6b7280',
            description: entry.description.slice(0, 5000),
          }),
        );
        byKey.set(key(kind, saved.name), saved);
        idMap.set(entry.id, saved.id);
        report.created += 1;
      }
      return report;
    });
  }
}
