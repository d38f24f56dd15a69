/**
 * Remembers which written forms each stem came from so labels show real words
 * ("приложение") rather than stems ("приложен").
 */
interface FormCounts {
  /** Lower-case form → count. */
  lower: Map<string, number>;
  /** Exact spelling → count, to keep acronyms like "SMS" in capitals. */
  exact: Map<string, number>;
}

function best(counts: Map<string, number>): string {
  let winner = '';
  let top = -1;
  for (const [form, n] of counts) {
    // Ties: shorter form, then alphabetical, so the result does not depend on insertion order.
    if (n > top || (n === top && (form.length < winner.length || (form.length === winner.length && form < winner)))) {
      winner = form;
      top = n;
    }
  }
  return winner;
}

export class SurfaceMap {
  private readonly forms = new Map<string, FormCounts>();

  add(stem: string, surface: string): void {
    if (!stem || !surface) return;
    let entry = this.forms.get(stem);
    if (!entry) {
      entry = { lower: new Map(), exact: new Map() };
      this.forms.set(stem, entry);
    }
    const lower = surface.toLowerCase();
    entry.lower.set(lower, (entry.lower.get(lower) ?? 0) + 1);
    entry.exact.set(surface, (entry.exact.get(surface) ?? 0) + 1);
  }

  /** Most frequent surface form of a stem (the stem itself if never seen). Multi-word keys: each word mapped. */
  surface(stem: string): string {
    const entry = this.forms.get(stem);
    if (!entry) {
      return stem.includes(' ') ? stem.split(' ').map((part) => this.surface(part)).join(' ') : stem;
    }
    const lower = best(entry.lower);
    const exact = best(entry.exact);
    const isAcronym = exact.length > 1 && exact === exact.toUpperCase() && exact !== exact.toLowerCase();
    return isAcronym && exact.toLowerCase() === lower ? exact : lower;
  }

  has(stem: string): boolean {
    return this.forms.has(stem);
  }
}
