/**
 * An amendment agreement's instructions change the words of another agreement ("Clause 5.2 of the
 * Original Agreement shall be amended by replacing '30 June 2026' with '31 December 2026'", "the
 * words 'within 90 days' shall be deleted"): they commit no one, and a date or period they quote
 * may be the one being struck out.
 */

// What a text-changing instruction is about: a part of an agreement or the words in it.
const PART_OF_TEXT =
  /\b(?:(?:sub-?)?clauses?|sections?|articles?|paragraphs?|schedules?|annex(?:es)?|appendix|appendices|definitions?|words?|references?|sentences?|phrases?|(?:original|existing|principal|amended)\s+(?:facility\s+|loan\s+|credit\s+)?agreement)\b/i;
// The verb of the instruction, right after its "shall": "be amended", "be deleted and replaced",
// "be read as a reference to".
const CHANGES_TEXT =
  /^\s+(?:hereby\s+)?be\s+(?:and\s+(?:is|are)\s+hereby\s+)?(?:deemed\s+to\s+be\s+)?(?:amended|deleted|replaced|substituted|inserted|added|renumbered|restated|supplemented|read)\b/i;

/**
 * Whether a clause is an instruction that changes an agreement's words: its verb, after the
 * trigger, changes text, and what it changes, before the trigger, is a part of an agreement.
 */
export function isAmendingInstruction(beforeTrigger: string, afterTrigger: string): boolean {
  return CHANGES_TEXT.test(afterTrigger) && PART_OF_TEXT.test(beforeTrigger);
}
