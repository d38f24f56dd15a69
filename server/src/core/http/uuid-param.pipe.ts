import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id in a path that cannot exist is simply not found (no hint about formats). */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw DomainException.notFound(this.what);
    return value.toLowerCase();
  }
}
