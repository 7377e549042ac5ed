import type { AnchorContext } from './anchors';
import type { CalendarDate } from './calendar-date';
import { formatIsoDate, parseIsoDate } from './calendar-date';
import { resolveChainedAnchors } from './chained-anchors';
import { findCoSigningCompany, findCompaniesWithoutForm } from './company-names';
import { findContractTerm } from './contract-term';
import { findDateMentions } from './date-mentions';
import type { DeadlineContext } from './deadlines';
import type { Definitions } from './definitions';
import { findDefinitions } from './definitions';
import {
  effectiveOnEvent,
  entersIntoForceOnEvent,
  findEffectiveDates,
  findPublishedAt,
  firstYearReference,
} from './document-dates';
import { blankElisions } from './elisions';
import { findEventDates } from './event-dates';
import { findGovernmentParties } from './governments';
import {
  bindingParagraphs,
  declaresItselfNonBinding,
  isCompanyOutlook,
  isPolicyInstrument,
  statesTermsInShorthand,
} from './instrument-status';
import { holidayCountry } from './jurisdiction';
import { classifyLines } from './noise';
import { findObligations } from './obligations';
import {
  findAnnouncedParties,
  findAwardRecipient,
  findCompanyParties,
  findContractingCompanies,
  namesCompany,
} from './parties';
import type { LabelledParties } from './party-blocks';
import { findLabelledParties, findListedParties } from './party-blocks';
import type { TextSpan } from './sentences';
import { splitLines, unwrapLines } from './sentences';
import {
  findIncompleteSignedAt,
  findInstrumentDate,
  findSignedAt,
  findStandaloneDate,
  isBill,
  wordedDate,
} from './signing-date';
import { findTitle } from './title';
import type { ExtractionOptions, ExtractionResult, IncompleteDates } from './types';

// The opening of a text, where it sets out its parties.
const HEAD_LENGTH = 3000;

const iso = (date: CalendarDate | null) => (date ? formatIsoDate(date) : null);

/** Where the text's own definition ends its fiscal year, or null where it defines none. */
function statedFiscalYearEnd(meanings: ReadonlyMap<string, string>) {
  for (const term of ['fiscal year', 'financial year']) {
    const meaning = meanings.get(term) ?? '';
    // "the period from April 1 to March 31", "the year ending on 30 June": the day it ends.
    const ending = /\b(?:to|until|through|ending(?:\s+on)?|ends\s+on)\s+(.+)$/i.exec(meaning)?.[1];
    const [mention] = findDateMentions(ending ?? meaning);
    if (mention) return { month: mention.month, day: mention.day };
  }
  return null;
}

/** A date the text names as the agreement's own: `March 1, 2010 (the "Agreement Date")`. */
function definedSigningDate(definitions: Definitions): CalendarDate | null {
  for (const term of ['agreement date', 'date of this agreement', 'execution date', 'signing date'])
    if (definitions.dates.has(term)) return definitions.dates.get(term) ?? null;
  return null;
}

/**
 * The parties: two companies the text defines, announces or names in its parties clause; else the
 * countries its title names; else a company and a state its opening says made an agreement; else
 * the governments its opening lines name, with one state a company beside it; with none, the
 * companies it names by their stock listings or as "the company".
 */
function findParties(
  text: string,
  lines: readonly TextSpan[],
  title: string | null,
  labelled: LabelledParties,
): string[] {
  // A title naming two states and no company ("Joint Statement by the Government of Australia and
  // the Government of Japan") names the parties, whatever companies the body names.
  const titled = findGovernmentParties(title ? [title] : []);
  if (titled.length >= 2 && !namesCompany(title ?? '')) return titled;
  const defined = findCompanyParties(text, lines);
  const companyReadings = [
    () => defined,
    () => findAnnouncedParties(text),
    () => findContractingCompanies(text),
    () => findListedParties(text.slice(0, HEAD_LENGTH)),
    () => labelled.names,
  ];
  for (const read of companyReadings) {
    const companies = read();
    if (companies.length >= 2) return companies;
  }
  if (titled.length >= 2) return titled;
  const opening = [title ?? '', ...lines.slice(0, 40).map((l) => l.text)];
  const coSigned = findCoSigningCompany(opening, text);
  if (coSigned) return [coSigned.government, coSigned.company];
  const countries = findGovernmentParties(opening);
  if (countries.length >= 2) return countries.slice(0, 2);
  const unformed = () => findCompaniesWithoutForm(text.slice(0, 3000));
  // A federal agency's rule names its agency, not its state: the Federal Register, the Code of
  // Federal Regulations and the White House are the United States'.
  if (countries.length === 0)
    return FEDERAL_DOCUMENT.test(text.slice(0, 2000)) ? ['United States'] : unformed().slice(0, 2);
  // With one state: the company an award is made to, or the one a parties clause defines ("the
  // STATE OF CHILE ... and SALAR VERDE LITIO SpA (hereinafter the Contractor)"), lists or quotes.
  const company =
    findAwardRecipient(text) ?? (defined.length === 1 ? defined[0] : undefined) ?? unformed()[0];
  return company ? [...countries, company] : countries;
}

const FEDERAL_DOCUMENT =
  /\bFederal\s+Register\b|\b\d+\s+CFR\s+Parts?\s+\d|^\s*The\s+White\s+House\s*,?\s*$/im;

/** Reads an agreement and returns what operations teams must track. */
export function extractAgreement(input: string, options: ExtractionOptions = {}): ExtractionResult {
  const text = unwrapLines(blankElisions(input));
  const lines = splitLines(text);
  const roles = classifyLines(lines);
  const reference = firstYearReference(text, options.referenceDate ?? options.publishedAt);
  const title = options.title ?? findTitle(lines, roles);

  const publishedAt =
    (options.publishedAt ? parseIsoDate(options.publishedAt) : null) ??
    findPublishedAt(text, lines, reference);
  const yearReference = publishedAt ?? reference;
  const definitions = findDefinitions(text, yearReference);
  const signedAt =
    (options.signedAt ? parseIsoDate(options.signedAt) : null) ??
    findInstrumentDate(lines) ??
    // A bill is not signed: its dates are of its introduction and referral.
    (isBill(text)
      ? null
      : (findSignedAt(text, lines, roles, publishedAt, yearReference, definitions) ??
        definedSigningDate(definitions) ??
        findStandaloneDate(lines, yearReference) ??
        // "In Santiago de Chile, on the twenty-second of July of two thousand twenty-six, appear".
        wordedDate(text.slice(0, 1000))));
  const { effectiveAt, entryIntoForceAt } = findEffectiveDates(
    text,
    definitions,
    signedAt,
    yearReference,
  );

  const labelled = findLabelledParties(text.slice(0, HEAD_LENGTH));
  const parties = findParties(text, lines, title, labelled);

  const incompleteSigning = signedAt ? null : findIncompleteSignedAt(text, lines, roles);
  const events = findEventDates(text, yearReference);
  // A treaty in force from an undated ratification or notification runs from then, not its signing.
  const inForceLater = !effectiveAt && entersIntoForceOnEvent(text);
  const { term, expiresIncomplete } = findContractTerm(text, {
    start: inForceLater ? null : (effectiveAt ?? signedAt),
    ...(inForceLater ? { startEvent: 'entry into force' } : {}),
    signedAt,
    startIncomplete: incompleteSigning,
    reference: yearReference,
    definitions,
    events,
  });
  const termExpiry =
    term?.expiresAt && term.expiresAt !== 'perpetual' ? parseIsoDate(term.expiresAt) : null;
  const stated = statedFiscalYearEnd(definitions.meanings);
  const anchorContext: AnchorContext = {
    effectiveOnEvent: effectiveOnEvent(text, definitions),
    signedAt,
    publishedAt,
    effectiveAt,
    entryIntoForceAt,
    definitions,
    events,
    fiscalYearEnd: stated ?? { month: 12, day: 31 },
    termExpiry,
  };
  const deadlines: DeadlineContext = {
    ...anchorContext,
    fiscalYearStated: stated !== null,
    holidayCountry: holidayCountry(text, parties),
    renewalPeriod: term?.renewal?.period ?? null,
    reference: yearReference,
  };
  const declaredNonBinding = declaresItselfNonBinding(text);
  const found = findObligations(text, lines, roles, {
    deadlines,
    parties,
    partyLabels: new Map([...labelled.labels].filter(([, name]) => parties.includes(name))),
    title,
    declaredNonBinding,
    // Only an instrument that says it does not bind has paragraphs that bind all the same.
    bindingParagraphs: declaredNonBinding ? bindingParagraphs(text) : [],
    policyInstrument: isPolicyInstrument(title, text),
    shorthandTerms: statesTermsInShorthand(title, text),
    companyOutlook: isCompanyOutlook(title, text),
  });

  const obligations = resolveChainedAnchors(found, deadlines.holidayCountry);
  const incompleteDates: IncompleteDates = {};
  if (incompleteSigning) incompleteDates.signedAt = incompleteSigning;
  if (expiresIncomplete) incompleteDates.expiresAt = expiresIncomplete;
  return {
    title,
    publishedAt: iso(publishedAt),
    signedAt: iso(signedAt),
    effectiveAt: iso(effectiveAt),
    entryIntoForceAt: iso(entryIntoForceAt),
    parties,
    term,
    obligations,
    ...(Object.keys(incompleteDates).length > 0 ? { incompleteDates } : {}),
  };
}
