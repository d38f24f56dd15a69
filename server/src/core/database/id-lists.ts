/**
 * Long lists of ids read from PostgreSQL. node-postgres parses a `uuid[]` column
 * character by character (~10 µs per id); an evidence list of 50,000 quotes is read
 * far faster as one comma-separated string split in one call.
 */

/** `string_agg` of the ids in `column`, ordered by them, '' when there is none (use inside an aggregate query). */
export function aggregatedIds(column: string, filter = `${column} IS NOT NULL`): string {
  return `coalesce(string_agg(${column}::text, ',' ORDER BY ${column}) FILTER (WHERE ${filter}), '')`;
}

/** An array column as one comma-separated string. */
export function joinedIds(column: string): string {
  return `array_to_string(${column}, ',')`;
}

/** The ids of a string made by `aggregatedIds` or `joinedIds`. */
export function splitIds(text: string | null | undefined): string[] {
  return text ? text.split(',') : [];
}
