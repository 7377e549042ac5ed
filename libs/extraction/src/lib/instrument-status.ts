/**
 * Whether an instrument says of itself that it is not legally binding. Only its own words
 * count: a recital about an earlier memorandum ("WHEREAS, the Parties entered into a non-binding
 * memorandum of understanding ... which this Agreement supersedes") describes another
 * instrument, and a binding contract may well mention one.
 */
const DECLARATION =
  /\b(?:not legally binding|does not create legal obligations|is not a treaty|non-binding (?:framework|memorandum|instrument|arrangement)|(?:neither|no)\s+(?:\w+\s+){0,3}(?:is|are)\s+legally binding)\b/i;
// Background and history: recitals, and instruments this one replaces.
const ABOUT_ANOTHER =
  /^\s*(?:whereas|recalling|noting|recogni[sz]ing|considering|background)\b|\bsupersed\w*|\breplac\w*|\bterminat\w*/i;
// A text that calls itself a binding agreement is one, whatever it says of other instruments.
const BINDING_SELF = /\bbinding (?:agreement|contract)\b/i;

export function declaresItselfNonBinding(text: string): boolean {
  if (BINDING_SELF.test(text)) return false;
  return text
    .split(/(?<=[.;])\s+|\n+/)
    .some((sentence) => DECLARATION.test(sentence) && !ABOUT_ANOTHER.test(sentence));
}
