import { WHEN_SAID } from './clauses';
import { partiesNamedIn, regionCalledBy, stateActing } from './governments';
import { isCompanyName } from './parties';

// All the parties at once: "the two countries", "both sides", "the signatories", "either Party".
const COLLECTIVE =
  /\b(participants|parties|partners|(?:two|both) (?:countries|governments|nations|sides)|the (?:countries|governments|nations)(?!\s+(?:of|in|that|which|who)\b)|signatories|(?:the\s+|two\s+|both\s+)*(?:leaders|ministers)|(?:each|either|neither)\s+(?:contracting\s+)?(?:participant|party))\b/i;

const FRONTED =
  /^\s*(?:[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}:\s+|(?:within|no later than|not later than|on|by|upon|following|after|before|prior to|subject to|if|when|unless|notwithstanding|in|during|at|from|until|as soon as|for)\b(?:[^,]|,(?=\s*\d{4}\b))*,\s*|(?:and|or)\s+(?:\w+\s+){0,3}thereafter\s*,\s*)/i;

// "The Committee agreed that DPE shall": who the report is of, not who reports it.
const REPORTED_THAT =
  /^.*\b(?:agreed|decided|confirmed|noted|resolved|announced|stated|declared|acknowledged|recogni[sz]ed)\s+that\s+/i;
// "Cooperation will also cover ...", "The partnership will fund ...": what the parties undertake
// together, which acts through them.
const SHARED_UNDERTAKING =
  /^(?:(?:bilateral|joint|new|this|the)\s+)*(?:cooperation|collaboration|partnership|agreement|framework|memorandum|arrangement|deal|pact|accord|treaty|initiative)$/i;

// "Prime Minister Albanese and President Trump", "U.S. President Donald Trump and Japanese Prime
// Minister Sanae Takaichi": the leaders, named one by one, speak for the parties.
const LEADER = String.raw`(?:[A-Z][\w.'’-]*\s+)?(?:(?:Prime|Foreign|Trade)\s+Minister|(?:Vice\s+)?President|Chancellor|Premier|Minister|Secretary|King|Crown\s+Prince)\s+(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*`;
const NAMED_LEADERS = new RegExp(String.raw`^(?:${LEADER},\s+)*${LEADER},?\s+and\s+${LEADER}$`);

// "Syrah said it plans to ...": the pronoun is the one who said it.
const REPORTER_PRONOUN = new RegExp(
  String.raw`^(.+?)\s+(?:said|says|stated|states|added|announced|announces|noted)(?:${WHEN_SAID})?\s+(?:that\s+)?(?:it|they|he|she|we)\s*$`,
  'i',
);

// "If the Provider fails to ..., it shall credit": the pronoun is the condition's subject.
const CONDITION_SUBJECT =
  /^\s*(?:[Ii]f|[Ww]hen|[Ww]here|[Ss]hould|[Uu]nless)\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})/;
const PRONOUN = /^\s*(?:it|they|he|she)\s*$/i;

// "... subject to approval by the IMF Executive Board, which is expected to consider the review":
// the name the relative pronoun stands for.
const RELATIVE_SUBJECT = /\b((?:[A-Z][\w.&'’-]*\s+){0,4}[A-Z][\w.&'’-]*),\s+(?:which|who)\s*$/;

/** A subject without what is not its name: a report's "agreed that", articles, notes, auxiliaries. */
function bareSubject(subject: string): string {
  return (
    subject
      .replace(REPORTED_THAT, '')
      .replace(/^["“'‘]+/, '')
      .replace(/^(?:the|a|an|if|upon|for)\s+/i, '')
      .replace(/[,\s]+$/, '')
      // "Meridian (me) to circulate": a note on who the name is.
      .replace(/\s*\([^()]{1,20}\)$/, '')
      .replace(/(?:\s+(?:also|further|jointly|now|then|today|has|have|had|is|are|was|were))+$/i, '')
      .trim()
  );
}

/**
 * The party a news report's "the company", "the government" or "the Province" means: the one
 * company, state or region of that kind among the parties; none where it has several.
 */
function theOneCalled(word: string, parties: readonly string[]): string[] {
  const region = regionCalledBy(word, parties);
  if (region) return [region];
  const theOne =
    word === 'company'
      ? parties.filter(isCompanyName)
      : /^government$/i.test(word)
        ? parties.filter((party) => stateActing(party) === party)
        : [];
  return theOne.length === 1 ? theOne : [];
}

// "BUENOS AIRES, Nov 30 - ", "PERTH (Reuters) - ": a report's dateline before its first sentence.
const DATELINE = /^\s*[A-Z][A-Z.'’]+(?:\s+[A-Z][A-Z.'’]+)*,?[^-–—\n]{0,40}?\s(?:--?|–|—)\s+/;

export function actorsOf(
  clauseSubject: string,
  parties: readonly string[],
  labels?: ReadonlyMap<string, string>,
): string[] {
  const said = REPORTER_PRONOUN.exec(clauseSubject.trim())?.[1] ?? clauseSubject;
  const relative = /\b(?:which|who)\s*$/.test(said.slice(-12)) ? RELATIVE_SUBJECT.exec(said) : null;
  let subject = (relative?.[1] ?? said).replace(DATELINE, '');
  let condition: string | undefined;
  for (let fronted = FRONTED.exec(subject); fronted; fronted = FRONTED.exec(subject)) {
    condition ??= CONDITION_SUBJECT.exec(fronted[0])?.[1];
    subject = subject.slice(fronted[0].length);
  }
  if (condition && PRONOUN.test(subject)) subject = condition;
  const offices = isOneState(parties) ? officesIn(subject) : null;
  if (offices) return offices;
  if (COLLECTIVE.test(subject)) return [...parties];
  const cleaned = bareSubject(subject);
  // Before the states the leaders' titles name ("U.S. President Donald Trump and ...").
  if (NAMED_LEADERS.test(cleaned)) return [...parties];
  const labelled = labels?.get(cleaned.toLowerCase());
  if (labelled) return [labelled];
  const named = partiesNamedIn(subject, parties);
  if (named.length > 0) return named;
  if (SHARED_UNDERTAKING.test(cleaned)) return [...parties];
  const state = stateActing(cleaned);
  if (state && parties.includes(state)) return [state];
  const theOne = theOneCalled(cleaned, parties);
  if (theOne.length > 0) return theOne;
  return cleaned.length > 0 && cleaned.length <= 60 ? [cleaned] : [];
}

// An office of government that acts for its state: "the Secretary of Commerce", "the head of each
// executive department and agency", "the Comptroller General of the United States", "the United
// States Trade Representative", "the Chief Executive Officer of the ... Finance Corporation".
const OFFICE =
  /\b(?:Secretar(?:y|ies)|Administrators?|Directors?|Chair(?:man|woman|person)?|Commissioners?|Attorney\s+General|Comptroller\s+General|Trade\s+Representative|Officers?|Advis[eo]rs?|Assistant|Archivist|Commandant|Postmaster|heads?\s+of)\b/;
// What follows an office and says who else takes part or which one it is, not who acts: "(agency)",
// ", in consultation with the Secretary of Defense", "identified in section 1(b) of ...", ", as
// appropriate".
const OFFICE_MODIFIER =
  /\s*\([^()]*\)|,?\s+(?:in\s+(?:consultation|coordination|cooperation)\s+with|acting\s+through|with\s+the\s+(?:concurrence|advice)\s+of)\b.*$|\s+(?:identified|designated|listed|named|described|specified|referred\s+to)\s+(?:in|by|under)\b.*$|,?\s+as\s+appropriate\b.*$/g;
// Between the offices of a list: "the Secretary of the Interior, the Secretary of Agriculture, and
// the heads of any other relevant agencies".
const OFFICE_LIST = /\s*,\s*(?:and\s+)?(?=the\s)|\s+and\s+(?=the\s)/i;

/** Whether the parties are one state alone: a government's own instrument, whose offices act. */
function isOneState(parties: readonly string[]): boolean {
  const [party] = parties;
  return parties.length === 1 && party !== undefined && stateActing(party) === party;
}

/**
 * The offices a subject names, one by one, in an instrument of one state (an executive order, an
 * Act), where they are who acts and not the state; null where it names anything else.
 */
function officesIn(subject: string): string[] | null {
  const parts = subject
    .replace(REPORTED_THAT, '')
    .replace(OFFICE_MODIFIER, '')
    .split(OFFICE_LIST)
    .map((part) =>
      part
        .replace(/^\s*(?:and\s+)?(?:the|a|an)\s+/i, '')
        .replace(/[,\s]+$/, '')
        .replace(/(?:\s+(?:also|further|jointly|each|now|then))+$/i, '')
        .trim(),
    );
  if (parts.some((part) => !OFFICE.test(part) || part.length > 120)) return null;
  return parts;
}

// "The Supplier's annual report shall be submitted": whose thing it is, where no party is named.
const OWNER = /\b(?:(?:The|A|An)\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})['’]s\b/;

/**
 * Who acts on a commitment whose subject is acted on: the passive's agent; else a party the
 * subject names or its owner ("the Supplier's report"); else all parties, the unnamed "we" of
 * "A working group will be set up".
 */
export function passiveActors(
  agent: string | null,
  subject: string,
  parties: readonly string[],
  labels?: ReadonlyMap<string, string>,
): string[] {
  if (agent) return actorsOf(agent, parties, labels);
  const named = partiesNamedIn(subject, parties);
  if (named.length > 0) return named;
  const owner = OWNER.exec(subject)?.[1];
  return owner ? [owner] : [...parties];
}
