/** Longest title, in characters, before it is cut at a word boundary. */
export const MAX_TITLE_LENGTH = 120;
/** Fewer words than this and the extracted action says too little to name a milestone. */
const MIN_ACTION_WORDS = 3;

// "180 days to …", "six months after …": a clipped deadline, not an action.
const LEADING_QUANTITY =
  /^(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety|hundred)\b)/i;
// A fragment split off a list: "and create new mechanisms …".
const LEADING_CONJUNCTION = /^(?:and|or|but|also|then)\s+/i;

export interface TitleSource {
  /** The obligation's action as extracted ("select priority projects"). */
  action: string;
  /** The sentence that states the obligation. */
  text: string;
}

/**
 * A readable milestone title: the extracted action when it reads as one, else the evidence sentence
 * cut to a readable length. The action goes wrong when extraction clips it at the deadline
 * ("180 days to set investment priorities") or keeps only a word or two.
 */
export function milestoneTitle({ action, text }: TitleSource): string {
  const cleanAction = oneLine(action).replace(LEADING_CONJUNCTION, '');
  const evidence = oneLine(text).replace(/[\s.;:,]+$/, '');
  const actionReads =
    cleanAction.split(' ').filter(Boolean).length >= MIN_ACTION_WORDS &&
    !LEADING_QUANTITY.test(cleanAction);
  return shorten(actionReads || !evidence ? cleanAction : evidence, MAX_TITLE_LENGTH);
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Cuts at the last word boundary that fits, with an ellipsis, so no word is split. */
function shorten(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
  return `${head.replace(/[\s,;:.-]+$/, '')}…`;
}
