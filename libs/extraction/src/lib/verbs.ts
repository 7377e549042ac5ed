const VERBS = [
  'provide|create|establish|develop|select|identify|deliver|pay|submit|hold|convene|take|make',
  'complete|obtain|ensure|supply|maintain|notify|cooperate|explore|support|promote|facilitate',
  'review|share|coordinate|work|invest|fund|finance|build|construct|use|seek|file|purchase|sell',
  'grant|give|direct|mobili[sz]e|strengthen|streamline|accelerate|simplify|set|meet|host|report',
  'refrain|exchange|implement|consult|conduct|prepare|publish|adopt|enter|achieve|repay|launch',
  'expand|increase|reduce|protect|secure|attract|encourage|negotiate|conclude|designate|appoint',
  'reinvest|remove|eliminate|lift|lower|cut|consider|allow|permit|accept|recogni[sz]e|open',
  'resolve|address|waive|extend|continue|engage|align|harmoni[sz]e|issue|approve|register',
  'collaborate|train|monitor|assess|study|evaluate|update|improve|enhance|advance|pursue|join',
  'sign|ratify|circulate|confirm|agree|revert|send|draft|finali[sz]e|present|organi[sz]e',
  'schedule|arrange|check|liaise|respond|apply|request|hand|phase|triple|double|halve|inform',
];

/**
 * A base verb that commitments start with, as a pattern ending at a word boundary: "provide",
 * "establish", "circulate". Lists of commitments and the action items of minutes ("DPE to
 * circulate the study") are told by it.
 */
export const COMMITMENT_VERB = String.raw`(?:${VERBS.join('|')})\b`;

const BASE_VERB = new RegExp(`^${COMMITMENT_VERB}$`);
// Words after which a listed verb is a noun: "the request", "of use", "the Buyer's report".
const NOUN_BEFORE =
  /^(?:the|a|an|of|to|for|any|each|every|such|this|that|these|those|its|their|his|her|our|your|in|on|by|with|from|at|and|or|no|all|first|last|final|written|prior)$|['’]s$/i;

/**
 * Where a commitment verb begins in a run of words that opens with a noun phrase ("the date of
 * signing of this Contract pay the advance" has "pay"), or -1: the verb comes after a word that may
 * end a noun phrase, in lower case as a verb is written.
 */
export function commitmentVerbIn(words: string): number {
  const pattern = /\S+/g;
  let previous: string | null = null;
  for (let m = pattern.exec(words); m; m = pattern.exec(words)) {
    if (previous !== null && BASE_VERB.test(m[0]) && !NOUN_BEFORE.test(previous)) return m.index;
    previous = m[0];
  }
  return -1;
}
