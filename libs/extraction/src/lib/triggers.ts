import { allMatches } from './matches';
import { mergeSpans, overlapsAny } from './spans';
import { COMMITMENT_VERB } from './verbs';

/** Words by which a party commits to something, and the strength of the commitment. */
export type TriggerStrength =
  | 'duty'
  | 'agreed'
  | 'pledge'
  | 'will'
  | 'intention'
  | 'expectation'
  | 'instrument'
  | 'progressive';

export interface Trigger {
  readonly start: number;
  readonly end: number;
  readonly strength: TriggerStrength;
}

// Who an action item is for: a name of up to three words, perhaps with a note ("Meridian (me)"), or
// "All parties"; not a word of a highlight ("Expected to create 400 jobs").
const NAME_WORD = String.raw`(?![A-Z][a-z]*(?:ed|ing)\b|(?:Set|Due|Likely|Able|Plans?|Aims?|Needs?|Wants?|Hopes?|Is|Are|Has|Have|Had)\b)[A-Z][\w&.'’-]*`;
const ITEM_OWNER = String.raw`(?:(?:All|Both|Each)\s+(?:parties|Parties|sides)|${NAME_WORD}(?:\s+${NAME_WORD}){0,2})(?:\s+\([^()\n]{1,20}\))?`;

const TRIGGERS: readonly [RegExp, TriggerStrength][] = [
  [/\b(?:shall|must)\b|\b(?:is|are)\s+(?:required|obliged|obligated|bound)\s+to\b/gi, 'duty'],
  [
    /\b(?:has|have)\s+(?:also\s+)?agreed\s+(?:not\s+)?to\b|\bagree(?:s|d)?\s+(?:on\s+[A-Z][a-z]+day\s+)?(?:not\s+)?to\b/gi,
    'agreed',
  ],
  // "The Borrower covenants that it will maintain": the covenant is the commitment, its subject the
  // covenanting party, not "it".
  [
    /\bcommit(?:s|ted)?\s+(?:the\s+(?:\w+\s+){1,2}|themselves\s+|itself\s+)?to\b|\b(?:covenants?|covenanted|undertakes?|undert[oa]ok)\s+(?:and\s+agrees?\s+)?(?:to|that\s+(?:it|they)\s+(?:will|shall))\b/gi,
    'pledge',
  ],
  // "The agreement commits Chile to": a name, so capitalised ("commits funds to" commits nobody).
  [/\bcommit(?:s|ted)\s+(?:[A-Z][\w.-]*\s+){1,3}to\b/g, 'pledge'],
  // "We reaffirm our commitment to phase out ...": a commitment made again, where an action follows;
  // "our commitment to the Paris Agreement" names none.
  [
    new RegExp(
      String.raw`\b(?:reaffirm(?:s|ed)?|reiterat(?:es?|ed)|renew(?:s|ed)?|restat(?:es?|ed))\s+(?:our|their|its)\s+(?:[\w-]+\s+){0,2}?commitments?\s+to(?=\s+(?:(?:jointly|further|fully)\s+)?${COMMITMENT_VERB})`,
      'gi',
    ),
    'pledge',
  ],
  // "will endeavour to finalise": an effort promised, not the result.
  [
    /\b(?:(?:will|would)\s+(?:endeavou?r|seek|strive|try|aim)\s+to|(?:intends?|plans?|aims?|seeks?|expects?|endeavou?rs?)\s+to)\b/gi,
    'intention',
  ],
  // "Leaders tasked their trade ministers with concluding ...", "We task our finance ministers to
  // report", "instructed officials to": what the signatories charge someone with, said as firmly
  // as "will".
  [
    /\b(?:task(?:s|ed)?|instruct(?:s|ed)?|direct(?:s|ed)?|mandated|charged)\s+(?:(?:their|its|the|both|relevant|respective|senior)\s+)*(?:[\w-]+\s+){0,2}(?:ministers?|ministries|officials|officers|agencies|teams|negotiators|authorities|departments|secretariats?)\s+(?:with|to)\b/gi,
    'will',
  ],
  // "The Order directs the Secretary of Energy to identify ...", "the Act requires the Secretary
  // to": what an instrument or the President charges an office with, as a fact sheet tells it.
  [
    /(?<lead>\b(?:[Oo]rder|[Mm]emorandum|[Pp]roclamation|Act|[Bb]ill|[Ll]egislation|[Rr]ule|President(?:\s+[A-Z][\w.]*){0,3})\s+(?:also\s+)?)(?:directs|directed|instructs|instructed|requires|required|orders|ordered|tasks|tasked|calls\s+(?:on|upon))\s+(?:the\s+)?[A-Z][^.;:]{0,150}?\s+to(?=\s+[a-z])/g,
    'will',
  ],
  [/\baim of [^.]{0,60}?\bis to\b/gi, 'intention'],
  [
    /\b(?:is|are)\s+(?:(?:expected|scheduled|targeted|planned|intended)\s+(?:to|for|by|within|in|on)|due\s+to(?!\s+(?:the|a|an|its|their|this|that|these|those)\b))\b/gi,
    'expectation',
  ],
  [
    /\b(?:agreement|deal|framework|memorandum|memorandums|pact|accord|arrangement|treaty)\s+(?:also\s+|further\s+)?(?:emphasi[sz]es|envisages|envisions|calls for|provides for|foresees|requires|obliges)\b/gi,
    'instrument',
  ],
  [/\b(?:will|would)\b(?!\s+have\b)/gi, 'will'],
  // The action items of minutes: "DPE to circulate the revised study by 20 March", "DPE and SGI to
  // agree the key": who is to do what, at the start of the item. The owner is matched as the
  // trigger's lead, not looked behind for: a lookbehind would be tried at every place in the sentence.
  [
    new RegExp(
      String.raw`^(?<lead>\s*${ITEM_OWNER}(?:\s+(?:and|&)\s+${ITEM_OWNER})?\s+)to(?=\s+(?:jointly\s+|also\s+)?${COMMITMENT_VERB})`,
      'g',
    ),
    'will',
  ],
  // "We are going to deliver the first shipments": said as "will".
  [/\b(?:is|are|am)\s+going\s+to\b(?!\s+(?:the|a|an|be\s+(?:difficult|hard|tough))\b)/gi, 'will'],
  // "Acme pledged to invest", "the two sides are to meet again": said as firmly as "will". Not
  // what something is for ("The purpose of this Agreement is to establish").
  [/\b(?:pledge[sd]?|promise[sd]?|vow(?:s|ed)?)\s+(?:not\s+)?to\b/gi, 'will'],
  // The lookbehind after "is"/"are", so that it runs only where they are.
  [
    /\b(?:is|are)(?<!\b(?:purpose|aim|objective|goal|target|ambition|aspiration|intention|idea|plan|task|role|mission|function|priority|challenge|object)s?(?:\s+of\s+[^.;:]{1,80}?)?\s+(?:is|are))\s+to\b(?!\s+(?:be\s+)?(?:noted|found|expected|seen|blame)\b)/gi,
    'will',
  ],
  [
    /\b(?:participants|parties|partners|two countries|two governments|two sides|both countries|both sides|signatories)\s+(?:are|is)\s+[a-z]+ing\b/gi,
    'progressive',
  ],
];

// What follows a modal that makes it a statement of status, a right or an automatic effect. An
// agreement "shall renew" itself; a party that "shall renew the certificate" commits to it. A term
// "shall commence on" a date; a party that "shall commence production" commits to it. A
// clause "shall apply" to something; a party that "shall apply the proceeds" or "apply for a
// permit" commits to it. "The plant will likely open next year": a forecast. "The programme will
// benefit 900,000 farmers": an outcome, which no one commits to. A balance that "shall become
// immediately payable" when an instalment is missed is a consequence, not a duty.
const NOT_A_COMMITMENT =
  /^\s*(?:not\s+)?(?:(?:likely|probably|possibly|perhaps|presumably)\b|(?:also\s+|thereafter\s+|then\s+)?be\s+(?:\d[\d,.]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|equal to)\b|represented|known|headquartered|based|located|governed|led|chaired|deemed|construed|interpreted|entitled|registered|subject|effective|binding|valid|determined|calculated|cancelled|extended|renewed|terminated|treated|considered)\b|have\s+the\s+right\b|(?:automatically|continue(?!\s+to\s+(?!apply|be|have|remain)\w)|remain|expire|terminate|commence(?!\s+(?!(?:on|upon|as|from|at|when|immediately|automatically|effective|retroactive(?:ly)?|with|in|after|following|forthwith|only|and|or|the\s+(?:day|date|first|later|earlier))\b)[a-z])|enter into (?:force|effect)|come into (?:force|effect)|take effect|become effective|become\s+(?:immediately|forthwith)\s+(?:due|payable)|renew(?!\s+(?:the|its|their|any|all|each|every|such|a|an)\s)|prevail|apply(?!\s+(?:for|the|all|its|their|any|such|each|every|amounts?|funds|proceeds|monies|moneys)\b)|mean|survive|benefit)\b|(?:acquire|subscribe\s+for|merge|combine)\b)/i;

// "We remain committed to the Paris Agreement": a stance, unless an action follows ("remain
// committed to phasing out").
const STANCE_BEFORE =
  /\b(?:remains?|remained|stays?|is|are|am|was|were|be|been)\s+(?:[a-z]+ly\s+)?$/i;
const ACTION_AFTER = new RegExp(String.raw`^\s+(?:[a-z]+ing\b|${COMMITMENT_VERB})`);

/** Whether "committed to" says where someone stands, not what they commit to do. */
function isStance(sentence: string, start: number, end: number): boolean {
  return (
    /^committed\b/i.test(sentence.slice(start, end)) &&
    STANCE_BEFORE.test(sentence.slice(Math.max(0, start - 30), start)) &&
    !ACTION_AFTER.test(sentence.slice(end))
  );
}

/** Commitment words in a sentence, minus modals that state status, rights or effects. */
export function findTriggers(sentence: string): Trigger[] {
  // In order of start; as in findDateMentions, one pattern's matches are apart from each other.
  let found: Trigger[] = [];
  for (const [re, strength] of TRIGGERS) {
    const added: Trigger[] = [];
    for (const m of allMatches(re, sentence)) {
      // A pattern may match words before its trigger (group `lead`) that are not part of it.
      const start = m.index + (m.groups?.['lead']?.length ?? 0);
      const end = m.index + m[0].length;
      if (
        (strength === 'will' || strength === 'duty') &&
        NOT_A_COMMITMENT.test(sentence.slice(end))
      ) {
        continue;
      }
      if (strength === 'pledge' && isStance(sentence, start, end)) continue;
      if (overlapsAny(found, start, end)) continue;
      added.push({ start, end, strength });
    }
    if (added.length > 0) found = mergeSpans(found, added);
  }
  return found;
}

// The terms of a charter party or a term sheet, written without a modal: "Vessel to be delivered at
// Singapore", "Hire payable 15 days in advance". What is to be done or paid, up to four words after
// a capital, at the start of the clause; the trigger is "to" (the passive follows) or "payable".
const SHORTHAND_TERM = new RegExp(
  String.raw`^(?<lead>\s*[A-Z][\w'’&.-]*(?:\s+[\w'’&.-]+){0,3}?\s+)(?:(?:not\s+)?to(?=\s+be\s+(?:[a-z]{2,}ed|(?:re|pre)?paid|made|given|held|sent|sold|built|borne|taken|kept|put|set|shown|drawn)\b)|payable\b)`,
);

/**
 * The trigger of a term stated without a modal, to be looked for only in a text that states its
 * terms so; none for a term of status ("Charter Party to be governed by English law").
 */
export function findShorthandTrigger(clause: string): Trigger | null {
  const m = SHORTHAND_TERM.exec(clause);
  if (!m) return null;
  const start = m.groups?.['lead']?.length ?? 0;
  const end = m[0].length;
  if (NOT_A_COMMITMENT.test(clause.slice(end))) return null;
  return { start, end, strength: 'duty' };
}
