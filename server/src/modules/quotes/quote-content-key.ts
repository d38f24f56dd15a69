/**
 * Where a quote stands among quotes of the same text, by content alone — who said it (a
 * participant's pseudonym, or a respondent's key), where (session title and utterance position,
 * or survey question) and the span — so that the same evidence is read in the same order in any
 * project (ids, and the participant ids transcript quotes carry, are random). SQL over the aliases
 * q (quotes), u (utterances), pa (participants) and s (research_sessions).
 */
export const QUOTE_CONTENT_KEY = `concat_ws(E'\\x1f',
  coalesce(CASE WHEN q.source_type = 'transcript' THEN pa.pseudonym ELSE q.participant_key END, ''), coalesce(s.title, ''),
  lpad(coalesce(u.position, 0)::text, 9, '0'), coalesce(q.question_name, ''), lpad(q.start_offset::text, 9, '0'))`;
