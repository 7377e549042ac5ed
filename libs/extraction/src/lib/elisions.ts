/**
 * Marks that stand for text left out of an excerpt ("31 December,<omitted>1996", "the
 * Agreement[...]shall"). Read as a gap between words, they would otherwise glue the words on
 * either side together and hide the date or phrase they interrupt.
 */
const ELISION = /<omitted>|\[\s*(?:\.{3}|…)\s*\]/gi;

/** The text with each elision mark turned into as many spaces, so offsets stay those of the input. */
export function blankElisions(text: string): string {
  return text.replace(ELISION, (mark) => ' '.repeat(mark.length));
}
