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
  'schedule|arrange|check|liaise|respond|apply|request|hand|phase|triple|double|halve',
];

/**
 * A base verb that commitments start with, as a pattern ending at a word boundary: "provide",
 * "establish", "circulate". Lists of commitments and the action items of minutes ("DPE to
 * circulate the study") are told by it.
 */
export const COMMITMENT_VERB = String.raw`(?:${VERBS.join('|')})\b`;
